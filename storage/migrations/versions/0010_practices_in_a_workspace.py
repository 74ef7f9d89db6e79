"""Practices inside one workspace: a practice defined by a channel, and a locum's chosen practice"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Existing practices keep today's behaviour: no channel, so everyone in the workspace belongs.
    with op.batch_alter_table("practices", schema=None) as batch_op:
        batch_op.add_column(sa.Column("channel_id", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(
            op.f("uq_practices_channel_id"), ["channel_id", "platform", "workspace_id"]
        )
    # When a locum last chose to act for this practice (None: never chose).
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chosen_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("chosen_at")
    with op.batch_alter_table("practices", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("uq_practices_channel_id"), type_="unique")
        batch_op.drop_column("channel_id")
