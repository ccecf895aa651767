"""Shared fixtures: a real database (SQLite file, or PostgreSQL when TEST_DATABASE_URL names one)
built by the Alembic migrations, and the app served in-process."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.db import scratch_postgres
from app.main import create_app
from tests.store import wipe

API_KEY = "test-key"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of the database the suite runs on."""
    configured = os.environ.get("TEST_DATABASE_URL", "").strip()
    if configured.startswith(("postgresql", "postgres")):
        url = Settings(database_url=configured).database_url
        with scratch_postgres(url, "dateline_test") as scratch:
            yield scratch
    else:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'dateline.db'}"


@pytest.fixture(scope="session")
def settings(database_url: str) -> Settings:
    """Settings for the app under test: keys required for writes."""
    # The in-process job runner must not take over the jobs that tests with real workers queue in the same
    # database (its sweeper would send their stale jobs to itself): it sends nothing again within a test.
    return Settings(
        database_url=database_url,
        api_keys=[API_KEY],
        max_body_bytes=3_000_000,
        max_text_chars=1_000_000,
        job_resend_seconds=3600,
        job_lease_seconds=3600,
    )


@pytest.fixture(scope="session")
def served(settings: Settings) -> Iterator[TestClient]:
    """The app with its lifespan run once (migrations applied, model loaded)."""
    with TestClient(create_app(settings)) as test_client:
        yield test_client


@pytest.fixture
def client(served: TestClient, database_url: str) -> Iterator[TestClient]:
    """A client on an empty database, authorised to write."""
    wipe(database_url)
    revision = served.app.state.revision  # type: ignore[attr-defined]
    if revision is not None:  # the wipe's change notification may still be on its way (PostgreSQL)
        revision.bump()
    served.headers.update({"Authorization": f"Bearer {API_KEY}"})
    yield served
    served.headers.pop("Authorization", None)


@pytest.fixture
def anonymous(client: TestClient) -> TestClient:
    """The same client without an API key."""
    client.headers.pop("Authorization", None)
    return client
