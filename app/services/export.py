"""Streaming exports of articles, quotes and entities for a filter: rows fetched in batches, never all
in memory, so a client can pull a whole archive."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlmodel import Session, col, select

from app.db import Database
from app.models import Article, Quote
from app.schemas import EXAMPLE_DATELINE, EXAMPLE_QUOTE, EXAMPLE_SPEAKER
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


EXAMPLE_ARTICLE_ROW: dict[str, Any] = {
    "id": 12,
    "headline": "Port workers end strike after pay deal",
    "standfirst": None,
    "byline": None,
    "dateline": EXAMPLE_DATELINE,
    "subheadings": [],
    "published_at": "2019-05-14",
    "url": "https://news.example/port-strike",
    "source": "TASS",
    "language": "en",
    "extractor_version": "0.1.0",
    "body": "Union leader Marieke Jansen said the dock workers would return on Wednesday.",
    "text": "Port workers end strike after pay deal\n\nROTTERDAM, May 14. /TASS/. Union leader ...",
}


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
        for row in session.execute(stmt):
            yield shape(row if len(row) > 1 else row[0])


def export_articles(database: Database, f: ArticleFilters) -> Iterator[dict[str, Any]]:
    """Every article matching the filters, newest first."""

    def build(session: Session) -> Any:
        stmt, _ = filter_articles(session, select(Article), f)
        return stmt.order_by(*NEWEST_FIRST)

    return _stream(database, build, article_row)


# What a quote row carries of its article: enough to chart or group quotes without a second request.
QUOTE_ARTICLE_COLUMNS = ("headline", "published_at", "published_is_date", "agency", "source", "url")
EXAMPLE_QUOTE_ROW: dict[str, Any] = {
    **{k: v for k, v in EXAMPLE_QUOTE.items() if k != "speaker"},
    **{f"speaker_{k}": v for k, v in EXAMPLE_SPEAKER.items()},
    "headline": "Port workers end strike after pay deal",
    "published_at": "2019-05-14",
    "agency": "TASS",
    "source": "TASS",
    "url": "https://news.example/port-strike",
}


def quote_row(row: Any) -> dict[str, Any]:
    """A quote as an export row: flat (the speaker as speaker_name, speaker_entity_id ...), with its article's
    headline, date, agency, source and URL, so pandas.read_json(lines=True) gives one column a field."""
    quote = row[0]
    out = quote_out(quote).model_dump(mode="json", exclude={"snippet", "speaker"})
    for key in ("name", "entity_id", "mention", "start", "end"):
        out[f"speaker_{key}"] = getattr(quote, f"speaker_{key}") if quote.speaker_name else None
    out["headline"] = row.headline
    out["published_at"] = published_text(row)
    out["agency"] = row.agency
    out["source"] = row.source
    out["url"] = row.url
    return out


def export_quotes(database: Database, f: QuoteFilters) -> Iterator[dict[str, Any]]:
    """Every quote matching the filters, flat, with its article's metadata."""

    def build(session: Session) -> Any:
        stmt, _ = filter_quotes(session, f)
        columns = [getattr(Article, name) for name in QUOTE_ARTICLE_COLUMNS]
        stmt = stmt.add_columns(*columns).join(Article, col(Article.id) == col(Quote.article_id))
        return stmt.order_by(*QUOTE_ORDER)

    return _stream(database, build, quote_row)


def export_entities(database: Database, f: EntityFilters) -> Iterator[dict[str, Any]]:
    """Every entity matching the filters, most mentioned first."""
    return _stream(
        database, lambda _s: filter_entities(f).order_by(*ENTITY_ORDER), lambda e: entity_out(e).model_dump()
    )
