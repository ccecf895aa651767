"""Jobs on a real Redis (and RabbitMQ, where one answers), run by real `dateline worker` processes: a worker
SIGKILLed while it drains the queue delays jobs, never loses them; every job ends done with exactly one whole
article.

Redis at TEST_REDIS_URL (default redis://127.0.0.1:6379/11), under a namespace of its own per test, whose
keys are deleted afterwards. Without Redis the tests are skipped, unless REDIS_REQUIRED=1 (CI) makes that
a failure. RabbitMQ at TEST_AMQP_URL (default amqp://guest:guest@127.0.0.1:5672/%2F), queues named after the
test's namespace, deleted afterwards; skipped where none answers.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import redis
from fastapi.testclient import TestClient

from tests.robustness.invariants import assert_spans_slice_text, store_problems
from tests.robustness.server import CLEARED, ROOT, Server
from tests.robustness.textgen import story

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/11")
AMQP_URL = os.environ.get("TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/%2F")
POSTS = 24
ASYNC = {"Prefer": "respond-async", "Content-Type": "text/plain"}
DEADLINE = 240.0  # seconds for the queue to drain after the second worker starts


def redis_env(namespace: str) -> Iterator[dict[str, str]]:
    """A Redis namespace of the test's own, its keys deleted afterwards."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        if os.environ.get("REDIS_REQUIRED", "").strip() not in ("", "0"):
            pytest.fail(f"Redis is required (REDIS_REQUIRED=1) but {REDIS_URL} does not answer: {exc}")
        pytest.skip(f"no Redis at {REDIS_URL}: {exc}")
    try:
        yield {"QUEUE_URL": REDIS_URL}
    finally:
        keys = list(client.scan_iter(match=f"{namespace}*", count=1000))
        if keys:
            client.delete(*keys)
        client.close()


def rabbitmq_env(namespace: str) -> Iterator[dict[str, str]]:
    """Queues of the test's own on RabbitMQ (skipped where none answers), deleted afterwards."""
    import pika

    try:
        connection = pika.BlockingConnection(pika.URLParameters(AMQP_URL + "?socket_timeout=2&connection_attempts=1"))
    except pika.exceptions.AMQPError as exc:
        pytest.skip(f"no RabbitMQ at {AMQP_URL}: {exc}")
    try:
        yield {"QUEUE_URL": AMQP_URL}
    finally:
        channel = connection.channel()
        for suffix in ("jobs", "jobs.DQ", "jobs.XQ"):
            with contextlib.suppress(pika.exceptions.AMQPError):
                channel.queue_delete(f"{namespace}.{suffix}")
        connection.close()


@pytest.fixture(params=["redis", "rabbitmq"])
def queue_env(request: pytest.FixtureRequest) -> Iterator[dict[str, str]]:
    """Settings for the API and workers of one test, on each broker: a namespace of its own, short leases
    and sweeps."""
    namespace = f"dateline-test-{secrets.token_hex(6)}"
    broker = redis_env if request.param == "redis" else rabbitmq_env
    for env in broker(namespace):
        yield {
            **env,
            "QUEUE_NAMESPACE": namespace,
            "JOB_LEASE_SECONDS": "6",
            "JOB_RESEND_SECONDS": "3",
            "SWEEP_SECONDS": "0.5",
        }


class Worker:
    """`dateline worker` in a process group of its own."""

    def __init__(self, database_url: str, env: dict[str, str], log_path: Path, processes: int = 1) -> None:
        full = {k: v for k, v in os.environ.items() if k not in CLEARED}
        full.update(env, DATABASE_URL=database_url, LOG_FORMAT="text", LOG_LEVEL="INFO", PYTHONUNBUFFERED="1")
        self.log_path = log_path
        command = [sys.executable, "-m", "app.cli", "worker", "--processes", str(processes), "--threads", "1"]
        with log_path.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=full, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def signal(self, sig: int) -> int:
        """Send a signal to the whole group; the parent's exit status."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)
        try:
            return self.process.wait(timeout=60)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)

    def log(self) -> str:
        """What the worker printed (the last part)."""
        return self.log_path.read_text(errors="replace")[-4000:]


@pytest.fixture
def start_worker(database_url: str, tmp_path: Path) -> Iterator[Callable[[dict[str, str], int], Worker]]:
    """Start `dateline worker` processes; each is killed when the test ends."""
    workers: list[Worker] = []

    def start(env: dict[str, str], processes: int = 1) -> Worker:
        worker = Worker(database_url, env, tmp_path / f"worker-{len(workers)}.log", processes)
        workers.append(worker)
        return worker

    try:
        yield start
    finally:
        for worker in workers:
            if worker.process.poll() is None:
                worker.signal(signal.SIGKILL)


def job_totals(http: httpx.Client) -> dict[str, int]:
    """Jobs by state, through the API."""
    return {s: http.get("/v1/jobs", params={"state": s, "limit": 1}).json()["total"] for s in ("queued", "done")}


def wait_until(condition: Callable[[], bool], timeout: float, what: str, log: Callable[[], str]) -> None:
    """Poll until the condition holds, or fail saying what did not happen."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen in {timeout:.0f}s; worker log:\n{log()}")
        time.sleep(0.2)


def test_a_worker_killed_while_draining_loses_no_job(
    client: TestClient,
    queue_env: dict[str, str],
    start_server: Callable[..., Server],
    start_worker: Callable[..., Worker],
    database_url: str,
) -> None:
    server = start_server(env=queue_env)
    texts = {story(5000 + n): n for n in range(POSTS)}
    with server.client(timeout=60) as http:
        assert http.get("/readyz").json() == {"status": "ready", "database": "ok", "broker": "ok"}
        jobs: dict[str, str] = {}
        for text in texts:
            reply = http.post("/v1/articles", content=text.encode(), headers=ASYNC)
            assert reply.status_code == 202, reply.text
            jobs[reply.headers["Location"]] = text
        assert job_totals(http)["queued"] == POSTS  # nobody runs jobs yet: the API only sends them
        assert "dateline_queue_depth 24.0" in http.get("/metrics").text

        first = start_worker(queue_env, 1)
        wait_until(lambda: job_totals(http)["done"] >= 3, 120, "three jobs done by the first worker", first.log)
        first.signal(signal.SIGKILL)
        done_at_kill = job_totals(http)["done"]
        assert done_at_kill < POSTS, "the worker finished before it could be killed mid-queue"

        second = start_worker(queue_env, 2)
        wait_until(lambda: job_totals(http)["done"] == POSTS, DEADLINE, "every job done", second.log)
        assert second.signal(signal.SIGTERM) == 0  # a graceful stop

        replies = [http.get(location).json() for location in jobs]
        assert [j["state"] for j in replies] == ["done"] * POSTS
        assert all(j["outcome"] == "created" for j in replies)
        assert len({j["article_id"] for j in replies}) == POSTS  # exactly one article per text
        assert http.get("/v1/articles", params={"limit": 1}).json()["total"] == POSTS
        for job, (location, text) in zip(replies, jobs.items(), strict=True):
            article = http.get(job["article"]).json()
            assert article["text"] == text, location
            assert article["quotes"] and article["entities"]  # whole, not half-written
            assert_spans_slice_text(article)
    assert store_problems(database_url) == []


def test_with_the_broker_down_a_post_is_still_recorded_and_readiness_fails(
    client: TestClient, start_server: Callable[..., Server]
) -> None:
    from tests.robustness.server import free_port

    down = {"QUEUE_URL": f"redis://127.0.0.1:{free_port()}/0", "QUEUE_NAMESPACE": "nobody"}
    server = start_server(env=down)
    with server.client(timeout=60) as http:
        ready = http.get("/readyz")
        assert ready.status_code == 503 and ready.json()["broker"] == "unavailable"
        reply = http.post("/v1/articles", content=story(77).encode(), headers=ASYNC)
        assert reply.status_code == 202  # the job is in the database; a sweeper sends it once the broker is back
        assert http.get(reply.headers["Location"]).json()["state"] == "queued"
