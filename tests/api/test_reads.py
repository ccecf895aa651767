"""Reads: articles, quotes and entities with their filters and pages; entity identity across articles."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, post_text, story


def ingest_all(client: TestClient) -> dict[str, dict]:
    """Ingest the fixture stories with publication dates; their articles by name."""
    dates = {"harbour.txt": "2024-05-14", "senate.txt": "2024-03-07", "followup.txt": "2024-03-11"}
    out = {}
    for name, day in dates.items():
        response = post_text(client, story(name), published_at=day)
        assert response.status_code == 201, response.text
        out[name] = response.json()
    return out


def entity_named(article: dict, name: str) -> dict:
    """The article's entity with this canonical name."""
    matches = [e for e in article["entities"] if e["name"] == name]
    assert matches, f"{name} not among {[e['name'] for e in article['entities']]}"
    return matches[0]


def ids(page: dict) -> list[int]:
    """The ids on a page."""
    return [item["id"] for item in page["items"]]


def test_unknown_article_is_404_problem(client: TestClient) -> None:
    assert_problem(client.get("/v1/articles/12345"), 404)
    assert_problem(client.get("/v1/articles/12345/quotes"), 404)
    assert_problem(client.get("/v1/entities/12345"), 404)


def test_ids_beyond_range_or_not_numbers_are_client_errors(client: TestClient) -> None:
    assert_problem(client.get("/v1/articles/99999999999999999999999"), 422)
    assert_problem(client.get("/v1/articles/abc"), 422)
    assert_problem(client.get("/v1/articles", params={"limit": 10**30}), 422)
    assert_problem(client.get("/v1/articles", params={"limit": 0}), 422)
    assert_problem(client.get("/v1/articles", params={"limit": 101}), 422)
    assert client.get("/v1/articles", params={"entity": "9" * 40}).json()["total"] == 0


def test_articles_are_listed_newest_first_with_pages(client: TestClient) -> None:
    arts = ingest_all(client)
    first = client.get("/v1/articles", params={"limit": 2}).json()
    assert first["total"] == 3
    assert ids(first) == [arts["harbour.txt"]["id"], arts["followup.txt"]["id"]]
    assert first["next_offset"] == 2
    rest = client.get("/v1/articles", params={"limit": 2, "offset": 2}).json()
    assert ids(rest) == [arts["senate.txt"]["id"]]
    assert rest["next_offset"] is None
    assert first["items"][0]["headline"] == arts["harbour.txt"]["headline"]


def test_articles_filter_by_text_agency_and_date_range(client: TestClient) -> None:
    arts = ingest_all(client)
    assert ids(client.get("/v1/articles", params={"q": "WATER PIPES"}).json()) == [arts["senate.txt"]["id"]]
    assert ids(client.get("/v1/articles", params={"q": "100%_"}).json()) == []
    reuters = client.get("/v1/articles", params={"agency": "reuters"}).json()
    assert sorted(ids(reuters)) == sorted([arts["senate.txt"]["id"], arts["followup.txt"]["id"]])
    march = client.get("/v1/articles", params={"published_from": "2024-03-08", "published_to": "2024-03-11"}).json()
    assert ids(march) == [arts["followup.txt"]["id"]]
    assert_problem(client.get("/v1/articles", params={"published_from": "yesterday"}), 422)


def test_articles_filter_by_entity_id_or_name_and_by_speaker(client: TestClient) -> None:
    arts = ingest_all(client)
    netherlands = entity_named(arts["harbour.txt"], "Netherlands")
    by_id = client.get("/v1/articles", params={"entity": str(netherlands["id"])}).json()
    by_name = client.get("/v1/articles", params={"entity": "netherlands"}).json()
    assert ids(by_id) == ids(by_name) == [arts["harbour.txt"]["id"]]
    spoken = client.get("/v1/articles", params={"speaker": "Jansen"}).json()
    assert ids(spoken) == [arts["harbour.txt"]["id"]]


def test_a_bare_surname_links_to_the_person_stored_earlier(client: TestClient) -> None:
    arts = ingest_all(client)
    full = entity_named(arts["senate.txt"], "Alan Brooks")
    later = entity_named(arts["followup.txt"], "Alan Brooks")
    assert later["id"] == full["id"]
    assert [m["text"] for m in later["mentions"]].count("Brooks") >= 2


def test_full_name_arriving_after_a_bare_surname_takes_over_its_entity(client: TestClient) -> None:
    followup = post_text(client, story("followup.txt")).json()
    bare = next(e for e in followup["entities"] if e["type"] == "PERSON")
    senate = post_text(client, story("senate.txt")).json()
    full = entity_named(senate, "Alan Brooks")
    assert full["id"] == bare["id"]
    assert client.get(f"/v1/entities/{bare['id']}").json()["name"] == "Alan Brooks"


def test_quotes_filter_by_speaker_article_text_and_type(client: TestClient) -> None:
    arts = ingest_all(client)
    everything = client.get("/v1/quotes", params={"limit": 100}).json()
    assert everything["total"] == len(everything["items"]) >= 4
    dunmore = client.get("/v1/quotes", params={"speaker": "Claire Dunmore"}).json()
    assert dunmore["items"] and all(q["speaker"]["name"] == "Claire Dunmore" for q in dunmore["items"])
    by_surname = client.get("/v1/quotes", params={"speaker": "dunmore"}).json()
    assert ids(by_surname) == ids(dunmore)
    speaker_id = dunmore["items"][0]["speaker"]["entity_id"]
    assert ids(client.get("/v1/quotes", params={"speaker": str(speaker_id)}).json()) == ids(dunmore)
    harbour_id = arts["harbour.txt"]["id"]
    in_harbour = client.get("/v1/quotes", params={"article_id": harbour_id}).json()
    assert {q["article_id"] for q in in_harbour["items"]} == {harbour_id}
    tap = client.get("/v1/quotes", params={"q": "safe tap"}).json()
    assert [q["text"] for q in tap["items"]] == ["Every family deserves a safe tap."]
    direct = client.get("/v1/quotes", params={"type": "direct", "limit": 100}).json()
    assert direct["items"] and all(q["type"] == "direct" for q in direct["items"])
    assert_problem(client.get("/v1/quotes", params={"type": "rumour"}), 422)


def test_entities_list_by_type_and_prefix_most_mentioned_first(client: TestClient) -> None:
    ingest_all(client)
    people = client.get("/v1/entities", params={"type": "person", "limit": 100}).json()
    assert people["items"] and all(e["type"] == "PERSON" for e in people["items"])
    counts = [e["mention_count"] for e in people["items"]]
    assert counts == sorted(counts, reverse=True)
    assert people["items"][0]["name"] == "Alan Brooks"
    assert people["items"][0]["article_count"] == 2
    prefixed = client.get("/v1/entities", params={"prefix": "mari"}).json()
    assert [e["name"] for e in prefixed["items"]] == ["Marieke Jansen"]


def test_entity_detail_has_counts_quotes_and_companions(client: TestClient) -> None:
    arts = ingest_all(client)
    brooks = entity_named(arts["followup.txt"], "Alan Brooks")
    detail = client.get(f"/v1/entities/{brooks['id']}").json()
    assert detail["article_count"] == 2
    assert detail["quote_count"] >= 1
    assert any(q["text"] == "Today we keep a promise," for q in detail["quotes"])
    companions = {c["name"]: c["shared_articles"] for c in detail["co_occurring"]}
    assert companions.get("Claire Dunmore") == 1


def test_country_entities_carry_iso_codes(client: TestClient) -> None:
    arts = ingest_all(client)
    us = entity_named(arts["senate.txt"], "United States")
    assert us["type"] == "GPE"
    assert us["country_code"] == "US"
    assert {m["text"] for m in us["mentions"]} >= {"U.S.", "United States"}


def test_healthz_reports_database_and_model(client: TestClient) -> None:
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["database"] == "ok"
    assert health.json()["model"]
