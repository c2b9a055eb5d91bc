"""The figures' tally (issue 19): counts of tasks, reports and assignments and the sum of task versions,
kept by triggers in the transaction of every write (models/tally.py says why and how); and an index of the quantified
tasks (the dashboard lists them on every request).

SQLite: a row trigger per insert and delete (and per change of ``task.version``) updates the one row.
PostgreSQL: a statement trigger per table for inserts and deletes (transition tables: a bulk insert is one step)
and a row trigger for a task whose version moved add the deltas to transaction-local settings, and the
transaction's first one inserts a ``figures_tally_pending`` row whose deferred constraint trigger adds the deltas
to the tally at commit (one update of the row per transaction, locked only while committing). TRUNCATE sets the table's count to zero.

A later migration that rebuilds one of these tables on SQLite (``batch_alter_table`` with a change that
copies the table) drops its triggers: it must create them again (``sqlite_triggers`` below);
tests/web/test_figures_tally.py checks the tally against the tables after writes of every kind.

Revision ID: c2f6b8d41e07
Revises: b51e7c3d9a20
Create Date: 2026-12-03 03:50:00

"""
import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision = 'c2f6b8d41e07'
down_revision = 'b51e7c3d9a20'
branch_labels = None
depends_on = None

#: table: (the tally's count column, whether the versions are summed too)
COUNTED = {"task": ("tasks", True), "progress_report": ("reports", False), "assignment": ("assignments", False)}
DELTAS = ("tasks", "task_versions", "reports", "assignments")


def sqlite_triggers(table: str) -> list[str]:
    """Return the CREATE TRIGGER statements that keep the tally for ``table`` on SQLite."""
    column, versions = COUNTED[table]
    plus = f"{column} = {column} + 1" + (", task_versions = task_versions + coalesce(NEW.version, 0)" if versions else "")
    minus = f"{column} = {column} - 1" + (", task_versions = task_versions - coalesce(OLD.version, 0)" if versions else "")
    statements = [
        f"CREATE TRIGGER figures_tally_{table}_insert AFTER INSERT ON \"{table}\" "
        f"BEGIN UPDATE figures_tally SET {plus} WHERE id = 1; END",
        f"CREATE TRIGGER figures_tally_{table}_delete AFTER DELETE ON \"{table}\" "
        f"BEGIN UPDATE figures_tally SET {minus} WHERE id = 1; END",
    ]
    if versions:
        statements.append(
            f"CREATE TRIGGER figures_tally_{table}_version AFTER UPDATE OF version ON \"{table}\" "
            "WHEN NEW.version IS NOT OLD.version BEGIN UPDATE figures_tally SET task_versions = task_versions "
            "+ coalesce(NEW.version, 0) - coalesce(OLD.version, 0) WHERE id = 1; END")
    return statements


def _setting(delta: str) -> str:
    return f"coalesce(nullif(current_setting('tracker.tally_{delta}', true), ''), '0')::bigint"


POSTGRES_COMMON = [
    # Add one statement's deltas to the transaction's; the first writes of a transaction register its commit step.
    "CREATE FUNCTION figures_tally_add(d_tasks bigint, d_versions bigint, d_reports bigint, d_assignments bigint) "
    "RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
    "IF d_tasks = 0 AND d_versions = 0 AND d_reports = 0 AND d_assignments = 0 THEN RETURN; END IF; "
    + " ".join(f"IF d_{name} <> 0 THEN PERFORM set_config('tracker.tally_{delta}', "
               f"({_setting(delta)} + d_{name})::text, true); END IF;"
               for delta, name in zip(DELTAS, ("tasks", "versions", "reports", "assignments")))
    + " IF coalesce(current_setting('tracker.tally_pending', true), '') <> 'yes' THEN "
    "PERFORM set_config('tracker.tally_pending', 'yes', true); "
    "INSERT INTO figures_tally_pending DEFAULT VALUES; END IF; END $$",
    # At commit (deferred): the transaction's deltas into the one row, once.
    "CREATE FUNCTION figures_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "UPDATE figures_tally SET " + ", ".join(f"{delta} = {delta} + {_setting(delta)}" for delta in DELTAS)
    + " WHERE id = 1; "
    + " ".join(f"PERFORM set_config('tracker.tally_{delta}', '0', true);" for delta in DELTAS)
    + " PERFORM set_config('tracker.tally_pending', '', true); "
    "DELETE FROM figures_tally_pending WHERE id = NEW.id; RETURN NULL; END $$",
    "CREATE CONSTRAINT TRIGGER figures_tally_apply AFTER INSERT ON figures_tally_pending "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figures_tally_apply()",
]


def postgres_triggers(table: str) -> list[str]:
    """Return the functions and statement triggers that keep the tally for ``table`` on PostgreSQL."""
    column, versions = COUNTED[table]

    def add(count: str, version_sum: str) -> str:
        values = {"tasks": "0", "task_versions": "0", "reports": "0", "assignments": "0"}
        values[column] = count
        if versions:
            values["task_versions"] = version_sum
        return f"PERFORM figures_tally_add({', '.join(values[delta] for delta in DELTAS)});"

    bodies = {
        "insert": ("REFERENCING NEW TABLE AS tally_new",
                   add("(SELECT count(*) FROM tally_new)", "(SELECT coalesce(sum(version), 0) FROM tally_new)")),
        "delete": ("REFERENCING OLD TABLE AS tally_old",
                   add("-(SELECT count(*) FROM tally_old)", "-(SELECT coalesce(sum(version), 0) FROM tally_old)")),
    }
    statements = []
    for event, (referencing, body) in bodies.items():
        name = f"figures_tally_{table}_{event}"
        statements += [
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body} RETURN NULL; END $$",
            f"CREATE TRIGGER {name} AFTER {event.upper()} ON \"{table}\" {referencing} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
        ]
    if versions:  # a row trigger, only where the version moved: cheaper than a transition table per UPDATE statement
        # (the ORM and a ledger import update tasks one statement per row)
        name = f"figures_tally_{table}_update"
        statements += [
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"{add('0', 'coalesce(NEW.version, 0) - coalesce(OLD.version, 0)')} RETURN NULL; END $$",
            f"CREATE TRIGGER {name} AFTER UPDATE OF version ON \"{table}\" FOR EACH ROW "
            f"WHEN (OLD.version IS DISTINCT FROM NEW.version) EXECUTE FUNCTION {name}()",
        ]
    reset = f"{column} = 0" + (", task_versions = 0" if versions else "")
    statements += [
        f"CREATE FUNCTION figures_tally_{table}_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"UPDATE figures_tally SET {reset} WHERE id = 1; "
        f"PERFORM set_config('tracker.tally_{column}', '0', true); "
        + ("PERFORM set_config('tracker.tally_task_versions', '0', true); " if versions else "")
        + "RETURN NULL; END $$",
        f"CREATE TRIGGER figures_tally_{table}_truncate AFTER TRUNCATE ON \"{table}\" "
        f"FOR EACH STATEMENT EXECUTE FUNCTION figures_tally_{table}_truncate()",
    ]
    return statements


def upgrade():
    op.create_table('figures_tally',
                    sa.Column('id', sa.Integer(), autoincrement=False, nullable=False),
                    sa.Column('tasks', sa.BigInteger(), nullable=False),
                    sa.Column('task_versions', sa.BigInteger(), nullable=False),
                    sa.Column('reports', sa.BigInteger(), nullable=False),
                    sa.Column('assignments', sa.BigInteger(), nullable=False),
                    sa.PrimaryKeyConstraint('id'))
    op.create_table('figures_tally_pending',
                    sa.Column('id', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('id'))
    op.execute("INSERT INTO figures_tally (id, tasks, task_versions, reports, assignments) SELECT 1, "
               "(SELECT count(*) FROM task), (SELECT coalesce(sum(version), 0) FROM task), "
               "(SELECT count(*) FROM progress_report), (SELECT count(*) FROM assignment)")
    postgres = op.get_bind().dialect.name == "postgresql"
    statements = list(POSTGRES_COMMON) if postgres else []
    for table in COUNTED:
        statements += postgres_triggers(table) if postgres else sqlite_triggers(table)
    for statement in statements:
        op.execute(statement)
    op.create_index('ix_task_quantified', 'task', ['plan_id', 'position'], unique=False,
                    sqlite_where=sa.text('target_value IS NOT NULL'), postgresql_where=sa.text('target_value IS NOT NULL'))


def downgrade():
    op.drop_index('ix_task_quantified', table_name='task')
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, (_, versions) in COUNTED.items():
        events = ["insert", "delete"] + (["update" if postgres else "version"] if versions else []) \
            + (["truncate"] if postgres else [])
        for event in events:
            name = f"figures_tally_{table}_{event}"
            op.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON \"{table}\"" if postgres else ""))
            if postgres:
                op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.drop_table('figures_tally_pending')
    op.drop_table('figures_tally')
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS figures_tally_apply()")
        op.execute("DROP FUNCTION IF EXISTS figures_tally_add(bigint, bigint, bigint, bigint)")
