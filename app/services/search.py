"""Full-text search: SQLite FTS5 tables, PostgreSQL tsvector with GIN indexes; ranked, with snippets."""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Integer,
    Select,
    Text,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
)

from app.models import Article, Quote

MARK_START, MARK_END = "<mark>", "</mark>"
PG_HEADLINE = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxFragments=2, MaxWords=30, MinWords=10"
_WORD = re.compile(r"\w+", re.UNICODE)
# A term of a query: an optional leading "-" (NOT; never the hyphen inside "well-known"), then a "quoted
# phrase" or a word, then an optional "*" (prefix).
_TERM = re.compile(r'(?P<neg>(?<![\w-])-)?(?:"(?P<phrase>[^"]*)"?|(?P<word>\w+))(?P<star>\*)?', re.UNICODE)
MAX_TERMS = 32


@dataclass(frozen=True)
class Term:
    """One word or phrase of a query (its words as the user wrote them), maybe a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Query:
    """A user's query: every clause must match (a clause is terms joined by OR), no excluded term may."""

    clauses: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]


def parse_query(q: str) -> Query | None:
    """What a search box query means, the same on both stores: words (any order, stemmed) must all occur;
    "a phrase" occurs as written; a OR b needs either; -word excludes; pref* matches words that start so.
    None when nothing searchable is left (only excluded words, or no word at all)."""
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    joining = False
    count = 0
    for match in _TERM.finditer(q):
        raw = match.group("phrase") if match.group("phrase") is not None else match.group("word")
        words = tuple(_WORD.findall(raw or ""))
        if not words:
            continue
        if words == ("OR",) and match.group("phrase") is None and not match.group("neg") and not match.group("star"):
            joining = bool(clauses)
            continue
        count += 1
        if count > MAX_TERMS:
            break
        term = Term(words, prefix=bool(match.group("star")))
        if match.group("neg"):
            excluded.append(term)
        elif joining:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        joining = False
    if not clauses:
        return None
    return Query(tuple(tuple(c) for c in clauses), tuple(excluded))


def _fts5_term(term: Term) -> str:
    return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")


def fts5_query(q: str) -> str | None:
    """A user's query as an FTS5 expression (every word quoted: no operator injection)."""
    query = parse_query(q)
    if query is None:
        return None
    clauses = [
        _fts5_term(c[0]) if len(c) == 1 else "(" + " OR ".join(_fts5_term(t) for t in c) + ")" for c in query.clauses
    ]
    expression = " AND ".join(clauses)
    for term in query.excluded:
        expression = f"({expression}) NOT {_fts5_term(term)}"
    return expression


def _tsquery_term(term: Term) -> ColumnElement[Any]:
    if term.prefix:
        # Each word of the term in to_tsquery's syntax: words are \w+ only, so nothing else is an operator.
        parts = [*term.words[:-1], term.words[-1] + ":*"]
        return func.to_tsquery("english", " <-> ".join(parts))
    if len(term.words) > 1:
        return func.phraseto_tsquery("english", " ".join(term.words))
    return func.plainto_tsquery("english", term.words[0])


def postgres_query(q: str) -> ColumnElement[Any] | None:
    """A user's query as a tsquery with the meaning fts5_query gives it on SQLite."""
    query = parse_query(q)
    if query is None:
        return None
    combined: ColumnElement[Any] | None = None
    for clause in query.clauses:
        either = _tsquery_term(clause[0])
        for term in clause[1:]:
            either = either.op("||")(_tsquery_term(term))
        combined = either if combined is None else combined.op("&&")(either)
    assert combined is not None
    for term in query.excluded:
        combined = combined.op("&&")(func.tsquery_not(_tsquery_term(term)))
    return combined


@dataclass(frozen=True)
class Match:
    """How a search narrows, ranks and excerpts rows: a FROM item to join (or None), a condition,
    a relevance score where higher is better, a highlighted excerpt, and the matching rows' ids read from
    the search structure alone."""

    join: Any | None
    on: ColumnElement[bool] | None
    condition: ColumnElement[bool]
    score: ColumnElement[Any]
    snippet: ColumnElement[Any] | None  # None: excerpt with excerpts(), over a bounded window of each text
    ids: Select[Any]


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
        snippet=None,  # ts_headline over a whole flood of matches takes seconds: see excerpts
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
        snippet=None,  # FTS5's snippet() costs the square of a row's matches: see fts5_snippets
        ids=select(fts.c.rowid).where(condition),
    )


# FTS5's snippet() scores every stretch of a row around every match against every other match: a body of
# 50,000 matching words took most of a minute. Excerpts are computed over a window of at most
# SNIPPET_WINDOW characters of each text instead, in a private in-memory FTS5 table with the same tokenizer,
# where the window starts a little before the first place a word of the query may occur.
SNIPPET_WINDOW = 600
SNIPPET_LEAD = 150
SNIPPET_TOKENS = 24
_scratch = threading.local()


def _scratch_table() -> sqlite3.Connection:
    """This thread's in-memory database with an empty FTS5 table like the stored ones."""
    conn: sqlite3.Connection | None = getattr(_scratch, "conn", None)
    if conn is None:
        conn = sqlite3.connect(":memory:")
        conn.execute("CREATE VIRTUAL TABLE excerpt USING fts5(headline, standfirst, body, tokenize='porter unicode61')")
        _scratch.conn = conn
    return conn


def _window(text: str, locator: re.Pattern[str] | None) -> str:
    """At most SNIPPET_WINDOW characters of a text, from a little before the first likely match."""
    if len(text) <= SNIPPET_WINDOW:
        return text
    found = locator.search(text) if locator is not None else None
    start = 0 if found is None else max(0, found.start() - SNIPPET_LEAD)
    return text[start : start + SNIPPET_WINDOW]


def _locator(q: str) -> re.Pattern[str] | None:
    """Where a word of q may first occur: a word starting with its first four letters (a stem's start)."""
    words = {w.casefold()[:4] for w in _WORD.findall(q)}
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words)) + ")", re.IGNORECASE)


def fts5_snippets(
    q: str, rows: Sequence[tuple[int, str | None, str | None, str | None]], column: int
) -> dict[int, str]:
    """Excerpts with the words of q in <mark>, by id, for (id, headline, standfirst, body) rows: FTS5's
    snippet() over a bounded window of each text (best column when column is -1). A row whose window holds
    no match gets the window's first words, unmarked."""
    query = fts5_query(q)
    locator = _locator(q)
    windows: list[tuple[int, str | None, str | None, str | None]] = [
        (i, *(None if t is None else _window(t, locator) for t in (headline, standfirst, body)))  # type: ignore[misc]
        for i, headline, standfirst, body in rows
    ]
    conn = _scratch_table()
    out: dict[int, str] = {}
    try:
        conn.executemany("INSERT INTO excerpt(rowid, headline, standfirst, body) VALUES (?, ?, ?, ?)", windows)
        if query is not None:
            found = conn.execute(
                "SELECT rowid, snippet(excerpt, ?, ?, ?, '…', ?) FROM excerpt WHERE excerpt MATCH ?",
                (column, MARK_START, MARK_END, SNIPPET_TOKENS, query),
            )
            out = {int(i): str(snip) for i, snip in found}
    finally:
        conn.execute("DELETE FROM excerpt")
    for i, *texts in windows:
        if i not in out:
            plain = texts[column] if column >= 0 else next((t for t in reversed(texts) if t), None)
            words = (plain or "").split()
            out[i] = " ".join(words[:SNIPPET_TOKENS]) + ("…" if len(words) > SNIPPET_TOKENS else "")
    return out


def postgres_snippets(session: Any, q: str, rows: Sequence[tuple[int, str | None]]) -> dict[int, str]:
    """ts_headline over a bounded window of each text (see SNIPPET_WINDOW), by id, in one statement."""
    tsq = postgres_query(q)
    if tsq is None or not rows:
        return {}
    locator = _locator(q)
    ids = [i for i, _ in rows]
    windows = [_window(t or "", locator) for _, t in rows]
    texts = (
        func.unnest(bindparam("ids", ids, type_=ARRAY(Integer)), bindparam("windows", windows, type_=ARRAY(Text)))
        .table_valued("i", "w")
        .render_derived()
    )
    found = session.execute(select(texts.c.i, func.ts_headline("english", texts.c.w, tsq, PG_HEADLINE)))
    return {int(i): str(snip) for i, snip in found}


def excerpts(
    session: Any, q: str, rows: Sequence[tuple[int, str | None, str | None, str | None]], column: int
) -> dict[int, str]:
    """Excerpts of (id, headline, standfirst, body) rows with the words of q in <mark>, each over a bounded
    window of its text: FTS5's snippet() on SQLite (best column when column is -1), ts_headline of the
    body on PostgreSQL."""
    if session.get_bind().dialect.name == "postgresql":
        return postgres_snippets(session, q, [(i, body) for i, _, _, body in rows])
    return fts5_snippets(q, rows, column)


def article_match(dialect: str, q: str) -> Match | None:
    """Articles whose headline, standfirst or body contain the words of q (headline words weigh most)."""
    if dialect == "postgresql":
        return _postgres_match(literal_column("articles.search"), Article.body, q, Article.id)
    return _fts5_match("articles_fts", Article.id, q, (10.0, 5.0, 1.0), -1)


def quote_match(dialect: str, q: str) -> Match | None:
    """Quotes whose words contain the words of q."""
    if dialect == "postgresql":
        # The expression of the quotes' GIN index (a to_tsvector bounded to 1 MB: see the migrations).
        return _postgres_match(func.dateline_tsvector(Quote.text), Quote.text, q, Quote.id)
    return _fts5_match("quotes_fts", Quote.id, q, (), 0)
