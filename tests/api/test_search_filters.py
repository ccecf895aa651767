"""What people type: a surname for an entity, OR, -word and prefix* in searches, on both stores; undated
articles counted apart in time series."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.helpers import post_text, story


def ingest(client: TestClient) -> dict[str, Any]:
    dates = {"harbour.txt": "2024-05-14", "senate.txt": "2024-03-07", "followup.txt": "2024-03-11"}
    return {name: post_text(client, story(name), published_at=day).json() for name, day in dates.items()}


def ids(reply: Any) -> set[int]:
    assert reply.status_code == 200, reply.text
    return {item["id"] for item in reply.json()["items"]}


def test_a_surname_finds_the_person_as_entity_filter_and_prefix(client: TestClient) -> None:
    arts = ingest(client)
    by_surname = ids(client.get("/v1/articles", params={"entity": "dunmore"}))
    by_name = ids(client.get("/v1/articles", params={"entity": "Claire Dunmore"}))
    assert by_surname == by_name == {arts["senate.txt"]["id"]}
    names = [e["name"] for e in client.get("/v1/entities", params={"prefix": "dunm"}).json()["items"]]
    assert "Claire Dunmore" in names
    assert "Marieke Jansen" in [
        e["name"] for e in client.get("/v1/entities", params={"prefix": "JANSEN"}).json()["items"]
    ]
    # A surname is a person's: a place or organisation is found by the start of its name only.
    assert all(
        e["type"] == "PERSON" or e["name"].lower().startswith("vries")
        for e in client.get("/v1/entities", params={"prefix": "vries"}).json()["items"]
    )
    stats = client.get("/v1/stats/top", params={"dimension": "entities", "entity": "Jansen"}).json()
    assert any(item["name"] == "Marieke Jansen" for item in stats["items"])


def test_or_not_and_prefix_in_article_search(client: TestClient) -> None:
    arts = ingest(client)
    harbour, senate, followup = (arts[n]["id"] for n in ("harbour.txt", "senate.txt", "followup.txt"))
    assert ids(client.get("/v1/articles", params={"q": "strike OR water"})) == {harbour, senate, followup}
    assert ids(client.get("/v1/articles", params={"q": "water -senate"})) == {followup}
    assert ids(client.get("/v1/articles", params={"q": "water -senate -promise"})) == set()
    assert ids(client.get("/v1/articles", params={"q": "infrastruct*"})) == {senate, followup}
    assert ids(client.get("/v1/articles", params={"q": "backl* OR leak*"})) == {harbour, senate}
    assert ids(client.get("/v1/articles", params={"q": '"water bill" -Monday'})) == {senate}
    assert ids(client.get("/v1/articles", params={"q": "-water"})) == set()  # nothing to look for
    assert ids(client.get("/v1/articles", params={"q": "well-known"})) == set()  # a hyphen inside is no NOT


def test_or_not_and_prefix_in_quote_search(client: TestClient) -> None:
    ingest(client)
    texts = {q["text"] for q in client.get("/v1/quotes", params={"q": "partis* OR promise"}).json()["items"]}
    assert any("partisan" in t for t in texts) and any("promise" in t for t in texts)
    excluded = client.get("/v1/quotes", params={"q": "water -partisan"}).json()["items"]
    assert all("partisan" not in q["text"] for q in excluded)


def test_undated_articles_are_counted_apart_in_time_series(client: TestClient) -> None:
    ingest(client)
    post_text(client, "Harbour pilots walk out\n\nTwo pilots said the port was unsafe.\n")
    series = client.get("/v1/stats/timeseries", params={"metric": "articles", "interval": "day"}).json()
    assert series["undated"] == 1
    assert {p["time"] for p in series["items"]} == {"2024-03-07", "2024-03-11", "2024-05-14"}
    assert sum(p["value"] for p in series["items"]) == 3
