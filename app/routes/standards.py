"""Schemas of the standard formats Dateline speaks, served by the app so validators can fetch them."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from app.routes.formats import etagged, public_base
from app.services.renderings import EXTENSION_PATH, ninjs_extension

router = APIRouter(tags=["formats"])
SCHEMA_JSON = "application/schema+json"


@router.get(
    EXTENSION_PATH,
    responses={200: {"content": {SCHEMA_JSON: {"schema": {"type": "object"}}}, "description": "A JSON Schema"}},
    response_class=Response,
)
def get_ninjs_schema(request: Request) -> Any:
    """The JSON Schema of Dateline's ninjs replies: IPTC ninjs 2.1 plus the `dateline:` properties."""
    return etagged(request, ninjs_extension(public_base(request)), SCHEMA_JSON, "public, max-age=3600")
