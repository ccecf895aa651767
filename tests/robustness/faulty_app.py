"""The Dateline app with failures forced where a submitted text carries a marker: parsing, storage (after
rows were written, so the rollback is what keeps the store clean), a pool timeout, or serialising the reply.
Served by a real uvicorn in the error-path tests as `tests.robustness.faulty_app:app`."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.main import create_app
from app.nlp import Extractor
from app.routes import articles
from app.services import ingest

FAIL_PARSE = "FORCED-PARSE-FAILURE"
FAIL_STORE = "FORCED-STORAGE-FAILURE"
FAIL_TIMEOUT = "FORCED-POOL-TIMEOUT"
FAIL_SERIALISE = "FORCED-SERIALISATION-FAILURE"

_analyze = Extractor.analyze
_persist = ingest.persist
_render = articles.render_article


def analyze(self: Extractor, text: str, *args: Any, **kwargs: Any) -> Any:
    if FAIL_PARSE in text:
        raise RuntimeError("forced failure in parsing")
    return _analyze(self, text, *args, **kwargs)


def persist(session: Any, analysis: Any, *args: Any, **kwargs: Any) -> Any:
    article_id = _persist(session, analysis, *args, **kwargs)
    if FAIL_STORE in analysis.text:
        raise RuntimeError("forced failure in storage")
    if FAIL_TIMEOUT in analysis.text:
        raise PoolTimeout("forced: QueuePool limit reached, connection timed out")
    return article_id


_failed_renders: set[int] = set()


def render_article(database: Any, article_id: int, *args: Any, **kwargs: Any) -> tuple[bytes, str]:
    """Fails once per article (the ingest reply), as a transient fault would; reads of it later succeed."""
    body, media = _render(database, article_id, *args, **kwargs)
    if FAIL_SERIALISE.encode() in body and article_id not in _failed_renders:
        _failed_renders.add(article_id)
        raise ValueError("forced failure in serialisation")
    return body, media


Extractor.analyze = analyze  # type: ignore[method-assign]
ingest.persist = persist
articles.render_article = render_article
app = create_app()
