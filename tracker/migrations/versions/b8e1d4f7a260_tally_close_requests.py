"""The close requests waiting for the supervising office, kept in the figures' tally (issue 19, docs/benchmarks.md item 28)

Every page of the supervising office shows in its 待办 badge how many live leaf tasks ask to be closed (申请办结:
``status = 'close_requested' AND withdrawn_at IS NULL`` and no sub-task, services/inbox.badge_counts). Counted on every
page, that probed each such task for a child (472 tasks of the write-load bench data: 0.31 of the badge statement's
0.35 ms on PostgreSQL, on three of the closed loop's five requests). ``figures_tally.close_requests`` keeps the number,
by the tally's own triggers (c2f6b8d41e07, models/tally.py), recounted (the same count, once) only when a write can
change it: a task inserted, deleted or updated (its status, withdrawn_at or parent) that is or was 申请办结, or whose
parent is.

- SQLite: row triggers recount at once, when the row can matter (``WHEN``); one writer at a time.
- PostgreSQL: statement triggers on insert, delete (transition tables) and truncate and a row trigger on update mark
  the transaction (a transaction-local setting) and register its commit step as the other counts do
  (``figures_tally_pending``); the deferred ``figures_tally_apply``, once it has added the deltas (which locks the
  tally row), recounts in a statement of its own, whose snapshot sees every transaction that committed before it took
  the lock. Inside a writing transaction the number is the committed one until it commits, as the other counts.

A later migration that rebuilds ``task`` on SQLite (``batch_alter_table`` with a copy) drops these triggers with the
others: it must create them again (``sqlite_triggers`` below). tests/web/test_figures_tally.py checks the number
against the inbox's own count after writes of every kind.

Revision ID: b8e1d4f7a260
Revises: 9d3e5a7c1b42
Create Date: 2026-12-05 02:45:00

"""
import sqlalchemy as sa
from alembic import context, op


# revision identifiers, used by Alembic.
revision = 'b8e1d4f7a260'
down_revision = '9d3e5a7c1b42'
branch_labels = None
depends_on = None

#: The count itself: services/inbox._queries' close requests of a user who sees every task (the supervising office).
WAITING = ("(SELECT count(*) FROM task AS waiting WHERE waiting.status = 'close_requested' "
           "AND waiting.withdrawn_at IS NULL AND NOT EXISTS (SELECT 1 FROM task AS child WHERE child.parent_id = waiting.id))")
RECOUNT = f"UPDATE figures_tally SET close_requests = {WAITING} WHERE id = 1;"


def _parent_waits(row: str) -> str:
    """SQL: the parent of ``row`` (a row variable or a transition table's alias) asks to be closed."""
    return f"EXISTS (SELECT 1 FROM task AS parent WHERE parent.id = {row}.parent_id AND parent.status = 'close_requested')"


def sqlite_triggers() -> list[str]:
    """Return the CREATE TRIGGER statements that keep ``close_requests`` on SQLite."""
    changed = "(OLD.status IS NOT NEW.status OR OLD.withdrawn_at IS NOT NEW.withdrawn_at OR OLD.parent_id IS NOT NEW.parent_id)"
    moved = f"(OLD.parent_id IS NOT NEW.parent_id AND ({_parent_waits('OLD')} OR {_parent_waits('NEW')}))"
    return [
        "CREATE TRIGGER figures_tally_close_requests_insert AFTER INSERT ON task "
        f"WHEN NEW.status = 'close_requested' OR {_parent_waits('NEW')} BEGIN {RECOUNT} END",
        "CREATE TRIGGER figures_tally_close_requests_delete AFTER DELETE ON task "
        f"WHEN OLD.status = 'close_requested' OR {_parent_waits('OLD')} BEGIN {RECOUNT} END",
        "CREATE TRIGGER figures_tally_close_requests_update AFTER UPDATE OF status, withdrawn_at, parent_id ON task "
        f"WHEN {changed} AND ('close_requested' IN (OLD.status, NEW.status) OR {moved}) BEGIN {RECOUNT} END",
    ]


def _tally_migration():
    """The module of migration c2f6b8d41e07, whose PostgreSQL functions this one extends and restores."""
    return context.script.get_revision("c2f6b8d41e07").module


def _apply_function(recount: bool) -> str:
    """``figures_tally_apply`` (the commit step) as c2f6b8d41e07 made it, with the recount after the deltas if asked."""
    original = _tally_migration().POSTGRES_COMMON[1].replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    if not recount:
        return original
    return original.replace(" WHERE id = 1; ", " WHERE id = 1; IF current_setting('tracker.tally_close_requests', true) "
                            f"= 'recount' THEN {RECOUNT} PERFORM set_config('tracker.tally_close_requests', '', true); "
                            "END IF; ", 1)


POSTGRES = [
    # Mark the transaction for a recount at commit and register its commit step (once), as figures_tally_add does.
    "CREATE FUNCTION figures_tally_close_requests_mark() RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
    "PERFORM set_config('tracker.tally_close_requests', 'recount', true); "
    "IF coalesce(current_setting('tracker.tally_pending', true), '') <> 'yes' THEN "
    "PERFORM set_config('tracker.tally_pending', 'yes', true); "
    "INSERT INTO figures_tally_pending DEFAULT VALUES; END IF; END $$",
    "CREATE FUNCTION figures_tally_close_requests_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF EXISTS (SELECT 1 FROM tally_new AS added WHERE added.status = 'close_requested' "
    f"OR {_parent_waits('added')}) THEN PERFORM figures_tally_close_requests_mark(); END IF; RETURN NULL; END $$",
    "CREATE TRIGGER figures_tally_close_requests_insert AFTER INSERT ON task REFERENCING NEW TABLE AS tally_new "
    "FOR EACH STATEMENT EXECUTE FUNCTION figures_tally_close_requests_insert()",
    "CREATE FUNCTION figures_tally_close_requests_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF EXISTS (SELECT 1 FROM tally_old AS removed WHERE removed.status = 'close_requested' "
    f"OR {_parent_waits('removed')}) THEN PERFORM figures_tally_close_requests_mark(); END IF; RETURN NULL; END $$",
    "CREATE TRIGGER figures_tally_close_requests_delete AFTER DELETE ON task REFERENCING OLD TABLE AS tally_old "
    "FOR EACH STATEMENT EXECUTE FUNCTION figures_tally_close_requests_delete()",
    # A row trigger for updates, as the versions' (the ORM updates tasks one statement per row).
    "CREATE FUNCTION figures_tally_close_requests_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF 'close_requested' IN (OLD.status, NEW.status) OR (OLD.parent_id IS DISTINCT FROM NEW.parent_id "
    f"AND ({_parent_waits('OLD')} OR {_parent_waits('NEW')})) THEN PERFORM figures_tally_close_requests_mark(); "
    "END IF; RETURN NULL; END $$",
    "CREATE TRIGGER figures_tally_close_requests_update AFTER UPDATE OF status, withdrawn_at, parent_id ON task "
    "FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.withdrawn_at IS DISTINCT FROM NEW.withdrawn_at "
    "OR OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION figures_tally_close_requests_update()",
    "CREATE FUNCTION figures_tally_close_requests_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "PERFORM figures_tally_close_requests_mark(); RETURN NULL; END $$",
    "CREATE TRIGGER figures_tally_close_requests_truncate AFTER TRUNCATE ON task "
    "FOR EACH STATEMENT EXECUTE FUNCTION figures_tally_close_requests_truncate()",
]
EVENTS = ("insert", "delete", "update", "truncate")


def upgrade():
    op.add_column('figures_tally', sa.Column('close_requests', sa.BigInteger(), nullable=False, server_default='0'))
    op.execute(RECOUNT)
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in (POSTGRES + [_apply_function(recount=True)]) if postgres else sqlite_triggers():
        op.execute(statement)


def downgrade():
    postgres = op.get_bind().dialect.name == "postgresql"
    for event in EVENTS if postgres else EVENTS[:3]:
        name = f"figures_tally_close_requests_{event}"
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (" ON task" if postgres else ""))
        if postgres:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    if postgres:
        op.execute(_apply_function(recount=False))
        op.execute("DROP FUNCTION IF EXISTS figures_tally_close_requests_mark()")
    # A plain DROP COLUMN (SQLite 3.35+): a batch copy of the table would break the triggers that update it.
    op.execute("ALTER TABLE figures_tally DROP COLUMN close_requests")
