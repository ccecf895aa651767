"""Read side: articles, quotes and entities as the API serves them, with filters and pages."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    Select,
    Subquery,
    Table,
    and_,
    bindparam,
    exists,
    false,
    func,
    literal_column,
    or_,
    text,
    union,
)
from sqlalchemy import select as core_select
from sqlalchemy.orm import load_only
from sqlmodel import Session, col, select

from app.errors import NotFound
from app.models import Article, ArticleJson, Entity, Mention, Quote
from app.schemas import (
    ArticleEntityOut,
    ArticleOut,
    ArticleSummary,
    CoEntityOut,
    DatelineOut,
    EntityDetail,
    EntityOut,
    ExtractionOut,
    MentionOut,
    Page,
    QuoteOut,
    SpeakerOut,
)
from app.services import clusters
from app.services.linking import agency_key, normalise
from app.services.search import Match, article_match, excerpts, fts5_query, postgres_query, quote_match

T = TypeVar("T")


@dataclass(frozen=True)
class PageRequest:
    """Which slice of a list to return."""

    limit: int
    offset: int = 0


@dataclass(frozen=True)
class ArticleFilters:
    """What articles a list is narrowed to."""

    q: str | None = None
    entity: str | None = None
    speaker: str | None = None
    agency: str | None = None
    published_from: dt.date | None = None
    published_to: dt.date | None = None
    language: str | None = None
    cluster_id: int | None = None
    collapse: bool = False  # one article per story cluster: the first of the matching versions


@dataclass(frozen=True)
class QuoteFilters:
    """What quotes a list is narrowed to."""

    speaker: str | None = None
    article_id: int | None = None
    q: str | None = None
    type: str | None = None


@dataclass(frozen=True)
class EntityFilters:
    """What entities a list is narrowed to."""

    type: str | None = None
    prefix: str | None = None


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def contains(column: Any, needle: str) -> ColumnElement[bool]:
    """Case-insensitive substring match that treats % and _ literally."""
    return column.ilike(f"%{_like_escape(needle)}%", escape="\\")


def _page(
    session: Session, stmt: Select[Any], page: PageRequest, counted: Select[Any] | None = None
) -> tuple[list[Any], int]:
    """A page of rows and the total; `counted` is the cheaper statement to count, when stmt adds columns."""
    base = stmt if counted is None else counted
    total = session.exec(select(func.count()).select_from(base.order_by(None).subquery())).one()
    result = session.execute(stmt.limit(page.limit).offset(page.offset))
    rows = [row[0] if len(row) == 1 else tuple(row) for row in result]
    return rows, int(total)


def _make_page(items: list[T], total: int, page: PageRequest, exact: bool = True) -> Page[T]:
    nxt = page.offset + len(items)
    # An estimated total may be under the truth: a full page then has a next one.
    more = nxt < total or (not exact and len(items) == page.limit)
    return Page[T](
        items=items,
        total=total,
        limit=page.limit,
        offset=page.offset,
        next_offset=nxt if more else None,
        total_exact=exact,
    )


MAX_ID = 2_147_483_647


def as_id(ref: str) -> int | None:
    """A reference that is a number, as an id (an id past the column's range matches nothing)."""
    ref = ref.strip()
    if not ref.isascii() or not ref.isdigit():
        return None
    number = int(ref[:12])
    return number if number <= MAX_ID else 0


def entity_ids_matching(session: Session, ref: str) -> list[int]:
    """Entities a client named: by id ("42"), by canonical name, or a person by surname ("Trump" finds
    Donald Trump, as ?speaker= does), case and accents ignored; both lookups use an index."""
    number = as_id(ref)
    if number is not None:
        return [number]
    norm = normalise(ref)
    stmt = select(Entity.id).where(
        or_(col(Entity.norm_name) == norm, and_(col(Entity.type) == "PERSON", col(Entity.surname) == norm))
    )
    return sorted(i for i in session.exec(stmt) if i is not None)


def speaker_branches(session: Session, ref: str) -> list[ColumnElement[bool]]:
    """Quotes by a speaker named by entity id, full name, or last name: one condition per way a quote can
    match (its own speaker name, or each entity meant), every one served by an index in quote order."""
    number = as_id(ref)
    if number is not None:
        return [col(Quote.speaker_entity_id) == number]
    norm = normalise(ref)
    # A last name finds the people stored with it (an indexed lookup), never a scan of every quote.
    people = select(Entity.id).where(
        or_(col(Entity.norm_name) == norm, and_(col(Entity.type) == "PERSON", col(Entity.surname) == norm))
    )
    ids = sorted(i for i in session.exec(people) if i is not None)
    return [col(Quote.speaker_norm) == norm] + [col(Quote.speaker_entity_id) == i for i in ids]


def speaker_quote_count(session: Session, ref: str) -> int:
    """How many quotes a speaker (named as speaker_branches takes it) has, counted in the two speaker indexes
    alone: the quotes stored under the name, plus each entity's quotes stored under another name or none
    (ix_quotes_speaker_entity_order carries speaker_norm for that). No row of quotes is read, however many."""
    number = as_id(ref)
    if number is not None:
        return _count(session, select(col(Quote.id)).where(col(Quote.speaker_entity_id) == number))
    norm = normalise(ref)
    people = select(Entity.id).where(
        or_(col(Entity.norm_name) == norm, and_(col(Entity.type) == "PERSON", col(Entity.surname) == norm))
    )
    ids = sorted(i for i in session.exec(people) if i is not None)
    named = select(func.count()).select_from(Quote).where(col(Quote.speaker_norm) == norm)
    total = int(session.exec(named).one())
    if ids:
        other_name = or_(col(Quote.speaker_norm).is_(None), col(Quote.speaker_norm) != norm)
        entity_quotes = select(func.count()).select_from(Quote).where(col(Quote.speaker_entity_id).in_(ids), other_name)
        total += int(session.exec(entity_quotes).one())
    return total


def speaker_condition(session: Session, ref: str) -> ColumnElement[bool]:
    """Quotes by a speaker named by entity id, full name, or last name."""
    branches = speaker_branches(session, ref)
    return branches[0] if len(branches) == 1 else or_(*branches)


# --- serialisation -------------------------------------------------------------------------------


def published_text(article: Article | Row[Any]) -> str | None:
    stamp = article.published_at
    if stamp is None:
        return None
    if article.published_is_date:
        return stamp.date().isoformat()
    return (stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)).isoformat()


def dateline_out(article: Article | Row[Any]) -> DatelineOut | None:
    if not any((article.dateline_place, article.dateline_date_text, article.agency)):
        return None
    return DatelineOut(
        place=article.dateline_place,
        date_text=article.dateline_date_text,
        date=article.dateline_date,
        agency=article.agency,
    )


def quote_out(quote: Quote | Row[Any]) -> QuoteOut:
    """A stored quote (a Quote, or a row of its table) as served."""
    speaker = None
    if quote.speaker_name:
        speaker = SpeakerOut(
            name=quote.speaker_name,
            entity_id=quote.speaker_entity_id,
            mention=quote.speaker_mention,
            start=quote.speaker_start,
            end=quote.speaker_end,
        )
    assert quote.id is not None
    return QuoteOut(
        id=quote.id,
        article_id=quote.article_id,
        type=quote.type,  # type: ignore[arg-type]
        text=quote.text,
        start=quote.start,
        end=quote.end,
        speaker=speaker,
        cue=quote.cue,
        cue_start=quote.cue_start,
        cue_end=quote.cue_end,
        statement_id=quote.statement_id,
    )


# What a list shows of an article: loading only these leaves text, body and the structure JSON unread.
SUMMARY_ONLY = load_only(
    *(
        getattr(Article, name)
        for name in ("headline", "dateline_place", "dateline_date_text", "dateline_date", "agency", "published_at")
    ),
    *(getattr(Article, name) for name in ("published_is_date", "url", "source", "language", "created_at")),
    getattr(Article, "cluster_id"),  # noqa: B009 - as the others: SQLModel types the attribute as its value
)


def summary_out(article: Article) -> ArticleSummary:
    """An article as listed."""
    assert article.id is not None
    return ArticleSummary(
        id=article.id,
        headline=article.headline,
        dateline=dateline_out(article),
        published_at=published_text(article),
        url=article.url,
        source=article.source,
        language=article.language,
        cluster_id=article.cluster_id or article.id,
        created_at=article.created_at,
    )


# One article is read with three statements built once, as plain rows: no ORM objects, and none of the
# columns the reply does not show (the structure JSON, the content hash).
_A: Table = Article.__table__  # type: ignore[attr-defined]
_Q: Table = Quote.__table__  # type: ignore[attr-defined]
_M: Table = Mention.__table__  # type: ignore[attr-defined]
_E: Table = Entity.__table__  # type: ignore[attr-defined]
_ARTICLE_ROW = core_select(
    *(_A.c[name] for name in ("id", "text", "headline", "standfirst", "byline", "dateline_place")),
    *(_A.c[name] for name in ("dateline_date_text", "dateline_date", "agency", "subheadings", "body")),
    *(_A.c[name] for name in ("published_at", "published_is_date", "url", "source", "language")),
    *(_A.c[name] for name in ("extractor_version", "created_at", "extraction", "cluster_id")),
).where(_A.c.id == bindparam("article_id"))
_QUOTE_ROWS = core_select(_Q).where(_Q.c.article_id == bindparam("article_id")).order_by(_Q.c.start, _Q.c.id)
_MENTION_ROWS = (
    core_select(_M.c.entity_id, _M.c.text, _M.c.start, _M.c.end, _M.c.local_type, _E.c.name, _E.c.country_code)
    .join(_E, _E.c.id == _M.c.entity_id)
    .where(_M.c.article_id == bindparam("article_id"))
    .order_by(_M.c.start, _M.c.id)
)


def _article(session: Session, article_id: int) -> Row[Any]:
    row = session.connection().execute(_ARTICLE_ROW, {"article_id": article_id}).one_or_none()
    if row is None:
        raise NotFound(f"No article with id {article_id}.")
    return row


def article_quotes(session: Session, article_id: int) -> list[QuoteOut]:
    """An article's quotes in text order."""
    _article(session, article_id)
    return _quotes_of(session, article_id)


def _quotes_of(session: Session, article_id: int) -> list[QuoteOut]:
    rows = session.connection().execute(_QUOTE_ROWS, {"article_id": article_id})
    return [quote_out(q) for q in rows]


def article_entities(session: Session, article_id: int) -> list[ArticleEntityOut]:
    """An article's entities, each with its mentions there, in order of first mention."""
    _article(session, article_id)
    return _entities_of(session, article_id)


def _entities_of(session: Session, article_id: int) -> list[ArticleEntityOut]:
    grouped: dict[int, ArticleEntityOut] = {}
    for m in session.connection().execute(_MENTION_ROWS, {"article_id": article_id}):
        entity = grouped.get(m.entity_id)
        if entity is None:  # its type as tagged at its first mention here
            entity = grouped[m.entity_id] = ArticleEntityOut(
                id=m.entity_id, name=m.name, type=m.local_type, country_code=m.country_code, mentions=[]
            )
        entity.mentions.append(MentionOut(text=m.text, start=m.start, end=m.end))
    return list(grouped.values())


def get_article(session: Session, article_id: int) -> ArticleOut:
    """The full Article of the contract."""
    article = _article(session, article_id)
    return ArticleOut(
        id=article.id,
        text=article.text,
        headline=article.headline,
        standfirst=article.standfirst,
        byline=article.byline,
        dateline=dateline_out(article),
        subheadings=list(article.subheadings or []),
        body=article.body,
        published_at=published_text(article),
        url=article.url,
        source=article.source,
        language=article.language,
        extraction=ExtractionOut.model_validate(article.extraction) if article.extraction else None,
        cluster_id=article.cluster_id or article.id,
        extractor_version=article.extractor_version,
        created_at=article.created_at,
        quotes=_quotes_of(session, article.id),
        entities=_entities_of(session, article.id),
    )


# --- lists ---------------------------------------------------------------------------------------


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Within:
    """Articles with at least one row of a child table (mentions, quotes) meeting a condition."""

    child: type[Mention] | type[Quote]
    condition: ColumnElement[bool]

    def as_in(self) -> ColumnElement[bool]:
        """The articles' ids gathered from the child's index first: best when they are few."""
        return col(Article.id).in_(select(col(self.child.article_id)).where(self.condition))

    def as_exists(self) -> ColumnElement[bool]:
        """Each article probed for a child row: lets a newest-first scan stop after a page when many match."""
        return exists().where(col(self.child.article_id) == col(Article.id), self.condition)

    def article_ids(self) -> Select[Any]:
        """The distinct articles, from the child table alone (a child row always has its article)."""
        return select(col(self.child.article_id)).where(self.condition).distinct()


def article_filters(session: Session, f: ArticleFilters) -> tuple[list[Within], list[ColumnElement[bool]]]:
    """The filters but the text query: those met through mentions or quotes, and those on Article itself."""
    withins: list[Within] = []
    if f.entity:
        withins.append(Within(Mention, col(Mention.entity_id).in_(entity_ids_matching(session, f.entity))))
    if f.speaker:
        withins.append(Within(Quote, speaker_condition(session, f.speaker)))
    conds: list[ColumnElement[bool]] = []
    if f.agency:
        conds.append(col(Article.agency_norm) == agency_key(f.agency))
    if f.published_from:
        conds.append(col(Article.published_at) >= _day_start(f.published_from))
    if f.published_to and f.published_to < dt.date.max:  # the day after 9999-12-31 does not exist
        conds.append(col(Article.published_at) < _day_start(f.published_to + dt.timedelta(days=1)))
    if f.language:
        conds.append(col(Article.language) == f.language.lower())
    if f.cluster_id is not None:
        conds.append(in_cluster(f.cluster_id))
    if f.collapse:
        firsts, _ = filter_articles(session, select(func.min(col(Article.id))), replace(f, collapse=False))
        conds.append(col(Article.id).in_(firsts.group_by(clusters.cluster_key())))
    return withins, conds


def in_cluster(cluster_id: int) -> ColumnElement[bool]:
    """The articles of one story cluster: its first version (stored with no cluster id) and those that joined it."""
    return or_(
        col(Article.cluster_id) == cluster_id, and_(col(Article.id) == cluster_id, col(Article.cluster_id).is_(None))
    )


def article_conditions(session: Session, f: ArticleFilters) -> list[ColumnElement[bool]]:
    """The conditions on Article for every filter but the text query (which needs a join)."""
    withins, conds = article_filters(session, f)
    # Articles found through the mentions (quotes) index, not each article probed for a mention.
    return [w.as_in() for w in withins] + conds


def filter_articles(session: Session, stmt: Select[Any], f: ArticleFilters) -> tuple[Select[Any], Match | None]:
    """A statement over Article narrowed by every filter; the text match when q is given."""
    stmt = stmt.where(*article_conditions(session, f))
    match = article_match(dialect_of(session), f.q) if f.q else None
    if f.q and match is None:
        return stmt.where(false()), None  # no searchable words: nothing matches
    if match is not None:
        if match.join is not None:
            stmt = stmt.join(match.join, match.on)
        stmt = stmt.where(match.condition)
    return stmt, match


def dialect_of(session: Session) -> str:
    """The database dialect a session talks to."""
    return session.get_bind().dialect.name


# Undated articles last. Written so that an index serves it on both stores: SQLite sorts NULL first
# ascending (so last descending); PostgreSQL has an index built in exactly this order.
NEWEST_FIRST = (col(Article.published_at).desc().nulls_last(), col(Article.id).desc())
QUOTE_ORDER = (col(Quote.article_id).desc(), col(Quote.start))
ENTITY_ORDER = (col(Entity.mention_count).desc(), col(Entity.id).desc())


# From this many matching articles on, a newest-first walk that probes each article for the entity or
# speaker reaches a page sooner than gathering and sorting every match (which reads each article's row).
DENSE_AT = 500


def _count(session: Session, stmt: Select[Any]) -> int:
    return int(session.exec(select(func.count()).select_from(stmt.order_by(None).subquery())).one())


@dataclass(frozen=True)
class SummaryPage:
    """A page of articles as their stored list JSON, one serialised summary per item: sent as it is, with no
    model built per item."""

    items: list[bytes]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        """Where the next page starts; None on the last."""
        nxt = self.offset + len(self.items)
        return nxt if nxt < self.total else None

    def json(self) -> bytes:
        """The page as the JSON of Page[ArticleSummary]."""
        nxt = "null" if self.next_offset is None else str(self.next_offset)
        tail = f'],"total":{self.total},"limit":{self.limit},"offset":{self.offset},"next_offset":{nxt}'
        tail += ',"total_exact":true}'
        return b"".join((b'{"items":[', b",".join(self.items), tail.encode()))

    def model(self) -> Page[ArticleSummary]:
        """The page as a model (for CSV, and callers in Python)."""
        items = [ArticleSummary.model_validate_json(item) for item in self.items]
        return Page[ArticleSummary](
            items=items, total=self.total, limit=self.limit, offset=self.offset, next_offset=self.next_offset
        )


_J: Table = ArticleJson.__table__  # type: ignore[attr-defined]
_SUMMARY_COLUMNS = core_select(
    *(_A.c[name] for name in ("id", "headline", "dateline_place", "dateline_date_text", "dateline_date", "agency")),
    *(_A.c[name] for name in ("published_at", "published_is_date", "url", "source", "language", "created_at")),
    _A.c.cluster_id,
)


def _summaries(conn: Connection, found: list[tuple[int, bytes | None]]) -> list[bytes]:
    """The stored summaries of (id, summary) rows, in their order; an article stored before summaries were
    kept (summary NULL) is summarised from its row."""
    unsummarised = [article_id for article_id, summary in found if summary is None]
    computed: dict[int, bytes] = {}
    if unsummarised:
        rows = conn.execute(_SUMMARY_COLUMNS.where(_A.c.id.in_(unsummarised)))
        computed = {a.id: summary_out(a).model_dump_json().encode("utf-8") for a in rows}  # type: ignore[arg-type]
    return [bytes(summary) if summary is not None else computed[article_id] for article_id, summary in found]


@dataclass(frozen=True)
class _Listing:
    """Which filters a newest-first list has: its statements are built once per combination, with parameters.
    An entity filter is resolved to its entity first (by id, canonical name or a person's surname): exactly
    one entity is a parameter of these statements; none matches nothing; two or more (a surname people
    share) take the general path."""

    entity: bool
    agency: bool
    published_from: bool
    published_to: bool
    language: bool
    cluster: bool

    @classmethod
    def of(cls, f: ArticleFilters) -> tuple[_Listing, dict[str, Any]] | None:
        """The combination and the parameters of a list's filters (the entity still to resolve); None for
        filters the general path serves (a speaker, one article per cluster)."""
        if f.speaker or f.collapse or f.q:
            return None
        params: dict[str, Any] = {}
        if f.agency:
            params["agency"] = agency_key(f.agency)
        if f.published_from:
            params["published_from"] = _day_start(f.published_from)
        to = f.published_to if f.published_to and f.published_to < dt.date.max else None
        if to:
            params["published_to"] = _day_start(to + dt.timedelta(days=1))
        if f.language:
            params["language"] = f.language.lower()
        if f.cluster_id is not None:
            params["cluster_id"] = f.cluster_id
        shape = cls(
            bool(f.entity), bool(f.agency), bool(f.published_from), bool(to), bool(f.language), f.cluster_id is not None
        )
        return shape, params

    @functools.cache  # noqa: B019 - one per combination of filters and dialect, kept for the process's life
    def statements(self, dialect: str) -> tuple[Select[Any], Select[Any], Select[Any]]:
        """The count, and the page's (id, stored summary) rows gathering the matches first (few) or walking the
        newest-first index and probing each article (many, DENSE_AT): the same plans as the general path."""
        mentioned = _M.c.entity_id == bindparam("entity") if self.entity else None
        conds: list[ColumnElement[bool]] = []
        if self.agency:
            conds.append(_A.c.agency_norm == bindparam("agency"))
        if self.published_from:
            conds.append(_A.c.published_at >= bindparam("published_from"))
        if self.published_to:
            conds.append(_A.c.published_at < bindparam("published_to"))
        if self.language:
            conds.append(_A.c.language == bindparam("language"))
        if self.cluster:
            first = and_(_A.c.id == bindparam("cluster_id"), _A.c.cluster_id.is_(None))
            conds.append(or_(_A.c.cluster_id == bindparam("cluster_id"), first))
        gathered = [_A.c.id.in_(core_select(_M.c.article_id).where(mentioned))] if mentioned is not None else []
        counted = core_select(func.count()).select_from(_A).where(*gathered, *conds)
        page = (
            core_select(_A.c.id, _J.c.summary)
            .outerjoin(_J, _J.c.article_id == _A.c.id)
            .order_by(_A.c.published_at.desc().nulls_last(), _A.c.id.desc())
            .limit(bindparam("limit"))
            .offset(bindparam("offset"))
        )
        if mentioned is None:
            return counted, page.where(*conds), page.where(*conds)
        sparse = page.where(*gathered, *conds)
        if dialect == "postgresql":
            # The matches gathered first, whatever plan a prepared statement's generic plan would prefer (a walk
            # of the newest-first index probing each article reads them all when the entity's one article is old).
            named = core_select(_M.c.article_id).where(mentioned).distinct().cte("named").prefix_with("MATERIALIZED")
            sparse = page.join(named, named.c.article_id == _A.c.id).where(*conds)
        # A probe per article in newest-first order, as a scalar subquery: PostgreSQL would turn EXISTS into a
        # semi-join that gathers every article naming a common entity before sorting them.
        probe: Select[Any] = core_select(literal_column("1")).where(_M.c.article_id == _A.c.id, mentioned).limit(1)
        dense = page.where(probe.scalar_subquery().is_not(None), *conds)
        return counted, sparse, dense

    def page(self, conn: Connection, params: dict[str, Any], page: PageRequest, rows: Rows | None) -> SummaryPage:
        """The page these filters select, newest first (the entity resolved: params["entity"])."""
        run = rows or (lambda stmt, values: list(conn.execute(stmt, values)))
        counted, sparse, dense = self.statements(conn.dialect.name)
        kept = params.pop("article_count", None)
        # One entity and nothing else: the count of articles naming it that every write keeps
        # (linking.count_mentions), not a count that grows with the archive.
        simple = self.entity and not (self.agency or self.published_from or self.published_to)
        simple = simple and not (self.language or self.cluster)
        total = int(kept) if simple and kept is not None else int(run(counted, params)[0][0])
        if page.offset >= total:
            return SummaryPage([], total, page.limit, page.offset)
        stmt = dense if self.entity and total >= DENSE_AT else sparse
        found = [(r[0], r[1]) for r in run(stmt, {**params, "limit": page.limit, "offset": page.offset})]
        return SummaryPage(_summaries(conn, found), total, page.limit, page.offset)


_LISTINGS: dict[_Listing, _Listing] = {}
_ENTITY_BY_ID = core_select(_E.c.id, _E.c.article_count).where(_E.c.id == bindparam("entity"))
_ENTITIES_NAMED = core_select(_E.c.id, _E.c.article_count).where(
    or_(_E.c.norm_name == bindparam("entity"), and_(_E.c.type == "PERSON", _E.c.surname == bindparam("entity")))
)

# Runs a statement with parameters and returns its rows (InlineReads.rows, or Connection.execute by default).
Rows = Callable[[Select[Any], dict[str, Any]], Sequence[Any]]


def newest_page(conn: Connection, f: ArticleFilters, page: PageRequest, rows: Rows | None = None) -> SummaryPage | None:
    """A newest-first page through statements built once for its combination of filters; None when the
    filters need the general path (newest_articles)."""
    found = _Listing.of(f)
    if found is None:
        return None
    shape, params = found
    if f.entity:
        run = rows or (lambda stmt, values: list(conn.execute(stmt, values)))
        number = as_id(f.entity)
        meant = run(_ENTITY_BY_ID, {"entity": number}) if number is not None else []
        if number is None:
            meant = run(_ENTITIES_NAMED, {"entity": normalise(f.entity)})
        if len(meant) > 1:
            return None
        if not meant:  # no such entity: mentioned nowhere
            return SummaryPage([], 0, page.limit, page.offset)
        params.update(entity=meant[0][0], article_count=meant[0][1])
    return _LISTINGS.setdefault(shape, shape).page(conn, params, page, rows)


def newest_articles(session: Session, f: ArticleFilters, page: PageRequest) -> SummaryPage:
    """Articles matching every filter but q, newest first."""
    fast = newest_page(session.connection(), f, page)
    if fast is not None:
        return fast
    withins, conds = article_filters(session, f)
    if len(withins) == 1 and not conds:
        total = _count(session, withins[0].article_ids())  # no row of articles read to count
    else:
        total = _count(session, select(col(Article.id)).where(*[w.as_in() for w in withins], *conds))
    if page.offset >= total:
        return SummaryPage([], total, page.limit, page.offset)
    dense = total >= DENSE_AT
    stmt = core_select(_A.c.id, _J.c.summary).outerjoin(_J, _J.c.article_id == _A.c.id)
    stmt = stmt.where(*[w.as_exists() if dense else w.as_in() for w in withins], *conds)
    rows = session.execute(stmt.order_by(*NEWEST_FIRST).limit(page.limit).offset(page.offset))
    found = [(r[0], r[1]) for r in rows]
    return SummaryPage(_summaries(session.connection(), found), total, page.limit, page.offset)


# Relevance is computed for at most this many matches, the newest: ranking reads each candidate's search
# vector (PostgreSQL) or positions (FTS5), so ranking every match of a common word would grow with the archive.
RANK_WINDOW = 1000


Searched = tuple[list[int], int, Match | None, bool]  # the page's ids, the total, the match, whether exact


def _searched_ids(session: Session, f: ArticleFilters, page: PageRequest) -> Searched:
    """The page's ids of a text search, the number of matches (or its estimate: see _DENSE_SEARCH), and the
    match. Best match first; when more than RANK_WINDOW articles match, the newest RANK_WINDOW of them best
    first, then the others newest first."""
    dialect = dialect_of(session)
    match = article_match(dialect, f.q) if f.q else None
    if match is None:
        return [], 0, None, True  # no searchable words: nothing matches
    filtered = article_conditions(session, f)
    dense_search = _DENSE_SEARCH.get(dialect)
    if dense_search is not None and not filtered and f.q:
        dense = dense_search(session, f.q, page)
        if dense is not None:
            return dense[0], dense[1], match, False
    if dialect == "postgresql":
        return _searched_ids_postgres(session, filtered, match, page)
    joined = select(col(Article.id)).where(*filtered, match.condition)
    if match.join is not None:
        joined = joined.join_from(Article, match.join, match.on)
    ranked = joined.order_by(match.score.desc(), *NEWEST_FIRST)
    total = _count(session, joined if filtered else match.ids)  # counted in the search index alone if it can
    # The newest matches: a walk of the newest-first index, each article looked up in the set of matches
    # (`+id`: SQLite would rather fetch every match's row to sort it).
    newest = select(col(Article.id)).where(*filtered, literal_column("+articles.id").in_(match.ids))
    window = select(newest.order_by(*NEWEST_FIRST).limit(RANK_WINDOW).subquery().c.id)
    older = newest.order_by(*NEWEST_FIRST)
    if page.offset >= total:
        return [], total, match, True
    if total <= RANK_WINDOW:
        return list(session.execute(ranked.limit(page.limit).offset(page.offset)).scalars()), total, match, True
    ids: list[int] = []
    if page.offset < RANK_WINDOW:
        first = ranked.where(col(Article.id).in_(window)).limit(min(page.limit, RANK_WINDOW - page.offset))
        ids = list(session.execute(first.offset(page.offset)).scalars())
    if len(ids) < page.limit:
        tail = older.limit(page.limit - len(ids)).offset(max(page.offset, RANK_WINDOW))
        ids += list(session.execute(tail).scalars())
    return ids, total, match, True


def _searched_ids_postgres(
    session: Session, filtered: list[ColumnElement[bool]], match: Match, page: PageRequest
) -> Searched:
    """_searched_ids on PostgreSQL: one pass over the matches' rows gives the count and the newest
    RANK_WINDOW (a walk of the newest-first index would read each article's search vector to test it), and
    the same statement ranks that window and returns the page."""
    found = select(col(Article.id), col(Article.published_at)).where(*filtered, match.condition)
    matches = found.cte("matches").prefix_with("MATERIALIZED")
    newest_first = (matches.c.published_at.desc().nulls_last(), matches.c.id.desc())
    counted = select(func.count()).select_from(matches).scalar_subquery()
    ids: list[int] = []
    total: int | None = None
    if page.offset < RANK_WINDOW:
        window = select(matches.c.id).order_by(*newest_first).limit(RANK_WINDOW).cte("window")
        best = (
            select(col(Article.id), counted)
            .join(window, window.c.id == col(Article.id))
            .order_by(match.score.desc(), *NEWEST_FIRST)
            .limit(min(page.limit, RANK_WINDOW - page.offset))
            .offset(page.offset)
        )
        rows = session.execute(best).all()
        ids = [int(r[0]) for r in rows]
        total = int(rows[0][1]) if rows else None
    if total is None:
        total = int(session.execute(select(counted)).scalar_one())
    if len(ids) < page.limit and page.offset + len(ids) < total:
        tail = select(matches.c.id).order_by(*newest_first)
        tail = tail.limit(page.limit - len(ids)).offset(max(page.offset, RANK_WINDOW))
        ids += [int(i) for i in session.execute(tail).scalars()]
    return ids, total, match, True


# A search whose words are in a large share of the archive: its newest RANK_WINDOW matches are found by walking
# the newest-first index and testing each article's search vector, which stops after a few thousand articles,
# where gathering every match from the GIN index reads each of them (hundreds of thousands: seconds). The
# newest SAMPLE_ROWS articles tell which case a search is; the walk goes at most WALK_ROWS articles deep
# before the search takes the gathering path after all. The total is then estimated from the walk: the share
# of matches among the articles walked, times the number of articles. A search expected to match fewer than
# EXACT_UP_TO articles is counted exactly.
EXACT_UP_TO = 20_000
SAMPLE_ROWS = 200
WALK_ROWS = 12 * RANK_WINDOW
_ARTICLES_PLANNED = text("SELECT reltuples FROM pg_class WHERE oid = 'articles'::regclass")


def archive_size(session: Session) -> float:
    """About how many articles are stored, from the planner's statistics (kept by VACUUM and ANALYZE), not a
    count; on SQLite, counted when ANALYZE never ran."""
    if dialect_of(session) == "postgresql":
        return float(session.execute(_ARTICLES_PLANNED).scalar_one() or 0)
    conn = session.connection()
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is not None:
        stat = conn.exec_driver_sql("SELECT stat FROM sqlite_stat1 WHERE tbl = 'articles' LIMIT 1").first()
        if stat is not None:
            return float(str(stat[0]).split()[0])
    return float(conn.execute(core_select(func.count()).select_from(_A)).scalar_one())


def _newest_walk(tsq: ColumnElement[Any], rows: int | None) -> tuple[Subquery, ColumnElement[bool]]:
    """Articles newest first (at most `rows` of them) with their place in that order, as a subquery no plan can
    turn into a gathering of matches; and its search vector column, to test."""
    walked = core_select(
        _A.c.id,
        _A.c.published_at,
        literal_column("articles.search").label("search"),
        func.row_number().over(order_by=(_A.c.published_at.desc().nulls_last(), _A.c.id.desc())).label("n"),
    ).order_by(_A.c.published_at.desc().nulls_last(), _A.c.id.desc())
    walked = walked.limit(rows) if rows is not None else walked.offset(0)  # OFFSET 0: kept a subquery
    sub = walked.subquery("walked")
    return sub, sub.c.search.op("@@")(tsq)


def _walk_order(walk: Subquery) -> tuple[Any, Any]:
    """The walk's own order, said again outside it (PostgreSQL knows the subquery is sorted so: no sort)."""
    return walk.c.published_at.desc().nulls_last(), walk.c.id.desc()


def _dense_search_postgres(session: Session, q: str, page: PageRequest) -> tuple[list[int], int] | None:
    """The page's ids and the estimated total of a search matching a large share of the archive (no other
    filter); None when it does not (or its window is not filled within WALK_ROWS articles)."""
    tsq = postgres_query(q)
    if tsq is None or page.offset >= RANK_WINDOW:
        return None
    articles = archive_size(session)
    if articles < EXACT_UP_TO:
        return None
    sample, matches = _newest_walk(tsq, SAMPLE_ROWS)
    found = int(session.execute(core_select(func.count()).select_from(sample).where(matches)).scalar_one())
    if found * WALK_ROWS < RANK_WINDOW * SAMPLE_ROWS or found * articles < EXACT_UP_TO * SAMPLE_ROWS:
        return None  # fewer than RANK_WINDOW matches expected within WALK_ROWS articles, or few to count
    walk, matches = _newest_walk(tsq, WALK_ROWS)
    score = func.ts_rank_cd(walk.c.search, tsq)
    window = list(
        session.execute(
            core_select(walk.c.id, walk.c.published_at, score, walk.c.n)
            .where(matches)
            .order_by(*_walk_order(walk))
            .limit(RANK_WINDOW)
        )
    )
    if len(window) < RANK_WINDOW:
        return None
    walked = int(window[-1][3])
    total = max(EXACT_UP_TO, round(RANK_WINDOW * max(articles, walked) / walked))
    # Best first: the score, then newest first (published_at descending, undated last, then id descending).
    window.sort(key=_newest_key, reverse=True)
    window.sort(key=lambda r: float(r[2]), reverse=True)
    ids = [int(r[0]) for r in window[page.offset : page.offset + page.limit]]
    if len(ids) < page.limit:
        tail, matches = _newest_walk(tsq, None)
        more = core_select(tail.c.id).where(matches).order_by(*_walk_order(tail))
        more = more.offset(RANK_WINDOW).limit(page.limit - len(ids))
        ids += [int(i) for i in session.execute(more).scalars()]
    return ids, max(total, page.offset + len(ids))


# SQLite: FTS5 gives a search's matches in descending rowid (article id) order at once. The last RANK_WINDOW of
# them are the newest matches but for articles dated newer than the window's oldest and stored before it (found
# through the publication index, then tested); at most LATE of those, else the search takes the general path.
LATE = 200
_FTS_LAST = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
_FTS_RANKED = (
    "SELECT rowid, bm25(articles_fts, 10.0, 5.0, 1.0) FROM articles_fts "
    "WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?"
)
_FTS_ONE = "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?"


def _newest_key(row: Any) -> tuple[bool, Any, int]:
    """A sort key putting (id, published_at) rows newest first when sorted descending (undated last)."""
    return (row[1] is not None, row[1] or "", int(row[0]))


def _dense_search_sqlite(session: Session, q: str, page: PageRequest) -> tuple[list[int], int] | None:
    """The page's ids and the estimated total of a search matching more than about EXACT_UP_TO articles (no
    other filter) on SQLite; None otherwise."""
    expression = fts5_query(q)
    if expression is None or page.offset >= RANK_WINDOW:
        return None
    conn = session.connection()
    last = [int(r[0]) for r in conn.exec_driver_sql(_FTS_LAST, (expression, RANK_WINDOW))]
    if len(last) < RANK_WINDOW:
        return None
    low = last[-1]
    latest = int(conn.execute(core_select(func.count()).select_from(_A).where(_A.c.id >= low)).scalar_one())
    total = round(RANK_WINDOW * archive_size(session) / max(latest, 1))  # their share of the latest, over all
    if total < EXACT_UP_TO:
        return None
    dated = list(conn.execute(core_select(_A.c.id, _A.c.published_at).where(_A.c.id.in_(last))))
    dated.sort(key=_newest_key, reverse=True)
    oldest = dated[-1]
    if oldest[1] is None:
        return None
    late = conn.execute(
        core_select(_A.c.id, _A.c.published_at).where(_A.c.published_at >= oldest[1], _A.c.id < low).limit(LATE + 1)
    ).all()
    if len(late) > LATE:
        return None
    dated += [row for row in late if conn.exec_driver_sql(_FTS_ONE, (expression, row[0])).first() is not None]
    dated.sort(key=_newest_key, reverse=True)
    window = {int(r[0]): r for r in dated[:RANK_WINDOW]}
    scores = {
        int(i): float(score)
        for i, score in conn.exec_driver_sql(_FTS_RANKED, (expression, min(window), max(window)))
        if int(i) in window
    }
    # Best first (BM25: lower is better), then newest first.
    ranked = sorted(window.values(), key=_newest_key, reverse=True)
    ranked.sort(key=lambda r: scores.get(int(r[0]), 0.0))
    ids = [int(r[0]) for r in ranked[page.offset : page.offset + page.limit]]
    if len(ids) < page.limit:
        match = article_match("sqlite", q)
        assert match is not None
        newest = select(col(Article.id)).where(literal_column("+articles.id").in_(match.ids))
        older = newest.order_by(*NEWEST_FIRST).offset(RANK_WINDOW).limit(page.limit - len(ids))
        ids += [int(i) for i in session.execute(older).scalars()]
    return ids, max(total, page.offset + len(ids))


# A search matching a large share of the archive, by store: its page and estimated total, or None.
_DENSE_SEARCH: dict[str, Callable[[Session, str, PageRequest], tuple[list[int], int] | None]] = {
    "sqlite": _dense_search_sqlite,
    "postgresql": _dense_search_postgres,
}


def list_articles(session: Session, f: ArticleFilters, page: PageRequest) -> Page[ArticleSummary]:
    """Articles matching every filter: best text match first when searching, else newest first."""
    if not f.q:
        return newest_articles(session, f, page).model()
    ids, total, match, exact = _searched_ids(session, f, page)
    if match is None or not ids:
        return _make_page([], total, page, exact)
    # Excerpt only the page's articles: excerpts cost a read of each text.
    if match.snippet is None:  # excerpts computed over a bounded window of each text
        articles = session.exec(select(Article).options(SUMMARY_ONLY).where(col(Article.id).in_(ids)))
        texts = core_select(Article.id, Article.headline, Article.standfirst, Article.body)  # type: ignore[call-overload]
        snippets = excerpts(session, f.q or "", list(session.execute(texts.where(col(Article.id).in_(ids)))), -1)
        by_id = {a.id: summary_out(a).model_copy(update={"snippet": snippets.get(a.id or 0)}) for a in articles}
        return _make_page([by_id[i] for i in ids if i in by_id], total, page, exact)
    excerpted = select(Article, match.snippet.label("snippet")).options(SUMMARY_ONLY)
    if match.join is not None:
        excerpted = excerpted.join(match.join, match.on)
    hits = session.execute(excerpted.where(match.condition, col(Article.id).in_(ids)))
    by_id = {a.id: summary_out(a).model_copy(update={"snippet": snippet}) for a, snippet in hits}
    return _make_page([by_id[i] for i in ids if i in by_id], total, page, exact)


def article_cluster(session: Session, article_id: int, page: PageRequest) -> Page[ArticleSummary]:
    """The versions of an article's story, the first first."""
    found = session.execute(select(col(Article.cluster_id)).where(col(Article.id) == article_id)).one_or_none()
    if found is None:
        raise NotFound(f"No article with id {article_id}.")
    stmt = select(Article).options(SUMMARY_ONLY).where(in_cluster(found[0] or article_id))
    rows, total = _page(session, stmt.order_by(col(Article.id)), page)
    return _make_page([summary_out(a) for a in rows], total, page)


def filter_quotes(session: Session, f: QuoteFilters) -> tuple[Select[Any], Match | None]:
    """A statement over Quote narrowed by every filter; the text match when q is given."""
    stmt = select(Quote)
    if f.speaker:
        stmt = stmt.where(speaker_condition(session, f.speaker))
    if f.article_id is not None:
        stmt = stmt.where(col(Quote.article_id) == f.article_id)
    if f.type:
        stmt = stmt.where(col(Quote.type) == f.type)
    if not f.q:
        return stmt, None
    match = quote_match(dialect_of(session), f.q)
    if match is None:
        return stmt.where(false()), None
    if match.join is not None:
        stmt = stmt.join(match.join, match.on)
    return stmt.where(match.condition), match


def _speaker_first_ids(session: Session, f: QuoteFilters, page: PageRequest) -> Select[Any]:
    """The ids that can reach the page: each way of matching the speaker, walked in quote order through its
    own index, gives its first offset + limit quotes; the page is among them."""
    assert f.speaker is not None
    extra = [col(Quote.type) == f.type] if f.type else []
    firsts = [
        select(col(Quote.id)).where(branch, *extra).order_by(*QUOTE_ORDER).limit(page.offset + page.limit).subquery()
        for branch in speaker_branches(session, f.speaker)
    ]
    return union(*[select(first.c.id) for first in firsts])  # type: ignore[return-value]


def list_quotes(session: Session, f: QuoteFilters, page: PageRequest) -> Page[QuoteOut]:
    """Quotes matching every filter: best text match first when searching, else newest article first."""
    stmt, match = filter_quotes(session, f)
    order = QUOTE_ORDER
    if match is None:
        if f.speaker and f.article_id is None and f.type is None:
            total = speaker_quote_count(session, f.speaker)
        else:
            total = _count(session, stmt.with_only_columns(col(Quote.id)))
        if page.offset >= total:
            return _make_page([], total, page)
        if f.speaker and f.article_id is None:
            # Never one walk of every quote in order, filtered: a rare speaker would read them all.
            stmt = select(Quote).where(col(Quote.id).in_(_speaker_first_ids(session, f, page)))
        rows = session.execute(stmt.order_by(*order).limit(page.limit).offset(page.offset)).scalars()
        return _make_page([quote_out(q) for q in rows], total, page)
    if match.snippet is None:  # excerpts computed over a bounded window of each quote
        found, total = _page(session, stmt.order_by(match.score.desc(), *order), page)
        snippets = excerpts(session, f.q or "", [(q.id or 0, None, None, q.text) for q in found], 2)
        return _make_page(
            [quote_out(q).model_copy(update={"snippet": snippets.get(q.id or 0)}) for q in found], total, page
        )
    ranked = stmt.add_columns(match.snippet.label("snippet")).order_by(match.score.desc(), *order)
    hits, total = _page(session, ranked, page, counted=stmt)
    return _make_page([quote_out(q).model_copy(update={"snippet": snip}) for q, snip in hits], total, page)


def entity_out(entity: Entity) -> EntityOut:
    """A stored entity as served."""
    assert entity.id is not None
    return EntityOut(
        id=entity.id,
        name=entity.name,
        type=entity.type,
        country_code=entity.country_code,
        mention_count=entity.mention_count,
        article_count=entity.article_count,
    )


def filter_entities(f: EntityFilters) -> Select[Any]:
    """A statement over Entity narrowed by type and name prefix."""
    stmt = select(Entity)
    if f.type:
        stmt = stmt.where(col(Entity.type) == f.type.upper())
    if f.prefix:
        # The start of the name, or of a person's surname: "trump" finds Donald Trump.
        pattern = f"{_like_escape(normalise(f.prefix))}%"
        stmt = stmt.where(
            or_(
                col(Entity.norm_name).like(pattern, escape="\\"),
                and_(col(Entity.type) == "PERSON", col(Entity.surname).like(pattern, escape="\\")),
            )
        )
    return stmt


def list_entities(session: Session, f: EntityFilters, page: PageRequest) -> Page[EntityOut]:
    """Entities of a type or name prefix, most mentioned first."""
    rows, total = _page(session, filter_entities(f).order_by(*ENTITY_ORDER), page)
    return _make_page([entity_out(e) for e in rows], total, page)


def co_occurring(session: Session, entity_id: int, limit: int) -> list[CoEntityOut]:
    """The entities that share the most articles with one entity."""
    mine = select(Mention.article_id).where(Mention.entity_id == entity_id).distinct().subquery()
    shared = func.count(func.distinct(Mention.article_id)).label("shared")
    stmt = (
        select(Entity, shared)
        .join(Mention, col(Mention.entity_id) == col(Entity.id))
        .where(col(Mention.article_id).in_(select(mine.c.article_id)), col(Entity.id) != entity_id)
        .group_by(col(Entity.id))
        .order_by(shared.desc(), col(Entity.id))
        .limit(limit)
    )
    out = []
    for entity, n in session.exec(stmt):
        assert entity.id is not None
        out.append(CoEntityOut(id=entity.id, name=entity.name, type=entity.type, shared_articles=int(n)))
    return out


def entity_detail(session: Session, entity_id: int, quotes_limit: int = 20, related_limit: int = 10) -> EntityDetail:
    """An entity with its counts, its latest quotes when it speaks, and its frequent companions."""
    entity = session.get(Entity, entity_id)
    if entity is None:
        raise NotFound(f"No entity with id {entity_id}.")
    quote_count = session.exec(
        select(func.count()).select_from(Quote).where(Quote.speaker_entity_id == entity_id)
    ).one()
    quotes = session.exec(
        select(Quote)
        .where(Quote.speaker_entity_id == entity_id)
        .order_by(col(Quote.article_id).desc(), col(Quote.start))
        .limit(quotes_limit)
    )
    return EntityDetail(
        **entity_out(entity).model_dump(),
        quote_count=int(quote_count),
        quotes=[quote_out(q) for q in quotes],
        co_occurring=co_occurring(session, entity_id, related_limit),
    )
