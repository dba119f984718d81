"""Relational storage: SQLAlchemy models, repositories, migrations."""
