"""Typed dependency aliases, so routes read as plain signatures."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Awaitable, Callable, Iterator
from typing import Annotated, Any, TypeVar, get_origin

from fastapi import Depends, Path, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, ValidationError
from sqlmodel import Session

from app.config import Settings, is_loopback
from app.db import Database
from app.errors import Forbidden, Unauthorized, Unprocessable
from app.services.ingest import Ingestor
from app.services.queries import PageRequest
from app.worker import JobRunner


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


async def get_jobs(request: Request) -> JobRunner:
    """The app's job runner: where jobs are queued (and, without QUEUE_URL, run)."""
    runner: JobRunner = request.app.state.jobs
    return runner


SettingsDep = Annotated[Settings, Depends(get_settings)]
JobsDep = Annotated[JobRunner, Depends(get_jobs)]
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


# Declared so the API description has the two schemes (Swagger UI's Authorize button); the key itself is
# read by presented_key, which rate limits and idempotency use as well.
bearer_scheme = HTTPBearer(
    auto_error=False, scheme_name="bearerAuth", description="`Authorization: Bearer <key>`, a key of API_KEYS"
)
api_key_scheme = APIKeyHeader(
    name="X-API-Key", auto_error=False, scheme_name="apiKeyHeader", description="The same key in `X-API-Key`"
)


def limit_identity(request: Request, settings: Settings) -> str:
    """Whose budget a request spends: a configured key's own, else its client address's (an unknown key
    counts with its address, so a new random key per request gains nothing)."""
    key = presented_key(request)
    if key and key_is_valid(settings, key):
        return key_scope(key)
    host = request.client.host if request.client else "unknown"
    return f"addr:{host}"


def check_key(request: Request, settings: Settings) -> None:
    """401 without a key, 403 with one that is not configured."""
    key = presented_key(request)
    if key is None:
        raise Unauthorized(
            "This endpoint needs an API key: send 'Authorization: Bearer <key>' or 'X-API-Key: <key>'.",
            headers={"WWW-Authenticate": 'Bearer realm="dateline"'},
        )
    if not key_is_valid(settings, key):
        raise Forbidden("The API key is not valid.")


def is_loopback_client(request: Request) -> bool:
    """Whether the request comes from this machine (the peer's address, not a forwarded header)."""
    return request.client is not None and is_loopback(request.client.host)


def refuse_cross_site(request: Request, settings: Settings) -> None:
    """403 for a write a browser sends from another site's page (a no-cors form or fetch needs no key when
    none is configured, and would carry one kept in the browser). The browser's Sec-Fetch-Site decides when
    sent; otherwise an Origin whose host is not the one the request addressed. CORS_ORIGINS are allowed."""
    origin = (request.headers.get("origin") or "").lower().rstrip("/")
    if origin and origin in {o.lower().rstrip("/") for o in settings.cors_origins}:
        return
    site = request.headers.get("sec-fetch-site", "").lower()
    if site in ("same-origin", "none"):  # set by the browser itself: a page cannot forge it
        return
    if site:
        foreign = True  # cross-site or same-site (another host of the site)
    else:  # an older browser, or no browser at all (which sends no Origin)
        host = request.headers.get("host", "").lower()
        foreign = bool(origin) and (origin == "null" or origin.partition("://")[2] != host)
    if foreign:
        raise Forbidden(
            "Writes from another site's pages are refused: call the API from its own pages, a server or a "
            "command line, or add the page's origin to CORS_ORIGINS."
        )


async def require_writer(
    request: Request,
    settings: SettingsDep,
    _bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer_scheme)],
    _api_key: Annotated[str | None, Depends(api_key_scheme)],
) -> None:
    """Writes need one of the configured API keys; with none configured, they are accepted only from this
    machine (checked per request, however the app is served). Cross-site browser writes are refused."""
    refuse_cross_site(request, settings)
    if settings.writes_need_key:
        check_key(request, settings)
        return
    if not is_loopback_client(request):
        raise Forbidden(
            "No API keys are configured, so writes are accepted only from this machine. "
            "Set API_KEYS to accept writes from the network."
        )


def query_models(dependant: Dependant) -> list[type[QueryModel]]:
    """The QueryModels a route's dependencies validate its query string as (query_model), in order."""
    found: list[type[QueryModel]] = []
    model = getattr(dependant.call, "query_model", None)
    if model is not None:
        found.append(model)
    for sub in dependant.dependencies:
        found += [each for each in query_models(sub) if each not in found]
    return found


def _query_names(dependant: Dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    model = getattr(dependant.call, "query_model", None)  # a QueryModel's fields (query_model)
    if model is not None:
        names |= set(model.model_fields)
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


_KNOWN_QUERY: dict[int, frozenset[str]] = {}


async def check_query(request: Request) -> None:
    """422 naming every query parameter the route does not declare: a typo (`?agncy=TASS`) must not silently
    return the unfiltered list; then 422 for a parameter holding a NUL character, which PostgreSQL can neither
    store nor compare. Applies to every route of the API description."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not route.include_in_schema:
        return
    known = _KNOWN_QUERY.get(id(route))
    if known is None:
        known = _KNOWN_QUERY[id(route)] = frozenset(_query_names(route.dependant))
    params = request.query_params
    unknown = sorted({name for name in params if name not in known})
    if unknown:
        raise Unprocessable(
            f"Unknown query parameter{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}. "
            f"This endpoint takes: {', '.join(sorted(known)) or 'none'}."
        )
    if any("\x00" in value for value in params.values()):
        raise Unprocessable("Query parameters must not contain NUL characters.")


WriterDep = Annotated[None, Depends(require_writer)]


PAGE_LIMIT = "Items per page, at most MAX_PAGE_SIZE"


MAX_OFFSET = 10_000_000  # the deepest a page may start (get_page, QueryModel lists)


async def get_page(
    settings: SettingsDep,
    # The cap is MAX_PAGE_SIZE, a setting: checked below and written into the API description (app/openapi.py).
    limit: Annotated[int | None, Query(ge=1, description=PAGE_LIMIT)] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")] = 0,
) -> PageRequest:
    """The slice of a list a request asks for; a limit over MAX_PAGE_SIZE is refused."""
    return page_of(settings, limit, offset)


PageDep = Annotated[PageRequest, Depends(get_page)]


class QueryModel(BaseModel):
    """A route's query parameters as one model, validated in one step (query_model) rather than parameter by
    parameter: on a hot list route, FastAPI's per-parameter handling cost more than the database read."""

    model_config = ConfigDict(frozen=True)


Q = TypeVar("Q", bound=QueryModel)


def query_model(model: type[Q]) -> Callable[[Request], Awaitable[Q]]:
    """A dependency that validates a request's query string as `model`, failing as FastAPI's own parameters
    do (422, each error located in the query); check_query knows its fields and the API description
    (app/openapi.py) documents them."""
    lists = frozenset(name for name, field in model.model_fields.items() if get_origin(field.annotation) is list)

    async def parse(request: Request) -> Q:
        params = request.query_params
        values: dict[str, Any] = dict(params)  # the last value of a repeated parameter, as FastAPI takes it
        for name in lists & values.keys():
            values[name] = params.getlist(name)
        try:
            return model.model_validate(values)
        except ValidationError as exc:
            raise RequestValidationError(
                [{**error, "loc": ("query", *error["loc"])} for error in exc.errors(include_url=False)]
            ) from None

    parse.query_model = model  # type: ignore[attr-defined]  # read by check_query
    return parse


def documented_query(model: type[QueryModel]) -> list[dict[str, Any]]:
    """A QueryModel's fields as OpenAPI parameters, as FastAPI documents declared parameters."""
    schema = model.model_json_schema()
    if "$defs" in schema:
        raise TypeError(f"{model.__name__}: a query parameter's schema must be inline (no nested models or enums)")
    parameters = []
    for name, field in model.model_fields.items():
        prop = {key: value for key, value in schema["properties"][name].items() if (key, value) != ("default", None)}
        parameter = {"name": name, "in": "query", "required": field.is_required(), "schema": prop}
        if field.description:
            parameter["description"] = field.description
        parameters.append(parameter)
    return parameters


def page_of(settings: Settings, limit: int | None, offset: int) -> PageRequest:
    """A page of a list as get_page makes it: a limit over MAX_PAGE_SIZE is refused."""
    if limit is None:
        limit = settings.default_page_size
    if limit > settings.max_page_size:
        raise Unprocessable(f"limit must be at most {settings.max_page_size}.")
    return PageRequest(limit=limit, offset=offset)


MAX_ID = 2_147_483_647  # the largest id an INTEGER column holds on PostgreSQL
IdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="Numeric id")]
