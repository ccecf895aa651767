"""The app's own pages in a real browser: paste box, article reader, entity page, dashboard."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from tests.e2e.conftest import API_KEY, Site
from tests.e2e.stories import HOSTILE, PASTED


def quote_texts(page: Any, quote_id: int) -> str:
    """The text of a quote as marked in the article, joined over its pieces."""
    # A quote nested in another one carries its own speaker chip: that is not part of the outer quote's text.
    script = """nodes => nodes.map(n => {
        const copy = n.cloneNode(true);
        copy.querySelectorAll('.speaker-chip').forEach(chip => chip.remove());
        return copy.textContent;
    }).join('')"""
    return str(page.eval_on_selector_all(f'#article-text .quote[data-quote-id="{quote_id}"]', script))


def test_paste_box_ingests_a_story_and_opens_its_page(page: Any, site: Site) -> None:
    page.goto("/")
    page.fill("#api-key", API_KEY)
    page.fill("#paste-text", PASTED)
    page.fill("#paste-published", "2024-03-03")
    page.fill("#paste-source", "Reuters")
    page.click("#paste-submit")
    page.wait_for_url(re.compile(r"/articles/\d+$"))
    article_id = int(page.url.rsplit("/", 1)[1])
    stored = site.get(f"/v1/articles/{article_id}")
    assert stored["published_at"].startswith("2024-03-03")
    assert page.inner_text("#headline") == stored["headline"]
    assert page.locator("#article-text .quote").count() >= 1
    assert page.evaluate("localStorage.getItem('dateline.apiKey')") == API_KEY


def test_paste_box_shows_why_a_write_was_refused(page: Any) -> None:
    page.goto("/")
    page.fill("#api-key", "not-the-key")
    page.fill("#paste-text", PASTED)
    page.click("#paste-submit")
    status = page.locator("#paste-status.error")
    status.wait_for()
    assert "key" in status.inner_text().lower()
    assert page.url.endswith("/")


def test_article_page_marks_each_quote_with_its_text_type_and_speaker(page: Any, site: Site, artifacts: Path) -> None:
    article = site.get(f"/v1/articles/{site.article_ids[0]}")
    assert {q["type"] for q in article["quotes"]} >= {"direct", "indirect"}
    page.goto(f"/articles/{article['id']}")
    for quote in article["quotes"]:
        marked = page.locator(f'#article-text .quote[data-quote-id="{quote["id"]}"]')
        assert marked.count() >= 1
        assert f"quote-{quote['type']}" in (marked.first.get_attribute("class") or "")
        assert quote_texts(page, quote["id"]) == quote["text"]
        chip = page.locator(f'#article-text .speaker-chip[data-quote-id="{quote["id"]}"]')
        assert chip.inner_text() == quote["speaker"]["name"]
        if quote["speaker"]["entity_id"] is not None:
            assert chip.get_attribute("href") == f"/entities/{quote['speaker']['entity_id']}"
    page.screenshot(path=str(artifacts / "article.png"), full_page=True)


def test_article_page_links_every_mention_and_nests_mentions_inside_quotes(page: Any, site: Site) -> None:
    article = site.get(f"/v1/articles/{site.article_ids[0]}")
    page.goto(f"/articles/{article['id']}")
    for entity in article["entities"]:
        links = page.locator(f'#article-text a.mention[data-entity-id="{entity["id"]}"]')
        assert sorted(links.all_inner_texts()) == sorted(m["text"] for m in entity["mentions"])
        assert f"mention-{entity['type']}" in (links.first.get_attribute("class") or "")
        assert page.locator(f'.entity-list a[href="/entities/{entity["id"]}"]').count() == 1
    # "Shipping lines said cargo bound for Spain and Morocco ...": places named inside an indirect quote.
    assert page.locator("#article-text .quote a.mention").count() >= 1


def test_article_page_shows_html_in_the_text_as_text(page: Any, site: Site) -> None:
    article = site.post({"text": HOSTILE, "published_at": "2024-04-08"})
    page.goto(f"/articles/{article['id']}")
    body = page.inner_text("#article-text")
    assert "<b>bold</b>" in body
    assert "<script>window.pwned = 1</script>" in body
    assert page.evaluate("window.pwned") is None
    assert page.locator("#article-text b, #article-text script, #article-text img").count() == 0


def test_entity_page_shows_counts_a_chart_quotes_and_companions(page: Any, site: Site) -> None:
    entity_id = site.entity_id("Marta Silva")
    detail = site.get(f"/v1/entities/{entity_id}")
    page.goto(f"/entities/{entity_id}")
    page.wait_for_selector("body[data-ready=true]")
    assert page.inner_text("#entity-name") == "Marta Silva"
    assert page.locator("#entity-chart svg polyline").count() == 1
    assert page.locator("#entity-chart svg circle").count() >= 2
    quotes = page.locator(".quote-list .quote-text")
    assert quotes.count() == len(detail["quotes"]) > 0
    assert quotes.first.inner_text() == detail["quotes"][0]["text"]
    companions = page.locator(".entity-list a.entity-link")
    assert companions.count() == len(detail["co_occurring"]) > 0


def test_dashboard_shows_a_chart_top_lists_and_a_shaded_country_map(page: Any, site: Site, artifacts: Path) -> None:
    top_speakers = site.get("/v1/stats/top", dimension="speakers", limit=10)["items"]
    page.goto("/dashboard")
    page.wait_for_selector("body[data-loaded=true]")
    assert page.locator("#mentions-chart svg polyline").count() >= 1
    assert page.locator("#mentions-chart .chart-legend span").count() == 5
    names = page.locator("#top-speakers li").all_inner_texts()
    assert names[0].startswith(top_speakers[0]["name"])
    assert page.locator("#top-entities li a").count() >= 5
    shaded = page.locator("#country-map .tile.shaded")
    assert shaded.count() >= 3
    codes = {shaded.nth(i).get_attribute("data-code") for i in range(shaded.count())}
    assert {"PT", "KE", "TZ"} <= codes
    assert page.locator('#country-map .tile[data-code="JP"]:not(.shaded)').count() == 1
    page.screenshot(path=str(artifacts / "dashboard.png"), full_page=True)


def test_home_lists_articles_and_marks_search_words_in_snippets(page: Any, site: Site) -> None:
    page.goto("/")
    assert page.locator(".article-list .headline").count() >= len(site.article_ids)
    page.fill("input[name=q]", "strike")
    page.click(".search button")
    page.wait_for_url(re.compile(r"\?q=strike"))
    marks = page.locator(".snippet mark")
    assert marks.count() >= 1
    assert all(m.lower().startswith("strike") for m in marks.all_inner_texts())


def test_unknown_pages_say_what_is_missing(page: Any) -> None:
    response = page.goto("/articles/999999")
    assert response.status == 404
    assert "no article 999999" in page.inner_text("main")


def test_dashboard_filters_live_in_the_url_and_the_time_axis_is_true(page: Any, site: Site) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if "/v1/stats/timeseries" in request.url else None)
    page.goto("/dashboard?published_from=2024-05-01&published_to=2024-06-30&interval=day")
    page.wait_for_selector("body[data-loaded=true]")
    assert page.input_value("input[name=published_from]") == "2024-05-01"
    assert page.input_value("select[name=interval]") == "day"
    assert any("published_from=2024-05-01" in url and "interval=day" in url for url in asked)
    # Points stand at their dates: equal steps of time are equal steps of x, whatever data falls between.
    dots = page.eval_on_selector_all(
        "#mentions-chart .series-group:first-of-type circle",
        "cs => cs.map(c => [c.querySelector('title').textContent.split(' on ')[1], +c.getAttribute('cx')])",
    )
    days = [dt.date.fromisoformat(day) for day, _ in dots]
    xs = [x for _, x in dots]
    assert len(days) >= 3 and days == sorted(days)
    scale = (xs[-1] - xs[0]) / (days[-1] - days[0]).days
    for day, x in zip(days, xs, strict=True):
        assert abs(xs[0] + (day - days[0]).days * scale - x) < 0.5
    page.select_option("select[name=interval]", "week")
    page.fill("input[name=published_to]", "2024-05-31")
    page.click("#filters button[type=submit]")
    page.wait_for_function("() => location.search.includes('interval=week')")
    assert "published_to=2024-05-31" in page.url
    page.reload()
    page.wait_for_selector("body[data-loaded=true]")
    assert page.input_value("select[name=interval]") == "week"
