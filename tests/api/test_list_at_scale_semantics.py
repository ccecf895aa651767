"""List semantics the scale-minded query plans must keep: the same items in the same order and the same
totals, whichever way a filter is walked (newest-first probe or gathered and sorted), on every page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.services import queries
from tests.api.helpers import post_text, story

DATES = {"harbour.txt": "2024-05-14", "senate.txt": "2024-03-07", "followup.txt": "2024-03-11"}


def ingest(client: TestClient) -> list[dict]:
    """The fixture stories, each ingested with a publication date."""
    out = []
    for name, day in DATES.items():
        response = post_text(client, story(name), published_at=day)
        assert response.status_code == 201, response.text
        out.append(response.json())
    return out


def walk(
    client: TestClient, path: str, params: dict[str, str], limit: int, accept: str = "application/json"
) -> tuple[list[int], set[int]]:
    """Every item id of a list, page by page following next_offset, and the totals the pages gave."""
    seen: list[int] = []
    totals: set[int] = set()
    offset: int | None = 0
    while offset is not None:
        query = {**params, "limit": str(limit), "offset": str(offset)}
        page = client.get(path, params=query, headers={"Accept": accept}).json()
        seen += [item["id"] for item in page["items"]]
        totals.add(page["total"])
        offset = page["next_offset"]
    return seen, totals


@pytest.fixture(params=["probed newest first", "gathered and sorted"])
def article_walk(request: pytest.FixtureRequest) -> Iterator[None]:
    """Entity and speaker filters walked one way or the other, whatever the number of matches."""
    saved = queries.DENSE_AT
    queries.DENSE_AT = 1 if request.param == "probed newest first" else 10**9
    yield
    queries.DENSE_AT = saved


def newest_first(articles: list[dict]) -> list[int]:
    return [a["id"] for a in sorted(articles, key=lambda a: (a["published_at"], a["id"]), reverse=True)]


@pytest.mark.usefixtures("article_walk")
def test_entity_filter_lists_every_article_naming_it_newest_first_on_every_page(client: TestClient) -> None:
    articles = ingest(client)
    entity_ids = {e["id"] for a in articles for e in a["entities"]}
    assert len(entity_ids) > 5
    for entity_id in entity_ids:
        expected = newest_first([a for a in articles if entity_id in {e["id"] for e in a["entities"]}])
        for limit in (1, 2, 100):
            seen, totals = walk(client, "/v1/articles", {"entity": str(entity_id)}, limit)
            assert seen == expected, (entity_id, limit)
            assert totals == {len(expected)}


@pytest.mark.usefixtures("article_walk")
def test_entity_and_speaker_filters_combine_with_each_other_and_with_dates(client: TestClient) -> None:
    articles = ingest(client)
    brooks = next(e["id"] for a in articles for e in a["entities"] if e["name"] == "Alan Brooks")
    quoted = [(a["id"], q["speaker"]) for a in articles for q in a["quotes"]]
    spoken = {article_id for article_id, speaker in quoted if speaker and speaker["entity_id"] == brooks}
    assert spoken
    named = [a for a in articles if brooks in {e["id"] for e in a["entities"]}]
    both, totals = walk(client, "/v1/articles", {"entity": str(brooks), "speaker": "Brooks"}, 1)
    assert both == newest_first([a for a in named if a["id"] in spoken])
    assert totals == {len(both)}
    march, _ = walk(client, "/v1/articles", {"entity": str(brooks), "published_to": "2024-03-08"}, 1)
    assert march == newest_first([a for a in named if a["published_at"] <= "2024-03-08"])


def test_speaker_quotes_come_newest_article_first_in_text_order_on_every_page(client: TestClient) -> None:
    articles = ingest(client)
    everything = [q for a in articles for q in a["quotes"] if q["speaker"]]
    entities = {e["id"]: e for a in articles for e in a["entities"]}
    speaker_ids = {q["speaker"]["entity_id"] for q in everything} - {None}
    assert len(speaker_ids) >= 2

    def in_quote_order(ids: set[int], names: set[str]) -> list[int]:
        """The quotes by these entities or under these names, newest article first, in text order."""
        mine = [q for q in everything if q["speaker"]["entity_id"] in ids or q["speaker"]["name"] in names]
        return [q["id"] for q in sorted(mine, key=lambda q: (-q["article_id"], q["start"]))]

    for speaker_id in speaker_ids:
        name = client.get(f"/v1/entities/{speaker_id}").json()["name"]
        cases = {
            str(speaker_id): in_quote_order({speaker_id}, set()),
            name: in_quote_order({speaker_id}, {name}),
        }
        if entities[speaker_id]["type"] == "PERSON":  # a last name finds every person bearing it
            last = name.split()[-1]
            namesakes = {i for i, e in entities.items() if e["type"] == "PERSON" and e["name"].split()[-1] == last}
            cases[last.lower()] = in_quote_order(namesakes, {last})
        for ref, expected in cases.items():
            assert expected
            for limit in (1, 2, 100):
                seen, totals = walk(client, "/v1/quotes", {"speaker": ref}, limit)
                assert seen == expected, (ref, limit)
                assert totals == {len(expected)}
            for kind in ("direct", "indirect", "mixed"):
                typed = [i for i in expected if next(q for q in everything if q["id"] == i)["type"] == kind]
                assert walk(client, "/v1/quotes", {"speaker": ref, "type": kind}, 1)[0] == typed


def test_a_page_past_the_end_or_a_speaker_never_quoted_is_empty_with_the_true_total(client: TestClient) -> None:
    articles = ingest(client)
    silent = next(
        e for a in articles for e in a["entities"]
        if not any(q["speaker"] and q["speaker"]["entity_id"] == e["id"] for b in articles for q in b["quotes"])
    )  # fmt: skip
    page = client.get("/v1/quotes", params={"speaker": str(silent["id"])}).json()
    assert (page["items"], page["total"], page["next_offset"]) == ([], 0, None)
    named = client.get("/v1/articles", params={"entity": str(silent["id"]), "offset": "50"}).json()
    assert named["items"] == [] and named["total"] >= 1 and named["next_offset"] is None
    quotes = client.get("/v1/quotes", params={"offset": "500"}).json()
    assert quotes["items"] == [] and quotes["total"] == sum(len(a["quotes"]) for a in articles)


def test_text_search_ranks_the_newest_matches_best_first_then_lists_older_ones_newest_first(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = ingest(client)
    newest = newest_first(articles)
    monkeypatch.setattr(queries, "RANK_WINDOW", 10**6)
    best, totals = walk(client, "/v1/articles", {"q": "said"}, 100)
    assert sorted(best) == sorted(newest) and totals == {3}
    for window in (1, 2):
        monkeypatch.setattr(queries, "RANK_WINDOW", window)
        accept = f"application/json, */*;q=0.{window}"  # not a reply kept from another window
        expected = [i for i in best if i in newest[:window]] + newest[window:]
        for limit in (1, 2, 100):
            seen, totals = walk(client, "/v1/articles", {"q": "said"}, limit, accept)
            assert seen == expected, (window, limit)
            assert totals == {3}
        query = {"q": "said", "limit": "1", "offset": str(window)}
        page = client.get("/v1/articles", params=query, headers={"Accept": accept}).json()
        assert page["items"][0]["snippet"] and "<mark>" in page["items"][0]["snippet"]


def test_a_search_matching_much_of_a_large_archive_walks_the_newest_window_and_estimates_its_total(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = ingest(client)
    newest = newest_first(articles)
    best, _ = walk(client, "/v1/articles", {"q": "said"}, 100)
    # An archive "large" for the dense plan: every search is expected to match more than EXACT_UP_TO articles.
    monkeypatch.setattr(queries, "EXACT_UP_TO", 1)
    monkeypatch.setattr(queries, "SAMPLE_ROWS", 3)
    monkeypatch.setattr(queries, "archive_size", lambda _session: 3.0)
    for window in (1, 2):
        monkeypatch.setattr(queries, "RANK_WINDOW", window)
        monkeypatch.setattr(queries, "WALK_ROWS", 3)
        accept = f"application/json, */*;q=0.{window}"
        expected = [i for i in best if i in newest[:window]] + newest[window:]
        for limit in (1, 2, 100):
            seen, totals = walk(client, "/v1/articles", {"q": "said"}, limit, accept)
            assert seen == expected, (window, limit)
            assert all(total >= 1 for total in totals)
        page = client.get("/v1/articles", params={"q": "said"}, headers={"Accept": accept}).json()
        assert page["total"] == 3 and page["total_exact"] is False
    # A word in none of the newest articles is counted exactly.
    absent = client.get("/v1/articles", params={"q": "zeppelin"}).json()
    assert (absent["total"], absent["total_exact"], absent["items"]) == (0, True, [])
