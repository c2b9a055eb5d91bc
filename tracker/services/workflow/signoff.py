"""Sign-off inside a unit (审核签发 / 领导审签, issue 18): a unit leader approves or returns its liaisons' drafts.

Rule: in a unit whose office setting ``Unit.signoff_required`` is on (本单位报送须经领导审核签发, the
unit's admin page), what its liaisons send to the supervising office — a progress report, 申请办结 and
延期申请 — is stored as a draft (待签发, ``SignoffState.DRAFT``; models/signoff.py) and goes out only when
the unit's leader (Role.LEADER, 单位负责人) signs it (``sign``), or comes back to the liaisons with a
reason (``return_draft``; they are notified). Who may sign is the transition table's SIGN_OFF and
RETURN_DRAFT rows (services/workflow/transitions.py); which reports count for the supervising office,
the dashboard, ledgers, the bulletin and 报送及时率 is ``ProgressReport.counted_at`` (the signed time).

What signing does, per kind of draft (``Kind``):
- report (进展报送): the report counts from the signed time; a lead unit's first report starts the task
  (推进中), as an unsigned report would have when it was filed;
- close (申请办结): the request is applied as filed (the task becomes 申请办结, for the supervising office);
- extension (延期申请): the request waits for the supervising office's decision (ExtensionState.PENDING).
Each step is one locked transaction on the task (services/concurrency.task_change), journalled: who
signed and when (JournalField.SIGNOFF, seen by all who see the task); drafts and returns
(JournalField.DRAFT, SIGNOFF_RETURN) are seen by the unit's own users only (permissions.can_see_entry).
"""
from __future__ import annotations

import enum
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import ColumnElement, Select, and_, bindparam, select
from sqlalchemy.orm import selectinload

from ... import clock
from ...extensions import db
from ...models import (CloseRequest, ExtensionRequest, ExtensionState, JournalField, ProgressReport, Role,
                       SignoffState, Task, User)
from .. import journal, notifications
from ..concurrency import task_change
from ..errors import InvalidInput, NotFound, PermissionDenied
from ..permissions import can_view_task
from ..scope import task_scope
from . import _note, transitions
from .transitions import Action
from ...dates import chinese_date


class Kind(str, enum.Enum):
    """What a draft is; ``label``: its name in the UI. The value is the URL's and the API's ``kind``."""

    REPORT = "report"
    CLOSE = "close"
    EXTENSION = "extension"

    @property
    def label(self) -> str:
        """The draft's name in the UI: 进展报送, 办结申请 or 延期申请."""
        return {"report": "进展报送", "close": "办结申请", "extension": "延期申请"}[self.value]

    @property
    def model(self):
        """The model class of this kind of draft: ProgressReport, CloseRequest or ExtensionRequest."""
        return {"report": ProgressReport, "close": CloseRequest, "extension": ExtensionRequest}[self.value]


@dataclass(frozen=True)
class Draft:
    """One item of a unit that needs (or needed) its leader's sign-off, as pages and the API show it.

    ``kind``; ``item``: the row (ProgressReport, CloseRequest or ExtensionRequest); ``task``; ``author``:
    the liaison who filed it (User or None); ``created_at`` (naive UTC); ``summary``: its text in one line.
    """

    kind: Kind
    item: object
    task: Task
    author: User | None
    created_at: datetime
    summary: str

    @property
    def id(self) -> int:
        """The row's id (the ``item_id`` of ``/signoffs/{kind}/{item_id}/…`` URLs)."""
        return self.item.id

    @property
    def state(self) -> SignoffState:
        """Where the draft stands: SignoffState DRAFT (待签发), SIGNED or RETURNED (models/signoff.py)."""
        return self.item.signoff_state


def needs_signoff(actor: User) -> bool:
    """True when what ``actor`` files is a draft: a liaison of a unit whose sign-off setting is on."""
    return actor.role is Role.LIAISON and actor.unit is not None and bool(actor.unit.signoff_required)


def _author(kind: Kind, item) -> User | None:
    return item.author if kind is Kind.REPORT else item.requested_by


def _summary(kind: Kind, item) -> str:
    if kind is Kind.REPORT:
        return item.progress
    if kind is Kind.CLOSE:
        return f"申请办结：{item.note}"
    return f"申请延期至{chinese_date(item.new_due_date)}；理由：{item.reason}"


def as_draft(kind: Kind, item) -> Draft:
    """Return ``item`` (a row of ``kind.model``) as a Draft."""
    return Draft(kind, item, item.task, _author(kind, item), item.created_at, _summary(kind, item))


def waiting_query(kind: Kind, user: User):
    """Return ``SELECT`` of the drafts of ``kind`` waiting for ``user``'s signature: 待签发 items of the
    user's unit on live tasks the user sees (services/scope.py). Empty for anyone but a unit leader."""
    model = kind.model
    query = select(model).where(model.signoff_state == SignoffState.DRAFT,
                                model.task_id.in_(task_scope(user).live().ids()))
    if user.role is not Role.LEADER or user.unit_id is None:
        return query.where(model.id.is_(None))
    return query.where(model.unit_id == user.unit_id)


def waiting_for(user: User) -> list[Draft]:
    """Return the drafts waiting for ``user``'s sign-off (the unit leader's 待办), oldest first."""
    drafts = []
    for kind in Kind:
        rows = db.session.scalars(waiting_query(kind, user).options(selectinload(kind.model.task)))
        drafts += [as_draft(kind, row) for row in rows]
    return sorted(drafts, key=lambda d: (d.created_at, d.kind.value, d.id))


# The sign-off states of a unit's own drafts on its task page: waiting (待签发) or returned (已退回).
UNIT_DRAFT_STATES = (SignoffState.DRAFT, SignoffState.RETURNED)


def unit_drafts_condition(kind: Kind, task_id, unit_id) -> ColumnElement[bool]:
    """Return the condition on ``kind.model``'s rows of the drafts ``unit_drafts`` shows: of the task ``task_id`` and
    the unit ``unit_id`` (each a value, a bound parameter or a column), waiting or returned (UNIT_DRAFT_STATES). The one
    place of that rule: ``unit_drafts``' statement and the task page's EXISTS of the unit's close-request drafts
    (workflow/progress.load_task_page) are both built from it."""
    model = kind.model
    return and_(model.task_id == task_id, model.unit_id == unit_id, model.signoff_state.in_(UNIT_DRAFT_STATES))


def unit_drafts(user: User, task: Task, extensions: list | None = None, reports: list | None = None,
                close_drafts: bool = True) -> list[Draft]:
    """Return the drafts of ``user``'s unit on ``task``, waiting or returned, newest first (the task page
    shows them to the unit's own users: its liaisons see what waits and why a draft came back).

    The reports are found in ``reports`` when given (every report of the task as the page read it:
    workflow/progress.task_reports' rows; only the unit's drafts among them are then read as objects, usually none),
    else in ``task.reports``; the extension requests in ``extensions`` when given (every extension request of the
    task, as workflow/extensions.extension_requests reads them), so that only the close requests are read here
    (issue 19: three statements on every request of the task page were one). ``close_drafts`` False: the unit is
    known to have no close request waiting or returned on the task (the task page's statement said so:
    workflow/progress.task_page_facts), so they are not asked for."""
    if user.unit_id is None:
        return []
    waiting = UNIT_DRAFT_STATES
    drafts = []
    for kind in Kind:
        model = kind.model
        if kind is Kind.REPORT:
            if reports is None:
                rows = task.reports
            else:
                ids = [r.id for r in reports if r.unit_id == user.unit_id and r.signoff_state in waiting]
                rows = db.session.scalars(select(model).where(model.id.in_(ids))) if ids else []
        elif kind is Kind.EXTENSION and extensions is not None:
            rows = extensions
        elif kind is Kind.CLOSE and not close_drafts:
            rows = []
        else:
            rows = db.session.scalars(_unit_drafts_statement(kind), {"task_id": task.id, "unit_id": user.unit_id})
        drafts += [as_draft(kind, row) for row in rows
                   if row.task_id == task.id and row.unit_id == user.unit_id and row.signoff_state in waiting]
    return sorted(drafts, key=lambda d: (d.created_at, d.id), reverse=True)


@cache
def _unit_drafts_statement(kind: Kind) -> Select:
    """``unit_drafts``' SELECT of ``kind``'s items waiting or returned, its parameters ``task_id`` and ``unit_id`` (built
    once per process: the task page asks on every request)."""
    return select(kind.model).where(unit_drafts_condition(kind, bindparam("task_id"), bindparam("unit_id")))


def _load(kind: Kind | str, item_id: int, actor: User):
    try:
        kind = Kind(kind)
    except ValueError:
        raise NotFound(f"没有“{kind}”这类待签发事项（可选：report、close、extension）。") from None
    item = db.session.get(kind.model, item_id)
    if item is None or item.signoff_state is None or not can_view_task(actor, item.task):
        raise NotFound(f"该{kind.label}不存在或无需签发。请从“待办”重新进入。")
    return kind, item


@contextmanager
def _decide(kind: Kind | str, item_id: int, actor: User, action: Action, read_version: int | None):
    """Yield (kind, item, task) locked for ``actor``'s decision on a draft; see ``sign``."""
    kind, item = _load(kind, item_id, actor)
    with task_change(item.task_id, actor, read_version,
                     check=lambda task: transitions.check_who(actor, task, action)) as task:
        transitions.check(actor, task, action)
        db.session.refresh(item)
        if item.unit_id != actor.unit_id:
            raise PermissionDenied("只能签发本单位的报送：该事项属于其他单位。")
        if item.signoff_state is not SignoffState.DRAFT:
            raise InvalidInput(f"该{kind.label}已处理（{item.signoff_state.label}），无需重复操作。")
        yield kind, item, task


def sign(kind: Kind | str, item_id: int, actor: User, read_version: int | None = None) -> Draft:
    """审核签发: the unit leader ``actor`` approves the draft ``item_id`` of ``kind``; commit; return it.

    ``read_version``: the task version the page was read at (None: not checked, the API). Raises NotFound
    for an unknown kind or item; PermissionDenied unless ``actor`` is the leader of the draft's unit on its
    task (transition SIGN_OFF); InvalidInput when it was decided already, or when what it asks is no
    longer possible (a close request on a task closed meanwhile: return it instead); Conflict when stale.
    """
    with _decide(kind, item_id, actor, Action.SIGN_OFF, read_version) as (kind, item, task):
        author = _author(kind, item)
        now = clock.utcnow()
        if kind is Kind.CLOSE:
            row = transitions.check(author or actor, task, Action.REQUEST_CLOSE)
            journal.record(task, JournalField.CLOSE_REQUEST, None, item.note, author)
            journal.record(task, JournalField.STATUS, task.status, row.target, actor)
            task.status = row.target
        elif kind is Kind.EXTENSION:
            from .extensions import deciders, tell_deciders  # extensions reads needs_signoff from here

            if db.session.scalar(select(ExtensionRequest.id).where(
                    ExtensionRequest.task_id == task.id, ExtensionRequest.state == ExtensionState.PENDING)):
                raise InvalidInput(f"该任务已有一项延期申请在等待{deciders(task)}审批，请退回本申请或等审批后再签发。")
            item.state = ExtensionState.PENDING
            journal.record(task, JournalField.EXTENSION_REQUEST, task.deadline, _summary(kind, item), author)
            tell_deciders(task, item)
        item.signoff_state, item.signed_by_id, item.signed_at = SignoffState.SIGNED, actor.id, now
        who = f"（{author.display_name}报送）" if author is not None else ""
        journal.record(task, JournalField.SIGNOFF, None, f"签发{kind.label}{who}：{_summary(kind, item)}", actor)
        if kind is Kind.REPORT:
            # it counts from now: what follows (the unit that split the task is told) is workflow/counting.py's
            journal.record(task, JournalField.REPORT, None, item.progress, author, subject_unit_id=item.unit_id)
            if author is not None:
                from . import start_on_first_report

                start_on_first_report(task, author)
    return as_draft(kind, item)


def return_draft(kind: Kind | str, item_id: int, actor: User, reason: str,
                 read_version: int | None = None) -> Draft:
    """退回修改: the unit leader ``actor`` returns the draft with ``reason`` (required); commit; return it.

    Nothing reaches the supervising office; the unit's liaison who filed it (else every liaison of the
    unit) is notified with the reason (services/notifications.py), which the task page shows them.
    Raises as ``sign``, and InvalidInput without a reason.
    """
    with _decide(kind, item_id, actor, Action.RETURN_DRAFT, read_version) as (kind, item, task):
        text = _note(reason, "退回理由", required=True)
        item.signoff_state, item.signed_by_id, item.signed_at, item.signoff_note = (
            SignoffState.RETURNED, actor.id, clock.utcnow(), text)
        if kind is Kind.EXTENSION:
            item.state = ExtensionState.RETURNED
        journal.record(task, JournalField.SIGNOFF_RETURN, None, f"退回{kind.label}：{text}", actor,
                       subject_unit_id=item.unit_id)
        author = _author(kind, item)
        message = f"{task.number_display} {task.heading_text}：单位负责人退回了您的{kind.label}，理由：{text.rstrip('。')}。"
        if author is not None and author.active:
            notifications.notify_users([author], notifications.Kind.SIGNOFF_RETURNED, message, task)
        else:
            notifications.notify_units([item.unit_id], notifications.Kind.SIGNOFF_RETURNED, message, task)
    return as_draft(kind, item)


def close_draft_waiting(task_id: int, unit_id: int | None) -> bool:
    """True when ``unit_id``'s close request of task ``task_id`` waits for its leader's sign-off (a unit
    files one at a time: the 申请办结 form and the ledger import both ask this)."""
    return db.session.scalar(select(CloseRequest.id).where(
        CloseRequest.task_id == task_id, CloseRequest.unit_id == unit_id,
        CloseRequest.signoff_state == SignoffState.DRAFT).limit(1)) is not None


def record_draft(task: Task, actor: User, text: str, kind: Kind) -> None:
    """Journal a draft of ``kind`` filed by ``actor`` (待签发; seen by the unit's own users only) and tell the
    unit's leaders (``notify_leaders``). Not committed."""
    journal.record(task, JournalField.DRAFT, None, text, actor, subject_unit_id=actor.unit_id)
    notify_leaders(actor, kind, task)


def notify_leaders(actor: User, kind: Kind, task: Task | None = None, count: int = 1) -> None:
    """Tell the active leaders of ``actor``'s unit that ``count`` drafts of ``kind`` filed by ``actor`` wait
    for their sign-off (on ``task``; None: several tasks, a ledger import): a notification each, and an
    e-mail where mail is on (services/notifications.py). Not committed."""
    leaders = notifications.unit_users([actor.unit_id], Role.LEADER) if actor.unit_id is not None else []
    if not leaders:
        return
    what = f"{task.number_display} {task.heading_text}：" if task is not None else ""
    many = f" {count} 条" if count > 1 else ""
    message = f"{what}{actor.display_name}提交了{many}{kind.label}，待您审核签发（“待办”中签发或退回）。"
    notifications.notify_users(leaders, notifications.Kind.SIGNOFF_WAITING, message, task)
