"""One job per request: the chat's own id for it (Telegram's update id), unique per platform,
so a request the chat sends again after a crash does not start a second job.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("request_key", sa.String(160), nullable=True))
    op.create_index("ix_jobs_request", "jobs", ["platform", "request_key"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_jobs_request", table_name="jobs")
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("request_key")
