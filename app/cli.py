"""The `dateline` command: serve, ingest files, manage the schema."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from app.config import Settings, get_settings

cli = typer.Typer(help="Dateline: news copy in, structured data out.", no_args_is_help=True)
db_cli = typer.Typer(help="Database schema.", no_args_is_help=True)
cli.add_typer(db_cli, name="db")

TEXT_SUFFIXES = {".txt", ".text", ".md"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default HOST, 127.0.0.1)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default PORT, 8000)")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes")] = 1,
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

    from app import migrations

    if host:
        os.environ["HOST"] = host  # the app's own settings read it too
    settings = Settings()
    try:
        settings.check_exposure()
    except ValueError as exc:
        typer.echo(f"dateline: {exc}", err=True)
        raise typer.Exit(2) from None
    migrations.upgrade(settings.database_url)
    uvicorn.run(
        "app.main:app",
        host=settings.host,
        port=port or settings.port,
        workers=workers,
        log_level=settings.log_level.lower(),
        proxy_headers=False,
    )


@db_cli.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Bring the database schema up to date (alembic upgrade)."""
    from app import migrations

    migrations.upgrade(get_settings().database_url, revision)
    typer.echo(f"schema at {revision}")


def iter_records(paths: list[Path]) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    """(where, record, error) for every article in files, folders and JSON lines."""
    for path in paths:
        if path.is_dir():
            children = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | RECORD_SUFFIXES
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
                yield str(path), {"text": path.read_text(encoding="utf-8")}, None
            except UnicodeDecodeError:
                yield str(path), None, "not UTF-8 text"


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


@cli.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Text files, JSON/JSON-lines files, or folders of them")],
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes (each loads the model)")] = 1,
) -> None:
    """Ingest articles from files into the configured database, and summarise what happened."""
    from tqdm import tqdm

    from app import migrations
    from app.services.bulk import BulkSummary, ingest_records

    settings = get_settings()
    migrations.upgrade(settings.database_url)
    records = list(iter_records(paths))
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


@cli.command("eval")
def evaluate(
    files: Annotated[list[Path], typer.Argument(help="Annotated JSON-lines files in the shared format")],
    task: Annotated[str | None, typer.Option(help="structure, quotes or ner (default: from the file name)")] = None,
    limit: Annotated[int, typer.Option(min=0, help="Score only the first N articles of each file")] = 0,
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
