"""Reports: anyone in a chat may flag a voice; it is suspended there until an admin of the chat
restores or deletes it. Each report is kept, with how it was settled, for the voice's audit
trail; a voice is suspended in a chat while a report of it there is open.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reports",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("voice_id", sa.String(32), nullable=False),
        sa.Column("scope", sa.String(160), nullable=False),
        sa.Column("reporter_id", sa.String(128), nullable=False),
        sa.Column("reporter_name", sa.String(128), nullable=False, server_default=""),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(16), nullable=True),
        sa.Column("settled_by", sa.String(128), nullable=True),
    )
    op.create_index("ix_reports_open", "reports", ["scope", "voice_id", "settled_at"])


def downgrade() -> None:
    op.drop_index("ix_reports_open", table_name="reports")
    op.drop_table("reports")
