"""Inputs on the edges of what the stores hold: each answered the same way by SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import random

import pytest
from fastapi.testclient import TestClient

from app.services.ingest import MAX_NAME, MAX_PLACE, Ingestor, Submission, content_hash, validate_text
from tests.api.helpers import article_count, assert_problem, post_text, story


@pytest.mark.parametrize("charset", ["undefined", "idna", "punycode", "rot13", "base64", "no-such-charset", "utf-9"])
def test_a_charset_that_is_not_a_text_encoding_is_a_400(client: TestClient, charset: str) -> None:
    response = client.post(
        "/v1/articles",
        content=story("harbour.txt").encode("utf-8"),
        headers={"Content-Type": f"text/plain; charset={charset}"},
    )
    assert "not a text encoding" in assert_problem(response, 400)["detail"]
    assert article_count(client) == 0


def test_a_body_that_its_charset_cannot_decode_is_a_400(client: TestClient) -> None:
    body = "Harbour reopens after the storm".encode("utf-16-le") + b"\x00\xd8"  # a lone surrogate at the end
    response = client.post("/v1/articles", content=body, headers={"Content-Type": "text/plain; charset=utf-16-le"})
    assert_problem(response, 400)


def test_a_text_in_a_declared_legacy_charset_is_decoded(client: TestClient) -> None:
    text = "Café owners in Zürich said the rent rise was unfair.\n"
    response = client.post(
        "/v1/articles", content=text.encode("cp1252"), headers={"Content-Type": "text/plain; charset=windows-1252"}
    )
    assert response.status_code == 201, response.text
    assert response.json()["text"] == text


@pytest.mark.parametrize(
    "text",
    ["\ufeff", "\u200b\u200b\u200b", "\u00ad\u200d", ".", "...\n!!!\n", "\ufeff \u200b\n\u2060", "«»—“”"],
    ids=["bom", "zero-width-spaces", "soft-hyphen-joiner", "full-stop", "punctuation-lines", "mixed", "quotes"],
)
def test_a_text_that_only_looks_empty_is_a_400(client: TestClient, text: str) -> None:
    assert_problem(post_text(client, text), 400)
    assert_problem(client.post("/v1/articles", json={"text": text}), 400)
    assert article_count(client) == 0


def test_a_source_longer_than_the_agency_column_is_stored_and_found_by_its_agency(client: TestClient) -> None:
    source = "The Very Long Name of a Regional Cooperative Newswire " * 3  # 162 characters
    text = "Library extends its hours\n\nThe city library will open on Sundays from May, its director said.\n"
    response = post_text(client, text, source=source.strip())
    assert response.status_code == 201, response.text
    found = client.get("/v1/articles", params={"agency": source.strip()}).json()
    assert [a["id"] for a in found["items"]] == [response.json()["id"]]


def test_names_places_and_cues_too_long_for_their_columns_are_left_out_not_a_server_error(
    served: TestClient, client: TestClient
) -> None:
    ingestor: Ingestor = served.app.state.ingestor  # type: ignore[attr-defined]
    text = validate_text(story("harbour.txt"), 100_000)
    analysis = ingestor.analyze(text, None)
    long_name = "Marieke " + "Van Der Berg " * 40
    person = next(e for e in analysis.entities if e.type == "PERSON")
    entities = tuple(
        dataclasses.replace(e, name=long_name, key="person:" + long_name.lower()) if e is person else e
        for e in analysis.entities
    )
    quotes = tuple(
        dataclasses.replace(q, cue="said" * 40, speaker=dataclasses.replace(q.speaker, name=long_name))
        if q.speaker is not None
        else q
        for q in analysis.quotes
    )
    assert analysis.structure.dateline is not None
    dateline = dataclasses.replace(analysis.structure.dateline, place="Rotterdam" * 30)
    wide = dataclasses.replace(
        analysis,
        entities=entities,
        quotes=quotes,
        structure=dataclasses.replace(analysis.structure, dateline=dateline),
    )
    assert len(long_name) > MAX_NAME and len(dateline.place or "") > MAX_PLACE
    result = ingestor.store(wide, Submission(text), content_hash(text))
    article = client.get(f"/v1/articles/{result.article_id}").json()
    assert article["dateline"]["place"] is None
    assert long_name not in {e["name"] for e in client.get(f"/v1/articles/{result.article_id}/entities").json()}
    assert len(article["entities"]) == len(analysis.entities) - 1
    assert len(article["quotes"]) == len(analysis.quotes) > 0
    assert all(q["cue"] is None and q["cue_start"] is None and q["speaker"] is None for q in article["quotes"])


def test_a_text_whose_search_vector_passes_a_megabyte_is_stored_and_found_by_its_first_words(
    client: TestClient,
) -> None:
    # 1,400 distinct "words" of 400 two-byte letters: over PostgreSQL's 1 MB tsvector limit as a whole.
    rng = random.Random(13)
    greek = "αβγδεζηθικλμνξοπρστυφχψω"
    words = ["".join(rng.choice(greek) for _ in range(400)) for _ in range(1400)]
    text = "Greek letters\n\n" + " ".join(words) + "\n"
    response = post_text(client, text)
    assert response.status_code == 201, response.text
    found = client.get("/v1/articles", params={"q": words[0]}).json()
    assert [a["id"] for a in found["items"]] == [response.json()["id"]]
