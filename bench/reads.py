"""HTTP read throughput: Dateline under uvicorn against a bare FastAPI app with same-sized replies.

Both servers run in the same run as one uvicorn worker each on loopback (access log off), driven by
wrk with 32 connections (one wrk thread, so the server keeps the other core) for a bounded time, on
`GET /v1/articles/{id}` and a filtered list `GET /v1/articles?entity=...`, over an SQLite file
pre-filled with synthetic articles. Each is driven two ways: one URL again and again (a dashboard
polling; after the first request Dateline answers from its kept replies), and spread, every article id
or every person in turn against a server with kept replies off (REPLY_CACHE_MB=0), so that every
request is computed from the database. Target (issue): Dateline's
req/s >= 0.5 of the bare app's; held against both ways.
Without wrk, a Python load generator (httpx + asyncio) is used and labelled as such.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from urllib.parse import quote

import httpx
from sqlalchemy import create_engine, text

from bench.common import Row, database, finish, fmt, log, parser
from bench.loader import Loader
from bench.server import WRK_HINT, Load, drive, have_wrk, server_env, serving

TARGET = 0.5
CONNECTIONS = 32


def pick(url: str) -> tuple[int, str]:
    """An article in the middle of the archive and a person of middling fame (a list of many pages)."""
    engine = create_engine(url)
    with engine.connect() as conn:
        middle = int(conn.execute(text("SELECT max(id) / 2 FROM articles")).scalar_one())
        name = conn.execute(
            text("SELECT name FROM entities WHERE type = 'PERSON' ORDER BY mention_count DESC, id LIMIT 1 OFFSET 40")
        ).scalar_one()
    engine.dispose()
    return middle, str(name)


def spread(url: str) -> dict[str, list[str]]:
    """Every article, and every person named in more than one article: requests that rarely repeat."""
    engine = create_engine(url)
    with engine.connect() as conn:
        ids = [int(i) for i in conn.execute(text("SELECT id FROM articles ORDER BY id")).scalars()]
        people = [
            str(n)
            for n in conn.execute(
                text("SELECT name FROM entities WHERE type = 'PERSON' AND article_count > 1 ORDER BY id")
            ).scalars()
        ]
    engine.dispose()
    return {
        "GET /v1/articles/{id}": [f"/v1/articles/{i}" for i in ids],
        "GET /v1/articles?entity=": [f"/v1/articles?entity={quote(p)}" for p in people],
    }


def run(args: argparse.Namespace) -> list[Row]:
    """Measure and return the table rows."""
    size = 300 if args.quick else 3000
    seconds = 2.0 if args.quick else 6.0
    if not have_wrk():
        log(WRK_HINT + "; falling back to the Python load generator (httpx + asyncio)")
    rows: list[Row] = []
    with database("sqlite", args) as url, tempfile.TemporaryDirectory(prefix="dateline-bench-") as folder:
        loader = Loader(url)
        loader.load_to(size)
        loader.render()  # the JSON ingest stores with every article, which reads send
        loader.dispose()
        article_id, person = pick(url)
        paths = {
            "GET /v1/articles/{id}": f"/v1/articles/{article_id}",
            "GET /v1/articles?entity=": f"/v1/articles?entity={quote(person)}",
        }
        cycles = spread(url)
        payload_file = Path(folder) / "payloads.json"
        results: dict[tuple[str, str], dict[str, Load]] = {}
        sizes: dict[str, dict[str, int]] = {name: {} for name in paths}

        def measure(server: str, base: str, ways: tuple[str, ...] = ("one URL", "spread")) -> None:
            for name, path in paths.items():
                for how in ways:
                    cycle = cycles[name] if how == "spread" else None
                    drive(base + path, 1.0, CONNECTIONS, cycle)  # warm-up
                    load = drive(base + path, seconds, CONNECTIONS, cycle)
                    results.setdefault((name, how), {})[server] = load
                    log(f"  {server} {name} ({how}): {load}")

        with serving("app.main:app", server_env(url), "/healthz") as dateline:
            replies = {name: httpx.get(dateline.base + path, timeout=30) for name, path in paths.items()}
            for name, reply in replies.items():
                reply.raise_for_status()
                sizes[name]["dateline"] = len(reply.content)
            payload_file.write_text(
                json.dumps(
                    {
                        "article": replies["GET /v1/articles/{id}"].json(),
                        "list": replies["GET /v1/articles?entity="].json(),
                    }
                ),
                encoding="utf-8",
            )
            measure("dateline", dateline.base, ("one URL",))
        # Spread, with kept replies off: every request is computed, whatever the cache's size.
        with serving("app.main:app", {**server_env(url), "REPLY_CACHE_MB": "0"}, "/healthz") as computing:
            measure("dateline", computing.base, ("spread",))
        with serving("bench.bare_app:app", {"BENCH_BARE_PAYLOADS": str(payload_file)}, "/healthz") as bare:
            for name, path in paths.items():
                sizes[name]["bare"] = len(httpx.get(bare.base + path, timeout=30).content)
            measure("bare", bare.base)
    tool = next(iter(results.values()))["dateline"].tool
    rows.append(
        Row("reads", "load generator", f"{tool}, {CONNECTIONS} connections, {seconds:.0f} s, {size} articles (SQLite)")
    )
    for (name, how), loads in results.items():
        d, b = loads["dateline"], loads["bare"]
        ratio = d.rps / b.rps
        errors = f", {d.errors + b.errors} errors" if d.errors + b.errors else ""
        label = name if how == "one URL" else f"{name}, {len(cycles[name]):,} URLs in turn, none kept"
        rows += [
            Row(
                "reads",
                f"{label} req/s, p50/p99 ms",
                f"{fmt(d.rps)}, {fmt(d.p50_ms, 1)}/{fmt(d.p99_ms, 1)} ({sizes[name]['dateline']:,} B{errors})",
            ),
            Row(
                "reads",
                "  bare FastAPI, same body size",
                f"{fmt(b.rps)}, {fmt(b.p50_ms, 1)}/{fmt(b.p99_ms, 1)} ({sizes[name]['bare']:,} B)",
            ),
            Row("reads", "  ratio vs bare", fmt(ratio), f">= {TARGET}", ratio >= TARGET and not d.errors),
        ]
    return rows


def main() -> None:
    """Run this benchmark alone."""
    args = parser(__doc__ or "").parse_args()
    finish(run(args), args.strict)


if __name__ == "__main__":
    main()
