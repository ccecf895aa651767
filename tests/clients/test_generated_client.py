"""A client generated from /openapi.json by openapi-python-client has every operation and drives a live
server: ingest, read, list, delete."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.api.helpers import story
from tests.robustness.server import API_KEY, Server

BIN = Path(sys.executable).parent
# The generator has no mode for a text/plain body; the JSON body covers ingest, so that warning is expected.
OUTPUT = ("--output-path", "dateline_client")
EXPECTED_WARNING = "Unsupported content type text/plain"


@pytest.fixture(scope="module")
def generated(live: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, dict[str, Any]]]:
    """The generated package `dateline_client`, imported, and the document it came from."""
    where = tmp_path_factory.mktemp("generated")
    document = httpx.get(f"{live.base_url}/openapi.json", timeout=30).json()
    (where / "openapi.json").write_text(json.dumps(document))
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}  # it runs ruff
    run = subprocess.run(
        [str(BIN / "openapi-python-client"), "generate", *("--path", "openapi.json", "--meta", "none"), *OUTPUT],
        cwd=where,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    warnings = run.stdout.split("WARNING")[1:]
    assert all(EXPECTED_WARNING in block for block in warnings), run.stdout
    sys.path.insert(0, str(where))
    try:
        yield importlib.import_module("dateline_client"), document
    finally:
        sys.path.remove(str(where))
        for name in [m for m in sys.modules if m == "dateline_client" or m.startswith("dateline_client.")]:
            del sys.modules[name]


def operation(package: ModuleType, tag: str, operation_id: str) -> ModuleType:
    """The generated module of one operation."""
    return importlib.import_module(f"{package.__name__}.api.{tag}.{operation_id}")


def test_every_operation_comes_out_of_the_generated_client(generated: tuple[ModuleType, dict[str, Any]]) -> None:
    package, document = generated
    ids = [
        (op["tags"][0], op["operationId"])
        for item in document["paths"].values()
        for method, op in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]
    assert {("articles", "ingest_article"), ("articles", "delete_article")} <= set(ids)
    for tag, operation_id in ids:
        module = operation(package, tag, operation_id)
        assert callable(module.sync_detailed), operation_id


def test_generated_client_ingests_reads_lists_and_deletes(
    generated: tuple[ModuleType, dict[str, Any]], live: Server
) -> None:
    package, _ = generated
    models = importlib.import_module(f"{package.__name__}.models")
    client = package.AuthenticatedClient(base_url=live.base_url, token=API_KEY, raise_on_unexpected_status=True)
    anonymous = package.Client(base_url=live.base_url)
    ingest = operation(package, "articles", "ingest_article")

    body = models.ArticleIn(text=story("harbour.txt"), published_at="2019-05-14", source="TASS")
    refused = ingest.sync_detailed(client=anonymous, body=body)
    assert refused.status_code == 401 and isinstance(refused.parsed, models.Problem)

    created = ingest.sync_detailed(client=client, body=body)
    assert created.status_code == 201, created.content
    article = created.parsed
    assert isinstance(article, models.ArticleOut)
    assert article.dateline.agency == "TASS" and article.published_at == "2019-05-14"
    assert created.headers["location"].endswith(f"/v1/articles/{article.id}")
    again = ingest.sync_detailed(client=client, body=body)
    assert again.status_code == 200 and again.parsed.id == article.id

    read = operation(package, "articles", "get_article").sync(article.id, client=client)
    assert isinstance(read, models.ArticleOut)
    assert read.text == article.text and read.headline == article.headline
    quotes = operation(package, "articles", "get_article_quotes").sync(article.id, client=client)
    assert quotes and all(read.text[q.start : q.end] == q.text for q in quotes)
    entities = operation(package, "articles", "get_article_entities").sync(article.id, client=client)
    assert any(e.name == "Marieke Jansen" for e in entities)

    listed = operation(package, "articles", "list_articles").sync(client=client, agency="TASS", limit=5)
    assert isinstance(listed, models.PageArticleSummary)
    assert [a.id for a in listed.items] == [article.id] and listed.total == 1
    quote_page = operation(package, "quotes", "list_quotes").sync(client=client, speaker="Jansen")
    assert quote_page.total >= 1 and all(q.speaker.name == "Marieke Jansen" for q in quote_page.items)
    people = operation(package, "entities", "list_entities").sync(client=client, prefix="marieke")
    jansen = next(e for e in people.items if e.name == "Marieke Jansen")
    detail = operation(package, "entities", "get_entity").sync(jansen.id, client=client)
    assert detail.quote_count >= 1

    too_many = operation(package, "articles", "list_articles").sync_detailed(client=client, limit=10_000)
    assert too_many.status_code == 422 and isinstance(too_many.parsed, models.Problem)

    remove = operation(package, "articles", "delete_article")
    assert remove.sync_detailed(article.id, client=anonymous).status_code == 401
    assert remove.sync_detailed(article.id, client=client).status_code in (200, 204)
    gone = operation(package, "articles", "get_article").sync_detailed(article.id, client=client)
    assert gone.status_code == 404 and isinstance(gone.parsed, models.Problem)
    again_gone = remove.sync_detailed(article.id, client=client)
    assert again_gone.status_code == 404 and isinstance(again_gone.parsed, models.Problem)
