"""Access: hashed API keys, rate limits per key (in memory and shared through Redis), CORS, docs switch."""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from app.services.ratelimit import RateLimiter
from tests.api.helpers import assert_problem, story

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def served(settings: Settings) -> Iterator[TestClient]:
    """An app with its own settings, on the suite's database."""
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def hashed_keys_app(client: TestClient, settings: Settings) -> Iterator[TestClient]:
    digest = hashlib.sha256(b"s3cret-key").hexdigest()
    yield from served(settings.model_copy(update={"api_keys": [], "api_key_hashes": [digest]}))


def test_keys_configured_as_hashes_are_accepted(hashed_keys_app: TestClient) -> None:
    good = hashed_keys_app.post(
        "/v1/articles", json={"text": story("harbour.txt")}, headers={"X-API-Key": "s3cret-key"}
    )
    assert good.status_code == 201
    bad = hashed_keys_app.post("/v1/articles", json={"text": story("senate.txt")}, headers={"X-API-Key": "s3cret-kez"})
    assert_problem(bad, 403)


def test_hash_setting_must_be_a_sha256_digest() -> None:
    with pytest.raises(ValueError, match="sha256"):
        Settings(api_key_hashes="md5:abc")  # type: ignore[arg-type]
    assert Settings(api_key_hashes=f"sha256:{'A' * 64}").api_key_hashes == ["a" * 64]  # type: ignore[arg-type]


@pytest.fixture
def limited_app(client: TestClient, settings: Settings) -> Iterator[TestClient]:
    yield from served(settings.model_copy(update={"rate_limit_per_minute": 3}))


def test_rate_limit_answers_429_with_retry_after(limited_app: TestClient) -> None:
    probe = limited_app.get("/v1/articles", headers={"X-API-Key": uuid.uuid4().hex})
    if int(probe.headers["ratelimit-reset"]) <= 3:  # let four requests fall inside one window
        time.sleep(int(probe.headers["ratelimit-reset"]) + 0.2)
    headers = {"X-API-Key": "test-key"}
    replies = [limited_app.get("/v1/articles", headers=headers) for _ in range(4)]
    assert [r.status_code for r in replies] == [200, 200, 200, 429]
    assert replies[0].headers["ratelimit-remaining"] == "2"
    body = assert_problem(replies[3], 429)
    assert 1 <= int(replies[3].headers["retry-after"]) <= 60
    assert "rate limit" in body["detail"].lower()
    other_client = limited_app.get("/v1/articles", headers={"X-API-Key": "someone-else"})
    assert other_client.status_code == 200  # budgets are per key
    assert limited_app.get("/healthz").status_code == 200  # health checks are never limited


@pytest.fixture
def limited_without_redis(client: TestClient, settings: Settings) -> Iterator[TestClient]:
    yield from served(settings.model_copy(update={"rate_limit_per_minute": 1, "redis_url": "redis://127.0.0.1:1/0"}))


def test_requests_are_served_when_the_rate_limit_store_is_down(limited_without_redis: TestClient) -> None:
    replies = [limited_without_redis.get("/v1/articles") for _ in range(3)]
    assert [r.status_code for r in replies] == [200, 200, 200]
    assert "ratelimit-remaining" not in replies[0].headers  # nothing was counted


def test_refuses_to_listen_beyond_loopback_without_keys() -> None:
    with pytest.raises(ValueError, match="API_KEYS"):
        Settings(host="0.0.0.0", api_keys=[]).check_exposure()
    Settings(host="0.0.0.0", api_keys=["k"]).check_exposure()
    Settings(host="127.0.0.1").check_exposure()
    Settings(host="::1").check_exposure()


def test_cors_is_closed_unless_configured(client: TestClient, settings: Settings) -> None:
    preflight = {"Origin": "https://dash.example", "Access-Control-Request-Method": "GET"}
    closed = client.options("/v1/articles", headers=preflight)
    assert "access-control-allow-origin" not in closed.headers
    for opened in served(settings.model_copy(update={"cors_origins": ["https://dash.example"]})):
        reply = opened.options("/v1/articles", headers=preflight)
        assert reply.headers["access-control-allow-origin"] == "https://dash.example"


def test_docs_can_be_switched_off(client: TestClient, settings: Settings) -> None:
    assert client.get("/openapi.json").status_code == 200
    for quiet in served(settings.model_copy(update={"docs_enabled": False})):
        assert quiet.get("/docs").status_code == 404
        assert quiet.get("/openapi.json").status_code == 404


def redis_available() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
        return True
    except Exception:
        return False


@pytest.mark.skipif(not redis_available(), reason="no Redis at TEST_REDIS_URL")
def test_redis_limits_are_shared_between_limiters() -> None:
    """Two limiters stand for two workers: through Redis they spend one budget."""
    client_id = f"key:{uuid.uuid4().hex}"
    first, second = RateLimiter(3, 60, REDIS_URL), RateLimiter(3, 60, REDIS_URL)
    verdicts = [first.check(client_id, 1000.0), second.check(client_id, 1000.0), first.check(client_id, 1001.0)]
    assert [v.allowed for v in verdicts] == [True, True, True]
    blocked = second.check(client_id, 1002.0)
    assert not blocked.allowed
    assert blocked.reset_after == 18
    assert second.check(client_id, 1021.0).allowed  # a new window


def test_memory_limits_are_per_process() -> None:
    first, second = RateLimiter(1, 60), RateLimiter(1, 60)
    assert first.check("c", 10.0).allowed and second.check("c", 10.0).allowed
    assert not first.check("c", 11.0).allowed


def test_the_reset_a_limited_client_is_told_to_wait_ends_its_window() -> None:
    limiter = RateLimiter(1, 60)
    assert limiter.check("key:reset", 1000.0).allowed
    blocked = limiter.check("key:reset", 1002.5)  # the window ends at 1020
    assert (blocked.allowed, blocked.reset_after) == (False, 18)
    assert limiter.check("key:reset", 1002.5 + blocked.reset_after).allowed
