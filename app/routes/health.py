"""Health: can the app serve."""

from __future__ import annotations

from anyio import to_thread
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app.db import Database
from app.deps import DatabaseDep, IngestorDep
from app.schemas import Health

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
    """'ok' when the database answers a trivial query, else 'unavailable'."""
    try:
        with database.read() as session:
            session.exec(text("SELECT 1"))  # type: ignore[call-overload]
        return "ok"
    except Exception:
        return "unavailable"
