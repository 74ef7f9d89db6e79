"""Microsoft Teams: conversation references, installs, and people's Teams ids"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

LONG = 400


def upgrade() -> None:
    op.create_table(
        "teams_conversations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(length=LONG), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("service_url", sa.String(length=LONG), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=False),
        sa.Column("person", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams_conversations")),
        sa.UniqueConstraint("conversation_id", name=op.f("uq_teams_conversations_conversation_id")),
    )
    op.create_index("ix_teams_conversations_person", "teams_conversations", ["person"])
    op.create_index("ix_teams_conversations_team", "teams_conversations", ["team_id"])
    op.create_table(
        "teams_installs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("tenant_id", sa.String(length=64), nullable=False),
        sa.Column("service_url", sa.String(length=LONG), nullable=False),
        sa.Column("installer", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams_installs")),
        sa.UniqueConstraint("team_id", name=op.f("uq_teams_installs_team_id")),
    )
    op.create_table(
        "teams_people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person", sa.String(length=64), nullable=False),
        sa.Column("teams_id", sa.String(length=LONG), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("chosen_team", sa.String(length=64), nullable=False),
        sa.Column("unreachable", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams_people")),
        sa.UniqueConstraint("person", name=op.f("uq_teams_people_person")),
    )


def downgrade() -> None:
    op.drop_table("teams_people")
    op.drop_table("teams_installs")
    op.drop_index("ix_teams_conversations_team", table_name="teams_conversations")
    op.drop_index("ix_teams_conversations_person", table_name="teams_conversations")
    op.drop_table("teams_conversations")
