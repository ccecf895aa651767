"""published_at as feeds write it: RFC 2822, ISO 8601 with offsets, basic YYYYMMDD; never a Unix time."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import article_count, assert_problem, post_text

STORY = (
    "Ferry service resumes after storm\n\n"
    "OSLO, June 6 (Example Wire) - Ferries between the islands ran again on Thursday after two days of storms.\n\n"
    '"We are back on schedule," harbour master Ingrid Solberg said.\n'
)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Thu, 06 Jun 2024 10:00:00 GMT", "2024-06-06T10:00:00+00:00"),
        ("Thu, 06 Jun 2024 12:00:00 +0200", "2024-06-06T10:00:00+00:00"),
        ("6 Jun 2024 10:00 -0000", "2024-06-06T10:00:00+00:00"),
        ("2024-06-06T12:00:00+02:00", "2024-06-06T10:00:00+00:00"),
        ("2024-06-06T10:00:00Z", "2024-06-06T10:00:00+00:00"),
        ("2024-06-06 05:00:00-05:00", "2024-06-06T10:00:00+00:00"),
        ("20240606", "2024-06-06"),
        ("2024-06-06", "2024-06-06"),
    ],
)
def test_feed_dates_are_read_as_written_in_json_and_query(client: TestClient, given: str, expected: str) -> None:
    by_json = client.post("/v1/articles", json={"text": STORY, "published_at": given})
    assert by_json.status_code == 201, by_json.text
    article = by_json.json()
    assert article["published_at"] == expected
    assert article["dateline"]["date"] == "2024-06-06"  # the dateline's "June 6" resolved with that year
    by_query = post_text(client, STORY + "\nMore sailings follow.\n", published_at=given)
    assert by_query.status_code == 201, by_query.text
    assert by_query.json()["published_at"] == expected


@pytest.mark.parametrize("given", ["20190328", "2019-03-28"])
def test_basic_date_is_the_day_never_a_unix_time(client: TestClient, given: str) -> None:
    article = client.post("/v1/articles", json={"text": STORY, "published_at": given}).json()
    assert article["published_at"] == "2019-03-28"


@pytest.mark.parametrize(
    "given",
    ["1717668000", "20191332", "2019032", "Thu, 32 Jun 2024 10:00:00 GMT", "next Thursday", 1717668000, 20190328],
)
def test_numbers_and_impossible_dates_are_422_and_store_nothing(client: TestClient, given: object) -> None:
    response = client.post("/v1/articles", json={"text": STORY, "published_at": given})
    body = assert_problem(response, 422)
    assert "published_at" in body["detail"]
    if isinstance(given, str):
        assert_problem(post_text(client, STORY, published_at=given), 422)
    assert article_count(client) == 0
