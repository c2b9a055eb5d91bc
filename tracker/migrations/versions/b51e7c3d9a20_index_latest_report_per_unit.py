"""An index for each unit's latest report of each task (issue 19): the ledger export

``workflow.progress.latest_report_ids_by_unit`` groups the reports that count by task and unit and
keeps the highest id. On SQLite this index covers that query (task, unit, the columns of
``ProgressReport.counted_at``, and the id as rowid): the export of the bench data (10,000 tasks,
100,000 reports) read it in about a tenth of the time the table took (bench/export_process.py).

Revision ID: b51e7c3d9a20
Revises: 404770db8a21
Create Date: 2026-12-02 17:10:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'b51e7c3d9a20'
down_revision = '404770db8a21'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.create_index('ix_progress_report_task_id_unit_id', ['task_id', 'unit_id', 'signoff_state', 'signed_at',
                                                                     'created_at'], unique=False)


def downgrade():
    with op.batch_alter_table('progress_report', schema=None) as batch_op:
        batch_op.drop_index('ix_progress_report_task_id_unit_id')
