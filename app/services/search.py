"""Full-text search: SQLite FTS5 tables, PostgreSQL tsvector with GIN indexes; ranked, with snippets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, column, func, literal_column, table

from app.models import Article, Quote

MARK_START, MARK_END = "<mark>", "</mark>"
PG_HEADLINE = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxFragments=2, MaxWords=30, MinWords=10"
_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class Match:
    """How a search narrows, ranks and excerpts rows: a FROM item to join (or None), a condition,
    a relevance score where higher is better, and a highlighted excerpt."""

    join: Any | None
    on: ColumnElement[bool] | None
    condition: ColumnElement[bool]
    score: ColumnElement[Any]
    snippet: ColumnElement[Any]


def fts5_query(q: str) -> str | None:
    """A user's words as an FTS5 query: every word (or quoted phrase) must occur; no operator injection."""
    phrases = [" ".join(_WORD.findall(p)) for p in _PHRASE.findall(q)]
    rest = _PHRASE.sub(" ", q)
    terms = [f'"{p}"' for p in phrases if p] + [f'"{w}"' for w in _WORD.findall(rest)]
    return " ".join(terms[:32]) or None


def article_match(dialect: str, q: str) -> Match | None:
    """Articles whose headline, standfirst or body contain the words of q."""
    if dialect == "postgresql":
        tsq = func.websearch_to_tsquery("english", q)
        vector: ColumnElement[Any] = literal_column("articles.search")
        return Match(
            join=None,
            on=None,
            condition=vector.op("@@")(tsq),
            score=func.ts_rank_cd(vector, tsq),
            snippet=func.ts_headline("english", Article.body, tsq, PG_HEADLINE),
        )
    query = fts5_query(q)
    if query is None:
        return None
    fts = table("articles_fts", column("rowid"))
    name: ColumnElement[Any] = literal_column("articles_fts")
    return Match(
        join=fts,
        on=fts.c.rowid == Article.id,
        condition=name.op("MATCH")(query),
        score=-func.bm25(name, 10.0, 5.0, 1.0),
        snippet=func.snippet(name, -1, MARK_START, MARK_END, "…", 24),
    )


def quote_match(dialect: str, q: str) -> Match | None:
    """Quotes whose words contain the words of q."""
    if dialect == "postgresql":
        tsq = func.websearch_to_tsquery("english", q)
        vector = func.to_tsvector("english", Quote.text)
        return Match(
            join=None,
            on=None,
            condition=vector.op("@@")(tsq),
            score=func.ts_rank_cd(vector, tsq),
            snippet=func.ts_headline("english", Quote.text, tsq, PG_HEADLINE),
        )
    query = fts5_query(q)
    if query is None:
        return None
    fts = table("quotes_fts", column("rowid"))
    name: ColumnElement[Any] = literal_column("quotes_fts")
    return Match(
        join=fts,
        on=fts.c.rowid == Quote.id,
        condition=name.op("MATCH")(query),
        score=-func.bm25(name),
        snippet=func.snippet(name, 0, MARK_START, MARK_END, "…", 24),
    )
