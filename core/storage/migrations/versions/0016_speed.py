"""A voice's speaking rate: beside its sampling defaults, the speed its voice messages are
spoken at (0.5–2, the pitch kept; empty: as generated). A job keeps its speed with its other
settings, in its parameters (JSON): nothing to add there.

Voices made before speak as generated (the column empty).

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("voices") as batch:
        batch.add_column(sa.Column("speed", sa.Float, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("voices") as batch:
        batch.drop_column("speed")
