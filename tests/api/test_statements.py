"""Statements: the same quote in different articles (same speaker, same or nearly the same words) is one."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem, post_text, story

QUOTE = "We are making good progress towards our inflation target, but we are not yet sufficiently confident,"


def lindqvist_quotes(article: dict) -> list[dict]:
    """The article's direct quotes by the bank's president."""
    return [
        q
        for q in article["quotes"]
        if q["type"] == "direct" and q["speaker"] and q["speaker"]["name"] == "Helga Lindqvist"
    ]


def ingest_versions(client: TestClient) -> tuple[dict, dict]:
    """The re-lede arrives first but was published later: the first version is the first seen."""
    relede = post_text(client, story("wire_v2.txt"), published_at="2024-03-14T14:10:00Z", source="Morning Star")
    first = post_text(client, story("wire_v1.txt"), published_at="2024-03-14T12:45:00Z", source="Daily Planet")
    return first.json(), relede.json()


def test_the_same_quote_in_two_versions_is_one_statement(client: TestClient) -> None:
    first, relede = ingest_versions(client)
    (mine,), (theirs,) = lindqvist_quotes(first), lindqvist_quotes(relede)
    assert mine["text"] == theirs["text"] == QUOTE
    assert mine["statement_id"] is not None and mine["statement_id"] == theirs["statement_id"]
    listed = client.get("/v1/statements", params={"speaker": "Lindqvist"}).json()
    statement = listed["items"][0]  # the most widely carried first: the re-lede's own lines are carried once
    assert [s["article_count"] for s in listed["items"]] == [2] + [1] * (listed["total"] - 1)
    assert statement["id"] == mine["statement_id"]
    assert statement["text"] == QUOTE
    assert statement["speaker"]["name"] == "Helga Lindqvist"
    assert (statement["article_count"], statement["outlet_count"]) == (2, 2)
    assert statement["first_article_id"] == first["id"]
    assert statement["first_seen_at"] == "2024-03-14T12:45:00Z"


def test_a_statement_shows_every_appearance_first_seen_first(client: TestClient) -> None:
    first, relede = ingest_versions(client)
    statement_id = lindqvist_quotes(first)[0]["statement_id"]
    detail = client.get(f"/v1/statements/{statement_id}")
    assert detail.status_code == 200, detail.text
    appearances = detail.json()["appearances"]
    assert [a["article"]["id"] for a in appearances] == [first["id"], relede["id"]]
    assert [a["outlet"] for a in appearances] == ["Daily Planet", "Morning Star"]
    for appearance, article in zip(appearances, (first, relede), strict=True):
        quote = appearance["quote"]
        assert article["text"][quote["start"] : quote["end"]] == QUOTE
    assert_problem(client.get("/v1/statements/999999"), 404)


def test_nearly_the_same_words_join_and_other_words_or_speakers_do_not(client: TestClient) -> None:
    first, _ = ingest_versions(client)
    statement_id = lindqvist_quotes(first)[0]["statement_id"]
    near = (
        "Bank chief cautious on cuts\n\n"
        "BERLIN, March 14 (Example Wire) - The central bank left rates on hold on Thursday.\n\n"
        '"We are making good progress toward our inflation target, but we are not yet sufficiently confident," '
        "Helga Lindqvist said.\n\n"
        '"The data in the spring will decide when we move," Lindqvist said.\n'
    )
    article = post_text(client, near, source="Example Wire").json()
    by_words = {q["text"]: q["statement_id"] for q in lindqvist_quotes(article)}
    assert len(by_words) == 2
    assert by_words[QUOTE.replace("towards", "toward")] == statement_id
    assert by_words["The data in the spring will decide when we move,"] not in (None, statement_id)
    carried = client.get(f"/v1/statements/{statement_id}").json()
    assert (carried["article_count"], carried["outlet_count"]) == (3, 3)
    listed = client.get("/v1/statements", params={"speaker": "Helga Lindqvist"}).json()
    assert [s["article_count"] for s in listed["items"]][:2] == [3, 1]  # the most widely carried first


def test_statements_are_searched_by_words_and_speaker(client: TestClient) -> None:
    ingest_versions(client)
    post_text(client, story("wire_other.txt"))
    found = client.get("/v1/statements", params={"q": "sufficiently confident"}).json()["items"]
    assert [s["speaker"]["name"] for s in found] == ["Helga Lindqvist"]
    sidelines = client.get("/v1/statements", params={"q": "sidelines"}).json()["items"]
    assert [s["speaker"]["name"] for s in sidelines] == ["Marco Bellini"]
    assert client.get("/v1/statements", params={"q": "sidelines", "speaker": "Lindqvist"}).json()["total"] == 0
    assert client.get("/v1/statements", params={"q": "!!!"}).json()["total"] == 0


def test_deleting_an_article_takes_it_out_of_its_statements(client: TestClient) -> None:
    first, relede = ingest_versions(client)
    statement_id = lindqvist_quotes(first)[0]["statement_id"]
    assert client.delete(f"/v1/articles/{relede['id']}").status_code == 204
    carried = client.get(f"/v1/statements/{statement_id}").json()
    assert (carried["article_count"], [a["article"]["id"] for a in carried["appearances"]]) == (1, [first["id"]])
    assert client.delete(f"/v1/articles/{first['id']}").status_code == 204
    assert_problem(client.get(f"/v1/statements/{statement_id}"), 404)
    assert client.get("/v1/statements").json()["total"] == 0
