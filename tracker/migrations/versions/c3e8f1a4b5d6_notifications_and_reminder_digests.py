"""Notifications to users and the daily reminder digests of units (issue 17)

notification: one message per user (站内通知), read or not. reminder_digest: one row per unit and
day (Beijing), unique, so that `send-reminders` run twice, or on several servers, sends one digest.

Revision ID: c3e8f1a4b5d6
Revises: b7c41e9d2a10
Create Date: 2026-12-02 07:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3e8f1a4b5d6'
down_revision = 'b7c41e9d2a10'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'notification',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('kind', sa.String(length=30), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('task_id', sa.Integer(), nullable=True),
        sa.Column('read_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['task_id'], ['task.id'], name=op.f('fk_notification_task_id_task')),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_notification_user_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_notification')),
    )
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notification_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_notification_task_id'), ['task_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_notification_user_id'), ['user_id'], unique=False)
    op.create_table(
        'reminder_digest',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('unit_id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('task_count', sa.Integer(), nullable=False),
        sa.Column('report_count', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_reminder_digest_unit_id_unit')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_digest')),
        sa.UniqueConstraint('unit_id', 'day', name='uq_reminder_digest_unit_day'),
    )
    with op.batch_alter_table('reminder_digest', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reminder_digest_unit_id'), ['unit_id'], unique=False)


def downgrade():
    op.drop_table('reminder_digest')
    op.drop_table('notification')
