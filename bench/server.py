"""Servers under test as subprocesses on loopback, and load generators to drive them (wrk, or httpx)."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.common import ROOT, percentile

HOST = "127.0.0.1"  # the benches only ever talk to loopback
WRK_HINT = "wrk is not installed: apt-get update && apt-get install -y wrk (Debian/Ubuntu package 'wrk')"


def free_port() -> int:
    """A TCP port nobody listens on at the moment."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    """A uvicorn process serving one ASGI app on loopback."""

    app: str
    env: dict[str, str]
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def base(self) -> str:
        """The server's base URL."""
        return f"http://{HOST}:{self.port}"

    def start(self, ready_path: str, timeout: float = 180.0) -> None:
        """Start uvicorn (one worker, no access log) and wait until ready_path answers 200."""
        self.port = self.port or free_port()
        fd, name = tempfile.mkstemp(prefix="dateline-bench-server-", suffix=".log")
        self.log_path = Path(name)
        cmd = [sys.executable, "-m", "uvicorn", self.app, "--host", HOST, "--port", str(self.port), "--no-access-log"]
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env={**os.environ, **self.env}, stdout=fd, stderr=subprocess.STDOUT, start_new_session=True
        )
        os.close(fd)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.app} exited at start-up: {self.log_path.read_text()[-3000:]}")
            try:
                if httpx.get(self.base + ready_path, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"{self.app} not ready after {timeout:.0f}s")

    def rss_kib(self) -> int:
        """The server process's resident set size in KiB (Linux /proc)."""
        assert self.proc is not None
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise RuntimeError("no VmRSS line")

    def stop(self) -> None:
        """Stop the server this object started (its own process group only)."""
        if self.proc is None:
            return
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.proc = None
        if self.log_path is not None:
            self.log_path.unlink(missing_ok=True)


@contextmanager
def serving(app: str, env: dict[str, str], ready_path: str) -> Iterator[Server]:
    """A started server, stopped on exit."""
    server = Server(app, env)
    try:
        server.start(ready_path)
        yield server
    finally:
        server.stop()


@dataclass(frozen=True)
class Load:
    """What a load run measured."""

    tool: str
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def have_wrk() -> bool:
    """Whether the wrk binary is on PATH."""
    return shutil.which("wrk") is not None


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(value: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value.strip())
    if not match:
        raise ValueError(f"unreadable wrk latency {value!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def parse_wrk(out: str) -> Load:
    """Requests/s, p50, p99 and errors from `wrk --latency` output."""
    rps = float(re.search(r"Requests/sec:\s*([\d.]+)", out).group(1))  # type: ignore[union-attr]
    count = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s*50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s*99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    errors = 0
    non2xx = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", out)
    if non2xx:
        errors += int(non2xx.group(1))
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if sock:
        errors += sum(int(x) for x in sock.groups())
    return Load("wrk", count, rps, p50, p99, errors)


# A wrk script that requests the paths of a file (one per line) in turn, from a different place per connection.
CYCLE_LUA = """
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter * 7919) % #paths + 1])
end
"""


def wrk(url: str, seconds: float, connections: int = 32, paths: list[str] | None = None) -> Load:
    """Drive a URL with wrk (one thread, so the server keeps the other core) for a bounded time; with
    paths, each request takes the next of them instead of the URL's own path."""
    assert url.startswith(f"http://{HOST}:"), "load only ever goes to loopback"
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "5s", "--latency"]
    with tempfile.TemporaryDirectory(prefix="dateline-wrk-") as folder:
        env = dict(os.environ)
        if paths:
            (Path(folder) / "cycle.lua").write_text(CYCLE_LUA, encoding="utf-8")
            (Path(folder) / "paths.txt").write_text("\n".join(paths) + "\n", encoding="utf-8")
            cmd += ["-s", str(Path(folder) / "cycle.lua")]
            env["BENCH_PATHS"] = str(Path(folder) / "paths.txt")
        done = subprocess.run([*cmd, url], capture_output=True, text=True, timeout=seconds + 60, check=True, env=env)
    return parse_wrk(done.stdout)


async def _httpx_load(url: str, seconds: float, connections: int, paths: list[str] | None) -> Load:
    latencies: list[float] = []
    errors = 0
    base = url.split("/", 3)
    targets = [f"{base[0]}//{base[2]}{p}" for p in paths] if paths else [url]
    turn = 0
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:
        deadline = time.perf_counter() + seconds

        async def user() -> None:
            nonlocal errors, turn
            while time.perf_counter() < deadline:
                start = time.perf_counter()
                turn += 1
                try:
                    reply = await client.get(targets[turn % len(targets)])
                    if reply.status_code >= 400:
                        errors += 1
                except httpx.HTTPError:
                    errors += 1
                latencies.append((time.perf_counter() - start) * 1000)

        start = time.perf_counter()
        await asyncio.gather(*(user() for _ in range(connections)))
        elapsed = time.perf_counter() - start
    return Load(
        "httpx (fallback)",
        len(latencies),
        len(latencies) / elapsed,
        percentile(latencies, 50),
        percentile(latencies, 99),
        errors,
    )


def httpx_load(url: str, seconds: float, connections: int = 32, paths: list[str] | None = None) -> Load:
    """The Python fallback load generator: asyncio + httpx, same connections and duration as wrk.

    It shares the CPU with the server and is much slower than wrk, so its absolute numbers are low;
    the ratio against the bare app, measured the same way, is what it is good for.
    """
    assert url.startswith(f"http://{HOST}:"), "load only ever goes to loopback"
    return asyncio.run(_httpx_load(url, seconds, connections, paths))


def drive(url: str, seconds: float, connections: int = 32, paths: list[str] | None = None) -> Load:
    """wrk when installed, the labelled httpx fallback otherwise; paths: cycle through these instead."""
    if have_wrk():
        return wrk(url, seconds, connections, paths)
    return httpx_load(url, seconds, connections, paths)


def mixed_gets(base: str, paths: list[str], total: int, concurrency: int = 8) -> tuple[int, int]:
    """Exactly `total` GETs cycling through paths with a few concurrent clients; (done, errors)."""
    assert base.startswith(f"http://{HOST}:"), "load only ever goes to loopback"

    async def go() -> tuple[int, int]:
        done = errors = 0
        counter = iter(range(total))
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:

            async def user() -> None:
                nonlocal done, errors
                for i in counter:
                    try:
                        reply = await client.get(paths[i % len(paths)])
                        errors += reply.status_code >= 400 and reply.status_code != 404
                    except httpx.HTTPError:
                        errors += 1
                    done += 1

            await asyncio.gather(*(user() for _ in range(concurrency)))
        return done, errors

    return asyncio.run(go())


def server_env(url: str) -> dict[str, str]:
    """Environment for a Dateline server on a database: no keys, no rate limit, warnings-only logs, and
    the allocator setting `dateline serve` and the Docker image run with."""
    return {
        "DATABASE_URL": url,
        "API_KEYS": "",
        "RATE_LIMIT_PER_MINUTE": "0",
        "LOG_LEVEL": "WARNING",
        "MALLOC_ARENA_MAX": "2",
    }
