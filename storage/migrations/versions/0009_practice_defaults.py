"""Leads: the practice's defaults for nudges and check-ins (on or off, and the week's moment)"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

COLUMNS = ("default_nudges_on", "default_checkins_on", "default_weekday", "default_hour")


def upgrade() -> None:
    # Existing practices keep today's behaviour: nudges on, check-ins off, from Monday 10:00.
    with op.batch_alter_table("practices", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("default_nudges_on", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.add_column(
            sa.Column(
                "default_checkins_on", sa.Boolean(), nullable=False, server_default=sa.false()
            )
        )
        batch_op.add_column(
            sa.Column("default_weekday", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("default_hour", sa.Integer(), nullable=False, server_default="10")
        )


def downgrade() -> None:
    with op.batch_alter_table("practices", schema=None) as batch_op:
        for column in reversed(COLUMNS):
            batch_op.drop_column(column)
