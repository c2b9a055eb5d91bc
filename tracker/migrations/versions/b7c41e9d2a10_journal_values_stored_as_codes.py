"""Journal values stored as codes; the ledger's report date; journal rows outlive tasks and plans

journal_entry gets old_code/new_code: a value that is an enum member (a task's status, a user's
role) is now stored by its code ("in_progress"), never by its label ("推进中"), so that a label
can change without touching the append-only journal (issue #12). The codes of the entries
written so far are filled here from their labels, through the labels table as it stood when
they were written (frozen below: the models' labels may change later; this migration must not).
The labels stay in old_value/new_value as written. reported_on holds the day a ledger import's
source dates a change (the ledger's 填报日期). task_id and plan_id lose their foreign keys, so that
a revert may delete a plan it created while the journal keeps the entries of its tasks.

Revision ID: b7c41e9d2a10
Revises: da6ed8997a50
Create Date: 2026-12-02 06:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7c41e9d2a10'
down_revision = 'da6ed8997a50'
branch_labels = None
depends_on = None

# {journal field: {label as written: code}}: the labels of TaskStatus and Role when this migration was written.
CODED_LABELS = {
    'status': {'已交办': 'assigned', '已签收': 'acknowledged', '推进中': 'in_progress',
               '申请办结': 'close_requested', '已办结': 'closed'},
    'role': {'管理员': 'admin', '督办': 'supervisor', '联络员': 'liaison', '领导（只读）': 'viewer'},
}


def upgrade():
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('old_code', sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column('new_code', sa.String(length=50), nullable=True))
        batch_op.add_column(sa.Column('reported_on', sa.Date(), nullable=True))
        batch_op.drop_constraint(batch_op.f('fk_journal_entry_task_id_task'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_journal_entry_plan_id_plan'), type_='foreignkey')
    with _append_only_lifted():
        for field, codes in CODED_LABELS.items():
            for side in ('old', 'new'):
                _fill(field, f'{side}_value', f'{side}_code', codes)


def downgrade():
    with _append_only_lifted():
        for field, codes in CODED_LABELS.items():
            labels = {code: label for label, code in codes.items()}
            for side in ('old', 'new'):  # entries written since the upgrade hold only the code
                _fill(field, f'{side}_code', f'{side}_value', labels, only_empty=True)
    with op.batch_alter_table('journal_entry', schema=None) as batch_op:
        # Fails when a revert deleted a plan whose tasks have journal entries: restore that plan first.
        batch_op.create_foreign_key(batch_op.f('fk_journal_entry_plan_id_plan'), 'plan', ['plan_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_journal_entry_task_id_task'), 'task', ['task_id'], ['id'])
        batch_op.drop_column('reported_on')
        batch_op.drop_column('new_code')
        batch_op.drop_column('old_code')
    _restore_sqlite_journal_triggers()


def _fill(field, source, target, mapping, only_empty=False):
    """Set ``target`` from ``source`` through ``mapping`` for the entries of ``field`` (one UPDATE per value)."""
    for value, replacement in mapping.items():
        condition = f" AND {target} IS NULL" if only_empty else ""
        op.get_bind().execute(
            sa.text(f"UPDATE journal_entry SET {target} = :replacement WHERE field = :field AND {source} = :value"
                    + condition),
            {"replacement": replacement, "field": field, "value": value})


class _append_only_lifted:
    """Lift the journal's append-only triggers (SECURITY-TESTS G2) for this migration's own UPDATEs, then restore them.

    SQLite: the batch copy above dropped them already (a rebuilt table loses its triggers); they
    are created again on leaving. PostgreSQL: the trigger is disabled and enabled again.
    """

    def __enter__(self):
        if op.get_bind().dialect.name == 'postgresql':
            op.execute("ALTER TABLE journal_entry DISABLE TRIGGER journal_entry_append_only")
        else:
            for action in ('update', 'delete'):
                op.execute(f"DROP TRIGGER IF EXISTS journal_entry_no_{action}")
        return self

    def __exit__(self, *exc):
        if op.get_bind().dialect.name == 'postgresql':
            op.execute("ALTER TABLE journal_entry ENABLE TRIGGER journal_entry_append_only")
        else:
            _restore_sqlite_journal_triggers()
        return False


def _restore_sqlite_journal_triggers():
    """Create the append-only triggers of migration 4add7e67cd53 again on SQLite (a batch copy drops them)."""
    if op.get_bind().dialect.name != 'sqlite':
        return
    for action in ('UPDATE', 'DELETE'):
        op.execute(f"DROP TRIGGER IF EXISTS journal_entry_no_{action.lower()}")
        op.execute(f"""CREATE TRIGGER journal_entry_no_{action.lower()} BEFORE {action} ON journal_entry
            BEGIN SELECT RAISE(ABORT, 'journal_entry is append-only'); END""")
