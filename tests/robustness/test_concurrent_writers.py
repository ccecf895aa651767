"""Eight writers against two uvicorn workers on one database: no errors, no lock failures, no twins."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
from fastapi.testclient import TestClient

from tests.robustness.invariants import assert_spans_slice_text, store_problems
from tests.robustness.server import Server
from tests.robustness.textgen import crowd_story, story

WRITERS = 8
STORIES_PER_WRITER = 4
RACES = 4
BAD_LOG_LINES = ("database is locked", "Traceback", "deadlock", "Internal Server Error", "could not serialize")


def post(http: httpx.Client, text: str) -> tuple[int, dict[str, Any] | str]:
    """POST a text/plain article; (status, body)."""
    reply = http.post("/v1/articles", content=text.encode(), headers={"Content-Type": "text/plain"})
    try:
        return reply.status_code, reply.json()
    except ValueError:
        return reply.status_code, reply.text


def writer(server: Server, index: int) -> list[tuple[int, Any]]:
    """One client: distinct stories, each followed by reads that touch the rows others are writing.

    At step n every writer names the same new people, half of them in reverse order: the pattern that
    deadlocked PostgreSQL when entities were linked in text order."""
    out: list[tuple[int, Any]] = []
    with server.client(timeout=120) as http:
        for n in range(STORIES_PER_WRITER):
            text = story(40_000 + index * 100 + n) if n % 2 else crowd_story(index * 100 + n, n, index % 2 == 1)
            out.append(post(http, text))
            for path in ("/v1/articles?limit=5", "/v1/entities?limit=5", "/v1/quotes?limit=5"):
                reply = http.get(path)
                out.append((reply.status_code, reply.text[:300]))
    return out


def race(server: Server, text: str) -> list[tuple[int, Any]]:
    """Every writer posts the same text at the same moment."""
    barrier = threading.Barrier(WRITERS)

    def one(_: int) -> tuple[int, Any]:
        with server.client(timeout=120) as http:
            barrier.wait(timeout=60)
            return post(http, text)

    with ThreadPoolExecutor(WRITERS) as pool:
        return list(pool.map(one, range(WRITERS)))


def test_eight_writers_on_two_workers_never_fail_and_never_store_twins(
    client: TestClient, database_url: str, start_server: Callable[..., Server]
) -> None:
    server = start_server(workers=2)
    try:
        with ThreadPoolExecutor(WRITERS) as pool:
            results = [r for batch in pool.map(lambda i: writer(server, i), range(WRITERS)) for r in batch]
        failures = [(status, body) for status, body in results if status not in (200, 201)]
        assert not failures, failures[:5]
        created = [body for status, body in results if status == 201]
        assert len(created) == WRITERS * STORIES_PER_WRITER
        for article in created:
            assert_spans_slice_text(article)

        for n in range(RACES):
            replies = race(server, story(50_000 + n))
            statuses = sorted(status for status, _ in replies)
            assert statuses == [200] * (WRITERS - 1) + [201], replies
            assert len({body["id"] for _, body in replies}) == 1, "racing twins got different articles"

        with server.client() as http:
            total = http.get("/v1/articles", params={"limit": 1}).json()["total"]
        assert total == WRITERS * STORIES_PER_WRITER + RACES
    finally:
        server.stop()
    assert store_problems(database_url) == []
    log = server.log(tail=0)
    assert not [line for line in BAD_LOG_LINES if line.lower() in log.lower()], log[-4000:]
