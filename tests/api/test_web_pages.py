"""Web pages on POST /v1/articles: text/html bodies and the JSON `html` field; the story, not the page."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tests.api.helpers import article_count, assert_problem, story

PAGE_FURNITURE = ("cookie", "Subscribe", "Most read", "newsletter", "Copyright", "Privacy policy", "Sport")


def post_html(client: TestClient, html: str, content_type: str = "text/html; charset=utf-8", **params: str) -> object:
    """POST a web page as text/html."""
    return client.post(
        "/v1/articles", content=html.encode("utf-8"), params=params, headers={"Content-Type": content_type}
    )


def test_web_page_becomes_its_story_with_the_pages_metadata(client: TestClient, database_url: str) -> None:
    page = story("webpage.html")
    response = post_html(client, page)
    assert response.status_code == 201, response.text
    article = response.json()
    assert article["headline"] == "Valley farmers win water deal after drought talks"  # og:title, not <title>
    assert article["byline"] == "Helena Marsh"
    assert article["published_at"] == "2024-07-02T07:15:00+00:00"
    assert article["url"] == "https://courier.example/news/2024/07/02/valley-water-deal"
    assert article["body"].startswith("Farmers in the Arden valley will receive a fixed share")
    assert article["body"].endswith("check the flow for themselves.")
    assert len(article["body"].split("\n\n")) == 5
    for furniture in PAGE_FURNITURE:
        assert furniture not in article["text"], furniture
    assert "<" not in article["text"]
    # The extracted text goes through the same parser as plain text: quotes and speakers found in it.
    speakers = {q["speaker"]["name"] for q in article["quotes"] if q["speaker"]}
    assert "Tomas Wieland" in speakers
    for quote in article["quotes"]:
        assert article["text"][quote["start"] : quote["end"]] == quote["text"]
    engine = create_engine(database_url)
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT html FROM articles WHERE id = :id"), {"id": article["id"]}).scalar()
    engine.dispose()
    assert stored == page  # kept as sent, for re-extraction


def test_headline_falls_back_to_h1_not_the_title_with_the_site_name(client: TestClient) -> None:
    page = re.sub(r'<meta property="og:title"[^>]*>', "", story("webpage.html"))
    article = post_html(client, page).json()
    assert article["headline"] == "Valley farmers win water deal after drought talks"


def test_client_metadata_wins_over_the_pages_in_the_json_html_field(client: TestClient) -> None:
    body = {"html": story("webpage.html"), "published_at": "Wed, 03 Jul 2024 08:00:00 GMT", "source": "Courier"}
    response = client.post("/v1/articles", json={**body, "url": "https://mirror.example/water"})
    assert response.status_code == 201, response.text
    article = response.json()
    assert article["published_at"] == "2024-07-03T08:00:00+00:00"
    assert article["url"] == "https://mirror.example/water"
    assert article["source"] == "Courier"
    assert article["headline"] == "Valley farmers win water deal after drought talks"


def test_the_same_page_twice_is_one_article(client: TestClient) -> None:
    first = post_html(client, story("webpage.html"))
    second = client.post("/v1/articles", json={"html": story("webpage.html")})
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]


def test_page_without_charset_is_decoded_from_its_meta(client: TestClient) -> None:
    page = story("webpage.html").replace("2 July 2024", "2 juillet 2024 — été")
    response = client.post("/v1/articles", content=page.encode("utf-8"), headers={"Content-Type": "text/html"})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    "html",
    [
        "<<<>>> <html <body",
        "<html><head><title>Nothing here</title></head><body></body></html>",
        "<html><body>" + "<div>" * 5000 + "x" + "</div>" * 5000 + "</body></html>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>\x01\x02\x03</p></body></html>",
        "<html><body><script>var a = '<p>not a story</p>';</script></body></html>",
    ],
)
def test_malformed_or_empty_pages_are_422_never_500(client: TestClient, html: str) -> None:
    assert_problem(post_html(client, html), 422)
    assert_problem(client.post("/v1/articles", json={"html": html}), 422)
    assert article_count(client) == 0


def test_nul_in_the_html_field_is_400(client: TestClient) -> None:
    assert_problem(client.post("/v1/articles", json={"html": "<p>a\x00b</p>"}), 400)


def test_a_page_over_the_body_limit_is_413(client: TestClient) -> None:
    limit = client.app.state.settings.max_body_bytes  # type: ignore[attr-defined]
    page = story("webpage.html").replace("</body>", "<p>" + "padding " * (limit // 8) + "</p></body>")
    assert_problem(post_html(client, page), 413)
    assert article_count(client) == 0


@pytest.mark.parametrize("body", [{}, {"text": "Some text", "html": "<p>Some text</p>"}])
def test_json_needs_exactly_one_of_text_and_html(client: TestClient, body: dict[str, str]) -> None:
    assert_problem(client.post("/v1/articles", json=body), 422)
