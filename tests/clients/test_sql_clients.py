"""SQL clients people point at the store: Datasette over the SQLite file the app wrote, psql with a
read-only role over the PostgreSQL reporting views."""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from app.cli import cli
from app.config import get_settings
from tests.api.helpers import FIXTURES
from tests.robustness.server import free_port

BIN = Path(sys.executable).parent
LISTEN = ("--host", "127.0.0.1", "--port")
METADATA = Path(__file__).resolve().parents[2] / "examples" / "datasette-metadata.json"  # the README's


@pytest.fixture
def written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An SQLite file the app wrote, through `dateline ingest`."""
    database = tmp_path / "dateline.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    get_settings.cache_clear()
    try:
        args = ["ingest", "--published-at", "2024-03-07", str(FIXTURES / "senate.txt"), str(FIXTURES / "harbour.txt")]
        result = CliRunner().invoke(cli, args)
    finally:
        get_settings.cache_clear()
    assert "2 new" in result.output, result.output
    return database


def test_datasette_serves_the_sqlite_file_and_its_views(written: Path, tmp_path: Path) -> None:
    port = free_port()
    with (tmp_path / "datasette.log").open("wb") as log:
        process = subprocess.Popen(
            [str(BIN / "datasette"), "serve", str(written), "--metadata", str(METADATA), *LISTEN, str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}/dateline"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (tmp_path / "datasette.log").read_text()
            try:
                if httpx.get(f"{base}.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "datasette did not start"
            time.sleep(0.3)
        tables = {t["name"] for t in httpx.get(f"{base}.json", timeout=10).json()["tables"]}
        assert {"articles", "quotes", "entities", "mentions"} <= tables
        quotes = httpx.get(f"{base}/v_quotes.json", params={"_shape": "array", "_size": "max"}, timeout=10).json()
        assert {"Claire Dunmore", "Marieke Jansen"} <= {q["speaker_name"] for q in quotes}
        counted = httpx.get(
            f"{base}.json",
            params={
                "sql": "select count(*) as n from articles where published_at like '2024-03-07%'",
                "_shape": "array",
            },
            timeout=10,
        ).json()
        assert counted == [{"n": 2}]
        searched = httpx.get(f"{base}/articles.json", params={"_search": "water", "_shape": "array"}, timeout=10)
        assert searched.status_code == 200, searched.text
        assert [a["headline"] for a in searched.json()] == ["Senate passes water bill after late-night vote"]
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)


def test_psql_reads_the_views_with_a_read_only_role(client: object, database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("the PostgreSQL views and roles need TEST_DATABASE_URL=postgresql+psycopg://...")
    psql = shutil.which("psql")
    if psql is None:
        pytest.skip("psql is not installed (apt-get install -y postgresql-client)")
    from tests.api.helpers import post_text, story

    post_text(client, story("senate.txt"), published_at="2024-03-07")  # type: ignore[arg-type]
    role = f"dateline_reader_{secrets.token_hex(4)}"
    url = make_url(database_url)
    engine = create_engine(database_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE ROLE {role} LOGIN"))
        conn.execute(text(f'GRANT CONNECT ON DATABASE "{url.database}" TO {role}'))
        conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {role}"))
        conn.execute(text(f"GRANT SELECT ON v_quotes, v_daily_mentions TO {role}"))

    def run(sql: str) -> subprocess.CompletedProcess[str]:
        command = [psql, "-h", url.host or "127.0.0.1", "-p", str(url.port or 5432), "-U", role, "-d", url.database]
        return subprocess.run(
            [*command, "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql],
            capture_output=True,
            text=True,
            timeout=30,
            env={**os.environ, "PGCONNECT_TIMEOUT": "5"},
        )

    try:
        speakers = run("SELECT DISTINCT speaker_name FROM v_quotes WHERE speaker_name IS NOT NULL ORDER BY 1")
        assert speakers.returncode == 0, speakers.stderr
        assert "Claire Dunmore" in speakers.stdout.splitlines()
        daily = run("SELECT sum(mentions) FROM v_daily_mentions WHERE entity_name = 'Alan Brooks'")
        assert daily.returncode == 0 and int(daily.stdout.strip()) >= 2, daily.stderr
        for refused in ("SELECT count(*) FROM articles", "DELETE FROM quotes", "CREATE TABLE t (x int)"):
            denied = run(refused)
            assert denied.returncode != 0 and "permission denied" in denied.stderr, (refused, denied.stderr)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE {role}"))
        engine.dispose()
