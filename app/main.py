"""The ASGI application: routers, middleware, and a lifespan that loads the NLP model once."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from anyio import CapacityLimiter, to_thread
from fastapi import Depends, FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware

from app import __version__, migrations
from app.config import Settings, get_settings
from app.db import make_database
from app.deps import check_query
from app.errors import install_error_handlers
from app.logs import configure_logging
from app.middleware import RateLimit, ReplyCache, RequestContext, RequireReadKey, SecurityHeaders
from app.openapi import TAGS, describe, operation_id
from app.routes import articles, entities, export, health, jobs, quotes, standards, statements, stats
from app.schemas import Problem
from app.services.idempotency import IdempotencyStore
from app.services.ingest import Ingestor, load_extractors
from app.services.ratelimit import RateLimiter
from app.services.revisions import revision_for
from app.web import pages
from app.web.docs import install_docs
from app.worker import start_runner

log = logging.getLogger("dateline")


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the Dateline application for a configuration."""
    settings = settings or get_settings()
    # Now, not in the lifespan: uvicorn has set up its own logging by the time it imports the app, and its
    # lines from here on (server process, start-up, errors) come out in the app's format.
    configure_logging(settings.log_level, settings.log_format)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Requests' database work shares a few threads: past a handful, threads only fight over the GIL
        # (40, AnyIO's default, served uncached reads 3 to 4 times slower). Parsing has threads of its own.
        to_thread.current_default_thread_limiter().total_tokens = settings.request_threads
        app.state.ingest_threads = CapacityLimiter(settings.ingest_threads)
        # Text searches and health checks have threads of their own too: a flood of slow searches (or parses)
        # never leaves /healthz or plain reads waiting for a thread.
        app.state.search_threads = CapacityLimiter(settings.search_threads)
        app.state.health_threads = CapacityLimiter(1)
        settings.check_exposure()
        await run_in_threadpool(migrations.upgrade, settings.database_url)
        database = make_database(settings.database_url)
        extractor, others = await run_in_threadpool(load_extractors, settings)
        app.state.settings = settings
        app.state.database = database
        app.state.ingestor = Ingestor.configured(database, settings, extractor, others)
        # Without QUEUE_URL this process runs the jobs it queues (the embedded runner); with one, it only sends.
        embedded = settings.queue_url is None
        app.state.jobs = start_runner(
            settings, database, app.state.ingestor if embedded else None, threads=settings.job_threads
        )
        app.state.idempotency = IdempotencyStore(database)
        app.state.limiter = (
            RateLimiter(settings.rate_limit_per_minute, 60, settings.redis_url)
            if settings.rate_limit_per_minute
            else None
        )
        app.state.revision = revision_for(settings.database_url) if settings.reply_cache_mb else None
        if app.state.revision is not None:
            database.after_write.append(app.state.revision.bump)
        # Everything loaded so far (the NLP model above all) lives as long as the process: keep it out of the
        # cyclic garbage collector's full passes, which otherwise stall a request now and then for 100+ ms.
        gc.collect()
        gc.freeze()
        log.info("dateline ready: model %s, store %s", settings.spacy_model, database.reader.url.get_backend_name())
        try:
            yield
        finally:
            await run_in_threadpool(app.state.jobs.stop)
            if app.state.revision is not None:
                app.state.revision.close()
            database.dispose()

    app = FastAPI(
        title="Dateline",
        summary="News copy in, structured data out: structure, quotes with resolved speakers, canonical entities.",
        description="Writes need an API key when API_KEYS is set: `Authorization: Bearer <key>` or `X-API-Key`. "
        "Every error is application/problem+json (RFC 9457).",
        version=__version__,
        license_info={"name": "MIT", "identifier": "MIT"},
        openapi_tags=TAGS,
        generate_unique_id_function=operation_id,
        dependencies=[Depends(check_query)],
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json" if settings.docs_enabled else None,
    )
    if settings.docs_enabled:
        install_docs(app, "/openapi.json")
    install_error_handlers(app)
    # Outermost last: a request id first, then the rate limit, then kept replies (which CORS wraps).
    if settings.reply_cache_mb:
        app.add_middleware(ReplyCache, max_bytes=settings.reply_cache_mb * 1_000_000)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", "If-None-Match", "Idempotency-Key", "Prefer"],
            expose_headers=["ETag", "Location", "Link", "Retry-After", "X-Request-ID", "Preference-Applied"],
        )
    if settings.reads_need_key:
        app.add_middleware(RequireReadKey)  # before kept replies are served
    app.add_middleware(RateLimit)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RequestContext)

    limited: dict[int | str, dict[str, Any]] = {
        429: {"model": Problem, "content": {"application/problem+json": {}}, "description": "Rate limit hit"}
    }
    routers = (
        articles.router,
        jobs.router,
        quotes.router,
        statements.router,
        entities.router,
        stats.router,
        export.router,
        standards.router,
    )
    for router in routers:
        app.include_router(router, responses=limited)
    describe(app, settings, ReplyCache.serves, routers)
    app.include_router(health.router)
    app.include_router(pages.router)
    app.mount("/static", pages.static_files(), name="static")
    return app


app = create_app()
