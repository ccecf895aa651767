"""The API description: operation ids from route names, tags, security schemes, and the limits a deployment
really enforces, so generated clients and the docs pages match what the server does."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.routing import APIRoute

from app.config import Settings
from app.deps import PAGE_LIMIT, documented_query, query_models
from app.schemas import ArticleIn

TAGS: list[dict[str, str]] = [
    {"name": "articles", "description": "Ingest news copy and read it back structured: headline, dateline, body."},
    {"name": "quotes", "description": "Reported speech across all articles, each with its resolved speaker."},
    {"name": "statements", "description": "The same quote carried by several articles: who said it, first seen where."},
    {"name": "entities", "description": "Canonical people, organisations and places, linked across articles."},
    {"name": "stats", "description": "Aggregates for dashboards: time series and top lists (JSON or CSV)."},
    {"name": "export", "description": "Whole result sets streamed as NDJSON or CSV in constant memory."},
    {"name": "formats", "description": "Schemas for the standard formats Dateline speaks (IPTC ninjs)."},
    {"name": "jobs", "description": "Queued work: async ingest, batches of submissions, re-extraction; their state."},
    {"name": "health", "description": "Liveness and readiness for load balancers and orchestrators."},
]

# The components every write declares through its security dependencies (app/deps.py).
BEARER = "bearerAuth"
API_KEY_HEADER = "apiKeyHeader"


def operation_id(route: APIRoute) -> str:
    """An operation's id is its route function's name (`ingest_article`, `list_quotes`): one rule for every
    route, so a generated client's methods read as names and new routes need no list kept by hand."""
    return route.name


def _parameters(schema: dict[str, Any]) -> Any:
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            yield from operation.get("parameters", [])


def problems_only(schema: dict[str, Any]) -> None:
    """Every error reply is application/problem+json with the Problem schema (app/errors.py answers nothing
    else), FastAPI's default 422 body included; components no longer referenced are dropped."""
    problem = {"schema": {"$ref": "#/components/schemas/Problem"}}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for status, reply in operation.get("responses", {}).items():
                if status[:1] in ("4", "5"):
                    reply["content"] = {"application/problem+json": problem}
    components = schema.get("components", {}).get("schemas", {})
    in_paths = json.dumps(schema.get("paths", {}))
    if '"#/components/schemas/HTTPValidationError"' not in in_paths:
        components.pop("HTTPValidationError", None)
        if '"#/components/schemas/ValidationError"' not in in_paths:
            components.pop("ValidationError", None)


def document_query_models(schema: dict[str, Any], routers: Iterable[APIRouter]) -> None:
    """The query parameters a route validates as a model (app/deps.py query_model), which FastAPI does not see,
    documented as it documents declared ones; a route's operation is found by its id (operation_id)."""
    added = {
        route.name: [parameter for model in query_models(route.dependant) for parameter in documented_query(model)]
        for router in routers
        for route in router.routes
        if isinstance(route, APIRoute)
    }
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            parameters = operation.setdefault("parameters", [])
            names = {parameter["name"] for parameter in parameters if parameter["in"] == "query"}
            parameters += [each for each in added.get(operation.get("operationId"), []) if each["name"] not in names]
            if not parameters:
                del operation["parameters"]


def describe(app: FastAPI, settings: Settings, keeps_replies: Any, routers: Iterable[APIRouter]) -> None:
    """Finish the app's OpenAPI document once, when first asked for: the query models of the routers' routes,
    the JSON ingest body as a component, the page size the settings enforce, and 304 on every GET whose
    replies are kept."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        document_query_models(schema, routers)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["ArticleIn"] = ArticleIn.model_json_schema(ref_template="#/components/schemas/{model}")
        for parameter in _parameters(schema):
            if parameter["in"] == "query" and parameter.get("description") == PAGE_LIMIT:
                limit = parameter["schema"]
                for option in limit.get("anyOf", [limit]):
                    if option.get("type") == "integer":
                        option["maximum"] = settings.max_page_size
                limit["default"] = settings.default_page_size
                parameter["description"] = (
                    f"Items per page: {settings.default_page_size} unless given, at most {settings.max_page_size}"
                )
        problems_only(schema)
        for path, operations in schema.get("paths", {}).items():
            if "get" in operations and keeps_replies(path):
                operations["get"]["responses"].setdefault(
                    "304", {"description": "Not modified: the ETag matches If-None-Match"}
                )
        if settings.public_base_url:
            schema["servers"] = [{"url": settings.public_base_url}]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
