"""Kept replies: a repeated GET costs no SQL, and any commit by anyone makes every kept reply stale."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, event, text

from app.config import Settings
from app.main import create_app
from app.middleware import Kept, KeptReplies
from app.services.revisions import PostgresRevision, revision_for
from tests.api.helpers import post_text, story


@contextmanager
def counting_sql(client: TestClient) -> Iterator[list[str]]:
    """The SQL statements the app's reader (and its inline reads, on SQLite) runs inside the block."""
    statements: list[str] = []
    database = client.app.state.database  # type: ignore[attr-defined]

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(database.reader, "before_cursor_execute", record)
    if database.inline is not None:
        database.inline.trace(statements.append)
    try:
        yield statements
    finally:
        event.remove(database.reader, "before_cursor_execute", record)
        if database.inline is not None:
            database.inline.trace(None)


def eventually(probe: object, seconds: float = 3.0) -> bool:
    """Whether probe() turns true within the time (PostgreSQL notifications arrive just after commit)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if probe():  # type: ignore[operator]
            return True
        time.sleep(0.02)
    return False


def test_a_repeated_read_is_served_without_sql(client: TestClient) -> None:
    article_id = post_text(client, story("harbour.txt")).json()["id"]  # type: ignore[attr-defined]
    first = client.get(f"/v1/articles/{article_id}")
    with counting_sql(client) as statements:
        again = client.get(f"/v1/articles/{article_id}")
        listed = client.get("/v1/articles")  # not read before: computed, so it runs SQL
    assert again.status_code == 200 and again.content == first.content
    assert again.headers["etag"] == first.headers["etag"]
    assert statements, "the list was computed"
    with counting_sql(client) as statements:
        assert client.get("/v1/articles").content == listed.content
        assert client.get(f"/v1/articles/{article_id}").content == first.content
    assert statements == []


def test_a_new_article_shows_in_a_list_read_before_it(client: TestClient) -> None:
    post_text(client, story("harbour.txt"))
    before = client.get("/v1/articles").json()
    post_text(client, story("senate.txt"))
    after = client.get("/v1/articles").json()
    assert after["total"] == before["total"] + 1


def test_a_commit_by_another_process_makes_kept_replies_stale(client: TestClient, database_url: str) -> None:
    """A writer the app knows nothing of (another worker, `dateline ingest`, hand-run SQL)."""
    post_text(client, story("harbour.txt"))
    people = client.get("/v1/entities", params={"type": "PERSON"}).json()["items"]
    target = people[0]
    outsider = create_engine(database_url)
    with outsider.begin() as conn:
        conn.execute(text("UPDATE entities SET name = 'Renamed Person' WHERE id = :id"), {"id": target["id"]})
    outsider.dispose()

    def renamed() -> bool:
        items = client.get("/v1/entities", params={"type": "PERSON"}).json()["items"]
        return any(e["id"] == target["id"] and e["name"] == "Renamed Person" for e in items)

    assert eventually(renamed)


def test_every_kept_list_answers_if_none_match_with_304(client: TestClient) -> None:
    post_text(client, story("harbour.txt"))
    first = client.get("/v1/entities", params={"type": "GPE"})
    tag = first.headers["etag"]
    assert tag.startswith('"') and tag.endswith('"')
    again = client.get("/v1/entities", params={"type": "GPE"}, headers={"If-None-Match": f'W/"zzz", {tag}'})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == tag
    post_text(client, story("senate.txt"))  # the store changed: the old tag no longer matches
    changed = client.get("/v1/entities", params={"type": "GPE"}, headers={"If-None-Match": tag})
    assert changed.status_code == 200 and changed.headers["etag"] != tag


def test_a_first_conditional_read_still_gets_304(client: TestClient) -> None:
    """The condition is judged on the kept reply, so a revalidating client's first request gets 304 too."""
    article_id = post_text(client, story("harbour.txt")).json()["id"]  # type: ignore[attr-defined]
    tag = client.get(f"/v1/articles/{article_id}").headers["etag"]
    post_text(client, story("senate.txt"))  # nothing is kept any more
    assert client.get(f"/v1/articles/{article_id}", headers={"If-None-Match": tag}).status_code == 304


def test_representations_are_kept_apart(client: TestClient) -> None:
    post_text(client, story("harbour.txt"))
    as_json = client.get("/v1/entities")
    as_csv = client.get("/v1/entities", headers={"Accept": "text/csv"})
    assert as_json.headers["content-type"].startswith("application/json")
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert client.get("/v1/entities").content == as_json.content


def test_errors_are_never_kept(client: TestClient) -> None:
    assert client.get("/v1/articles/999999").status_code == 404
    article_id = post_text(client, story("harbour.txt")).json()["id"]  # type: ignore[attr-defined]
    assert client.get(f"/v1/articles/{article_id}").status_code == 200
    assert client.get("/v1/articles", params={"limit": 0}).status_code == 422


@pytest.fixture
def uncached(client: TestClient, settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings.model_copy(update={"reply_cache_mb": 0}))) as test_client:
        yield test_client


def test_keeping_replies_can_be_switched_off(uncached: TestClient) -> None:
    assert uncached.app.state.revision is None  # type: ignore[attr-defined]
    uncached.get("/v1/articles")
    with counting_sql(uncached) as statements:
        uncached.get("/v1/articles")
    assert statements


def _kept(revision: int, size: int) -> Kept:
    return Kept(revision, [], b"x" * size, '"t"')


def test_kept_replies_drop_the_least_recently_used_past_their_budget() -> None:
    replies = KeptReplies(max_bytes=12_000)  # entries of 1,100 bytes: ten fit
    for n in range(3):
        replies.put((str(n).encode(),), _kept(1, 900))
    assert replies.get((b"0",), 1) is not None  # used: now the most recent
    for n in range(3, 12):
        replies.put((str(n).encode(),), _kept(1, 900))
    assert replies.get((b"0",), 1) is not None
    assert replies.get((b"1",), 1) is None  # the least recently used went first
    assert replies.get((b"0",), 2) is None  # another revision: stale, and dropped
    assert replies.get((b"0",), 1) is None
    replies.put((b"big",), _kept(1, 5_000))  # over an eighth of the budget: never kept
    assert replies.get((b"big",), 1) is None


def test_revision_is_unknown_while_notifications_cannot_be_heard() -> None:
    revision = PostgresRevision("postgresql+psycopg://postgres@127.0.0.1:1/nowhere", reconnect_after=0.05)
    try:
        time.sleep(0.3)
        assert revision.current() is None
    finally:
        revision.close()


def test_revision_changes_when_another_connection_commits(client: TestClient, database_url: str) -> None:
    post_text(client, story("harbour.txt"))
    revision = revision_for(database_url)
    assert revision is not None
    try:
        if isinstance(revision, PostgresRevision):
            assert revision.listening.wait(10)
        before = revision.current()
        assert before is not None
        outsider = create_engine(database_url)
        with outsider.begin() as conn:
            conn.execute(text("UPDATE entities SET mention_count = mention_count + 1"))
        outsider.dispose()
        assert eventually(lambda: revision.current() != before)
    finally:
        revision.close()
