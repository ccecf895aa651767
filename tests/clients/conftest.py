"""Real clients (a generated Python client, pandas, Datasette, psql) against a real server or store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app import migrations
from tests.robustness.server import Server

TABLES = ("quotes", "mentions", "entities", "articles", "idempotency_keys")


def wipe(database_url: str) -> None:
    """Empty the suite's database (the in-process tests share it), built by the migrations first."""
    migrations.upgrade(database_url)
    engine = create_engine(database_url)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
        else:
            for table in TABLES:
                conn.execute(text(f"DELETE FROM {table}"))
    engine.dispose()


@pytest.fixture(scope="module")
def live(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A uvicorn subprocess on the suite's database, emptied first; killed at the end of the module."""
    wipe(database_url)
    server = Server(database_url, tmp_path_factory.mktemp("live") / "server.log").start()
    try:
        yield server
    finally:
        server.kill()


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A scratch folder outside the checkout."""
    return tmp_path
