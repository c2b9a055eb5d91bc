"""A newcomer's first hour on the demo (README "Two commands"): each page met from the top bar says, on the data a
first start has, what it shows and what to do next, in Chinese and in the words of whoever reads it.

Found by signing in as duban, guanli, zjj and yzjrb on a clean clone and opening every page of the top bar
(issue: a newcomer's first hour). Runs on the seeded demo (tests/conftest.py ``app``) and, for an office with no
plan yet, the empty migrated database.
"""
from __future__ import annotations

from tests.helpers.forms import Auth


def test_a_district_liaison_with_no_task_yet_is_told_why_the_plan_list_is_empty_and_where_its_tasks_will_be(
        signed_in):
    # 渝中区金融办 leads nothing in the 重庆 plan until 市金融办's liaison splits a task to it (README, splitting)
    page = signed_in("yzjrb").get("/plans").get_data(as_text=True)
    assert "目前还没有本单位承办任务的方案" in page and "牵头单位分解给本单位" in page
    assert 'href="/my-tasks">本单位任务</a>' in page
    assert "flask" not in page and "还没有方案。" not in page  # neither a command line nor "there is no plan"

    # zjj has tasks in the plan: the list shows it, with its ledger to download
    listed = signed_in("zjj").get("/plans").get_data(as_text=True)
    assert "重庆市金融去杠杆防风险专项方案" in listed and "目前还没有本单位承办任务的方案" not in listed


def test_an_office_with_no_plan_yet_is_told_to_press_import_not_to_open_a_terminal(empty_app):
    runner = empty_app.test_cli_runner()
    made = runner.invoke(args=["create-user", "boss", "--role", "supervisor", "--password-stdin"],
                         input="Xy7-long-password\n")
    assert made.exit_code == 0, made.output
    client = empty_app.test_client()
    assert Auth(client, {"boss": "Xy7-long-password"}).login("boss").status_code == 302

    page = client.get("/plans").get_data(as_text=True)
    assert "还没有方案。点右上角“导入方案”" in page and 'href="/plans/import"' in page
    assert "flask --app" not in page


def test_a_unit_given_no_task_yet_is_not_thanked_for_reports_on_its_home_and_sees_its_task_once_split_to_it(
        app, signed_in):
    from sqlalchemy import select

    from tracker.extensions import db
    from tracker.models import Assignment, AssignmentRole, Task, Unit, User
    from tracker.services.plans.subtasks import split_task

    district = signed_in("yzjrb")
    empty = district.get("/").get_data(as_text=True)
    assert 'id="home-no-tasks"' in empty and "本单位目前没有承办的任务，暂时不需要报送进展" in empty
    assert 'href="/notifications"' in empty
    assert "本期进展已全部报送，谢谢" not in empty and "没有红灯任务" not in empty  # nothing owed, nothing to thank for
    assert 'id="home-bulletins"' in empty  # the 通报 are still there for it to read

    # 市金融办's liaison splits a task it leads to 渝中区金融办 (README, splitting in the demo)
    with app.app_context():
        office = db.session.scalar(select(Unit).where(Unit.name == "市金融办"))
        led = db.session.scalars(select(Task).join(Assignment).where(
            Assignment.unit_id == office.id, Assignment.role == AssignmentRole.LEAD, Task.children == None)  # noqa: E711
            .order_by(Task.id)).first()
        jrb = db.session.scalar(select(User).where(User.username == "jrb"))
        split_task(jrb, led.id, ["渝中区金融办"])
    home = district.get("/").get_data(as_text=True)
    assert "home-no-tasks" not in home and "本期应报送" in home
