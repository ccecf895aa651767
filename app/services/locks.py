"""Advisory locks that serialise writers whose articles may touch the same cluster or statement (PostgreSQL).

SQLite needs none: its write transactions take the database's one write lock at BEGIN."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session

NAMESPACE = 1207  # the first key of pg_advisory_xact_lock(int, int): Dateline's clusters and statements
# Taken in ascending key order (the subquery sorts them), so two writers never wait on each other in a cycle.
_LOCK = text(
    "SELECT count(pg_advisory_xact_lock(:namespace, k)) "
    "FROM (SELECT DISTINCT k FROM unnest(CAST(:keys AS integer[])) AS k ORDER BY k) AS ordered"
)


def lock_for_article(session: Session, keys: list[int]) -> None:
    """Hold the transaction-scoped locks for these keys (31-bit ints) until commit or rollback."""
    if keys and session.get_bind().dialect.name == "postgresql":
        session.execute(_LOCK, {"namespace": NAMESPACE, "keys": sorted(set(keys))})
