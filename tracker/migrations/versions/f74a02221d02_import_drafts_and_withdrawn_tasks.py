"""Import drafts (the plan import preview keeps its draft here) and withdrawn tasks (已撤销 on re-import)

Revision ID: f74a02221d02
Revises: 4add7e67cd53
Create Date: 2026-11-21 18:58:29.390959

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f74a02221d02'
down_revision = '4add7e67cd53'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('import_draft',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=32), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('source_name', sa.String(length=300), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['user.id'], name=op.f('fk_import_draft_owner_id_user')),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_import_draft_plan_id_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_draft')),
    sa.UniqueConstraint('token', name=op.f('uq_import_draft_token'))
    )
    with op.batch_alter_table('import_draft', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_draft_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_import_draft_plan_id'), ['plan_id'], unique=False)

    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.add_column(sa.Column('withdrawn_at', sa.DateTime(), nullable=True))



def downgrade():
    with op.batch_alter_table('task', schema=None) as batch_op:
        batch_op.drop_column('withdrawn_at')

    with op.batch_alter_table('import_draft', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_draft_plan_id'))
        batch_op.drop_index(batch_op.f('ix_import_draft_owner_id'))

    op.drop_table('import_draft')
