"""One Database object per data dir; `session()` is one unit of work: commit on success, else rollback."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.engine import make_engine


class Database:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine: Engine = make_engine(path)
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(
            self.engine.execution_options(sqlite_begin="IMMEDIATE"), expire_on_commit=False
        )

    @contextmanager
    def session(self, write: bool = True) -> Iterator[Session]:
        s = (self._write if write else self._read)()
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def read(self):
        return self.session(write=False)

    def dispose(self) -> None:
        self.engine.dispose()
