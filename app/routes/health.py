"""Health: can the app serve."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from app.deps import DatabaseDep, IngestorDep
from app.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health, responses={503: {"model": Health}})
def get_health(database: DatabaseDep, ingestor: IngestorDep) -> Health | JSONResponse:
    """200 when the database answers and the NLP model is loaded; 503 otherwise."""
    try:
        with database.read() as session:
            session.exec(text("SELECT 1"))  # type: ignore[call-overload]
        db_state = "ok"
    except Exception:
        db_state = "unavailable"
    health = Health(
        status="ok" if db_state == "ok" else "degraded",
        database=db_state,
        model=ingestor.extractor.nlp.meta.get("name", "?"),
        extractor_version=ingestor.extractor.version,
    )
    if db_state != "ok":
        return JSONResponse(health.model_dump(), status_code=503)
    return health
