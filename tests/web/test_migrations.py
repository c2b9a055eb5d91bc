"""Schema changes go only through migrations: the migrated schema equals the models."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from tracker.extensions import db


def test_migrations_upgrade_an_empty_database_to_exactly_the_models(empty_app):
    with empty_app.app_context():
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            diff = compare_metadata(context, db.metadata)
        assert diff == [], f"models and migrations disagree; run `flask --app tracker db migrate`: {diff}"
        tables = set(inspect(db.engine).get_table_names())
        assert {"plan", "task", "unit", "unit_alias", "assignment", "progress_report", "user"} <= tables
