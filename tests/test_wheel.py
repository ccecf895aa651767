"""The wheel carries everything the app needs: installed (not editable) in a fresh virtual environment and
run from another folder, `dateline db upgrade`, `dateline ingest` and `dateline serve` work, pages included."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import time
import venv
from pathlib import Path

import httpx
import pytest

from tests.robustness.server import CLEARED, free_port

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel built from this checkout; its dependencies come from the test environment
    (appended to sys.path, so none of them is the checkout itself)."""
    where = tmp_path_factory.mktemp("wheel")
    # Built from a copy of what the Dockerfile copies too: no build/ left over in the checkout can leak in.
    source = where / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "app", source / "app", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(where / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr
    for warning in ("SetuptoolsDeprecationWarning", "license", "BuildBackendWarning"):
        assert warning not in build.stderr, build.stderr
    (wheel,) = (where / "dist").glob("dateline-*.whl")
    env_dir = where / "venv"
    venv.create(env_dir, with_pip=True)
    purelib = Path(sysconfig.get_paths()["purelib"])
    target = Path(
        subprocess.check_output(
            [str(env_dir / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            text=True,
        ).strip()
    )
    (target / "dateline_test_deps.pth").write_text(f"{purelib}\n")  # a plain path: its .pth (the editable) unread
    install = subprocess.run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--no-deps", "--quiet", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stderr
    return env_dir


def run(env_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in CLEARED | {"PYTHONPATH", "DATA_DIR"}}
    return subprocess.run(
        [str(env_dir / "bin" / "dateline"), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_installed_wheel_upgrades_ingests_and_serves_from_another_folder(installed: Path, tmp_path: Path) -> None:
    where = subprocess.check_output(
        [str(installed / "bin" / "python"), "-c", "import app; print(app.__file__)"], cwd=tmp_path, text=True
    )
    assert str(installed) in where and str(ROOT) not in where  # the wheel's copy, not the checkout
    database = tmp_path / "data" / "dateline.db"

    upgraded = run(installed, tmp_path, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert f"database SQLite {database}" in upgraded.stderr
    assert database.is_file()

    (tmp_path / "harbour.txt").write_bytes((FIXTURES / "harbour.txt").read_bytes())
    ingested = run(installed, tmp_path, "ingest", "--published-at", "2019-05-14", "harbour.txt")
    assert "1 new, 0 duplicate, 0 rejected" in ingested.stdout, ingested.stdout + ingested.stderr

    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in CLEARED | {"PYTHONPATH", "DATA_DIR"}}
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(
        [str(installed / "bin" / "dateline"), "serve", "--port", str(port)],
        cwd=tmp_path,
        env={**env, "LOG_LEVEL": "WARNING"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        articles = httpx.get(f"{base}/v1/articles", timeout=10).json()
        assert articles["total"] == 1
        article_id = articles["items"][0]["id"]
        for path in ("/", f"/articles/{article_id}", "/dashboard", "/static/dateline.css", "/docs", "/redoc"):
            reply = httpx.get(base + path, timeout=10)
            assert reply.status_code == 200, (path, reply.text[:300])
        assert "Port workers" in httpx.get(f"{base}/articles/{article_id}", timeout=10).text
        assert httpx.get(f"{base}/static/docs/swagger-ui-bundle.js", timeout=10).status_code == 200
        posted = httpx.post(f"{base}/v1/articles", json={"text": (FIXTURES / "senate.txt").read_text()}, timeout=60)
        assert posted.status_code == 201, posted.text
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
