"""Read side of statements: lists with first-seen time, first article and reach; one statement's appearances."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Table, false, select
from sqlmodel import Session, col

from app.errors import NotFound
from app.models import Article, Quote, Statement
from app.schemas import Page, StatementAppearance, StatementDetail, StatementOut, StatementSpeaker
from app.services.queries import (
    SUMMARY_ONLY,
    PageRequest,
    _make_page,
    _page,
    dialect_of,
    quote_out,
    speaker_condition,
    summary_out,
)
from app.services.search import quote_match

_S: Table = Statement.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class StatementFilters:
    """What statements a list is narrowed to."""

    speaker: str | None = None
    q: str | None = None


def _seen(article: Any) -> dt.datetime:
    stamp = article.published_at or article.created_at
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


def _outlet(article: Any) -> str | None:
    """Who carried an article: its source (publisher or feed), else the agency of its dateline."""
    return article.source or article.agency


def _conditions(session: Session, f: StatementFilters) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if f.speaker:
        quoted = select(col(Quote.statement_id)).where(speaker_condition(session, f.speaker))
        conds.append(col(Statement.id).in_(quoted))
    if f.q:
        match = quote_match(dialect_of(session), f.q)
        if match is None:
            return [false()]
        words = select(col(Quote.statement_id)).where(match.condition)
        if match.join is not None:
            words = words.join_from(Quote, match.join, match.on)
        conds.append(col(Statement.id).in_(words))
    return conds


def _appearances(session: Session, ids: list[int]) -> dict[int, list[tuple[Quote, Article]]]:
    """Each statement's quotes with their articles, the first seen first."""
    rows = session.execute(
        select(Quote, Article)
        .join(Article, col(Article.id) == col(Quote.article_id))
        .options(SUMMARY_ONLY)
        .where(col(Quote.statement_id).in_(ids))
    )
    found: dict[int, list[tuple[Quote, Article]]] = {i: [] for i in ids}
    for quote, article in rows:
        assert quote.statement_id is not None
        found[quote.statement_id].append((quote, article))
    for appearances in found.values():
        appearances.sort(key=lambda qa: (_seen(qa[1]), qa[1].id, qa[0].start))
    return found


def statement_out(statement: Statement, appearances: list[tuple[Quote, Article]]) -> StatementOut:
    """A statement with its first sighting and how far it travelled."""
    assert statement.id is not None
    first = appearances[0][1] if appearances else None
    return StatementOut(
        id=statement.id,
        text=statement.text,
        speaker=StatementSpeaker(name=statement.speaker_name, entity_id=statement.speaker_entity_id),
        first_seen_at=_seen(first) if first else None,
        first_article_id=first.id if first else None,
        article_count=len({a.id for _, a in appearances}),
        outlet_count=len({o for _, a in appearances if (o := _outlet(a))}),
    )


def list_statements(session: Session, f: StatementFilters, page: PageRequest) -> Page[StatementOut]:
    """Statements matching the filters, the most widely carried first (then the newest)."""
    stmt = select(Statement).where(*_conditions(session, f))
    rows, total = _page(session, stmt.order_by(col(Statement.article_count).desc(), col(Statement.id).desc()), page)
    found = _appearances(session, [s.id for s in rows])
    return _make_page([statement_out(s, found[s.id]) for s in rows], total, page)


def get_statement(session: Session, statement_id: int) -> StatementDetail:
    """One statement and every article that carries it."""
    statement = session.get(Statement, statement_id)
    if statement is None:
        raise NotFound(f"No statement with id {statement_id}.")
    appearances = _appearances(session, [statement_id])[statement_id]
    return StatementDetail(
        **statement_out(statement, appearances).model_dump(),
        appearances=[
            StatementAppearance(quote=quote_out(quote), article=summary_out(article), outlet=_outlet(article))
            for quote, article in appearances
        ],
    )
