"""Persistence: SQLAlchemy models, engine, migrations, the content-addressed file store, backups."""
