"""An index on task.status (issue 19): the badge's "close requested" count and the status filters

Every page of the supervising office counts the tasks whose lead unit asked to close them (申请办结,
services/inbox.badge_counts); without an index that count scanned every task by status (100,000 at
the province scale, bench/province.py).

Revision ID: 404770db8a21
Revises: f6a1c9d2e874
Create Date: 2026-12-02 13:30:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '404770db8a21'
down_revision = 'f6a1c9d2e874'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_task_status'), ['status'], unique=False)


def downgrade():
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_task_status'))
