"""One running MDT Desk per data dir: a second instance gets a clear message, not a corrupted database."""

from __future__ import annotations

import os
import socket

from filelock import FileLock, Timeout

from app.config import DataDir
from app.errors import DataDirError
from app.i18n import QT_TRANSLATE_NOOP


class InstanceLock:
    def __init__(self, data_dir: DataDir) -> None:
        self.data_dir = data_dir
        self._lock = FileLock(str(data_dir.lock_path), timeout=0)
        self._info = data_dir.root / ".mdt-desk.owner"

    def acquire(self) -> None:
        self.data_dir.root.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire()
        except Timeout:
            owner = ""
            try:
                owner = self._info.read_text(encoding="utf-8").strip()
            except OSError:
                pass
            raise DataDirError(
                QT_TRANSLATE_NOOP(
                    "errors",
                    "MDT Desk is already running with this data folder ({owner}). "
                    "Close the other window first, then try again.",
                ),
                details=str(self.data_dir.root),
                owner=owner or "?",
            ) from None
        try:
            self._info.write_text(f"{socket.gethostname()} pid {os.getpid()}", encoding="utf-8")
        except OSError:
            pass

    def release(self) -> None:
        if self._lock.is_locked:
            self._lock.release()

    def __enter__(self) -> InstanceLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()
