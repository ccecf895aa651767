"""Jobs and batches: queued work and where it stands."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from app.deps import IdPath, JobsDep, PageDep, SessionDep, SettingsDep, WriterDep
from app.errors import BadInput, DomainError, PayloadTooLarge, UnsupportedMediaType
from app.routes.articles import NOT_FOUND, PROBLEMS, media_type, read_body, submission_from_json
from app.routes.formats import link_header
from app.schemas import BatchOut, JobOut, Page
from app.services import jobs as job_service
from app.services.ingest import Submission, validate_text

router = APIRouter(tags=["jobs"])
# application/octet-stream too: the same lines sent as a file, which is how generated clients upload a body that
# is not JSON.
NDJSON_TYPES = ("application/x-ndjson", "application/jsonl", "application/json-lines", "application/octet-stream")
BATCH_LINES = (
    'One JSON object per line, as the JSON body of POST /v1/articles: {"text": ..., "published_at"?, "url"?, "source"?}'
)
BATCH_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-ndjson": {"schema": {"type": "string", "description": BATCH_LINES}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary", "description": BATCH_LINES}},
        },
    }
}


def parse_line(raw: bytes, n: int, max_text_chars: int) -> Submission | DomainError:
    """One batch line as a submission, or the error that refuses it (named by its line)."""
    try:
        submission = submission_from_json(raw, Submission(text=""))
        validate_text(submission.text, max_text_chars)
    except DomainError as exc:
        exc.detail = f"line {n}: {exc.detail}"
        return exc
    return submission


@router.post(
    "/v1/batches",
    status_code=202,
    response_model=BatchOut,
    responses={k: v for k, v in PROBLEMS.items() if k in (400, 401, 403, 413, 415, 422)},
    openapi_extra=BATCH_BODY,
)
async def create_batch(
    request: Request, response: Response, jobs: JobsDep, settings: SettingsDep, page: PageDep, _writer: WriterDep
) -> BatchOut:
    """Queue many articles at once: one JSON submission per line (application/x-ndjson), one job per line.
    A line that cannot be ingested fails alone (its job says why); 202 with the batch (Location: its URL)."""
    kind, _ = media_type(request)
    if kind not in NDJSON_TYPES:
        raise UnsupportedMediaType(f"Content-Type {kind or '(none)'!r} is not supported: send application/x-ndjson.")
    raw = await read_body(request, settings.max_batch_bytes)
    lines = [(n, line) for n, line in enumerate(raw.split(b"\n"), 1) if line.strip()]
    if not lines:
        raise BadInput("The batch is empty: send one JSON object per line.")
    if len(lines) > settings.max_batch_lines:
        raise PayloadTooLarge(f"The batch has {len(lines)} lines; the limit is {settings.max_batch_lines}.")

    def queue() -> BatchOut:
        # Off the event loop: parsing up to MAX_BATCH_BYTES of lines, the write and the read back.
        parsed = [parse_line(line, n, settings.max_text_chars) for n, line in lines]
        batch_id = jobs.jobs.submit_batch(parsed, [n for n, _ in lines])
        with jobs.jobs.database.read() as session:
            return job_service.get_batch(session, batch_id, page)

    batch = await run_in_threadpool(queue)
    response.headers["Location"] = f"/v1/batches/{batch.id}"
    return batch


@router.get("/v1/batches/{batch_id}", response_model=BatchOut, responses=NOT_FOUND)
def get_batch(request: Request, response: Response, batch_id: IdPath, session: SessionDep, page: PageDep) -> BatchOut:
    """Retrieve a batch: its jobs counted by state, and a page of its lines' jobs in line order."""
    batch = job_service.get_batch(session, batch_id, page)
    response.headers["Link"] = link_header(request, page.offset, page.limit, batch.results.total)
    return batch


@router.get("/v1/jobs/{job_id}", response_model=JobOut, responses=NOT_FOUND)
def get_job(job_id: IdPath, session: SessionDep) -> JobOut:
    """Retrieve a job: its state, attempts, the article it stored, or why it failed."""
    return job_service.get_job(session, job_id)


@router.get("/v1/jobs", response_model=Page[JobOut], responses=NOT_FOUND)
def list_jobs(
    request: Request,
    response: Response,
    session: SessionDep,
    page: PageDep,
    state: Annotated[
        Literal["queued", "running", "done", "failed"] | None, Query(description="Only jobs in this state")
    ] = None,
    kind: Annotated[Literal["ingest", "reprocess"] | None, Query(description="Only jobs of this kind")] = None,
    batch_id: Annotated[int | None, Query(ge=1, le=2_147_483_647, description="Only the jobs of this batch")] = None,
) -> Page[JobOut]:
    """List jobs, newest first (a batch's in line order), by state, kind or batch: ?state=failed for failures."""
    found = job_service.list_jobs(session, page, state=state, kind=kind, batch_id=batch_id)
    response.headers["Link"] = link_header(request, page.offset, page.limit, found.total)
    return found
