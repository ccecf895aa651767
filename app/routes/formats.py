"""Reply formats: JSON by default, CSV for lists and aggregates (`Accept: text/csv` or `format=csv`)."""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import Annotated, Any, Literal
from urllib.parse import parse_qsl, urlencode

from fastapi import Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

CSV = "text/csv"
NDJSON = "application/x-ndjson"
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {200: {"content": {CSV: {"schema": {"type": "string"}}}}}

FORMAT_DESCRIPTION = "Reply format; also chosen by Accept: text/csv"
FormatParam = Annotated[Literal["json", "csv"] | None, Query(description=FORMAT_DESCRIPTION)]


def wants_csv(request: Request, fmt: str | None) -> bool:
    """Whether the client asked for CSV, by parameter or by Accept header."""
    if fmt is not None:
        return fmt == "csv"
    accept = request.headers.get("accept", "")
    return CSV in accept and "application/json" not in accept


# OWASP CSV injection: a cell a spreadsheet would read as a formula (or as one after a tab or CR) starts with
# a single quote, which spreadsheets show as text and do not evaluate.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MARKS = re.compile(r"</?mark>")


def safe_cell(value: Any) -> Any:
    """A value as a CSV cell that no spreadsheet runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def flatten(item: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects as dotted columns; lists as JSON text, so every row is flat."""
    flat: dict[str, Any] = {}
    for key, value in item.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False, default=str)
        elif key == "snippet" and isinstance(value, str):
            flat[name] = MARKS.sub("", value)  # the <mark> tags are for HTML, not for a table
        else:
            flat[name] = value
    return flat


def csv_lines(rows: Iterable[dict[str, Any]], columns: list[str] | None = None) -> Iterator[str]:
    """CSV text, a line at a time, with a header of the first row's columns (or the given ones)."""
    buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        flat = flatten(row)
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=columns or list(flat), extrasaction="ignore")
            writer.writerow({name: safe_cell(name) for name in writer.fieldnames})
        writer.writerow({key: safe_cell(value) for key, value in flat.items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if writer is None and columns:
        yield ",".join(columns) + "\r\n"


def items_of(model: BaseModel) -> list[dict[str, Any]]:
    """The rows of a list or aggregate reply."""
    data = model.model_dump(mode="json")
    return list(data.get("items", []))


def as_csv(model: BaseModel, columns: list[str] | None = None) -> Response:
    """A list or aggregate reply as CSV."""
    return csv_reply(items_of(model), columns)


def csv_reply(rows: list[dict[str, Any]], columns: list[str] | None = None) -> Response:
    """Rows as a CSV reply."""
    return Response("".join(csv_lines(rows, columns)), media_type=f"{CSV}; charset=utf-8")


def reply(request: Request, fmt: str | None, model: BaseModel, columns: list[str] | None = None) -> Any:
    """The model itself (JSON), or its rows as CSV when asked."""
    return as_csv(model, columns) if wants_csv(request, fmt) else model


NINJS = "application/ninjs+json"
JSONLD = "application/ld+json"
ArticleFormatParam = Annotated[
    Literal["json", "ninjs", "jsonld"] | None,
    Query(description="json (default), ninjs (IPTC ninjs 2.1) or jsonld (schema.org NewsArticle); also by Accept"),
]
ARTICLE_FORMATS: dict[int | str, dict[str, Any]] = {
    200: {"content": {NINJS: {"schema": {"type": "object"}}, JSONLD: {"schema": {"type": "object"}}}},
    304: {"description": "Not modified: the ETag matches If-None-Match"},
}


def article_format(request: Request, fmt: str | None) -> str:
    """Which representation of an article the client asked for."""
    if fmt is not None:
        return fmt
    accept = request.headers.get("accept", "")
    if NINJS in accept:
        return "ninjs"
    if JSONLD in accept:
        return "jsonld"
    return "json"


def json_bytes(payload: Any) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def etagged(request: Request, payload: Any, media_type: str, cache_control: str) -> Response:
    """A JSON reply with a strong ETag; 304 when the client's If-None-Match already has it."""
    return etagged_body(request, json_bytes(payload), media_type, cache_control)


def entity_tag(body: bytes) -> str:
    """A strong ETag for a reply body: a digest of it."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def etag_matches(if_none_match: str, tag: str) -> bool:
    """Whether an If-None-Match header names this entity tag (weak comparison, as RFC 9110 asks for GET)."""
    if if_none_match.strip() == "*":
        return True
    return tag.removeprefix("W/") in {t.strip().removeprefix("W/") for t in if_none_match.split(",")}


def etagged_body(request: Request, body: bytes, media_type: str, cache_control: str) -> Response:
    """A serialised reply with a strong ETag; 304 when If-None-Match has it."""
    tag = entity_tag(body)
    headers = {"ETag": tag, "Cache-Control": cache_control, "Vary": "Accept"}
    if etag_matches(request.headers.get("if-none-match", ""), tag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=media_type, headers=headers)


def public_base(request: Request) -> str:
    """The scheme and host clients reach the API at: PUBLIC_BASE_URL behind a reverse proxy, else the
    request's own (after uvicorn applied trusted X-Forwarded-* headers)."""
    configured: str | None = request.app.state.settings.public_base_url
    if configured:
        return configured
    scope = request.scope
    host = next((value for key, value in scope["headers"] if key == b"host"), None)
    root = scope.get("app_root_path", scope.get("root_path", ""))
    server = scope.get("server")
    return _base_url(scope.get("scheme", "http"), tuple(server) if server else None, root, host)


@functools.lru_cache(maxsize=256)  # a list reply needs it: building Starlette's URL objects showed in profiles
def _base_url(scheme: str, server: tuple[str, int] | None, root_path: str, host: bytes | None) -> str:
    """Starlette's request.base_url, without its trailing slash, of a request with these parts."""
    headers = [(b"host", host)] if host is not None else []
    scope = {"type": "http", "scheme": scheme, "server": server, "root_path": root_path, "headers": headers}
    return str(Request(scope).base_url).rstrip("/")


def public_url(request: Request, path: str) -> str:
    """An absolute URL of a path of this API, as clients reach it."""
    return public_base(request) + path


def request_path(request: Request) -> str:
    """request.url.path, without building the URL object."""
    return str(request.scope["path"]).replace("?", "%3F").replace("#", "%23").replace("\\", "%5C")


PAGING = ("limit", "offset")


def link_header(request: Request, offset: int, limit: int, total: int) -> str:
    """RFC 8288 Link header with first/prev/next/last pages of a list, on the public base URL."""
    # The request's query without limit and offset, then both (as Starlette's include_query_params would put
    # them), built from the raw query string: a list reply is sent often enough for URL objects to show.
    kept = [
        (k, v) for k, v in parse_qsl(request.scope.get("query_string", b"").decode("latin-1"), True) if k not in PAGING
    ]
    prefix = (
        f"<{public_url(request, request_path(request))}?"
        + (urlencode(kept) + "&" if kept else "")
        + f"limit={limit}&offset="
    )

    def at(off: int) -> str:
        return f"{prefix}{off}>"

    links = [f'{at(0)}; rel="first"']
    if offset > 0:
        links.append(f'{at(max(0, offset - limit))}; rel="prev"')
    if offset + limit < total:
        links.append(f'{at(offset + limit)}; rel="next"')
    last = max(0, ((total - 1) // limit) * limit) if total else 0
    links.append(f'{at(last)}; rel="last"')
    return ", ".join(links)
