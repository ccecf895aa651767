"""Aggregates for dashboards: time series and top lists."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from app.deps import SessionDep
from app.routes.articles import NOT_FOUND, article_filters
from app.routes.formats import CSV_RESPONSE, FormatParam, reply
from app.schemas import SeriesOut, TopOut
from app.services import stats
from app.services.queries import ArticleFilters

router = APIRouter(prefix="/v1/stats", tags=["stats"])
Filters = Annotated[ArticleFilters, Depends(article_filters)]


@router.get("/timeseries", response_model=SeriesOut, responses={**NOT_FOUND, **CSV_RESPONSE})
def get_timeseries(
    request: Request,
    session: SessionDep,
    filters: Filters,
    metric: Annotated[stats.Metric, Query(description="What to count")] = "mentions",
    interval: Annotated[stats.Interval, Query(description="Bucket size")] = "day",
    split: Annotated[stats.Split, Query(description="One series per entity, speaker, agency or entity type")] = "none",
    type: Annotated[str | None, Query(max_length=20, description="Only entities of this type")] = None,
    series: Annotated[int, Query(ge=1, le=50, description="How many series to keep (the largest)")] = 10,
    format: FormatParam = None,
) -> SeriesOut:
    """Count articles, quotes or mentions per day, week or month, split into series; rows of {time, series, value}."""
    req = stats.SeriesRequest(metric, interval, split, type, series)
    items = stats.timeseries(session, req, filters)
    undated = stats.undated_count(session, req, filters)
    out = SeriesOut(metric=metric, interval=interval, split=split, items=items, undated=undated)
    return reply(request, format, out, ["time", "series", "value"])


@router.get("/top", response_model=TopOut, responses={**NOT_FOUND, **CSV_RESPONSE})
def get_top(
    request: Request,
    session: SessionDep,
    filters: Filters,
    dimension: Annotated[stats.Dimension, Query(description="What to rank")] = "entities",
    type: Annotated[str | None, Query(max_length=20, description="Only entities of this type")] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="How many rows to return")] = 10,
    format: FormatParam = None,
) -> TopOut:
    """The top entities, speakers, agencies or co-occurring entity pairs among the filtered articles."""
    out = TopOut(dimension=dimension, items=stats.top(session, dimension, filters, type, limit))
    return reply(request, format, out)
