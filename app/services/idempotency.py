"""Idempotency-Key for POST (IETF httpapi draft): a retry replays the first reply; the same key with
another request is refused (422); a key whose first request is still running is a conflict (409)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import delete, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import col, select

from app.db import Database
from app.errors import DomainError, Unprocessable
from app.models import IdempotencyRecord, utcnow

KEEP_FOR = dt.timedelta(hours=24)
# A request that has run this long without finishing died with its worker: its key may be taken over.
ABANDONED_AFTER = dt.timedelta(minutes=2)


class KeyInFlight(DomainError):
    """The first request with this key has not finished yet."""

    status = 409
    title = "Conflict"


@dataclass(frozen=True)
class Replay:
    """The stored reply to the first request with a key."""

    status: int
    body: bytes
    location: str | None


def fingerprint(content_type: str, query: str, body: bytes) -> str:
    """What makes two requests the same request."""
    digest = hashlib.sha256()
    for part in (content_type.encode(), b"\n", query.encode(), b"\n", body):
        digest.update(part)
    return digest.hexdigest()


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class IdempotencyStore:
    """Keys and their first replies, in the same database as the articles."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def begin(self, scope: str, key: str, print_: str) -> Replay | None:
        """Claim a key for a new request, or return the reply to replay; raise when it cannot be used."""
        now = utcnow()
        with self.database.write() as session:
            expired = col(IdempotencyRecord.created_at) < now - KEEP_FOR
            session.execute(delete(IdempotencyRecord).where(expired))
            values = {"scope": scope, "key": key, "fingerprint": print_, "state": "in_flight", "created_at": now}
            table = IdempotencyRecord.__table__  # type: ignore[attr-defined]
            dialect = session.get_bind().dialect.name
            insert = postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table)
            fresh = insert.values(**values).on_conflict_do_nothing(index_elements=["scope", "key"])
            claimed = session.execute(fresh.returning(table.c.key)).first() is not None
            if claimed:
                session.commit()
                return None
            record = session.exec(
                select(IdempotencyRecord).where(IdempotencyRecord.scope == scope, IdempotencyRecord.key == key)
            ).one()
            if record.fingerprint != print_:
                session.commit()
                raise Unprocessable("This Idempotency-Key was already used with a different request.")
            if record.state == "done":
                session.commit()
                return Replay(record.status or 200, (record.body or "").encode("utf-8"), record.location)
            if now - _aware(record.created_at) < ABANDONED_AFTER:
                session.commit()
                raise KeyInFlight(
                    "A request with this Idempotency-Key is still being processed; retry shortly.",
                    headers={"Retry-After": "1"},
                )
            record.created_at = now  # take over an abandoned key
            session.add(record)
            session.commit()
            return None

    def finish(self, scope: str, key: str, status: int, body: bytes, location: str | None) -> None:
        """Store the reply to replay for later requests with this key."""
        with self.database.write() as session:
            session.execute(
                update(IdempotencyRecord)
                .where(IdempotencyRecord.scope == scope, IdempotencyRecord.key == key)  # type: ignore[arg-type]
                .values(state="done", status=status, body=body.decode("utf-8"), location=location)
            )
            session.commit()

    def abandon(self, scope: str, key: str) -> None:
        """Release a key whose request failed, so that a corrected retry can use it."""
        with self.database.write() as session:
            session.execute(
                delete(IdempotencyRecord).where(
                    IdempotencyRecord.scope == scope,  # type: ignore[arg-type]
                    IdempotencyRecord.key == key,  # type: ignore[arg-type]
                )
            )
            session.commit()
