"""Articles: ingest raw text, read the structured article back."""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import json
import logging
import threading
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Annotated, Any, Literal

import anyio
from anyio import to_thread
from fastapi import APIRouter, Depends, Header, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import Field, ValidationError
from starlette.requests import ClientDisconnect

from app.db import Database, TooCostly
from app.deps import (
    MAX_ID,
    MAX_OFFSET,
    PAGE_LIMIT,
    DatabaseDep,
    IdPath,
    IngestorDep,
    JobsDep,
    PageDep,
    QueryModel,
    SessionDep,
    SettingsDep,
    WriterDep,
    client_identity,
    page_of,
    query_model,
)
from app.errors import BadInput, NotFound, PayloadTooLarge, Unprocessable, UnsupportedMediaType
from app.nlp import ParseAborted
from app.routes.formats import (
    ARTICLE_FORMATS,
    CSV_RESPONSE,
    FORMAT_DESCRIPTION,
    JSONLD,
    NINJS,
    ArticleFormatParam,
    FormatParam,
    article_format,
    as_csv,
    csv_reply,
    etagged_body,
    json_bytes,
    link_header,
    public_base,
    wants_csv,
)
from app.schemas import ArticleEntityOut, ArticleIn, ArticleOut, ArticleSummary, JobOut, Page, Problem, QuoteOut
from app.services import article_json, deletion, queries, webpage
from app.services.idempotency import IdempotencyStore, fingerprint
from app.services.ingest import Ingestor, Submission, parse_published, validate_text
from app.services.jobs import get_job
from app.services.renderings import to_jsonld, to_ninjs
from app.worker import JobRunner

router = APIRouter(prefix="/v1/articles", tags=["articles"])
log = logging.getLogger("dateline")
# Codecs that claim to be text encodings but turn bytes into something other than the text they spell.
NOT_CHARSETS = frozenset({"idna", "punycode", "raw-unicode-escape", "unicode-escape", "undefined"})
# An article's text never changes; its entity names can (when a later article names a person in full).
ARTICLE_CACHE = "public, max-age=60, must-revalidate"


def paged(request: Request, response: Response, fmt: str | None, page: Page[Any]) -> Any:
    """A list page as JSON (with a Link header) or as CSV."""
    link = link_header(request, page.offset, page.limit, page.total)
    if wants_csv(request, fmt):
        reply_csv = as_csv(page)
        reply_csv.headers["Link"] = link
        return reply_csv
    response.headers["Link"] = link
    return page


PROBLEMS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "content": {"application/problem+json": {}}, "description": why}
    for code, why in {
        400: "Bad input: empty text, NUL bytes, binary data, malformed JSON, invalid UTF-8 or an unknown charset",
        401: "An API key is configured and none was sent",
        403: "The API key is wrong, or the write comes from another site's page or (no keys set) another machine",
        409: "A request with the same Idempotency-Key is still being processed",
        413: "The body or the text is over the limit",
        415: "The Content-Type is not application/json, text/plain or text/html",
        422: "A field or parameter is invalid, or the Idempotency-Key was used with another request",
        503: "Parsing took longer than PARSE_TIMEOUT_S (the server is busy, or the text is costly); nothing stored",
    }.items()
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "content": {"application/problem+json": {}}, "description": "No such article"},
    422: {"model": Problem, "content": {"application/problem+json": {}}, "description": "Invalid parameter"},
}
INGEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/ArticleIn"}},
            "text/plain": {"schema": {"type": "string", "description": "The raw article text"}},
            "text/html": {"schema": {"type": "string", "description": "A web page: its story is extracted"}},
        },
    }
}


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes the limit."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"The body has {declared} bytes; the limit is {limit}.")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"The body is over the limit of {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def submission_from_json(raw: bytes, fallback: Submission) -> Submission:
    """A submission from a JSON body, with query parameters filling fields the body leaves out."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        # ValueError covers bad JSON, bad UTF-8 and integers past Python's 4,300-digit conversion limit.
        raise BadInput(f"The body is not valid JSON: {str(exc)[:200]}") from None
    if not isinstance(data, dict):
        raise Unprocessable("The JSON body must be an object with a 'text' field.")
    try:
        body = ArticleIn.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ())) or "body"
        raise Unprocessable(f"{where}: {first.get('msg')}") from None
    return Submission(
        text=body.text or "",
        html=body.html,
        published_at=body.published_at or fallback.published_at,
        url=body.url or fallback.url,
        source=body.source or fallback.source,
    )


def text_codec(charset: str) -> codecs.CodecInfo:
    """The codec a text/plain charset names; 400 unless it is a text encoding Python knows ("idna",
    "punycode", "rot13", "base64" and the like are codecs, not charsets)."""
    try:
        codec = codecs.lookup(charset)
    except (LookupError, ValueError, TypeError):
        codec = None
    if codec is None or not getattr(codec, "_is_text_encoding", True) or codec.name in NOT_CHARSETS:
        raise BadInput(f"charset={charset[:40]!r} is not a text encoding; send UTF-8.")
    return codec


def submission_from_text(raw: bytes, charset: str, fallback: Submission) -> Submission:
    """A submission from a text/plain body."""
    codec = text_codec(charset)
    try:
        text = codec.decode(raw)[0]
    except (UnicodeError, ValueError, TypeError, LookupError):
        raise BadInput(f"The body is not valid {codec.name} text.") from None
    return Submission(text=text, published_at=fallback.published_at, url=fallback.url, source=fallback.source)


def submission_from_html(raw: bytes, charset: str | None, fallback: Submission) -> Submission:
    """A submission from a text/html body: a web page whose story is extracted at ingest."""
    html = webpage.decode_html(raw, charset)
    return replace(fallback, html=html)


def media_type(request: Request) -> tuple[str, str]:
    """The body's media type and charset (UTF-8 unless stated)."""
    header = request.headers.get("content-type", "")
    kind, *params = (part.strip() for part in header.split(";"))
    charset = "utf-8"
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"')
    return kind.lower(), charset


@router.post(
    "",
    status_code=201,
    response_model=ArticleOut,
    responses={
        200: {"model": ArticleOut, "description": "The same text was already stored"},
        202: {"model": JobOut, "description": "Queued (Prefer: respond-async): the job; Location is its URL"},
        **PROBLEMS,
    },
    openapi_extra=INGEST_BODY,
)
async def ingest_article(
    request: Request,
    ingestor: IngestorDep,
    jobs: JobsDep,
    database: DatabaseDep,
    settings: SettingsDep,
    _writer: WriterDep,
    published_at: Annotated[str | None, Query(description="ISO 8601 or RFC 2822 date (text/plain bodies)")] = None,
    url: Annotated[str | None, Query(max_length=2048, description="Where it was published (text/plain bodies)")] = None,
    source: Annotated[str | None, Query(max_length=200, description="Publisher or feed (text/plain bodies)")] = None,
    idempotency_key_header: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            description="Makes retries safe: a retry replays the first reply; another body with it is a 422",
        ),
    ] = None,
    prefer: Annotated[
        str | None,
        Header(description="respond-async (RFC 7240): queue the article as a job and reply 202 with the job"),
    ] = None,
) -> Response:
    """Ingest raw article text: parse it, store it with its quotes and entities, return the article. With
    `Prefer: respond-async`, queue it instead: 202, the job, and its Location."""
    kind, charset = media_type(request)
    if kind not in ("application/json", "text/plain", "text/html"):
        raise UnsupportedMediaType(
            f"Content-Type {kind or '(none)'!r} is not supported: send application/json, text/plain or text/html."
        )
    raw = await read_body(request, settings.max_body_bytes)
    if not raw.strip():
        raise BadInput("The body is empty.")
    fallback = Submission(text="", published_at=parse_published(published_at), url=url, source=source)
    if kind == "application/json":
        submission = submission_from_json(raw, fallback)
    elif kind == "text/html":
        stated = "charset=" in request.headers.get("content-type", "").lower()
        submission = submission_from_html(raw, charset if stated else None, fallback)
    else:
        submission = submission_from_text(raw, charset, fallback)
    if respond_async(prefer):
        if submission.html is None:  # a page's text is known once the job extracts it
            validate_text(submission.text, settings.max_text_chars)  # bad text is a 4xx now, not a failed job

        async def produce() -> tuple[int, bytes, str | None]:
            return await queue_submission(jobs, submission)
    else:

        async def produce() -> tuple[int, bytes, str | None]:
            return await store_submission(request, ingestor, database, submission)

    if idempotency_key_header is None:
        return article_reply(*await produce())
    key = idempotency_key(idempotency_key_header)
    return await idempotent_ingest(request, key, kind, raw, produce)


def respond_async(prefer: str | None) -> bool:
    """Whether a Prefer header (RFC 7240) asks for respond-async."""
    if not prefer:
        return False
    return any(part.split(";")[0].split("=")[0].strip().lower() == "respond-async" for part in prefer.split(","))


async def queue_submission(jobs: JobRunner, submission: Submission) -> tuple[int, bytes, str | None]:
    """Queue a submission as an ingest job; (202, job JSON, the job's Location)."""
    job = await run_in_threadpool(jobs.jobs.submit, submission)
    return 202, job.model_dump_json().encode("utf-8"), f"/v1/jobs/{job.id}"


def article_reply(status: int, body: bytes, location: str | None, replayed: bool = False) -> Response:
    """The ingest reply: the article JSON, with Location for a new one; or the job JSON of a queued one
    (202, Location of the job, Preference-Applied)."""
    headers = {"Location": location} if location else {}
    if status == 202:
        headers["Preference-Applied"] = "respond-async"
    if replayed:
        headers["Idempotent-Replayed"] = "true"
    return Response(body, status_code=status, media_type="application/json", headers=headers)


async def store_submission(
    request: Request, ingestor: Ingestor, database: Database, submission: Submission
) -> tuple[int, bytes, str | None]:
    """Ingest off the event loop, in the ingest threads (so long parses never hold up reads); (status,
    article JSON, Location). A client that disconnects meanwhile stops its parse: nothing is stored."""
    gone = threading.Event()
    failure: Exception | None = None
    async with anyio.create_task_group() as watching:
        watching.start_soon(watch_disconnect, request, gone)
        try:
            result = await to_thread.run_sync(
                ingestor.ingest, submission, gone, limiter=request.app.state.ingest_threads
            )
        except Exception as exc:  # raised below, outside the task group (which would wrap it in a group)
            failure = exc
        watching.cancel_scope.cancel()
    if isinstance(failure, ParseAborted):
        log.info("ingest abandoned: the client disconnected")
        raise ClientDisconnect()  # answered as a 499 in the access log, nothing stored
    if failure is not None:
        raise failure
    body, _ = await run_in_threadpool(render_article, database, result.article_id, "json", "")
    location = f"/v1/articles/{result.article_id}" if result.created else None
    if location and request.app.state.settings.public_base_url:
        location = public_base(request) + location
    return (201 if result.created else 200), body, location


async def watch_disconnect(request: Request, gone: threading.Event) -> None:
    """Set `gone` when the client disconnects (the body is read by now: what the server receives next is
    the disconnect)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            gone.set()
            return


def idempotency_key(value: str) -> str:
    """The Idempotency-Key header's value (a structured-field string, quotes optional)."""
    key = value.strip()
    if len(key) >= 2 and key[0] == key[-1] == '"':
        key = key[1:-1]
    if not 1 <= len(key) <= 255 or not all(33 <= ord(c) <= 126 for c in key):
        raise BadInput("Idempotency-Key must be 1 to 255 visible ASCII characters.")
    return key


async def idempotent_ingest(
    request: Request, key: str, kind: str, raw: bytes, produce: Callable[[], Awaitable[tuple[int, bytes, str | None]]]
) -> Response:
    """Ingest (or queue) once per Idempotency-Key: the first reply is stored and replayed to retries."""
    store: IdempotencyStore = request.app.state.idempotency
    scope = client_identity(request)
    replay = await run_in_threadpool(store.begin, scope, key, fingerprint(kind, request.url.query, raw))
    if replay is not None:
        return article_reply(replay.status, replay.body, replay.location, replayed=True)
    try:
        status, body, location = await produce()
    except BaseException:
        await run_in_threadpool(store.abandon, scope, key)
        raise
    await run_in_threadpool(store.finish, scope, key, status, body, location)
    return article_reply(status, body, location)


class ArticleFilterQuery(QueryModel):
    """The filters of article lists, counts and exports."""

    q: str | None = Field(None, max_length=500, description="Words in the headline or body")
    entity: str | None = Field(None, max_length=300, description="Entity id or canonical name")
    speaker: str | None = Field(None, max_length=300, description="Speaker entity id, full or last name")
    agency: str | None = Field(None, max_length=200, description="Agency of the dateline, or source")
    published_from: dt.date | None = Field(None, description="Published on or after (YYYY-MM-DD)")
    published_to: dt.date | None = Field(None, description="Published on or before (YYYY-MM-DD)")
    language: str | None = Field(None, max_length=8, description="ISO 639-1 language, as detected")
    cluster_id: int | None = Field(None, ge=1, le=MAX_ID, description="Only the versions of one story")
    collapse: Literal["cluster"] | None = Field(
        None, description="cluster: one article per story, the first matching version"
    )

    def filters(self) -> queries.ArticleFilters:
        """The filters as the queries take them."""
        return queries.ArticleFilters(
            self.q,
            self.entity,
            self.speaker,
            self.agency,
            self.published_from,
            self.published_to,
            self.language,
            self.cluster_id,
            self.collapse == "cluster",
        )


class ArticleListQuery(ArticleFilterQuery):
    """A page of the article list, in a format."""

    limit: int | None = Field(None, ge=1, description=PAGE_LIMIT)
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip")
    format: Literal["json", "csv"] | None = Field(None, description=FORMAT_DESCRIPTION)


_filter_query = query_model(ArticleFilterQuery)


async def article_filters(query: Annotated[ArticleFilterQuery, Depends(_filter_query)]) -> queries.ArticleFilters:
    """The article filters of a request's query string."""
    return query.filters()


@router.get(
    "",
    response_model=Page[ArticleSummary],
    responses={**NOT_FOUND, **CSV_RESPONSE},
)
async def list_articles(
    request: Request, response: Response, query: Annotated[ArticleListQuery, Depends(query_model(ArticleListQuery))]
) -> Any:
    """List articles (best match first when searching, else newest), filtered by text, entity, speaker, agency
    and publication date. Past 1,000 matches of a search, the newest 1,000 are ranked and older ones follow."""
    # One model for the query string (app/deps.py query_model): FastAPI's parameter-by-parameter handling of
    # its twelve parameters cost more than the page's read.
    database: Database = request.app.state.database
    page = page_of(request.app.state.settings, query.limit, query.offset)
    filters, format = query.filters(), query.format
    if filters.q:
        found = await in_read_threads(request, True, queries.list_articles, database, filters, page)
        return paged(request, response, format, found)
    # Not searching: the page is made of the articles' stored summaries, sent as they are; on SQLite read
    # inline when it proves cheap (app/db.py InlineReads), else in a worker thread.
    stored: queries.SummaryPage | None = None
    inline = database.inline
    if inline is not None:
        with contextlib.suppress(TooCostly):
            stored = inline.run(lambda conn: queries.newest_page(conn, filters, page, inline.rows))
    if stored is None:
        stored = await in_read_threads(request, False, queries.newest_articles, database, filters, page)
    if wants_csv(request, format):
        return paged(request, response, format, stored.model())
    link = link_header(request, stored.offset, stored.limit, stored.total)
    return Response(stored.json(), media_type="application/json", headers={"Link": link})


async def in_read_threads(request: Request, searching: bool, query: Any, database: Database, *args: Any) -> Any:
    """Run a read query in a read session off the event loop: a text search in the search threads (a slow
    one never holds up plain reads), anything else in the request threads."""

    def run() -> Any:
        with database.read() as session:
            return query(session, *args)

    return await to_thread.run_sync(run, limiter=request.app.state.search_threads if searching else None)


@router.get("/{article_id}", response_model=ArticleOut, responses={**NOT_FOUND, **ARTICLE_FORMATS})
async def get_article(
    request: Request, article_id: IdPath, database: DatabaseDep, format: ArticleFormatParam = None
) -> Response:
    """Retrieve one article with its structure, quotes and entities (JSON, ninjs or JSON-LD)."""
    kind = article_format(request, format)
    if kind == "json":
        stored = article_json.read_inline(database, article_id)
        if stored is not None:
            return etagged_body(request, stored, "application/json", ARTICLE_CACHE)
    base = public_base(request)
    # All the database and serialisation work (the stored JSON looked up first) in one trip to the thread pool.
    body, media = await run_in_threadpool(render_article, database, article_id, kind, base)
    return etagged_body(request, body, media, ARTICLE_CACHE)


def render_article(database: Database, article_id: int, kind: str, base: str) -> tuple[bytes, str]:
    """An article in one of its representations, serialised: the JSON stored for it when there is one."""
    if kind == "json":
        stored = article_json.stored(database, article_id)
        if stored is not None:
            return stored, "application/json"
    with database.snapshot() as session:  # its quotes and mentions as of one moment, even mid re-extraction
        article = queries.get_article(session, article_id)
    if kind == "ninjs":
        return json_bytes(to_ninjs(article, base)), NINJS
    if kind == "jsonld":
        return json_bytes(to_jsonld(article, base)), JSONLD
    return article.model_dump_json().encode("utf-8"), "application/json"


@router.delete(
    "/{article_id}",
    status_code=204,
    response_class=Response,
    responses={
        **NOT_FOUND,
        401: PROBLEMS[401],
        403: PROBLEMS[403],
    },
)
async def delete_article(article_id: IdPath, database: DatabaseDep, _writer: WriterDep) -> Response:
    """Delete an article with its quotes, mentions and search rows; its entities' counts follow at once."""
    if not await run_in_threadpool(deletion.delete_article, database, article_id):
        raise NotFound(f"No article with id {article_id}.")
    return Response(status_code=204)


@router.get("/{article_id}/cluster", response_model=Page[ArticleSummary], responses=NOT_FOUND)
def get_article_cluster(article_id: IdPath, session: SessionDep, page: PageDep) -> Page[ArticleSummary]:
    """List the versions of an article's story (re-ledes, other outlets' copies), the first first."""
    return queries.article_cluster(session, article_id, page)


SliceOffset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip")]
SliceLimit = Annotated[int | None, Query(ge=1, le=1_000_000, description="Items to return; unset: all of them")]


def sliced(
    request: Request, response: Response, fmt: str | None, rows: list[Any], offset: int, limit: int | None
) -> Any:
    """Part of a short list (all of it by default) as a JSON array or CSV, with Link and X-Total-Count."""
    total = len(rows)
    step = limit or max(total - offset, 1)
    part = rows[offset : offset + step]
    headers = {"Link": link_header(request, offset, step, total), "X-Total-Count": str(total)}
    if wants_csv(request, fmt):
        reply_csv = csv_reply([row.model_dump(mode="json") for row in part])
        reply_csv.headers.update(headers)
        return reply_csv
    response.headers.update(headers)
    return part


@router.get("/{article_id}/quotes", response_model=list[QuoteOut], responses={**NOT_FOUND, **CSV_RESPONSE})
def get_article_quotes(
    request: Request,
    response: Response,
    article_id: IdPath,
    session: SessionDep,
    offset: SliceOffset = 0,
    limit: SliceLimit = None,
    format: FormatParam = None,
) -> list[QuoteOut]:
    """Retrieve an article's quotes in text order (JSON array or CSV; all of them unless limit is given)."""
    return sliced(request, response, format, queries.article_quotes(session, article_id), offset, limit)


@router.get("/{article_id}/entities", response_model=list[ArticleEntityOut], responses={**NOT_FOUND, **CSV_RESPONSE})
def get_article_entities(
    request: Request,
    response: Response,
    article_id: IdPath,
    session: SessionDep,
    offset: SliceOffset = 0,
    limit: SliceLimit = None,
    format: FormatParam = None,
) -> list[ArticleEntityOut]:
    """Retrieve an article's entities with their mentions (JSON array or CSV, mentions as JSON text)."""
    return sliced(request, response, format, queries.article_entities(session, article_id), offset, limit)


@router.post(
    "/{article_id}/reprocess",
    status_code=202,
    response_model=JobOut,
    responses={k: v for k, v in {**PROBLEMS, **NOT_FOUND}.items() if k in (401, 403, 404, 422)},
)
def reprocess_article(article_id: IdPath, jobs: JobsDep, _writer: WriterDep, response: Response) -> JobOut:
    """Queue re-extraction of a stored article with the running extractor: 202 and the job (Location: its URL).
    The article keeps its id and text; its quotes, mentions and counts are replaced in one transaction."""
    queued = jobs.jobs.submit_reprocess([article_id])
    if not queued:
        raise NotFound(f"No article with id {article_id}.")
    response.headers["Location"] = f"/v1/jobs/{queued[0]}"
    with jobs.jobs.database.read() as session:
        return get_job(session, queued[0])
