"""compose.yaml runs the real topology, with commands the CLI really has."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from app.cli import cli

COMPOSE = Path(__file__).resolve().parent.parent / "compose.yaml"


def services() -> dict[str, dict]:
    return yaml.safe_load(COMPOSE.read_text())["services"]


def test_compose_runs_postgres_redis_a_migration_two_apis_and_two_workers() -> None:
    found = services()
    assert {"postgres", "redis", "migrate", "api-1", "api-2", "worker"} <= set(found)
    assert found["worker"]["deploy"]["replicas"] == 2
    for name in ("api-1", "api-2", "worker"):
        env = found[name]["environment"]
        assert env["QUEUE_URL"].startswith("redis://redis:") and env["DATABASE_URL"].startswith("postgresql")
        assert found[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert {found["api-1"]["ports"][0], found["api-2"]["ports"][0]} == {"8001:8000", "8002:8000"}
    assert "/readyz" in " ".join(found["api-1"]["healthcheck"]["test"])


def test_compose_commands_are_commands_of_the_cli() -> None:
    for name, service in services().items():
        command = service.get("command")
        if command and command[0] == "dateline":
            result = CliRunner().invoke(cli, [*command[1:], "--help"])
            assert result.exit_code == 0, f"{name}: {' '.join(command)}: {result.output}"
