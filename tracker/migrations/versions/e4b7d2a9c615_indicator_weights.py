"""Indicators, issue 16 continued: indicator.weight (权重 of the overall ranking)

Every indicator weighs 1 until the office sets the weights (tracker/indicators/ranking.OVERALL_RULE).

Revision ID: e4b7d2a9c615
Revises: c3e5a1f08b16
Create Date: 2026-12-02 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e4b7d2a9c615'
down_revision = 'c3e5a1f08b16'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.add_column(sa.Column('weight', sa.Double(), server_default='1', nullable=False))


def downgrade():
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_column('weight')
