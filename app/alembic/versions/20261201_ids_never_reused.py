"""ids never reused: on SQLite, articles and entities get AUTOINCREMENT keys, so the id of a deleted row is
never handed out again (PostgreSQL's sequences never reuse one already)

Revision ID: 3d8e61c0b7a4
Revises: 7c3f2a91d5e0
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "3d8e61c0b7a4"
down_revision: str | None = "7c3f2a91d5e0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("articles", "entities")


def _rebuild_with_autoincrement(table: str) -> None:
    """SQLite's documented way to change a table's definition: create the new one, copy, drop, rename, and
    create the old one's indexes and triggers again. AUTOINCREMENT must sit on the column itself."""
    conn = op.get_bind()
    schema = conn.exec_driver_sql(f"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'").scalar()
    if schema is None or "AUTOINCREMENT" in schema:
        return
    column, constraint = "id INTEGER NOT NULL,", f"CONSTRAINT pk_{table} PRIMARY KEY (id), "
    if column not in schema or constraint not in schema:
        raise RuntimeError(f"unexpected definition of {table}; not rebuilding it")
    rebuilt = (
        schema.replace(f"CREATE TABLE {table} (", f"CREATE TABLE {table}_rebuilt (", 1)
        .replace(column, "id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,", 1)
        .replace(constraint, "", 1)
    )
    dependants = [
        sql
        for (sql,) in conn.exec_driver_sql(
            f"SELECT sql FROM sqlite_master WHERE tbl_name = '{table}' AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL"
        )
    ]
    conn.exec_driver_sql(rebuilt)
    conn.exec_driver_sql(f"INSERT INTO {table}_rebuilt SELECT * FROM {table}")  # sets sqlite_sequence to max(id)
    conn.exec_driver_sql(f"DROP TABLE {table}")
    conn.exec_driver_sql(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
    for sql in dependants:
        conn.exec_driver_sql(sql)


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    # Dropping a table that others reference must not cascade to their rows: the migration's connection has
    # foreign keys off (SQLite's default; the app turns them on for its own connections).
    if conn.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError("foreign keys must be off while articles and entities are rebuilt")
    # The rename must leave the views and triggers that name these tables as they are.
    conn.exec_driver_sql("PRAGMA legacy_alter_table = ON")
    try:
        for table in TABLES:
            _rebuild_with_autoincrement(table)
    finally:
        conn.exec_driver_sql("PRAGMA legacy_alter_table = OFF")


def downgrade() -> None:
    # AUTOINCREMENT changes no row and no query; keeping it on the way down is harmless.
    pass
