"""Read latency at scale: p95 of the list queries over 10k and 100k synthetic articles.

Rows are bulk-loaded without NLP (bench/loader.py); the queries go through the whole ASGI app
in-process (routing, validation, SQL, serialisation). Target (issue): p95 <= 50 ms at 100k articles
for text search, the entity filter, the speaker filter and the entity listing. A query kind over the
target gets its SQL and the database's plan (EXPLAIN) written to the --explain file.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import create_engine, event, text

from bench.common import Row, database, finish, fmt, log, parser, percentile, stores
from bench.loader import Loader

TARGET_MS = 50.0
KINDS = ("text search", "entity filter", "speaker filter", "entity listing")


@dataclass(frozen=True)
class Probe:
    """One request of a query kind."""

    kind: str
    label: str
    path: str


def probes(url: str) -> list[Probe]:
    """Requests with common, middling and rare values picked from what was loaded."""
    engine = create_engine(url)
    with engine.connect() as conn:

        def names(sql: str) -> list[str]:
            return [r[0] for r in conn.execute(text(sql))]

        by_count = "SELECT name FROM entities WHERE type = '{t}' ORDER BY mention_count DESC, id LIMIT 400"
        people = names(by_count.format(t="PERSON"))
        places = names(by_count.format(t="GPE"))
        rare = names("SELECT name FROM entities WHERE type = 'PERSON' AND article_count = 1 ORDER BY id LIMIT 1")
    engine.dispose()
    common_person, mid_person = people[0], people[min(len(people) - 1, 150)]
    rare_person = rare[0] if rare else people[-1]
    q = quote
    return [
        Probe("text search", "q=embankments (one topic)", "/v1/articles?q=embankments"),
        Probe("text search", "q=two words", "/v1/articles?q=" + q("run-off will be held")),
        Probe("text search", "q=absent word", "/v1/articles?q=zeppelin"),
        Probe("entity filter", f"entity={places[0]} (most mentioned)", "/v1/articles?entity=" + q(places[0])),
        Probe("entity filter", f"entity={mid_person} (middling)", "/v1/articles?entity=" + q(mid_person)),
        Probe("entity filter", f"entity={rare_person} (one article)", "/v1/articles?entity=" + q(rare_person)),
        Probe("speaker filter", f"speaker={common_person}", "/v1/quotes?speaker=" + q(common_person)),
        Probe(
            "speaker filter",
            f"speaker={mid_person.split()[-1]} (surname)",
            "/v1/quotes?speaker=" + q(mid_person.split()[-1]),
        ),
        Probe("speaker filter", f"speaker={rare_person} (no quotes)", "/v1/quotes?speaker=" + q(rare_person)),
        Probe("entity listing", "type=PERSON", "/v1/entities?type=PERSON"),
        Probe("entity listing", "type=PERSON, page 50", "/v1/entities?type=PERSON&offset=1000"),
        Probe("entity listing", "type=GPE", "/v1/entities?type=GPE"),
    ]


@contextmanager
def app_client(url: str) -> Iterator[Any]:
    """The Dateline app over a database, in-process (its lifespan run: migrations checked, model loaded),
    with kept replies off: each probe repeats one request, which would otherwise be answered from memory
    after the first, and this benchmark is about the queries."""
    from fastapi.testclient import TestClient

    from app.config import Settings
    from app.main import create_app

    if os.environ.get("BENCH_SEARCH_EXACT"):  # every search counted exactly: the plans before estimated totals
        from app.services import queries

        queries.EXACT_UP_TO = 10**12
    settings = Settings(database_url=url, log_level="WARNING", api_keys=[], reply_cache_mb=0)
    with TestClient(create_app(settings)) as client:
        yield client


def measure(client: Any, probe: Probe, reps: int, budget_s: float) -> list[float]:
    """Latencies in ms of repeated GETs (after one warm-up), within a time budget."""
    reply = client.get(probe.path)
    if reply.status_code != 200:
        raise RuntimeError(f"{probe.path}: HTTP {reply.status_code}: {reply.text[:300]}")
    out: list[float] = []
    deadline = time.perf_counter() + budget_s
    for _ in range(reps):
        start = time.perf_counter()
        client.get(probe.path)
        out.append((time.perf_counter() - start) * 1000)
        if time.perf_counter() > deadline and len(out) >= 5:
            break
    return out


def explain(client: Any, url: str, probe: Probe) -> str:
    """The SQL a request runs, each statement with the database's plan for it."""
    engine = client.app.state.database.reader
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    inline = client.app.state.database.inline  # SQLite's inline reads: their statements as run, values in place
    event.listen(engine, "before_cursor_execute", capture)
    if inline is not None:
        inline.trace(lambda statement: seen.append((statement, ())))
    try:
        client.get(probe.path)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
        if inline is not None:
            inline.trace(None)
    pg = url.startswith("postgresql")
    prefix = "EXPLAIN (ANALYZE, BUFFERS) " if pg else "EXPLAIN QUERY PLAN "
    lines = [f"### {probe.kind}: {probe.label}  GET {probe.path}"]
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for statement, parameters in seen:
            if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            started = time.perf_counter()
            cursor.execute(prefix + statement, parameters)
            plan = cursor.fetchall()
            took = (time.perf_counter() - started) * 1000
            lines.append(f"-- SQL ({took:.1f} ms to explain):\n{statement}\n-- parameters: {parameters!r}\n-- plan:")
            lines += [("  " + str(r[0])) if pg else f"  {r[1]:>3} {r[2]:>3}  {r[3]}" for r in plan]
        raw.rollback()
    finally:
        raw.close()
    return "\n".join(lines)


def p95s(
    url: str, reps: int, explain_over: float | None, notes: list[str], kinds: tuple[str, ...] = KINDS
) -> dict[str, tuple[float, str]]:
    """For each query kind: its p95 in ms over all its probes, and its slowest probe's label."""
    from bench.common import median

    results: dict[str, tuple[float, str]] = {}
    with app_client(url) as client:
        by_kind: dict[str, list[float]] = {k: [] for k in kinds}
        worst: dict[str, tuple[float, Probe]] = {}
        for probe in probes(url):
            if probe.kind not in kinds:
                continue
            lat = measure(client, probe, reps, budget_s=4.0)
            by_kind[probe.kind] += lat
            p95 = percentile(lat, 95)
            log(f"    {probe.kind:15} {probe.label:45} median {median(lat):7.1f} ms  p95 {p95:7.1f} ms  n={len(lat)}")
            if probe.kind not in worst or p95 > worst[probe.kind][0]:
                worst[probe.kind] = (p95, probe)
        for kind, lat in by_kind.items():
            p95 = percentile(lat, 95)
            results[kind] = (p95, f"{worst[kind][1].label}: {fmt(worst[kind][0], 1)} ms")
            if explain_over is not None and p95 > explain_over:
                for probe in probes(url):
                    if probe.kind == kind:
                        notes.append(explain(client, url, probe))
    return results


def _load_worker(url: str, conn: Any, resume: bool) -> None:
    """A loader process: load to each size asked for, answer (seconds, row counts); None ends it."""
    loader = Loader(url)
    if resume:
        loader.resume()
    loader.prepare_pool()  # composing the stories is not part of the load time
    try:
        while (size := conn.recv()) is not None:
            try:
                start = time.perf_counter()
                loader.load_to(size)
                conn.send((time.perf_counter() - start, loader.counts(), None))
            except Exception as exc:
                conn.send((0.0, {}, f"{type(exc).__name__}: {exc}"))
    finally:
        loader.dispose()


class LoaderProcess:
    """A Loader in its own process, so SQLite and PostgreSQL fill up at the same time on two cores."""

    def __init__(self, url: str, resume: bool = False) -> None:
        ctx = multiprocessing.get_context("spawn")  # a clean process: no connections shared with this one
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_load_worker, args=(url, child, resume), daemon=True)
        self.proc.start()

    def load_to(self, size: int) -> None:
        """Start loading up to `size` articles."""
        self.conn.send(size)

    def wait(self) -> tuple[float, dict[str, int]]:
        """Seconds the load took, and the row counts after it."""
        took, counts, error = self.conn.recv()
        if error:
            raise RuntimeError(f"bulk load failed: {error}")
        return took, counts

    def close(self) -> None:
        """End the process."""
        self.conn.send(None)
        self.proc.join(timeout=60)


@contextmanager
def kept_database(store: str, args: argparse.Namespace) -> Iterator[str]:
    """A database kept across runs (--keep NAME): an SQLite file NAME.db in the temporary folder, or a
    PostgreSQL database NAME beside --pg-url; created and migrated when missing, never dropped here
    (--drop-kept does). Loading 1M articles takes a while: build once, measure many times."""
    keep = args.keep
    from sqlalchemy.engine import make_url

    from app import migrations

    if store == "sqlite":
        url = f"sqlite:///{Path(tempfile.gettempdir()) / (keep + '.db')}"
    else:
        admin = create_engine(args.pg_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": keep}).first() is None:
                conn.execute(text(f'CREATE DATABASE "{keep}"'))
        admin.dispose()
        url = make_url(args.pg_url).set(database=keep).render_as_string(hide_password=False)
    migrations.upgrade(url)
    yield url


def drop_kept(args: argparse.Namespace) -> None:
    """Remove the databases --keep NAME made."""
    keep = args.keep
    path = Path(tempfile.gettempdir()) / (keep + ".db")
    for suffix in ("", ".migrate.lock", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    admin = create_engine(args.pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{keep}" WITH (FORCE)'))
    admin.dispose()
    log(f"dropped {path} and PostgreSQL database {keep}")


def run(args: argparse.Namespace) -> list[Row]:
    """Measure and return the table rows."""
    sizes = (
        tuple(int(n) for n in args.sizes.split(","))
        if args.sizes
        else (1_000, 5_000)
        if args.quick
        else (10_000, 100_000)
    )
    keep = getattr(args, "keep", None)
    if len(sizes) < (1 if keep else 2) or list(sizes) != sorted(set(sizes)):
        raise ValueError("--sizes takes two or more ascending article counts (one or more with --keep)")
    kinds = tuple(k.strip() for k in args.kinds.split(",")) if args.kinds else KINDS
    reps = 8 if args.quick else 20
    explain_path = Path(args.explain or Path(tempfile.gettempdir()) / "dateline-bench-explain.txt")
    rows: list[Row] = []
    notes: list[str] = []
    names = stores(args)
    at: dict[str, dict[int, dict[str, tuple[float, str]]]] = {s: {} for s in names}
    with ExitStack() as stack:
        make = kept_database if keep else database
        urls = {s: stack.enter_context(make(s, args)) for s in names}
        loaders = {s: LoaderProcess(urls[s], resume=bool(keep)) for s in names}
        try:
            for size in sizes:
                for loader in loaders.values():
                    loader.load_to(size)
                measured = list(names)
                for store, loader in loaders.items():
                    took, counts = loader.wait()
                    if counts["articles"] != size:  # a kept database already past this size
                        log(f"  {store}: holds {counts['articles']} articles, not {size}: not measured at {size}")
                        measured.remove(store)
                        continue
                    log(f"  {store}: loaded to {size} articles in {took:.1f}s: {counts}")
                    rows.append(
                        Row(
                            f"scale/{store}",
                            f"bulk load to {size:,} articles",
                            f"{took:.1f} s ({counts['mentions']:,} mentions, {counts['quotes']:,} quotes, "
                            f"{counts['entities']:,} entities)",
                        )
                    )
                for store in measured:  # one store at a time, with the loaders idle
                    log(f"  {store} at {size} articles:")
                    over = TARGET_MS if size == sizes[-1] else None
                    at[store][size] = p95s(urls[store], reps, over, notes, kinds)
        finally:
            for loader in loaders.values():
                loader.close()
    large = sizes[-1]
    for store in names:
        done = [size for size in sizes if size in at[store]]
        if large not in done:
            continue
        small = done[-2] if len(done) > 1 else None
        for kind in kinds:
            p_large, slowest = at[store][large][kind]
            if small is None:
                measure, value = f"{kind} p95 ms {large / 1000:g}k", f"{fmt(p_large, 1)} (slowest {slowest})"
            else:
                p_small = at[store][small][kind][0]
                measure = f"{kind} p95 ms {small / 1000:g}k / {large / 1000:g}k"
                value = f"{fmt(p_small, 1)} / {fmt(p_large, 1)} (x{fmt(p_large / p_small)}; slowest {slowest})"
            rows.append(Row(f"scale/{store}", measure, value, f"<= {TARGET_MS:.0f} ms", p_large <= TARGET_MS))
    if notes:
        explain_path.write_text("\n\n".join(notes) + "\n", encoding="utf-8")
        log(f"plans of the queries over {TARGET_MS:.0f} ms: {explain_path}")
        rows.append(Row("scale", "EXPLAIN of slow queries", str(explain_path)))
    return rows


def main() -> None:
    """Run this benchmark alone."""
    p = parser(__doc__ or "")
    p.add_argument(
        "--keep",
        metavar="NAME",
        help="load into databases kept across runs (SQLite $TMPDIR/NAME.db, PostgreSQL database NAME), "
        "continuing what they hold; a size they are already past is not measured",
    )
    p.add_argument("--drop-kept", action="store_true", help="with --keep: drop those databases and exit")
    p.add_argument("--kinds", metavar="K,K", help=f"only these query kinds (of: {', '.join(KINDS)})")
    args = p.parse_args()
    if args.drop_kept:
        if not args.keep:
            p.error("--drop-kept needs --keep NAME")
        drop_kept(args)
        return
    finish(run(args), args.strict)


if __name__ == "__main__":
    main()
