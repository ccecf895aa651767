"""Helpers for API tests: fixture stories and counting what is stored."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def story(name: str) -> str:
    """A fixture story's text, byte for byte (CRLF kept)."""
    return (FIXTURES / name).read_bytes().decode("utf-8")


def post_text(client: TestClient, text: str, **params: str) -> object:
    """POST a text/plain article."""
    return client.post(
        "/v1/articles", content=text.encode("utf-8"), params=params, headers={"Content-Type": "text/plain"}
    )


def article_count(client: TestClient) -> int:
    """How many articles are stored."""
    response = client.get("/v1/articles", params={"limit": 1})
    assert response.status_code == 200
    return int(response.json()["total"])


def assert_problem(response: object, status: int) -> dict:
    """The response is an RFC 9457 problem with this status and a useful detail."""
    assert response.status_code == status, response.text  # type: ignore[attr-defined]
    assert response.headers["content-type"].startswith("application/problem+json")  # type: ignore[attr-defined]
    body = response.json()  # type: ignore[attr-defined]
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    assert "Traceback" not in response.text  # type: ignore[attr-defined]
    return body
