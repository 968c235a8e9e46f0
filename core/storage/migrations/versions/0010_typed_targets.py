"""Jobs, reshaped with the core: `task_id` goes (`job_tasks` holds every task of a job), a job
records when a runner took it (`started_at`, for the line's fair turns), and reply targets are
stored in the one shape every platform shares (`core.outbox.ReplyTarget`).

Revision ID: 0010
Revises: 0009
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# the shapes each adapter wrote before, as the shared one
TELEGRAM = {
    "chat_id": "chat_id",
    "message_id": "reply_to",
    "request": "request",
    "status_id": "status_id",
}
DISCORD = {"channel_id": "chat_id", "user_id": "user_id"}


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("task_id")
        batch.add_column(sa.Column("started_at", sa.DateTime(timezone=True), nullable=True))
    jobs = sa.table(
        "jobs",
        sa.column("id", sa.String),
        sa.column("platform", sa.String),
        sa.column("target", sa.JSON(none_as_null=True)),
    )
    connection = op.get_bind()
    for job_id, platform, target in connection.execute(
        sa.select(jobs.c.id, jobs.c.platform, jobs.c.target).where(jobs.c.target.is_not(None))
    ).all():
        old = target if isinstance(target, dict) else json.loads(target)
        connection.execute(
            sa.update(jobs).where(jobs.c.id == job_id).values(target=_shared(platform, old))
        )


def _shared(platform: str, old: dict[str, Any]) -> dict[str, str]:
    names = TELEGRAM if platform == "telegram" else DISCORD if platform == "discord" else {}
    new = {"chat_id": "", "reply_to": "", "user_id": "", "request": "", "status_id": ""}
    for key, value in old.items():
        if key in names and value is not None:
            new[names[key]] = str(value)
        elif key in new and value is not None:  # written in the shared shape already
            new[key] = str(value)
    return new


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("started_at")
        batch.add_column(sa.Column("task_id", sa.String(128), nullable=True))
