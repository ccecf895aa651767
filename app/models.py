"""SQLModel tables: articles, quotes, entities and the mentions that join them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
)
from sqlmodel import Field, SQLModel

# Stable constraint names, so Alembic migrations read the same on SQLite and PostgreSQL.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def utcnow() -> dt.datetime:
    """The current time in UTC."""
    return dt.datetime.now(dt.UTC)


class Article(SQLModel, table=True):
    """One submitted article: its text exactly as sent (line endings folded) and its parsed structure."""

    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_published_at_id", "published_at", "id"),
        Index("ix_articles_agency", "agency_norm"),
        Index("ix_articles_cluster", "cluster_id", "id"),
        {"sqlite_autoincrement": True},  # a deleted article's id is never handed out again
    )

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(sa_column=Column(String(64), nullable=False, unique=True))
    headline: str | None = Field(default=None, sa_column=Column(Text))
    standfirst: str | None = Field(default=None, sa_column=Column(Text))
    byline: str | None = Field(default=None, sa_column=Column(Text))
    body: str = Field(sa_column=Column(Text, nullable=False))
    dateline_place: str | None = Field(default=None, sa_column=Column(String(200)))
    dateline_date_text: str | None = Field(default=None, sa_column=Column(String(100)))
    dateline_date: dt.date | None = Field(default=None, sa_column=Column(Date))
    agency: str | None = Field(default=None, sa_column=Column(String(100)))
    agency_norm: str | None = Field(default=None, sa_column=Column(String(100)))
    subheadings: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    structure: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    published_at: dt.datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    published_is_date: bool = Field(default=False)
    url: str | None = Field(default=None, sa_column=Column(String(2048)))
    source: str | None = Field(default=None, sa_column=Column(String(200)))
    language: str = Field(sa_column=Column(String(8), nullable=False))
    html: str | None = Field(default=None, sa_column=Column(Text))  # the page as sent, for re-extraction
    # The first version's id when this article joined a story cluster; NULL when it founded its own.
    cluster_id: int | None = Field(default=None, sa_column=Column(Integer))
    minhash: bytes | None = Field(default=None, sa_column=Column(LargeBinary))  # the body's MinHash signature
    # How the text was read: {"input": "text" | "html", "model": spaCy model, "skipped": why no model ran}
    extraction: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    extractor_version: str = Field(sa_column=Column(String(100), nullable=False))
    created_at: dt.datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    updated_at: dt.datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class Entity(SQLModel, table=True):
    """One real-world thing across all articles: a person, organisation, place..."""

    __tablename__ = "entities"
    __table_args__ = (
        Index("ix_entities_type_mentions", "type", "mention_count", "id"),
        Index("ix_entities_mentions", "mention_count", "id"),
        Index("ix_entities_norm_name", "norm_name", postgresql_ops={"norm_name": "text_pattern_ops"}),
        Index("ix_entities_type_surname", "type", "surname"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(sa_column=Column(String(300), nullable=False, unique=True))
    name: str = Field(sa_column=Column(String(300), nullable=False))
    norm_name: str = Field(sa_column=Column(String(300), nullable=False))
    surname: str | None = Field(default=None, sa_column=Column(String(100)))
    type: str = Field(sa_column=Column(String(20), nullable=False))
    country_code: str | None = Field(default=None, sa_column=Column(String(2)))
    mention_count: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    article_count: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    created_at: dt.datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class Mention(SQLModel, table=True):
    """One place in one article where an entity is named."""

    __tablename__ = "mentions"
    __table_args__ = (
        Index("ix_mentions_entity_article", "entity_id", "article_id"),
        Index("ix_mentions_article_start", "article_id", "start"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False))
    entity_id: int = Field(sa_column=Column(Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    end: int
    local_type: str = Field(sa_column=Column(String(20), nullable=False))
    extractor_version: str = Field(sa_column=Column(String(100), nullable=False))


class Quote(SQLModel, table=True):
    """Reported speech in one article, with its speaker and cue."""

    __tablename__ = "quotes"
    __table_args__ = (
        Index("ix_quotes_article_start", "article_id", "start"),
        # A speaker's quotes in quote order (article_id desc, start), straight from the index.
        # ... and its speaker_norm, so a speaker's quotes are counted from the two speaker indexes alone.
        Index("ix_quotes_speaker_entity_order", "speaker_entity_id", "article_id", "start", "speaker_norm"),
        Index("ix_quotes_speaker_norm_order", "speaker_norm", "article_id", "start"),
        Index("ix_quotes_statement", "statement_id", "article_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False))
    type: str = Field(sa_column=Column(String(10), nullable=False))
    text: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    end: int
    cue: str | None = Field(default=None, sa_column=Column(String(100)))
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_name: str | None = Field(default=None, sa_column=Column(String(300)))
    speaker_norm: str | None = Field(default=None, sa_column=Column(String(300)))
    speaker_mention: str | None = Field(default=None, sa_column=Column(String(300)))
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_entity_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("entities.id", ondelete="SET NULL"))
    )
    extractor_version: str = Field(sa_column=Column(String(100), nullable=False))
    # The statement this quote is an appearance of (the same words of the same speaker in other articles). No
    # foreign key: SQLite cannot add one to a table in place, and a copy of quotes would drop its search triggers.
    statement_id: int | None = Field(default=None, sa_column=Column(Integer))


class Statement(SQLModel, table=True):
    """What one speaker said, as carried by every article that quotes it (the same words, or nearly)."""

    __tablename__ = "statements"
    __table_args__ = (
        Index("ix_statements_words", "speaker_norm", "words_key"),
        Index("ix_statements_head", "speaker_norm", "head_key"),
        Index("ix_statements_tail", "speaker_norm", "tail_key"),
        Index("ix_statements_carried", "article_count", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    speaker_norm: str = Field(sa_column=Column(String(300), nullable=False))
    speaker_name: str = Field(sa_column=Column(String(300), nullable=False))
    speaker_entity_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("entities.id", ondelete="SET NULL"))
    )
    text: str = Field(sa_column=Column(Text, nullable=False))  # the words as first seen
    words_key: str = Field(sa_column=Column(String(32), nullable=False))  # digests of the normalised words,
    head_key: str = Field(sa_column=Column(String(32), nullable=False))  # of the first few
    tail_key: str = Field(sa_column=Column(String(32), nullable=False))  # and of the last few
    article_count: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))


class ArticleBand(SQLModel, table=True):
    """One LSH band hash of an article's MinHash signature: articles sharing one are cluster candidates."""

    __tablename__ = "article_bands"
    __table_args__ = (Index("ix_article_bands_hash", "hash"),)

    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False)
    )
    band: int = Field(sa_column=Column(SmallInteger, primary_key=True, autoincrement=False))
    hash: int = Field(sa_column=Column(BigInteger, nullable=False))


class ArticleJson(SQLModel, table=True):
    """An article as the read API serves it, serialised when it is stored or re-extracted, so reads send bytes.

    `summary` (as lists show it) depends on the article's row alone. `article` (the full Article) also names its
    entities and speakers, whose canonical names can change with a later article ("Ushakov" taken over by
    "Yuri Ushakov"); the writer that renames an entity renders the articles naming it again in its own
    transaction, or sets `article` to NULL there, and a NULL is computed from the tables on read."""

    __tablename__ = "article_json"

    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False)
    )
    summary: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    article: bytes | None = Field(default=None, sa_column=Column(LargeBinary))


class IdempotencyRecord(SQLModel, table=True):
    """An Idempotency-Key seen on a POST, with the reply to replay for retries."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (Index("ix_idempotency_created", "created_at"),)

    scope: str = Field(sa_column=Column(String(64), primary_key=True))  # which client: a hash of its key
    key: str = Field(sa_column=Column(String(255), primary_key=True))
    fingerprint: str = Field(sa_column=Column(String(64), nullable=False))
    state: str = Field(sa_column=Column(String(10), nullable=False))  # in_flight | done
    status: int | None = None
    body: str | None = Field(default=None, sa_column=Column(Text))
    location: str | None = Field(default=None, sa_column=Column(String(200)))
    created_at: dt.datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class Batch(SQLModel, table=True):
    """Submissions sent together (one JSON line each): a job per line, followed as one."""

    __tablename__ = "batches"

    id: int | None = Field(default=None, primary_key=True)
    size: int = Field(sa_column=Column(Integer, nullable=False))
    created_at: dt.datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


class Job(SQLModel, table=True):
    """One unit of queued work (ingest a submission, re-extract an article): the record of work, written in the
    transaction that queued it. The broker carries only its id; a sweeper re-sends the ones whose message
    was lost or whose worker died, and re-running one is harmless (a text is stored once)."""

    __tablename__ = "jobs"
    __table_args__ = (
        Index("ix_jobs_state_sent", "state", "sent_at"),
        Index("ix_jobs_state_id", "state", "id"),
        Index("ix_jobs_batch_line", "batch_id", "line"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(sa_column=Column(String(10), nullable=False))  # ingest | reprocess
    state: str = Field(sa_column=Column(String(10), nullable=False))  # queued | running | done | failed
    attempts: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    # ingest: {"text", "published_at", "url", "source"}, dropped once done (the text is then the article's)
    payload: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    article_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("articles.id", ondelete="SET NULL"), index=True)
    )
    outcome: str | None = Field(default=None, sa_column=Column(String(12)))  # created | duplicate | reprocessed
    error: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))  # problem+json of a failure
    batch_id: int | None = Field(default=None, sa_column=Column(Integer, ForeignKey("batches.id", ondelete="CASCADE")))
    line: int | None = None  # its line in the batch, from 1
    lease: str | None = Field(default=None, sa_column=Column(String(40)))  # the claim of the worker running it
    leased_until: dt.datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    created_at: dt.datetime = Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))
    sent_at: dt.datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))  # last to the broker
    started_at: dt.datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
    finished_at: dt.datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True)))
