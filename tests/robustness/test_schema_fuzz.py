"""Property-based fuzzing of every operation in the OpenAPI schema (schemathesis, in-process ASGI)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app.config import Settings
from app.main import create_app
from tests.robustness.textgen import story

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
MAX_EXAMPLES = int(os.environ.get("SCHEMA_FUZZ_EXAMPLES", "30"))  # more for a deeper run
# The operations, read from a schema built without starting the app (building one touches no database).
PATHS = create_app(Settings(database_url="sqlite:///unused.db")).openapi()["paths"]
OPERATIONS = [(path, method.upper()) for path, methods in PATHS.items() for method in methods]
CASES = [
    pytest.param(path, method, mode, id=f"{method} {path} {mode}")
    for path, method in OPERATIONS
    for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    # An operation with no inputs has no invalid request to generate.
    if mode is GenerationMode.POSITIVE
    or PATHS[path][method.lower()].get("parameters")
    or PATHS[path][method.lower()].get("requestBody")
]


@schemathesis.serializer("application/x-ndjson")
def ndjson_serializer(ctx: Any, value: Any) -> dict[str, Any]:
    """A batch body is text, lines of JSON (or anything at all, to see it refused properly)."""
    if isinstance(value, bytes):
        return {"data": value}
    return {"data": str(value).encode("utf-8", "surrogatepass")}


@pytest.fixture(scope="module")
def api_schema(settings: Settings, served: TestClient) -> Iterator[Any]:
    """The app's own OpenAPI schema, bound to a second app instance on the same database."""
    key = settings.api_keys[0]
    for seed in (1, 2, 3):  # something to find, so reads by id sometimes hit a stored row
        served.post("/v1/articles", json={"text": story(seed)}, headers={"Authorization": f"Bearer {key}"})
    app = create_app(settings)
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    from schemathesis.python.asgi import shutdown_lifespans

    shutdown_lifespans()  # dispose that app's engines before the test database is dropped


@pytest.mark.parametrize(("path", "method", "mode"), CASES)
def test_operation_answers_as_documented(
    api_schema: Any, settings: Settings, path: str, method: str, mode: GenerationMode
) -> None:
    operation = api_schema[path][method]
    auth = {"Authorization": f"Bearer {settings.api_keys[0]}"}

    @given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis_settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,  # the same cases every run: a CI failure reproduces locally
        database=None,  # no .hypothesis/ folder left in the work tree
    )
    def check(case: Any) -> None:
        case.call_and_validate(headers=auth, checks=CHECKS)

    check()
