"""Full-text search: SQLite FTS5 tables, PostgreSQL tsvector with GIN indexes; ranked, with snippets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, column, func, literal_column, select, table

from app.models import Article, Quote

MARK_START, MARK_END = "<mark>", "</mark>"
PG_HEADLINE = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxFragments=2, MaxWords=30, MinWords=10"
_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class Match:
    """How a search narrows, ranks and excerpts rows: a FROM item to join (or None), a condition,
    a relevance score where higher is better, a highlighted excerpt, and the matching rows' ids read from
    the search structure alone."""

    join: Any | None
    on: ColumnElement[bool] | None
    condition: ColumnElement[bool]
    score: ColumnElement[Any]
    snippet: ColumnElement[Any]
    ids: Select[Any]


def fts5_query(q: str) -> str | None:
    """A user's words as an FTS5 query: every word (or quoted phrase) must occur; no operator injection."""
    phrases = [" ".join(_WORD.findall(p)) for p in _PHRASE.findall(q)]
    rest = _PHRASE.sub(" ", q)
    terms = [f'"{p}"' for p in phrases if p] + [f'"{w}"' for w in _WORD.findall(rest)]
    return " ".join(terms[:32]) or None


def postgres_query(q: str) -> ColumnElement[Any] | None:
    """A user's words as a tsquery with the meaning fts5_query gives them on SQLite: every word must occur
    (in any order: no phrase checks, which the GIN index cannot answer alone), quoted phrases as phrases."""
    phrases = [" ".join(_WORD.findall(p)) for p in _PHRASE.findall(q)]
    words = " ".join(_WORD.findall(_PHRASE.sub(" ", q))[:32])
    parts = [func.phraseto_tsquery("english", p) for p in phrases[:8] if p]
    if words:
        parts.append(func.plainto_tsquery("english", words))
    if not parts:
        return None
    query: ColumnElement[Any] = parts[0]
    for part in parts[1:]:
        query = query.op("&&")(part)
    return query


def _postgres_match(vector: ColumnElement[Any], text: Any, q: str, row_id: Any) -> Match | None:
    """A tsvector match: ranked by cover density, excerpted by ts_headline."""
    tsq = postgres_query(q)
    if tsq is None:
        return None
    condition = vector.op("@@")(tsq)
    return Match(
        join=None,
        on=None,
        condition=condition,
        score=func.ts_rank_cd(vector, tsq),
        snippet=func.ts_headline("english", text, tsq, PG_HEADLINE),
        ids=select(row_id).where(condition),
    )


def _fts5_match(fts_table: str, row_id: Any, q: str, weights: tuple[float, ...], snippet_column: int) -> Match | None:
    """An FTS5 match over an external-content table: ranked by BM25 (higher is better), excerpted by snippet."""
    query = fts5_query(q)
    if query is None:
        return None
    fts = table(fts_table, column("rowid"))
    name: ColumnElement[Any] = literal_column(fts_table)
    condition = name.op("MATCH")(query)
    return Match(
        join=fts,
        on=fts.c.rowid == row_id,
        condition=condition,
        score=-func.bm25(name, *weights),
        snippet=func.snippet(name, snippet_column, MARK_START, MARK_END, "…", 24),
        ids=select(fts.c.rowid).where(condition),
    )


def article_match(dialect: str, q: str) -> Match | None:
    """Articles whose headline, standfirst or body contain the words of q (headline words weigh most)."""
    if dialect == "postgresql":
        return _postgres_match(literal_column("articles.search"), Article.body, q, Article.id)
    return _fts5_match("articles_fts", Article.id, q, (10.0, 5.0, 1.0), -1)


def quote_match(dialect: str, q: str) -> Match | None:
    """Quotes whose words contain the words of q."""
    if dialect == "postgresql":
        return _postgres_match(func.to_tsvector("english", Quote.text), Quote.text, q, Quote.id)
    return _fts5_match("quotes_fts", Quote.id, q, (), 0)
