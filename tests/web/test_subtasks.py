"""Decomposition (层层分解, issue 18): the supervising office or a lead unit splits a task to child
units; each sub-task has its own reports and light; the parent rolls them up and cannot close while
they are open unless the supervisor gives a reason. Runs on small_world plus tests/helpers/districts.py
(T7 一（六） led by the group 各区县〔自治县〕人民政府 with three districts, due 2026-12-31)."""
from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import func, select

from tests.helpers.districts import DISTRICTS, GROUP, add_districts
from tracker.extensions import db
from tracker.models import JournalEntry, Task, TaskStatus, User
from tracker.services.errors import InvalidInput, PermissionDenied
from tracker.services.plans.subtasks import rollup, split_task, split_to_members
from tracker.services.scope import task_scope
from tracker.services.workflow import review_close
from tracker.services.workflow.progress import add_report


@pytest.fixture
def districts(empty_app, world):
    return add_districts(empty_app, world)


def user(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def test_subtasks_group_task_split_to_every_district_in_one_action(empty_app, districts):
    with empty_app.app_context():
        made = split_to_members(user("sup"), districts.task)
        assert [(t.number_display, [u.name for u in t.lead_units]) for t in made] == [
            ("一（六）-1", ["南岸区人民政府"]), ("一（六）-2", ["江北区人民政府"]), ("一（六）-3", ["渝中区人民政府"])]
        parent = db.session.get(Task, districts.task)
        assert all(t.split_from_id == parent.id and t.due_date == date(2026, 12, 31) for t in made)
        assert all(t.deadline == "2026年12月31日前" and t.title == "推进区县风险排查" for t in made)
        assert not parent.is_heading  # a split task stays a task
        assert rollup(parent).as_dict() == {"total": 3, "reported": 0, "closed": 0, "red": 0}
        with pytest.raises(InvalidInput, match="已分解给全部下级单位"):
            split_to_members(user("sup"), districts.task)
        entries = db.session.scalars(select(JournalEntry.new_text).where(JournalEntry.task_id == parent.id,
                                                                          JournalEntry.field == "subtask")).all()
        assert len(entries) == 3


def test_subtasks_count_as_tasks_of_their_unit_and_the_parent_still_counts(empty_app, districts):
    with empty_app.app_context():
        split_task(user("sup"), districts.task, [DISTRICTS["lyz"]])
        leaves = set(db.session.scalars(task_scope(None).live().leaves().ids()))
        measures = set(db.session.scalars(task_scope(None).live().leaves().measures().ids()))
        subs = set(db.session.scalars(task_scope(None).subtasks().ids()))
        assert districts.task in leaves and districts.task in measures
        assert len(subs) == 1 and subs <= leaves and not subs & measures
        mine = db.session.scalars(task_scope(user("lyz")).live().leaves().ids()).all()
        assert mine == list(subs)  # the district sees its sub-task, not the group's task


def test_subtasks_lead_liaison_splits_only_to_units_under_its_own(empty_app, districts):
    with empty_app.app_context():
        made = split_task(user("lg"), districts.task, [DISTRICTS["ljb"]], deadline="2026-11-30")
        assert made[0].due_date == date(2026, 11, 30) and made[0].deadline == "2026年11月30日前"
        with pytest.raises(InvalidInput, match="不是本单位的下级单位"):
            split_task(user("lg"), districts.task, ["甲局"])
        with pytest.raises(PermissionDenied, match="无权查看或办理"):
            split_task(user("la"), districts.task, [DISTRICTS["lna"]])
        with pytest.raises(InvalidInput, match="不能晚于原任务的完成时限（2026年12月31日前）"):
            split_task(user("sup"), districts.task, [DISTRICTS["lna"]], deadline="2027年3月底前")
        with pytest.raises(InvalidInput, match="不在单位名录中"):
            split_task(user("sup"), districts.task, ["璧山区人民政府"])
        with pytest.raises(InvalidInput, match="不能重复分解"):
            split_task(user("sup"), districts.task, [DISTRICTS["ljb"]])
        assert db.session.scalar(select(func.count(Task.id)).where(Task.split_from_id.is_not(None))) == 1


def test_subtasks_roll_up_follows_district_reports_and_closing(empty_app, districts):
    with empty_app.app_context():
        subs = split_to_members(user("sup"), districts.task)
        by_unit = {t.lead_units[0].name: t for t in subs}
        add_report(by_unit[DISTRICTS["lyz"]], user("lyz"), "渝中区排查完成 80%。", "", "")
        add_report(by_unit[DISTRICTS["ljb"]], user("ljb"), "江北区已排查 12 家。", "", "")
        parent = db.session.get(Task, districts.task)
        assert rollup(parent).as_dict() == {"total": 3, "reported": 2, "closed": 0, "red": 0}
        assert by_unit[DISTRICTS["lyz"]].status is TaskStatus.IN_PROGRESS  # its own status, started by its report


def test_subtasks_parent_cannot_close_while_open_unless_supervisor_gives_a_reason(empty_app, districts):
    with empty_app.app_context():
        split_task(user("sup"), districts.task, [DISTRICTS["lyz"]])
        parent = db.session.get(Task, districts.task)
        parent.status = TaskStatus.CLOSE_REQUESTED
        db.session.commit()
        with pytest.raises(InvalidInput, match="该任务还有子任务未办结：一（六）-1（渝中区人民政府）共 1 项"):
            review_close(districts.task, user("sup"), True, "", None)
        with pytest.raises(InvalidInput, match="子任务未办结"):
            add_report(db.session.get(Task, districts.task), user("sup"), "统一办结。", "", "", TaskStatus.CLOSED)
        closed = review_close(districts.task, user("sup"), True, "区县任务已并入年度考核，提前办结。", None)
        assert closed.status is TaskStatus.CLOSED
        texts = db.session.scalars(select(JournalEntry.new_text).where(JournalEntry.task_id == districts.task,
                                                                        JournalEntry.field == "review")).all()
        assert texts == ["同意办结（1 项子任务未办结）：区县任务已并入年度考核，提前办结。"]


def test_subtasks_api_split_and_task_json_give_subtasks_and_rollup(api, empty_app, districts):
    client, bearer = api
    sup = bearer("sup")
    response = client.post(f"/api/v1/tasks/{districts.task}/subtasks", headers=sup,
                           json={"unit": DISTRICTS["lyz"], "title": "渝中区风险排查"})
    assert response.status_code == 201, response.get_json()
    sub = response.get_json()
    assert sub["parent_id"] == districts.task and sub["lead_units"] == [DISTRICTS["lyz"]]
    assert sub["title"] == "渝中区风险排查" and sub["due_date"] == "2026-12-31" and sub["number"] == "一（六）-1"
    body = client.get(f"/api/v1/tasks/{districts.task}", headers=sup).get_json()
    assert [t["id"] for t in body["subtasks"]] == [sub["id"]] and body["parent_id"] is None
    assert body["rollup"] == {"total": 1, "reported": 0, "closed": 0, "red": 0}
    # the district reports through the API on its own sub-task; the roll-up follows
    lyz = bearer("lyz")
    assert client.post(f"/api/v1/tasks/{sub['id']}/reports", headers=lyz, json={"progress": "已排查。"}).status_code == 201
    assert client.get(f"/api/v1/tasks/{districts.task}", headers=sup).get_json()["rollup"]["reported"] == 1
    # the group: one request splits to the remaining members
    group = client.post(f"/api/v1/tasks/{districts.task}/subtasks", headers=bearer("lg"), json={"unit": GROUP})
    assert group.status_code == 201 and group.get_json()["lead_units"] == [DISTRICTS["lna"]]
    body = client.get(f"/api/v1/tasks/{districts.task}", headers=sup).get_json()
    assert sorted(t["lead_units"][0] for t in body["subtasks"]) == sorted(DISTRICTS.values())
    assert body["rollup"] == {"total": 3, "reported": 1, "closed": 0, "red": 0}
    again = client.post(f"/api/v1/tasks/{districts.task}/subtasks", headers=sup, json={"unit": GROUP})
    assert again.status_code == 409 and "全部下级单位" in again.get_json()["error"]


def test_subtasks_api_refuses_others_and_bad_bodies(api, empty_app, districts):
    client, bearer = api
    url = f"/api/v1/tasks/{districts.task}/subtasks"
    assert client.post(url, headers=bearer("la"), json={"unit": DISTRICTS["lyz"]}).status_code == 404  # not its task
    assert client.post(url, headers=bearer("viewer"), json={"unit": DISTRICTS["lyz"]}).status_code == 403
    assert client.post(url, headers=bearer("lyz"), json={"unit": DISTRICTS["lyz"]}).status_code == 404
    bad = client.post(url, headers=bearer("sup"), json={"unit": "  "})
    assert bad.status_code == 400 and "unit" in bad.get_json()["error"]
    unknown = client.post(url, headers=bearer("sup"), json={"unit": "璧山区人民政府"})
    assert unknown.status_code == 409 and "不在单位名录中" in unknown.get_json()["error"]
    with empty_app.app_context():
        assert db.session.scalar(select(func.count(Task.id)).where(Task.split_from_id.is_not(None))) == 0


def test_subtasks_task_page_splits_to_the_group_members_and_shows_the_rollup(empty_app, districts):
    from tests.helpers.forms import csrf_token
    from tests.helpers.small_world import sign_in

    client = empty_app.test_client()
    sign_in(client, "sup")
    page = client.get(f"/tasks/{districts.task}").get_data(as_text=True)
    assert 'id="split-form"' in page and "分解给全部下级单位（各区县〔自治县〕人民政府）" in page
    with empty_app.app_context():
        version = db.session.get(Task, districts.task).version
    done = client.post(f"/tasks/{districts.task}/subtasks", data={"csrf_token": csrf_token(page), "version": version,
                                                                 "members": "1"}, follow_redirects=True)
    # the page opens at 分解情况, where the new sub-tasks are (screens below the top on a phone)
    assert done.history[0].headers["Location"].endswith(f"/tasks/{districts.task}#subtasks")
    text = done.get_data(as_text=True)
    assert done.status_code == 200 and "已分解为 3 项子任务" in text
    assert "共 <strong>3</strong> 项子任务：已报送 <strong>0</strong> 项" in text
    assert text.count('class="subtask-row"') == 3 and 'id="split-members"' not in text
    # the district's liaison sees its sub-task, where it came from, and may report
    district = empty_app.test_client()
    sign_in(district, "ljb")
    with empty_app.app_context():
        sub = db.session.scalar(select(Task).where(Task.split_from_id == districts.task,
                                                   Task.assignments.any(unit_id=districts.units[DISTRICTS["ljb"]])))
        sub_id = sub.id
    own = district.get(f"/tasks/{sub_id}").get_data(as_text=True)
    assert 'id="split-from"' in own and "推进区县风险排查（各区县〔自治县〕人民政府牵头）" in own
    assert 'id="report-form"' in own
    # a liaison of the group may split too, but only to units under it: a stale or empty choice is refused
    group = empty_app.test_client()
    sign_in(group, "lg")
    refused = group.post(f"/tasks/{districts.task}/subtasks",
                         data={"csrf_token": csrf_token(group.get(f"/tasks/{districts.task}").get_data(as_text=True)),
                               "version": version + 10, "split_units": ["甲局"]})
    assert refused.status_code == 409  # stale version: the conflict page


def test_subtasks_ledger_lists_the_subtask_rows_under_their_parent(empty_app, districts):
    from tracker.services.ledger.export import build_ledger

    with empty_app.app_context():
        split_to_members(user("sup"), districts.task)
        rows = build_ledger(user("sup"), db.session.scalar(select(Task.plan_id).where(Task.id == districts.task))).rows
        numbers = [r.number for r in rows]
        at = numbers.index("一（六）")
        assert numbers[at:at + 4] == ["一（六）", "一（六）-1", "一（六）-2", "一（六）-3"]
        assert [r.lead_units for r in rows[at:at + 4]] == [[GROUP], ["南岸区人民政府"], ["江北区人民政府"], ["渝中区人民政府"]]
        # a district's own copy holds its sub-task only
        mine = build_ledger(user("ljb"), None).rows
        assert [(r.number, r.lead_units) for r in mine] == [("一（六）-2", ["江北区人民政府"])]


def test_subtasks_the_splitting_lead_unit_reads_its_subtasks_but_does_not_report_on_them(empty_app, districts):
    from tests.helpers.small_world import sign_in

    with empty_app.app_context():
        sub_id = split_task(user("lg"), districts.task, [DISTRICTS["lyz"]])[0].id
    group = empty_app.test_client()
    sign_in(group, "lg")
    page = group.get(f"/tasks/{sub_id}")
    assert page.status_code == 200 and 'id="report-form"' not in page.get_data(as_text=True)
    parent = group.get(f"/tasks/{districts.task}").get_data(as_text=True)
    assert f'href="/tasks/{sub_id}"' in parent  # the roll-up links to the sub-task
    other = empty_app.test_client()
    sign_in(other, "la")
    assert other.get(f"/tasks/{sub_id}").status_code == 403
    sibling = empty_app.test_client()
    sign_in(sibling, "ljb")
    assert sibling.get(f"/tasks/{sub_id}").status_code == 403  # another district's sub-task


def test_subtasks_a_ledger_import_cannot_close_a_parent_whose_subtasks_are_open(empty_app, districts, tmp_path):
    from tests.helpers.ledger import edit, export

    with empty_app.app_context():
        split_task(user("sup"), districts.task, [DISTRICTS["lyz"]])
        plan_id = db.session.scalar(select(Task.plan_id).where(Task.id == districts.task))
    ledger = export(empty_app, tmp_path / "台账.xlsx", "--plan", str(plan_id))
    edit(ledger, tmp_path / "改.xlsx", {"一（六）": {"完成状态": "已办结"}})
    result = empty_app.test_cli_runner().invoke(args=["import-ledger", str(tmp_path / "改.xlsx")])
    assert result.exit_code == 0 and "tasks updated: 0" in result.output  # the row's 完成状态 is refused with a note
    with empty_app.app_context():
        assert db.session.get(Task, districts.task).status is not TaskStatus.CLOSED


def test_subtasks_dashboard_reads_the_list_and_the_ranking_per_level(api, empty_app, districts, monkeypatch):
    """The supervising office's 层级 filter (issue 18: "the ranking can be read per level"): 方案任务
    lists the plan's own measures and ranks their units, 分解子任务 only the districts' sub-tasks; the
    API's task list takes the same filter (TaskFilters)."""
    from datetime import datetime

    import tracker.clock
    from tests.helpers.small_world import sign_in

    with monkeypatch.context() as now, empty_app.app_context():  # split on the world's day: counted from it on
        now.setattr(tracker.clock, "utcnow", lambda: datetime(2026, 11, 21, 2, 0))
        made = [t.id for t in split_to_members(user("sup"), districts.task)]
    client, bearer = api
    sign_in(client, "sup")

    def section(page: str, start: str, end: str) -> str:
        first = page.index(start)
        return page[first:page.index(end, first)]

    subs = client.get("/dashboard?level=subtasks").get_data(as_text=True)
    listing = section(subs, 'id="task-list"', "</section>")
    assert "共 3 项" in listing and "一（六）-1" in listing and "建立风险台账" not in listing
    ranking = section(subs, 'id="ranking"', 'id="h-trend"')
    assert "南岸区人民政府" in ranking and "甲局" not in ranking
    assert '<option value="subtasks" selected>分解子任务</option>' in subs
    measures = client.get("/dashboard?level=measures").get_data(as_text=True)
    listing = section(measures, 'id="task-list"', "</section>")
    assert "一（六）-1" not in listing and "建立风险台账" in listing
    ranking = section(measures, 'id="ranking"', 'id="h-trend"')
    assert "南岸区人民政府" not in ranking and "甲局" in ranking
    everything = client.get("/dashboard").get_data(as_text=True)
    assert "一（六）-1" in section(everything, 'id="task-list"', "</section>")
    bad = client.get("/dashboard?level=street").get_data(as_text=True)
    assert "未知的层级“street”，已忽略" in bad
    api_items = client.get("/api/v1/tasks?level=subtasks", headers=bearer("sup")).get_json()["items"]
    assert sorted(t["id"] for t in api_items) == sorted(made)


def test_subtasks_the_supervising_office_never_splits_a_task_to_itself(empty_app, districts):
    """The 督查室 splitting a task sees every other live unit in the form, not its own office, and a
    request naming its own office is refused with the reason (one rule: subtasks._refusal)."""
    from tracker.services.plans.subtasks import split_candidates

    with empty_app.app_context():
        sup, task = user("sup"), db.session.get(Task, districts.task)
        names = {u.name for u in split_candidates(sup, task)}
        assert "督查室" not in names and {"甲局", *DISTRICTS.values()} <= names
        assert GROUP not in names  # the task's own lead unit is not offered either
        with pytest.raises(InvalidInput, match="是您所在的单位"):
            split_task(sup, districts.task, ["督查室"])
        lg_names = {u.name for u in split_candidates(user("lg"), task)}
        assert lg_names == set(DISTRICTS.values())  # a lead liaison: only the units under its own


def test_subtasks_a_refused_split_keeps_the_units_ticked_and_the_kept_lines_are_those_rendered_afresh(empty_app,
                                                                                                     districts):
    """The 督查室 ticks two districts, types a 任务名称 far too long and is refused: the page shows the form again
    with exactly those two units ticked, every other unit offered unticked, each a checkbox inside its label (a
    phone has no Ctrl to pick several options of a list), names escaped — the same lines the widget renders with
    nothing kept (the lines are kept per process, issue 19) — and the next page, with nothing ticked, lists the
    same units again."""
    from markupsafe import Markup

    from tests.helpers.forms import csrf_token, form_version
    from tests.helpers.small_world import sign_in
    from tracker.models import Unit
    from tracker.tasks import forms
    from tracker.tasks.forms import SplitForm

    with empty_app.app_context():
        db.session.add(Unit(name="研究室<综合>&调研"))  # a name that must be escaped in the page
        db.session.commit()
    client = empty_app.test_client()
    sign_in(client, "sup")
    page = client.get(f"/tasks/{districts.task}").get_data(as_text=True)
    assert "Ctrl" not in page and "勾选一个或多个单位" in page
    chosen = [DISTRICTS["lyz"], "研究室<综合>&调研"]
    refused = client.post(f"/tasks/{districts.task}/subtasks", data={
        "csrf_token": csrf_token(page), "version": form_version(page), "split_units": chosen, "split_title": "长" * 600})
    assert refused.status_code == 400
    html = refused.get_data(as_text=True)
    assert "任务名称不能超过 500 字" in html
    shown = html[html.index('<div class="unit-checks split-checks border rounded p-2" id="split_units">'):]
    shown = shown[:shown.index("</div>") + len("</div>")]
    offered = re.findall(r'<label><input [^>]*value="([^"]*)"> (?:<span>)?([^<]*)', shown)
    assert all(value == label for value, label in offered)  # each box is named by its unit
    # a unit with no account yet says so beside its name (notifications.reach_column): 研究室 has none
    notes = dict(re.findall(r'value="([^"]*)"> <span>[^<]*<span class="unit-note">（([^<]*)）</span>', shown))
    assert notes == {"研究室&lt;综合&gt;&amp;调研": "尚无账号，通知无人接收"}
    offered = [value for value, _ in offered]
    assert "研究室&lt;综合&gt;&amp;调研" in offered and DISTRICTS["lna"] in offered and "督查室" not in offered
    assert sorted(re.findall(r'<input checked [^>]*value="([^"]*)">', shown)) == sorted(
        [DISTRICTS["lyz"], "研究室&lt;综合&gt;&amp;调研"])
    with empty_app.test_request_context():
        form = SplitForm(formdata=None)
        form.split_units.choices = [(Markup(v).unescape(), Markup(v).unescape()) for v in offered]
        form.split_units.data = chosen
        form.split_units.notes = {Markup(v).unescape(): note for v, note in notes.items()}
        forms._KEPT_CHECKS.clear()
        assert shown == form.split_units(class_="border rounded p-2")
    again = client.get(f"/tasks/{districts.task}").get_data(as_text=True)
    assert f'<input checked name="split_units" type="checkbox" value="{DISTRICTS["lyz"]}">' \
        not in again and f'name="split_units" type="checkbox" value="{DISTRICTS["lyz"]}">' in again


def test_subtasks_splitting_to_a_district_without_a_liaison_says_who_must_create_one(empty_app, districts):
    """The group's liaison splits T7 to 渝中区 and 江北区; 江北区's only liaison account is disabled, so nobody there
    would ever see its sub-task: the page says so and who creates the account, and names no staffed district."""
    from tests.helpers.forms import csrf_token, form_version
    from tests.helpers.small_world import sign_in

    with empty_app.app_context():
        user("ljb").active = False
        db.session.commit()
    group = empty_app.test_client()
    sign_in(group, "lg")
    page = group.get(f"/tasks/{districts.task}").text
    posted = group.post(f"/tasks/{districts.task}/subtasks", follow_redirects=True, data={
        "csrf_token": csrf_token(page), "version": form_version(page),
        "split_units": [DISTRICTS["lyz"], DISTRICTS["ljb"]]})
    assert posted.history[0].headers["Location"].endswith(f"/tasks/{districts.task}")  # the warning on top comes first
    done = posted.text
    assert "已分解为 2 项子任务" in done
    assert ("江北区人民政府 还没有任何账号：交办通知无人接收，也无人能签收和报送；请管理员在“管理 → 用户管理”中为其创建"
            "联络员账号，联络员登录后即可在“本单位任务”中签收和报送。") in done
    assert "渝中区人民政府 还没有" not in done


def test_subtasks_a_district_without_a_liaison_hears_of_its_part_through_its_leader_or_the_splitter_is_told(
        empty_app, districts):
    """The group's liaison (lg) splits T7 to its three districts. 渝中区 has its liaison; 江北区's liaison left (account
    disabled) but its unit leader has an account; 南岸区 has no account at all. Nobody at 江北区 or 南岸区 used to hear
    of the sub-task, and the group learnt it only from a flash. Now 江北区's leader is told (新交办任务,
    notifications.unit_audience), and the group is told on the split form, after the split and on 分解情况 which
    district has no one to receive it and what to do: an administrator creates a liaison (用户管理)."""
    from bs4 import BeautifulSoup

    from tests.helpers.forms import csrf_token, form_version
    from tests.helpers.small_world import PASSWORD, sign_in
    from tracker.models import Notification, Role, Unit

    with empty_app.app_context():
        user("ljb").active = False
        user("lna").active = False
        leader = User(username="jbld", display_name="江北区分管领导", role=Role.LEADER,
                      unit=db.session.get(Unit, districts.units[DISTRICTS["ljb"]]))
        leader.set_password(PASSWORD)
        db.session.add(leader)
        db.session.commit()
    group = empty_app.test_client()
    sign_in(group, "lg")
    page = group.get(f"/tasks/{districts.task}").text
    form = BeautifulSoup(page, "html.parser").select_one("#split-form")
    boxes = {label.find("input")["value"]: label.get_text(" ", strip=True) for label in form.select("#split_units label")}
    assert boxes == {DISTRICTS["lyz"]: DISTRICTS["lyz"],
                     DISTRICTS["ljb"]: f"{DISTRICTS['ljb']} （尚无联络员，通知只发给单位负责人）",
                     DISTRICTS["lna"]: f"{DISTRICTS['lna']} （尚无账号，通知无人接收）"}
    assert "请管理员在“管理 → 用户管理”中为其创建联络员账号" in form.select_one("#split-unheard").get_text()

    posted = group.post(f"/tasks/{districts.task}/subtasks", follow_redirects=True, data={
        "csrf_token": csrf_token(page), "version": form_version(page), "split_units": list(DISTRICTS.values())})
    warnings = [alert.get_text(strip=True) for alert in BeautifulSoup(posted.text, "html.parser").select(".alert-warning")]
    assert warnings == [
        "南岸区人民政府 还没有任何账号：交办通知无人接收，也无人能签收和报送；请管理员在“管理 → 用户管理”中为其创建"
        "联络员账号，联络员登录后即可在“本单位任务”中签收和报送。",
        "江北区人民政府 还没有联络员账号：交办通知已发给其单位负责人，但无人能签收和报送；请管理员在“管理 → 用户管理”中"
        "为其创建联络员账号，联络员登录后即可在“本单位任务”中签收和报送。"]
    with empty_app.app_context():
        told = {db.session.get(User, n.user_id).username for n in db.session.scalars(
            select(Notification).where(Notification.kind == "task_assigned"))}
    assert told == {"lyz", "jbld"}  # 江北区's leader stands in for its liaison; 南岸区: nobody to tell

    def unheard() -> dict[str, str]:
        soup = BeautifulSoup(group.get(f"/tasks/{districts.task}").text, "html.parser")
        return {row.select_one('[data-label="承办单位"]').contents[0].strip(): row.select_one(".subtask-unheard")
                .get_text(strip=True) for row in soup.select("#subtasks .subtask-row") if row.select_one(".subtask-unheard")}
    assert set(unheard()) == {DISTRICTS["ljb"], DISTRICTS["lna"]}
    assert unheard()[DISTRICTS["lna"]].startswith("南岸区人民政府 还没有任何账号：交办通知无人接收")

    with empty_app.app_context():  # the administrator gives 南岸区 its liaison again: nothing more to say of it
        user("lna").active = True
        db.session.commit()
    assert set(unheard()) == {DISTRICTS["ljb"]}


def test_subtasks_an_exported_ledger_read_back_shows_each_subtask_by_its_own_number(empty_app, districts):
    """The office exports the plan after splitting T7 and uploads it again: the preview lists 一（六）-1 … -3
    (the 序号 the file holds), not three more lines numbered 一（六） like their parent."""
    from tests.helpers.ledger import preview_url, upload
    from tests.helpers.small_world import sign_in

    with empty_app.app_context():
        split_to_members(user("sup"), districts.task)
        plan_id = db.session.scalar(select(Task.plan_id).where(Task.id == districts.task))
    client = empty_app.test_client()
    sign_in(client, "sup")
    exported = client.get(f"/plans/{plan_id}/ledger.xlsx").data
    page = client.get(preview_url(upload(client, exported, "台账.xlsx"))).text
    numbers = re.findall(r'<td class="num"[^>]*>([^<]*)</td>', page)  # the preview's 序号 cells (data-label on a phone)
    at = numbers.index("一（六）")
    assert numbers[at:at + 4] == ["一（六）", "一（六）-1", "一（六）-2", "一（六）-3"]


def test_subtasks_a_date_picked_on_the_split_form_reads_as_a_deadline_in_the_ledger(app, client, auth, signed_in):
    # 市金融办's liaison splits 二（一） to two of its districts, due on 20 December, picked on the form. The work ledger
    # the office sends out wrote that sub-task's 完成时限 "2026-12-20" among rows reading "2026年12月25日前（督办部门确定）";
    # it reads "2026年12月20日前" (a later date than the task's is refused in the same words: the test above).
    from io import BytesIO

    import openpyxl

    from tests.helpers.forms import csrf_token, form_version
    from tests.helpers.ledger import data_rows
    from tests.helpers.reports import task_id

    tid = task_id(app, ["二", "（一）"])
    auth.login("jrb")
    page = client.get(f"/tasks/{tid}").get_data(as_text=True)
    done = client.post(f"/tasks/{tid}/subtasks", data={
        "csrf_token": csrf_token(page), "version": form_version(page), "split_units": ["渝中区金融办", "江北区金融办"],
        "split_deadline": "2026-12-20"}, follow_redirects=True)
    assert "已分解为 2 项子任务" in done.get_data(as_text=True)
    book = openpyxl.load_workbook(BytesIO(signed_in("duban").get("/plans/1/ledger.xlsx").data))
    deadlines = {row["序号"]: row["完成时限"] for row in data_rows(book.worksheets[0])}
    assert deadlines["二（一）-1"] == deadlines["二（一）-2"] == "2026年12月20日前"


def test_subtasks_the_card_shows_each_subtasks_latest_report_a_line_with_its_day_and_unit(empty_app, districts):
    # 分解情况 gave counts and dates: the lead unit opened each sub-task to read what the district had done.
    from bs4 import BeautifulSoup

    from tests.helpers.small_world import sign_in

    long_text = "江北区已排查 12 家，" + "其中 3 家存在违规宣传，已责令整改并约谈负责人。" * 3
    with empty_app.app_context():
        subs = {t.lead_units[0].name: t.id for t in split_to_members(user("sup"), districts.task)}
        add_report(db.session.get(Task, subs[DISTRICTS["lyz"]]), user("lyz"), "渝中区排查完成 80%。", "", "")
        add_report(db.session.get(Task, subs[DISTRICTS["ljb"]]), user("ljb"), "江北区旧的一条。", "", "")
        add_report(db.session.get(Task, subs[DISTRICTS["ljb"]]), user("ljb"), long_text, "", "")
    group = empty_app.test_client()
    sign_in(group, "lg")
    soup = BeautifulSoup(group.get(f"/tasks/{districts.task}").get_data(as_text=True), "html.parser")
    cells = {row.find("td", attrs={"data-label": "承办单位"}).get_text(strip=True):
             row.find("td", attrs={"data-label": "最近报送"}) for row in soup.select("tr.subtask-row")}
    with empty_app.app_context():
        from tracker.models import ProgressReport
        day = db.session.scalar(select(ProgressReport).where(ProgressReport.task_id == subs[DISTRICTS["lyz"]])).report_day
    yz = cells[DISTRICTS["lyz"]]
    assert yz.find("div").get_text(strip=True) == f"{day.year}年{day.month}月{day.day}日 · {DISTRICTS['lyz']}"
    assert yz.select_one(".report-line").get_text() == "渝中区排查完成 80%。"
    jb = cells[DISTRICTS["ljb"]].select_one(".report-line").get_text()
    assert jb.startswith("江北区已排查 12 家") and jb.endswith("…") and len(jb) <= 40  # the newest, cut to a line
    assert "旧的一条" not in str(cells[DISTRICTS["ljb"]])
    third = next(name for name in cells if name not in (DISTRICTS["lyz"], DISTRICTS["ljb"]))
    assert cells[third].get_text(strip=True) == "未报送"


def test_subtasks_parent_closed_directly_by_the_office_needs_a_reason_while_one_is_open(empty_app, districts):
    from tracker.services.workflow import close_task

    with empty_app.app_context():
        split_task(user("sup"), districts.task, [DISTRICTS["lyz"]])
        with pytest.raises(InvalidInput, match="该任务还有子任务未办结：一（六）-1（渝中区人民政府）共 1 项"):
            close_task(districts.task, user("sup"), "  ", None)
        assert db.session.get(Task, districts.task).status is not TaskStatus.CLOSED
        closed = close_task(districts.task, user("sup"), "区县任务已并入年度考核，提前办结。", None)
        assert closed.status is TaskStatus.CLOSED
        texts = db.session.scalars(select(JournalEntry.new_text).where(JournalEntry.task_id == districts.task,
                                                                        JournalEntry.field == "review")).all()
        assert texts == ["督办部门直接办结（1 项子任务未办结）：区县任务已并入年度考核，提前办结。"]


def test_subtasks_are_never_offered_to_or_given_to_the_financial_institutions_of_the_indicators(empty_app, districts):
    """An indicator import creates the banks it reports on as units (金融机构); one was even put under the group in
    the registry. Splitting offers and takes only the units that take work: the districts, not the banks."""
    from tracker.models import Unit, UnitKind
    from tracker.services.plans.subtasks import split_candidates

    with empty_app.app_context():
        group = db.session.get(Unit, districts.group)
        db.session.add_all([Unit(name="重庆银行", kind=UnitKind.INSTITUTION),
                            Unit(name="重庆农村商业银行渝中支行", kind=UnitKind.INSTITUTION, parent=group)])
        db.session.commit()
        task = db.session.get(Task, districts.task)
        offered_to_group = [choice.name for choice in split_candidates(user("lg"), task)]
        assert offered_to_group == sorted(DISTRICTS.values())
        offered_to_office = [choice.name for choice in split_candidates(user("sup"), task)]
        assert "重庆银行" not in offered_to_office and "重庆农村商业银行渝中支行" not in offered_to_office
        assert set(DISTRICTS.values()) | {"甲局", "乙局"} <= set(offered_to_office)
        for actor, bank in (("sup", "重庆银行"), ("lg", "重庆农村商业银行渝中支行")):
            with pytest.raises(InvalidInput, match=f"“{bank}”是金融机构（指标监测的填报机构），不承办分解任务"):
                split_task(user(actor), districts.task, [bank])
        made = split_to_members(user("lg"), districts.task)  # the group's members that take work
        assert sorted(t.lead_units[0].name for t in made) == sorted(DISTRICTS.values())
