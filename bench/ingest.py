"""Ingest throughput: the full service path (Ingestor.ingest: validate, parse, store, commit) against
spaCy's pipeline alone on the same texts, in the same run; and bulk ingest with 2 workers against 1.

Targets (issue): sequential ingest keeps >= 0.80 of spaCy's own throughput (articles/s); bulk ingest
with 2 workers is >= 1.6x one worker. Throughput is wall-clock (the database's work counts), the best
of alternating runs, each on a fresh throw-away database.
"""

from __future__ import annotations

import argparse
import inspect
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, Row, database, finish, fmt, load_nlp, log, parser, stores, timed
from bench.corpus import Story, corpus
from bench.extraction import segment_texts

SEQ_TARGET = 0.80
BULK_TARGET = 1.6


def make_ingestor(url: str) -> Any:
    """An Ingestor over a database URL, with the process's spaCy pipeline."""
    from app.config import Settings
    from app.db import make_database
    from app.nlp import Extractor
    from app.services.ingest import Ingestor

    return Ingestor(make_database(url), Extractor(load_nlp()), Settings().max_text_chars)


def ingest_all(ingestor: Any, stories: list[Story]) -> int:
    """Ingest stories one by one, as the API and the CLI do; how many were new."""
    from app.services.ingest import Submission

    created = 0
    for s in stories:
        created += ingestor.ingest(Submission(s.text, s.published_at, None, s.source)).created
    return created


def sequential(args: argparse.Namespace, stories: list[Story], repeats: int) -> list[Row]:
    """Rows for sequential ingest on each store, against spaCy alone."""
    nlp = load_nlp()
    sources = segment_texts(stories)
    words = sum(s.words for s in stories)
    rows: list[Row] = []

    def spacy_only() -> None:
        for _ in nlp.pipe(sources, batch_size=64):
            pass

    for store in stores(args):
        walls: list[float] = []
        spacy_walls: list[float] = []  # each store against the spaCy runs that alternated with its own
        for i in range(repeats):
            spacy_walls.append(timed(spacy_only).wall)
            with database(store, args) as url:
                ingestor = make_ingestor(url)
                start = time.perf_counter()
                created = ingest_all(ingestor, stories)
                walls.append(time.perf_counter() - start)
                ingestor.database.dispose()
            assert created == len(stories), f"only {created} of {len(stories)} stored"
            log(f"  {store} run {i + 1}: ingest {walls[-1]:.2f}s, spaCy {spacy_walls[-1]:.2f}s")
        best = min(walls)
        floor = min(spacy_walls)
        ratio = floor / best
        b = f"ingest/{store}"
        rows += [
            Row(b, "articles/s (words/s)", f"{fmt(len(stories) / best)} ({fmt(words / best)})"),
            Row(b, "spaCy alone articles/s (words/s)", f"{fmt(len(stories) / floor)} ({fmt(words / floor)})"),
            Row(b, "ratio ingest / spaCy throughput", fmt(ratio), f">= {SEQ_TARGET:.2f}", ratio >= SEQ_TARGET),
        ]
    return rows


def cli_has_workers() -> bool:
    """Whether `dateline ingest` takes --workers."""
    from app import cli

    return "workers" in inspect.signature(cli.ingest).parameters


def cli_run(url: str, path: Path, workers: int) -> float:
    """Wall seconds of `dateline ingest --workers N` over a JSON-lines file, start-up included."""
    env = {**os.environ, "DATABASE_URL": url}
    cmd = [sys.executable, "-m", "app.cli", "ingest", "--workers", str(workers), str(path)]
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {done.stderr[-2000:]}")
    log(f"  cli --workers {workers}: {wall:.2f}s: {done.stdout.strip()}")
    return wall


def _worker(url: str, chunk: list[Story], barrier: Any, results: Any) -> None:
    ingestor = make_ingestor(url)
    barrier.wait()
    results.put(ingest_all(ingestor, chunk))
    ingestor.database.dispose()


def pool_run(url: str, stories: list[Story], workers: int) -> float:
    """Wall seconds for N forked processes (model already loaded) to ingest stories round-robin."""
    load_nlp()  # loaded before fork: children share it
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(workers + 1)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(url, stories[i::workers], barrier, results), daemon=True)
        for i in range(workers)
    ]
    for p in procs:
        p.start()
    barrier.wait()
    start = time.perf_counter()
    created = sum(results.get(timeout=900) for _ in procs)
    wall = time.perf_counter() - start
    for p in procs:
        p.join()
    assert created == len(stories), f"only {created} of {len(stories)} stored"
    log(f"  pool of {workers}: {wall:.2f}s")
    return wall


def bulk(args: argparse.Namespace, stories: list[Story]) -> list[Row]:
    """Rows for bulk ingest, 2 workers against 1, on SQLite."""
    b = "ingest/bulk"
    walls: dict[int, float] = {}
    if cli_has_workers():
        how = "dateline ingest --workers N (subprocess, start-up included)"
        with tempfile.TemporaryDirectory(prefix="dateline-bench-") as folder:
            path = Path(folder) / "stories.jsonl"
            with path.open("w", encoding="utf-8") as out:
                for s in stories:
                    record = {"text": s.text, "source": s.source}
                    if s.published_at is not None:
                        record["published_at"] = s.published_at.isoformat()
                    out.write(json.dumps(record) + "\n")
            for workers in (1, 2):
                with database("sqlite", args) as url:
                    walls[workers] = cli_run(url, path, workers)
            one = Path(folder) / "one.jsonl"
            one.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
            with database("sqlite", args) as url:
                startup = cli_run(url, one, 1)
    else:
        how = "own multiprocessing pool over Ingestor (the CLI has no --workers yet)"
        startup = float("nan")
        for workers in (1, 2):
            with database("sqlite", args) as url:
                walls[workers] = pool_run(url, stories, workers)
    speedup = walls[1] / walls[2]
    words = sum(s.words for s in stories)
    return [
        Row(b, "how", how),
        Row(b, "articles; one-article run (start-up) s", f"{len(stories)}; {fmt(startup)}"),
        Row(b, "1 worker articles/s (words/s)", f"{fmt(len(stories) / walls[1])} ({fmt(words / walls[1])})"),
        Row(b, "2 workers articles/s (words/s)", f"{fmt(len(stories) / walls[2])} ({fmt(words / walls[2])})"),
        Row(b, "speed-up 2 workers / 1", fmt(speedup), f">= {BULK_TARGET:.1f}", speedup >= BULK_TARGET),
    ]


def run(args: argparse.Namespace) -> list[Row]:
    """Measure and return the table rows."""
    n = 8 if args.quick else 40
    repeats = 1 if args.quick else 2
    stories = corpus(n, args.corpus)
    log(f"ingest: {len(stories)} articles, {sum(s.words for s in stories)} words, {repeats} runs per store")
    rows = sequential(args, stories, repeats)
    # A backfill is long: 300 articles (about 25 s on one core) let the CLI's start-up weigh as it would.
    bulk_stories = corpus(16 if args.quick else 300, args.corpus, seed=1)
    log(f"ingest bulk: {len(bulk_stories)} articles")
    return rows + bulk(args, bulk_stories)


def main() -> None:
    """Run this benchmark alone."""
    args = parser(__doc__ or "").parse_args()
    finish(run(args), args.strict)


if __name__ == "__main__":
    main()
