"""Per-chat settings: the default voice.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "spaces",
        sa.Column("scope", sa.String(160), primary_key=True),
        sa.Column("default_voice_id", sa.String(32), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("spaces")
