"""A real uvicorn server in a subprocess, on a free loopback port, killed however a test likes."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
API_KEY = "robust-key"
STARTUP_SECONDS = 90.0
# Settings the server must not inherit from the developer's shell.
CLEARED = {
    "DATABASE_URL", "API_KEYS", "API_KEY_HASHES", "REDIS_URL", "TEST_DATABASE_URL", "RATE_LIMIT_PER_MINUTE",
    "QUEUE_URL", "QUEUE_NAMESPACE", "PROMETHEUS_MULTIPROC_DIR",
}  # fmt: skip


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`python -m uvicorn app.main:app` against one database, in its own process group."""

    def __init__(
        self,
        database_url: str,
        log_path: Path,
        workers: int = 1,
        app: str = "app.main:app",
        unread_output: bool = False,
        env: dict[str, str] | None = None,
    ) -> None:
        self.database_url = database_url
        self.log_path = log_path
        self.workers = workers
        self.app = app
        # Output to a pipe nobody reads, as under a supervisor whose log reader stalled: once the pipe's
        # buffer (64 KiB) is full, every write to it blocks.
        self.unread_output = unread_output
        self.extra_env = env or {}
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        """Where the server listens."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        """Start the server and wait until /healthz answers 200."""
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if k not in CLEARED}
        env.update(
            DATABASE_URL=self.database_url,
            API_KEYS=API_KEY,
            RATE_LIMIT_PER_MINUTE="0",
            LOG_LEVEL="WARNING",
            PYTHONUNBUFFERED="1",
        )
        env.update(self.extra_env)
        command = [sys.executable, "-m", "uvicorn", self.app, "--host", "127.0.0.1", "--port", str(self.port)]
        if self.workers > 1:
            command += ["--workers", str(self.workers)]
        with self.log_path.open("ab") as log:
            # A new session makes the server and its workers one process group we can kill together.
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE if self.unread_output else log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_healthy()
        return self

    def _wait_healthy(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.log()}")
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"server did not become healthy in {STARTUP_SECONDS}s:\n{self.log()}")

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Send a signal to the whole process group and wait for the server to die (SIGKILL after 20 s)."""
        process = self.process
        if process is None:
            return
        self.process = None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)
        # Workers of a multi-process server may outlive the master for a moment; reap the group.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        if process.stdout is not None:
            process.stdout.close()

    def stop(self) -> None:
        """Shut the server down gracefully (SIGTERM)."""
        self.kill(signal.SIGTERM)

    def log(self, tail: int = 4000) -> str:
        """The server's output so far (its last `tail` characters; 0: all of it)."""
        try:
            return self.log_path.read_text(errors="replace")[-tail:]
        except OSError:
            return ""

    def client(self, timeout: float = 30.0) -> httpx.Client:
        """An HTTP client for this server, authorised to write."""
        return httpx.Client(base_url=self.base_url, timeout=timeout, headers={"Authorization": f"Bearer {API_KEY}"})
