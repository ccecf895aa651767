"""The JSON stored for reads (article_json): what `GET /v1/articles/{id}` and newest-first lists send is what the
tables say at every moment, through ingest, renames of entities across articles, re-extraction and deletion;
an article without stored JSON is served the same, computed."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from app.db import Database, InlineReads, TooCostly, make_database
from app.services import article_json, queries
from app.services.ingest import STORED_SOURCE, Ingestor, replace_extraction, stored_submission
from tests.api.test_storage import analysis, person, rows, store


@pytest.fixture
def database(client: TestClient, database_url: str) -> Iterator[Database]:
    """The suite's database, emptied (by the client fixture), opened for the service; its writes make the app's
    kept replies stale at once (PostgreSQL's notification of a commit may still be on its way)."""
    db = make_database(database_url)
    revision = client.app.state.revision  # type: ignore[attr-defined]
    if revision is not None:
        db.after_write.append(revision.bump)
    yield db
    db.dispose()


@pytest.fixture
def ingestor(database: Database) -> Ingestor:
    """An Ingestor that only stores: the analyses are made by hand."""
    return Ingestor(database, None, 1_000_000)  # type: ignore[arg-type]


def computed(database: Database, article_id: int) -> dict[str, Any]:
    """The article as the tables say it, built from its rows."""
    with database.snapshot() as session:
        return json.loads(queries.get_article(session, article_id).model_dump_json())


def stored(database: Database, article_id: int) -> bytes | None:
    """The full JSON stored for an article (None: marked to be computed on read, or no row)."""
    found = rows(database, "SELECT article FROM article_json WHERE article_id = :a", a=article_id)
    return bytes(found[0][0]) if found and found[0][0] is not None else None


def execute(database: Database, sql: str, **params: Any) -> None:
    """Run a write statement and commit it."""
    with database.write() as session:
        session.execute(text(sql), params)
        session.commit()


def names(article: dict[str, Any]) -> tuple[list[str], list[str | None]]:
    """The entity names and the quotes' speaker names an article reply shows."""
    speakers = [q["speaker"]["name"] if q["speaker"] else None for q in article["quotes"]]
    return [e["name"] for e in article["entities"]], speakers


def test_an_ingested_article_is_served_as_the_json_stored_with_it(client: TestClient, database: Database) -> None:
    created = client.post(
        "/v1/articles",
        content=b'Port deal agreed\n\nOSLO (Reuters) - Ingrid Lindqvist said the port would reopen. "We are ready," '
        b"she said.\n",
        headers={"Content-Type": "text/plain"},
    )
    assert created.status_code == 201
    article_id = created.json()["id"]
    kept = stored(database, article_id)
    assert kept is not None and json.loads(kept) == computed(database, article_id) == created.json()
    reply = client.get(f"/v1/articles/{article_id}")
    assert reply.content == kept and reply.headers["content-type"] == "application/json"
    # What the store says wins over what the tables would say: the reply is those bytes.
    execute(database, "UPDATE article_json SET article = :b WHERE article_id = :a", b=b'{"id": 0}', a=article_id)
    assert client.get(f"/v1/articles/{article_id}").json() == {"id": 0}


def test_an_article_with_no_stored_json_is_computed_and_served_alike(
    client: TestClient, ingestor: Ingestor, database: Database
) -> None:
    first = store(ingestor, analysis(("Ana Ruiz", *person("Ana Ruiz")), quote_by="Ana Ruiz"))
    expected = client.get(f"/v1/articles/{first.article_id}").json()
    listed = client.get("/v1/articles").json()
    execute(database, "DELETE FROM article_json")  # as an archive stored before the table existed
    assert client.get(f"/v1/articles/{first.article_id}").json() == expected
    assert client.get("/v1/articles").json() == listed
    assert client.get("/v1/articles", params={"entity": "Ana Ruiz"}).json() == listed
    # `dateline db render` writes what is missing; the summary comes back with it.
    assert article_json.fill_missing(database) == 1
    assert json.loads(stored(database, first.article_id) or b"null") == expected
    assert client.get("/v1/articles").json() == listed


def test_a_full_name_taking_over_a_bare_surname_renames_it_in_the_stored_articles(
    client: TestClient, ingestor: Ingestor, database: Database
) -> None:
    bare = store(ingestor, analysis(("Dunmore", *person("Dunmore")), quote_by="Dunmore", salt="First"))
    other = store(ingestor, analysis(("Acme", "ORG", "org:acme"), salt="Unrelated"))
    untouched = stored(database, other.article_id)
    assert names(client.get(f"/v1/articles/{bare.article_id}").json()) == (["Dunmore"], ["Dunmore"])
    store(ingestor, analysis(("Claire Dunmore", *person("Claire Dunmore")), salt="Next"))
    renamed = client.get(f"/v1/articles/{bare.article_id}").json()
    assert names(renamed) == (["Claire Dunmore"], ["Claire Dunmore"])
    assert json.loads(stored(database, bare.article_id) or b"null") == renamed == computed(database, bare.article_id)
    assert stored(database, other.article_id) == untouched


def test_articles_a_rename_does_not_render_at_once_are_computed_until_rendered(
    client: TestClient, ingestor: Ingestor, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(article_json, "RENDER_RENAMED_AT_MOST", 1)
    older = store(ingestor, analysis(("Dunmore", *person("Dunmore")), quote_by="Dunmore", salt="First"))
    newer = store(ingestor, analysis(("Dunmore", *person("Dunmore")), quote_by="Dunmore", salt="Second"))
    store(ingestor, analysis(("Claire Dunmore", *person("Claire Dunmore")), salt="Next"))
    assert stored(database, older.article_id) is None  # marked: computed on read
    assert stored(database, newer.article_id) is not None  # the newest is rendered in the renaming transaction
    for article_id in (older.article_id, newer.article_id):
        assert names(client.get(f"/v1/articles/{article_id}").json()) == (["Claire Dunmore"], ["Claire Dunmore"])
    assert article_json.fill_missing(database) == 1
    assert json.loads(stored(database, older.article_id) or b"null") == computed(database, older.article_id)


def test_re_extraction_replaces_the_stored_json(client: TestClient, ingestor: Ingestor, database: Database) -> None:
    first = store(ingestor, analysis(("Ana Ruiz", *person("Ana Ruiz")), quote_by="Ana Ruiz"))
    before = client.get(f"/v1/articles/{first.article_id}").json()
    with database.write() as session:
        row = session.execute(STORED_SOURCE, {"article_id": first.article_id}).one()
        # The same text read again by an extractor that no longer attributes the quote.
        again = dataclasses.replace(analysis(("Ana Ruiz", *person("Ana Ruiz"))), extractor_version="test-2")
        assert again.text == row.text
        assert replace_extraction(session, first.article_id, again, stored_submission(row))
        session.commit()
    after = client.get(f"/v1/articles/{first.article_id}").json()
    assert before["quotes"][0]["speaker"]["name"] == "Ana Ruiz"
    assert after["quotes"][0]["speaker"] is None and after["extractor_version"] == "test-2"
    assert after == computed(database, first.article_id)
    assert json.loads(stored(database, first.article_id) or b"null") == after


def test_a_deleted_article_takes_its_stored_json_and_its_list_entry_with_it(
    client: TestClient, ingestor: Ingestor, database: Database
) -> None:
    kept = store(ingestor, analysis(("Ana Ruiz", *person("Ana Ruiz")), salt="Kept"))
    gone = store(ingestor, analysis(("Ana Ruiz", *person("Ana Ruiz")), salt="Gone"))
    assert [a["id"] for a in client.get("/v1/articles", params={"entity": "ruiz"}).json()["items"]] == [
        gone.article_id,
        kept.article_id,
    ]
    assert client.delete(f"/v1/articles/{gone.article_id}").status_code == 204
    assert rows(database, "SELECT article_id FROM article_json") == [(kept.article_id,)]
    assert client.get(f"/v1/articles/{gone.article_id}").status_code == 404
    listed = client.get("/v1/articles", params={"entity": "ruiz"}).json()
    assert [a["id"] for a in listed["items"]] == [kept.article_id] and listed["total"] == 1


def test_lists_send_the_stored_summaries_in_the_shape_of_a_page(
    client: TestClient, ingestor: Ingestor, database: Database
) -> None:
    made = [store(ingestor, analysis(("Oslo", "GPE", "gpe:oslo"), salt=f"Story {i}")).article_id for i in range(5)]
    page = client.get("/v1/articles", params={"entity": "Oslo", "limit": 2, "offset": 1})
    body = page.json()
    assert [a["id"] for a in body["items"]] == made[::-1][1:3]
    assert (body["total"], body["limit"], body["offset"], body["next_offset"]) == (5, 2, 1, 3)
    assert 'rel="next"' in page.headers["link"] and "offset=3" in page.headers["link"]
    summary = json.loads(rows(database, "SELECT summary FROM article_json WHERE article_id = :a", a=made[3])[0][0])
    assert body["items"][0] == summary
    assert set(summary) == {
        "id", "headline", "dateline", "published_at", "url", "source", "language", "cluster_id", "created_at",
        "snippet",
    }  # fmt: skip
    last = client.get("/v1/articles", params={"entity": "oslo", "offset": 4}).json()
    assert last["next_offset"] is None and len(last["items"]) == 1
    csv = client.get("/v1/articles", params={"entity": "Oslo", "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv") and csv.text.count("\n") == 6


def test_an_inline_read_over_its_budget_is_stopped(client: TestClient, database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("inline reads are SQLite's")
    inline = InlineReads(database_url, step=10, budget_steps=1000)
    try:
        assert inline.run(lambda conn: conn.execute(text("SELECT 1")).scalar()) == 1
        with pytest.raises(TooCostly):  # a count over a million generated rows: far more than 10,000 steps
            inline.run(lambda conn: conn.execute(text(MILLION_ROWS)).scalar())
        assert inline.run(lambda conn: conn.execute(text("SELECT 2")).scalar()) == 2  # and it goes on
    finally:
        inline.close()


MILLION_ROWS = (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000) SELECT count(*) FROM n"
)


def test_reads_an_inline_read_gives_up_are_served_from_a_worker_thread_alike(
    client: TestClient, ingestor: Ingestor, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = [store(ingestor, analysis(("Oslo", "GPE", "gpe:oslo"), salt=f"Story {i}")).article_id for i in range(3)]
    article, listed = client.get(f"/v1/articles/{made[0]}"), client.get("/v1/articles", params={"entity": "Oslo"})
    inline = client.app.state.database.inline  # type: ignore[attr-defined]
    if inline is None:
        pytest.skip("inline reads are SQLite's")

    def gives_up(*_: object) -> None:
        raise TooCostly()

    monkeypatch.setattr(inline, "run", gives_up)
    assert client.get(f"/v1/articles/{made[0]}").content == article.content
    assert client.get("/v1/articles", params={"entity": "Oslo"}).json() == listed.json()
