"""Alembic environment: the schema is SQLModel.metadata; the URL is DATABASE_URL."""

from __future__ import annotations

from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool, text

from app import models
from app.config import get_settings

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logging", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = models.metadata
MIGRATION_LOCK = 7_201_905  # any constant: serialises concurrent upgrades on PostgreSQL


# Search structures and PostgreSQL-only indexes are written by hand in migrations (FTS5 tables, tsvector
# column, GIN indexes, a descending NULLS LAST index):
# autogenerate must not offer to drop them.
HAND_WRITTEN = ("_fts", "ix_fts_", "ix_pg_")


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Leave the hand-written search objects out of model comparison."""
    if name and any(marker in name for marker in HAND_WRITTEN):
        return False
    return not (type_ == "column" and name == "search" and reflected and compare_to is None)


def database_url() -> str:
    """The URL given by the caller (tests, CLI), else the settings'."""
    return config.attributes.get("database_url") or get_settings().database_url


def run_migrations_offline() -> None:
    """Emit SQL without a connection."""
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Apply migrations over a connection, one process at a time."""
    url = database_url()
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        is_sqlite = connection.dialect.name == "sqlite"
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=is_sqlite,
            compare_type=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
