"""Aggregates for dashboards: counts over time and top lists, under the same filters as article lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, Date, DateTime, Select, and_, cast, distinct, func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app.errors import Unprocessable
from app.models import Article, Entity, Mention, Quote
from app.schemas import SeriesPoint, TopItem
from app.services.queries import ArticleFilters, dialect_of, filter_articles

Metric = Literal["articles", "quotes", "mentions"]
Interval = Literal["day", "week", "month"]
Split = Literal["none", "entity", "speaker", "agency", "entity_type"]
Dimension = Literal["entities", "speakers", "agencies", "pairs"]


@dataclass(frozen=True)
class SeriesRequest:
    """What a time series counts, how it buckets time, and what it splits into series."""

    metric: Metric = "mentions"
    interval: Interval = "day"
    split: Split = "none"
    entity_type: str | None = None
    series_limit: int = 10


def undated() -> ColumnElement[bool]:
    """Articles with no time of their own: no publication date and no dateline date that resolved. They are
    counted apart, never on the day they happened to be imported."""
    return and_(col(Article.published_at).is_(None), col(Article.dateline_date).is_(None))


def bucket(dialect: str, interval: Interval) -> ColumnElement[Any]:
    """The first day of the day, ISO week (Monday) or month an article falls in: by its publication date,
    else by its dateline's resolved date (null when it has neither)."""
    if dialect == "postgresql":
        published = cast(func.date_trunc(interval, func.timezone("UTC", Article.published_at)), Date)
        written = cast(func.date_trunc(interval, cast(Article.dateline_date, DateTime)), Date)
        return func.coalesce(published, written)
    moment = func.coalesce(Article.published_at, Article.dateline_date)
    if interval == "day":
        return func.date(moment)
    if interval == "week":
        return func.date(moment, "weekday 0", "-6 days")
    return func.strftime("%Y-%m-01", moment)


def _base(
    session: Session, req: SeriesRequest, f: ArticleFilters
) -> tuple[Select[Any], ColumnElement[Any], ColumnElement[Any] | None, ColumnElement[Any] | None]:
    """(statement over the joined rows, the value counted, the series key, the series label)."""
    speaker = aliased(Entity)
    if req.metric == "articles":
        stmt = select(Article)
        value: ColumnElement[Any] = func.count(distinct(Article.id))
        if req.split in ("entity", "entity_type"):
            stmt = stmt.join(Mention, col(Mention.article_id) == col(Article.id)).join(
                Entity, col(Entity.id) == col(Mention.entity_id)
            )
        elif req.split == "speaker":
            stmt = stmt.join(Quote, col(Quote.article_id) == col(Article.id))
    elif req.metric == "quotes":
        stmt = select(Quote).join(Article, col(Article.id) == col(Quote.article_id))
        value = func.count(Quote.id)
        if req.split in ("entity", "entity_type"):
            stmt = stmt.join(speaker, speaker.id == col(Quote.speaker_entity_id))
    else:
        stmt = (
            select(Mention)
            .join(Article, col(Article.id) == col(Mention.article_id))
            .join(Entity, col(Entity.id) == col(Mention.entity_id))
        )
        value = func.count(Mention.id)
        if req.split == "speaker":
            raise Unprocessable("split=speaker goes with metric=quotes or metric=articles.")
    stmt, _ = filter_articles(session, stmt, f)
    if req.entity_type:
        if req.metric == "quotes":
            if req.split not in ("entity", "entity_type"):
                stmt = stmt.join(speaker, speaker.id == col(Quote.speaker_entity_id))
            stmt = stmt.where(speaker.type == req.entity_type.upper())
        elif req.metric == "mentions" or req.split in ("entity", "entity_type"):
            stmt = stmt.where(col(Entity.type) == req.entity_type.upper())
    entity = speaker if req.metric == "quotes" else Entity
    keys: dict[str, tuple[ColumnElement[Any], ColumnElement[Any]]] = {
        "entity": (entity.id, entity.name),
        "entity_type": (entity.type, entity.type),
        "speaker": (func.coalesce(Quote.speaker_name, ""), func.coalesce(Quote.speaker_name, "")),
        "agency": (
            func.coalesce(Article.agency, Article.source, ""),
            func.coalesce(Article.agency, Article.source, ""),
        ),
    }
    if req.split == "none":
        return stmt, value, None, None
    key, label = keys[req.split]
    if req.split == "speaker":
        stmt = stmt.where(col(Quote.speaker_name).is_not(None))
    return stmt, value, key, label


def timeseries(session: Session, req: SeriesRequest, f: ArticleFilters) -> list[SeriesPoint]:
    """Counts per time bucket, one series per split value (the largest `series_limit` of them)."""
    dialect = dialect_of(session)
    stmt, value, key, label = _base(session, req, f)
    period = bucket(dialect, req.interval).label("period")
    stmt = stmt.where(~undated())
    if key is None or label is None:
        rows = session.execute(stmt.with_only_columns(period, value).group_by(period).order_by(period))
        return [SeriesPoint(time=_day(p), series=req.metric, value=int(v)) for p, v in rows]
    top = session.execute(
        stmt.with_only_columns(key, value).group_by(key).order_by(value.desc(), key).limit(req.series_limit)
    )
    chosen = [k for k, _ in top]
    if not chosen:
        return []
    grouped = (
        stmt.where(key.in_(chosen))
        .with_only_columns(period, key, label, value)
        .group_by(period, key, label)
        .order_by(period, key)
    )
    return [SeriesPoint(time=_day(p), series=str(name), value=int(v)) for p, _, name, v in session.execute(grouped)]


def undated_count(session: Session, req: SeriesRequest, f: ArticleFilters) -> int:
    """How many of what a time series counts belong to articles without a date (left out of the series)."""
    stmt, value, _, _ = _base(session, req, f)
    return int(session.execute(stmt.where(undated()).with_only_columns(value)).scalar_one() or 0)


def _day(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def top(
    session: Session, dimension: Dimension, f: ArticleFilters, entity_type: str | None, limit: int
) -> list[TopItem]:
    """The most frequent entities, speakers, agencies or entity pairs among the filtered articles."""
    etype = entity_type.upper() if entity_type else None
    if dimension == "entities":
        stmt = (
            select(
                Entity.id, Entity.name, Entity.type, func.count(Mention.id), func.count(distinct(Mention.article_id))
            )
            .join(Mention, col(Mention.entity_id) == col(Entity.id))
            .join(Article, col(Article.id) == col(Mention.article_id))
        )
        stmt, _ = filter_articles(session, stmt, f)
        if etype:
            stmt = stmt.where(col(Entity.type) == etype)
        stmt = stmt.group_by(col(Entity.id), col(Entity.name), col(Entity.type))
        rows = session.execute(stmt.order_by(func.count(Mention.id).desc(), col(Entity.id)).limit(limit))
        return [TopItem(key=str(i), id=i, name=n, type=t, value=int(v), articles=int(a)) for i, n, t, v, a in rows]
    if dimension == "speakers":
        stmt = (
            select(
                Quote.speaker_entity_id,
                Quote.speaker_name,
                func.count(Quote.id),
                func.count(distinct(Quote.article_id)),
            )
            .join(Article, col(Article.id) == col(Quote.article_id))
            .where(col(Quote.speaker_name).is_not(None))
        )
        stmt, _ = filter_articles(session, stmt, f)
        if etype:
            stmt = stmt.join(Entity, col(Entity.id) == col(Quote.speaker_entity_id)).where(col(Entity.type) == etype)
        stmt = stmt.group_by(col(Quote.speaker_entity_id), col(Quote.speaker_name))
        rows = session.execute(stmt.order_by(func.count(Quote.id).desc(), col(Quote.speaker_name)).limit(limit))
        return [
            TopItem(key=str(i) if i else str(n), id=i, name=n, type=None, value=int(v), articles=int(a))
            for i, n, v, a in rows
        ]
    if dimension == "agencies":
        agency = func.coalesce(Article.agency, Article.source)
        stmt, _ = filter_articles(session, select(agency, func.count(Article.id)), f)
        stmt = stmt.where(agency.is_not(None)).group_by(agency)
        rows = session.execute(stmt.order_by(func.count(Article.id).desc(), agency).limit(limit))
        return [TopItem(key=str(n), id=None, name=str(n), type=None, value=int(v), articles=int(v)) for n, v in rows]
    return _pairs(session, f, etype, limit)


def _pairs(session: Session, f: ArticleFilters, etype: str | None, limit: int) -> list[TopItem]:
    """Entity pairs that appear in the same articles, most shared articles first."""
    present = select(Mention.article_id, Mention.entity_id).distinct()
    present = present.join(Article, col(Article.id) == col(Mention.article_id))
    present, _ = filter_articles(session, present, f)
    if etype:
        present = present.join(Entity, col(Entity.id) == col(Mention.entity_id)).where(col(Entity.type) == etype)
    a = present.subquery("a")
    b = present.subquery("b")
    shared = func.count().label("shared")
    pairs = (
        select(a.c.entity_id.label("one"), b.c.entity_id.label("two"), shared)
        .join(b, and_(a.c.article_id == b.c.article_id, a.c.entity_id < b.c.entity_id))
        .group_by(a.c.entity_id, b.c.entity_id)
        .order_by(shared.desc(), a.c.entity_id, b.c.entity_id)
        .limit(limit)
    ).subquery("p")
    one, two = aliased(Entity), aliased(Entity)
    rows = session.execute(
        select(pairs.c.one, one.name, one.type, pairs.c.two, two.name, two.type, pairs.c.shared)
        .join(one, one.id == pairs.c.one)
        .join(two, two.id == pairs.c.two)
        .order_by(pairs.c.shared.desc(), pairs.c.one, pairs.c.two)
    )
    return [
        TopItem(
            key=f"{i}-{j}", id=i, name=n, type=t, other_id=j, other_name=m, other_type=u, value=int(v), articles=int(v)
        )
        for i, n, t, j, m, u, v in rows
    ]
