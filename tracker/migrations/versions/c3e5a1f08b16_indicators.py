"""Indicators (指标监测, issue 16): indicator, indicator_figure, indicator_target; unit.kind

A unit is a department (部门, every unit so far) or an institution (金融机构), the reporting
entities of the indicators. The three indicators of the 金融座谈会 (seed 001) are stored:
人民币存款余额 and 人民币贷款余额 (亿元, 余额), 保费收入 (亿元, 累计).

Revision ID: c3e5a1f08b16
Revises: c3e8f1a4b5d6
Create Date: 2026-12-02 07:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3e5a1f08b16'
down_revision = 'c3e8f1a4b5d6'
branch_labels = None
depends_on = None

# Frozen here: the seeded indicators as they stood when this migration was written.
SEEDED_INDICATORS = [
    {'name': '人民币存款余额', 'measure_unit': '亿元', 'kind': 'stock', 'direction': 'higher',
     'frequency': 'monthly', 'position': 1},
    {'name': '人民币贷款余额', 'measure_unit': '亿元', 'kind': 'stock', 'direction': 'higher',
     'frequency': 'monthly', 'position': 2},
    {'name': '保费收入', 'measure_unit': '亿元', 'kind': 'flow', 'direction': 'higher',
     'frequency': 'monthly', 'position': 3},
]


def upgrade():
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.Enum('department', 'institution', name='unitkind',
                                                      native_enum=False, length=20),
                                      server_default='department', nullable=False))
    indicator = op.create_table(
        'indicator',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('measure_unit', sa.String(length=20), nullable=False),
        sa.Column('kind', sa.Enum('stock', 'flow', name='indicatorkind', native_enum=False, length=20), nullable=False),
        sa.Column('direction', sa.Enum('higher', 'lower', name='indicatordirection', native_enum=False, length=20),
                  nullable=False),
        sa.Column('frequency', sa.Enum('monthly', 'quarterly', name='indicatorfrequency', native_enum=False,
                                       length=20), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator')),
        sa.UniqueConstraint('name', name=op.f('uq_indicator_name')),
    )
    op.create_table(
        'indicator_figure',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('unit_id', sa.Integer(), nullable=False),
        sa.Column('indicator_id', sa.Integer(), nullable=False),
        sa.Column('period', sa.String(length=7), nullable=False),
        sa.Column('value', sa.Double(), nullable=False),
        sa.Column('entered_by_id', sa.Integer(), nullable=True),
        sa.Column('entered_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['entered_by_id'], ['user.id'], name=op.f('fk_indicator_figure_entered_by_id_user')),
        sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'],
                                name=op.f('fk_indicator_figure_indicator_id_indicator')),
        sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_indicator_figure_unit_id_unit')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_figure')),
        sa.UniqueConstraint('unit_id', 'indicator_id', 'period', name=op.f('uq_indicator_figure_unit_id')),
    )
    with op.batch_alter_table('indicator_figure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_figure_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_figure_period'), ['period'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_figure_unit_id'), ['unit_id'], unique=False)
    op.create_table(
        'indicator_target',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('unit_id', sa.Integer(), nullable=False),
        sa.Column('indicator_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('target', sa.Double(), nullable=False),
        sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'],
                                name=op.f('fk_indicator_target_indicator_id_indicator')),
        sa.ForeignKeyConstraint(['unit_id'], ['unit.id'], name=op.f('fk_indicator_target_unit_id_unit')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_target')),
        sa.UniqueConstraint('unit_id', 'indicator_id', 'year', name=op.f('uq_indicator_target_unit_id')),
    )
    with op.batch_alter_table('indicator_target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_target_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_indicator_target_unit_id'), ['unit_id'], unique=False)
    now = sa.func.now()
    for row in SEEDED_INDICATORS:
        op.execute(indicator.insert().values(created_at=now, **row))


def downgrade():
    with op.batch_alter_table('indicator_target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_target_unit_id'))
        batch_op.drop_index(batch_op.f('ix_indicator_target_indicator_id'))
    op.drop_table('indicator_target')
    with op.batch_alter_table('indicator_figure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_figure_unit_id'))
        batch_op.drop_index(batch_op.f('ix_indicator_figure_period'))
        batch_op.drop_index(batch_op.f('ix_indicator_figure_indicator_id'))
    op.drop_table('indicator_figure')
    op.drop_table('indicator')
    with op.batch_alter_table('unit', schema=None) as batch_op:
        batch_op.drop_column('kind')
