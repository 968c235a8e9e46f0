"""Translate and speak: a job may say its text in another language. The job keeps the language
asked for, and the translation once it is made (before any speech is), so a resumed job and
another take of it speak the same words, and a translation is never paid for twice.

Nothing is carried over: earlier jobs are said as written (both columns empty).

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("language", sa.String(16), nullable=True))
        batch.add_column(sa.Column("translation", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("translation")
        batch.drop_column("language")
