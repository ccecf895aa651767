"""Deleting an article: only with a write key, all at once (reads, lists, search, counts, stats, exports
agree the moment the 204 is sent), and a repeat is a 404."""

from __future__ import annotations

import json
import threading

from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, post_text, story
from tests.robustness.invariants import store_problems


def _ingest(client: TestClient, name: str, day: str) -> dict:
    response = post_text(client, story(name), published_at=day)
    assert response.status_code == 201, response.text
    return response.json()


def _entity(article: dict, name: str) -> dict:
    return next(e for e in article["entities"] if e["name"] == name)


def _export(client: TestClient, what: str) -> list[dict]:
    return [json.loads(line) for line in client.get(f"/v1/export/{what}").text.splitlines() if line.strip()]


def test_delete_needs_a_write_key(client: TestClient) -> None:
    article = _ingest(client, "senate.txt", "2024-03-07")
    key = client.headers.pop("Authorization")
    try:
        assert_problem(client.delete(f"/v1/articles/{article['id']}"), 401)
        assert_problem(client.delete(f"/v1/articles/{article['id']}", headers={"X-API-Key": "wrong"}), 403)
    finally:
        client.headers["Authorization"] = key
    assert client.get(f"/v1/articles/{article['id']}").status_code == 200


def test_a_deleted_article_is_gone_from_every_read_at_once(client: TestClient, database_url: str) -> None:
    senate = _ingest(client, "senate.txt", "2024-03-07")
    followup = _ingest(client, "followup.txt", "2024-03-11")
    shared = {e["name"] for e in senate["entities"]} & {e["name"] for e in followup["entities"]}
    only_senate = {e["name"] for e in senate["entities"]} - {e["name"] for e in followup["entities"]}
    assert shared and only_senate, "the fixtures must share an entity and each have one of their own"
    kept = _entity(followup, sorted(shared)[0])
    gone = _entity(senate, sorted(only_senate)[0])
    before = client.get(f"/v1/entities/{kept['id']}").json()
    assert client.get("/v1/stats/timeseries", params={"metric": "articles"}).json()["items"]

    response = client.delete(f"/v1/articles/{senate['id']}")
    assert response.status_code == 204 and not response.content

    assert_problem(client.get(f"/v1/articles/{senate['id']}"), 404)
    assert_problem(client.get(f"/v1/articles/{senate['id']}/quotes"), 404)
    assert_problem(client.delete(f"/v1/articles/{senate['id']}"), 404)
    listed = client.get("/v1/articles").json()
    assert [item["id"] for item in listed["items"]] == [followup["id"]] and listed["total"] == 1
    assert client.get("/v1/articles", params={"q": "Dunmore"}).json()["total"] == 0
    assert all(q["id"] not in {x["id"] for x in senate["quotes"]} for q in client.get("/v1/quotes").json()["items"])
    assert_problem(client.get(f"/v1/entities/{gone['id']}"), 404)
    assert gone["name"] not in {e["name"] for e in client.get("/v1/entities", params={"limit": 100}).json()["items"]}
    after = client.get(f"/v1/entities/{kept['id']}").json()
    assert after["article_count"] == before["article_count"] - 1
    assert after["mention_count"] == before["mention_count"] - len(_entity(senate, kept["name"])["mentions"])
    series = client.get("/v1/stats/timeseries", params={"metric": "articles"}).json()["items"]
    assert sum(point["value"] for point in series) == 1
    assert {row["id"] for row in _export(client, "articles")} == {followup["id"]}
    assert {row["article_id"] for row in _export(client, "quotes")} <= {followup["id"]}
    assert store_problems(database_url) == []


def test_a_deleted_text_can_be_ingested_again_and_its_idempotency_key_no_longer_replays(client: TestClient) -> None:
    headers = {"Content-Type": "text/plain", "Idempotency-Key": "delete-then-retry"}
    first = client.post("/v1/articles", content=story("harbour.txt").encode(), headers=headers)
    assert first.status_code == 201
    assert client.delete(f"/v1/articles/{first.json()['id']}").status_code == 204
    retry = client.post("/v1/articles", content=story("harbour.txt").encode(), headers=headers)
    assert retry.status_code == 201 and "idempotent-replayed" not in retry.headers
    assert retry.json()["id"] != first.json()["id"]
    assert client.get(f"/v1/articles/{retry.json()['id']}").status_code == 200


def test_deletions_racing_ingests_that_share_entities_leave_consistent_counts(
    client: TestClient, database_url: str
) -> None:
    victims = [_ingest(client, "senate.txt", "2024-03-07")["id"]]
    for n in range(3):
        victims.append(post_text(client, story("senate.txt") + f"\nCorrection {n}.\n").json()["id"])  # type: ignore[attr-defined]
    errors: list[str] = []

    def delete_all() -> None:
        for article_id in victims:
            status = client.delete(f"/v1/articles/{article_id}").status_code
            if status != 204:
                errors.append(f"delete {article_id}: {status}")

    def ingest_more() -> None:
        for n in range(3):
            status = post_text(client, story("followup.txt") + f"\nUpdate {n}.\n").status_code  # type: ignore[attr-defined]
            if status != 201:
                errors.append(f"ingest {n}: {status}")

    threads = [threading.Thread(target=delete_all), threading.Thread(target=ingest_more)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert client.get("/v1/articles").json()["total"] == 3
    assert store_problems(database_url) == []
