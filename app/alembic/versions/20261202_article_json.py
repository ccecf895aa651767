"""article json: each article as the read API serves it, serialised at write time

Revision ID: 9c3f5a1d7e28
Revises: 4d7a2c9e1b35
Create Date: 2026-12-02

Reads of an article, and lists of them, send these bytes instead of building the reply from its rows on
every request (app/services/article_json.py). Articles stored before this revision have no row: they are
served as before, computed from the tables, until `dateline db render` writes theirs.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9c3f5a1d7e28"
down_revision: str | None = "4d7a2c9e1b35"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_json",
        sa.Column("article_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("summary", sa.LargeBinary(), nullable=False),
        sa.Column("article", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_json_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_json")),
    )
    if op.get_bind().dialect.name == "postgresql":  # kept replies follow it, as the other tables (5b1e0c7d9a42)
        op.execute(
            "CREATE TRIGGER article_json_notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_json "
            "FOR EACH STATEMENT EXECUTE FUNCTION dateline_notify_change()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS article_json_notify_change ON article_json")
    op.drop_table("article_json")
