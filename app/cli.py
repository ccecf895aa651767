"""The `dateline` command: serve, ingest files, manage the schema."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from app.config import Settings, get_settings

cli = typer.Typer(help="Dateline: news copy in, structured data out.", no_args_is_help=True, rich_markup_mode=None)
db_cli = typer.Typer(help="Database schema.", no_args_is_help=True, rich_markup_mode=None)
cli.add_typer(db_cli, name="db")

TEXT_SUFFIXES = {".txt", ".text", ".md"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}
METADATA = ("published_at", "url", "source")


def _version(value: bool) -> None:
    if value:
        from app import __version__

        typer.echo(f"dateline {__version__}")
        raise typer.Exit()


@cli.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit")
    ] = False,
) -> None:
    """Dateline: news copy in, structured data out."""


def announce(settings: Settings) -> None:
    """Say on stderr which database a command works on."""
    typer.echo(f"dateline: database {settings.store_description()}", err=True)


def upgrade_or_exit(settings: Settings, revision: str = "head") -> None:
    """Apply the migrations; a database that cannot be reached is one line on stderr and exit code 1."""
    from sqlalchemy.exc import OperationalError

    from app import migrations

    try:
        migrations.upgrade(settings.database_url, revision)
    except OperationalError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[0] if str(exc.orig or exc).strip() else type(exc).__name__
        typer.echo(f"dateline: cannot reach the database ({settings.store_description()}): {reason}", err=True)
        raise typer.Exit(1) from None


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(metavar="ADDRESS", help="Bind address (default HOST, 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option("--port", metavar="PORT", help="Port (default PORT, 8000)")] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, max=64, metavar="N", help="Worker processes (default WORKERS, 1)")
    ] = None,
) -> None:
    """Apply migrations, then serve the API with uvicorn."""
    import os

    if "MALLOC_ARENA_MAX" not in os.environ:
        # glibc gives every thread of the request pool its own heap arena, and resident memory then grows
        # with each arena's fragments (+40% over 10,000 requests); two arenas keep it flat. It must be set
        # before the interpreter starts, hence the re-exec.
        os.environ["MALLOC_ARENA_MAX"] = "2"
        os.execv(sys.executable, [sys.executable, "-m", "app.cli", "serve", *sys.argv[2:]])

    import uvicorn

    if host:
        os.environ["HOST"] = host  # the app's own settings read it too
    settings = Settings()
    try:
        settings.check_exposure()
    except ValueError as exc:
        typer.echo(f"dateline: {exc}", err=True)
        raise typer.Exit(2) from None
    announce(settings)
    upgrade_or_exit(settings)
    uvicorn.run(
        "app.main:app",
        host=settings.host,
        port=port or settings.port,
        workers=workers or settings.workers,
        log_level=settings.log_level.lower(),
        # X-Forwarded-For/-Proto are believed only from FORWARDED_ALLOW_IPS (loopback by default): then the
        # client address (rate limits, logs) and the scheme are the real client's, not the proxy's.
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
    )


@db_cli.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Argument(metavar="REVISION", help="Alembic revision")] = "head",
) -> None:
    """Bring the database schema up to date (alembic upgrade)."""
    settings = get_settings()
    announce(settings)
    upgrade_or_exit(settings, revision)
    typer.echo(f"schema at {revision}")


@db_cli.command("render")
def db_render() -> None:
    """Store the JSON reads serve for every article that has none yet (stored before it was kept, or naming
    an entity renamed since); reads compute those meanwhile."""
    from app.db import make_database
    from app.services import article_json

    settings = get_settings()
    announce(settings)
    upgrade_or_exit(settings)
    database = make_database(settings.database_url)
    try:
        typer.echo(f"{article_json.fill_missing(database)} articles rendered")
    finally:
        database.dispose()


def sidecar(path: Path) -> Path | None:
    """The JSON file of a text file's metadata (story.txt beside story.json), if there is one."""
    candidate = path.with_suffix(".json")
    return candidate if path.suffix.lower() in TEXT_SUFFIXES and candidate.is_file() else None


def _is_sidecar(path: Path) -> bool:
    return path.suffix.lower() == ".json" and any(path.with_suffix(s).is_file() for s in TEXT_SUFFIXES)


def iter_records(paths: list[Path]) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    """(where, record, error) for every article in files, folders and JSON lines; a text file takes its
    published_at, url and source from a JSON sidecar of the same name (story.txt + story.json)."""
    for path in paths:
        if path.is_dir():
            children = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | RECORD_SUFFIXES and not _is_sidecar(p)
            )
            yield from iter_records(children)
        elif not path.exists():
            yield str(path), None, "no such file"
        elif path.suffix.lower() in {".jsonl", ".ndjson"}:
            with path.open(encoding="utf-8", errors="replace") as handle:
                for n, line in enumerate(handle, 1):
                    if line.strip():
                        yield from _record(f"{path}:{n}", line)
        elif path.suffix.lower() == ".json":
            yield from _record(str(path), path.read_text(encoding="utf-8", errors="replace"))
        else:
            try:
                record: dict[str, Any] = {"text": path.read_text(encoding="utf-8")}
            except UnicodeDecodeError:
                yield str(path), None, "not UTF-8 text"
                continue
            meta = sidecar(path)
            if meta is not None:
                try:
                    data = json.loads(meta.read_text(encoding="utf-8"))
                except (ValueError, UnicodeDecodeError) as exc:
                    yield str(path), None, f"{meta.name}: invalid JSON: {exc}"
                    continue
                if not isinstance(data, dict):
                    yield str(path), None, f"{meta.name}: not a JSON object"
                    continue
                record.update({key: data[key] for key in METADATA if data.get(key) is not None})
            yield str(path), record, None


def _record(where: str, raw: str) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        yield where, None, f"invalid JSON: {exc}"
        return
    items = data if isinstance(data, list) else [data]
    for i, item in enumerate(items):
        at = where if len(items) == 1 else f"{where}[{i}]"
        if isinstance(item, dict) and isinstance(item.get("text"), str):
            yield at, item, None
        else:
            yield at, None, "not an object with a 'text' string"


def with_defaults(
    records: Iterator[tuple[str, dict[str, Any] | None, str | None]], defaults: dict[str, str | None]
) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    """Records with the command line's metadata filling the fields they leave out."""
    given = {key: value for key, value in defaults.items() if value is not None}
    for where, record, error in records:
        if record is not None and given:
            record = {**given, **{k: v for k, v in record.items() if v is not None}}
        yield where, record, error


@cli.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...", help="Text files (with optional JSON sidecars), JSON/JSON-lines files, folders"
        ),
    ],
    workers: Annotated[
        int, typer.Option(min=1, max=64, metavar="N", help="Worker processes (each loads the model)")
    ] = 1,
    published_at: Annotated[
        str | None, typer.Option(metavar="DATE", help="ISO date or date-time for records that give none")
    ] = None,
    source: Annotated[
        str | None, typer.Option(metavar="NAME", help="Publisher or feed for records that give none")
    ] = None,
    url: Annotated[
        str | None, typer.Option("--url", metavar="URL", help="Where it was published (records that give none)")
    ] = None,
    queue: Annotated[
        bool, typer.Option("--queue", help="Send the articles as jobs (to QUEUE_URL's workers) and follow them")
    ] = False,
) -> None:
    """Ingest articles from files into the configured database, and summarise what happened."""
    from tqdm import tqdm

    from app.services.bulk import BulkSummary, ingest_records

    settings = get_settings()
    announce(settings)
    upgrade_or_exit(settings)
    defaults = {"published_at": published_at, "source": source, "url": url}
    records = list(with_defaults(iter_records(paths), defaults))
    if queue:
        queue_records(settings, records)
        return
    summary = BulkSummary()
    outcomes = ingest_records(
        records, settings.database_url, settings.spacy_model, settings.max_text_chars, workers, settings.spacy_models
    )
    for where, outcome, detail in tqdm(outcomes, total=len(records), unit="article", disable=not sys.stderr.isatty()):
        summary.add(where, outcome, detail)
    for line in summary.rejected[:50]:
        typer.echo(f"rejected {line}", err=True)
    tally = summary.tally
    typer.echo(f"{tally['new']} new, {tally['duplicate']} duplicate, {tally['rejected']} rejected")
    if tally["rejected"] and not (tally["new"] or tally["duplicate"]):
        raise typer.Exit(1)


def job_runner(settings: Settings) -> Any:
    """The CLI's job runner: it only sends with QUEUE_URL; without one it runs the jobs itself (the model
    loaded here), as the API would."""
    from app.db import make_database
    from app.services.ingest import Ingestor, load_extractors
    from app.worker import start_runner

    database = make_database(settings.database_url)
    if settings.queue_url is not None:
        return start_runner(settings, database)
    ingestor = Ingestor.configured(database, settings, *load_extractors(settings))
    return start_runner(settings, database, ingestor, threads=settings.job_threads)


def follow_batches(runner: Any, batch_ids: list[int], total: int, what: str) -> dict[str, int]:
    """A progress bar over batches' jobs until every one is done or failed; the jobs' outcomes counted."""
    import time

    from sqlalchemy import func, select
    from tqdm import tqdm

    from app.models import Job
    from app.services.jobs import JOBS

    finished = JOBS.c.state.in_(("done", "failed"))
    count = select(func.count()).where(JOBS.c.batch_id.in_(batch_ids), finished)
    with tqdm(total=total, unit=what, disable=not sys.stderr.isatty()) as bar:
        while True:
            with runner.jobs.database.read() as session:
                settled = int(session.execute(count).scalar_one())
            bar.update(settled - bar.n)
            if settled >= total:
                break
            time.sleep(0.5)
    tally: dict[str, int] = {}
    with runner.jobs.database.read() as session:
        rows = session.execute(
            select(Job.state, Job.outcome, func.count())  # type: ignore[call-overload]
            .where(JOBS.c.batch_id.in_(batch_ids))
            .group_by(Job.state, Job.outcome)
        )
        for state, outcome, n in rows:
            key = outcome or state
            tally[key] = tally.get(key, 0) + int(n)
    return tally


def queue_records(settings: Settings, records: list[tuple[str, dict[str, Any] | None, str | None]]) -> None:
    """Send records as ingest jobs in batches, follow them to the end, and summarise."""
    from app.errors import BadInput, DomainError
    from app.services.ingest import Submission, parse_published

    runner = job_runner(settings)
    lines: list[Submission | DomainError] = []
    for where, record, error in records:
        if record is None:
            lines.append(BadInput(f"{where}: {error}"))
            continue
        try:
            published = parse_published(record.get("published_at"))
        except DomainError as exc:
            exc.detail = f"{where}: {exc.detail}"
            lines.append(exc)
            continue
        lines.append(Submission(record["text"], published, record.get("url"), record.get("source")))
    size = settings.max_batch_lines
    batches = [runner.jobs.submit_batch(lines[i : i + size]) for i in range(0, len(lines), size)]
    try:
        tally = follow_batches(runner, batches, len(lines), "article")
    finally:
        runner.stop()
    rejected = tally.get("failed", 0)
    typer.echo(
        f"{tally.get('created', 0)} new, {tally.get('duplicate', 0)} duplicate, {rejected} rejected "
        f"(batches {', '.join(map(str, batches))}; GET /v1/jobs?state=failed says why)"
    )
    if rejected and not (tally.get("created") or tally.get("duplicate")):
        raise typer.Exit(1)


@cli.command()
def worker(
    processes: Annotated[int, typer.Option(min=1, max=256, help="Worker processes (default: one per core)")] = 0,
    threads: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Threads per process running jobs. Parsing holds Python's lock, so on one core a second thread "
            "mostly waits: add processes, not threads",
        ),
    ] = 1,
) -> None:
    """Run queued jobs from QUEUE_URL's broker: the model is loaded once, then the processes are forked."""
    import gc
    import os

    from app import migrations
    from app.logs import configure_logging
    from app.services.ingest import load_extractors
    from app.worker import WARM_UP_TEXT, serve_workers

    settings = get_settings()
    if settings.queue_url is None:
        typer.echo("dateline worker: set QUEUE_URL=redis://... or amqp://... (without it the API runs jobs)", err=True)
        raise typer.Exit(2)
    configure_logging(settings.log_level, settings.log_format)
    migrations.upgrade(settings.database_url)
    extractor, others = load_extractors(settings)
    # One small article before forking: what spaCy sets up lazily on its first call is then done once, here,
    # and shared, instead of slowing every process's first job.
    extractor.analyze(WARM_UP_TEXT, None)
    gc.collect()
    gc.freeze()  # the model, shared copy-on-write by the forked processes: keep the collector off its pages
    serve_workers(settings, extractor, others, processes or os.cpu_count() or 1, threads)


@cli.command()
def reprocess(
    outdated: Annotated[
        bool, typer.Option("--outdated", help="Only articles whose extractor_version is not the running one")
    ] = False,
    article_id: Annotated[list[int] | None, typer.Option("--id", help="These articles (repeatable)")] = None,
    agency: Annotated[str | None, typer.Option(help="Articles of this agency or source")] = None,
    entity: Annotated[str | None, typer.Option(help="Articles naming this entity (id or name)")] = None,
    published_from: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD)")] = None,
    published_to: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD)")] = None,
    wait: Annotated[bool, typer.Option(help="Follow the jobs to the end with a progress bar")] = True,
) -> None:
    """Queue re-extraction of stored articles (all, or those the options select) with the running extractor."""
    import datetime as dt

    from sqlalchemy import select

    from app import migrations
    from app.nlp import Extractor, load_model
    from app.services.ingest import ARTICLES
    from app.services.queries import ArticleFilters, article_conditions

    settings = get_settings()
    migrations.upgrade(settings.database_url)
    runner = job_runner(settings)
    try:
        filters = ArticleFilters(
            entity=entity,
            agency=agency,
            published_from=dt.date.fromisoformat(published_from) if published_from else None,
            published_to=dt.date.fromisoformat(published_to) if published_to else None,
        )
        with runner.jobs.database.read() as session:
            conditions = article_conditions(session, filters)
            if outdated:
                extractor = runner.broker.runtime.ingestor.extractor if runner.broker.runtime else None
                version = (extractor or Extractor(load_model(settings.spacy_model))).version
                conditions.append(ARTICLES.c.extractor_version != version)
            if article_id:
                conditions.append(ARTICLES.c.id.in_(article_id))
            ids = list(session.execute(select(ARTICLES.c.id).where(*conditions).order_by(ARTICLES.c.id)).scalars())
        size = settings.max_batch_lines
        batches = [runner.jobs.submit_reprocess_batch(ids[i : i + size]) for i in range(0, len(ids), size)]
        typer.echo(f"{len(ids)} articles queued for re-extraction (batches {', '.join(map(str, batches)) or '-'})")
        if wait and ids:
            tally = follow_batches(runner, batches, len(ids), "article")
            typer.echo(f"{tally.get('reprocessed', 0)} re-extracted, {tally.get('failed', 0)} failed")
    finally:
        runner.stop()


@cli.command("eval")
def evaluate(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE...", help="Annotated JSON-lines files in the shared format")
    ],
    task: Annotated[
        str | None,
        typer.Option("--task", metavar="TASK", help="structure, quotes or ner (default: from the file name)"),
    ] = None,
    limit: Annotated[int, typer.Option(min=0, metavar="N", help="Score only the first N articles of each file")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON")] = False,
) -> None:
    """Score extraction against annotated articles: structure, quotes and entity measures."""
    from app.evaluation import evaluate_files, format_report
    from app.nlp import Extractor, load_model

    extractor = Extractor(load_model(get_settings().spacy_model))
    report = evaluate_files(files, extractor, task=task, limit=limit)
    typer.echo(json.dumps(report, indent=2, ensure_ascii=False) if as_json else format_report(report))


def main() -> None:
    """Entry point of the `dateline` script."""
    cli()


if __name__ == "__main__":
    main()
