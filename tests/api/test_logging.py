"""Logs: JSON lines with the request id, and neither article text nor keys in them."""

from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient

from app.logs import JsonFormatter, RequestIdFilter
from tests.api.helpers import assert_problem, post_text, story


def test_access_log_carries_request_id_and_no_text_or_key(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    text = story("harbour.txt")
    response = post_text(client, text, source="secret-source-name")
    rid = response.headers["x-request-id"]
    formatter = JsonFormatter()
    lines = []
    for record in caplog.records:
        if not record.name.startswith(("dateline", "uvicorn", "sqlalchemy", "alembic")):
            continue  # the test client's own log lines
        RequestIdFilter().filter(record)
        lines.append(formatter.format(record))
    access = [json.loads(line) for line in lines if '"dateline.access"' in line]
    assert any(entry["request_id"] == rid and entry["path"] == "/v1/articles" for entry in access)
    assert all(entry["status"] for entry in access)
    joined = "\n".join(lines)
    assert "Marieke Jansen said on Tuesday" not in joined
    assert "test-key" not in joined
    assert "secret-source-name" not in joined


def test_a_client_request_id_is_echoed_in_the_problem(client: TestClient) -> None:
    response = client.get("/v1/articles/424242", headers={"X-Request-ID": "trace-abc.123"})
    body = assert_problem(response, 404)
    assert response.headers["x-request-id"] == "trace-abc.123"
    assert body["request_id"] == "trace-abc.123"


def test_an_unsafe_request_id_is_replaced(client: TestClient) -> None:
    response = client.get("/v1/articles/424242", headers={"X-Request-ID": "bad id\twith spaces" * 10})
    assert response.headers["x-request-id"] != "bad id\twith spaces" * 10
    assert len(response.headers["x-request-id"]) == 32
