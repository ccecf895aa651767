"""Ingest: validate -> parse -> persist -> commit -> reply. One article, one transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import re
import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Insert, Table, bindparam, delete, insert, select, text, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.sql.elements import TextClause
from sqlmodel import Session

from app import nlp
from app.config import Settings
from app.db import Database
from app.errors import BadInput, NotFound, PayloadTooLarge, ServiceUnavailable, Unprocessable
from app.metrics import EXTRACTION_SECONDS
from app.models import Article, Mention, Quote, utcnow
from app.schemas import PublishedAt
from app.services import article_json, clusters, statements, webpage
from app.services.deletion import drop_unmentioned, remove_extraction
from app.services.language import Languages
from app.services.linking import PG_COUNT_MENTIONS, agency_key, count_mentions, link_entities, normalise
from app.services.locks import lock_for_article

# Control characters (Unicode category Cc: C0, DEL and C1) other than tab, line feed, form feed and
# carriage return mark binary data.
BINARY_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.01
# What parsing costs is spaCy's work per token (a word, a symbol or a line break: each short line is a
# segment, and segments are parsed with a break between them). Prose has about one token per five
# characters; a text may have one per CHARS_PER_TOKEN_LIMIT of its own characters, so the costliest text
# of a given length costs about 2.5 times prose of that length (short texts get MIN_TOKEN_BUDGET).
TOKENISH = re.compile(r"\w+|[^\w\s]|\n+")
CHARS_PER_TOKEN_LIMIT = 2
MIN_TOKEN_BUDGET = 2_000
# A text needs something to parse: a letter or a digit (not only marks, format characters or spaces).
ALPHANUMERIC = re.compile(r"[^\W_]")
RETRYABLE_SQLSTATES = {"40P01", "40001"}  # deadlock_detected, serialization_failure
ARTICLES: Table = Article.__table__  # type: ignore[attr-defined]
MENTIONS: Table = Mention.__table__  # type: ignore[attr-defined]
QUOTES: Table = Quote.__table__  # type: ignore[attr-defined]


# Work a caller adds to the transaction that stores an article, before its commit (a job marks itself done
# there, so the article and its job's completion are committed together or not at all).
Then = Callable[[Session, "IngestResult"], None]

_published_adapter: TypeAdapter[dt.datetime | dt.date] = TypeAdapter(PublishedAt)


def parse_published(value: object) -> dt.datetime | dt.date | None:
    """An ISO 8601 or RFC 2822 date or datetime given as text (a query parameter, a bulk record's field,
    a web page's metadata)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return _published_adapter.validate_python(value.strip() if isinstance(value, str) else value)
    except ValidationError as exc:
        reason = exc.errors()[0].get("msg", "invalid").removeprefix("Value error, ")
        raise Unprocessable(f"published_at: {reason}.") from None


@dataclass(frozen=True)
class Submission:
    """An article as a client sent it, before parsing."""

    text: str
    published_at: dt.datetime | dt.date | None = None
    url: str | None = None
    source: str | None = None
    html: str | None = None  # a web page as sent; `text` is then the story extracted from it
    byline: str | None = None  # the page's author, when the text's own layout names none


@dataclass(frozen=True)
class IngestResult:
    """The stored article and whether this call created it."""

    article_id: int
    created: bool


def token_budget(length: int) -> int:
    """How many words, symbols and line breaks a text of this many characters may have."""
    return max(MIN_TOKEN_BUDGET, length // CHARS_PER_TOKEN_LIMIT)


def validate_text(text: str, max_chars: int) -> str:
    """The text folded to \\n line endings, or a BadInput saying what is wrong with it."""
    if "\x00" in text:
        raise BadInput("The text contains NUL bytes; send plain UTF-8 text.")
    if len(text) > max_chars:
        raise PayloadTooLarge(f"The text has {len(text)} characters; the limit is {max_chars}.")
    max_tokens = token_budget(len(text))
    tokens = len(TOKENISH.findall(text))
    if tokens > max_tokens:
        raise PayloadTooLarge(
            f"The text has {tokens} words, symbols and line breaks; a text of {len(text)} characters may have "
            f"{max_tokens}."
        )
    if not ALPHANUMERIC.search(text):
        raise BadInput("The text is empty: it has no letters or digits, only white space, marks or symbols.")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise BadInput("The text contains unpaired surrogate code points; send valid Unicode.") from None
    controls = len(BINARY_CONTROLS.findall(text))
    if controls > max(2, len(text) * MAX_CONTROL_SHARE):
        raise BadInput("The text looks binary (many control characters); send plain UTF-8 text.")
    return nlp.fold_text(text)


def content_hash(text: str) -> str:
    """The identity of a submitted text: SHA-256 of its folded form."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def published_parts(value: dt.datetime | dt.date | None) -> tuple[dt.datetime | None, bool, dt.date | None]:
    """(timestamp in UTC, whether only a date was given, the date used to resolve datelines)."""
    if value is None:
        return None, False, None
    if isinstance(value, dt.datetime):
        stamp = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return stamp.astimezone(dt.UTC), False, stamp.date()
    return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC), True, value


def _structure_json(analysis: nlp.Analysis) -> dict[str, Any]:
    """Where each part of the layout lies in the text, for re-processing and highlighting."""
    s = analysis.structure

    def span(seg: nlp.Segment | None) -> list[int] | None:
        return None if seg is None else [seg.start, seg.end]

    dateline = s.dateline
    return {
        "headline": span(s.headline),
        "standfirst": span(s.standfirst),
        "dateline": None if dateline is None else [dateline.start, dateline.end],
        "subheadings": [span(x) for x in s.subheadings],
        "paragraphs": [span(x) for x in s.paragraphs],
        "dropped": [span(x) for x in s.dropped],
    }


def _segment_text(text: str, seg: nlp.Segment | None) -> str | None:
    return None if seg is None else nlp.types.paragraph_text(text, seg)


def article_row(analysis: nlp.Analysis, submission: Submission, digest: str) -> dict[str, object]:
    """The article row for an analysis."""
    s = analysis.structure
    stamp, is_date, _ = published_parts(submission.published_at)
    dateline = s.dateline
    agency = dateline.agency if dateline else None
    now = utcnow()
    return {
        "text": analysis.text,
        "content_hash": digest,
        "headline": _segment_text(analysis.text, s.headline),
        "standfirst": _segment_text(analysis.text, s.standfirst),
        "byline": s.byline or submission.byline,
        "body": analysis.body,
        "dateline_place": dateline.place if dateline else None,
        "dateline_date_text": dateline.date_text if dateline else None,
        "dateline_date": dateline.date if dateline else None,
        "agency": agency,
        "agency_norm": agency_key(agency or submission.source),
        "subheadings": [nlp.types.paragraph_text(analysis.text, x) for x in s.subheadings],
        "structure": _structure_json(analysis),
        "published_at": stamp,
        "published_is_date": is_date,
        "url": submission.url,
        "source": submission.source,
        "language": analysis.language,
        "html": submission.html,
        "extraction": {"input": "html" if submission.html is not None else "text", **analysis.extra},
        "cluster_id": None,
        "minhash": None,
        "extractor_version": analysis.extractor_version,
        "created_at": now,
        "updated_at": now,
    }


@functools.cache
def _article_insert(dialect: str) -> Insert:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(ARTICLES).on_conflict_do_nothing(index_elements=["content_hash"]).returning(ARTICLES.c.id)


def _insert_article(session: Session, row: dict[str, object]) -> int | None:
    """Insert an article row; its id, or None when an article with the same text is stored already."""
    return session.execute(_article_insert(session.get_bind().dialect.name), row).scalar()


def _recordset_insert(table: Table, param: str) -> str:
    """INSERT of many rows sent as one JSON array of objects (PostgreSQL): one parameter, cheap to encode,
    and the same SQL whatever the number of rows, so the server plans it once per connection."""
    dialect = postgresql.dialect()
    columns = [c for c in table.c if not c.primary_key]
    names = ", ".join(dialect.identifier_preparer.quote(c.name) for c in columns)
    types = ", ".join(f"{dialect.identifier_preparer.quote(c.name)} {c.type.compile(dialect)}" for c in columns)
    return (
        f"INSERT INTO {table.name} ({names}) SELECT {names} "
        f"FROM json_to_recordset(CAST(:{param} AS json)) AS r({types})"
    )


@functools.cache
def _pg_article_rows() -> TextClause:
    mentions, quotes = _recordset_insert(MENTIONS, "mention_rows"), _recordset_insert(QUOTES, "quote_rows")
    return text(f"WITH new_mentions AS ({mentions}), new_quotes AS ({quotes}) {PG_COUNT_MENTIONS}")


def write_article_rows(
    session: Session, mentions: list[dict[str, object]], quotes: list[dict[str, object]], counts: dict[int, int]
) -> None:
    """Insert an article's mentions and quotes and add them to its entities' counts: on PostgreSQL in one
    statement (one round trip to the server), on SQLite (in-process) as plain executemany."""
    if session.get_bind().dialect.name != "postgresql":
        if mentions:
            session.execute(insert(MENTIONS), mentions)
        if quotes:
            session.execute(insert(QUOTES), quotes)
        count_mentions(session, counts)
        return
    ordered = sorted(counts.items())
    params = {
        "mention_rows": json.dumps(mentions, ensure_ascii=False, separators=(",", ":")),
        "quote_rows": json.dumps(quotes, ensure_ascii=False, separators=(",", ":")),
        "ids": [entity_id for entity_id, _ in ordered],
        "mentions": [n for _, n in ordered],
        "articles": 1,
    }
    session.execute(_pg_article_rows(), params)


# The widths of the columns extracted values go into (app/models.py). PostgreSQL refuses a longer string
# where SQLite would store it; no name, place, date or cue is that long, so a longer one (a run of words
# the recogniser took for a name, say) is left out, on both stores alike.
MAX_NAME = 300  # entities.key, name, norm_name; quotes.speaker_name, speaker_norm, speaker_mention
MAX_PLACE = 200  # articles.dateline_place
MAX_SHORT_FIELD = 100  # articles.dateline_date_text, agency, agency_norm; quotes.cue


def _fits(value: str | None, width: int) -> bool:
    return value is None or len(value) <= width


def fit_columns(analysis: nlp.Analysis) -> nlp.Analysis:
    """The analysis without the values too long for their columns: entities whose name, key or compared
    form is over MAX_NAME, speakers likewise (the quote stays, unattributed), cues, dateline places,
    dates and agencies past their widths."""
    entities = tuple(
        e
        for e in analysis.entities
        if _fits(e.key, MAX_NAME) and _fits(normalise(e.name), MAX_NAME) and _fits(e.name, MAX_NAME)
    )
    keys = {e.key for e in entities}
    quotes = tuple(_fit_quote(q, keys) for q in analysis.quotes)
    structure = analysis.structure
    dateline = structure.dateline
    if dateline is not None:
        if not _fits(dateline.place, MAX_PLACE):
            dateline = dataclasses.replace(dateline, place=None, place_start=None, place_end=None)
        if not _fits(dateline.date_text, MAX_SHORT_FIELD):
            dateline = dataclasses.replace(dateline, date_text=None, date=None)
        if not _fits(dateline.agency, MAX_SHORT_FIELD):
            dateline = dataclasses.replace(dateline, agency=None, agency_start=None, agency_end=None)
        structure = dataclasses.replace(structure, dateline=dateline)
    if (entities, quotes, structure) == (analysis.entities, analysis.quotes, analysis.structure):
        return analysis
    return dataclasses.replace(analysis, entities=entities, quotes=quotes, structure=structure)


def _fit_quote(quote: nlp.Quote, keys: set[str]) -> nlp.Quote:
    speaker = quote.speaker
    if speaker is not None:
        if not (_fits(speaker.name, MAX_NAME) and _fits(normalise(speaker.name), MAX_NAME)):
            speaker = None
        elif not _fits(speaker.mention, MAX_NAME):
            speaker = dataclasses.replace(speaker, mention=None, start=None, end=None)
        if speaker is not None and speaker.entity_key is not None and speaker.entity_key not in keys:
            speaker = dataclasses.replace(speaker, entity_key=None)
    if speaker is quote.speaker and _fits(quote.cue, MAX_SHORT_FIELD):
        return quote
    if not _fits(quote.cue, MAX_SHORT_FIELD):
        quote = dataclasses.replace(quote, cue=None, cue_start=None, cue_end=None)
    return dataclasses.replace(quote, speaker=speaker)


def persist(session: Session, analysis: nlp.Analysis, submission: Submission, digest: str) -> int | None:
    """Write an article with its mentions and quotes into the session's transaction; its id, or None
    (and nothing written) when an article with the same text is stored already."""
    analysis = fit_columns(analysis)
    row = article_row(analysis, submission, digest)
    story = clusters.fingerprint(analysis.body)
    # Writers of articles that may join one cluster wait for each other here, so the later sees the earlier.
    lock_for_article(session, clusters.lock_keys(story) + statements.lock_keys(analysis.quotes))
    if story is not None:
        row["cluster_id"] = clusters.find_cluster(session, story)
        row["minhash"] = story.signature.tobytes()
    article_id = _insert_article(session, row)
    if article_id is None:
        return None
    if story is not None:
        clusters.store_bands(session, article_id, story)
    persist_extraction(session, article_id, analysis)
    return article_id


def persist_extraction(session: Session, article_id: int, analysis: nlp.Analysis) -> None:
    """Write an article's mentions and quotes, linking its entities and adding to their counts, and store the
    JSON reads serve (the article's row must be written first)."""
    version = analysis.extractor_version
    entity_ids = link_entities(session, analysis.entities)
    article_json.renamed(session, entity_ids.renamed)  # other articles naming an entity this one renamed
    mentions = [
        {
            "article_id": article_id,
            "entity_id": entity_ids[found.key],
            "text": m.text,
            "start": m.start,
            "end": m.end,
            "local_type": found.type,
            "extractor_version": version,
        }
        for found in analysis.entities
        for m in found.mentions
    ]
    quotes = [quote_row(q, article_id, entity_ids, version) for q in analysis.quotes]
    statements.assign_statements(session, quotes)
    counts = Counter(entity_ids[e.key] for e in analysis.entities for _ in e.mentions)
    write_article_rows(session, mentions, quotes, dict(counts))
    # What reads serve, rendered from what was just written (its entities' rows are held: their counts changed).
    article_json.store(session, [article_id], hold_names=False)


def quote_row(q: nlp.Quote, article_id: int, entity_ids: dict[str, int], version: str) -> dict[str, object]:
    """A quote as a row of the quotes table, its speaker named as the stored entity is named."""
    speaker = q.speaker
    if speaker is not None and speaker.entity_key:
        canonical = getattr(entity_ids, "names", {}).get(speaker.entity_key)
        speaker = replace(speaker, name=canonical) if canonical else speaker
    return {
        "article_id": article_id,
        "type": q.type,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "cue": q.cue,
        "cue_start": q.cue_start,
        "cue_end": q.cue_end,
        "speaker_name": speaker.name if speaker else None,
        "speaker_norm": normalise(speaker.name) if speaker else None,
        "speaker_mention": speaker.mention if speaker else None,
        "speaker_start": speaker.start if speaker else None,
        "speaker_end": speaker.end if speaker else None,
        "speaker_entity_id": entity_ids.get(speaker.entity_key) if speaker and speaker.entity_key else None,
        "extractor_version": version,
        "statement_id": None,
    }


# What re-extraction replaces on the article row: everything derived from the text by the extractor. The id,
# text, content hash, submission metadata and creation time stay.
EXTRACTED_COLUMNS = (
    "headline", "standfirst", "byline", "body", "dateline_place", "dateline_date_text", "dateline_date", "agency",
    "agency_norm", "subheadings", "structure", "language", "extractor_version", "updated_at",
)  # fmt: skip
STORED_SOURCE = select(
    ARTICLES.c.text, ARTICLES.c.content_hash, ARTICLES.c.published_at, ARTICLES.c.published_is_date,
    ARTICLES.c.url, ARTICLES.c.source,
).where(ARTICLES.c.id == bindparam("article_id"))  # fmt: skip


def stored_submission(row: Any) -> Submission:
    """The submission an article was stored from, rebuilt from its row."""
    published: dt.datetime | dt.date | None = row.published_at
    if isinstance(published, dt.datetime):
        stamp = published if published.tzinfo else published.replace(tzinfo=dt.UTC)
        published = stamp.date() if row.published_is_date else stamp
    return Submission(text=row.text, published_at=published, url=row.url, source=row.source)


def replace_extraction(session: Session, article_id: int, analysis: nlp.Analysis, submission: Submission) -> bool:
    """Swap an article's extraction for a new one inside the session's transaction: its derived columns,
    quotes, mentions and entity counts (its search rows follow the row, by trigger or generated column).
    False when the article is not stored (any more)."""
    article = ARTICLES.c.id == article_id
    # Locks the row on PostgreSQL, so a concurrent deletion or re-extraction waits (SQLite's write transaction
    # is exclusive from its BEGIN).
    if session.execute(select(ARTICLES.c.id).where(article).with_for_update()).scalar() is None:
        return False
    analysis = fit_columns(analysis)  # the same column limits as a first ingest
    story = clusters.fingerprint(analysis.body)
    lock_for_article(session, clusters.lock_keys(story) + statements.lock_keys(analysis.quotes))
    touched = remove_extraction(session, article_id)
    row = article_row(analysis, submission, "")
    values = {name: row[name] for name in EXTRACTED_COLUMNS}
    # The story keeps its cluster (other versions point at it); its signature and bands follow the new body.
    values["minhash"] = story.signature.tobytes() if story is not None else None
    session.execute(update(ARTICLES).where(article).values(values))
    session.execute(delete(clusters.BAND_ROWS).where(clusters.BAND_ROWS.c.article_id == article_id))
    if story is not None:
        clusters.store_bands(session, article_id, story)
    persist_extraction(session, article_id, analysis)
    drop_unmentioned(session, touched)  # entities only the old extraction named, as a deletion would
    return True


FIND_BY_HASH = select(ARTICLES.c.id).where(ARTICLES.c.content_hash == bindparam("digest"))


def find_by_hash(session: Session, digest: str) -> int | None:
    """The id of the article stored with this content hash, if any."""
    return session.execute(FIND_BY_HASH, {"digest": digest}).scalar()


def from_web_page(submission: Submission) -> Submission:
    """A submitted web page as the submission of the story extracted from it: what the client gave first,
    the page's own metadata (date, canonical link, author) where the client gave none."""
    assert submission.html is not None
    if "\x00" in submission.html:
        raise BadInput("The HTML contains NUL bytes; send the page as UTF-8 text.")
    page = webpage.extract_page(submission.html)
    published = submission.published_at
    if published is None and page.published:
        try:
            published = parse_published(page.published)
        except Unprocessable:
            published = None  # a page's unreadable date is no reason to refuse its story
    return replace(
        submission, text=page.text, published_at=published, url=submission.url or page.url, byline=page.byline
    )


def load_extractors(settings: Settings) -> tuple[nlp.Extractor, dict[str, nlp.Extractor]]:
    """The extractor of SPACY_MODEL and those of SPACY_MODELS' other languages (blocking: models load from
    disk). Every process that extracts loads them so, so a text is extracted alike whichever runs it."""
    others = {lang: nlp.Extractor(nlp.load_model(name)) for lang, name in settings.spacy_models.items()}
    return nlp.Extractor(nlp.load_model(settings.spacy_model)), others


class Ingestor:
    """Turns submissions into stored articles; the spaCy model is shared and used one call at a time."""

    def __init__(
        self,
        database: Database,
        extractor: nlp.Extractor,
        max_text_chars: int,
        others: Mapping[str, nlp.Extractor] | None = None,
        parse_timeout_s: float = 60.0,
    ) -> None:
        self.database = database
        self.extractor = extractor
        self.languages = Languages(extractor, others)
        self.max_text_chars = max_text_chars
        self.parse_timeout_s = parse_timeout_s
        self._nlp_lock = threading.Lock()

    @classmethod
    def configured(
        cls, database: Database, settings: Settings, extractor: nlp.Extractor, others: Mapping[str, nlp.Extractor]
    ) -> Ingestor:
        """The ingest service a configuration describes, over loaded extractors (see load_extractors)."""
        return cls(database, extractor, settings.max_text_chars, others, parse_timeout_s=settings.parse_timeout_s)

    def stored_id(self, digest: str) -> int | None:
        """The id of the article stored with this content hash, if any. On PostgreSQL the one read runs
        outside a transaction: at READ COMMITTED a transaction adds nothing to a single statement, and
        psycopg would spend a round trip each on its BEGIN and ROLLBACK."""
        reader = self.database.reader
        if reader.dialect.name != "postgresql":
            with self.database.read() as session:
                return find_by_hash(session, digest)
        with reader.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            return conn.execute(FIND_BY_HASH, {"digest": digest}).scalar()

    def analyze(self, text: str, published: dt.date | None, cancelled: threading.Event | None = None) -> nlp.Analysis:
        """Run extraction with the model of the text's language (blocking; call it off the event loop) within
        PARSE_TIMEOUT_S, the wait for the model included: ServiceUnavailable past it; nlp.ParseAborted as soon
        as `cancelled` is set (the client left).
        spaCy cannot be stopped from outside, so the extractor checks between its steps."""
        deadline = time.monotonic() + self.parse_timeout_s

        def check() -> None:
            if cancelled is not None and cancelled.is_set():
                raise nlp.ParseAborted("the client went away")
            if time.monotonic() > deadline:
                raise nlp.ParseAborted("over the time budget")

        if not self._nlp_lock.acquire(timeout=self.parse_timeout_s):
            raise self._over_budget()
        try:
            with EXTRACTION_SECONDS.time():
                return self.languages.analyze(text, published, check)
        except nlp.ParseAborted:
            if cancelled is not None and cancelled.is_set():
                raise
            raise self._over_budget() from None
        finally:
            self._nlp_lock.release()

    def _over_budget(self) -> ServiceUnavailable:
        return ServiceUnavailable(
            f"Parsing took longer than the server allows ({self.parse_timeout_s:g} s); nothing was stored. "
            "The server may be busy: retry later, or send a shorter text.",
            headers={"Retry-After": "30"},
        )

    def ingest(
        self, submission: Submission, cancelled: threading.Event | None = None, then: Then | None = None
    ) -> IngestResult:
        """Store a submission once: a new article, or the one already stored with the same text. Setting
        `cancelled` (the client left) stops the parse: nothing is stored. `then` runs in the transaction that
        stores the article, or in one of its own when the text was stored already."""
        if submission.html is not None:
            submission = from_web_page(submission)
        text = validate_text(submission.text, self.max_text_chars)
        if "\x00" in (submission.url or "") + (submission.source or ""):
            raise BadInput("url and source must not contain NUL characters.")
        digest = content_hash(text)
        existing = self.stored_id(digest)
        if existing is not None:
            result = IngestResult(existing, created=False)
            if then is not None:
                with self.database.write() as session:
                    then(session, result)
                    session.commit()
            return result
        analysis = self.analyze(text, published_parts(submission.published_at)[2], cancelled)
        return self.store(analysis, submission, digest, then=then)

    def reextract(self, article_id: int, attempts: int = 3, then: Then | None = None) -> IngestResult:
        """Extract a stored article's text again with the running extractor and replace its extraction in one
        transaction (a reader sees the old one or the new one, never a mix), `then` included; id, text and
        hash stay."""
        with self.database.read() as session:
            row = session.execute(STORED_SOURCE, {"article_id": article_id}).one_or_none()
        if row is None:
            raise NotFound(f"No article with id {article_id}.")
        submission = stored_submission(row)
        analysis = self.analyze(row.text, published_parts(submission.published_at)[2])
        for _ in range(attempts):
            with self.database.write() as session:
                try:
                    if not replace_extraction(session, article_id, analysis, submission):
                        raise NotFound(f"No article with id {article_id}.")
                    result = IngestResult(article_id, created=False)
                    if then is not None:
                        then(session, result)
                    session.commit()
                    return result
                except IntegrityError:
                    session.rollback()  # a concurrent writer created one of its entities first: again
                except OperationalError as exc:
                    if getattr(exc.orig, "sqlstate", None) not in RETRYABLE_SQLSTATES:
                        raise
                    session.rollback()
        raise RuntimeError("article could not be re-extracted after repeated write conflicts")

    def store(
        self, analysis: nlp.Analysis, submission: Submission, digest: str, attempts: int = 3, then: Then | None = None
    ) -> IngestResult:
        """Commit one analysed article in one transaction, `then` included; a concurrent twin yields the stored
        one."""
        for _ in range(attempts):
            with self.database.write() as session:
                try:
                    article_id = persist(session, analysis, submission, digest)
                    if article_id is None:
                        # The same text is stored (by a concurrent twin, which the insert waited for):
                        # the next statement sees it, unless it was deleted meanwhile (then try again).
                        existing = find_by_hash(session, digest)
                        if existing is None:
                            continue
                        result = IngestResult(existing, created=False)
                    else:
                        result = IngestResult(article_id, created=True)
                    if then is not None:
                        then(session, result)
                    session.commit()
                    return result
                except IntegrityError:
                    # A concurrent writer stored the same text (or renamed an entity) first: look again.
                    session.rollback()
                except OperationalError as exc:
                    # PostgreSQL broke a deadlock or a serialization conflict by aborting us: try again.
                    if getattr(exc.orig, "sqlstate", None) not in RETRYABLE_SQLSTATES:
                        raise
                    session.rollback()
        raise RuntimeError("article could not be stored after repeated write conflicts")
