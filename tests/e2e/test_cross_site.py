"""A real browser against the guards: another site's page cannot write (no-cors, keys or not), and the
pages' Content-Security-Policy blocks inline script."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import ROOT, Site, _free_port, _wait_healthy

ATTACKER = "http://attacker.test"


@pytest.fixture(scope="module")
def keyless_site(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """uvicorn with no API keys at all (the default), on a fresh SQLite file."""
    workdir = tmp_path_factory.mktemp("e2e-keyless")
    log_path = workdir / "server.log"
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "API_KEYS", "TEST_DATABASE_URL")}
    env.update(DATABASE_URL=f"sqlite:///{workdir / 'e2e.db'}", LOG_LEVEL="WARNING", PYTHONUNBUFFERED="1")
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


def stored(site: Site) -> int:
    return int(httpx.get(site.base_url + "/v1/articles", params={"limit": 1}, timeout=30).json()["total"])


def test_another_sites_page_cannot_post_an_article_with_no_cors(browser: Any, keyless_site: Site) -> None:
    context = browser.new_context()
    html = f"""<!doctype html><html><body><script>
      fetch("{keyless_site.base_url}/v1/articles", {{method: "POST", mode: "no-cors",
        headers: {{"Content-Type": "text/plain"}},
        body: "Mayor resigns\\n\\nThe mayor resigned on Monday, aides said."}})
        .then(() => {{ document.title = "sent"; }}, () => {{ document.title = "failed"; }});
    </script></body></html>"""
    context.route(f"{ATTACKER}/**", lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    page = context.new_page()
    page.goto(f"{ATTACKER}/page.html")
    page.wait_for_function("document.title !== ''", timeout=30_000)
    context.close()
    # The same write from this machine, outside a browser, is accepted: only the cross-site one was refused.
    assert stored(keyless_site) == 0
    own = httpx.post(
        keyless_site.base_url + "/v1/articles", content=b"Mayor resigns\n\nThe mayor resigned on Monday, aides said.",
        headers={"Content-Type": "text/plain"}, timeout=60,
    )  # fmt: skip
    assert own.status_code == 201
    assert stored(keyless_site) == 1


def test_the_pages_policy_blocks_inline_script(page: Any, site: Site, tmp_path: Path) -> None:
    page.goto("/")
    violated = page.evaluate(
        """() => new Promise(resolve => {
            document.addEventListener("securitypolicyviolation", e => resolve(e.effectiveDirective));
            const inline = document.createElement("script");
            inline.textContent = "window.injected = true";
            document.body.append(inline);
            setTimeout(() => resolve("none"), 3000);
        })"""
    )
    assert violated.startswith("script-src")
    assert page.evaluate("window.injected === undefined")
    assert page.locator("#paste-form").count() == 1  # the app's own script still runs the page
