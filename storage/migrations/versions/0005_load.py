"""Indexes the weekly jobs and retention read by"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_leave_practice_id_user_id", "leave", ["practice_id", "user_id"])
    op.create_index(op.f("ix_protected_slots_practice_id"), "protected_slots", ["practice_id"])
    op.create_index(op.f("ix_answers_question_id"), "answers", ["question_id"])
    op.create_index(op.f("ix_rants_expired_at"), "rants", ["expired_at"])
    op.create_index(op.f("ix_questions_expired_at"), "questions", ["expired_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_questions_expired_at"), table_name="questions")
    op.drop_index(op.f("ix_rants_expired_at"), table_name="rants")
    op.drop_index(op.f("ix_answers_question_id"), table_name="answers")
    op.drop_index(op.f("ix_protected_slots_practice_id"), table_name="protected_slots")
    op.drop_index("ix_leave_practice_id_user_id", table_name="leave")
