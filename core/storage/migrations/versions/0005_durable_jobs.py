"""Durable jobs: where a job came from and goes back to, whether it was delivered, and every
upstream task it started (so a restart resumes them instead of paying for new ones).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("origin", sa.JSON, nullable=True))
        batch.add_column(sa.Column("target", sa.JSON, nullable=True))
        batch.add_column(sa.Column("delivery", sa.String(16), nullable=True))
    op.create_table(
        "job_tasks",
        sa.Column("job_id", sa.String(32), primary_key=True),
        sa.Column("step", sa.String(32), primary_key=True),
        sa.Column("task_id", sa.String(128), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("job_tasks")
    with op.batch_alter_table("jobs") as batch:
        for column in ("delivery", "target", "origin"):
            batch.drop_column(column)
