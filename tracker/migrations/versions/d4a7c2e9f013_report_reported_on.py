"""progress_report.reported_on: the 填报日期 a ledger gives a report (issue 15)

Another office's ledger names the day it was filled in (填报日期), and a by-unit ledger gives each
unit's row its own; the report keeps that day. NULL (every report so far): the day it was stored.

Revision ID: d4a7c2e9f013
Revises: c3e5a1f08b16
Create Date: 2026-12-02 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd4a7c2e9f013'
down_revision = 'c3e5a1f08b16'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reported_on', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.drop_column('reported_on')
