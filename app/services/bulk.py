"""Bulk ingest: many records through the ingest service, in worker processes that each load the model."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from app.errors import DomainError

Record = tuple[str, dict[str, Any] | None, str | None]  # (where, record, error)


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


_worker: Any = None  # the Ingestor of this worker process


def _start_worker(database_url: str, model: str, max_text_chars: int) -> None:
    """Load the model and open the store once per worker process."""
    global _worker
    from app.db import make_database
    from app.main import load_model
    from app.nlp import Extractor
    from app.services.ingest import Ingestor

    _worker = Ingestor(make_database(database_url), Extractor(load_model(model)), max_text_chars)


def ingest_record(item: Record) -> tuple[str, str, str | None]:
    """Ingest one record in this process: (where, outcome, detail)."""
    from app.routes.articles import parse_published
    from app.services.ingest import Submission

    where, record, error = item
    if record is None:
        return where, "rejected", error
    try:
        published = parse_published(record.get("published_at"))
        submission = Submission(record["text"], published, record.get("url"), record.get("source"))
        result = _worker.ingest(submission)
    except DomainError as exc:
        return where, "rejected", exc.detail
    return where, "new" if result.created else "duplicate", None


def ingest_records(
    records: Iterable[Record], database_url: str, model: str, max_text_chars: int, workers: int = 1
) -> Iterator[tuple[str, str, str | None]]:
    """Ingest records, in this process or in `workers` processes; outcomes as they finish."""
    if workers <= 1:
        _start_worker(database_url, model, max_text_chars)
        yield from map(ingest_record, records)
        return
    # spawn, not fork: each worker opens its own connections and model instead of sharing the parent's.
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers, initializer=_start_worker, initargs=(database_url, model, max_text_chars)) as pool:
        yield from pool.imap_unordered(ingest_record, records, chunksize=4)
