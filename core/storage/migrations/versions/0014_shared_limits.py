"""The same on many replicas: what each process used to hold for itself is kept here, so a
second gateway behaves like the first. The rate limits' state (one row per limit and key, see
`core.limits.Rates`), and a clip sent in private waiting for its name (any replica may receive
the name).

Nothing is carried over: the limits counted in memory before start afresh, and a clip that
waited in a process's memory went with that process.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rate_limits",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("full_at", sa.Float, nullable=False),
        sa.Column("wait_s", sa.Float, nullable=False),
    )
    op.create_table(
        "unnamed_clips",
        sa.Column("platform", sa.String(32), primary_key=True),
        sa.Column("user_id", sa.String(128), primary_key=True),
        sa.Column("audio", sa.LargeBinary, nullable=False),
        sa.Column("speaker_id", sa.String(128), nullable=False),
        sa.Column("speaker_name", sa.String(128), nullable=False, server_default=""),
        sa.Column("source", sa.String(255), nullable=False, server_default=""),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_unnamed_clips_expires_at", "unnamed_clips", ["expires_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_unnamed_clips_expires_at", table_name="unnamed_clips")
    op.drop_table("unnamed_clips")
    op.drop_table("rate_limits")
