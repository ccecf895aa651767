"""Real clients (a generated Python client, pandas, Datasette, psql) against a real server or store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app import migrations
from tests.robustness.server import Server
from tests.store import wipe as wipe_tables


def wipe(database_url: str) -> None:
    """Empty the suite's database (the in-process tests share it), built by the migrations first."""
    migrations.upgrade(database_url)
    wipe_tables(database_url)


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
