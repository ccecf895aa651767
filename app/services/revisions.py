"""The store's revision: a token that changes whenever a commit could change what a read returns.

Any process may write (another uvicorn worker, `dateline ingest`, a hand-run SQL statement), so the
token comes from the database itself:
- SQLite: `PRAGMA data_version` on a connection of our own that never writes. It changes when any other
  connection commits, and costs a few microseconds (it reads the WAL index in shared memory).
- PostgreSQL: a trigger on the tables reads come from NOTIFYs `dateline_changes` when a transaction
  that wrote them commits; a thread of ours LISTENs and counts. While that connection is down the
  revision is unknown (None), and callers must not trust anything they kept.
Commits made through this process's own writer bump the revision at once as well, so a client reads
its own writes without waiting for a notification.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from typing import Protocol

from sqlalchemy.engine import make_url

log = logging.getLogger("dateline.revisions")
CHANNEL = "dateline_changes"


class Revision(Protocol):
    """Where the store's revision is read."""

    def current(self) -> int | None:
        """The revision now; None when it cannot be known (then nothing kept may be trusted)."""
        ...

    def bump(self) -> None:
        """Note a commit made by this process."""
        ...

    def close(self) -> None:
        """Release the connection or thread behind it."""
        ...


class SqliteRevision:
    """The revision of an SQLite file, from PRAGMA data_version on a private connection that never writes."""

    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()

    def current(self) -> int | None:
        """data_version: it changes on every commit by any other connection, ours included."""
        with self._lock:
            try:
                return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error:
                return None

    def bump(self) -> None:
        """Nothing to do: our own writer's commits change data_version too."""

    def close(self) -> None:
        """Close the private connection."""
        with self._lock:
            self._conn.close()


class PostgresRevision:
    """The revision of a PostgreSQL database: a count of the change notifications received."""

    def __init__(self, url: str, reconnect_after: float = 1.0) -> None:
        self._dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        self._reconnect_after = reconnect_after
        self._lock = threading.Lock()
        self._count = 0
        self.listening = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._listen, name="dateline-revisions", daemon=True)
        self._thread.start()

    def current(self) -> int | None:
        """The number of changes seen; None while not listening."""
        with self._lock:
            return self._count if self.listening.is_set() else None

    def bump(self) -> None:
        """Count a commit of our own before its notification arrives."""
        with self._lock:
            self._count += 1

    def _listen(self) -> None:
        import psycopg

        while not self._stop.is_set():
            try:
                with psycopg.connect(self._dsn, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    with self._lock:
                        self._count += 1  # changes may have been missed while not listening
                        self.listening.set()
                    while not self._stop.is_set():
                        for _ in conn.notifies(timeout=0.5):
                            with self._lock:
                                self._count += 1
            except Exception as exc:  # any failure: stop vouching for the revision, then reconnect
                log.warning("change notifications interrupted: %s", type(exc).__name__)
            with self._lock:
                self.listening.clear()
            self._stop.wait(self._reconnect_after)

    def close(self) -> None:
        """Stop listening."""
        self._stop.set()
        self._thread.join(timeout=5)


def revision_for(url: str) -> Revision | None:
    """The revision source for a database URL; None for an in-memory SQLite database (nothing to watch)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        return PostgresRevision(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
        return SqliteRevision(parsed.database)
    return None
