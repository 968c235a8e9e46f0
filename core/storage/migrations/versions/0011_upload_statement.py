"""An uploaded file's speaker is unknown: a voice records what its uploader said it is (their
own voice, or someone's who gave permission), for its audit trail.

Voices made before keep an empty statement, as if recorded by their speaker.

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("voices") as batch:
        batch.add_column(sa.Column("statement", sa.String(16), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("voices") as batch:
        batch.drop_column("statement")
