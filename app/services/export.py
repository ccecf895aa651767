"""Streaming exports of articles, quotes and entities for a filter: rows fetched in batches, never all
in memory, so a client can pull a whole archive."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlmodel import Session, select

from app.db import Database
from app.models import Article
from app.services.queries import (
    ENTITY_ORDER,
    NEWEST_FIRST,
    QUOTE_ORDER,
    ArticleFilters,
    EntityFilters,
    QuoteFilters,
    dateline_out,
    entity_out,
    filter_articles,
    filter_entities,
    filter_quotes,
    published_text,
    quote_out,
)

BATCH = 500


def article_row(article: Article) -> dict[str, Any]:
    """An article as an export row: metadata, structure and text, without quotes and mentions."""
    dateline = dateline_out(article)
    return {
        "id": article.id,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "byline": article.byline,
        "dateline": dateline.model_dump(mode="json") if dateline else None,
        "subheadings": list(article.subheadings or []),
        "published_at": published_text(article),
        "url": article.url,
        "source": article.source,
        "language": article.language,
        "extractor_version": article.extractor_version,
        "body": article.body,
        "text": article.text,
    }


def _stream(database: Database, build: Any, shape: Any) -> Iterator[dict[str, Any]]:
    with database.read() as session:
        stmt = build(session).execution_options(yield_per=BATCH)
        for row in session.exec(stmt):
            yield shape(row)


def export_articles(database: Database, f: ArticleFilters) -> Iterator[dict[str, Any]]:
    """Every article matching the filters, newest first."""

    def build(session: Session) -> Any:
        stmt, _ = filter_articles(session, select(Article), f)
        return stmt.order_by(*NEWEST_FIRST)

    return _stream(database, build, article_row)


def export_quotes(database: Database, f: QuoteFilters) -> Iterator[dict[str, Any]]:
    """Every quote matching the filters."""

    def build(session: Session) -> Any:
        stmt, _ = filter_quotes(session, f)
        return stmt.order_by(*QUOTE_ORDER)

    return _stream(database, build, lambda q: quote_out(q).model_dump(mode="json", exclude={"snippet"}))


def export_entities(database: Database, f: EntityFilters) -> Iterator[dict[str, Any]]:
    """Every entity matching the filters, most mentioned first."""
    return _stream(
        database, lambda _s: filter_entities(f).order_by(*ENTITY_ORDER), lambda e: entity_out(e).model_dump()
    )
