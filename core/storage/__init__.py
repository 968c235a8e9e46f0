"""Persistence: the voice library and the job log, in any SQLAlchemy database."""
