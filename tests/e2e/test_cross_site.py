"""A real browser against the guards: another site's page cannot write (no-cors, keys or not), and the
pages' Content-Security-Policy blocks inline script."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import Site, served_site

ATTACKER = "http://attacker.test"


@pytest.fixture(scope="module")
def keyless_site(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The app with no API keys at all (the default), on a fresh SQLite file."""
    with served_site(tmp_path_factory.mktemp("e2e-keyless")) as site:
        yield site


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
