"""Outbox rows name the post they belong to, so its seals can die with it"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("outbox", sa.Column("post", sa.String(length=36), nullable=True))
    op.create_index("ix_outbox_post", "outbox", ["post"])


def downgrade() -> None:
    op.drop_index("ix_outbox_post", table_name="outbox")
    op.drop_column("outbox", "post")
