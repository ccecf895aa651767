"""POST /v1/articles: ingest through HTTP, duplicates, and every kind of bad input."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import article_count, assert_problem, post_text, story


def test_text_plain_ingest_returns_201_location_and_structured_article(client: TestClient) -> None:
    text = story("harbour.txt")
    response = post_text(client, text, published_at="2024-05-14")
    assert response.status_code == 201
    article = response.json()
    assert response.headers["location"] == f"/v1/articles/{article['id']}"
    assert article["text"] == text
    assert article["headline"] == "Port workers end strike after pay deal — union"
    assert article["standfirst"].startswith("The agreement ends a nine-day stoppage")
    assert article["dateline"] == {"place": "Rotterdam", "date_text": "May 14", "date": "2024-05-14", "agency": "TASS"}
    assert article["body"].startswith("Dutch union leader Marieke Jansen said")
    assert article["subheadings"] == ["Shipping lines"]
    assert article["published_at"] == "2024-05-14"
    assert article["language"] == "en"


def test_json_ingest_keeps_metadata(client: TestClient) -> None:
    body = {
        "text": story("senate.txt"),
        "published_at": "2024-03-07T18:30:00+01:00",
        "url": "https://example.com/senate-water",
        "source": "Example Wire",
    }
    response = client.post("/v1/articles", json=body)
    assert response.status_code == 201
    article = response.json()
    assert article["url"] == body["url"]
    assert article["source"] == "Example Wire"
    assert article["published_at"].startswith("2024-03-07T17:30:00")
    assert article["dateline"]["place"] == "Washington"
    assert article["dateline"]["agency"] == "Reuters"


def test_same_text_again_returns_200_and_the_stored_article(client: TestClient) -> None:
    text = story("harbour.txt")
    first = post_text(client, text)
    second = client.post("/v1/articles", json={"text": text})
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["id"] == first.json()["id"]
    assert "location" not in second.headers
    assert article_count(client) == 1


def test_crlf_line_endings_are_folded_and_count_as_the_same_text(client: TestClient) -> None:
    crlf = story("storm_crlf.txt")
    assert "\r\n" in crlf
    first = post_text(client, crlf)
    assert first.status_code == 201
    assert first.json()["text"] == crlf.replace("\r\n", "\n")
    again = post_text(client, crlf.replace("\r\n", "\n"))
    assert again.status_code == 200
    assert again.json()["id"] == first.json()["id"]


def test_every_span_slices_the_stored_text(client: TestClient) -> None:
    article = post_text(client, story("harbour.txt")).json()
    text = article["text"]
    assert article["quotes"], "the story has quotes"
    for quote in article["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
        speaker = quote["speaker"]
        if speaker and speaker["start"] is not None:
            assert text[speaker["start"] : speaker["end"]] == speaker["mention"]
    for entity in article["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_sub_resources_match_the_embedded_lists(client: TestClient) -> None:
    article = post_text(client, story("harbour.txt")).json()
    quotes = client.get(f"/v1/articles/{article['id']}/quotes").json()
    entities = client.get(f"/v1/articles/{article['id']}/entities").json()
    assert quotes == article["quotes"]
    assert entities == article["entities"]
    assert client.get(f"/v1/articles/{article['id']}").json() == article


@pytest.mark.parametrize(
    ("content", "content_type", "status"),
    [
        (b"", "text/plain", 400),
        (b"   \n\t  \n", "text/plain", 400),
        (b"caf\xe9 au lait\xff\xfe", "text/plain", 400),
        (b"Headline\n\nA story with a \x00 NUL byte in it.", "text/plain", 400),
        (bytes(range(256)) * 20, "text/plain", 400),
        (b'{"text": ', "application/json", 400),
        (b'{"title": "no text field"}', "application/json", 422),
        (b'{"text": 42}', "application/json", 422),
        (b'["text"]', "application/json", 422),
        (b'{"text": "\\u0000 hidden NUL"}', "application/json", 400),
        (b'{"text": "lone \\ud800 surrogate"}', "application/json", 400),
        (b'{"text": "fine", "published_at": "last Tuesday"}', "application/json", 422),
        (b'{"text": "fine", "unknown": 1}', "application/json", 422),
        (b"<text>Some text</text>", "application/xml", 415),
        (b"Some text", "", 415),
    ],
)
def test_bad_input_is_a_problem_and_stores_nothing(
    client: TestClient, content: bytes, content_type: str, status: int
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    if not content_type:
        headers["Content-Type"] = ""
    response = client.post("/v1/articles", content=content, headers=headers)
    assert_problem(response, status)
    assert article_count(client) == 0


def test_body_over_the_limit_is_413(client: TestClient) -> None:
    huge = ("All work and no play makes a dull wire story. " * 450_000).encode()
    assert len(huge) > 20_000_000
    response = client.post("/v1/articles", content=huge, headers={"Content-Type": "text/plain"})
    assert_problem(response, 413)
    assert article_count(client) == 0


def test_text_over_the_character_limit_is_413(client: TestClient) -> None:
    text = "Word " * 210_000  # 1.05 M characters, under the byte limit
    response = client.post("/v1/articles", json={"text": text})
    assert_problem(response, 413)
    assert article_count(client) == 0


def test_bad_published_at_query_parameter_is_422(client: TestClient) -> None:
    response = post_text(client, story("harbour.txt"), published_at="28/03/2019")
    assert_problem(response, 422)
    assert article_count(client) == 0


def test_write_without_key_is_401_and_with_wrong_key_is_403(anonymous: TestClient) -> None:
    text = story("harbour.txt")
    missing = post_text(anonymous, text)
    assert_problem(missing, 401)
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = anonymous.post("/v1/articles", json={"text": text}, headers={"Authorization": "Bearer nope"})
    assert_problem(wrong, 403)
    assert article_count(anonymous) == 0


def test_x_api_key_header_is_accepted(anonymous: TestClient) -> None:
    response = anonymous.post("/v1/articles", json={"text": story("harbour.txt")}, headers={"X-API-Key": "test-key"})
    assert response.status_code == 201


def test_reads_need_no_key(anonymous: TestClient) -> None:
    assert anonymous.get("/v1/articles").status_code == 200
    assert anonymous.get("/v1/entities").status_code == 200
