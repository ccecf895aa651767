"""Memory: one uvicorn worker's resident set after start and after 10,000 mixed GETs.

The server runs on an SQLite file pre-filled with synthetic articles; the requests cycle through
article reads, their quotes and entities, filtered lists, quote and entity lists and entity pages,
with ids spread over the archive (500 distinct requests, cycled). Measured with the default settings,
then with kept replies off (REPLY_CACHE_MB=0), where every request is computed again.
Target (issue): RSS grows by at most 10% from start-up.
"""

from __future__ import annotations

import argparse
import random
import time
from urllib.parse import quote

from sqlalchemy import create_engine, text

from bench.common import Row, database, finish, fmt, log, parser
from bench.loader import Loader
from bench.server import mixed_gets, server_env, serving

TARGET = 0.10


def mixed_paths(url: str, n: int = 500, seed: int = 3) -> list[str]:
    """A shuffled mix of read requests over what is stored."""
    engine = create_engine(url)
    with engine.connect() as conn:
        last = int(conn.execute(text("SELECT max(id) FROM articles")).scalar_one())
        people = [r[0] for r in conn.execute(text("SELECT name FROM entities WHERE type = 'PERSON' LIMIT 300"))]
        entities = int(conn.execute(text("SELECT max(id) FROM entities")).scalar_one())
    engine.dispose()
    r = random.Random(seed)
    kinds = [
        lambda: f"/v1/articles/{r.randint(1, last)}",
        lambda: f"/v1/articles/{r.randint(1, last)}/quotes",
        lambda: f"/v1/articles/{r.randint(1, last)}/entities",
        lambda: f"/v1/articles?entity={quote(r.choice(people))}",
        lambda: f"/v1/articles?speaker={quote(r.choice(people).split()[-1])}",
        lambda: f"/v1/articles?q={r.choice(('strike', 'budget', 'flood', 'tariffs', 'turnout'))}",
        lambda: f"/v1/articles?offset={r.randint(0, 50) * 20}",
        lambda: f"/v1/quotes?speaker={quote(r.choice(people))}",
        lambda: "/v1/quotes?type=direct",
        lambda: f"/v1/entities?type={r.choice(('PERSON', 'ORG', 'GPE'))}",
        lambda: f"/v1/entities/{r.randint(1, entities)}",
    ]
    return [r.choice(kinds)() for _ in range(n)]


def measure(url: str, paths: list[str], total: int, env: dict[str, str]) -> tuple[int, int, int, int, float]:
    """RSS (KiB) at start, after a tenth of the requests and at the end; errors; seconds after warm-up."""
    warm = total // 10
    with serving("app.main:app", env, "/healthz") as server:
        time.sleep(1.0)
        start_kib = server.rss_kib()
        _, errors = mixed_gets(server.base, paths, warm)
        warm_kib = server.rss_kib()
        started = time.perf_counter()
        _, more_errors = mixed_gets(server.base, paths, total - warm)
        took = time.perf_counter() - started
        time.sleep(1.0)
        end_kib = server.rss_kib()
    return start_kib, warm_kib, end_kib, errors + more_errors, took


def run(args: argparse.Namespace) -> list[Row]:
    """Measure and return the table rows."""
    size = 300 if args.quick else 3000
    total = 1000 if args.quick else 10_000
    warm = total // 10
    rows: list[Row] = []
    b = "memory"
    with database("sqlite", args) as url:
        loader = Loader(url)
        loader.load_to(size)
        loader.dispose()
        paths = mixed_paths(url)
        for label, extra in (("", {}), (" (kept replies off)", {"REPLY_CACHE_MB": "0"})):
            start_kib, warm_kib, end_kib, errors, took = measure(url, paths, total, {**server_env(url), **extra})
            log(f"memory{label}: RSS {start_kib} KiB at start, {warm_kib} after {warm}, {end_kib} after {total}")
            growth = (end_kib - start_kib) / start_kib
            after_warm = (end_kib - warm_kib) / warm_kib
            mib = f"{start_kib / 1024:.0f} / {warm_kib / 1024:.0f} / {end_kib / 1024:.0f}"
            rows += [
                Row(b, f"requests (mixed GETs){label}, errors", f"{total:,}, {took:.0f} s after warm-up, {errors} err"),
                Row(b, f"RSS MiB at start / warm / end{label}", mib),
                Row(b, f"RSS growth after {warm:,} requests to end{label}", f"{after_warm * 100:+.1f}%"),
                Row(
                    b,
                    f"RSS growth start to end{label}",
                    f"{fmt(growth * 100, 1)}%",
                    f"<= {TARGET * 100:.0f}%",
                    growth <= TARGET,
                ),
            ]
    return rows


def main() -> None:
    """Run this benchmark alone."""
    args = parser(__doc__ or "").parse_args()
    finish(run(args), args.strict)


if __name__ == "__main__":
    main()
