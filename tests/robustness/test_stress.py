"""Long lock-contention run, off by default (a few minutes): ROBUSTNESS_STRESS=1 pytest tests/robustness/test_stress.py

Pairs of stories name the same new people and places in opposite orders, posted by 8 threads to two
uvicorn workers. Before entities were linked in key order, PostgreSQL aborted 2-3 in 400 of these as
deadlocks (500); the short concurrency test cannot hit that window reliably, this one does.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from tests.robustness.invariants import store_problems
from tests.robustness.server import Server
from tests.robustness.textgen import crowd_story

STORIES = int(os.environ.get("ROBUSTNESS_STRESS_STORIES", "400"))

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.environ.get("ROBUSTNESS_STRESS"), reason="set ROBUSTNESS_STRESS=1 to run"),
]


def test_opposite_order_entities_never_deadlock_under_load(
    client: TestClient, database_url: str, start_server: Callable[..., Server]
) -> None:
    server = start_server(workers=2)

    def post(i: int) -> int:
        with server.client(timeout=120) as http:
            text = crowd_story(90_000 + i, cast_seed=90_000 + i // 2, reverse=i % 2 == 1)
            return http.post("/v1/articles", content=text.encode(), headers={"Content-Type": "text/plain"}).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = Counter(pool.map(post, range(STORIES)))
    server.stop()
    assert statuses == Counter({201: STORIES}), f"{statuses}\n{server.log()}"
    assert store_problems(database_url) == []
