"""The dateline command: ingest files, folders and JSON lines, and summarise; schema upgrade."""

from __future__ import annotations

import json
import re
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


def stored_metadata(url: str) -> list[tuple[str | None, str | None, str | None]]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT published_at, source, url FROM articles ORDER BY id")).all()
    engine.dispose()
    return [(str(r[0])[:10] if r[0] else None, r[1], r[2]) for r in rows]


def test_ingest_reads_metadata_from_a_sidecar_and_the_command_line(sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "stories"
    folder.mkdir()
    shutil.copy(FIXTURES / "harbour.txt", folder / "harbour.txt")
    (folder / "harbour.json").write_text(json.dumps({"published_at": "2019-05-14", "url": "https://news.example/h"}))
    shutil.copy(FIXTURES / "senate.txt", folder / "senate.txt")
    result = CliRunner().invoke(cli, ["ingest", "--source", "Wire", "--published-at", "2024-03-07", str(folder)])
    assert "2 new, 0 duplicate, 0 rejected" in result.output, result.output  # the sidecar is no article
    assert stored_metadata(sqlite_url) == [
        ("2019-05-14", "Wire", "https://news.example/h"),  # the sidecar's date wins over the flag
        ("2024-03-07", "Wire", None),
    ]


def test_ingest_flags_fill_json_lines_records(sqlite_url: str, tmp_path: Path) -> None:
    lines = [{"text": (FIXTURES / "harbour.txt").read_text(), "source": "TASS"}]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    args = ["ingest", "--url", "https://news.example/x", "--source", "Other", str(tmp_path / "feed.jsonl")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert stored_metadata(sqlite_url) == [(None, "TASS", "https://news.example/x")]


def test_commands_say_which_database_they_use(sqlite_url: str) -> None:
    result = CliRunner().invoke(cli, ["db", "upgrade"])
    assert f"database SQLite {sqlite_url.removeprefix('sqlite:///')}" in result.output


def test_an_unreachable_database_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["db", "upgrade"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines[-1].startswith("dateline: cannot reach the database (PostgreSQL postgresql+psycopg://nobody:***@")
    assert "Traceback" not in result.output and "secret" not in result.output


def test_version_and_help_read_plainly() -> None:
    from app import __version__

    assert CliRunner().invoke(cli, ["--version"]).output.strip() == f"dateline {__version__}"
    for command in ([], ["serve"], ["ingest"], ["eval"], ["db", "upgrade"]):
        helped = CliRunner().invoke(cli, [*command, "--help"])
        assert helped.exit_code == 0
        assert not re.search(r"<[a-z_]+(\[[^\]]*\])?>|--[A-Z]", helped.output), helped.output


def test_ingest_queue_sends_jobs_and_follows_them_to_the_end(sqlite_url: str, tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": (FIXTURES / "senate.txt").read_text(), "published_at": "2024-03-07"}),
        json.dumps({"text": (FIXTURES / "harbour.txt").read_text()}),
        json.dumps({"text": (FIXTURES / "harbour.txt").read_text()}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "dated", "published_at": "soon"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(cli, ["ingest", "--queue", str(tmp_path / "feed.jsonl")])
    assert "2 new, 1 duplicate, 2 rejected" in result.output, result.output
    assert result.exit_code == 0
    assert count(sqlite_url, "articles") == 2
    assert count(sqlite_url, "jobs") == 5


def test_reprocess_outdated_re_extracts_only_articles_of_another_extractor(sqlite_url: str) -> None:
    records = [{"text": (FIXTURES / name).read_text()} for name in ("harbour.txt", "senate.txt")]
    CliRunner().invoke(cli, ["ingest", "--queue", *write_records(sqlite_url, records)])
    engine = create_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE articles SET extractor_version = '0.0-old' WHERE id = 1"))
    result = CliRunner().invoke(cli, ["reprocess", "--outdated"])
    assert "1 articles queued" in result.output and "1 re-extracted, 0 failed" in result.output, result.output
    with engine.connect() as conn:
        versions = conn.execute(text("SELECT DISTINCT extractor_version FROM articles")).scalars().all()
        outcome = conn.execute(text("SELECT article_id, outcome FROM jobs WHERE kind = 'reprocess'")).all()
    engine.dispose()
    assert len(versions) == 1 and versions[0] != "0.0-old"
    assert [tuple(row) for row in outcome] == [(1, "reprocessed")]
    assert "2 articles queued" in CliRunner().invoke(cli, ["reprocess", "--no-wait"]).output


def write_records(url: str, records: list[dict[str, str]]) -> list[str]:
    """A JSON file of records beside the database; its path as the CLI takes it."""
    path = Path(url.removeprefix("sqlite:///")).with_name("records.json")
    path.write_text(json.dumps(records))
    return [str(path)]
