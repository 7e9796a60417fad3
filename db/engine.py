"""Engine creation with the per-connection pragmas a medical record needs."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 10_000


def _on_connect(dbapi_conn, _record) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when a transaction begins (see _on_begin).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit the app reported as saved survives a power cut (medical records, old PCs, no UPS).
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def _on_begin(conn) -> None:
    # Writers take the write lock up front (BEGIN IMMEDIATE): the audit chain reads the last hash and
    # appends in one transaction, which must not interleave with another writer's.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def make_readonly_engine(path: Path) -> Engine:
    """For inspection (`check`): opens the file read-only so a damaged or foreign file stays untouched."""
    from db.sqlite_file import ro_uri

    engine = create_engine(f"sqlite:///{ro_uri(path)}&uri=true")

    def _ro_connect(dbapi_conn, _record) -> None:
        dbapi_conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    event.listen(engine, "connect", _ro_connect)
    return engine
