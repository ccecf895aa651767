"""The floor for the read benchmark: a bare FastAPI app serving JSON bodies of the measured size.

It answers the same paths as the measured endpoints with the very payloads Dateline returned for
them (read once at start from the JSON file named by BENCH_BARE_PAYLOADS), serialised by FastAPI
on every request, so the gap to Dateline is its own work: dependencies, SQL, models.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from fastapi import FastAPI

PAYLOADS: dict[str, Any] = json.loads(Path(os.environ["BENCH_BARE_PAYLOADS"]).read_text(encoding="utf-8"))

app = FastAPI()


@app.get("/healthz")
def healthz() -> dict[str, str]:
    """Ready."""
    return {"status": "ok"}


@app.get("/v1/articles/{article_id}")
def article(article_id: int) -> Any:
    """The article payload."""
    return PAYLOADS["article"]


@app.get("/v1/articles")
def articles() -> Any:
    """The filtered-list payload."""
    return PAYLOADS["list"]
