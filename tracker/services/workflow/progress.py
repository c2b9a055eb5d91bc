"""Report progress on a task, and read back the latest reports."""
from __future__ import annotations

import math
from dataclasses import dataclass, fields
from datetime import date, datetime
from functools import cache
from pathlib import Path

from sqlalchemy import Select, bindparam, exists, func, inspect, select
from sqlalchemy.orm import aliased, joinedload
from sqlalchemy.orm.attributes import set_committed_value

from ...extensions import db
from ...models import (Assignment, Attachment, Channel, JournalEntry, JournalField, Plan, ProgressReport, Role,
                       SignoffState, Task, TaskStatus, Unit, User)
from ...settings import current_settings
from .. import attachments, journal, workflow
from . import extensions, reminders, signoff
from ..concurrency import task_change
from ..errors import AlreadySaved, InvalidInput, NotFound, PermissionDenied
from ..permissions import require, unit_role
from .transitions import Action, check as check_action

# A report longer than this is almost certainly a paste gone wrong (characters).
MAX_REPORT_CHARS = 5000
# Said when a liaison of a unit with sign-off chooses a 完成状态 with a report (issue 18).
DRAFT_STATUS_MESSAGE = ("本单位报送须经单位负责人审核签发，报送时不能同时修改完成状态：请不选完成状态提交；"
                        "签发后牵头单位的首次报送会使任务转为“推进中”，办结请使用“申请办结”。")


def add_report(
    task: Task,
    author: User,
    progress: str,
    problems: str = "",
    next_steps: str = "",
    status: TaskStatus | None = None,
    channel: Channel = Channel.FORM,
    read_version: int | None = None,
    overwrite_of: int | None = None,
    uploads: list[attachments.Upload] | None = None,
    attachment_folder: Path | None = None,
    attachment_max_bytes: int | None = None,
    achieved_value: float | None = None,
) -> ProgressReport:
    """Add a progress report by ``author``'s unit to ``task``, and commit.

    ``progress`` (进展情况) is required; ``problems`` (存在问题) and ``next_steps``
    (下步计划) are optional; each at most MAX_REPORT_CHARS characters. ``status``
    changes the task's 办理状态 when given, by the transition table (services/workflow/
    transitions.py: a close request needs its own form and note, 已签收 comes from 签收); a
    first report by a lead unit (or the supervising office) moves a task from 已交办/已签收
    to 推进中 (START) — a supporting unit's report leaves the status alone. The report and any status
    change are journalled with ``channel``. ``read_version``: the task version the form was
    read at (None: not checked, for the API and the command line); ``overwrite_of``: see
    services/concurrency.py. ``uploads`` (佐证材料) are checked and stored under
    ``attachment_folder`` (services/attachments.py), each at most ``attachment_max_bytes`` (default:
    ``current_settings().attachment_max_bytes``). Raises PermissionDenied (nothing written)
    when the author may not report on the task or set the status; InvalidInput when a text
    is empty or too long or a file is refused; Conflict when ``read_version`` is stale; AlreadySaved
    (nothing written) when it is stale because this author already stored this very report from the
    same page (a double submit, ``_refuse_double_submit``). ``achieved_value``: the 完成值 so far of
    a quantified task (Task.target_value set; in its target_unit), stored with the report and shown
    in the journal's text; InvalidInput when given for a task without a target or not a finite number.
    A liaison of a unit with sign-off (``signoff.needs_signoff``) files a draft (待签发) that moves no status
    and counts only once its unit leader signs it (services/workflow/signoff.py); choosing a status
    with it is refused (InvalidInput, DRAFT_STATUS_MESSAGE).
    """
    texts = {"进展情况": progress.strip(), "存在问题": problems.strip(), "下步计划": next_steps.strip()}
    if not texts["进展情况"]:
        raise InvalidInput("请填写“进展情况”。")
    for caption, text in texts.items():
        if len(text) > MAX_REPORT_CHARS:
            raise InvalidInput(f"“{caption}”超过 {MAX_REPORT_CHARS} 字，请精简后再提交。")
    if achieved_value is not None and not math.isfinite(achieved_value):
        raise InvalidInput("“完成值”应为数字，如 6.5。")
    written: list[Path] = []
    try:
        # task_change locks the task row (BEGIN IMMEDIATE on SQLite, FOR UPDATE on PostgreSQL) so that
        # concurrent reports change its status and version one at a time, and reloads it as it is now.
        def check(locked: Task) -> None:
            if locked.withdrawn_at is not None:
                raise InvalidInput("该任务已在方案修订中撤销，不再报送进展。")
            check_action(author, locked, Action.REPORT)
            if read_version is not None and locked.version != read_version and overwrite_of is None:
                _refuse_double_submit(locked, author, texts, read_version)
            if achieved_value is not None and locked.target_value is None:
                raise InvalidInput("该任务没有设定目标值，不能填报完成值；如需量化考核，请督办部门先在“编辑任务”中设定目标值。")
            if status is not None and status is not locked.status:
                if draft:
                    raise InvalidInput(DRAFT_STATUS_MESSAGE)
                workflow.resolve_status(author, locked, status)  # refuses a status the author may not set

        draft = signoff.needs_signoff(author)
        with task_change(task.id, author, read_version, overwrite_of, channel, check=check) as task:
            if draft:  # 待签发: no status moves until the unit leader signs (services/workflow/signoff.py)
                pass
            elif status is not None and status is not task.status:
                workflow.change_status(task, author, status, channel)
            else:  # START: a lead unit's or the supervising office's first report; a supporting unit's leaves it
                workflow.start_on_first_report(task, author, channel)
            # The report is filed under the author's unit (a supervisor's: the supervising office). Made by ids, not
            # by its task and author: the relationships' events and the task's ``reports`` in the flush cost ~320
            # function calls a report (issue 19, item 31); task_change's commit expires the task, so ``task.reports``
            # is read with it the next time it is asked for.
            report = ProgressReport(task_id=task.id, unit_id=author.unit_id, author_id=author.id,
                                    progress=texts["进展情况"], problems=texts["存在问题"], next_steps=texts["下步计划"],
                                    achieved_value=achieved_value, signoff_state=SignoffState.DRAFT if draft else None)
            db.session.add(report)
            subject = author.unit_id if author.role is Role.LIAISON else None
            journal_text = texts["进展情况"]
            if achieved_value is not None:
                journal_text += f"（完成值：{achieved_value:g}{task.target_unit or ''}）"
            field = JournalField.DRAFT if draft else JournalField.REPORT
            journal.record(task, field, None, journal_text, author, channel, subject_unit_id=subject)
            if draft:
                signoff.notify_leaders(author, signoff.Kind.REPORT, task)
            # else it counts now: what follows (the unit that split the task is told) is workflow/counting.py's
            if uploads:
                if attachment_folder is None:
                    raise InvalidInput("未配置佐证材料的存放位置，请联系管理员。")
                rows, written = attachments.store(report, uploads, author, attachment_folder,
                                                  attachment_max_bytes or current_settings().attachment_max_bytes)
                for row in rows:
                    journal.record(task, JournalField.DRAFT if draft else JournalField.ATTACHMENT, None,
                                   row.original_name, author, channel, subject_unit_id=subject)
    except Exception:
        attachments.remove(written)
        raise
    return report


# The report texts a correction may change, with their captions (the task page's and the ledger's).
REPORT_TEXTS = (("progress", "进展情况"), ("problems", "存在问题"), ("next_steps", "下步计划"))


def check_correction(report: ProgressReport | ReportRow, user: User,
                     task_reports: list[ReportRow] | None = None) -> None:
    """Raise unless ``user`` may correct ``report``'s texts (a typo in 进展情况 seen after filing).

    The one rule for the task page's 修改 link (``correction_refusal``) and ``correct_report``: only
    the report's author (PermissionDenied); only that author's newest report on the task (an older one
    is corrected by a new report), never a report a ledger import filed (its revert would undo the
    correction) nor one its unit leader signed or returned (待签发 drafts may be corrected before
    signing, issue 18) — InvalidInput saying what to do instead. ``report``: a ProgressReport, or a
    ReportRow of the task page with ``task_reports``, every report of its task (``task_reports()``).
    """
    require(report.author_id == user.id, "只有报送这条进展的本人可以修改它；如内容有误，请联系报送人。")
    if report.import_id is not None:
        raise InvalidInput("由台账导入的进展不能在网页上修改；如有错误，请报送一条新的进展说明更正。")
    if report.signoff_state not in (None, SignoffState.DRAFT):
        raise InvalidInput("该进展已经单位负责人签发或退回，不能再修改；如有错误，请报送一条新的进展说明更正。")
    # The task's reports as read (the task page reads them all, task_reports): no statement per report.
    others = report.task.reports if task_reports is None else task_reports
    if any(other.author_id == user.id and other.id > report.id for other in others):
        raise InvalidInput("只能修改您最近一次报送的进展；较早的进展如有错误，请报送一条新的进展说明更正。")


def correction_refusal(report: ProgressReport | ReportRow, user: User,
                       task_reports: list[ReportRow] | None = None) -> str | None:
    """Why ``user`` may not correct ``report`` (``check_correction``'s sentence, ``task_reports`` as there), or None
    when it may."""
    try:
        check_correction(report, user, task_reports)
    except (PermissionDenied, InvalidInput) as refusal:
        return str(refusal)
    return None


def correct_report(report_id: int, author: User, progress: str, problems: str = "", next_steps: str = "",
                   channel: Channel = Channel.FORM) -> list[str]:
    """Correct the texts of ``author``'s report ``report_id`` (a typo seen after filing), and commit.

    Same limits as ``add_report`` (进展情况 required, each text at most MAX_REPORT_CHARS characters);
    the report keeps its time, unit, attachments and sign-off state, so it counts as filed when it was
    (报送及时率). One journal entry (修改进展, old → new texts of the changed fields) moves the task's
    version by one. Returns the captions changed ([] when nothing changed: nothing written). Raises
    NotFound for an unknown report, PermissionDenied when ``author`` may not see or report on the task,
    InvalidInput with ``check_correction``'s sentence or a text's fault.
    """
    texts = {"progress": progress.strip(), "problems": problems.strip(), "next_steps": next_steps.strip()}
    if not texts["progress"]:
        raise InvalidInput("请填写“进展情况”。")
    for name, caption in REPORT_TEXTS:
        if len(texts[name]) > MAX_REPORT_CHARS:
            raise InvalidInput(f"“{caption}”超过 {MAX_REPORT_CHARS} 字，请精简后再提交。")
    report = db.session.get(ProgressReport, report_id)
    if report is None:
        raise NotFound("该进展不存在，可能已被撤销。请从任务页面重新进入。")

    def check(locked: Task) -> None:
        check_action(author, locked, Action.REPORT)
        db.session.expire(locked, ["reports"])  # read again under the lock: a report filed meanwhile counts
        check_correction(db.session.get(ProgressReport, report_id, populate_existing=True), author)

    with task_change(report.task_id, author, None, None, channel, check=check) as task:
        report = db.session.get(ProgressReport, report_id)
        changed = [(name, caption) for name, caption in REPORT_TEXTS if texts[name] != (getattr(report, name) or "")]
        if not changed:
            return []
        old = "\n".join(f"{caption}：{getattr(report, name) or '（空）'}" for name, caption in changed)
        new = "\n".join(f"{caption}：{texts[name] or '（空）'}" for name, caption in changed)
        for name, _ in changed:
            setattr(report, name, texts[name])
        subject = author.unit_id if author.role is Role.LIAISON else None
        journal.record(task, JournalField.REPORT_EDIT, old, new, author, channel, subject_unit_id=subject)
    return [caption for _, caption in changed]


def _refuse_double_submit(task: Task, author: User, texts: dict[str, str], read_version: int) -> None:
    """Raise AlreadySaved when ``author``'s newest report on ``task`` holds ``texts`` and was stored after
    ``read_version`` (the version the form was read at): the same form posted twice, not someone else's change."""
    newest = db.session.scalar(select(ProgressReport).where(
        ProgressReport.task_id == task.id, ProgressReport.author_id == author.id).order_by(ProgressReport.id.desc()))
    if newest is None or (newest.progress, newest.problems, newest.next_steps) != tuple(texts.values()):
        return
    stored_since = db.session.scalar(select(JournalEntry.id).where(
        JournalEntry.task_id == task.id, JournalEntry.field == JournalField.REPORT.value,
        JournalEntry.user_id == author.id, JournalEntry.task_version > read_version).limit(1))
    if stored_since is not None:
        raise AlreadySaved(newest.id)


@dataclass(frozen=True)
class TaskPageFacts:
    """Whether the task has any of the rows its page reads apart, as ``load_task_page``'s statement learned them:
    ``extension_requests`` (any request, the page lists all: workflow/extensions.requests_condition), ``close_drafts``
    (the viewing unit's close requests waiting or returned: workflow/signoff.unit_drafts_condition) and
    ``reminders`` (any reminder of the task: workflow/reminders.task_reminders_condition). A False means "none:
    do not ask"; a True means "ask" (there is one, or it was not learned)."""

    extension_requests: bool = True
    close_drafts: bool = True
    reminders: bool = True


#: Where load_task_page keeps its TaskPageFacts in the task's instance state (InstanceState.info).
_FACTS = "task_page_facts"


def task_page_facts(task: Task) -> TaskPageFacts:
    """Return what ``load_task_page`` last learned of ``task`` in this session (TaskPageFacts); every field True
    ("ask") when the task was not read by it."""
    return inspect(task).info.get(_FACTS) or TaskPageFacts()


def load_task_page(task: Task | int, unit_id: int | None = None) -> Task | None:
    """Load, in one statement (two more when it has sub-tasks), what the task page (tasks/routes.render_task,
    tasks/detail.html) reads of ``task`` as objects: its plan, the heading above it, its assignments with their units,
    and its sub-tasks with their assigned units (a sub-task's plan is its task's: services/plans/subtasks.split_task).
    Returns the task (the same object when given one, from the session's identity map; attributes already loaded
    are kept as they are). Given a task's id, reads the task itself in the same statements and returns it, or None
    when there is none. The page's reports are read apart, as plain rows (``task_reports``).

    The first statement also says whether the task has sub-measures (``Task.is_heading``) and sub-tasks: a task
    without is given empty ``children`` and ``subtasks`` without a statement of its own (most task pages, and every
    page of the closed loop: two statements fewer, issue 19 item 29); a heading's children are read when the page
    reads them, as before. Without it each sub-task's assignments and units are read one row at a time when the
    page touches them (issue 19); with it the page's statements do not grow with its units or sub-tasks. The
    statements are kept per process: SQLAlchemy's ``selectinload`` built its statement and cache key on every call,
    about half of this function's work on the writers' task page (issue 19, item 26).

    The same statement says whether the task has extension requests, reminders and close requests of the unit
    ``unit_id`` (the viewer's; None: a user without a unit, who has no drafts) waiting or returned, each by the
    condition of the service that reads them; ``task_page_facts(task)`` returns it, and the page does not ask for
    what is not there (most pages: three statements fewer, issue 19 item 30).
    """
    task_id = task if isinstance(task, int) else task.id
    row = db.session.execute(_task_page_statement(), {"task_id": task_id, "unit_id": unit_id}).unique().one_or_none()
    if row is None:
        return None
    loaded, is_heading, has_subtasks, has_extensions, has_close_drafts, has_reminders = row
    inspect(loaded).info[_FACTS] = TaskPageFacts(bool(has_extensions), bool(has_close_drafts), bool(has_reminders))
    unloaded = inspect(loaded).unloaded  # what this session has not read yet
    if "children" in unloaded and not is_heading:
        set_committed_value(loaded, "children", [])
    if "subtasks" in unloaded:
        subtasks = db.session.scalars(_subtasks_statement(), {"task_id": task_id}).all() if has_subtasks else []
        set_committed_value(loaded, "subtasks", subtasks)
        _load_assignments([t for t in subtasks if "assignments" in inspect(t).unloaded])
    return loaded


def _load_assignments(tasks: list[Task]) -> None:
    """Give each of ``tasks`` its assignments with their units (Task.assignments' order), in one statement for all
    (none when ``tasks`` is empty)."""
    if not tasks:
        return
    by_task: dict[int, list[Assignment]] = {t.id: [] for t in tasks}
    for assignment in db.session.scalars(_assignments_statement(), {"task_ids": list(by_task)}):
        by_task[assignment.task_id].append(assignment)
    for t in tasks:
        set_committed_value(t, "assignments", by_task[t.id])


@cache
def _task_page_statement() -> Select:
    """Return ``load_task_page``'s SELECT of the task (made on first use, then kept: a statement is immutable and
    holds no data; its parameter ``task_id``): rows of (the task, whether it is a heading — ``Task.is_heading`` —,
    whether it has sub-tasks), the task with its plan (without the plan's source text, which the page does not show),
    the heading above it (所属重点任务) and its assignments with their units, one row per assignment. Building its
    loader options on every request of the task page cost about as much as one of its statements (issue 19, the
    writers' task page under write load). Its parameter ``unit_id`` is the viewer's unit, for the EXISTS of the unit's
    close-request drafts; each EXISTS of the rows read apart is built from the condition of the service that reads
    them (TaskPageFacts)."""
    split = aliased(Task)
    has_subtasks = exists().where(split.split_from_id == Task.id)  # searched in ix_task_split_from_id on both databases
    has_extensions = exists().where(extensions.requests_condition(Task.id))
    has_close_drafts = exists().where(signoff.unit_drafts_condition(signoff.Kind.CLOSE, Task.id, bindparam("unit_id")))
    has_reminders = exists().where(reminders.task_reminders_condition(Task.id))
    return (select(Task, Task.is_heading, has_subtasks, has_extensions, has_close_drafts, has_reminders)
            .where(Task.id == bindparam("task_id")).options(
        joinedload(Task.plan).defer(Plan.source_text),  # the whole plan as imported, on every row: never shown here
        joinedload(Task.parent),  # the page names the heading above the task (所属重点任务)
        joinedload(Task.assignments).joinedload(Assignment.unit),
    ))


@cache
def _subtasks_statement() -> Select:
    """Return ``load_task_page``'s SELECT of the sub-tasks split from the task ``task_id`` (made on first use, then
    kept), in ``Task.subtasks``' order. The order by id also makes SQLite search its index on ``split_from_id``: after
    ANALYZE its statistics see a column nearly all NULL, and without the order it reads the whole table instead."""
    return select(Task).where(Task.split_from_id == bindparam("task_id")).order_by(Task.id)


@cache
def _assignments_statement() -> Select:
    """Return ``_load_assignments``' SELECT (made on first use, then kept; its parameter ``task_ids``, a list): the
    assignments of those tasks with their units, in Task.assignments' order within each task."""
    return (select(Assignment).where(Assignment.task_id.in_(bindparam("task_ids", expanding=True)))
            .order_by(Assignment.task_id, Assignment.position, Assignment.id).options(joinedload(Assignment.unit)))


@dataclass(frozen=True)
class AttachmentLine:
    """One 佐证材料 of a report as the task page lists it: its ``id`` (the download link) and ``original_name``."""

    id: int
    original_name: str


@dataclass(frozen=True)
class ReportRow:
    """One progress report of a task as its page shows it (``task_reports``): the report's own columns, with the
    names of its unit (``unit_name``), author (``author_name``) and signer (``signer_name``: who signed or returned
    it), each None when the report has none, and its attachments (AttachmentLine, in upload order).

    Answers ``counted_at`` and ``counts`` by ProgressReport's own rule (the one place of which reports count), so that
    services/permissions.can_see_report, ``check_correction`` and the page's light read it as they read a report.
    """

    id: int
    task_id: int
    unit_id: int | None
    author_id: int | None
    created_at: datetime
    reported_on: date | None
    progress: str
    problems: str
    next_steps: str
    achieved_value: float | None
    import_id: int | None
    signoff_state: SignoffState | None
    signed_at: datetime | None
    signoff_note: str | None
    unit_name: str | None
    author_name: str | None
    signer_name: str | None
    attachments: tuple[AttachmentLine, ...] = ()

    counted_at = property(vars(ProgressReport)["counted_at"].fget)  # ProgressReport.counted_at on an instance
    counts = ProgressReport.counts


#: ReportRow's columns read from the statement, in its order (every field but the attachments, folded in after).
_REPORT_COLUMNS = len(fields(ReportRow)) - 1


def task_reports(task_id: int) -> list[ReportRow]:
    """Return every report of the task ``task_id`` as a ReportRow, newest first (by ``created_at``, then id: the order
    of ``Task.reports``), in one statement kept per process (``_reports_statement``). Who may see which is not decided
    here (services/permissions.can_see_report). Read as ORM objects (each report with its unit, author, signer and
    attachments) it was about a quarter of the writers' task page (issue 19)."""
    reports: list[ReportRow] = []
    files: list[AttachmentLine] = []
    current = None
    for row in db.session.execute(_reports_statement(), {"task_id": task_id}):
        if current is None or row[0] != current[0]:
            if current is not None:
                reports.append(ReportRow(*current[:_REPORT_COLUMNS], tuple(files)))
            current, files = row, []
        if row.attachment_id is not None:
            files.append(AttachmentLine(row.attachment_id, row.attachment_name))
    if current is not None:
        reports.append(ReportRow(*current[:_REPORT_COLUMNS], tuple(files)))
    return reports


@cache
def _reports_statement() -> Select:
    """Return ``task_reports``' SELECT (made on first use, then kept; its parameter ``task_id``): the columns of
    ReportRow in its order, then each attachment's id and name (one row per attachment, one with NULLs for a report
    without any), newest report first, a report's attachments in upload order."""
    r, unit, author, signer = ProgressReport, aliased(Unit), aliased(User), aliased(User)
    return (
        select(r.id, r.task_id, r.unit_id, r.author_id, r.created_at, r.reported_on, r.progress, r.problems,
               r.next_steps, r.achieved_value, r.import_id, r.signoff_state, r.signed_at, r.signoff_note,
               unit.name.label("unit_name"), author.display_name.label("author_name"),
               signer.display_name.label("signer_name"), Attachment.id.label("attachment_id"),
               Attachment.original_name.label("attachment_name"))
        .outerjoin(unit, unit.id == r.unit_id).outerjoin(author, author.id == r.author_id)
        .outerjoin(signer, signer.id == r.signed_by_id).outerjoin(Attachment, Attachment.report_id == r.id)
        .where(r.task_id == bindparam("task_id"))
        .order_by(r.created_at.desc(), r.id.desc(), Attachment.id))


def latest_report_ids(task_ids, unit_id: int | None = None) -> Select:
    """Return a SELECT of the id of each task's latest progress report: THE definition of "latest report".

    The latest report of a task is the one with the latest ``created_at`` (the stored UTC time it was
    filed); of reports filed at the same time, the one with the highest id. Every figure uses it: the
    lights of the dashboard, 催办 and 报送情况 (through ``latest_report_times`` or ``latest_reports``),
    the 最近反馈 of lists and ledgers. ``task_ids``: a list of ids or a SELECT of ids; ``unit_id``: only
    that unit's reports count (a unit's own ledger, the liaison's home). Only reports that count
    are candidates (``ProgressReport.counted_at`` set: a draft waiting for its unit leader, or one it
    returned, is nobody's latest report; issue 18). Tasks without such a report give no row.

    Read per task as ``ORDER BY created_at DESC, id DESC LIMIT 1`` (a correlated sub-query over the
    index on (task_id, created_at)): the database reads the newest index entries of each task and
    stops, instead of numbering every report of every task with a ``row_number()`` window (issue 19:
    the window was 4–15 ms of a 2,000-task plan page, sorting its ~2,000 reports; the per-task form
    reads ~200 index entries and grows with the tasks asked for, not with their reports).
    """
    asked = aliased(Task)  # an alias: a SELECT of Task.id passed as ``task_ids`` must not correlate to it
    latest = select(ProgressReport.id).where(ProgressReport.task_id == asked.id,
                                             ProgressReport.counted_at.is_not(None))
    if unit_id is not None:
        latest = latest.where(ProgressReport.unit_id == unit_id)
    latest = latest.order_by(ProgressReport.created_at.desc(), ProgressReport.id.desc()).limit(1) \
        .correlate(asked).scalar_subquery()
    per_task = select(latest.label("id")).select_from(asked).where(asked.id.in_(task_ids)).subquery()
    return select(per_task.c.id).where(per_task.c.id.is_not(None))


def latest_report_times(task_ids) -> Select:
    """Return a SELECT of (task_id, created_at of its latest report) for the tasks of ``task_ids`` (a
    SELECT of ids) that have a report that counts: the time the task's latest counted report reached the
    supervising office (``ProgressReport.counted_at``: filed, or signed off inside its unit, issue 18), one
    grouped ``max`` over the index on (task_id, created_at, signoff_state), for many tasks at once (every
    task of the dashboard). It reads every report of those tasks: 2.6 s for 1,000,000 reports on PostgreSQL
    (docs/benchmarks.md, the province scale)."""
    return select(ProgressReport.task_id, func.max(ProgressReport.counted_at)) \
        .where(ProgressReport.task_id.in_(task_ids), ProgressReport.counted_at.is_not(None)) \
        .group_by(ProgressReport.task_id)


def latest_reports(task_ids: list[int] | Select, unit_id: int | None = None) -> dict[int, ProgressReport]:
    """Return ``{task_id: latest report}`` for ``task_ids`` in one query (latest: ``latest_report_ids``).

    With ``unit_id`` only that unit's reports count (a unit's own ledger). Only reports that count
    (``ProgressReport.counted_at``: no draft waiting for its unit leader, issue 18) are read.
    ``task_ids``: a list of ids or a SELECT of ids (a long list: services/ledger/export.MAX_LISTED_IDS).
    """
    if isinstance(task_ids, list) and not task_ids:
        return {}
    reports = db.session.scalars(select(ProgressReport).where(
        ProgressReport.id.in_(latest_report_ids(task_ids, unit_id))))
    return {report.task_id: report for report in reports}


def latest_report_ids_by_unit(task_ids: list[int] | Select) -> Select:
    """Return a SELECT of the ids of each unit's latest report of each task of ``task_ids`` (a list or a
    SELECT of ids): the rule of ``latest_reports_by_unit``, for callers that read plain columns of those
    reports (the ledger export, issue 19). Latest means the highest id among the reports that count
    (``ProgressReport.counted_at``); reports without a unit form one group of their own.

    One rule, two shapes that read the index on (task, unit, id, …) only: SQLite groups it (``max(id)`` per task
    and unit); PostgreSQL, which would hash all the reports into groups instead (50–60 ms for 100,000), reads it
    backwards and keeps each (task, unit)'s first counted entry (``DISTINCT ON``, which treats a missing unit as
    one unit, as ``GROUP BY`` does); docs/benchmarks.md item 33."""
    counted = (ProgressReport.task_id.in_(task_ids), ProgressReport.counted_at.is_not(None))
    if db.engine.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import distinct_on

        return (select(ProgressReport.id).where(*counted)
                .ext(distinct_on(ProgressReport.task_id, ProgressReport.unit_id))
                .order_by(ProgressReport.task_id.desc(), ProgressReport.unit_id.desc(), ProgressReport.id.desc()))
    return (select(func.max(ProgressReport.id)).where(*counted)
            .group_by(ProgressReport.task_id, ProgressReport.unit_id))


def latest_reports_by_unit(task_ids: list[int] | Select) -> dict[int, dict[int | None, ProgressReport]]:
    """Return ``{task_id: {unit_id: that unit's latest report}}`` for ``task_ids`` in two queries.

    Every unit's own latest report of each task (issue 15: a ledger shows each unit's progress);
    reports without a unit are under the key None. Latest means the highest id, as in
    ``latest_reports`` (whose answer for a task is the newest of these). Each inner dict is ordered
    by report id (oldest first). Only reports that count (``ProgressReport.counted_at``: no draft
    waiting for its unit leader, issue 18) are read, as in ``latest_reports``. ``task_ids``: a list or
    a SELECT of ids.
    """
    if isinstance(task_ids, list) and not task_ids:
        return {}
    reports = db.session.scalars(select(ProgressReport).where(ProgressReport.id.in_(latest_report_ids_by_unit(task_ids)))
                                 .order_by(ProgressReport.id))
    by_task: dict[int, dict[int | None, ProgressReport]] = {}
    for report in reports:
        by_task.setdefault(report.task_id, {})[report.unit_id] = report
    return by_task


def reporting_role_label(user: User, task: Task) -> str:
    """Return how ``user`` reports on ``task``: 牵头单位, 配合单位 or 督办部门."""
    role = unit_role(user, task)
    if role is not None:
        return role.label
    return "督办部门" if user.role in (Role.SUPERVISOR, Role.ADMIN) else ""
