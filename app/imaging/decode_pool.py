"""Decoding DICOM frames off the GUI thread: a thread for uncompressed files, processes for compressed ones.

Measured here (tests/bench/j2k_stall.py): reading an uncompressed slice is mostly I/O and numpy, which
leave the GIL free between small steps, so one decoding thread keeps the GUI responsive. The JPEG 2000
decoder of pylibjpeg-openjpeg (and the other pylibjpeg codecs) holds the GIL for a whole frame (≈40 ms for
a 512×512 CT slice), which stalls the GUI thread just as long; compressed series therefore decode in
worker processes. Workers are started with "spawn" (never fork a process that runs Qt threads), which
also works in the PyInstaller bundle (packaging/entry.py calls multiprocessing.freeze_support()). Starting
them takes a few tenths of a second, so until one is up (`ready`) the slice on screen decodes on the thread:
one short stall buys an early first image.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from app.imaging.dicom_frame import Frame, load_frame

# One core stays with the GUI thread: on the 2-core target PC one worker gave shorter GUI stalls and (with
# other work on the machine) even finished sooner than two (tests/bench/j2k_stall.py).
PROCESSES = max(1, min(3, (os.cpu_count() or 2) - 1))


def decode(path: str, frame: int) -> Frame:
    """One frame, with its value span worked out here rather than on the GUI thread."""
    out = load_frame(path, frame)
    _ = out.raw_range
    return out


def is_compressed(path: Path | str) -> bool:
    """Whether the file's transfer syntax is a compressed one (False when it cannot be told)."""
    from pydicom.filereader import read_file_meta_info

    try:
        syntax = read_file_meta_info(path).get("TransferSyntaxUID")
        return bool(syntax is not None and syntax.is_compressed)
    except Exception:  # no meta header (old CDs), damaged: the thread will find out and say so
        return False


def _warm() -> int:
    """Run in a new worker: load the decoders before the first real frame needs them."""
    import pydicom.pixels  # noqa: F401

    try:
        import openjpeg  # noqa: F401
    except ImportError:
        pass
    return os.getpid()


class DecodePool:
    def __init__(self, processes: int = PROCESSES) -> None:
        self.processes = processes
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mdt-decode")
        self._procs: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self.ready = False  # a worker process has started and loaded the decoders

    def _process_pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._procs is None:
                self._procs = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"))
            return self._procs

    def warm(self) -> None:
        """Start the worker processes now (a compressed series is being opened)."""
        pool = self._process_pool()
        for _ in range(self.processes):
            try:
                pool.submit(_warm).add_done_callback(self._warmed)
            except (BrokenProcessPool, RuntimeError):
                self._drop(pool)
                return

    def _warmed(self, future: Future) -> None:
        if not future.cancelled() and future.exception() is None:
            self.ready = True

    def submit(self, path: Path | str, frame: int, in_process: bool = False) -> Future:
        if not in_process:
            return self._thread.submit(decode, str(path), frame)
        pool = self._process_pool()
        try:
            future = pool.submit(decode, str(path), frame)
        except (BrokenProcessPool, RuntimeError):  # a codec crashed a worker earlier: start afresh
            self._drop(pool)
            pool = self._process_pool()
            try:
                future = pool.submit(decode, str(path), frame)
            except (BrokenProcessPool, RuntimeError, OSError):  # no processes here: slower, but shown
                self._drop(pool)
                return self._thread.submit(decode, str(path), frame)
        future.add_done_callback(lambda f: self._check(pool, f))
        return future

    def _check(self, pool: ProcessPoolExecutor, future: Future) -> None:
        if not future.cancelled() and isinstance(future.exception(), BrokenProcessPool):
            self._drop(pool)

    def _drop(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._procs is pool:
                self._procs = None
                self.ready = False
        pool.shutdown(wait=False, cancel_futures=True)

    def shutdown(self) -> None:
        self._thread.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            procs, self._procs = self._procs, None
        if procs is not None:
            procs.shutdown(wait=False, cancel_futures=True)


_shared: DecodePool | None = None


def shared_pool() -> DecodePool:
    global _shared
    if _shared is None:
        _shared = DecodePool()
    return _shared
