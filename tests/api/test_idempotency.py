"""Idempotency-Key on POST /v1/articles: retries replay, reuse with another body is refused."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from app.deps import key_scope
from app.services.idempotency import fingerprint
from tests.api.helpers import article_count, assert_problem, story
from tests.conftest import API_KEY


def post(client: TestClient, body: dict, key: str) -> object:
    """POST JSON with an Idempotency-Key."""
    return client.post("/v1/articles", json=body, headers={"Idempotency-Key": key})


def test_a_retry_replays_the_first_reply(client: TestClient) -> None:
    body = {"text": story("harbour.txt")}
    first = post(client, body, "retry-1")
    retry = post(client, body, "retry-1")
    assert first.status_code == retry.status_code == 201
    assert retry.headers["location"] == first.headers["location"]
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.json() == first.json()
    assert article_count(client) == 1


def test_the_same_key_with_another_body_is_422(client: TestClient) -> None:
    post(client, {"text": story("harbour.txt")}, "reused")
    other = post(client, {"text": story("senate.txt")}, "reused")
    assert_problem(other, 422)
    assert article_count(client) == 1


def test_a_key_still_in_flight_is_409(client: TestClient, database_url: str) -> None:
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM idempotency_keys"))
    body = {"text": story("harbour.txt")}
    request_body = client.build_request("POST", "/v1/articles", json=body).content
    scope = key_scope(API_KEY)  # as another worker handling the same client would have claimed it
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO idempotency_keys (scope, key, fingerprint, state, created_at) "
                "VALUES (:s, 'busy', :f, 'in_flight', :t)"
            ),
            {"s": scope, "f": fingerprint("application/json", "", request_body), "t": dt.datetime.now(dt.UTC)},
        )
    engine.dispose()
    busy = post(client, body, "busy")
    assert_problem(busy, 409)
    assert busy.headers["retry-after"]
    assert article_count(client) == 0


def test_a_failed_request_frees_its_key(client: TestClient) -> None:
    assert_problem(post(client, {"text": "   "}, "fix-and-retry"), 400)
    fixed = post(client, {"text": story("harbour.txt")}, "fix-and-retry")
    assert fixed.status_code == 201


def test_malformed_idempotency_key_is_400(client: TestClient) -> None:
    assert_problem(post(client, {"text": story("harbour.txt")}, "x" * 300), 400)
    assert article_count(client) == 0
