"""Domain errors and the one error format: RFC 9457 application/problem+json."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.logs import request_id_var

PROBLEM_JSON = "application/problem+json"


class DomainError(Exception):
    """An error with an HTTP status, a short title and a detail a client can act on."""

    status = 400
    title = "Bad request"

    def __init__(self, detail: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or {}


class BadInput(DomainError):
    """The request's content cannot be ingested."""

    status = 400
    title = "Bad input"


class Unprocessable(DomainError):
    """Well-formed but invalid parameters or body."""

    status = 422
    title = "Unprocessable content"


class Unauthorized(DomainError):
    """No API key was presented for a write."""

    status = 401
    title = "Unauthorized"


class Forbidden(DomainError):
    """The API key presented is not one of the configured keys."""

    status = 403
    title = "Forbidden"


class NotFound(DomainError):
    """No such resource."""

    status = 404
    title = "Not found"


class PayloadTooLarge(DomainError):
    """The body or the text is over the configured limit."""

    status = 413
    title = "Content too large"


class TooManyRequests(DomainError):
    """The client spent its request budget for this window."""

    status = 429
    title = "Too many requests"


class ServiceUnavailable(DomainError):
    """The server could not do the work in time (parsing over PARSE_TIMEOUT_S)."""

    status = 503
    title = "Service unavailable"


class UnsupportedMediaType(DomainError):
    """The Content-Type is not one the endpoint reads."""

    status = 415
    title = "Unsupported media type"


def problem(
    status: int, detail: str | None, *, title: str | None = None, instance: str | None = None, **extra: Any
) -> JSONResponse:
    """A problem+json response."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    request_id = extra.pop("request_id", None) or request_id_var.get()
    if request_id:
        body["request_id"] = request_id
    body.update({k: v for k, v in extra.items() if v is not None})
    response = JSONResponse(body, status_code=status, media_type=PROBLEM_JSON)
    if request_id:
        response.headers["X-Request-ID"] = request_id
    return response


def _location(loc: tuple[Any, ...] | list[Any]) -> str:
    return ".".join(str(part) for part in loc if part not in ("body", "query", "path")) or "body"


def _rid(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


def install_error_handlers(app: FastAPI) -> None:
    """Route every error, validation included, through problem+json with no traceback."""

    @app.exception_handler(DomainError)
    async def _domain(request: Request, exc: DomainError) -> JSONResponse:
        response = problem(exc.status, exc.detail, title=exc.title, instance=request.url.path, request_id=_rid(request))
        response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": _location(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()
        ]
        detail = "; ".join(f"{e['loc']}: {e['msg']}" for e in errors[:5]) or "invalid request"
        return problem(
            422,
            detail,
            title="Unprocessable content",
            instance=request.url.path,
            errors=errors,
            request_id=_rid(request),
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        response = problem(exc.status_code, detail, instance=request.url.path, request_id=_rid(request))
        if exc.headers:
            response.headers.update(exc.headers)
        return response


def internal_error(path: str, request_id: str | None) -> JSONResponse:
    """The reply to an unexpected error: a 500 problem that says nothing of its cause."""
    return problem(500, "The server failed to handle this request.", instance=path, request_id=request_id)
