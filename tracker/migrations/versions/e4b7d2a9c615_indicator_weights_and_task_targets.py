"""Indicators, issue 16 continued: indicator.weight; quantified tasks (task.target_value, task.target_unit,
progress_report.achieved_value)

Every indicator weighs 1 until the office sets the weights (tracker/indicators/ranking.OVERALL_RULE).
A task may carry a 目标值 with its 计量单位, a report the 完成值 so far; all nullable.

Revision ID: e4b7d2a9c615
Revises: e4b7d2c9a513
Create Date: 2026-12-02 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e4b7d2a9c615'
down_revision = 'e4b7d2c9a513'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('weight', sa.Double(), server_default='1', nullable=False))
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('target_value', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('target_unit', sa.String(length=40), nullable=True))
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('achieved_value', sa.Double(), nullable=True))


def downgrade():
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.drop_column('achieved_value')
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_column('target_unit')
        batch_op.drop_column('target_value')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_column('weight')
