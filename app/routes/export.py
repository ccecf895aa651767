"""Streaming exports for a filter, as NDJSON or CSV, in constant memory."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from app.deps import MAX_ID, DatabaseDep
from app.routes.articles import NOT_FOUND, article_filters
from app.routes.entities import ENTITY_TYPES
from app.routes.formats import CSV, NDJSON, csv_lines
from app.schemas import EXAMPLE_ENTITY_OUT
from app.services import export
from app.services.queries import ArticleFilters, EntityFilters, QuoteFilters

router = APIRouter(prefix="/v1/export", tags=["export"])
ExportFormat = Annotated[Literal["ndjson", "csv"], Query(description="ndjson (one JSON object a line) or csv")]


def streamed(example: dict[str, Any]) -> dict[int | str, dict[str, Any]]:
    """The documented replies of an export: one example row as NDJSON and as CSV."""
    line = json.dumps(example, ensure_ascii=False)
    table = "".join(csv_lines([example]))
    return {
        **NOT_FOUND,
        200: {
            "description": "Every matching row, streamed",
            "content": {
                NDJSON: {"schema": {"type": "string"}, "example": line + "\n"},
                CSV: {"schema": {"type": "string"}, "example": table},
            },
        },
    }


def stream(rows: Iterator[dict[str, Any]], fmt: str, name: str) -> StreamingResponse:
    """Rows as a streamed download."""
    if fmt == "csv":
        body: Iterator[str] = csv_lines(rows)
        media = f"{CSV}; charset=utf-8"
    else:
        body = (json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        media = NDJSON
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    return StreamingResponse(body, media_type=media, headers=headers)


@router.get("/articles", response_class=StreamingResponse, responses=streamed(export.EXAMPLE_ARTICLE_ROW))
def export_articles(
    database: DatabaseDep,
    filters: Annotated[ArticleFilters, Depends(article_filters)],
    format: ExportFormat = "ndjson",
) -> StreamingResponse:
    """Stream every article matching the filters (with text and structure, without quotes and mentions)."""
    return stream(export.export_articles(database, filters), format, "articles")


@router.get("/quotes", response_class=StreamingResponse, responses=streamed(export.EXAMPLE_QUOTE_ROW))
def export_quotes(
    database: DatabaseDep,
    speaker: Annotated[str | None, Query(max_length=300, description="Speaker entity id, full or last name")] = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Only this article's quotes")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Words in the quote")] = None,
    type: Annotated[Literal["direct", "mixed", "indirect"] | None, Query(description="Quote type")] = None,
    format: ExportFormat = "ndjson",
) -> StreamingResponse:
    """Stream every quote matching the filters."""
    return stream(export.export_quotes(database, QuoteFilters(speaker, article_id, q, type)), format, "quotes")


@router.get("/entities", response_class=StreamingResponse, responses=streamed(EXAMPLE_ENTITY_OUT))
def export_entities(
    database: DatabaseDep,
    type: Annotated[str | None, Query(max_length=20, description=f"One of {ENTITY_TYPES}")] = None,
    prefix: Annotated[str | None, Query(max_length=300, description="Start of the name, any case")] = None,
    format: ExportFormat = "ndjson",
) -> StreamingResponse:
    """Stream every entity matching the filters, most mentioned first."""
    return stream(export.export_entities(database, EntityFilters(type, prefix)), format, "entities")
