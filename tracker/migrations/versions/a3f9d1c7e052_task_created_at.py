"""task.created_at: when a task added to a plan after its import was given to its units, its start of duty (workflow49)

A task owes a reporting period's report, and counts in a period's 通报, only once it exists (services/figures/
facts.duty_start): a part split from a task on 11-21 owed nothing for October. A part (由…分解) and a measure a
revision added start on their day; the measures a plan was imported with keep NULL, the plan's own since its import
(plan.created_at limits the periods they owe). Existing rows are filled from the journal's entry that created the
task, when it was written after the plan's import (more than a minute after it: the import journals its measures
in its own transaction).

Revision ID: a3f9d1c7e052
Revises: c83e5f1a7d46
Create Date: 2026-12-06 18:40:00

"""
from datetime import timedelta

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a3f9d1c7e052'
down_revision = 'c83e5f1a7d46'
branch_labels = None
depends_on = None

#: How long after its plan's import a task's creating entry may be written and still be one of the import's measures.
IMPORT_WINDOW = timedelta(minutes=1)


def upgrade():
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_at', sa.DateTime(), nullable=True))
    connection = op.get_bind()
    # JournalField.CREATED is stored as 'created'; the task's first such entry is when it was made.
    rows = connection.execute(sa.text(
        "SELECT task.id, min(journal_entry.created_at), plan.created_at FROM task"
        " JOIN plan ON plan.id = task.plan_id"
        " JOIN journal_entry ON journal_entry.task_id = task.id AND journal_entry.field = 'created'"
        " GROUP BY task.id, plan.created_at")
        .columns(sa.column("id", sa.Integer), sa.column("made", sa.DateTime), sa.column("imported", sa.DateTime))).all()
    later = [{"task_id": task_id, "created_at": created}
             for task_id, created, imported in rows
             if created is not None and (imported is None or created - imported > IMPORT_WINDOW)]
    if later:
        connection.execute(sa.text("UPDATE task SET created_at = :created_at WHERE id = :task_id"), later)


def downgrade():
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_column('created_at')
