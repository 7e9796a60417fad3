"""A full disk, a read-only folder, a failing disk: said in words a clerk understands, nothing half saved.

Every write goes through `Database.session()`; SQLite rolls the transaction back when it cannot write,
and stored files are written before their rows, so after such an error the data is as it was. What was
missing was the sentence: sqlite3 says "database or disk is full", the OS says "No space left on device".
`GuardedDatabase` turns both into a `StorageError` (a DataDirError) naming the cause and what to do.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.errors import DataDirError
from app.i18n import QT_TRANSLATE_NOOP as N
from db.session import Database

log = logging.getLogger(__name__)

FULL = N("errors", "The disk that holds the data folder is full: nothing was saved. Free some space (or ask IT), "
                   "then try again. What was saved before is intact.")
READ_ONLY = N("errors", "The data folder cannot be written (it is read-only, or access is denied): nothing was "
                        "saved. Ask IT to check the folder and its permissions. What was saved before is intact.")
IO_ERROR = N("errors", "The disk reported an error while saving: nothing was saved. Check the disk (or ask IT) "
                       "before going on. What was saved before is intact.")

_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


class StorageError(DataDirError):
    pass


def storage_error(exc: BaseException) -> StorageError | None:
    """The clear error for a write that failed for lack of space, permission or a working disk; else None."""
    if isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError):
        if exc.errno in _FULL_ERRNOS:
            return StorageError(FULL, details=repr(exc))
        if exc.errno in _READ_ONLY_ERRNOS:
            return StorageError(READ_ONLY, details=repr(exc))
        if exc.errno == errno.EIO:
            return StorageError(IO_ERROR, details=repr(exc))
        return None
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(original, sqlite3.Error):
        code = getattr(original, "sqlite_errorcode", None)
        text = str(original).lower()
        if code == sqlite3.SQLITE_FULL or "disk is full" in text:
            return StorageError(FULL, details=repr(original))
        if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN) or "readonly" in text:
            return StorageError(READ_ONLY, details=repr(original))
        if code == sqlite3.SQLITE_IOERR or (code is not None and code & 0xFF == sqlite3.SQLITE_IOERR) \
                or "disk i/o error" in text:
            return StorageError(IO_ERROR, details=repr(original))
    return None


class GuardedDatabase(Database):
    @contextmanager
    def session(self, write: bool = True) -> Iterator[Session]:
        try:
            with super().session(write) as s:
                yield s
        except (OSError, DBAPIError, sqlite3.Error) as e:
            clear = storage_error(e)
            if clear is None:
                raise
            # errno and kind only: an OSError's file name may be a CD folder named after the patient
            log.warning("write failed: %s (errno %s)", type(e).__name__, getattr(e, "errno", None))
            raise clear from e
