"""What follows when a progress report starts to count (ProgressReport.counted_at), whichever way it came.

A report starts to count when it is stored needing no sign-off (the report form and the API,
workflow/progress.add_report; a ledger import, services/ledger/importing.py, in one bulk INSERT) or when its
unit leader signs it (workflow/signoff.sign). Those writers do not each call what follows: the session
notes every report that starts to count in the transaction, on the model's own rule
(``ProgressReport.counts_in``), and at commit passes them, in the order written, to:

- ``subtasks.tell_splitting_units``: the unit that split a task hears that a district's part has a report
  (通知 "子任务有新进展", walk-through of workflow45; a report arriving by ledger import told it nothing).

Seen here: a new ProgressReport that counts (ORM flush), a draft whose ``signoff_state`` turns to 已签发
(ORM flush), and the rows of an ``insert(ProgressReport.__table__)`` run through the session (the import's
bulk write, which no ORM flush sees). A rolled-back transaction forgets what it noted.
"""
from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import event
from sqlalchemy.orm import Session, attributes

from ...models import ProgressReport

_NOTED = "reports_now_counting"


class Counted(NamedTuple):
    """A report that starts to count: its task's id, its unit's id (None: the supervising office's) and what it
    says first (进展情况, else 存在问题, else 下步计划)."""

    task_id: int
    unit_id: int | None
    said: str


def _said(progress: str | None, problems: str | None, next_steps: str | None) -> str:
    return progress or problems or next_steps or ""


def _note(session: Session, rows: list[Counted]) -> None:
    if rows:
        session.info.setdefault(_NOTED, []).extend(rows)


@event.listens_for(Session, "after_flush")
def _note_flushed(session: Session, _context) -> None:
    """Note the reports of this flush that start to count: new ones that count, drafts just signed."""
    rows = []
    for report in session.new:
        if isinstance(report, ProgressReport) and report.counts:
            rows.append(Counted(report.task_id, report.unit_id,
                                _said(report.progress, report.problems, report.next_steps)))
    for report in session.dirty:
        if not isinstance(report, ProgressReport):
            continue
        history = attributes.get_history(report, "signoff_state")
        if history.added and report.counts and not any(ProgressReport.counts_in(s) for s in history.deleted):
            rows.append(Counted(report.task_id, report.unit_id,
                                _said(report.progress, report.problems, report.next_steps)))
    _note(session, rows)


@event.listens_for(Session, "do_orm_execute")
def _note_bulk_insert(state) -> None:
    """Note the rows of a bulk ``insert(ProgressReport.__table__)`` (the ledger import) that count."""
    if not state.is_insert or getattr(state.statement, "table", None) is not ProgressReport.__table__:
        return
    params = state.parameters
    rows = params if isinstance(params, list) else [params] if params else []
    _note(state.session, [Counted(row["task_id"], row.get("unit_id"),
                                  _said(row.get("progress"), row.get("problems"), row.get("next_steps")))
                          for row in rows if ProgressReport.counts_in(row.get("signoff_state"))])


@event.listens_for(Session, "before_commit")
def _follow(session: Session) -> None:
    """At commit, after a last flush (so that every report of the transaction was seen), do what follows."""
    if not session.info.get(_NOTED) and not session.new and not session.dirty:
        return
    session.flush()
    noted = session.info.pop(_NOTED, None)
    if noted:
        from ..plans.subtasks import tell_splitting_units

        tell_splitting_units(noted)


@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, _previous) -> None:
    session.info.pop(_NOTED, None)
