"""SIGKILL the server while ingests stream in: every acknowledged article survives whole, nothing half-written."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
from fastapi.testclient import TestClient

from tests.robustness.invariants import assert_spans_slice_text, comparable, store_problems, stored_counts
from tests.robustness.server import Server
from tests.robustness.textgen import story

STREAMS = 3  # concurrent clients, so a request is nearly always in flight when the kill lands
ACKS_BEFORE_KILL = 4  # per round
ROUNDS = 2


class Stream:
    """Clients posting fresh stories until the server dies; what was acknowledged and what was in flight."""

    def __init__(self, server: Server, first_seed: int) -> None:
        self.server = server
        self.acked: dict[int, dict[str, Any]] = {}
        self.in_flight: set[int] = set()
        self.errors: list[str] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [
            threading.Thread(target=self._post_until_stopped, args=(first_seed + i,), daemon=True)
            for i in range(STREAMS)
        ]

    def _post_until_stopped(self, seed: int) -> None:
        with self.server.client(timeout=60) as http:
            while not self.stop.is_set():
                with self.lock:
                    self.in_flight.add(seed)
                try:
                    reply = http.post(
                        "/v1/articles", content=story(seed).encode(), headers={"Content-Type": "text/plain"}
                    )
                except httpx.HTTPError:
                    return  # the server died under this request: it stays in flight
                with self.lock:
                    self.in_flight.discard(seed)
                    if reply.status_code == 201:
                        self.acked[seed] = reply.json()
                    else:
                        self.errors.append(f"seed {seed}: {reply.status_code} {reply.text[:300]}")
                seed += STREAMS

    def run_until_killed(self, kill: Callable[[], None]) -> None:
        """Stream, kill the server once enough articles are acknowledged, and wait for the clients."""
        for thread in self.threads:
            thread.start()
        deadline = time.monotonic() + 90
        while len(self.acked) < ACKS_BEFORE_KILL and time.monotonic() < deadline and not self.errors:
            time.sleep(0.05)
        time.sleep(random.uniform(0.0, 0.4))  # land anywhere in a request: parsing, writing or committing
        kill()
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=70)


def test_sigkill_mid_stream_keeps_every_acknowledged_article_whole(
    client: TestClient, database_url: str, start_server: Callable[..., Server]
) -> None:
    acked: dict[int, dict[str, Any]] = {}
    interrupted: set[int] = set()
    for round_ in range(ROUNDS):
        server = start_server()
        stream = Stream(server, first_seed=20_000 + 1_000 * round_)
        stream.run_until_killed(server.kill)
        assert not stream.errors, stream.errors
        assert len(stream.acked) >= ACKS_BEFORE_KILL, server.log()
        acked.update(stream.acked)
        interrupted |= stream.in_flight

    server = start_server()
    with server.client() as http:
        for seed, reply in acked.items():
            stored = http.get(f"/v1/articles/{reply['id']}")
            assert stored.status_code == 200, f"acknowledged article of seed {seed} is gone"
            assert comparable(stored.json()) == comparable(reply), f"article of seed {seed} changed"
        # A client retrying what was in flight gets exactly one whole article.
        for seed in sorted(interrupted):
            retry = http.post("/v1/articles", content=story(seed).encode(), headers={"Content-Type": "text/plain"})
            assert retry.status_code in (200, 201), retry.text
            assert_spans_slice_text(retry.json())
            again = http.post("/v1/articles", content=story(seed).encode(), headers={"Content-Type": "text/plain"})
            assert (again.status_code, again.json()["id"]) == (200, retry.json()["id"])

    assert store_problems(database_url) == []
    extractor = client.app.state.ingestor  # type: ignore[attr-defined]
    for article_id, (text, quotes, mentions) in stored_counts(database_url).items():
        analysis = extractor.analyze(text, None)
        expected = (len(analysis.quotes), sum(len(e.mentions) for e in analysis.entities))
        assert (quotes, mentions) == expected, f"article {article_id} is partial"
        assert quotes and mentions, f"article {article_id} lost its quotes or mentions"
