"""Shared pieces of the benchmarks: options, result rows, the table, clocks, throw-away databases."""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = os.environ.get("BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    bench: str
    measure: str
    value: str
    target: str = ""
    ok: bool | None = None  # None: informational, no target

    @property
    def verdict(self) -> str:
        """PASS, FAIL or blank."""
        return "" if self.ok is None else ("PASS" if self.ok else "FAIL")


def fmt(value: float, digits: int = 2) -> str:
    """A number with a sensible number of digits."""
    if math.isnan(value):
        return "n/a"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    return f"{value:.{digits}f}"


def table(rows: Sequence[Row]) -> str:
    """The results as an aligned plain-text table."""
    head = ("benchmark", "measure", "value", "target", "")
    cells = [head] + [(r.bench, r.measure, r.value, r.target, r.verdict) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    lines = []
    for n, c in enumerate(cells):
        lines.append("  ".join(x.ljust(w) for x, w in zip(c, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths).rstrip())
    return "\n".join(lines)


def log(message: str) -> None:
    """Progress on stderr, so stdout carries only the table."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def parser(description: str) -> argparse.ArgumentParser:
    """The options every benchmark takes."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--quick", action="store_true", help="a fast smoke run with small sizes")
    p.add_argument("--corpus", metavar="PATH", help="JSON-lines articles ({'text': ...}) instead of synthetic ones")
    p.add_argument(
        "--pg-url",
        default=PG_ADMIN_URL,
        help="a PostgreSQL database the bench may connect to, to create and drop throw-away databases "
        "(default: $BENCH_PG_URL or %(default)s)",
    )
    p.add_argument("--no-pg", action="store_true", help="skip PostgreSQL even when it is reachable")
    p.add_argument("--explain", metavar="PATH", help="scale: where to write the plans of queries over the target")
    p.add_argument(
        "--sizes",
        metavar="N,N",
        help="scale: article counts to load and measure at, ascending; the target holds at the last "
        "(default 10000,100000; --quick 1000,5000)",
    )
    p.add_argument("--strict", action="store_true", help="exit with status 1 when a target is missed")
    return p


def summary(rows: Sequence[Row]) -> str:
    """How many targets were met, and the machine's load, which the absolute numbers depend on."""
    judged = [r for r in rows if r.ok is not None]
    met = sum(1 for r in judged if r.ok)
    load = os.getloadavg()[0]
    cores = os.cpu_count() or 1
    busy = (
        " (busy: other work shared the cores; absolute numbers are low, ratios less affected)" if load > cores else ""
    )
    return f"{met} of {len(judged)} targets met; {cores} cores, load average {load:.1f}{busy}"


def finish(rows: Sequence[Row], strict: bool = False) -> None:
    """Print a benchmark's table; with strict, the exit status says whether every target was met."""
    print(table(rows))
    print(summary(rows))
    sys.exit(1 if strict and any(r.ok is False for r in rows) else 0)


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation."""
    if not values:
        return math.nan
    ordered = sorted(values)
    k = (len(ordered) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def median(values: Sequence[float]) -> float:
    """The median, NaN when empty."""
    return statistics.median(values) if values else math.nan


@dataclass(frozen=True)
class Timing:
    """Wall and process CPU seconds of one run."""

    wall: float
    cpu: float


def timed(fn: Callable[[], Any]) -> Timing:
    """Run fn once and time it on both clocks."""
    w, c = time.perf_counter(), time.process_time()
    fn()
    return Timing(time.perf_counter() - w, time.process_time() - c)


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The configured spaCy pipeline, loaded once."""
    import spacy

    from app.config import Settings

    return spacy.load(Settings().spacy_model)


def pg_reachable(admin_url: str) -> bool:
    """Whether the PostgreSQL server answers."""
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(admin_url, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


@contextmanager
def pg_database(admin_url: str) -> Iterator[str]:
    """A throw-away PostgreSQL database bench_<random>, dropped afterwards; yields its URL."""
    from app.db import scratch_postgres

    with scratch_postgres(admin_url, "bench") as url:
        yield url


@contextmanager
def sqlite_database() -> Iterator[str]:
    """A throw-away SQLite file in a temporary folder; yields its URL."""
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as folder:
        yield f"sqlite:///{folder}/bench.db"


def stores(args: argparse.Namespace) -> list[str]:
    """The backends to measure: sqlite, and postgresql when reachable and not switched off."""
    names = ["sqlite"]
    if not args.no_pg:
        if pg_reachable(args.pg_url):
            names.append("postgresql")
        else:
            log(f"PostgreSQL not reachable at {args.pg_url}: measuring SQLite only")
    return names


@contextmanager
def database(store: str, args: argparse.Namespace) -> Iterator[str]:
    """A fresh, migrated throw-away database of a kind; yields its URL."""
    from app import migrations

    maker = sqlite_database() if store == "sqlite" else pg_database(args.pg_url)
    with maker as url:
        migrations.upgrade(url)
        yield url
