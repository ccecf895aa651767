"""The job service on the suite's database: claims are exclusive, leases expire, the sweeper sends lost jobs
again once, and a job that keeps dying fails with its reason."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select, update

from app.db import Database, make_database
from app.models import Article
from app.services.ingest import Ingestor, IngestResult, Submission
from app.services.jobs import BATCHES, JOBS, JobPolicy, JobQueue


@pytest.fixture
def database(client: TestClient, database_url: str) -> Iterator[Database]:
    """The suite's database, emptied (by the client fixture)."""
    db = make_database(database_url)
    yield db
    db.dispose()


def queue(database: Database, policy: JobPolicy) -> tuple[JobQueue, list[int]]:
    """A job queue whose broker is a list of the ids sent."""
    sent: list[int] = []
    return JobQueue(database, sent.append, policy), sent


def backdate(database: Database, job_id: int, seconds: float, column: str) -> None:
    """Move a job's timestamp into the past, as if time had passed."""
    with database.write() as session:
        row = session.execute(JOBS.select().where(JOBS.c.id == job_id)).one()
        moment = getattr(row, column)
        earlier = moment - dt.timedelta(seconds=seconds)
        session.execute(update(JOBS).where(JOBS.c.id == job_id).values({column: earlier}))
        session.commit()


def test_a_job_is_claimed_by_one_worker_at_a_time(database: Database) -> None:
    jobs, sent = queue(database, JobPolicy(lease_seconds=60))
    job = jobs.submit(Submission(text="A short story."))
    assert sent == [job.id] and job.state == "queued"
    claims = []
    lock = threading.Lock()

    def take() -> None:
        claim = jobs.claim(job.id)
        with lock:
            claims.append(claim)

    threads = [threading.Thread(target=take) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    taken = [c for c in claims if c is not None]
    assert len(taken) == 1 and taken[0].attempts == 1


def test_an_expired_lease_lets_another_worker_take_the_job_and_the_first_cannot_finish_it(database: Database) -> None:
    jobs, _ = queue(database, JobPolicy(lease_seconds=60))
    job = jobs.submit(Submission(text="A short story."))
    first = jobs.claim(job.id)
    assert first is not None and jobs.claim(job.id) is None  # held
    backdate(database, job.id, 120, "leased_until")
    second = jobs.claim(job.id)
    assert second is not None and second.attempts == 2
    assert not jobs.complete(first, IngestResult(1, True), "created")  # its lease is gone
    with database.read() as session:
        assert session.execute(JOBS.select().where(JOBS.c.id == job.id)).one().state == "running"


def test_the_sweeper_sends_lost_jobs_again_once_per_interval(database: Database) -> None:
    jobs, sent = queue(database, JobPolicy(lease_seconds=60, resend_seconds=30))
    waiting = jobs.submit(Submission(text="Waiting in a queue that lost it."))
    running = jobs.submit(Submission(text="Its worker died."))
    fresh = jobs.submit(Submission(text="Just sent."))
    assert jobs.claim(running.id) is not None
    sent.clear()
    assert jobs.sweep() == []  # nothing is stale yet
    for job_id in (waiting.id, running.id):
        backdate(database, job_id, 60, "sent_at")
    assert jobs.sweep() == [waiting.id]  # the running one still holds its lease
    backdate(database, running.id, 120, "leased_until")
    assert jobs.sweep(queued_too=False) == [running.id]
    assert jobs.sweep() == []  # each is sent again once per resend interval
    assert sent == [waiting.id, running.id]
    assert fresh.id not in sent


def test_a_job_whose_worker_keeps_dying_fails_with_why(database: Database) -> None:
    jobs, _ = queue(database, JobPolicy(lease_seconds=60, resend_seconds=1, max_attempts=2))
    job = jobs.submit(Submission(text="A text that kills its worker."))
    for _ in range(2):
        assert jobs.claim(job.id) is not None
        backdate(database, job.id, 120, "leased_until")
    assert jobs.claim(job.id) is None  # out of attempts
    jobs.sweep()
    with database.read() as session:
        row = session.execute(JOBS.select().where(JOBS.c.id == job.id)).one()
    assert row.state == "failed" and row.error["title"] == "Worker lost" and row.attempts == 2


def test_a_passing_failure_requeues_the_job_until_it_is_out_of_attempts(database: Database) -> None:
    jobs, _ = queue(database, JobPolicy(max_attempts=2))
    job = jobs.submit(Submission(text="The database blinked."))
    problem = {"title": "Internal error", "status": 500, "detail": "OperationalError"}
    first = jobs.claim(job.id)
    assert first is not None and jobs.release(first, problem)
    second = jobs.claim(job.id)
    assert second is not None and not jobs.release(second, problem)
    with database.read() as session:
        row = session.execute(JOBS.select().where(JOBS.c.id == job.id)).one()
    assert (row.state, row.error["detail"]) == ("failed", "OperationalError")


def test_a_broker_that_refuses_leaves_the_job_recorded(database: Database) -> None:
    def refuse(job_id: int) -> None:
        raise ConnectionError("broker down")

    jobs = JobQueue(database, refuse, JobPolicy(resend_seconds=0.01))
    job = jobs.submit(Submission(text="Sent while the broker was down."))
    assert job.state == "queued"
    time.sleep(0.05)
    recovered: list[int] = []
    assert JobQueue(database, recovered.append, JobPolicy(resend_seconds=0.01)).sweep() == [job.id]
    assert recovered == [job.id]


def test_re_extracting_an_article_deleted_meanwhile_fails_as_not_found(client: TestClient, database: Database) -> None:
    from app.services.deletion import delete_article

    created = client.post(
        "/v1/articles",
        content=b"OSLO (Reuters) - Ingrid Lindqvist said the port would open.",
        headers={"Content-Type": "text/plain"},
    )
    article_id = created.json()["id"]
    jobs, _ = queue(database, JobPolicy())
    [job_id] = jobs.submit_reprocess([article_id])
    assert delete_article(database, article_id)
    assert jobs.run(job_id, client.app.state.ingestor) == "failed"  # type: ignore[attr-defined]
    with database.read() as session:
        row = session.execute(JOBS.select().where(JOBS.c.id == job_id)).one()
    assert row.article_id is None  # the deleted article's id is not kept
    assert row.error["status"] == 404


def articles_stored(database: Database) -> int:
    with database.read() as session:
        return int(session.execute(select(func.count()).select_from(Article)).scalar_one())


def job_row(database: Database, job_id: int) -> Any:
    with database.read() as session:
        return session.execute(JOBS.select().where(JOBS.c.id == job_id)).one()


def test_a_job_is_done_in_the_transaction_that_stores_its_article(client: TestClient, database: Database) -> None:
    """A worker killed after the article's commit cannot leave its job running: both commit together, and a
    failure in the job's completion stores no article."""
    ingestor: Ingestor = client.app.state.ingestor  # type: ignore[attr-defined]
    jobs, _ = queue(database, JobPolicy())
    job = jobs.submit(Submission(text="Ms Jane Roe, the mayor of Dunmore, said the bridge would reopen."))
    claim = jobs.claim(job.id)
    assert claim is not None

    def dies_before_commit(session: Any, result: IngestResult) -> None:
        assert jobs.complete(claim, result, "created", session)
        raise RuntimeError("killed before the commit")

    with pytest.raises(RuntimeError):
        ingestor.ingest(
            Submission(text="Ms Jane Roe, the mayor of Dunmore, said the bridge would reopen."), then=dies_before_commit
        )
    assert articles_stored(database) == 0 and job_row(database, job.id).state == "running"  # neither committed
    backdate(database, job.id, 400, "leased_until")  # the lease of the "killed" worker runs out
    assert jobs.run(job.id, ingestor) == "done"
    row = job_row(database, job.id)
    assert (row.state, row.outcome, row.payload) == ("done", "created", None)
    assert articles_stored(database) == 1 and row.article_id is not None


def test_a_job_taken_over_meanwhile_still_stores_its_article_once(client: TestClient, database: Database) -> None:
    ingestor: Ingestor = client.app.state.ingestor  # type: ignore[attr-defined]
    jobs, _ = queue(database, JobPolicy(lease_seconds=60))
    text = "The ferry to Inishmore resumed on Monday, the operator Tom Keane said."
    job = jobs.submit(Submission(text=text))
    first = jobs.claim(job.id)
    backdate(database, job.id, 120, "leased_until")
    second = jobs.claim(job.id)
    assert first is not None and second is not None
    # The first worker finishes late: its article is stored, but the job is the second worker's to finish.
    finished: list[bool] = []
    stored = ingestor.ingest(
        Submission(text=text),
        then=lambda session, result: finished.append(jobs.complete(first, result, "created", session)),
    )
    assert finished == [False] and job_row(database, job.id).state == "running"
    assert jobs.run(job.id, ingestor) is None  # held by the second worker
    assert jobs.complete(second, IngestResult(stored.article_id, False), "duplicate")
    assert articles_stored(database) == 1


def test_finished_jobs_are_forgotten_after_the_retention_and_a_batch_only_whole(database: Database) -> None:
    jobs, _ = queue(database, JobPolicy(retention_seconds=3600))
    alone = jobs.submit(Submission(text="Done long ago."))
    recent = jobs.submit(Submission(text="Done just now."))
    waiting = jobs.submit(Submission(text="Still queued, and old."))
    whole = jobs.submit_batch([Submission(text="Line one."), Submission(text="Line two.")])
    partial = jobs.submit_batch([Submission(text="Line one, done."), Submission(text="Line two, running.")])
    with database.read() as session:
        lines = {
            (r.batch_id, r.line): r.id
            for r in session.execute(select(JOBS.c.id, JOBS.c.batch_id, JOBS.c.line))
            if r.batch_id
        }
    for job_id in (alone.id, recent.id, lines[whole, 1], lines[whole, 2], lines[partial, 1]):
        claim = jobs.claim(job_id)
        assert claim is not None and jobs.fail(claim, {"title": "Bad input", "status": 422})
    assert jobs.claim(lines[partial, 2]) is not None
    two_hours = dt.timedelta(hours=2)
    with database.write() as session:
        old = [alone.id, waiting.id, lines[whole, 1], lines[whole, 2], lines[partial, 1], lines[partial, 2]]
        session.execute(update(JOBS).where(JOBS.c.id.in_(old)).values(finished_at=JOBS.c.finished_at - two_hours))
        session.execute(update(JOBS).values(created_at=JOBS.c.created_at - two_hours))
        session.execute(update(BATCHES).values(created_at=BATCHES.c.created_at - two_hours))
        session.commit()
    assert jobs.forget_finished() == 3  # the lone old job and the whole batch's two lines
    with database.read() as session:
        left = set(session.execute(select(JOBS.c.id)).scalars())
        batches = set(session.execute(select(BATCHES.c.id)).scalars())
    assert left == {recent.id, waiting.id, lines[partial, 1], lines[partial, 2]}
    assert batches == {partial}
    assert JobQueue(database, lambda _: None, JobPolicy()).forget_finished() == 0  # no retention: kept
