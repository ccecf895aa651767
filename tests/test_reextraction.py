"""Re-extraction swaps an article's extraction in one transaction: readers reading it all the while see the
old extraction or the new one, never a mix; counts follow; the article keeps its id, text and hash."""

from __future__ import annotations

import dataclasses
import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app import nlp
from app.db import Database, make_database
from app.errors import NotFound
from app.routes.articles import render_article
from app.services.ingest import STORED_SOURCE, Ingestor, replace_extraction, stored_submission
from tests.api.helpers import story
from tests.robustness.invariants import store_problems

SWAPS = 30
READERS = 2


@pytest.fixture
def database(client: TestClient, database_url: str) -> Iterator[Database]:
    """Engines of our own on the suite's (emptied) database."""
    db = make_database(database_url)
    yield db
    db.dispose()


def signature_of_reply(article: dict[str, Any]) -> tuple[Any, ...]:
    """What tells one extraction from another in an article reply."""
    quotes = tuple(sorted((q["start"], q["end"]) for q in article["quotes"]))
    mentions = tuple(sorted((m["start"], m["end"]) for e in article["entities"] for m in e["mentions"]))
    return article["extractor_version"], quotes, mentions


def signature_of(analysis: nlp.Analysis) -> tuple[Any, ...]:
    """The same for an analysis."""
    quotes = tuple(sorted((q.start, q.end) for q in analysis.quotes))
    mentions = tuple(sorted((m.start, m.end) for e in analysis.entities for m in e.mentions))
    return analysis.extractor_version, quotes, mentions


def test_readers_never_see_a_mix_of_two_extractions(client: TestClient, database: Database) -> None:
    created = client.post("/v1/articles", content=story("senate.txt").encode(), headers={"Content-Type": "text/plain"})
    article_id = created.json()["id"]
    ingestor: Ingestor = client.app.state.ingestor  # type: ignore[attr-defined]
    with database.read() as session:
        row = session.execute(STORED_SOURCE, {"article_id": article_id}).one()
    submission = stored_submission(row)
    new = ingestor.analyze(row.text, None)
    # An older extractor that found fewer quotes and entities (and so other spans).
    old = dataclasses.replace(
        new, quotes=new.quotes[::2], entities=new.entities[: len(new.entities) // 2], extractor_version="0.0-old"
    )
    assert signature_of(old) != signature_of(new) and new.quotes and new.entities
    allowed = {signature_of(old), signature_of(new)}
    seen: list[tuple[Any, ...]] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        try:
            while not done.is_set():
                body, _ = render_article(database, article_id, "json", "")
                seen.append(signature_of_reply(json.loads(body)))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(READERS)]
    for reader in readers:
        reader.start()
    try:
        for n in range(SWAPS):
            with database.write() as session:
                assert replace_extraction(session, article_id, old if n % 2 == 0 else new, submission)
                session.commit()
    finally:
        done.set()
        for reader in readers:
            reader.join()
    assert not errors, errors
    mixed = [s for s in seen if s not in allowed]
    assert not mixed, f"{len(mixed)} of {len(seen)} reads saw a mix, e.g. {mixed[0]}"
    assert {s[0] for s in seen} == {"0.0-old", new.extractor_version}  # the reads did overlap the swaps
    final = client.get(f"/v1/articles/{article_id}").json()
    assert signature_of_reply(final) == signature_of(new)  # the last swap put the new one back
    assert final["text"] == row.text and final["id"] == article_id
    assert store_problems(database.url) == []  # entity counts followed every swap


def test_re_extracting_an_article_that_is_gone_is_not_found(client: TestClient) -> None:
    ingestor: Ingestor = client.app.state.ingestor  # type: ignore[attr-defined]
    with pytest.raises(NotFound):
        ingestor.reextract(424242)
