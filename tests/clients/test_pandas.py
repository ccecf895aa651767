"""pandas reads Dateline's CSV and NDJSON over HTTP as they come: every list as CSV, with paging and Link
headers; no cell a spreadsheet would run as a formula; quote exports flat enough for read_json(lines=True)."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pandas as pd
import pytest

from tests.api.helpers import story
from tests.robustness.server import Server

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# An invented story whose metadata and words look like spreadsheet formulas.
HOSTILE = (
    '=HYPERLINK("http://evil.example","click") Harbour talks resume\n\n'
    "LONDON (Reuters) - Talks resumed on Monday, union official Priya Raman said.\n\n"
    '"-1 is not an offer we can accept," Raman told reporters. "+2 would be a start."\n'
)


@pytest.fixture(scope="module")
def stored(live: Server) -> dict[str, Any]:
    """The fixture stories and the hostile one, ingested through the API."""
    out = {}
    with live.client() as http:
        for name, record in {
            "harbour": {"text": story("harbour.txt"), "published_at": "2019-05-14", "source": "TASS"},
            "senate": {"text": story("senate.txt"), "published_at": "2019-05-16"},
            "hostile": {"text": HOSTILE, "source": "@source", "url": "-2+3"},
        }.items():
            reply = http.post("/v1/articles", json=record)
            assert reply.status_code == 201, reply.text
            out[name] = reply.json()
    return out


def cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_no_csv_cell_starts_a_formula(live: Server, stored: dict[str, Any]) -> None:
    for path in ("/v1/articles", "/v1/quotes", "/v1/export/articles", "/v1/export/quotes"):
        text = httpx.get(live.base_url + path, params={"format": "csv", "limit": 100}.copy(), timeout=30)
        if text.status_code == 422:  # exports take no limit
            text = httpx.get(live.base_url + path, params={"format": "csv"}, timeout=30)
        assert text.status_code == 200, text.text
        assert all(not cell.startswith(FORMULA_START) for cell in cells(text.text)), path
    frame = pd.read_csv(f"{live.base_url}/v1/articles?format=csv").set_index("id")
    row = frame.loc[stored["hostile"]["id"]]
    assert row["headline"].startswith("'=HYPERLINK(")
    assert row["source"] == "'@source" and row["url"] == "'-2+3"
    quotes = pd.read_csv(f"{live.base_url}/v1/articles/{stored['hostile']['id']}/quotes?format=csv")
    assert {"'-1 is not an offer we can accept,", "'+2 would be a start."} <= set(quotes["text"])


def test_csv_snippets_carry_no_html(live: Server, stored: dict[str, Any]) -> None:
    for path in ("/v1/articles", "/v1/quotes"):
        frame = pd.read_csv(f"{live.base_url}{path}?q=water&format=csv")
        assert len(frame) >= 1
        assert frame["snippet"].str.contains("water", case=False).all()
        assert not frame["snippet"].str.contains("<").any(), path


def test_an_articles_quotes_and_entities_come_as_csv_in_pages(live: Server, stored: dict[str, Any]) -> None:
    article = stored["harbour"]
    base = f"{live.base_url}/v1/articles/{article['id']}"
    quotes = pd.read_csv(f"{base}/quotes?format=csv")
    assert list(quotes["text"]) == [q["text"] for q in article["quotes"]]
    assert list(quotes["speaker.name"]) == [q["speaker"]["name"] for q in article["quotes"]]
    entities = pd.read_csv(f"{base}/entities", storage_options={"Accept": "text/csv"})
    assert set(entities["name"]) == {e["name"] for e in article["entities"]}
    page = httpx.get(f"{base}/quotes", params={"format": "csv", "limit": 1, "offset": 1}, timeout=30)
    assert len(pd.read_csv(io.StringIO(page.text))) == 1
    assert page.headers["x-total-count"] == str(len(article["quotes"]))
    assert 'rel="prev"' in page.headers["link"] and 'rel="first"' in page.headers["link"]


def test_every_list_in_the_api_description_answers_csv_with_links(live: Server, stored: dict[str, Any]) -> None:
    document = httpx.get(f"{live.base_url}/openapi.json", timeout=30).json()
    checked = []
    for path, item in document["paths"].items():
        get = item.get("get")
        if not get or "text/csv" not in get["responses"].get("200", {}).get("content", {}):
            continue
        names = {p["name"] for p in get.get("parameters", [])}
        url = live.base_url + path.format(article_id=stored["harbour"]["id"], entity_id=1)
        reply = httpx.get(url, params={"format": "csv"} if "format" in names else {}, timeout=30)
        assert reply.status_code == 200, (path, reply.text)
        assert reply.headers["content-type"].startswith("text/csv")
        frame = pd.read_csv(io.StringIO(reply.text))
        assert len(frame.columns) >= 2, path
        if "offset" in names:
            assert 'rel="first"' in reply.headers["link"], path
        checked.append(path)
    assert {"/v1/articles", "/v1/quotes", "/v1/entities", "/v1/articles/{article_id}/quotes"} <= set(checked)
    assert "/v1/articles/{article_id}/entities" in checked


def test_quote_exports_read_flat_into_pandas(live: Server, stored: dict[str, Any]) -> None:
    frame = pd.read_json(f"{live.base_url}/v1/export/quotes?speaker=Jansen&format=ndjson", lines=True)
    assert len(frame) >= 1
    assert {"text", "type", "speaker_name", "speaker_entity_id", "headline", "published_at", "agency"} <= set(
        frame.columns
    )
    assert not any(frame[column].map(lambda v: isinstance(v, dict | list)).any() for column in frame.columns)
    assert set(frame["speaker_name"]) == {"Marieke Jansen"}
    assert set(frame["headline"]) == {stored["harbour"]["headline"]}
    assert set(frame["agency"]) == {"TASS"}
    assert {str(v)[:10] for v in frame["published_at"]} == {"2019-05-14"}
    by_speaker = frame.groupby("speaker_entity_id").size()
    assert by_speaker.sum() == len(frame)
    table = pd.read_csv(f"{live.base_url}/v1/export/quotes?speaker=Jansen&format=csv")
    assert list(table["speaker_name"]) == list(frame["speaker_name"])


def test_timeseries_csv_pivots_in_pandas(live: Server, stored: dict[str, Any]) -> None:
    weekly = pd.read_csv(
        f"{live.base_url}/v1/stats/timeseries?metric=articles&interval=day&format=csv", parse_dates=["time"]
    )
    assert weekly["value"].sum() >= 2
    chart = weekly.pivot(index="time", columns="series", values="value")
    assert len(chart) >= 2
