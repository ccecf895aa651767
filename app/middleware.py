"""Plain ASGI middleware: request ids and access logs, rate limits, and replies kept until the store changes."""

from __future__ import annotations

import itertools
import logging
import os
import re
import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from anyio.to_thread import run_sync
from starlette.requests import ClientDisconnect, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.deps import check_key, limit_identity
from app.errors import DomainError, TooManyRequests, internal_error, problem
from app.logs import request_id_var
from app.metrics import observe_request
from app.routes.formats import entity_tag, etag_matches
from app.services.ratelimit import RateLimiter
from app.services.revisions import Revision

access = logging.getLogger("dateline.access")
log = logging.getLogger("dateline")
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
CLIENT_CLOSED = 499  # the status access logs use for a client that went away before its reply (nginx's)


class _RequestIds:
    """Request ids unique across processes and restarts: a random tag drawn once per process (again in a
    forked child), then a counter; a fresh uuid4 per request costs a system call for randomness an id
    does not need."""

    def __init__(self) -> None:
        self.renew()
        os.register_at_fork(after_in_child=self.renew)

    def renew(self) -> None:
        self.tag = secrets.token_hex(8)
        self.sequence = itertools.count(1)

    def next(self) -> str:
        return f"{self.tag}{next(self.sequence):016x}"


new_request_id = _RequestIds().next


class RequestContext:
    """Give each HTTP request an id (the client's X-Request-ID when it is a plain token, so logs can be
    joined), echo it in the reply, and log one access line without query string or body (they can hold
    article text or keys). An unexpected error is logged and answered here, inside the request's context.
    Plain ASGI rather than BaseHTTPMiddleware: nothing is buffered or re-wrapped."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = ""
        for name, value in scope.get("headers", ()):
            if name == b"x-request-id":
                given = value.decode("latin-1")
                break
        rid = given if SAFE_REQUEST_ID.fullmatch(given) else new_request_id()
        scope.setdefault("state", {})["request_id"] = rid
        token = request_id_var.set(rid)
        started = time.perf_counter()
        status: dict[str, Any] = {"code": 500, "started": False}

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"], status["started"] = message["status"], True
                headers = list(message.get("headers", []))
                if not any(name.lower() == b"x-request-id" for name, _ in headers):  # problem replies set it
                    headers.append((b"x-request-id", rid.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except ClientDisconnect:
            status["code"] = CLIENT_CLOSED  # nobody is left to answer; not a server error
            log.info("client disconnected before the reply")
        except Exception:
            # The one place an unexpected error is logged (once, with the request id) and answered: it is not
            # re-raised, so neither Starlette nor uvicorn log it again.
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"), extra={"request_id": rid})
            if not status["started"]:
                await internal_error(scope.get("path", ""), rid)(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            observe_request(scope, status["code"], seconds)
            access.info(
                "request",
                extra={
                    "request_id": rid,
                    "method": scope.get("method"),
                    "path": scope.get("path"),
                    "status": status["code"],
                    "duration_ms": round(seconds * 1000, 2),
                },
            )
            request_id_var.reset(token)


def _headers(scope: Scope, *wanted: bytes) -> dict[bytes, bytes]:
    """The values of some request headers (lower-case names, as ASGI gives them), read in one pass."""
    found = {name: b"" for name in wanted}
    for name, value in scope.get("headers", ()):
        if name in found:
            found[name] = bytes(value)
    return found


class RateLimit:
    """Count each API request (under /v1/) against its client's budget before any other work, cached
    replies included; 429 problem+json with Retry-After when it is spent, RateLimit-* headers otherwise.
    The limiter is the app's (app.state.limiter, set at start-up); without one nothing is counted."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limiter: RateLimiter | None = getattr(getattr(scope.get("app"), "state", None), "limiter", None)
        if scope["type"] != "http" or limiter is None or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        client = limit_identity(Request(scope), scope["app"].state.settings)
        try:
            # The in-memory counter answers at once; Redis is a network round trip, kept off the event loop.
            verdict = await run_sync(limiter.check, client) if limiter.remote else limiter.check(client)
        except Exception as exc:  # the counter's store is down: serve rather than fail every request
            log.warning("rate limit not applied: %s", type(exc).__name__)
            await self.app(scope, receive, send)
            return
        headers = {
            "RateLimit-Limit": str(verdict.limit),
            "RateLimit-Remaining": str(verdict.remaining),
            "RateLimit-Reset": str(verdict.reset_after),
        }
        if not verdict.allowed:
            reply = problem(
                429,
                f"Rate limit of {verdict.limit} requests per minute reached; retry in {verdict.reset_after} s.",
                title=TooManyRequests.title,
            )
            reply.headers.update({**headers, "Retry-After": str(verdict.reset_after)})
            await reply(scope, receive, send)
            return
        extra = [(k.lower().encode(), v.encode()) for k, v in headers.items()]

        async def send_with_budget(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_budget)


@dataclass(frozen=True)
class Kept:
    """A 200 reply kept for reuse, and the store revision it was computed at."""

    revision: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: str

    @property
    def size(self) -> int:
        return len(self.body) + 64 * len(self.headers) + 200


class KeptReplies:
    """Replies by request, least recently used dropped first once their bodies pass max_bytes."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.max_entry = min(1_000_000, max_bytes // 8)
        self._items: OrderedDict[tuple[bytes, ...], Kept] = OrderedDict()
        self._bytes = 0

    def get(self, key: tuple[bytes, ...], revision: int) -> Kept | None:
        """The reply kept for a request at this revision, if any."""
        kept = self._items.get(key)
        if kept is None:
            return None
        if kept.revision != revision:
            self._drop(key)
            return None
        self._items.move_to_end(key)
        return kept

    def put(self, key: tuple[bytes, ...], kept: Kept) -> None:
        """Keep a reply, making room by dropping the least recently used."""
        if kept.size > self.max_entry:
            return
        if key in self._items:
            self._drop(key)
        self._items[key] = kept
        self._bytes += kept.size
        while self._bytes > self.max_bytes and self._items:
            self._drop(next(iter(self._items)))

    def _drop(self, key: tuple[bytes, ...]) -> None:
        self._bytes -= self._items.pop(key).size


# Headers a 304 repeats from the full reply (RFC 9110, 15.4.5).
NOT_MODIFIED_HEADERS = {b"etag", b"cache-control", b"vary", b"content-location", b"expires"}


class ReplyCache:
    """Serve a GET of the read API again from memory while the store has not changed.

    Keyed by the exact request (path, query, host, scheme, Accept); valid while the store's revision
    (app.state.revision, see app/services/revisions.py) is the one the reply was computed at, so any
    commit by any process makes every kept reply stale. Only complete 200 replies of known length are
    kept (never streamed exports); each gets a strong ETag (a digest of its body) when it has none, and
    If-None-Match is answered with 304 here, so revalidating clients are cheap too."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.replies = KeptReplies(max_bytes)

    @staticmethod
    def serves(path: str) -> bool:
        """Whether GETs of a path are kept: the read API, but not its streamed exports, nor jobs and batches
        (their state moves with every step of a worker, which the store's revision does not follow)."""
        return path.startswith("/v1/") and not path.startswith(("/v1/export", "/v1/jobs", "/v1/batches"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not self.serves(scope["path"]):
            await self.app(scope, receive, send)
            return
        source: Revision | None = getattr(getattr(scope.get("app"), "state", None), "revision", None)
        revision = source.current() if source is not None else None
        if revision is None:
            await self.app(scope, receive, send)
            return
        headers = _headers(scope, b"host", b"accept", b"if-none-match")
        key = (
            scope["path"].encode(),
            scope.get("query_string", b""),
            headers[b"host"],
            scope.get("scheme", "http").encode(),
            headers[b"accept"],
        )
        if_none_match = headers[b"if-none-match"].decode("latin-1")
        kept = self.replies.get(key, revision)
        if kept is None:
            kept = await self._compute(scope, receive, send, revision)
            if kept is None:
                return  # not keepable: already sent as the app made it
            self.replies.put(key, kept)
        await self._reply(kept, if_none_match, send)

    async def _compute(self, scope: Scope, receive: Receive, send: Send, revision: int) -> Kept | None:
        """Run the app without the client's If-None-Match (so a full reply comes back to keep); buffer a
        keepable reply and return it, or pass anything else straight through and return None."""
        inner = dict(scope)
        inner["headers"] = [(k, v) for k, v in scope.get("headers", ()) if k != b"if-none-match"]
        start: Message | None = None
        chunks: list[bytes] = []
        passing = False

        async def capture(message: Message) -> None:
            nonlocal start, passing
            if message["type"] == "http.response.start":
                headers = message.get("headers", [])
                length = next((v for k, v in headers if k.lower() == b"content-length"), None)
                keepable = (
                    message["status"] == 200
                    and length is not None
                    and int(length) <= self.replies.max_entry
                    and not any(k.lower() == b"set-cookie" for k, _ in headers)
                )
                if not keepable:
                    passing = True  # a full reply is still a correct answer to a conditional request
                    await send(message)
                    return
                start = message
            elif passing:
                await send(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(inner, receive, capture)
        if passing or start is None:
            return None
        body = b"".join(chunks)
        headers = [(k.lower(), v) for k, v in start.get("headers", [])]
        etag = next((v.decode("latin-1") for k, v in headers if k == b"etag"), "")
        if not etag:
            etag = entity_tag(body)
            headers.append((b"etag", etag.encode("latin-1")))
        return Kept(revision, headers, body, etag)

    @staticmethod
    async def _reply(kept: Kept, if_none_match: str, send: Send) -> None:
        if if_none_match and etag_matches(if_none_match, kept.etag):
            headers = [(k, v) for k, v in kept.headers if k in NOT_MODIFIED_HEADERS]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": list(kept.headers)})
        await send({"type": "http.response.body", "body": kept.body})


# What every page may load: its own scripts, styles, images and API, nothing inline, never framed.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]
# The interactive API docs load FastAPI's Swagger UI and ReDoc bundles, inline script included: no page
# policy there (they hold no key and show no stored text).
DOCS_PATHS = ("/docs", "/redoc")


class SecurityHeaders:
    """nosniff, no framing and a same-origin Referrer-Policy on every reply; on pages, a Content-Security-
    Policy that allows no inline or third-party script, so nothing but the app's own code can read the API
    key a page keeps in the browser."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(SECURITY_HEADERS)
        if not scope["path"].startswith(DOCS_PATHS):
            extra.append((b"content-security-policy", PAGE_POLICY.encode()))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


# Paths anyone may read even when reads need a key: health checks and readiness probes, the pages' static
# files, the API docs. (/metrics is a read like any other: a Prometheus scrape job sends the key.)
OPEN_PATHS = ("/healthz", "/readyz", "/static/", "/docs", "/redoc", "/openapi.json")


class RequireReadKey:
    """With READS_NEED_KEY, every read (API, pages, kept replies included: this runs before ReplyCache)
    needs a configured key: 401 without one, 403 with a wrong one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(OPEN_PATHS) or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        try:
            check_key(Request(scope), scope["app"].state.settings)
        except DomainError as exc:
            reply = problem(exc.status, exc.detail, title=exc.title, instance=scope["path"])
            reply.headers.update(exc.headers)
            await reply(scope, receive, send)
            return
        await self.app(scope, receive, send)
