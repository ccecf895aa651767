# Dateline: build with `docker build -t dateline .` (or `podman build --format docker -t dateline .`, so the
# HEALTHCHECK is kept: podman's default OCI format drops it), run with
#   docker run -p 8000:8000 -e API_KEYS=secret -v dateline-data:/app/data dateline
# The base is pinned to a patch release; bump it on purpose (PYTHON_IMAGE=... as a build argument).
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm
FROM ${PYTHON_IMAGE} AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Dependencies and the spaCy model first, so code changes do not reinstall them.
COPY requirements.lock ./
RUN pip install -r requirements.lock

# The app itself as a wheel (templates, static files and migrations are package data).
COPY pyproject.toml README.md LICENSE ./
COPY app ./app
RUN pip install --no-deps . \
    && rm -rf /app/app /app/build \
    && useradd --create-home --uid 10001 dateline \
    && mkdir -p /app/data && chown dateline:dateline /app/data

USER dateline
# In a container the service must listen beyond loopback, so API_KEYS must be set for it to start.
# Two malloc arenas keep a worker's memory flat under a thread pool (see app/cli.py serve).
# Behind a reverse proxy, set FORWARDED_ALLOW_IPS to its address and PUBLIC_BASE_URL to the public URL.
ENV HOST=0.0.0.0 \
    PORT=8000 \
    WORKERS=1 \
    MALLOC_ARENA_MAX=2 \
    DATA_DIR=/app/data
EXPOSE 8000
VOLUME ["/app/data"]

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import os, urllib.request, sys; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"8000\")}/healthz', timeout=4); sys.exit(0)"

# `dateline serve` applies the migrations, then starts uvicorn with WORKERS processes.
CMD ["dateline", "serve"]
