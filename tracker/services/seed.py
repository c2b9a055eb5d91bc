"""First run: fill an empty database with the 重庆 plan, its units and demo accounts."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, select

from flask import Flask

from .. import clock

from ..database import upgrade_database, write_transaction
from ..extensions import db
from ..models import Channel, Plan, Role, Task, UnitKind, User
from ..parsing import read_plan_file
from .accounts.users import create_user, generate_password
from .plans.store import store_plan
from .accounts.units import add_aliases, find_unit, get_or_create_unit


@dataclass
class SeedResult:
    """What the seed stored: the plan's id and title, the demo accounts as (username, password, role, unit)."""

    plan_id: int
    plan_title: str
    accounts: list[tuple[str, str, str, str]] = field(default_factory=list)
    accounts_file: Path | None = None


def database_is_empty() -> bool:
    """Return True when no plan and no user exist yet."""
    return not db.session.scalar(select(func.count(User.id))) and not db.session.scalar(select(func.count(Plan.id)))


def seed_demo(seed_dir: Path, office_deadlines: bool = False) -> SeedResult:
    """Store the units of ``seed_dir/units.json``, its plan, an admin, a supervisor and one liaison per unit.

    An entry with ``parent`` (a unit of the file) and ``kind`` (a UnitKind value) is created under it: the
    registry's first state, not journalled (the unit page and ``import-units`` change it later through
    accounts/units.place_unit, which journals).

    Passwords are generated (never stored in the repo) and returned once; every demo
    account must change its password at first sign-in (SECURITY-TESTS.md B9). The
    whole seed is committed together. ``office_deadlines``: then give the tasks the deadlines of
    ``units.json``'s "office_deadlines" (``assign_office_deadlines``; the demo of run.py and init-db,
    not the test suite's world). Raises FileNotFoundError / ValueError (json) for a broken seed folder,
    and whatever ``read_plan_file`` raises.
    """
    spec = json.loads((seed_dir / "units.json").read_text(encoding="utf-8"))
    draft = read_plan_file(seed_dir / spec["plan"])
    with write_transaction():  # units, users and plan together
        for entry in spec["units"]:
            unit, _ = get_or_create_unit(entry["name"])
            add_aliases(unit, entry.get("aliases", []))
        db.session.flush()
        for entry in spec["units"]:  # the registry's hierarchy as it is born: a unit's 区县 counterparts or 处室
            if entry.get("parent"):  # a first place, no change to journal (place_unit journals the later ones)
                unit = find_unit(entry["name"])
                unit.parent, unit.kind = find_unit(entry["parent"]), UnitKind(entry.get("kind", "department"))
        accounts = []
        office = spec["supervising_office"]
        admin = spec.get("admin_account")
        if admin:
            password = generate_password()
            create_user(admin, Role.ADMIN, password, None, "系统管理员", commit=False)
            accounts.append((admin, password, Role.ADMIN.label, ""))
        password = generate_password()
        create_user(spec["supervisor_account"], Role.SUPERVISOR, password, office, f"{office}（督办）", commit=False)
        accounts.append((spec["supervisor_account"], password, Role.SUPERVISOR.label, office))
        for entry in spec["units"]:
            password = generate_password()
            create_user(entry["account"], Role.LIAISON, password, entry["name"], f"{entry['name']}联络员", commit=False)
            accounts.append((entry["account"], password, Role.LIAISON.label, entry["name"]))
        for user in db.session.scalars(select(User)):
            user.must_change_password = True
        result = store_plan(draft, source_name=spec["plan"])
    if office_deadlines and spec.get("office_deadlines"):
        assign_office_deadlines(result.plan.id, spec["supervisor_account"], spec["office_deadlines"]["days"])
    if office_deadlines and spec.get("report_history"):
        seed_report_history(result.plan.id, spec["report_history"]["periods"])
    return SeedResult(plan_id=result.plan.id, plan_title=result.plan.title, accounts=accounts)


OFFICE_DEADLINE = "{date}前（督办部门确定）"


def assign_office_deadlines(plan_id: int, supervisor: str, days: dict[str, int], today: date | None = None) -> int:
    """Give the plan's tasks the deadlines the supervising office sets (the plan writes none), as the
    office does on a task's 编辑 page (plans/task_editing.edit_task, journalled as the ``supervisor``
    account's edit, channel 系统): ``days`` maps a task's 序号 ("一（三）") to days after ``today``
    (default: Beijing today; negative: already overdue). The 完成时限 reads "2026年12月1日前（督办部门确定）",
    never a date the plan wrote. Returns the number of tasks given a deadline; a 序号 the plan lacks is
    skipped. Commits each task as edit_task does."""
    from ..dates import chinese_date
    from .plans.task_editing import TaskEdit, edit_task

    today = today or clock.beijing_today()
    actor = db.session.scalar(select(User).where(User.username == supervisor))
    tasks = db.session.scalars(select(Task).where(Task.plan_id == plan_id)).all()
    given = 0
    for task in tasks:
        offset = days.get("".join(task.path or []))
        if offset is None:
            continue
        due = today + timedelta(days=offset)
        edit_task(task.id, actor, TaskEdit(
            title=task.title or "", text=task.text or "", lead_unit_ids=[u.id for u in task.lead_units],
            supporting_unit_ids=[u.id for u in task.supporting_units],
            deadline=OFFICE_DEADLINE.format(date=chinese_date(due)), due_date=due), None, channel=Channel.SYSTEM)
        given += 1
    return given


#: How a report the demo files opens: the one mark by which the demo's reports are known (``demo_reports_between``).
DEMO_MARK = "（演示数据）"

#: The text of a report the demo files for a unit (seed_report_history): marked as the demo's, never a unit's words.
DEMO_REPORT = DEMO_MARK + "{period}进展：按方案要求推进，本期工作已按计划开展。"


#: The figures cache's room (services/figures/cache.FiguresCache.companion) where ``demo_reports_between`` keeps what
#: it counted, {(first, last): count}: a window per period and day asked for, a few a day.
DEMO_COUNTS, DEMO_COUNTS_SIZE = "demo report counts", 64


def demo_reports_between(first: date, last: date) -> int:
    """Return how many of the demo's reports (``seed_report_history``, their text opening with ``DEMO_MARK``) were
    filed from Beijing day ``first`` to ``last``, both included: the reports a period's figures count.

    The one place where the demo's figures are known (workflow53): the demo's 通报 ranked its units on these reports
    and its files went out without a word of it. Counted once per window and kept with the figures (forgotten with
    them): the demo files its reports only at the first start, before any page is served (``seed_report_history``
    forgets what was kept), and a report filed later is a unit's, so the answer stands; the dashboard after a report
    costs no statement more (tests/web/test_dashboard_body.py counts them). 0 when there are none."""
    from ..models import ProgressReport
    from .figures.cache import figures_cache
    from .figures.facts import beijing_midnight_utc

    kept = figures_cache().companion(DEMO_COUNTS, DEMO_COUNTS_SIZE)
    count = kept.peek((first, last), count=False)
    if count is None:
        count = db.session.scalar(select(func.count(ProgressReport.id)).where(
            ProgressReport.created_at >= beijing_midnight_utc(first),
            ProgressReport.created_at < beijing_midnight_utc(last + timedelta(days=1)),
            ProgressReport.progress.startswith(DEMO_MARK, autoescape=True))) or 0
        kept.put((first, last), count, count=False)
    return count


def demo_figures_note(count: int, bulletin: bool = True) -> str:
    """The sentence that says a bulletin's (``bulletin``: the 通报 page, its .docx and .xlsx, the published version) or
    a page's (the dashboard's figures) figures rest on ``count`` reports of the demo; "" when ``count`` is 0."""
    if not count:
        return ""
    return (f"{'本通报' if bulletin else '本页的统计'}含演示数据：其中 {count} 次进展报送是系统首次启动时为演示自动生成的"
            f"（内容标有“{DEMO_MARK}”），不是各单位的实际报送，据此得出的报送及时率、排名和未报送单位仅供试用"
            + ("，不能作为正式通报印发。" if bulletin else "。"))


def demo_page_note(first: date, last: date) -> str:
    """The sentence a page other than the 通报 (the dashboard, the plan page, 报送情况) prints above figures that count
    the reports filed from Beijing day ``first`` to ``last`` (both included): ``demo_figures_note`` of
    ``demo_reports_between``, "" when none of them is the demo's (workflow54: 报送情况 and the plan page showed the
    demo's reports as a unit's own, while the dashboard and the 通报 said so)."""
    if last < first:
        return ""
    return demo_figures_note(demo_reports_between(first, last), False)


def seed_report_history(plan_id: int, periods: int, today: date | None = None) -> int:
    """Give the demo plan a past, so that a newcomer sees a live period on any day of the month (workflow51).

    Without it a plan seeded after its report day (the 25th) owes nothing until next month (ranking.owes_report: a
    task given on or after the report day first owes the next period's report): 本期应报送 and 报送情况 are empty and
    the 通报 has nothing to rank. So the demo dates the plan's import (``Plan.created_at``, the measures' start of duty,
    figures/facts.duty_start) to the first day of the earliest of the last ``periods`` reporting periods whose report
    day (periods.report_due) came before ``today`` (Beijing; default the app's today), and files its units' reports
    for those periods, by each unit's place in the unit registry (by id; ``i`` its index among the plan's units):
    i % 4 == 2 never reports (named under 未报送, 催办 has someone to urge), i % 4 == 1 reports one day after the
    report day in the earlier periods (迟报) and on time in the latest, the others three days before the report day
    (按时; never before the period's first day). Every report says it is the demo's (``DEMO_REPORT``) and is filed by
    the unit's first account, at 10:00 Beijing. On the 26th the latest such period is this month's (the 通报 opens on
    it); on the 3rd it is last month's, and this month's report, due on the 25th, is owed by every unit (本期应报送).
    A lead unit's first report moves its task to 推进中 as any filed report does (workflow.start_on_first_report,
    journalled by 系统 at the report's time). Returns the number of reports filed; commits once."""
    from ..models import Assignment, Channel, ProgressReport, Unit
    from ..periods import period_containing, report_due
    from . import workflow
    from .figures.facts import beijing_midnight_utc

    today = today or clock.beijing_today()
    plan = db.session.get(Plan, plan_id)
    cycle = plan.report_cycle.value
    passed = []
    current = period_containing(cycle, today)
    while len(passed) < periods:
        if report_due(plan, current) < today:
            passed.insert(0, current)
        current = period_containing(cycle, current.start - timedelta(days=1))
    tasks = [task for task in db.session.scalars(select(Task).where(Task.plan_id == plan_id).order_by(Task.position))
             if not task.is_heading]
    unit_ids = sorted({a.unit_id for task in tasks for a in task.assignments})
    place = {unit_id: index for index, unit_id in enumerate(unit_ids)}
    authors = {unit_id: db.session.scalar(select(User).where(User.unit_id == unit_id, User.role == Role.LIAISON)
                                          .order_by(User.id)) for unit_id in unit_ids}
    at_ten = timedelta(hours=10)
    filings = []  # (when, period, task, unit id): every report the demo files, filed in time order below
    for number, period in enumerate(passed):
        due, latest = report_due(plan, period), number == len(passed) - 1
        for task in tasks:
            for assignment in sorted(task.assignments, key=lambda a: a.position):
                kind = place[assignment.unit_id] % 4
                if kind == 2:
                    continue
                day = due + timedelta(days=1) if kind == 1 and not latest else max(due - timedelta(days=3),
                                                                                   period.start)
                if day >= today or day > period.end:
                    continue
                filings.append((beijing_midnight_utc(day) + at_ten, period, task, assignment.unit_id))
    with write_transaction():
        plan.created_at = beijing_midnight_utc(passed[0].start)
        for at, period, task, unit_id in sorted(filings, key=lambda f: f[0]):
            db.session.add(ProgressReport(task=task, unit_id=unit_id, author=authors[unit_id], created_at=at,
                                          progress=DEMO_REPORT.format(period=period.label)))
            # as a filed report would: a lead unit's first report moves the task to 推进中 (the one rule)
            workflow.start_on_first_report(task, authors[unit_id], Channel.SYSTEM, at=at)
    from .figures.cache import figures_cache
    figures_cache().companion(DEMO_COUNTS, DEMO_COUNTS_SIZE).clear()  # what demo_reports_between counted is no more
    return len(filings)


def write_accounts_file(path: Path, accounts: list[tuple[str, str, str, str]]) -> None:
    """Write the demo accounts to ``path`` (mode 0600), one tab-separated line each."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600)
    os.chmod(path, 0o600)
    lines = ["用户名\t初始密码\t角色\t单位"] + ["\t".join(row) for row in accounts]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def demo_accounts_file(app: Flask) -> Path:
    """Where the first start keeps the demo accounts and their first passwords: ``instance/demo-accounts.txt``."""
    return Path(app.instance_path) / "demo-accounts.txt"


def prepare_database(app: Flask, seed_dir: Path | None = None, office_deadlines: bool = False) -> SeedResult | None:
    """Upgrade ``app``'s database to the newest schema and seed it when empty.

    The demo accounts go to ``instance/demo-accounts.txt``; ``office_deadlines`` as ``seed_demo``. Returns the seed
    result, or None when the database already held data.
    """
    seed_dir = seed_dir or Path(app.root_path).parent / "seed_data"
    with app.app_context():
        upgrade_database()
        if not database_is_empty():
            return None
        result = seed_demo(seed_dir, office_deadlines)
        result.accounts_file = demo_accounts_file(app)
        write_accounts_file(result.accounts_file, result.accounts)
        return result
