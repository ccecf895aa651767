"""Prometheus metrics: requests by route template, extraction time, jobs by state and the queue's depth.

Counters and histograms live in each process. Under several uvicorn workers (or `dateline worker`
processes) set PROMETHEUS_MULTIPROC_DIR to an empty folder shared by them: prometheus-client then keeps
the samples in files there and /metrics adds up every process's. Jobs by state and the queue's depth are
read from the database and the broker when scraped, so every process reports the same numbers.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector
from starlette.routing import Match
from starlette.types import Scope

log = logging.getLogger("dateline.metrics")

EXTRACTION_SECONDS = Histogram(
    "dateline_extraction_seconds",
    "Time to extract one article (structure, entities, quotes), in seconds",
    buckets=(0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
)
JOBS_FINISHED = Counter("dateline_jobs_finished_total", "Jobs this process ran to an end, by final state", ["state"])
REQUESTS = Counter("dateline_http_requests_total", "HTTP requests by route template", ["method", "route", "status"])
REQUEST_SECONDS = Histogram(
    "dateline_http_request_duration_seconds",
    "HTTP request latency by route template, in seconds",
    ["method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
CONTENT_TYPE = CONTENT_TYPE_LATEST


def route_template(scope: Scope) -> str:
    """The template of the route that served a request (/v1/articles/{article_id}), never the raw path, so
    the series stay few; 'unmatched' for a 404 outside every route."""
    path = getattr(scope.get("route"), "path", None)
    if isinstance(path, str):
        return path
    # Not routed: a reply kept by ReplyCache (served before routing), a mount, or no route at all.
    for route in getattr(getattr(scope.get("app"), "router", None), "routes", ()):
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return str(getattr(route, "path", "unmatched"))
    return "unmatched"


def observe_request(scope: Scope, status: int, seconds: float) -> None:
    """Count and time one HTTP request by method, route template and status (RequestContext calls it once
    per request, with the duration it logs)."""
    method, route = scope.get("method", "GET"), route_template(scope)
    REQUESTS.labels(method, route, str(status)).inc()
    REQUEST_SECONDS.labels(method, route).observe(seconds)


class JobsCollector(Collector):
    """Jobs by state (from the database) and messages waiting in the broker, read at each scrape."""

    def __init__(self, counts: Callable[[], dict[str, int]], depth: Callable[[], int | None]) -> None:
        self.counts = counts
        self.depth = depth

    def collect(self) -> Iterator[Metric]:
        """The gauges, as they are now; a store or broker that does not answer leaves its gauge out."""
        try:
            by_state = self.counts()
        except Exception as exc:
            log.warning("jobs by state unavailable for metrics: %s", exc)
        else:
            jobs = GaugeMetricFamily("dateline_jobs", "Jobs by state", labels=["state"])
            for state, n in by_state.items():
                jobs.add_metric([state], n)
            yield jobs
        try:
            waiting = self.depth()
        except Exception as exc:
            log.warning("queue depth unavailable for metrics: %s", exc)
            waiting = None
        if waiting is not None:
            yield GaugeMetricFamily(
                "dateline_queue_depth", "Messages waiting in the broker's queue (not yet taken by a worker)", waiting
            )


def exposition(extra: Collector | None = None) -> bytes:
    """The metrics text: this process's (or, in multiprocess mode, every process's) and the extra ones."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry: Any = CollectorRegistry()
        MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    body = generate_latest(registry)
    if extra is not None:
        own = CollectorRegistry(auto_describe=False)
        own.register(extra)
        body += generate_latest(own)
    return body
