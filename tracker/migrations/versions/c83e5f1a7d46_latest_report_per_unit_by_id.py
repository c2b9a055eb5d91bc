"""Each unit's latest report of each task read in index order (issue 19, docs/benchmarks.md item 33)

``workflow.progress.latest_report_ids_by_unit`` keeps, per task and unit, the highest id among the reports that
count. The index on (task, unit, the columns of ``ProgressReport.counted_at``) covered that on SQLite only, where
every index ends with the rowid; PostgreSQL grouped all 100,000 reports of the bench data in a hash (50–60 ms
of the export's server time). With the id after the unit, the index lists each unit's reports newest last on
both databases: PostgreSQL reads it backwards, once, keeping the first counted entry of each (task, unit)
(``DISTINCT ON``), and SQLite's grouped ``max(id)`` still reads the index only.

Revision ID: c83e5f1a7d46
Revises: e1a7c4b9d302
Create Date: 2026-12-06 00:50:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'c83e5f1a7d46'
down_revision = 'e1a7c4b9d302'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.drop_index('ix_progress_report_task_id_unit_id')
        batch_op.create_index('ix_progress_report_task_id_unit_id', ['task_id', 'unit_id', 'id', 'signoff_state',
                                                                     'signed_at', 'created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.drop_index('ix_progress_report_task_id_unit_id')
        batch_op.create_index('ix_progress_report_task_id_unit_id', ['task_id', 'unit_id', 'signoff_state', 'signed_at',
                                                                     'created_at'], unique=False)
