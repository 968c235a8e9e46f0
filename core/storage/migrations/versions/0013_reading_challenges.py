"""Reading challenges: to prove a voice is their own, a user is shown a fresh phrase to read
aloud within a time limit. The phrase waiting for each user in each chat is kept here, so any
replica that receives the reading checks it against the same phrase.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reading_challenges",
        sa.Column("scope", sa.String(160), primary_key=True),
        sa.Column("user_id", sa.String(128), primary_key=True),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("phrase", sa.Text, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_reading_challenges_expires_at", "reading_challenges", ["expires_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_reading_challenges_expires_at", table_name="reading_challenges")
    op.drop_table("reading_challenges")
