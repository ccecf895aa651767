"""Engine factory: SQLite pragmas and immediate write transactions, PostgreSQL through psycopg 3."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlmodel import Session

# Engines never put statement parameters in their errors (hide_parameters): they hold article text, URLs and
# sources, and an error's message reaches the logs.
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA busy_timeout=30000",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=NORMAL",
)


@dataclass(frozen=True)
class Database:
    """A reader engine and a writer engine over one store (the same engine on PostgreSQL)."""

    url: str
    reader: Engine
    writer: Engine
    # Called after each write session ends (its commit, if any, is then visible to every reader).
    after_write: list[Callable[[], None]] = field(default_factory=list)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries."""
        with Session(self.reader, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """A session whose reads all see the store as of one moment: SQLite's read transaction does already;
        on PostgreSQL, REPEATABLE READ (never a serialization failure for a transaction that only reads)."""
        with Session(self.reader, expire_on_commit=False) as session:
            if self.reader.dialect.name == "postgresql":
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose transaction takes the write lock at BEGIN (SQLite), so writers never deadlock."""
        try:
            with Session(self.writer, expire_on_commit=False) as session:
                yield session
        finally:
            for callback in self.after_write:
                callback()

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.reader.dispose()
        if self.writer is not self.reader:
            self.writer.dispose()


# Room for every thread a worker runs (THREADS + INGEST_THREADS, a handful by default). SQLite connections
# are cheap to keep and costly to open (pragmas, a cold page cache), so a pool holds one per thread.
SQLITE_POOL_SIZE = 40


def _sqlite_engine(url: str, begin: str) -> Engine:
    engine = create_engine(
        url,
        hide_parameters=True,
        connect_args={"check_same_thread": False, "timeout": 30},
        pool_size=SQLITE_POOL_SIZE,
        max_overflow=SQLITE_POOL_SIZE,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is always deferred).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(begin)

    return engine


def make_database(url: str) -> Database:
    """Build the engines for a SQLAlchemy URL, creating the SQLite file's folder when needed."""
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        return Database(url, _sqlite_engine(url, "BEGIN"), _sqlite_engine(url, "BEGIN IMMEDIATE"))
    engine = create_engine(url, hide_parameters=True, pool_pre_ping=True, pool_size=10, max_overflow=30)
    return Database(url, engine, engine)


@contextmanager
def scratch_postgres(admin_url: str, prefix: str) -> Iterator[str]:
    """A throw-away PostgreSQL database, created beside the one admin_url names and dropped afterwards;
    yields its URL (for test runs and benchmarks that must not touch real data)."""
    name = f"{prefix}_{secrets.token_hex(5)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
