"""Consent and sharing: whose speech a voice is, whether it waits for their approval, who may
use it, its audit trail; and each space's rules set by its admins.

Voices made before consent existed are kept as they were: ready, with their maker as speaker.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("voices") as batch:
        batch.add_column(
            sa.Column("owner_name", sa.String(128), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("speaker_id", sa.String(128), nullable=True))
        batch.add_column(
            sa.Column("speaker_name", sa.String(128), nullable=False, server_default="")
        )
        batch.add_column(
            sa.Column("status", sa.String(16), nullable=False, server_default="ready")
        )
        batch.add_column(sa.Column("shared", sa.Boolean, nullable=False, server_default=sa.true()))
        batch.add_column(sa.Column("source", sa.String(255), nullable=False, server_default=""))
        batch.add_column(sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("uses", sa.Integer, nullable=False, server_default="0"))
        batch.create_index("ix_voices_speaker_id", ["speaker_id"])
    op.execute("UPDATE voices SET speaker_id = owner_id")
    with op.batch_alter_table("spaces") as batch:
        batch.add_column(
            sa.Column("who_clones", sa.String(16), nullable=False, server_default="everyone")
        )
        batch.add_column(sa.Column("clone_role", sa.String(64), nullable=True))
        batch.add_column(
            sa.Column("members_use_others", sa.Boolean, nullable=False, server_default=sa.true())
        )
        batch.add_column(sa.Column("daily_chars", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("spaces") as batch:
        for column in ("daily_chars", "members_use_others", "clone_role", "who_clones"):
            batch.drop_column(column)
    with op.batch_alter_table("voices") as batch:
        batch.drop_index("ix_voices_speaker_id")
        for column in (
            "uses",
            "approved_at",
            "source",
            "shared",
            "status",
            "speaker_name",
            "speaker_id",
            "owner_name",
        ):
            batch.drop_column(column)
