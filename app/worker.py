"""The queue's actor and the processes that run it, on Dramatiq.

The actor is thin: it takes a job id and calls the job service, which claims the job and runs the same
ingest service as the routes. A message is acknowledged only once the actor returns (Dramatiq's way
with Redis and RabbitMQ), and the jobs table, not the broker, is the record of work: a sweeper in each
worker sends again what a broker lost.

- QUEUE_URL=redis://... or amqp://...: the API sends job ids there; `dateline worker` processes run them.
- No QUEUE_URL (the embedded default): a StubBroker and a Dramatiq Worker inside the API process run the
  very same actor, so `make run` needs nothing else.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import dramatiq
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import AgeLimit, Retries, ShutdownNotifications, TimeLimit

from app.config import Settings
from app.db import Database, make_database
from app.metrics import JOBS_FINISHED
from app.nlp import Extractor
from app.services.ingest import Ingestor
from app.services.jobs import JobPolicy, JobQueue

log = logging.getLogger("dateline.worker")
ACTOR_NAME = "run_job"
# A small article parsed before jobs are taken: once in the parent before forking (what spaCy sets up lazily
# is then shared), and once in each process (it touches the model's pages its parses use, so their
# copy-on-write copies are made before the first job, not during it).
WARM_UP_TEXT = (
    "Harbour works begin\n\nOSLO, March 3 (Reuters) - Work on the harbour began on Monday, "
    'the port authority said. "We are ready," said Ingrid Lindqvist, who chairs it.\n'
)
WORKER_POLL_MS = 100


@dataclass
class Runtime:
    """What the actor works with in this process: the job service and the ingest service."""

    jobs: JobQueue
    ingestor: Ingestor


def run_job(runtime: Runtime | None, job_id: int) -> None:
    """Run one job by its id: what the actor does."""
    if runtime is None:
        raise RuntimeError("this process runs no jobs (no job runtime installed)")
    state = runtime.jobs.run(job_id, runtime.ingestor)
    if state is not None:
        JOBS_FINISHED.labels(state).inc()


def policy_of(settings: Settings) -> JobPolicy:
    """The job timings a configuration sets."""
    return JobPolicy(
        settings.job_lease_seconds,
        settings.job_resend_seconds,
        settings.job_max_attempts,
        settings.job_retention_days * 86_400 or None,
    )


@dataclass
class JobBroker:
    """A Dramatiq broker with the job actor declared on it, and what the rest of the app asks of it."""

    broker: dramatiq.Broker
    queue_name: str
    embedded: bool
    actor: Any = None
    runtime: Runtime | None = None  # set in a process that runs jobs

    def send(self, job_id: int) -> None:
        """Send a job id to the workers."""
        self.actor.send(job_id)

    def depth(self) -> int | None:
        """Messages waiting in the queue, not yet taken by a worker (None when the broker cannot say)."""
        broker: Any = self.broker
        if isinstance(broker, StubBroker):
            return int(broker.queues[self.queue_name].qsize())
        if hasattr(broker, "client") and hasattr(broker, "namespace"):  # Redis: a list of message ids
            return int(broker.client.llen(f"{broker.namespace}:{self.queue_name}"))
        if hasattr(broker, "get_queue_message_counts"):  # RabbitMQ
            return int(broker.get_queue_message_counts(self.queue_name)[0])
        return None

    def ping(self) -> str:
        """'embedded' (jobs run in this process), 'ok' when the broker answers, or 'unavailable'."""
        if self.embedded:
            return "embedded"
        try:
            broker: Any = self.broker
            if hasattr(broker, "client"):
                broker.client.ping()
            else:
                self.depth()
        except Exception as exc:
            log.warning("broker unavailable: %s", exc)
            return "unavailable"
        return "ok"

    def close(self) -> None:
        """Close the broker's connections."""
        with contextlib.suppress(Exception):
            self.broker.close()


def make_broker(settings: Settings) -> JobBroker:
    """The broker QUEUE_URL names (a StubBroker without one), with the job actor declared on it."""
    lease_ms = int(settings.job_lease_seconds * 1000)
    # No Prometheus middleware (it starts its own HTTP server; /metrics reports jobs from the jobs table),
    # no results backend (results are in the jobs table).
    middleware = [AgeLimit(), TimeLimit(time_limit=lease_ms), ShutdownNotifications(), Retries()]
    url = settings.queue_url
    broker: dramatiq.Broker
    queue_name = "jobs"
    if url is None:
        broker = StubBroker(middleware=middleware)
        broker.emit_after("process_boot")
    elif url.startswith(("redis://", "rediss://")):
        from dramatiq.brokers.redis import RedisBroker

        broker = RedisBroker(url=url, namespace=settings.queue_namespace, middleware=middleware)
    else:
        from dramatiq.brokers.rabbitmq import RabbitmqBroker

        broker = RabbitmqBroker(url=url, middleware=middleware)
        queue_name = f"{settings.queue_namespace}.jobs"
    job_broker = JobBroker(broker, queue_name, embedded=url is None)

    def run_job_actor(job_id: int) -> None:
        run_job(job_broker.runtime, job_id)

    job_broker.actor = dramatiq.actor(
        broker=broker,
        actor_name=ACTOR_NAME,
        queue_name=queue_name,
        # A passing failure (the database restarting) is tried again after a pause; the job's own attempts
        # (JOB_MAX_ATTEMPTS) bound how often it may start.
        max_retries=settings.job_max_attempts,
        min_backoff=1000,
        max_backoff=60_000,
        time_limit=lease_ms,
    )(run_job_actor)
    return job_broker


@dataclass
class Sweeper:
    """A thread that sends again, every few seconds, the jobs the broker lost (see JobQueue.sweep). Queued
    jobs are only looked at while the broker has nothing waiting: a job still in line is not lost."""

    jobs: JobQueue
    broker: JobBroker
    interval: float
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def sweep_once(self) -> list[int]:
        """One pass; the ids sent again."""
        try:
            depth = self.broker.depth()
        except Exception as exc:
            log.warning("sweeper cannot read the queue's depth: %s", exc)
            return []
        return self.jobs.sweep(queued_too=depth == 0)

    def _loop(self) -> None:
        forgotten_at = 0.0
        while not self._stop.wait(self.interval):
            try:
                self.sweep_once()
                # Old finished jobs go a few times per retention period (at most hourly): the set to drop
                # grows slowly, and finding it is a walk over an index.
                retention = self.jobs.policy.retention_seconds
                if retention and time.monotonic() - forgotten_at > min(retention / 10, 3600):
                    forgotten_at = time.monotonic()
                    self.jobs.forget_finished()
            except Exception:
                log.exception("sweep failed; trying again in %.0f s", self.interval)

    def start(self) -> Sweeper:
        """Start sweeping in a daemon thread."""
        self._thread = threading.Thread(target=self._loop, name="dateline-sweeper", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop sweeping."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)


@dataclass
class JobRunner:
    """Jobs of one process: the queue to submit to, and when this process runs jobs, its Dramatiq worker and
    sweeper (the embedded runner in the API, or one `dateline worker` process)."""

    broker: JobBroker
    jobs: JobQueue
    worker: dramatiq.Worker | None = None
    sweeper: Sweeper | None = None

    def stop(self) -> None:
        """Finish the jobs in hand (the rest stay queued: the sweeper of a later process sends them again)."""
        if self.sweeper is not None:
            self.sweeper.stop()
        if self.worker is not None:
            self.worker.stop(timeout=30_000)
            self.broker.runtime = None
        self.broker.close()


def start_runner(
    settings: Settings, database: Database, ingestor: Ingestor | None = None, *, threads: int = 1
) -> JobRunner:
    """The job runner of a process. Given an ingest service, it runs jobs here too: a Dramatiq worker runs
    the actor on `threads` threads and a sweeper sends lost jobs again."""
    broker = make_broker(settings)
    jobs = JobQueue(database, broker.send, policy_of(settings))
    runner = JobRunner(broker, jobs)
    if ingestor is not None:
        broker.runtime = Runtime(jobs, ingestor)
        # A consumer whose prefetched messages are all in hand polls the broker with a backoff that grows up
        # to the worker timeout (1 s by default): long enough for the threads to run dry between jobs of a
        # third of a second. 100 ms keeps them fed, for ten cheap polls a second while idle.
        runner.worker = dramatiq.Worker(broker.broker, worker_threads=threads, worker_timeout=WORKER_POLL_MS)
        runner.worker.start()
        runner.sweeper = Sweeper(jobs, broker, settings.sweep_seconds).start()
    return runner


# --- `dateline worker`: processes forked from a parent that loaded the model once ----------------------

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """Linux: have the kernel kill this child when its parent dies, so no orphan keeps consuming."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _child(settings: Settings, extractor: Extractor, others: dict[str, Extractor], threads: int) -> None:
    """One worker process: connections of its own, the actor running on `threads` threads, until SIGTERM."""
    _die_with_parent()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    extractor.analyze(WARM_UP_TEXT, None)
    database = make_database(settings.database_url)
    ingestor = Ingestor.configured(database, settings, extractor, others)
    runner = start_runner(settings, database, ingestor, threads=threads)
    log.info("worker process %d consuming (%d threads)", os.getpid(), threads)
    stop.wait()
    log.info("worker process %d stopping", os.getpid())
    runner.stop()
    database.dispose()


def serve_workers(
    settings: Settings, extractor: Extractor, others: dict[str, Extractor], processes: int, threads: int
) -> None:
    """Fork `processes` workers (they share the model loaded here) and keep them running until SIGTERM or
    SIGINT; a worker that dies is replaced."""
    context = multiprocessing.get_context("fork")
    stopping = threading.Event()

    def spawn() -> Any:
        process = context.Process(target=_child, args=(settings, extractor, others, threads), daemon=False)
        process.start()
        return process

    def on_signal(signum: int, _frame: Any) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    children = [spawn() for _ in range(processes)]
    while not stopping.wait(0.5):
        for n, child in enumerate(children):
            if not child.is_alive():
                log.warning("worker process %s exited with %s; starting another", child.pid, child.exitcode)
                children[n] = spawn()
    for child in children:
        if child.is_alive() and child.pid is not None:
            os.kill(child.pid, signal.SIGTERM)
    deadline = time.monotonic() + 40
    for child in children:
        child.join(timeout=max(0.1, deadline - time.monotonic()))
        if child.is_alive():
            child.kill()
