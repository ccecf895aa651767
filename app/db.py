"""Engine factory: SQLite pragmas and immediate write transactions, PostgreSQL through psycopg 3."""

from __future__ import annotations

import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.sql.expression import Select
from sqlmodel import Session

T = TypeVar("T")

# Engines never put statement parameters in their errors (hide_parameters): they hold article text, URLs and
# sources, and an error's message reaches the logs.
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA busy_timeout=30000",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=NORMAL",
)


class TooCostly(Exception):
    """An inline read went past its budget (or found the file locked) and was stopped: run it in a thread."""


class InlineReads:
    """Reads run where they are called, on the event loop's own thread, over one SQLite connection of their
    own: a lookup by key or a page of an index costs less than the trip to a worker thread and back (where
    the worker and the loop also hand the GIL over at every step of a query). A read is stopped once it has
    done about a millisecond of work (SQLite's progress handler), or at once when the file is locked (a 20 ms
    busy timeout), and TooCostly tells the caller to run it in a worker thread instead: the loop is never held
    up for longer.
    Each call is one read transaction, so its statements see one moment of the store."""

    # SQLite calls the progress handler every STEP virtual-machine instructions; a read may run BUDGET_STEPS
    # of them (about a millisecond of work: a page of an index, not a scan). Counted in instructions, not
    # seconds, so time spent waiting for the GIL does not count against a read.
    STEP = 1000
    BUDGET_STEPS = 500
    BUSY_TIMEOUT_MS = 20

    def __init__(self, url: str, step: int = STEP, budget_steps: int = BUDGET_STEPS) -> None:
        self.step, self.budget_steps = step, budget_steps
        self._engine = _sqlite_engine(url, "BEGIN", pool_size=1)
        self._lock = threading.Lock()
        self._compiled: dict[int, tuple[Select[Any], str, list[tuple[str, Any, Any]]]] = {}
        self._steps = 0
        self._conn: Connection | None = None  # opened by the first read: only processes that serve reads hold one

    def _open(self) -> None:
        self._conn = self._engine.connect()
        raw = self._conn.connection.driver_connection
        assert raw is not None
        raw.execute(f"PRAGMA busy_timeout={self.BUSY_TIMEOUT_MS}")
        raw.execute("PRAGMA query_only=ON")
        raw.set_progress_handler(self._step, self.step)
        self._raw = raw

    def _step(self) -> int:
        self._steps += 1
        return int(self._steps > self.budget_steps)

    def run(self, read: Callable[[Connection], T]) -> T:
        """read(connection) in one read transaction; TooCostly when it was stopped."""
        with self._lock:
            if self._conn is None or self._conn.invalidated or self._conn.closed:  # first, or dropped after an error
                if self._conn is not None:
                    self._conn.close()
                self._open()
            assert self._conn is not None
            self._steps = 0
            conn, raw = self._conn, self._raw
            try:
                # The transaction begun and ended on the driver's connection: SQLAlchemy's begin and commit
                # cost more than a lookup's read. A read that uses the SQLAlchemy connection joins it.
                raw.execute("BEGIN")
                try:
                    return read(conn)
                finally:
                    if conn.in_transaction():
                        conn.rollback()
                    if raw.in_transaction:
                        raw.execute("ROLLBACK")  # a read: nothing to commit
            except (OperationalError, sqlite3.OperationalError) as exc:
                if isinstance(getattr(exc, "orig", exc), sqlite3.OperationalError):
                    raise TooCostly() from None
                raise

    def rows(self, stmt: Select[Any], params: dict[str, Any]) -> list[Any]:
        """The rows of a Core statement, inside run(): compiled once (it must live as long as the process),
        then executed on the DBAPI connection with none of SQLAlchemy's per-call work, which costs more than
        SQLite's own on a lookup by key. Parameters are processed as SQLAlchemy would; values come back as the
        driver gives them (for integers, text and bytes, what SQLAlchemy gives too)."""
        found = self._compiled.get(id(stmt))
        if found is None:
            dialect = self._engine.dialect
            compiled = stmt.compile(dialect=dialect)
            binds = [
                (
                    name,
                    compiled.binds[name].value,
                    compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect),
                )
                for name in compiled.positiontup or ()
            ]
            found = self._compiled[id(stmt)] = (stmt, compiled.string, binds)
        _, sql, binds = found
        values = []
        for name, default, process in binds:
            value = params.get(name, default)
            values.append(process(value) if process is not None and value is not None else value)
        return self._raw.execute(sql, values).fetchall()

    def trace(self, callback: Callable[[str], object] | None) -> None:
        """Call callback with every statement this connection runs (None: stop), as SQLite's trace does."""
        with self._lock:
            if self._conn is None:
                self._open()
            self._raw.set_trace_callback(callback)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
            self._engine.dispose()


@dataclass(frozen=True)
class Database:
    """A reader engine and a writer engine over one store (the same engine on PostgreSQL)."""

    url: str
    reader: Engine
    writer: Engine
    # Called after each write session ends (its commit, if any, is then visible to every reader).
    after_write: list[Callable[[], None]] = field(default_factory=list)
    inline: InlineReads | None = None  # SQLite files only

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
        if self.inline is not None:
            self.inline.close()
        if self.writer is not self.reader:
            self.writer.dispose()


# Room for every thread a worker runs (THREADS + INGEST_THREADS, a handful by default). SQLite connections
# are cheap to keep and costly to open (pragmas, a cold page cache), so a pool holds one per thread.
SQLITE_POOL_SIZE = 40


def _sqlite_engine(url: str, begin: str, pool_size: int = SQLITE_POOL_SIZE) -> Engine:
    engine = create_engine(
        url,
        hide_parameters=True,
        connect_args={"check_same_thread": False, "timeout": 30},
        pool_size=pool_size,
        max_overflow=pool_size,
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
        if not connection.connection.driver_connection.in_transaction:  # else InlineReads.run began it
            connection.exec_driver_sql(begin)

    return engine


def make_database(url: str) -> Database:
    """Build the engines for a SQLAlchemy URL, creating the SQLite file's folder when needed."""
    if url.startswith("sqlite"):
        path = make_url(url).database
        on_disk = bool(path) and path != ":memory:"
        if path and on_disk:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        reader, writer = _sqlite_engine(url, "BEGIN"), _sqlite_engine(url, "BEGIN IMMEDIATE")
        return Database(url, reader, writer, inline=InlineReads(url) if on_disk else None)
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
