"""Schema management: Alembic owns the schema; the app and the tests build it with `upgrade head`.

The migration scripts live in the package (app/alembic), so an installed wheel upgrades a database from any
working directory; alembic.ini at the checkout's root points there too, for `alembic revision` by hand."""

from __future__ import annotations

import fcntl
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url

SCRIPTS = Path(__file__).resolve().parent / "alembic"


def alembic_config(database_url: str) -> Config:
    """An Alembic config bound to a database URL, not touching the caller's logging."""
    config = Config()
    config.set_main_option("script_location", str(SCRIPTS))
    config.set_main_option("path_separator", "os")
    config.attributes["database_url"] = database_url
    config.attributes["configure_logging"] = False
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the schema up to a revision; concurrent callers on one SQLite file take turns."""
    config = alembic_config(database_url)
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        db_path = Path(url.database)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        with open(db_path.with_name(db_path.name + ".migrate.lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            command.upgrade(config, revision)
        return
    command.upgrade(config, revision)
