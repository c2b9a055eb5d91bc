"""Unit hierarchy and sub-tasks (层层分解, issue 18): unit.parent_id, unit.jurisdiction, task.split_from_id

A unit may sit under another (区县 under 各区县人民政府, 处室 under a 局) and serve an area (辖区);
its kind gains group (组), district (区县) and office (处室), stored as VARCHAR codes (no change of
type). A task split by its lead unit or the supervising office names the task it was split from.

Revision ID: e4b7d2c9a513
Revises: d4a7c2e9f013
Create Date: 2026-12-02 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e4b7d2c9a513'
down_revision = 'd4a7c2e9f013'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parent_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('jurisdiction', sa.String(length=100), nullable=True))
        batch_op.create_index(batch_op.f('ix_unit_parent_id'), ['parent_id'], unique=False)
        batch_op.create_foreign_key('fk_unit_parent_id_unit', 'unit', ['parent_id'], ['id'])
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('split_from_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_task_split_from_id'), ['split_from_id'], unique=False)
        batch_op.create_foreign_key('fk_task_split_from_id_task', 'task', ['split_from_id'], ['id'])


def downgrade():
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_constraint('fk_task_split_from_id_task', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_task_split_from_id'))
        batch_op.drop_column('split_from_id')
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.drop_constraint('fk_unit_parent_id_unit', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_unit_parent_id'))
        batch_op.drop_column('jurisdiction')
        batch_op.drop_column('parent_id')
