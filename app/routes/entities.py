"""Entities across all articles."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from app.deps import IdPath, PageDep, SessionDep
from app.routes.articles import NOT_FOUND, paged
from app.routes.formats import CSV_RESPONSE, FormatParam, etagged
from app.schemas import EntityDetail, EntityOut, Page
from app.services import queries

router = APIRouter(prefix="/v1/entities", tags=["entities"])
ENTITY_TYPES = "PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE"


@router.get("", response_model=Page[EntityOut], responses={**NOT_FOUND, **CSV_RESPONSE})
def list_entities(
    request: Request,
    response: Response,
    session: SessionDep,
    page: PageDep,
    type: Annotated[str | None, Query(max_length=20, description=f"One of {ENTITY_TYPES}")] = None,
    prefix: Annotated[str | None, Query(max_length=300, description="Start of the name, any case")] = None,
    format: FormatParam = None,
) -> Page[EntityOut]:
    """List entities, most mentioned first, by type and name prefix."""
    return paged(request, response, format, queries.list_entities(session, queries.EntityFilters(type, prefix), page))


@router.get("/{entity_id}", response_model=EntityDetail, responses={**NOT_FOUND, 304: {"description": "Not modified"}})
def get_entity(request: Request, entity_id: IdPath, session: SessionDep) -> Any:
    """Retrieve one entity with its counts, its quotes and the entities it appears with most."""
    detail = queries.entity_detail(session, entity_id)
    return etagged(request, detail.model_dump(mode="json"), "application/json", "no-cache")
