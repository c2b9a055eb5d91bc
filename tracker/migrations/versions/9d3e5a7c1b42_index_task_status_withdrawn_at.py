"""The task index by status extended by withdrawn_at (issue 19, docs/benchmarks.md item 27)

Every page of the supervising office counts the live tasks whose lead unit asked to close them (申请办结,
services/inbox.badge_counts: ``status = 'close_requested' AND withdrawn_at IS NULL``). With ``status`` alone
indexed, PostgreSQL read the heap page of each of those tasks (472 tasks on 278 pages of
the write-load bench data, 0.65 ms of the 1.0 ms count) for its ``withdrawn_at`` and its ``id`` (which the count's
anti-join on sub-tasks reads); with both columns, and the id included on PostgreSQL (a SQLite index holds the row id by
itself), it reads the index only. The index on ``status`` alone is dropped: this one serves every query by status.

Plain ``create_index``, not ``batch_alter_table``: an index needs no copy of the table on SQLite, and a copy would
drop the figures' tally triggers (c2f6b8d41e07).

Revision ID: 9d3e5a7c1b42
Revises: c2f6b8d41e07
Create Date: 2026-12-05 01:15:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '9d3e5a7c1b42'
down_revision = 'c2f6b8d41e07'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_task_status_withdrawn_at', 'task', ['status', 'withdrawn_at'], unique=False,
                    postgresql_include=['id'])
    op.drop_index('ix_task_status', table_name='task')


def downgrade():
    op.create_index('ix_task_status', 'task', ['status'], unique=False)
    op.drop_index('ix_task_status_withdrawn_at', table_name='task')
