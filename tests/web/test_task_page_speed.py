"""The task page a liaison files progress reports from reads a small, fixed number of SQL statements
however many reports, attachments, units and sub-tasks its task has (issue 19: it read each report's
attachments, author and unit, and each sub-task's units, one row at a time), and still shows them all."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from tests.helpers.queries import count_statements
from tests.helpers.small_world import sign_in
from tracker.extensions import db
from tracker.models import Assignment, AssignmentRole, Attachment, ProgressReport, Role, Task, Unit, User
from tracker.services.plans.subtasks import split_task
from tracker.services.workflow import request_close
from tracker.services.workflow.extensions import request_extension
from tracker.services.workflow.reminders import send_reminder

# What the page may read, whoever looks: the user, the task and what it shows (plan, units, reports with
# their attachments, sub-tasks), the history, reminders, extensions, drafts, the split form's units and the
# navigation's badges: 24 for the supervising office, 26 for a lead liaison (its drafts and reminders) when
# this was written; before, 3 more for every report (its attachments, author, unit) and 1 for every sub-task.
# Since the reports are read as plain rows with their names and files in one statement, and the heading above
# the task with the task (issue 19, item 21): 15 and 16 (17 and 18 before). Since the task's assignments are read
# with it, and the sub-tasks' assignments in one statement only when there are sub-tasks (item 26): 14 and 15. Since
# whether the task has sub-measures comes with it (item 29): 13 and 14. Since whether it has extension requests,
# reminders and the unit's close-request drafts comes with it too, and none is asked for apart (item 30): 10 and 11.
MOST_STATEMENTS = 11


def add_reports(app, task_id: int, units: list[str], month: int) -> None:
    """File one report on task ``task_id`` for each unit named, by that unit's own liaison (made when
    missing), each with a 佐证材料 file, in ``month`` of 2026."""
    with app.app_context():
        task = db.session.get(Task, task_id)
        for n, name in enumerate(units):
            unit = db.session.scalar(select(Unit).where(Unit.name == name))
            author = db.session.scalar(select(User).where(User.unit_id == unit.id, User.role == Role.LIAISON))
            if author is None:
                author = User(username=f"liaison-{unit.id}", display_name=f"{name}联络员", role=Role.LIAISON,
                              unit=unit)
                author.set_password("irrelevant-password-1")
                db.session.add(author)
            report = ProgressReport(task=task, unit=unit, author=author, created_at=datetime(2026, month, 1 + n, 2),
                                    progress=f"{name}{month}月进展")
            db.session.add(report)
            db.session.add(Attachment(report=report, task=task, uploaded_by=author,
                                      original_name=f"{name}{month}月佐证.pdf", stored_name=f"{task_id}-{month}-{n}.pdf",
                                      kind="pdf", size=10, sha256="0" * 64))
        db.session.commit()


def assign(app, task_id: int, units: list[str]) -> None:
    """Give task ``task_id`` the named new units as supporting units (协办)."""
    with app.app_context():
        task = db.session.get(Task, task_id)
        for name in units:
            unit = Unit(name=name)
            task.assignments.append(Assignment(unit=unit, role=AssignmentRole.SUPPORTING,
                                               position=len(task.assignments)))
        db.session.commit()


def split(app, task_id: int, units: list[str]) -> None:
    """The supervising office splits task ``task_id`` into one sub-task for each unit named (made when missing)."""
    with app.app_context():
        for name in units:
            if db.session.scalar(select(Unit).where(Unit.name == name)) is None:
                db.session.add(Unit(name=name))
        db.session.commit()
        split_task(db.session.scalar(select(User).where(User.username == "sup")), task_id, units)


def test_task_page_reads_the_same_few_statements_however_many_reports_units_and_sub_tasks(
        empty_app, world):
    task = world.tasks["T3"]  # led by 乙局, in progress
    assign(empty_app, task, ["丁局"])
    split(empty_app, task, ["戊局"])
    add_reports(empty_app, task, ["乙局", "丁局"], 9)
    office_client, lead_client = empty_app.test_client(), empty_app.test_client()
    sign_in(office_client, "sup")
    sign_in(lead_client, "lb")
    viewers = {"supervising office": office_client, "lead liaison": lead_client}

    def statements() -> dict[str, int]:
        counts = {}
        for who, client in viewers.items():
            assert client.get(f"/tasks/{task}").status_code == 200  # warm up: the session's first reads
            counts[who] = count_statements(empty_app, lambda: client.get(f"/tasks/{task}"))
        return counts

    small = statements()
    assign(empty_app, task, ["己局", "庚局", "辛局"])
    split(empty_app, task, ["壬局", "癸局", "子局"])
    add_reports(empty_app, task, ["乙局", "丁局", "己局", "庚局", "辛局"], 10)
    add_reports(empty_app, task, ["乙局", "丁局", "己局", "庚局", "辛局"], 11)
    large = statements()

    assert large == small, f"statements per task page with 2 reports {small}, with 12 reports {large}"
    assert max(large.values()) <= MOST_STATEMENTS, large
    page = office_client.get(f"/tasks/{task}").get_data(as_text=True)
    for shown in ["辛局11月佐证.pdf", "乙局9月佐证.pdf", "辛局联络员", "癸局", "戊局"]:
        assert shown in page


# A measure with neither sub-measures nor sub-tasks (most task pages, and every page of the closed loop's writers):
# whether it has either comes with the task's own statement, so neither is asked for apart (issue 19, item 29;
# before, 2 statements more: its sub-tasks, and its sub-measures for the split form). Nor its extension requests,
# reminders or the unit's close-request drafts when it has none (item 30: 3 statements more before).
LEAF_STATEMENTS = 7


def test_a_measure_without_sub_tasks_or_sub_measures_is_not_asked_for_either(empty_app, world):
    task = world.tasks["T3"]  # led by 乙局, in progress; no sub-measures, not split
    add_reports(empty_app, task, ["乙局"], 9)
    office_client = empty_app.test_client()
    sign_in(office_client, "sup")
    assert office_client.get(f"/tasks/{task}").status_code == 200  # warm up: the session's first reads

    leaf = count_statements(empty_app, lambda: office_client.get(f"/tasks/{task}"))
    page = office_client.get(f"/tasks/{task}").get_data(as_text=True)

    assert leaf <= LEAF_STATEMENTS, leaf
    assert "分解任务" in page and "乙局9月佐证.pdf" in page  # the split form is offered, the report shown
    assert 'id="subtasks"' not in page
    split(empty_app, task, ["戊局"])
    page = office_client.get(f"/tasks/{task}").get_data(as_text=True)
    assert 'id="subtasks"' in page and "共 <strong>1</strong> 项子任务" in page  # once split, its sub-task is read


def test_the_reminders_extension_requests_and_close_drafts_of_a_task_are_read_only_when_it_has_some(empty_app, world):
    """Most task pages have no reminder, extension request or close-request draft of the viewer's unit: the task's
    own statement says so and the page does not ask for them (issue 19, item 30; 3 statements each page before).
    Once the lead unit's liaison has filed a close request and an extension request for its leader to sign, and
    the supervising office has sent a reminder, the same page shows all three."""
    task = world.tasks["T3"]  # led by 乙局, in progress
    lead_client = empty_app.test_client()
    sign_in(lead_client, "lb")
    assert lead_client.get(f"/tasks/{task}").status_code == 200  # warm up: the session's first reads
    quiet = count_statements(empty_app, lambda: lead_client.get(f"/tasks/{task}"))
    page = lead_client.get(f"/tasks/{task}").get_data(as_text=True)
    assert quiet <= LEAF_STATEMENTS + 1, quiet  # a liaison's page reads one more: the unit's unacknowledged reminders
    for absent in ["监测指标体系已建成，申请办结", "需等待省级数据接口", "请于月底前报送监测指标体系终稿"]:
        assert absent not in page

    with empty_app.app_context():
        db.session.get(Unit, world.units["B"]).signoff_required = True  # 乙局's reports and requests need sign-off
        db.session.commit()
        liaison = db.session.get(User, world.users["lb"])
        request_extension(task, liaison, date(2027, 6, 30), "需等待省级数据接口", None)
        request_close(task, db.session.get(User, world.users["lb"]), "监测指标体系已建成，申请办结", None)
        send_reminder(task, world.units["B"], db.session.get(User, world.users["sup"]), "请于月底前报送监测指标体系终稿",
                      None, None)
    busy = count_statements(empty_app, lambda: lead_client.get(f"/tasks/{task}"))
    page = lead_client.get(f"/tasks/{task}").get_data(as_text=True)

    assert busy > quiet, (quiet, busy)
    assert "申请办结：监测指标体系已建成，申请办结" in page  # the unit's close-request draft, waiting for its leader
    assert "需等待省级数据接口" in page  # the extension request
    assert "请于月底前报送监测指标体系终稿" in page  # the reminder
