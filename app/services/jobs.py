"""Jobs: ingest and re-extraction as queued work. The jobs table is the record of work; a broker (or the
in-process runner) carries only job ids.

A job is written in the transaction of the request that queues it, then its id is sent. A worker claims it
with one atomic UPDATE (queued, or running with an expired lease: its worker died), which gives it a lease;
it finishes it as done or failed under that lease. Whatever the broker loses (a message dropped, a worker
killed with messages prefetched) the sweeper sends again: queued jobs not taken for a while, running jobs
whose lease expired. A job run twice is harmless: a text is stored once (its content hash), and claiming
is atomic, so two deliveries of one id never run it at the same time.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, delete, func, insert, select, update
from sqlmodel import Session

from app.db import Database
from app.errors import DomainError, NotFound
from app.models import Article, Batch, Job, utcnow
from app.schemas import BatchOut, JobOut, Page
from app.services.ingest import Ingestor, IngestResult, Submission, parse_published
from app.services.queries import PageRequest

log = logging.getLogger("dateline.jobs")

JOBS: Table = Job.__table__  # type: ignore[attr-defined]
BATCHES: Table = Batch.__table__  # type: ignore[attr-defined]
ARTICLES: Table = Article.__table__  # type: ignore[attr-defined]
STATES = ("queued", "running", "done", "failed")
KINDS = ("ingest", "reprocess")
# Ids per statement when many jobs are queued or sent at once.
CHUNK = 500


@dataclass(frozen=True)
class JobPolicy:
    """How long a worker holds a job, when a job is sent again, and how often one may start."""

    lease_seconds: float = 300
    resend_seconds: float = 60
    max_attempts: int = 3
    retention_seconds: float | None = None  # finished jobs are forgotten this long after they end; None: kept


@dataclass(frozen=True)
class Claim:
    """A job a worker took: what to do, and the lease under which it may finish it."""

    job_id: int
    kind: str
    payload: dict[str, Any] | None
    article_id: int | None
    attempts: int
    lease: str


def problem_of(exc: BaseException) -> dict[str, Any]:
    """A failure as the problem+json detail a job keeps."""
    if isinstance(exc, DomainError):
        return {"type": "about:blank", "title": exc.title, "status": exc.status, "detail": exc.detail}
    # Only the kind of error: its message can carry SQL or addresses, and the job is readable by anyone who
    # can read the API. The worker's log has the whole of it.
    return {
        "type": "about:blank",
        "title": "Internal error",
        "status": 500,
        "detail": f"The job stopped on an unexpected {type(exc).__name__}; the worker's log has the details.",
    }


def submission_payload(submission: Submission) -> dict[str, Any]:
    """What an ingest job keeps of a submission, as JSON."""
    published = submission.published_at.isoformat() if submission.published_at is not None else None
    fields = {"text": submission.text, "published_at": published, "url": submission.url, "source": submission.source}
    if submission.html is not None:  # a web page: the job extracts its story
        fields["html"] = submission.html
    return fields


def submission_from_payload(payload: dict[str, Any]) -> Submission:
    """The submission an ingest job carries."""
    return Submission(
        text=str(payload.get("text") or ""),
        published_at=parse_published(payload.get("published_at")),
        url=payload.get("url"),
        source=payload.get("source"),
        html=payload.get("html"),
    )


# --- queueing (inside the caller's transaction) ---------------------------------------------------


def queue_job(
    session: Session,
    kind: str,
    *,
    payload: dict[str, Any] | None = None,
    article_id: int | None = None,
    batch_id: int | None = None,
    line: int | None = None,
) -> int:
    """Write a queued job into the session's transaction; its id (send it after the commit)."""
    now = utcnow()
    row = {
        "kind": kind,
        "state": "queued",
        "attempts": 0,
        "payload": payload,
        "article_id": article_id,
        "batch_id": batch_id,
        "line": line,
        "created_at": now,
        "sent_at": now,
    }
    return int(session.execute(insert(JOBS).returning(JOBS.c.id), row).scalar_one())


def new_batch(session: Session, size: int) -> int:
    """Write a batch of `size` lines into the session's transaction; its id."""
    return int(
        session.execute(insert(BATCHES).returning(BATCHES.c.id), {"size": size, "created_at": utcnow()}).scalar_one()
    )


def refused_job(session: Session, problem: dict[str, Any], batch_id: int, line: int) -> int:
    """Record a batch line refused on arrival as a failed job, so the batch reports it in its place."""
    now = utcnow()
    row = {
        "kind": "ingest",
        "state": "failed",
        "attempts": 0,
        "error": problem,
        "batch_id": batch_id,
        "line": line,
        "created_at": now,
        "finished_at": now,
    }
    return int(session.execute(insert(JOBS).returning(JOBS.c.id), row).scalar_one())


# --- reading --------------------------------------------------------------------------------------


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored timestamp with its zone (SQLite hands back naive UTC)."""
    if moment is None:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def job_out(row: Any) -> JobOut:
    """A job as served."""
    return JobOut(
        id=row.id,
        kind=row.kind,
        state=row.state,
        attempts=row.attempts,
        article_id=row.article_id,
        article=f"/v1/articles/{row.article_id}" if row.article_id is not None else None,
        outcome=row.outcome,
        error=row.error,
        batch_id=row.batch_id,
        line=row.line,
        created_at=row.created_at,
        started_at=_aware(row.started_at),
        finished_at=_aware(row.finished_at),
    )


JOB_COLUMNS = [c for c in JOBS.c if c.name not in ("payload", "lease")]


def get_job(session: Session, job_id: int) -> JobOut:
    """One job, or NotFound."""
    row = session.execute(select(*JOB_COLUMNS).where(JOBS.c.id == job_id)).one_or_none()
    if row is None:
        raise NotFound(f"No job with id {job_id}.")
    return job_out(row)


def list_jobs(
    session: Session,
    page: PageRequest,
    state: str | None = None,
    kind: str | None = None,
    batch_id: int | None = None,
) -> Page[JobOut]:
    """Jobs, newest first (a batch's in line order), filtered by state, kind or batch."""
    conditions = []
    if state:
        conditions.append(JOBS.c.state == state)
    if kind:
        conditions.append(JOBS.c.kind == kind)
    if batch_id is not None:
        conditions.append(JOBS.c.batch_id == batch_id)
    total = int(session.execute(select(func.count()).select_from(JOBS).where(*conditions)).scalar_one())
    order = (JOBS.c.line, JOBS.c.id) if batch_id is not None else (JOBS.c.id.desc(),)
    rows = session.execute(
        select(*JOB_COLUMNS).where(*conditions).order_by(*order).limit(page.limit).offset(page.offset)
    ).all()
    following = page.offset + page.limit
    return Page[JobOut](
        items=[job_out(r) for r in rows],
        total=total,
        limit=page.limit,
        offset=page.offset,
        next_offset=following if following < total else None,
    )


def counts_by_state(session: Session, batch_id: int | None = None) -> dict[str, int]:
    """How many jobs are in each state (every state named, zeros included)."""
    query = select(JOBS.c.state, func.count()).group_by(JOBS.c.state)
    if batch_id is not None:
        query = query.where(JOBS.c.batch_id == batch_id)
    counts = dict.fromkeys(STATES, 0)
    for state, n in session.execute(query):
        counts[state] = int(n)
    return counts


def get_batch(session: Session, batch_id: int, page: PageRequest) -> BatchOut:
    """A batch: its counts by state and a page of its lines' jobs in line order."""
    row = session.execute(select(BATCHES).where(BATCHES.c.id == batch_id)).one_or_none()
    if row is None:
        raise NotFound(f"No batch with id {batch_id}.")
    counts = counts_by_state(session, batch_id)
    return BatchOut(
        id=row.id,
        size=row.size,
        created_at=row.created_at,
        counts=counts,
        finished=counts["queued"] + counts["running"] == 0,
        results=list_jobs(session, page, batch_id=batch_id),
    )


# --- the queue of one process ---------------------------------------------------------------------

Sender = Callable[[int], None]


class JobQueue:
    """Queue jobs (committed, then sent), and claim, run and finish them (in workers)."""

    def __init__(self, database: Database, send: Sender, policy: JobPolicy | None = None) -> None:
        self.database = database
        self._send = send
        self.policy = policy or JobPolicy()

    def send(self, job_ids: Iterable[int]) -> int:
        """Hand committed jobs to the broker; how many were sent. A broker that fails stops the sending: the
        jobs are recorded, and the sweeper sends them once it answers again."""
        sent = 0
        for job_id in job_ids:
            try:
                self._send(job_id)
            except Exception as exc:
                log.warning("broker refused job %s (%s); the sweeper will send it again", job_id, exc)
                break
            sent += 1
        return sent

    def submit(self, submission: Submission) -> JobOut:
        """Queue one ingest job; the job as queued."""
        with self.database.write() as session:
            job_id = queue_job(session, "ingest", payload=submission_payload(submission))
            session.commit()
            job = get_job(session, job_id)
        self.send([job_id])
        return job

    def submit_batch(self, lines: Sequence[Submission | DomainError], numbers: Sequence[int] | None = None) -> int:
        """Queue a batch: one job per line (numbered as given, else from 1), a line refused on arrival as a
        failed job; the batch's id."""
        numbers = numbers or range(1, len(lines) + 1)
        queued: list[int] = []
        with self.database.write() as session:
            batch_id = new_batch(session, len(lines))
            for n, line in zip(numbers, lines, strict=True):
                if isinstance(line, DomainError):
                    refused_job(session, problem_of(line), batch_id, n)
                else:
                    queued.append(
                        queue_job(session, "ingest", payload=submission_payload(line), batch_id=batch_id, line=n)
                    )
            session.commit()
        self.send(queued)
        return batch_id

    def submit_reprocess_batch(self, article_ids: Sequence[int]) -> int:
        """Queue re-extraction of stored articles as one batch (line n: the n-th id); the batch's id."""
        with self.database.write() as session:
            batch_id = new_batch(session, len(article_ids))
            ids = [
                queue_job(session, "reprocess", article_id=a, batch_id=batch_id, line=n)
                for n, a in enumerate(article_ids, 1)
            ]
            session.commit()
        self.send(ids)
        return batch_id

    def submit_reprocess(self, article_ids: Sequence[int]) -> list[int]:
        """Queue re-extraction of stored articles (ids that are not stored are skipped); the job ids."""
        job_ids: list[int] = []
        for start in range(0, len(article_ids), CHUNK):
            chunk = list(article_ids[start : start + CHUNK])
            with self.database.write() as session:
                stored = session.execute(select(ARTICLES.c.id).where(ARTICLES.c.id.in_(chunk))).scalars().all()
                ids = [queue_job(session, "reprocess", article_id=a) for a in sorted(stored)]
                session.commit()
            self.send(ids)
            job_ids += ids
        return job_ids

    # --- in workers ---

    def claim(self, job_id: int) -> Claim | None:
        """Take a job to run: queued, or running under an expired lease (its worker died), and not out of
        attempts. None when it is done, failed, held by a live worker, or unknown."""
        now = utcnow()
        lease = secrets.token_hex(8)
        statement = (
            update(JOBS)
            .where(
                JOBS.c.id == job_id,
                (JOBS.c.state == "queued") | ((JOBS.c.state == "running") & (JOBS.c.leased_until < now)),
                JOBS.c.attempts < self.policy.max_attempts,
            )
            .values(
                state="running",
                attempts=JOBS.c.attempts + 1,
                lease=lease,
                leased_until=now + dt.timedelta(seconds=self.policy.lease_seconds),
                started_at=now,
            )
            .returning(JOBS.c.kind, JOBS.c.payload, JOBS.c.article_id, JOBS.c.attempts)
        )
        with self.database.write() as session:
            row = session.execute(statement).one_or_none()
            session.commit()
        if row is None:
            return None
        return Claim(job_id, row.kind, row.payload, row.article_id, row.attempts, lease)

    def _finish(self, claim: Claim, session: Session | None = None, **values: Any) -> bool:
        """End a claimed job's run under its lease, in the given transaction or in one of its own; False when
        the lease was lost meanwhile (another worker took the job over)."""
        statement = (
            update(JOBS)
            .where(JOBS.c.id == claim.job_id, JOBS.c.lease == claim.lease, JOBS.c.state == "running")
            .values(lease=None, leased_until=None, **values)
        )
        if session is not None:
            return cast(CursorResult[Any], session.execute(statement)).rowcount == 1
        with self.database.write() as own:
            finished = cast(CursorResult[Any], own.execute(statement)).rowcount == 1
            own.commit()
        return finished

    def complete(self, claim: Claim, result: IngestResult, outcome: str, session: Session | None = None) -> bool:
        """Mark a claimed job done with its article (its text is the article's now, so the payload goes), in
        the given transaction (the one storing the article) or in one of its own; False when the lease was
        lost meanwhile (another worker took the job over: it finds the article stored)."""
        return self._finish(
            claim,
            session,
            state="done",
            article_id=result.article_id,
            outcome=outcome,
            payload=None,
            error=None,
            finished_at=utcnow(),
        )

    def fail(self, claim: Claim, problem: dict[str, Any]) -> bool:
        """Mark a claimed job failed for good, keeping why."""
        return self._finish(claim, state="failed", error=problem, finished_at=utcnow())

    def release(self, claim: Claim, problem: dict[str, Any]) -> bool:
        """Put a job that met a passing failure back in the queue (True), or fail it once it is out of
        attempts (False). The caller sends it again."""
        if claim.attempts >= self.policy.max_attempts:
            self.fail(claim, problem)
            return False
        return self._finish(claim, state="queued", error=problem, sent_at=utcnow())

    def sweep(self, limit: int = CHUNK, queued_too: bool = True) -> list[int]:
        """Send again the jobs a broker lost: running under an expired lease, and (when queued_too) queued
        ones sent longer ago than resend_seconds; fail those out of attempts. The ids sent. Safe to run
        in many processes at once: each job is picked by one atomic UPDATE, so one sweeper sends it."""
        now = utcnow()
        stale = now - dt.timedelta(seconds=self.policy.resend_seconds)
        expired = (JOBS.c.state == "running") & (JOBS.c.leased_until < now)
        lost = {
            "type": "about:blank",
            "title": "Worker lost",
            "status": 500,
            "detail": f"The job's worker stopped before finishing it, {self.policy.max_attempts} times.",
        }
        due = expired | (JOBS.c.state == "queued") if queued_too else expired
        with self.database.write() as session:
            session.execute(
                update(JOBS)
                .where(expired, JOBS.c.attempts >= self.policy.max_attempts)
                .values(state="failed", error=lost, lease=None, leased_until=None, finished_at=now)
            )
            picked = select(JOBS.c.id).where(due, JOBS.c.sent_at < stale).order_by(JOBS.c.id).limit(limit)
            ids = (
                session.execute(
                    update(JOBS)
                    .where(JOBS.c.id.in_(picked.scalar_subquery()), JOBS.c.sent_at < bindparam("stale"))
                    .values(sent_at=now)
                    .returning(JOBS.c.id),
                    {"stale": stale},
                )
                .scalars()
                .all()
            )
            session.commit()
        ids = sorted(ids)
        if ids:
            log.info("sending %d jobs again", len(ids))
            self.send(ids)
        return ids

    def forget_finished(self, now: dt.datetime | None = None) -> int:
        """Delete jobs that ended longer than the retention ago: jobs of no batch, and whole batches once every
        line has ended that long ago (a batch never loses some of its lines). How many jobs went. In chunks,
        so no transaction holds the write lock for long."""
        if self.policy.retention_seconds is None:
            return 0
        cutoff = (now or utcnow()) - dt.timedelta(seconds=self.policy.retention_seconds)
        ended = JOBS.c.state.in_(("done", "failed"))
        gone = 0
        while True:
            old = select(JOBS.c.id).where(ended, JOBS.c.batch_id.is_(None), JOBS.c.finished_at < cutoff)
            with self.database.write() as session:
                n = cast(
                    CursorResult[Any],
                    session.execute(
                        delete(JOBS).where(JOBS.c.id.in_(old.order_by(JOBS.c.id).limit(CHUNK).scalar_subquery()))
                    ),
                ).rowcount
                session.commit()
            gone += n
            if n < CHUNK:
                break
        line = select(JOBS.c.id).where(JOBS.c.batch_id == BATCHES.c.id)
        unfinished_or_recent = line.where(~ended | (JOBS.c.finished_at >= cutoff))
        while True:
            with self.database.write() as session:
                batch_ids = (
                    session.execute(
                        select(BATCHES.c.id)
                        .where(BATCHES.c.created_at < cutoff, ~unfinished_or_recent.exists())
                        .order_by(BATCHES.c.id)
                        .limit(50)
                    )
                    .scalars()
                    .all()
                )
                if batch_ids:
                    gone += cast(
                        CursorResult[Any], session.execute(delete(JOBS).where(JOBS.c.batch_id.in_(batch_ids)))
                    ).rowcount
                    session.execute(delete(BATCHES).where(BATCHES.c.id.in_(batch_ids)))
                session.commit()
            if len(batch_ids) < 50:
                break
        if gone:
            log.info("forgot %d jobs finished before %s", gone, cutoff.isoformat(timespec="seconds"))
        return gone

    def run(self, job_id: int, ingestor: Ingestor) -> str | None:
        """Claim a job and do it with this process's ingest service; its final state, or None when it was not
        this worker's to run. Bad input fails the job for good; any other error puts it back in the queue
        (re-raised, so the broker delivers it again after a pause) until it is out of attempts."""
        claim = self.claim(job_id)
        if claim is None:
            return None

        def done(session: Session, result: IngestResult) -> None:
            # In the transaction that stores the article: a worker killed after it committed leaves a done job.
            outcome = "reprocessed" if claim.kind == "reprocess" else "created" if result.created else "duplicate"
            if not self.complete(claim, result, outcome, session):
                log.warning("job %s was taken over by another worker while this one ran it", job_id)

        try:
            if claim.kind == "reprocess":
                if claim.article_id is None:
                    raise NotFound("The article to re-extract is no longer stored.")
                ingestor.reextract(claim.article_id, then=done)
            else:
                ingestor.ingest(submission_from_payload(claim.payload or {}), then=done)
        except DomainError as exc:
            self.fail(claim, problem_of(exc))
            return "failed"
        except Exception as exc:
            log.exception("job %s failed (attempt %d)", job_id, claim.attempts)
            if self.release(claim, problem_of(exc)):
                raise
            return "failed"
        return "done"

    def pending(self) -> int:
        """Jobs queued or running."""
        with self.database.read() as session:
            counts = counts_by_state(session)
        return counts["queued"] + counts["running"]
