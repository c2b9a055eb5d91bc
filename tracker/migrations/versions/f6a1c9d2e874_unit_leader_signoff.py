"""Sign-off inside a unit (审核签发, issue 18): unit.signoff_required, sign-off columns, close_request

The unit leader role (Role.LEADER, code 'leader') needs no DDL: user.role is a VARCHAR(20).
Reports and extension requests get the four sign-off columns (None: no sign-off needed, so every
existing row keeps counting as before); close_request keeps a lead unit's 申请办结 until its leader signs.

Revision ID: f6a1c9d2e874
Revises: e4b7d2a9c615
Create Date: 2026-12-02 09:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f6a1c9d2e874'
down_revision = 'e4b7d2a9c615'
branch_labels = None
depends_on = None

SIGNOFF_STATE = sa.Enum('draft', 'signed', 'returned', name='signoffstate', native_enum=False, length=20)


def _signoff_columns(batch_op, table):
    batch_op.add_column(sa.Column('signoff_state', SIGNOFF_STATE, nullable=True))
    batch_op.add_column(sa.Column('signed_by_id', sa.Integer(), nullable=True))
    batch_op.add_column(sa.Column('signed_at', sa.DateTime(), nullable=True))
    batch_op.add_column(sa.Column('signoff_note', sa.Text(), nullable=True))
    batch_op.create_foreign_key(f'fk_{table}_signed_by_id_user', 'user', ['signed_by_id'], ['id'])


def upgrade():
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('signoff_required', sa.Boolean(), server_default=sa.false(), nullable=False))
    for table in ('progress_report', 'extension_request'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            _signoff_columns(batch_op, table)
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        # The latest and per-period reports of the tasks, without sign-off drafts, still read this index only.
        batch_op.drop_index('ix_progress_report_task_id_created_at')
        batch_op.create_index('ix_progress_report_task_id_created_at', ['task_id', 'created_at', 'signoff_state'],
                              unique=False)
        batch_op.create_index('ix_progress_report_signed_at', ['signed_at'], unique=False)
        batch_op.create_index('ix_progress_report_task_id_signed_at', ['task_id', 'signed_at'], unique=False)
    op.create_table(
        'close_request',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('task_id', sa.Integer(), nullable=False),
        sa.Column('unit_id', sa.Integer(), nullable=True),
        sa.Column('requested_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('signoff_state', SIGNOFF_STATE, nullable=True),
        sa.Column('signed_by_id', sa.Integer(), nullable=True),
        sa.Column('signed_at', sa.DateTime(), nullable=True),
        sa.Column('signoff_note', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['task_id'], ['task.id']),
        sa.ForeignKeyConstraint(['unit_id'], ['unit.id']),
        sa.ForeignKeyConstraint(['requested_by_id'], ['user.id']),
        sa.ForeignKeyConstraint(['signed_by_id'], ['user.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('close_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_close_request_task_id'), ['task_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_close_request_unit_id'), ['unit_id'], unique=False)


def downgrade():
    with op.batch_alter_table('close_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_close_request_unit_id'))
        batch_op.drop_index(batch_op.f('ix_close_request_task_id'))
    op.drop_table('close_request')
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.drop_index('ix_progress_report_task_id_signed_at')
        batch_op.drop_index('ix_progress_report_signed_at')
        batch_op.drop_index('ix_progress_report_task_id_created_at')
        batch_op.create_index('ix_progress_report_task_id_created_at', ['task_id', 'created_at'], unique=False)
    for table in ('extension_request', 'progress_report'):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(f'fk_{table}_signed_by_id_user', type_='foreignkey')
            batch_op.drop_column('signoff_note')
            batch_op.drop_column('signed_at')
            batch_op.drop_column('signed_by_id')
            batch_op.drop_column('signoff_state')
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.drop_column('signoff_required')
