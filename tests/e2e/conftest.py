"""Browser tests: a real uvicorn server on a free loopback port, driven by Playwright in Debian's Chromium.

Skipped, with the reason, when the playwright package or the chromium binary is missing, so the rest of
the suite runs anywhere; with E2E_REQUIRED=1 (CI) a missing browser fails instead. E2E_CHROMIUM names
another Chromium binary.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.stories import STORIES

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
API_KEY = "e2e-key"
CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
STARTUP_SECONDS = 90.0


@dataclass
class Site:
    """The running server: where it listens and the articles the tests ingested."""

    base_url: str
    article_ids: list[int] = field(default_factory=list)

    def get(self, path: str, **params: Any) -> Any:
        """GET a JSON API path."""
        response = httpx.get(self.base_url + path, params=params, timeout=30)
        response.raise_for_status()
        return response.json()

    def post(self, record: dict[str, str]) -> dict[str, Any]:
        """Ingest one story through the API."""
        response = httpx.post(
            self.base_url + "/v1/articles", json=record, headers={"Authorization": f"Bearer {API_KEY}"}, timeout=60
        )
        assert response.status_code in (200, 201), response.text
        body: dict[str, Any] = response.json()
        return body

    def entity_id(self, name: str) -> int:
        """The id of the entity with this canonical name."""
        items = self.get("/v1/entities", prefix=name, limit=10)["items"]
        matches = [e["id"] for e in items if e["name"] == name]
        assert matches, f"no entity named {name!r} among {items}"
        return int(matches[0])


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(process: subprocess.Popen[bytes], base_url: str, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}:\n{log_path.read_text()}")
        try:
            if httpx.get(base_url + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server was not healthy after {STARTUP_SECONDS}s:\n{log_path.read_text()}")


def _missing(reason: str) -> None:
    """Skip the browser tests, or fail them where they must run (E2E_REQUIRED=1, as CI sets)."""
    if os.environ.get("E2E_REQUIRED", "").strip() not in ("", "0"):
        pytest.fail(f"E2E_REQUIRED is set but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright_api() -> Iterator[Any]:
    """Playwright's sync API, or a skip saying what to install."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("browser tests need the playwright package: pip install playwright (no browser download)")
    if shutil.which(CHROMIUM) is None:
        _missing(f"browser tests need Chromium at {CHROMIUM}: apt-get install -y chromium (or set E2E_CHROMIUM)")
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_api: Any) -> Iterator[Any]:
    """Headless Chromium from the system package (Playwright's own browser download is never used)."""
    browser = playwright_api.chromium.launch(executable_path=shutil.which(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@contextmanager
def served_site(workdir: Path, **settings: str) -> Iterator[Site]:
    """`python -m uvicorn app.main:app` on a fresh SQLite file in workdir, with these settings; stopped after."""
    log_path = workdir / "server.log"
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "API_KEYS", "TEST_DATABASE_URL")}
    env.update(DATABASE_URL=f"sqlite:///{workdir / 'e2e.db'}", LOG_LEVEL="WARNING", PYTHONUNBUFFERED="1", **settings)
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port)]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        site = Site(f"http://127.0.0.1:{port}")
        _wait_healthy(process, site.base_url, log_path)
        yield site
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="session")
def site(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The app served on a fresh SQLite file, writes behind a key, with the invented stories ingested."""
    with served_site(tmp_path_factory.mktemp("e2e"), API_KEYS=API_KEY) as site:
        site.article_ids = [int(site.post(record)["id"]) for record in STORIES]
        yield site


@pytest.fixture
def page(browser: Any, site: Site) -> Iterator[Any]:
    """A fresh browser tab on the site; fails the test if the page's scripts throw."""
    context = browser.new_context(base_url=site.base_url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors, f"script errors on the page: {errors}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
