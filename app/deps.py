"""Typed dependency aliases, so routes read as plain signatures."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Path, Query, Request
from sqlmodel import Session

from app.config import Settings
from app.db import Database
from app.errors import Forbidden, Unauthorized, Unprocessable
from app.services.ingest import Ingestor
from app.services.queries import PageRequest


async def get_settings(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


async def get_database(request: Request) -> Database:
    """The app's database."""
    database: Database = request.app.state.database
    return database


async def get_ingestor(request: Request) -> Ingestor:
    """The app's ingest service (holds the loaded NLP model)."""
    ingestor: Ingestor = request.app.state.ingestor
    return ingestor


SettingsDep = Annotated[Settings, Depends(get_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]
IngestorDep = Annotated[Ingestor, Depends(get_ingestor)]


def get_session(database: DatabaseDep) -> Iterator[Session]:
    """A read session for one request."""
    with database.read() as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def presented_key(request: Request) -> str | None:
    """The API key a request carries: Authorization: Bearer <key>, or X-API-Key."""
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return request.headers.get("x-api-key") or None


def key_is_valid(settings: Settings, key: str) -> bool:
    """Whether a presented key is configured, compared in constant time against every key and hash."""
    given = key.encode()
    digest = hashlib.sha256(given).hexdigest().encode()
    matched = False
    for candidate in settings.api_keys:
        matched |= hmac.compare_digest(candidate.encode(), given)
    for hashed in settings.api_key_hashes:
        matched |= hmac.compare_digest(hashed.encode(), digest)
    return matched


def key_scope(key: str) -> str:
    """A client's identity derived from its API key, never the key itself."""
    return "key:" + hashlib.sha256(key.encode()).hexdigest()[:24]


def client_identity(request: Request) -> str:
    """Who is calling, for rate limits and idempotency keys: a digest of the API key, else the address."""
    key = presented_key(request)
    if key:
        return key_scope(key)
    host = request.client.host if request.client else "unknown"
    return f"addr:{host}"


async def require_writer(request: Request, settings: SettingsDep) -> None:
    """Writes need one of the configured API keys (when any are configured)."""
    if not settings.writes_need_key:
        return
    key = presented_key(request)
    if key is None:
        raise Unauthorized(
            "This endpoint needs an API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.",
            headers={"WWW-Authenticate": 'Bearer realm="dateline"'},
        )
    if not key_is_valid(settings, key):
        raise Forbidden("The API key is not valid.")


async def refuse_nul_in_query(request: Request) -> None:
    """422 for a query parameter holding a NUL character: PostgreSQL can neither store nor compare one."""
    if any("\x00" in value for value in request.query_params.values()):
        raise Unprocessable("Query parameters must not contain NUL characters.")


WriterDep = Annotated[None, Depends(require_writer)]


async def get_page(
    settings: SettingsDep,
    limit: Annotated[int | None, Query(ge=1, le=1_000_000, description="Items per page (capped)")] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip")] = 0,
) -> PageRequest:
    """The slice of a list a request asks for; a limit over MAX_PAGE_SIZE is refused."""
    if limit is None:
        limit = settings.default_page_size
    if limit > settings.max_page_size:
        raise Unprocessable(f"limit must be at most {settings.max_page_size}.")
    return PageRequest(limit=limit, offset=offset)


PageDep = Annotated[PageRequest, Depends(get_page)]


MAX_ID = 2_147_483_647  # the largest id an INTEGER column holds on PostgreSQL
IdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="Numeric id")]
