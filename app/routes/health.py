"""Health and operations: liveness, readiness, metrics."""

from __future__ import annotations

from anyio import to_thread
from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app.db import Database
from app.deps import DatabaseDep, IngestorDep, JobsDep
from app.metrics import CONTENT_TYPE, JobsCollector, exposition
from app.schemas import Health, Readiness
from app.services.jobs import counts_by_state

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, responses={503: {"model": Health}})
async def get_health(request: Request, database: DatabaseDep, ingestor: IngestorDep) -> Health | JSONResponse:
    """200 when the database answers and the NLP model is loaded; 503 otherwise."""
    # In a thread of its own: never queued behind requests' database work, searches or parses.
    db_state = await to_thread.run_sync(database_state, database, limiter=request.app.state.health_threads)
    health = Health(
        status="ok" if db_state == "ok" else "degraded",
        database=db_state,
        model=ingestor.extractor.nlp.meta.get("name", "?"),
        extractor_version=ingestor.extractor.version,
    )
    if db_state != "ok":
        return JSONResponse(health.model_dump(), status_code=503)
    return health


def database_state(database: Database) -> str:
    """'ok' when the database answers a query, else 'unavailable'."""
    try:
        with database.read() as session:
            session.exec(text("SELECT 1"))  # type: ignore[call-overload]
    except Exception:
        return "unavailable"
    return "ok"


@router.get("/readyz", response_model=Readiness, responses={503: {"model": Readiness}})
def get_readiness(database: DatabaseDep, jobs: JobsDep) -> Readiness | JSONResponse:
    """200 when this process can take traffic: the database answers, and so does the broker when QUEUE_URL
    is set; 503 otherwise (a load balancer then sends requests elsewhere)."""
    ready = Readiness(status="ready", database=database_state(database), broker=jobs.broker.ping())
    if ready.database != "ok" or ready.broker == "unavailable":
        ready.status = "unavailable"
        return JSONResponse(ready.model_dump(), status_code=503)
    return ready


@router.get("/metrics", response_class=Response, responses={200: {"content": {CONTENT_TYPE: {}}}})
def get_metrics(database: DatabaseDep, jobs: JobsDep) -> Response:
    """Prometheus metrics: requests and latencies by route, extraction seconds, jobs by state, queue depth."""

    def counts() -> dict[str, int]:
        with database.read() as session:
            return counts_by_state(session)

    return Response(exposition(JobsCollector(counts, jobs.broker.depth)), media_type=CONTENT_TYPE)
