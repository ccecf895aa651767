"""real copy: web pages kept as sent, languages, story clusters, statements

Revision ID: c4d1e2f3a5b6
Revises: 3d8e61c0b7a4
Create Date: 2026-12-01 21:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "c4d1e2f3a5b6"
down_revision: str | None = "3d8e61c0b7a4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy of the table on SQLite, which would drop the full-text triggers).
    op.add_column("articles", sa.Column("html", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("html")
