"""Fixtures for robustness tests: real server subprocesses on the suite's database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.robustness.server import Server


@pytest.fixture
def start_server(database_url: str, tmp_path: Path) -> Iterator[Callable[..., Server]]:
    """Start uvicorn subprocesses on the suite's database; every one is killed when the test ends."""
    servers: list[Server] = []

    def start(workers: int = 1, **options: Any) -> Server:
        server = Server(database_url, tmp_path / f"server-{len(servers)}.log", workers=workers, **options)
        servers.append(server)
        return server.start()

    try:
        yield start
    finally:
        for server in servers:
            server.kill()
