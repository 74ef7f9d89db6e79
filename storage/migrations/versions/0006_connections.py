"""Connections: free now, pooled work, mentoring, coffee pairing and welcome"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "free_now",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practices.id"],
            name=op.f("fk_free_now_practice_id_practices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_free_now")),
        sa.UniqueConstraint("practice_id", "user_id", name=op.f("uq_free_now_practice_id")),
    )
    op.create_index(op.f("ix_free_now_until"), "free_now", ["until"], unique=False)
    op.create_table(
        "mentor_matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("mentor", sa.String(length=64), nullable=False),
        sa.Column("mentee", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("mentor_ok", sa.Boolean(), nullable=False),
        sa.Column("mentee_ok", sa.Boolean(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=True),
        sa.Column("start", sa.String(length=5), nullable=True),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("every_weeks", sa.Integer(), nullable=True),
        sa.Column("anchor", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practices.id"],
            name=op.f("fk_mentor_matches_practice_id_practices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentor_matches")),
    )
    op.create_index(
        op.f("ix_mentor_matches_practice_id"), "mentor_matches", ["practice_id"], unique=False
    )
    op.create_table(
        "mentor_profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("offering", sa.Boolean(), nullable=False),
        sa.Column("seeking", sa.Boolean(), nullable=False),
        sa.Column("years", sa.Integer(), nullable=False),
        sa.Column("interests", sa.String(length=400), nullable=False),
        sa.Column("line_manager", sa.String(length=64), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practices.id"],
            name=op.f("fk_mentor_profiles_practice_id_practices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentor_profiles")),
        sa.UniqueConstraint("practice_id", "user_id", name=op.f("uq_mentor_profiles_practice_id")),
    )
    op.create_table(
        "pairing_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("opted_in", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practices.id"],
            name=op.f("fk_pairing_members_practice_id_practices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_members")),
        sa.UniqueConstraint("practice_id", "user_id", name=op.f("uq_pairing_members_practice_id")),
    )
    op.create_table(
        "pairing_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("week", sa.String(length=10), nullable=False),
        sa.Column("announced_on", sa.Date(), nullable=False),
        sa.Column("drawn_on", sa.Date(), nullable=True),
        sa.Column("followed_up", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practices.id"],
            name=op.f("fk_pairing_rounds_practice_id_practices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_rounds")),
        sa.UniqueConstraint("practice_id", "week", name=op.f("uq_pairing_rounds_practice_id")),
    )
    op.create_table(
        "pairing_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("every_weeks", sa.Integer(), nullable=False),
        sa.Column("anchor", sa.Date(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practices.id"],
            name=op.f("fk_pairing_settings_practice_id_practices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_settings")),
        sa.UniqueConstraint("practice_id", name=op.f("uq_pairing_settings_practice_id")),
    )
    op.create_table(
        "pools",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("asker", sa.String(length=64), nullable=False),
        sa.Column("due", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practices.id"],
            name=op.f("fk_pools_practice_id_practices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pools")),
    )
    op.create_index(op.f("ix_pools_practice_id"), "pools", ["practice_id"], unique=False)
    op.create_table(
        "welcomes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("buddy", sa.String(length=64), nullable=False),
        sa.Column("asked", sa.String(length=400), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practices.id"],
            name=op.f("fk_welcomes_practice_id_practices"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_welcomes")),
        sa.UniqueConstraint("practice_id", "user_id", name=op.f("uq_welcomes_practice_id")),
    )
    op.create_table(
        "pairing_places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("group_no", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("met", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["pairing_rounds.id"],
            name=op.f("fk_pairing_places_round_id_pairing_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_places")),
        sa.UniqueConstraint("round_id", "user_id", name=op.f("uq_pairing_places_round_id")),
    )
    op.create_table(
        "pairing_skips",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["pairing_rounds.id"],
            name=op.f("fk_pairing_skips_round_id_pairing_rounds"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pairing_skips")),
        sa.UniqueConstraint("round_id", "user_id", name=op.f("uq_pairing_skips_round_id")),
    )
    op.create_table(
        "pool_tasks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pool_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("how_many", sa.Integer(), nullable=False),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("thanked", sa.Boolean(), nullable=False),
        sa.Column("withdrawn", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pool_id"], ["pools.id"], name=op.f("fk_pool_tasks_pool_id_pools"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pool_tasks")),
    )
    op.create_index(op.f("ix_pool_tasks_pool_id"), "pool_tasks", ["pool_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_pool_tasks_pool_id"), table_name="pool_tasks")
    op.drop_table("pool_tasks")
    op.drop_table("pairing_skips")
    op.drop_table("pairing_places")
    op.drop_table("welcomes")
    op.drop_index(op.f("ix_pools_practice_id"), table_name="pools")
    op.drop_table("pools")
    op.drop_table("pairing_settings")
    op.drop_table("pairing_rounds")
    op.drop_table("pairing_members")
    op.drop_table("mentor_profiles")
    op.drop_index(op.f("ix_mentor_matches_practice_id"), table_name="mentor_matches")
    op.drop_table("mentor_matches")
    op.drop_index(op.f("ix_free_now_until"), table_name="free_now")
    op.drop_table("free_now")
