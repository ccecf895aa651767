"""ninjs replies validate against IPTC's ninjs 2.1 schema through the extension schema the app serves;
JSON-LD uses schema.org types and properties where schema.org allows them."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.helpers import post_text, story
from tests.standards import assert_valid_ninjs, assert_valid_schemaorg


def extension_of(client: TestClient, doc: dict[str, Any]) -> dict[str, Any]:
    """The schema a ninjs document names, fetched from the app."""
    assert doc["$schema"].startswith("http://testserver/")
    reply = client.get(doc["$schema"].removeprefix("http://testserver"))
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("application/schema+json")
    return dict(reply.json())


def test_ninjs_of_every_fixture_validates_against_ninjs_2_1_and_the_extension(client: TestClient) -> None:
    for name, published in (("harbour.txt", "2024-05-14"), ("senate.txt", "2024-03-02T10:15:00+01:00")):
        article = post_text(client, story(name), published_at=published, url="https://news.example/a b").json()
        doc = client.get(f"/v1/articles/{article['id']}", params={"format": "ninjs"}).json()
        assert_valid_ninjs(doc, extension_of(client, doc))
        assert len(doc["dateline:quotes"]) == len(article["quotes"])
        assert doc["dateline:published_at"] == article["published_at"]
        assert doc["uri"] == f"http://testserver/v1/articles/{article['id']}"  # the object's id, never its URL


def test_ninjs_with_an_extra_property_fails_validation(client: TestClient) -> None:
    article = post_text(client, story("harbour.txt")).json()
    doc = client.get(f"/v1/articles/{article['id']}", headers={"Accept": "application/ninjs+json"}).json()
    extension = extension_of(client, doc)
    doc["dateline:unknown"] = 1
    try:
        assert_valid_ninjs(doc, extension)
    except AssertionError as exc:
        assert "dateline:unknown" in str(exc)
    else:
        raise AssertionError("an undeclared property passed validation")


def test_json_ld_uses_schema_org_types_and_properties(client: TestClient) -> None:
    for name in ("harbour.txt", "senate.txt", "followup.txt"):
        article = post_text(client, story(name), published_at="2024-05-14").json()
        ld = client.get(f"/v1/articles/{article['id']}", params={"format": "jsonld"}).json()
        assert ld["@context"] == "https://schema.org"
        assert_valid_schemaorg(ld, ["NewsArticle"])
