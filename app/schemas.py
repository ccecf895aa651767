"""What goes in and out over HTTP; never a table class."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Annotated, Generic, Literal, TypeVar

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


class ArticleIn(BaseModel):
    """An article submitted as JSON."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="The raw article text, exactly as it should be stored")
    html: str | None = Field(
        default=None,
        description="A web page instead of text: its main text and metadata are extracted (never fetched)",
    )
    published_at: PublishedAt | None = Field(default=None, description="ISO 8601 or RFC 2822; resolves dateline dates")
    url: str | None = Field(default=None, max_length=2048)
    source: str | None = Field(default=None, max_length=200, description="Publisher or feed name")

    @model_validator(mode="after")
    def _text_or_html(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("send exactly one of 'text' and 'html'")
        return self


class DatelineOut(BaseModel):
    """The place/date/agency prefix of a wire story."""

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


class StatementOut(BaseModel):
    """One speaker's words, as every article that carried them quotes them (the same words, or nearly)."""

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

    id: int
    name: str
    type: str
    country_code: str | None
    mention_count: int
    article_count: int


class CoEntityOut(BaseModel):
    """An entity that appears in the same articles, with how many it shares."""

    id: int
    name: str
    type: str
    shared_articles: int


class EntityDetail(EntityOut):
    """An entity with its quotes (when it speaks) and the entities it appears with most."""

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


class SeriesPoint(BaseModel):
    """One bucket of one series: a row that Grafana, pandas and CSV read as it is."""

    time: dt.date
    series: str
    value: int


class SeriesOut(BaseModel):
    """A time series request's rows."""

    metric: str
    interval: str
    split: str
    items: list[SeriesPoint]


class TopItem(BaseModel):
    """One row of a top list: an entity, a speaker, an agency, or a pair of entities."""

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

    dimension: str
    items: list[TopItem]


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = Field(default=None, description="The X-Request-ID of the failed request, for support")
    errors: list[dict[str, object]] | None = None


class Health(BaseModel):
    """Liveness and readiness."""

    status: str
    database: str
    model: str
    extractor_version: str
