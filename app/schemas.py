"""What goes in and out over HTTP; never a table class."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

# A date as feeds and CMSs write it: ISO 8601 (2024-06-06, 2024-06-06T10:00:00+02:00, 20240606) or RFC 2822
# (Thu, 06 Jun 2024 10:00:00 GMT). Never a number of seconds: 20190328 is 28 March 2019, not a Unix time.
_BASIC_DATE = re.compile(r"\d{8}")
_RFC_2822_HINT = re.compile(r"[A-Za-z]{3}")


def parse_date_value(value: object) -> object:
    """A published date or datetime from what a client sent; a ValueError says what is wrong with it."""
    if isinstance(value, dt.date):  # a date, or a datetime (a subclass of date)
        return value
    if isinstance(value, bool) or not isinstance(value, str):
        raise ValueError("must be a date or datetime as text (ISO 8601 or RFC 2822), not a number")
    text = value.strip()
    if text.isdigit() and not _BASIC_DATE.fullmatch(text):
        raise ValueError(f"{text[:20]!r} is not a date: digits alone must be YYYYMMDD, never a Unix time")
    if len(text) in (8, 10):
        try:
            return dt.date.fromisoformat(text)  # 2019-03-28, or the basic 20190328
        except ValueError:
            if text.isdigit():
                raise ValueError(f"{text!r} is not a calendar date (YYYYMMDD)") from None
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        pass
    if _RFC_2822_HINT.search(text):
        try:
            return email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            pass
    raise ValueError(f"{text[:40]!r} is neither an ISO 8601 nor an RFC 2822 date or datetime")


def _plausible(value: dt.date) -> dt.date:
    if not 1800 <= value.year <= 2200:
        raise ValueError("year must be between 1800 and 2200")
    return value


PublishedAt = Annotated[dt.datetime | dt.date, BeforeValidator(parse_date_value), AfterValidator(_plausible)]


def _utc(value: dt.datetime) -> dt.datetime:
    """A stored timestamp with its zone: SQLite hands back naive datetimes, which are UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


# RFC 3339 date-time (what OpenAPI's format: date-time means) needs an offset.
UtcDatetime = Annotated[dt.datetime, AfterValidator(_utc)]

# One invented story runs through every example of the API description, so the examples agree.
EXAMPLE_TEXT = (
    "Port workers end strike after pay deal\n\nROTTERDAM, May 14. /TASS/. Union leader Marieke Jansen said the "
    'dock workers would return on Wednesday.\n\n"This deal gives our members what they asked for," Jansen said.'
)
EXAMPLE_DATELINE = {"place": "Rotterdam", "date_text": "May 14", "date": "2019-05-14", "agency": "TASS"}
EXAMPLE_SPEAKER = {"name": "Marieke Jansen", "entity_id": 7, "mention": "Jansen", "start": 196, "end": 202}
EXAMPLE_QUOTE = {
    "id": 31,
    "article_id": 12,
    "type": "direct",
    "text": "This deal gives our members what they asked for,",
    "start": 146,
    "end": 194,
    "speaker": EXAMPLE_SPEAKER,
    "cue": "said",
    "cue_start": 203,
    "cue_end": 207,
}
EXAMPLE_ENTITY = {
    "id": 7,
    "name": "Marieke Jansen",
    "type": "PERSON",
    "country_code": None,
    "mentions": [{"text": "Marieke Jansen", "start": 80, "end": 94}, {"text": "Jansen", "start": 196, "end": 202}],
}
EXAMPLE_ENTITY_OUT = {
    "id": 7,
    "name": "Marieke Jansen",
    "type": "PERSON",
    "country_code": None,
    "mention_count": 14,
    "article_count": 5,
}


def _examples(*examples: Any) -> ConfigDict:
    shown: Any = list(examples)
    return ConfigDict(json_schema_extra={"examples": shown})


class ArticleIn(BaseModel):
    """An article submitted as JSON."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": EXAMPLE_TEXT,
                    "published_at": "2019-05-14",
                    "url": "https://news.example/port-strike",
                    "source": "TASS",
                }
            ]
        },
    )

    text: str | None = Field(default=None, description="The raw article text, exactly as it should be stored")
    html: str | None = Field(
        default=None,
        description="A web page instead of text: its main text and metadata are extracted (never fetched)",
    )
    published_at: PublishedAt | None = Field(default=None, description="ISO 8601 or RFC 2822; resolves dateline dates")
    url: str | None = Field(default=None, max_length=2048, description="Where the article was published")
    source: str | None = Field(default=None, max_length=200, description="Publisher or feed name")

    @model_validator(mode="after")
    def _text_or_html(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("send exactly one of 'text' and 'html'")
        return self


class DatelineOut(BaseModel):
    """The place/date/agency prefix of a wire story."""

    model_config = _examples(EXAMPLE_DATELINE)

    place: str | None
    date_text: str | None
    date: dt.date | None
    agency: str | None


class MentionOut(BaseModel):
    """One place in the text where an entity is named."""

    text: str
    start: int
    end: int


class SpeakerOut(BaseModel):
    """Who a quote is attributed to."""

    name: str
    entity_id: int | None
    mention: str | None
    start: int | None
    end: int | None


class QuoteOut(BaseModel):
    """Reported speech with its speaker and cue."""

    model_config = _examples(EXAMPLE_QUOTE)

    id: int
    article_id: int
    type: Literal["direct", "mixed", "indirect"]
    text: str
    start: int
    end: int
    speaker: SpeakerOut | None
    cue: str | None
    cue_start: int | None = None
    cue_end: int | None = None
    statement_id: int | None = Field(
        default=None, description="The statement it is an appearance of (GET /v1/statements/{id})"
    )
    snippet: str | None = Field(default=None, description="The quote with search words in <mark>, when searching")


class ArticleEntityOut(BaseModel):
    """An entity as named in one article, with its mentions there."""

    model_config = _examples(EXAMPLE_ENTITY)

    id: int
    name: str
    type: str
    country_code: str | None = None
    mentions: list[MentionOut]


class ExtractionOut(BaseModel):
    """How an article's text was read."""

    input: Literal["text", "html"] = Field(description="Sent as plain text, or as a web page whose story was extracted")
    model: str | None = Field(default=None, description="The spaCy model that found its entities and quotes")
    skipped: str | None = Field(
        default=None, description="Why no entities or quotes were extracted, e.g. no model for language 'es'"
    )


class ArticleOut(BaseModel):
    """The Article of the public contract."""

    model_config = _examples(
        {
            "id": 12,
            "text": EXAMPLE_TEXT,
            "headline": "Port workers end strike after pay deal",
            "standfirst": None,
            "byline": None,
            "dateline": EXAMPLE_DATELINE,
            "subheadings": [],
            "body": EXAMPLE_TEXT.split("\n\n", 1)[1].replace("ROTTERDAM, May 14. /TASS/. ", ""),
            "published_at": "2019-05-14",
            "url": "https://news.example/port-strike",
            "source": "TASS",
            "language": "en",
            "extractor_version": "0.1.0",
            "created_at": "2019-05-14T09:30:00+00:00",
            "quotes": [EXAMPLE_QUOTE],
            "entities": [EXAMPLE_ENTITY],
        }
    )

    id: int
    text: str
    headline: str | None
    standfirst: str | None
    byline: str | None
    dateline: DatelineOut | None
    subheadings: list[str]
    body: str
    published_at: str | None
    url: str | None
    source: str | None
    language: str = Field(description="ISO 639-1, detected from the text")
    extraction: ExtractionOut | None = None
    cluster_id: int = Field(description="The story cluster: the id of the first version of this story")
    extractor_version: str
    created_at: UtcDatetime
    quotes: list[QuoteOut]
    entities: list[ArticleEntityOut]


class ArticleSummary(BaseModel):
    """An article in a list: its metadata without text, quotes or mentions."""

    model_config = _examples(
        {
            "id": 12,
            "headline": "Port workers end strike after pay deal",
            "dateline": EXAMPLE_DATELINE,
            "published_at": "2019-05-14",
            "url": "https://news.example/port-strike",
            "source": "TASS",
            "language": "en",
            "cluster_id": 12,
            "created_at": "2019-05-14T09:30:00+00:00",
            "snippet": "Port workers end <mark>strike</mark> after pay deal",
        }
    )

    id: int
    headline: str | None
    dateline: DatelineOut | None
    published_at: str | None
    url: str | None
    source: str | None
    language: str
    cluster_id: int = Field(description="The story cluster: the id of the first version of this story")
    created_at: UtcDatetime
    snippet: str | None = Field(default=None, description="An excerpt with search words in <mark>, when searching")


class StatementSpeaker(BaseModel):
    """Who made a statement."""

    name: str
    entity_id: int | None


EXAMPLE_STATEMENT = {
    "id": 5,
    "text": "This deal gives our members what they asked for,",
    "speaker": {"name": "Marieke Jansen", "entity_id": 7},
    "first_seen_at": "2019-05-14T00:00:00+00:00",
    "first_article_id": 12,
    "article_count": 3,
    "outlet_count": 2,
}


class StatementOut(BaseModel):
    """One speaker's words, as every article that carried them quotes them (the same words, or nearly)."""

    model_config = _examples(EXAMPLE_STATEMENT)

    id: int
    text: str = Field(description="The words as first stored")
    speaker: StatementSpeaker
    first_seen_at: UtcDatetime | None = Field(
        description="When the first article carrying it was published (or stored)"
    )
    first_article_id: int | None
    article_count: int = Field(description="How many articles carried it")
    outlet_count: int = Field(description="How many outlets (an article's source, else its dateline agency)")


class StatementAppearance(BaseModel):
    """One article's quote of a statement."""

    quote: QuoteOut
    article: ArticleSummary
    outlet: str | None


class StatementDetail(StatementOut):
    """A statement with every appearance, the first seen first."""

    appearances: list[StatementAppearance]


class EntityOut(BaseModel):
    """A real-world thing across all articles."""

    model_config = _examples(EXAMPLE_ENTITY_OUT)

    id: int
    name: str
    type: str
    country_code: str | None
    mention_count: int
    article_count: int


class CoEntityOut(BaseModel):
    """An entity that appears in the same articles, with how many it shares."""

    model_config = _examples({"id": 9, "name": "Rotterdam", "type": "GPE", "shared_articles": 4})

    id: int
    name: str
    type: str
    shared_articles: int


class EntityDetail(EntityOut):
    """An entity with its quotes (when it speaks) and the entities it appears with most."""

    model_config = _examples(
        {
            **EXAMPLE_ENTITY_OUT,
            "quote_count": 3,
            "quotes": [EXAMPLE_QUOTE],
            "co_occurring": [{"id": 9, "name": "Rotterdam", "type": "GPE", "shared_articles": 4}],
        }
    )

    quote_count: int
    quotes: list[QuoteOut]
    co_occurring: list[CoEntityOut]


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list, with the total count of matching rows."""

    items: list[T]
    total: int
    limit: int
    offset: int
    next_offset: int | None
    total_exact: Annotated[
        bool,
        Field(
            description="false when total is an estimate: a text search matching a large share of the archive "
            "finds its newest matches without reading every one, and estimates how many there are"
        ),
    ] = True


class SeriesPoint(BaseModel):
    """One bucket of one series: a row that Grafana, pandas and CSV read as it is."""

    model_config = _examples({"time": "2019-05-13", "series": "Marieke Jansen", "value": 4})

    time: dt.date
    series: str
    value: int


class SeriesOut(BaseModel):
    """A time series request's rows."""

    model_config = _examples(
        {
            "metric": "mentions",
            "interval": "week",
            "split": "entity",
            "items": [{"time": "2019-05-13", "series": "Marieke Jansen", "value": 4}],
            "undated": 0,
        }
    )

    metric: str
    interval: str
    split: str
    items: list[SeriesPoint]
    undated: int = Field(
        default=0, description="What was counted in articles with no publication or dateline date (not in items)"
    )


class TopItem(BaseModel):
    """One row of a top list: an entity, a speaker, an agency, or a pair of entities."""

    model_config = _examples(
        {"key": "7", "id": 7, "name": "Marieke Jansen", "type": "PERSON", "value": 14, "articles": 5}
    )

    key: str
    id: int | None
    name: str
    type: str | None
    value: int
    articles: int | None = None
    other_id: int | None = None
    other_name: str | None = None
    other_type: str | None = None


class TopOut(BaseModel):
    """A top list."""

    model_config = _examples(
        {
            "dimension": "speakers",
            "items": [{"key": "7", "id": 7, "name": "Marieke Jansen", "type": "PERSON", "value": 3, "articles": 2}],
        }
    )

    dimension: str
    items: list[TopItem]


class Problem(BaseModel):
    """RFC 9457 problem details."""

    model_config = _examples(
        {
            "type": "about:blank",
            "title": "Unprocessable content",
            "status": 422,
            "detail": "limit must be at most 100.",
            "instance": "/v1/articles",
            "request_id": "5f0c2a9e41d7b3c80000000000000001",
        }
    )

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = Field(default=None, description="The X-Request-ID of the failed request, for support")
    errors: list[dict[str, object]] | None = None


JobState = Literal["queued", "running", "done", "failed"]


EXAMPLE_JOB = {
    "id": 17,
    "kind": "ingest",
    "state": "done",
    "attempts": 1,
    "article_id": 42,
    "article": "/v1/articles/42",
    "outcome": "created",
    "error": None,
    "batch_id": None,
    "line": None,
    "created_at": "2019-03-28T09:00:00Z",
    "started_at": "2019-03-28T09:00:01Z",
    "finished_at": "2019-03-28T09:00:02Z",
}


class JobOut(BaseModel):
    """A queued unit of work: ingest a submission, or re-extract a stored article."""

    model_config = _examples(EXAMPLE_JOB)

    id: int
    kind: Literal["ingest", "reprocess"]
    state: JobState
    attempts: int = Field(description="How many times a worker started it")
    article_id: int | None = Field(description="The article it stored or re-extracted (once done)")
    article: str | None = Field(default=None, description="The article's URL (once done)")
    outcome: Literal["created", "duplicate", "reprocessed"] | None = Field(
        description="created: a new article; duplicate: the text was stored already; reprocessed: re-extracted"
    )
    error: dict[str, object] | None = Field(description="Why it failed: problem+json (RFC 9457) fields")
    batch_id: int | None = None
    line: int | None = Field(default=None, description="Its line in the batch, from 1")
    created_at: UtcDatetime
    started_at: UtcDatetime | None = None
    finished_at: UtcDatetime | None = None


class BatchOut(BaseModel):
    """Submissions sent as one body, a job per line: counts by state and a page of the lines' jobs."""

    model_config = _examples(
        {
            "id": 3,
            "size": 1,
            "created_at": "2019-03-28T09:00:00Z",
            "counts": {"queued": 0, "running": 0, "done": 1, "failed": 0},
            "finished": True,
            "results": {
                "items": [{**EXAMPLE_JOB, "batch_id": 3, "line": 1}],
                "total": 1,
                "limit": 20,
                "offset": 0,
                "next_offset": None,
            },
        }
    )

    id: int
    size: int = Field(description="Lines (submissions) in the batch")
    created_at: UtcDatetime
    counts: dict[str, int] = Field(description="Jobs by state: queued, running, done, failed")
    finished: bool = Field(description="Whether every line's job is done or failed")
    results: Page[JobOut]


class Health(BaseModel):
    """Liveness and readiness."""

    model_config = _examples({"status": "ok", "database": "ok", "model": "core_web_sm", "extractor_version": "0.1.0"})

    status: str
    database: str
    model: str
    extractor_version: str


class Readiness(BaseModel):
    """Whether this process can take traffic: the database and (when configured) the broker answer."""

    model_config = _examples({"status": "ready", "database": "ok", "broker": "ok"})

    status: Literal["ready", "unavailable"]
    database: str
    broker: str = Field(description="ok, unavailable, or embedded (jobs run in this process)")
