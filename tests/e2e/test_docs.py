"""The API documentation pages work offline: Swagger UI and ReDoc render from assets the app serves, and
no page of Dateline asks any other host for anything."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import Site


@pytest.fixture
def requests_seen(page: Any) -> list[str]:
    """Every URL the tab asks the network for (documents, scripts, styles, fonts, images, XHR): requests the
    page's Content-Security-Policy blocks never get here; one to another host is recorded and aborted."""
    seen: list[str] = []

    def through(route: Any) -> None:
        url = route.request.url
        seen.append(url)
        if urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    page.route("**/*", through)
    return seen


def hosts(urls: list[str]) -> set[str]:
    return {urlsplit(url).hostname or "" for url in urls}


def test_swagger_ui_renders_every_operation_and_the_authorize_button(
    page: Any, site: Site, requests_seen: list[str]
) -> None:
    page.goto("/docs")
    page.wait_for_selector(".opblock", timeout=20_000)
    document = site.get("/openapi.json")
    operations = sum(1 for item in document["paths"].values() for method in item if method != "parameters")
    assert page.locator(".opblock").count() == operations
    assert page.locator("button.authorize").count() == 1
    page.click("button.authorize")
    assert page.locator(".auth-container").count() == 2  # bearer and X-API-Key
    page.wait_for_load_state("networkidle")
    assert hosts(requests_seen) == {"127.0.0.1"}, requests_seen


def test_redoc_renders_offline(page: Any, site: Site, requests_seen: list[str]) -> None:
    page.goto("/redoc")
    page.wait_for_selector('h2:has-text("Ingest Article")', timeout=30_000)
    page.wait_for_load_state("networkidle")
    assert hosts(requests_seen) == {"127.0.0.1"}, requests_seen


@pytest.mark.parametrize("path", ["/", "/dashboard", "/articles/{article}", "/entities/{entity}"])
def test_no_page_loads_anything_from_another_host(page: Any, site: Site, requests_seen: list[str], path: str) -> None:
    article = site.article_ids[0]
    entity = site.get(f"/v1/articles/{article}")["entities"][0]["id"]
    page.goto(path.format(article=article, entity=entity))
    page.wait_for_load_state("networkidle")
    assert hosts(requests_seen) == {"127.0.0.1"}, requests_seen
