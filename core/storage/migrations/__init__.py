"""Alembic migrations, run at start-up by `core.storage.db.open_database`."""
