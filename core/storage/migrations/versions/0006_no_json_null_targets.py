"""A job with nowhere to deliver has no target (SQL NULL), not the JSON value null that 0005's
first rows were written with.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "UPDATE jobs SET target = NULL WHERE target IS NOT NULL AND CAST(target AS TEXT) = 'null'"
    )
    op.execute(
        "UPDATE jobs SET origin = NULL WHERE origin IS NOT NULL AND CAST(origin AS TEXT) = 'null'"
    )


def downgrade() -> None:
    pass  # NULL reads back as None either way
