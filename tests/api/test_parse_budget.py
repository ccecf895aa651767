"""PARSE_TIMEOUT_S: a parse over its budget is a 503 and stores nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.api.helpers import article_count, assert_problem, post_text, story


def test_a_parse_over_its_time_budget_is_a_503_and_stores_nothing(settings: Settings, client: TestClient) -> None:
    hurried = settings.model_copy(update={"parse_timeout_s": 0.001, "reply_cache_mb": 0})
    with TestClient(create_app(hurried), headers={"Authorization": client.headers["Authorization"]}) as impatient:
        response = post_text(impatient, story("harbour.txt"))
        body = assert_problem(response, 503)
        assert "nothing was stored" in body["detail"]
        assert response.headers["retry-after"]
    assert article_count(client) == 0
    assert post_text(client, story("harbour.txt")).status_code == 201  # the default budget parses it
