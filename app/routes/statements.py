"""Statements: one speaker's words as carried across articles and outlets."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.deps import IdPath, PageDep, SessionDep
from app.routes.articles import NOT_FOUND
from app.schemas import Page, StatementDetail, StatementOut
from app.services import statement_queries

router = APIRouter(prefix="/v1/statements", tags=["statements"])


@router.get("", response_model=Page[StatementOut], responses=NOT_FOUND)
def list_statements(
    session: SessionDep,
    page: PageDep,
    speaker: Annotated[str | None, Query(max_length=300, description="Speaker entity id, full or last name")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Words in the statement")] = None,
) -> Page[StatementOut]:
    """List statements, the most widely carried first, with when and where each was first seen."""
    return statement_queries.list_statements(session, statement_queries.StatementFilters(speaker, q), page)


@router.get("/{statement_id}", response_model=StatementDetail, responses=NOT_FOUND)
def get_statement(statement_id: IdPath, session: SessionDep) -> StatementDetail:
    """Retrieve one statement with every appearance: each article that quotes it, the first first."""
    return statement_queries.get_statement(session, statement_id)
