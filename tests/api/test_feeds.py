"""Dashboard feeds and formats: search, time series, top lists, CSV, ninjs, JSON-LD, ETags, Link headers."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, post_text, story
from tests.api.test_reads import entity_named, ids, ingest_all
from tests.standards import assert_valid_ninjs


def test_search_ranks_matches_and_marks_snippets(client: TestClient) -> None:
    arts = ingest_all(client)
    hits = client.get("/v1/articles", params={"q": "backlog strike"}).json()
    assert ids(hits) == [arts["harbour.txt"]["id"]]
    assert "<mark>" in hits["items"][0]["snippet"]
    stemmed = client.get("/v1/articles", params={"q": "signs"}).json()  # "signed", "signature" share a stem
    assert arts["followup.txt"]["id"] in ids(stemmed)
    assert client.get("/v1/articles", params={"q": "!!! ???"}).json()["total"] == 0
    combined = client.get("/v1/articles", params={"q": "water", "published_from": "2024-03-10"}).json()
    assert ids(combined) == [arts["followup.txt"]["id"]]


def test_search_words_must_all_occur_in_any_order_and_quoted_phrases_in_order(client: TestClient) -> None:
    """The same meaning on SQLite (FTS5) and PostgreSQL (tsquery)."""
    arts = ingest_all(client)
    harbour = arts["harbour.txt"]["id"]
    assert ids(client.get("/v1/articles", params={"q": "weeks backlog clear"}).json()) == [harbour]
    assert ids(client.get("/v1/articles", params={"q": '"clear the backlog"'}).json()) == [harbour]
    assert ids(client.get("/v1/articles", params={"q": '"backlog clear"'}).json()) == []
    assert ids(client.get("/v1/articles", params={"q": "backlog zeppelin"}).json()) == []
    assert ids(client.get("/v1/articles", params={"q": "port-workers strike"}).json()) == [harbour]


def test_search_over_quotes_marks_the_words(client: TestClient) -> None:
    ingest_all(client)
    hits = client.get("/v1/quotes", params={"q": "partisan"}).json()
    assert [q["speaker"]["name"] for q in hits["items"]] == ["Claire Dunmore"]
    assert "<mark>partisan</mark>" in hits["items"][0]["snippet"]


def test_timeseries_counts_articles_per_day_and_week(client: TestClient) -> None:
    ingest_all(client)
    daily = client.get("/v1/stats/timeseries", params={"metric": "articles"}).json()
    assert daily["items"] == [
        {"time": "2024-03-07", "series": "articles", "value": 1},
        {"time": "2024-03-11", "series": "articles", "value": 1},
        {"time": "2024-05-14", "series": "articles", "value": 1},
    ]
    weekly = client.get("/v1/stats/timeseries", params={"metric": "articles", "interval": "week", "split": "agency"})
    rows = {(r["time"], r["series"]): r["value"] for r in weekly.json()["items"]}
    assert rows == {("2024-03-04", "Reuters"): 1, ("2024-03-11", "Reuters"): 1, ("2024-05-13", "TASS"): 1}


def test_timeseries_of_quotes_split_by_speaker_matches_the_quote_list(client: TestClient) -> None:
    ingest_all(client)
    series = client.get(
        "/v1/stats/timeseries", params={"metric": "quotes", "split": "speaker", "interval": "month", "series": 50}
    ).json()["items"]
    quotes = client.get("/v1/quotes", params={"limit": 100}).json()["items"]
    by_speaker: dict[str, int] = {}
    for q in quotes:
        if q["speaker"]:
            by_speaker[q["speaker"]["name"]] = by_speaker.get(q["speaker"]["name"], 0) + 1
    totals: dict[str, int] = {}
    for row in series:
        totals[row["series"]] = totals.get(row["series"], 0) + row["value"]
    assert totals == by_speaker
    assert_problem(client.get("/v1/stats/timeseries", params={"metric": "mentions", "split": "speaker"}), 422)


def test_top_entities_and_pairs_follow_the_mentions(client: TestClient) -> None:
    arts = ingest_all(client)
    top = client.get("/v1/stats/top", params={"dimension": "entities", "type": "GPE", "limit": 100}).json()["items"]
    mentions = {e["name"]: len(e["mentions"]) for a in arts.values() for e in a["entities"] if e["type"] == "GPE"}
    expected: dict[str, int] = {}
    for a in arts.values():
        for e in a["entities"]:
            if e["type"] == "GPE":
                expected[e["name"]] = expected.get(e["name"], 0) + len(e["mentions"])
    assert {row["name"]: row["value"] for row in top} == expected
    assert set(mentions) <= expected.keys()
    pairs = client.get("/v1/stats/top", params={"dimension": "pairs", "limit": 100}).json()["items"]
    washington = entity_named(arts["senate.txt"], "Washington")
    reuters = entity_named(arts["senate.txt"], "Reuters")
    pair = next(p for p in pairs if {p["id"], p["other_id"]} == {washington["id"], reuters["id"]})
    assert pair["value"] == 2
    agencies = client.get("/v1/stats/top", params={"dimension": "agencies"}).json()["items"]
    assert [(a["name"], a["value"]) for a in agencies] == [("Reuters", 2), ("TASS", 1)]


def test_lists_and_aggregates_come_as_csv(client: TestClient) -> None:
    ingest_all(client)
    by_param = client.get("/v1/stats/timeseries", params={"metric": "articles", "format": "csv"})
    assert by_param.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(by_param.text)))
    assert [r["value"] for r in rows] == ["1", "1", "1"]
    assert list(rows[0]) == ["time", "series", "value"]
    by_accept = client.get("/v1/quotes", headers={"Accept": "text/csv"})
    quote_rows = list(csv.DictReader(io.StringIO(by_accept.text)))
    assert {"text", "speaker.name", "start", "end"} <= set(quote_rows[0])
    entities = client.get("/v1/entities", params={"format": "csv", "limit": 100})
    assert len(list(csv.DictReader(io.StringIO(entities.text)))) == client.get("/v1/entities").json()["total"]


def test_article_as_ninjs_and_json_ld(client: TestClient) -> None:
    article = post_text(client, story("harbour.txt"), published_at="2024-05-14").json()
    ninjs = client.get(f"/v1/articles/{article['id']}", params={"format": "ninjs"})
    assert ninjs.headers["content-type"].startswith("application/ninjs+json")
    doc = ninjs.json()
    assert doc["type"] == "text"
    assert doc["headlines"] == [{"role": "main", "value": article["headline"]}]
    assert doc["bodies"][0]["value"] == article["body"]
    assert {p["name"] for p in doc["people"]} >= {"Marieke Jansen", "Willem de Vries"}
    assert len(doc["dateline:quotes"]) == len(article["quotes"])
    assert_valid_ninjs(doc, client.get(doc["$schema"].removeprefix("http://testserver")).json())
    ld = client.get(f"/v1/articles/{article['id']}", headers={"Accept": "application/ld+json"}).json()
    assert ld["@context"] == "https://schema.org"
    assert ld["@type"] == "NewsArticle"
    assert ld["datePublished"] == "2024-05-14"
    assert {m["name"] for m in ld["mentions"] if m["@type"] == "Person"} >= {"Marieke Jansen"}
    quotations = [p for p in ld["hasPart"] if p["@type"] == "Quotation"]
    assert len(quotations) == len(article["quotes"])
    assert any(q.get("creator", {}).get("name") == "Marieke Jansen" for q in quotations)


def test_article_and_entity_reads_revalidate_with_etags(client: TestClient) -> None:
    article = post_text(client, story("harbour.txt")).json()
    first = client.get(f"/v1/articles/{article['id']}")
    tag = first.headers["etag"]
    assert first.headers["cache-control"]
    again = client.get(f"/v1/articles/{article['id']}", headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    ninjs_tag = client.get(f"/v1/articles/{article['id']}", params={"format": "ninjs"}).headers["etag"]
    assert ninjs_tag != tag
    entity_id = article["entities"][0]["id"]
    entity = client.get(f"/v1/entities/{entity_id}")
    assert client.get(f"/v1/entities/{entity_id}", headers={"If-None-Match": entity.headers["etag"]}).status_code == 304


def test_entity_etag_changes_when_a_new_article_mentions_it(client: TestClient) -> None:
    senate = post_text(client, story("senate.txt")).json()
    reuters = entity_named(senate, "Reuters")
    old = client.get(f"/v1/entities/{reuters['id']}").headers["etag"]
    post_text(client, story("followup.txt"))
    fresh = client.get(f"/v1/entities/{reuters['id']}", headers={"If-None-Match": old})
    assert fresh.status_code == 200
    assert fresh.json()["article_count"] == 2


def test_list_pages_carry_link_headers(client: TestClient) -> None:
    ingest_all(client)
    first = client.get("/v1/articles", params={"limit": 1})
    links = first.headers["link"]
    assert 'rel="next"' in links and 'rel="last"' in links and 'rel="prev"' not in links
    assert "offset=1" in links
    last = client.get("/v1/articles", params={"limit": 1, "offset": 2}).headers["link"]
    assert 'rel="prev"' in last and 'rel="next"' not in last


def test_exports_stream_every_matching_row_as_ndjson_and_csv(client: TestClient) -> None:
    arts = ingest_all(client)
    ndjson = client.get("/v1/export/articles", params={"agency": "Reuters"})
    assert ndjson.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in ndjson.text.splitlines()]
    assert sorted(r["id"] for r in rows) == sorted([arts["senate.txt"]["id"], arts["followup.txt"]["id"]])
    assert all(r["text"] == arts[name]["text"] for r in rows for name in arts if arts[name]["id"] == r["id"])
    quotes = client.get("/v1/export/quotes", params={"format": "csv", "speaker": "Dunmore"})
    assert quotes.headers["content-disposition"].endswith('quotes.csv"')
    table = list(csv.DictReader(io.StringIO(quotes.text)))
    listed = client.get("/v1/quotes", params={"speaker": "Dunmore", "limit": 100}).json()
    assert [int(r["id"]) for r in table] == ids(listed)
    entities = client.get("/v1/export/entities", params={"type": "PERSON"}).text.splitlines()
    assert len(entities) == client.get("/v1/entities", params={"type": "PERSON"}).json()["total"]
    assert_problem(client.get("/v1/export/quotes", params={"format": "xml"}), 422)
