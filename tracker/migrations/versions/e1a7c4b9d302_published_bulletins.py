"""Published bulletins (发布通报): each published version of a period's 通报, and notifications that point to one

published_bulletin: one row per period and version (unique), with the bulletin's data as JSON and its .docx and
.xlsx as they were written when it was published, who published it and when (models/bulletins.py).
notification.bulletin_id: the 通报 a "通报已发布" notification opens.

Revision ID: e1a7c4b9d302
Revises: b8e1d4f7a260
Create Date: 2026-12-05 22:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e1a7c4b9d302'
down_revision = 'b8e1d4f7a260'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'published_bulletin',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('period_key', sa.String(length=10), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('number', sa.String(length=200), nullable=False),
        sa.Column('period_label', sa.String(length=50), nullable=False),
        sa.Column('as_of', sa.Date(), nullable=False),
        sa.Column('published_at', sa.DateTime(), nullable=False),
        sa.Column('published_by_id', sa.Integer(), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
        sa.Column('docx', sa.LargeBinary(), nullable=False),
        sa.Column('xlsx', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['published_by_id'], ['user.id'], name=op.f('fk_published_bulletin_published_by_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_published_bulletin')),
        sa.UniqueConstraint('period_key', 'version', name='uq_published_bulletin_period_version'),
    )
    with op.batch_alter_table('published_bulletin', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_published_bulletin_period_key'), ['period_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_published_bulletin_published_at'), ['published_at'], unique=False)
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.add_column(sa.Column('bulletin_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_notification_bulletin_id_published_bulletin'),
                                    'published_bulletin', ['bulletin_id'], ['id'])


def downgrade():
    with op.batch_alter_table('notification', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_notification_bulletin_id_published_bulletin'), type_='foreignkey')
        batch_op.drop_column('bulletin_id')
    op.drop_table('published_bulletin')
