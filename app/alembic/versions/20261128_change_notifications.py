"""change notifications (PostgreSQL): NOTIFY dateline_changes when a commit changes what reads return

Revision ID: 5b1e0c7d9a42
Revises: 38819d29c7c0
Create Date: 2026-11-28

Every server process LISTENs on the channel and forgets the replies it kept (app/services/revisions.py).
A statement-level trigger on each table the read API serves from catches every writer, including
`dateline ingest` in another process and hand-run SQL; PostgreSQL sends one notification per
transaction, at commit. SQLite needs nothing: PRAGMA data_version already tells.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "5b1e0c7d9a42"
down_revision: str | None = "38819d29c7c0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("articles", "quotes", "mentions", "entities")
FUNCTION = """
CREATE OR REPLACE FUNCTION dateline_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('dateline_changes', '');
    RETURN NULL;
END;
$$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_notify_change ON {table}")
    op.execute("DROP FUNCTION IF EXISTS dateline_notify_change()")
