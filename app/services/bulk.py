"""Bulk ingest: many records through parsing and storage. With several workers, child processes run the
extraction (the costly part, one per core) and this process alone writes, so writers never contend."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from app import nlp
from app.errors import DomainError
from app.services.language import Languages

Record = tuple[str, dict[str, Any] | None, str | None]  # (where, record, error)
Outcome = tuple[str, str, str | None]  # (where, new | duplicate | rejected, detail)


@dataclass
class BulkSummary:
    """What a bulk ingest did."""

    tally: Counter[str] = field(default_factory=Counter)
    rejected: list[str] = field(default_factory=list)

    def add(self, where: str, outcome: str, detail: str | None) -> None:
        """Count one record's outcome: new, duplicate or rejected."""
        self.tally[outcome] += 1
        if outcome == "rejected" and len(self.rejected) < 1000:
            self.rejected.append(f"{where}: {detail}")


@dataclass(frozen=True)
class Prepared:
    """A record checked and ready to store: its submission, folded text and content hash."""

    where: str
    submission: Any
    text: str
    digest: str


_extractor: nlp.Extractor | None = None  # set in the parent before the workers fork, inherited by them
_languages: Languages | None = None


def prepare(item: Record, max_text_chars: int) -> Prepared | Outcome:
    """Validate a record into a submission, or say why it is rejected."""
    from app.services.ingest import Submission, content_hash, parse_published, validate_text

    where, record, error = item
    if record is None:
        return where, "rejected", error
    try:
        published = parse_published(record.get("published_at"))
        submission = Submission(record["text"], published, record.get("url"), record.get("source"))
        text = validate_text(submission.text, max_text_chars)
    except DomainError as exc:
        return where, "rejected", exc.detail
    return Prepared(where, submission, text, content_hash(text))


def analyse(prepared: Prepared) -> tuple[Prepared, nlp.Analysis]:
    """Extract one article (in a worker process)."""
    from app.services.ingest import published_parts

    assert _languages is not None
    return prepared, _languages.analyze(prepared.text, published_parts(prepared.submission.published_at)[2])


def ingest_records(
    records: Iterable[Record],
    database_url: str,
    model: str,
    max_text_chars: int,
    workers: int = 1,
    models: Mapping[str, str] | None = None,
) -> Iterator[Outcome]:
    """Ingest records; outcomes as they finish. Texts already stored are not analysed again. `models` names the
    spaCy model of each other language (SPACY_MODELS)."""
    global _extractor, _languages
    from app.db import make_database
    from app.services.ingest import Ingestor

    _extractor = nlp.Extractor(nlp.load_model(model))
    others = {lang: nlp.Extractor(nlp.load_model(name)) for lang, name in (models or {}).items()}
    _languages = Languages(_extractor, others)
    settled: list[Outcome] = []

    def pending(ingestor: Ingestor) -> Iterator[Prepared]:
        for item in records:
            ready = prepare(item, max_text_chars)
            if not isinstance(ready, Prepared):
                settled.append(ready)
            elif ingestor.stored_id(ready.digest) is not None:
                settled.append((ready.where, "duplicate", None))
            else:
                yield ready

    def store(ingestor: Ingestor, prepared: Prepared, analysis: nlp.Analysis) -> Outcome:
        result = ingestor.store(analysis, prepared.submission, prepared.digest)
        return prepared.where, "new" if result.created else "duplicate", None

    if workers <= 1:
        database = make_database(database_url)
        ingestor = Ingestor(database, _extractor, max_text_chars, others)
        for ready in pending(ingestor):
            yield from _drain(settled)
            yield store(ingestor, *analyse(ready))
        yield from _drain(settled)
        database.dispose()
        return
    # fork: the workers inherit the loaded model instead of each loading its own; they touch no database.
    context = multiprocessing.get_context("fork")
    with context.Pool(workers) as pool:
        database = make_database(database_url)
        ingestor = Ingestor(database, _extractor, max_text_chars, others)
        for prepared, analysis in pool.imap(analyse, pending(ingestor), chunksize=2):
            yield from _drain(settled)
            yield store(ingestor, prepared, analysis)
        yield from _drain(settled)
        database.dispose()


def _drain(settled: list[Outcome]) -> Iterator[Outcome]:
    while settled:
        yield settled.pop()
