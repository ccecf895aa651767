"""Versions of one story ingested at the same moment by two workers end in one cluster, and their shared quote in
one statement (PostgreSQL's writers wait for each other on advisory locks over the bands and the speakers;
SQLite's take turns at BEGIN)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from tests.api.helpers import story
from tests.robustness.server import Server

RACES = 3


def test_versions_posted_at_once_end_in_one_cluster_and_one_statement(
    client: TestClient, start_server: Callable[..., Server]
) -> None:
    server = start_server(workers=2)
    versions = [story("wire_v1.txt"), story("wire_v2.txt")]
    created: list[dict[str, Any]] = []
    try:
        for race in range(RACES):
            barrier = threading.Barrier(len(versions))

            def post(text: str, race: int = race, barrier: threading.Barrier = barrier) -> dict[str, Any]:
                with server.client(timeout=120) as http:
                    barrier.wait(timeout=60)
                    body = text + f"\nThe bank publishes its next account of the meeting in {4 + race} weeks.\n"
                    reply = http.post("/v1/articles", content=body.encode(), headers={"Content-Type": "text/plain"})
                    assert reply.status_code == 201, reply.text
                    return reply.json()

            with ThreadPoolExecutor(len(versions)) as pool:
                created += list(pool.map(post, versions))
        with server.client() as http:
            stored = [http.get(f"/v1/articles/{a['id']}").json() for a in created]
    finally:
        server.stop()
    first = min(a["id"] for a in created)
    assert {a["cluster_id"] for a in stored} == {first}
    shared = {
        q["statement_id"]
        for a in stored
        for q in a["quotes"]
        if q["type"] == "direct" and q["text"].startswith("We are making good progress")
    }
    assert len(shared) == 1 and None not in shared
