"""Workers: a job handed over to `voicebot worker` processes is claimed for a lease (renewed
while it runs, taken over by another worker once it lapses), reports its progress and its
error's details in its row, and leaves its encoded voice messages for the gateway to post.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(
            sa.Column("handoff", sa.Boolean, nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("worker", sa.String(64), nullable=True))
        batch.add_column(sa.Column("progress", sa.JSON, nullable=True))
        batch.add_column(sa.Column("error_params", sa.JSON, nullable=True))
    op.create_index("ix_jobs_claimable", "jobs", ["handoff", "state", "created_at"])
    op.create_table(
        "job_results",
        sa.Column("job_id", sa.String(32), primary_key=True),
        sa.Column("part", sa.Integer, primary_key=True),
        sa.Column("ogg", sa.LargeBinary, nullable=False),
        sa.Column("seconds", sa.Float, nullable=False),
        sa.Column("waveform", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("job_results")
    op.drop_index("ix_jobs_claimable", table_name="jobs")
    with op.batch_alter_table("jobs") as batch:
        for column in ("error_params", "progress", "worker", "lease_until", "handoff"):
            batch.drop_column(column)
