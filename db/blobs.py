"""Content-addressed, immutable file store: blobs/ab/abcdef... named by the SHA-256 of the bytes."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":  # Windows cannot open a directory for fsync; NTFS journals the rename
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_bytes(self, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        if not self.has(sha):
            self._write(sha, [data])
        return sha

    def put_file(self, src: Path) -> tuple[str, int]:
        """Copy `src` into the store byte-exact; returns (sha256, size). Already stored: nothing written."""
        h = hashlib.sha256()
        size = 0
        with open(src, "rb") as f:
            while chunk := f.read(CHUNK):
                h.update(chunk)
                size += len(chunk)
        sha = h.hexdigest()
        if not self.has(sha):
            self._write(sha, self._chunks(src))
            if sha256_file(self.path_for(sha)) != sha:  # the source changed while we read it
                self._remove(sha)
                raise OSError(f"{src} changed while it was being stored")
        return sha, size

    @staticmethod
    def _chunks(src: Path) -> Iterator[bytes]:
        with open(src, "rb") as f:
            while chunk := f.read(CHUNK):
                yield chunk

    def _write(self, sha: str, chunks) -> None:
        dest = self.path_for(sha)
        dest.parent.mkdir(parents=True, exist_ok=True)
        tmp = dest.with_name(f".{sha}.{os.getpid()}.part")
        try:
            with open(tmp, "wb") as f:
                for chunk in chunks:
                    f.write(chunk)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP)  # originals are immutable
            os.replace(tmp, dest)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)  # a full disk must not leave a half-written copy behind
            raise
        _fsync_dir(dest.parent)  # the rename itself must survive a power cut, not only the bytes

    def _remove(self, sha: str) -> None:
        p = self.path_for(sha)
        if p.exists():
            os.chmod(p, stat.S_IWUSR | stat.S_IRUSR)
            p.unlink()

    def read_bytes(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def verify(self, sha256: str) -> str | None:
        """None when the stored file is present and intact, else what is wrong."""
        p = self.path_for(sha256)
        if not p.is_file():
            return "missing"
        if sha256_file(p) != sha256:
            return "content does not match its SHA-256"
        return None

    def all_hashes(self) -> Iterator[str]:
        if not self.root.exists():
            return
        for sub in self.root.iterdir():
            if sub.is_dir() and len(sub.name) == 2:
                for f in sub.iterdir():
                    if len(f.name) == 64 and not f.name.startswith("."):
                        yield f.name
