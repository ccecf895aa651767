"""Search over texts that repeat one word tens of thousands of times: bounded excerpts, same answers."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient
from sqlalchemy import insert

from app.db import Database
from app.models import Article
from app.services.ingest import content_hash
from app.services.search import SNIPPET_WINDOW, fts5_snippets
from tests.api.helpers import post_text, story


def store_raw(database: Database, body: str, headline: str) -> int:
    """An article row written straight to the store (its search index filled by the store itself), so a
    flood needs no parse."""
    text = f"{headline}\n\n{body}"
    now = dt.datetime.now(dt.UTC)
    row = {
        "text": text, "content_hash": content_hash(text), "headline": headline, "body": body,
        "subheadings": [], "structure": {}, "published_is_date": False, "language": "en",
        "extractor_version": "test", "created_at": now, "updated_at": now,
    }  # fmt: skip
    with database.write() as session:
        article_id = session.execute(insert(Article.__table__).values(row).returning(Article.__table__.c.id)).scalar()
        session.commit()
    assert article_id is not None
    return int(article_id)


def test_a_flood_of_one_word_is_found_with_a_short_marked_snippet(client: TestClient) -> None:
    database: Database = client.app.state.database  # type: ignore[attr-defined]
    flood = store_raw(database, "deluge\n" * 50_000, "Rain")
    prose = post_text(client, story("harbour.txt")).json()["id"]
    found = client.get("/v1/articles", params={"q": "deluge"}).json()
    assert [a["id"] for a in found["items"]] == [flood]
    snippet = found["items"][0]["snippet"]
    assert "<mark>deluge</mark>" in snippet
    assert len(snippet.replace("<mark>", "").replace("</mark>", "")) <= SNIPPET_WINDOW  # from a bounded window
    both = client.get("/v1/articles", params={"q": "strike"}).json()
    assert [a["id"] for a in both["items"]] == [prose]
    assert "<mark>strike</mark>" in both["items"][0]["snippet"]


def test_the_window_starts_near_the_first_match_of_a_long_text() -> None:
    body = "Filler words about nothing in particular. " * 500 + "Then the strikers signed the deal. " + "More. " * 50
    snippets = fts5_snippets("signs", [(1, "Headline", None, body)], -1)
    assert "<mark>signed</mark>" in snippets[1]


def test_a_window_without_a_match_gets_its_first_words_unmarked() -> None:
    snippets = fts5_snippets("zebra", [(7, None, None, "Plain words and nothing else " * 10)], 2)
    assert snippets[7].startswith("Plain words and nothing else") and "<mark>" not in snippets[7]
