"""The dateline command: ingest files, folders and JSON lines, and summarise; schema upgrade."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def count(url: str, table: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        n = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
    engine.dispose()
    return int(n)


def test_ingest_counts_new_duplicate_and_rejected(sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "stories"
    folder.mkdir()
    shutil.copy(FIXTURES / "harbour.txt", folder / "harbour.txt")
    lines = [
        json.dumps({"text": (FIXTURES / "senate.txt").read_text(), "published_at": "2024-03-07"}),
        json.dumps({"text": (FIXTURES / "harbour.txt").read_text()}),  # the same text as the file
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(cli, ["ingest", str(folder), str(tmp_path / "feed.jsonl"), str(tmp_path / "nope.txt")])
    assert "2 new, 1 duplicate, 3 rejected" in result.output
    assert result.exit_code == 0
    assert count(sqlite_url, "articles") == 2


def test_ingest_with_worker_processes_stores_each_article_once(sqlite_url: str, tmp_path: Path) -> None:
    records = [{"text": (FIXTURES / name).read_text()} for name in ("harbour.txt", "senate.txt", "followup.txt")]
    records.append(records[0])
    (tmp_path / "batch.json").write_text(json.dumps(records))
    result = CliRunner().invoke(cli, ["ingest", "--workers", "2", str(tmp_path / "batch.json")])
    assert "3 new, 1 duplicate, 0 rejected" in result.output, result.output
    assert count(sqlite_url, "articles") == 3


def test_ingest_of_only_bad_input_fails(sqlite_url: str, tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "bad.json")])
    assert result.exit_code == 1
    assert "0 new, 0 duplicate, 1 rejected" in result.output


def test_db_upgrade_builds_the_schema(sqlite_url: str) -> None:
    result = CliRunner().invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert count(sqlite_url, "articles") == 0
