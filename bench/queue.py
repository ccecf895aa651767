"""Jobs through a real Redis and real `dateline worker` processes, against direct ingest in the same run.

- Worker scaling: N ingest jobs drained by `dateline worker --processes 2` against `--processes 1`
  (target >= 1.7x on 2 cores).
- Queue overhead: jobs/s of one worker process against `Ingestor.ingest` called directly, one article at a
  time, over the same texts (target >= 0.9).

Measured on SQLite and on PostgreSQL (when it answers; --no-pg: SQLite only). Each run has a fresh
database and its own Redis namespace; the three kinds of run alternate and the best of each counts (--quick:
one of each). The workers are started and ready (model loaded, consuming) before the clock starts, which
then runs from queueing the jobs to the last one's finished_at.
Redis: $BENCH_REDIS_URL (default redis://127.0.0.1:6379/12); without it the benchmark says so.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.common import ROOT, Row, database, finish, fmt, log, parser, stores
from bench.corpus import Story, corpus
from bench.ingest import ingest_all, make_ingestor

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
SCALE_TARGET = 1.7
OVERHEAD_TARGET = 0.9
READY_SECONDS = 120.0


def redis_answers() -> bool:
    """Whether the bench's Redis answers."""
    import redis

    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.ping()
        client.close()
        return True
    except redis.RedisError:
        return False


@contextlib.contextmanager
def workers(url: str, namespace: str, processes: int, log_path: Path) -> Iterator[None]:
    """`dateline worker --processes N` on a database and a Redis namespace, ready when the block starts;
    stopped (its process group) when it ends."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "QUEUE_URL": REDIS_URL,
        "QUEUE_NAMESPACE": namespace,
        "LOG_FORMAT": "text",
        "LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
    }
    command = [sys.executable, "-m", "app.cli", "worker", "--processes", str(processes)]
    with log_path.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        deadline = time.monotonic() + READY_SECONDS
        while log_path.read_text(errors="replace").count("consuming") < processes:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"worker did not start:\n{log_path.read_text(errors='replace')[-2000:]}")
            time.sleep(0.1)
        yield
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def drain(url: str, namespace: str, stories: list[Story]) -> float:
    """Queue the stories as one batch and wait for every job to end; wall seconds, all done."""
    from sqlalchemy import func, select

    from app.config import Settings
    from app.db import make_database
    from app.services.ingest import Submission
    from app.services.jobs import JOBS
    from app.worker import start_runner

    settings = Settings(database_url=url, queue_url=REDIS_URL, queue_namespace=namespace)
    db = make_database(url)
    runner = start_runner(settings, db)
    submissions = [Submission(s.text, s.published_at, None, s.source) for s in stories]
    pending = select(func.count()).select_from(JOBS).where(JOBS.c.state.in_(("queued", "running")))
    done = select(func.count(), func.max(JOBS.c.finished_at)).where(JOBS.c.state == "done")
    start = time.time()
    runner.jobs.submit_batch(submissions)
    # The clock stops at the last job's finished_at (written by its worker), so this process can look rarely
    # and take no CPU from the workers.
    while True:
        time.sleep(0.25)
        with db.read() as session:
            if session.execute(pending).scalar_one() == 0:
                break
    with db.read() as session:
        finished, last = session.execute(done).one()
    wall = (last if last.tzinfo else last.replace(tzinfo=dt.UTC)).timestamp() - start
    runner.stop()
    db.dispose()
    assert finished == len(stories), f"only {finished} of {len(stories)} jobs done"
    return wall


def queued_run(args: argparse.Namespace, store: str, stories: list[Story], processes: int, folder: Path) -> float:
    """Wall seconds for `processes` worker processes to drain the stories as jobs."""
    import redis

    namespace = f"dateline-bench-{secrets.token_hex(4)}"
    try:
        with database(store, args) as url, workers(url, namespace, processes, folder / f"worker-{namespace}.log"):
            wall = drain(url, namespace, stories)
    finally:
        client = redis.Redis.from_url(REDIS_URL)
        keys = list(client.scan_iter(match=f"{namespace}*"))
        if keys:
            client.delete(*keys)
        client.close()
    log(f"  {store}: queue, {processes} worker process(es): {wall:.2f}s")
    return wall


def direct_run(args: argparse.Namespace, store: str, stories: list[Story]) -> float:
    """Wall seconds for Ingestor.ingest over the stories, one at a time, in this process."""
    with database(store, args) as url:
        ingestor = make_ingestor(url)
        start = time.perf_counter()
        created = ingest_all(ingestor, stories)
        wall = time.perf_counter() - start
        ingestor.database.dispose()
    assert created == len(stories)
    log(f"  {store}: direct ingest: {wall:.2f}s")
    return wall


def run(args: argparse.Namespace) -> list[Row]:
    """Measure and return the table rows."""
    b = "queue"
    if not redis_answers():
        return [Row(b, "skipped", f"no Redis at {REDIS_URL} (set BENCH_REDIS_URL)")]
    stories = corpus(16 if args.quick else 60, args.corpus, seed=2)
    repeats = 1 if args.quick else 2
    rows: list[Row] = []
    for store in stores(args):
        log(f"queue: {len(stories)} articles on {store}, {os.cpu_count()} cores, best of {repeats} alternating runs")
        walls: dict[str, list[float]] = {"direct": [], "one": [], "two": []}
        with tempfile.TemporaryDirectory(prefix="dateline-bench-queue-") as tmp:
            folder = Path(tmp)
            for _ in range(repeats):
                walls["direct"].append(direct_run(args, store, stories))
                walls["one"].append(queued_run(args, store, stories, 1, folder))
                walls["two"].append(queued_run(args, store, stories, 2, folder))
        direct, one, two = min(walls["direct"]), min(walls["one"]), min(walls["two"])
        n = len(stories)
        scale, overhead = one / two, direct / one
        rows += [
            Row(b, f"{store}: articles; direct ingest articles/s", f"{n}; {fmt(n / direct)}"),
            Row(b, f"{store}: 1 worker process jobs/s", fmt(n / one)),
            Row(b, f"{store}: 2 worker processes jobs/s", fmt(n / two)),
            Row(
                b,
                f"{store}: ratio queue (1 process) / direct",
                fmt(overhead),
                f">= {OVERHEAD_TARGET:.1f}",
                overhead >= OVERHEAD_TARGET,
            ),
            Row(b, f"{store}: speed-up 2 processes / 1", fmt(scale), f">= {SCALE_TARGET:.1f}", scale >= SCALE_TARGET),
        ]
    return rows


def main() -> None:
    """Run this benchmark alone."""
    args = parser(__doc__ or "").parse_args()
    finish(run(args), args.strict)


if __name__ == "__main__":
    main()
