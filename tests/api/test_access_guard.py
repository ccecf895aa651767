"""Access edges: unknown keys share their address's budget, keyless writes only from this machine,
cross-site browser writes refused, security headers on pages, and reads that need a key."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.api.helpers import article_count, assert_problem, story


def served(settings: Settings, client: tuple[str, int] = ("127.0.0.1", 50000)) -> Iterator[TestClient]:
    """An app with its own settings on the suite's database, called from a given client address."""
    with TestClient(create_app(settings), client=client) as test_client:
        yield test_client


def test_a_new_random_key_per_request_spends_its_address_budget(client: TestClient, settings: Settings) -> None:
    for limited in served(settings.model_copy(update={"rate_limit_per_minute": 3})):
        probe = limited.get("/healthz")
        assert probe.status_code == 200
        first = limited.get("/v1/articles", headers={"X-API-Key": uuid.uuid4().hex})
        left = int(first.headers["ratelimit-remaining"])
        # Let the requests fall inside one window, with room for a loaded machine's slow requests.
        if int(first.headers["ratelimit-reset"]) <= 10:
            time.sleep(int(first.headers["ratelimit-reset"]) + 0.2)
            left = 3
        replies = [limited.get("/v1/articles", headers={"X-API-Key": uuid.uuid4().hex}) for _ in range(left + 1)]
        assert [r.status_code for r in replies] == [200] * left + [429]
        assert limited.get("/v1/articles", headers={"X-API-Key": "test-key"}).status_code == 200  # its own budget


@pytest.mark.parametrize(
    ("address", "status"), [("203.0.113.9", 403), ("10.1.2.3", 403), ("127.0.0.1", 201), ("::1", 201)]
)
def test_without_keys_writes_are_accepted_only_from_this_machine(
    client: TestClient, settings: Settings, address: str, status: int
) -> None:
    # `uvicorn app.main:app --host 0.0.0.0` leaves HOST at its default: only the per-request check guards.
    open_settings = settings.model_copy(update={"api_keys": []})
    for keyless in served(open_settings, client=(address, 40000)):
        reply = keyless.post("/v1/articles", json={"text": story("harbour.txt")})
        assert reply.status_code == status, reply.text
        if status == 403:
            assert "API_KEYS" in assert_problem(reply, 403)["detail"]
            assert keyless.get("/v1/articles").status_code == 200  # reads stay open
    assert article_count(client) == (1 if status == 201 else 0)


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://elsewhere.example"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://other.testserver"},
        {"Origin": "https://elsewhere.example"},
        {"Origin": "null"},
    ],
    ids=["cross-site", "same-site", "foreign-origin", "opaque-origin"],
)
def test_cross_site_browser_writes_are_refused_even_with_a_key(client: TestClient, headers: dict[str, str]) -> None:
    reply = client.post("/v1/articles", content=story("harbour.txt"), headers={"Content-Type": "text/plain", **headers})
    assert "another site" in assert_problem(reply, 403)["detail"]
    assert article_count(client) == 0


def test_same_origin_and_listed_origins_may_write(client: TestClient, settings: Settings) -> None:
    same = {"Sec-Fetch-Site": "same-origin", "Origin": "http://testserver"}
    assert client.post("/v1/articles", json={"text": story("harbour.txt")}, headers=same).status_code == 201
    no_fetch_metadata = {"Origin": "http://testserver"}
    assert client.post("/v1/articles", json={"text": story("senate.txt")}, headers=no_fetch_metadata).status_code == 201
    listed = settings.model_copy(update={"cors_origins": ["https://dash.example"]})
    for opened in served(listed):
        headers = {"Sec-Fetch-Site": "cross-site", "Origin": "https://dash.example", "Authorization": "Bearer test-key"}
        assert opened.post("/v1/articles", json={"text": story("followup.txt")}, headers=headers).status_code == 201


def test_pages_send_a_strict_content_security_policy_and_the_other_security_headers(client: TestClient) -> None:
    for path in ("/", "/dashboard", "/articles/999999", "/static/dateline.js", "/v1/articles"):
        reply = client.get(path)
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert reply.headers["x-frame-options"] == "DENY"
        assert reply.headers["referrer-policy"] == "same-origin"
        policy = reply.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "unsafe-inline" not in policy and "http" not in policy  # no inline and no third-party code
    page = client.get("/").text
    assert "<script>" not in page and " style=" not in page and '<script src="http' not in page


def test_reads_can_require_a_key_and_kept_replies_are_not_served_without_one(
    client: TestClient, settings: Settings
) -> None:
    for guarded in served(settings.model_copy(update={"reads_need_key": True})):
        keyed = {"Authorization": "Bearer test-key"}
        assert guarded.get("/v1/articles", headers=keyed).status_code == 200  # now kept
        assert_problem(guarded.get("/v1/articles"), 401)
        assert_problem(guarded.get("/v1/articles", headers={"X-API-Key": "wrong"}), 403)
        assert_problem(guarded.get("/"), 401)
        assert guarded.get("/", headers=keyed).status_code == 200
        assert guarded.get("/healthz").status_code == 200
        assert guarded.get("/readyz").status_code == 200  # probes carry no key
        assert guarded.get("/openapi.json").status_code == 200
        assert_problem(guarded.get("/metrics"), 401)  # route counts and job states are reads too
        assert "dateline_jobs" in guarded.get("/metrics", headers=keyed).text


def test_reads_need_key_needs_keys() -> None:
    with pytest.raises(ValueError, match="READS_NEED_KEY"):
        Settings(reads_need_key=True, api_keys=[])
