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


def test_the_start_of_duty_migration_dates_the_tasks_added_after_their_plans_import(empty_app):
    """task.created_at (workflow49) is filled from the journal's entry that made the task when that entry came after
    the plan's import (a part split later, 由…分解): such a part owes no report of a month before it. The measures the
    plan was imported with (journalled in its import) keep none: they are the plan's since its import."""
    from datetime import datetime

    from alembic import command
    from sqlalchemy import text

    with empty_app.app_context():
        migrate = empty_app.extensions["migrate"]
        config = migrate.migrate.get_config(migrate.directory)
        config.attributes["quiet"] = True
        command.downgrade(config, "c83e5f1a7d46")
        imported, split = datetime(2026, 8, 1, 2, 0, 0), datetime(2026, 11, 15, 6, 0, 0)
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO plan (id, title, source_text, created_at, warning_days, report_cycle, report_day)"
                " VALUES (1, '示范方案', '', :imported, 15, 'monthly', 25)"), {"imported": imported})
            for task_id, key, path in [(1, "a" * 32, '["一"]'), (2, "b" * 32, '["一", "-1"]')]:
                connection.execute(text(
                    "INSERT INTO task (id, key, plan_id, path, number, level, position, text, status, version)"
                    " VALUES (:id, :key, 1, :path, '一', 1, 0, '', 'assigned', 1)"),
                    {"id": task_id, "key": key, "path": path})
            for task_id, at in [(1, imported.replace(second=5)), (2, split)]:
                connection.execute(text(
                    "INSERT INTO journal_entry (created_at, plan_id, task_id, channel, field, new_value)"
                    " VALUES (:at, 1, :task_id, 'form', 'created', '新增')"), {"at": at, "task_id": task_id})
        command.upgrade(config, "head")
        with db.engine.connect() as connection:
            dated = dict(connection.execute(text("SELECT id, created_at FROM task ORDER BY id")).all())
        assert dated[1] is None  # journalled in its plan's import: the plan's since then
        assert str(dated[2])[:16] == "2026-11-15 06:00"  # the split, a quarter of a year after
