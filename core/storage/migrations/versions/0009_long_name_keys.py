"""Room for every name's key: NFKC spells some letters out (U+FDFA is 18 characters), so 32 of
them make 576, past the 128 that Postgres enforces (SQLite never did).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("voices") as batch:
        batch.alter_column(
            "name_key", type_=sa.String(576), existing_type=sa.String(128), existing_nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("voices") as batch:
        batch.alter_column(
            "name_key", type_=sa.String(128), existing_type=sa.String(576), existing_nullable=False
        )
