"""Behind a reverse proxy: PUBLIC_BASE_URL names the public scheme and host in Location, Link headers and
ids; `dateline serve` believes X-Forwarded-For only from FORWARDED_ALLOW_IPS, so rate limits see the real
client."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import post_text, story
from tests.robustness.server import CLEARED, ROOT, free_port

PUBLIC = "https://news.example/api"


@pytest.fixture
def public(client: TestClient) -> Iterator[TestClient]:
    settings = client.app.state.settings  # type: ignore[attr-defined]
    settings.public_base_url = PUBLIC
    try:
        yield client
    finally:
        settings.public_base_url = None


def test_public_base_url_is_used_for_location_links_and_ids(public: TestClient) -> None:
    created = post_text(public, story("harbour.txt"))
    assert created.status_code == 201
    article_id = created.json()["id"]
    assert created.headers["location"] == f"{PUBLIC}/v1/articles/{article_id}"
    post_text(public, story("senate.txt"))
    links = public.get("/v1/articles", params={"limit": 1}).headers["link"]
    assert all(part.strip().startswith(f"<{PUBLIC}/v1/articles?") for part in links.split(","))
    ninjs = public.get(f"/v1/articles/{article_id}", params={"format": "ninjs"}).json()
    assert ninjs["uri"] == f"{PUBLIC}/v1/articles/{article_id}"
    assert ninjs["$schema"] == f"{PUBLIC}/v1/schemas/ninjs"
    assert all(p["uri"].startswith(f"{PUBLIC}/v1/entities/") for p in ninjs["people"])
    ld = public.get(f"/v1/articles/{article_id}", params={"format": "jsonld"}).json()
    assert ld["@id"] == f"{PUBLIC}/v1/articles/{article_id}"


def serve(tmp_path: Path, trusted: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'proxy.db'}",
        RATE_LIMIT_PER_MINUTE="2",
        FORWARDED_ALLOW_IPS=trusted,
        REPLY_CACHE_MB="0",
        LOG_LEVEL="WARNING",
    )
    with (tmp_path / f"serve-{port}.log").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        assert process.poll() is None
        try:
            httpx.get(f"{base}/healthz", timeout=2)
            return process, base
        except httpx.HTTPError:
            time.sleep(0.3)
    raise AssertionError("dateline serve did not start")


def statuses(base: str, client_ip: str, n: int) -> list[int]:
    headers = {"X-Forwarded-For": client_ip}
    return [httpx.get(f"{base}/v1/entities", headers=headers, timeout=10).status_code for _ in range(n)]


@pytest.mark.parametrize(("trusted", "separate"), [("127.0.0.1", True), ("10.9.9.9", False)])
def test_rate_limits_count_the_forwarded_client_only_from_trusted_proxies(
    tmp_path: Path, trusted: str, separate: bool
) -> None:
    process, base = serve(tmp_path, trusted)
    try:
        while time.time() % 60 > 50:  # the limiter counts per clock minute: keep the requests in one
            time.sleep(1)
        assert statuses(base, "203.0.113.5", 3) == [200, 200, 429]
        other = statuses(base, "203.0.113.6", 1)
        assert other == ([200] if separate else [429])  # an untrusted proxy's header is ignored: one budget
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
