"""Quotes across all articles."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from app.deps import MAX_ID, DatabaseDep, PageDep
from app.routes.articles import NOT_FOUND, in_read_threads, paged
from app.routes.formats import CSV_RESPONSE, FormatParam
from app.schemas import Page, QuoteOut
from app.services import queries

router = APIRouter(prefix="/v1/quotes", tags=["quotes"])


@router.get("", response_model=Page[QuoteOut], responses={**NOT_FOUND, **CSV_RESPONSE})
async def list_quotes(
    request: Request,
    response: Response,
    database: DatabaseDep,
    page: PageDep,
    speaker: Annotated[str | None, Query(max_length=300, description="Speaker entity id, full or last name")] = None,
    article_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Only this article's quotes")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Words in the quote")] = None,
    type: Annotated[Literal["direct", "mixed", "indirect"] | None, Query(description="Quote type")] = None,
    format: FormatParam = None,
) -> Page[QuoteOut]:
    """List quotes (best match first when searching), filtered by speaker, article, words and type."""
    filters = queries.QuoteFilters(speaker, article_id, q, type)
    return paged(
        request, response, format, await in_read_threads(request, bool(q), queries.list_quotes, database, filters, page)
    )
