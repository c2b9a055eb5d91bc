"""A lead unit splits its task to its districts and reports to the supervising office what they reported.

On the seeded demo: 市金融办 (jrb) leads 二（一） and splits it to its three 区县金融办, each with its own deadline;
渝中 and 江北 report, 万州 does not. The lead unit's page offers 汇总子任务进展: its report form comes filled with a
line per district (and the one that has not reported), which it checks and sends as its own; the supervising office
then reads it on the task page and in the ledger's row of 二（一）. A supporting unit of 二（一）, which may not open the
districts' sub-tasks, is not offered their words.
"""
from __future__ import annotations

import html
from datetime import date
import re

from sqlalchemy import select

from tests.helpers.forms import csrf_token
from tests.helpers.reports import task_id
from tracker.extensions import db
from tracker.models import Task, User
from tracker.services.plans.subtasks import split_task
from tracker.services.workflow.progress import add_report

DISTRICTS = [("渝中区金融办", "yzjrb", "2026-12-15"), ("江北区金融办", "jbjrb", "2026-12-20"),
             ("万州区金融办", "wzjrb", "2026-12-22")]


def _user(name: str) -> User:
    return db.session.scalar(select(User).where(User.username == name))


def _split_and_two_report(app) -> tuple[int, dict[str, int]]:
    """jrb splits 二（一） to each district with its own deadline; 渝中 and 江北 report, 万州 does not."""
    parent = task_id(app, ["二", "（一）"])
    with app.app_context():
        subs = {unit: split_task(_user("jrb"), parent, [unit], deadline=due)[0].id for unit, _, due in DISTRICTS}
        add_report(db.session.get(Task, subs["渝中区金融办"]), _user("yzjrb"), "辖内要素市场机构排查完成，共 12 家。",
                   "2 家存在违规宣传。", "12 月底前完成整改。")
        add_report(db.session.get(Task, subs["江北区金融办"]), _user("jbjrb"), "已召开专题会议部署，\n排查完成 60%。",
                   "", "")
    return parent, subs


def _textarea(page: str, name: str) -> str:
    found = re.search(rf'<textarea[^>]*name="{name}"[^>]*>(.*?)</textarea>', page, re.S)
    return html.unescape(found.group(1)).strip("\r\n")


def test_the_lead_unit_gathers_what_its_districts_reported_into_its_own_report(app, client, auth):
    parent, _ = _split_and_two_report(app)
    auth.login("jrb")
    page = client.get(f"/tasks/{parent}").text
    assert 'id="consolidate-link"' in page and f'href="/tasks/{parent}?from_subtasks=1#report-form"' in page
    assert _textarea(page, "progress") == ""  # nothing is filled in until the lead unit asks

    filled = client.get(f"/tasks/{parent}?from_subtasks=1")
    assert filled.status_code == 200 and 'id="consolidated-note"' in filled.text
    progress = _textarea(filled.text, "progress").splitlines()
    assert progress[0].endswith("本任务分解的 3 项子任务中 2 项已报送、0 项已办结：")
    day = re.search(r"二（一）-1 渝中区金融办（(\d+月\d+日)）", progress[1]).group(1)
    assert progress[1:] == [f"二（一）-1 渝中区金融办（{day}）：辖内要素市场机构排查完成，共 12 家。",
                            f"二（一）-2 江北区金融办（{day}）：已召开专题会议部署， 排查完成 60%。",
                            "二（一）-3 万州区金融办：尚未报送进展（完成时限2026年12月22日前）。"]
    assert _textarea(filled.text, "problems") == "二（一）-1 渝中区金融办：2 家存在违规宣传。"
    assert _textarea(filled.text, "next_steps") == "二（一）-1 渝中区金融办：12 月底前完成整改。"
    # never the ledger's 【单位】 at the start of a line: that would file the districts' words as their own reports
    assert "【" not in "\n".join(progress)

    # the lead unit sends it as its own report; the supervising office reads it on the task and in the ledger
    with app.app_context():
        version = db.session.get(Task, parent).version
    sent = client.post(f"/tasks/{parent}", data={"csrf_token": csrf_token(filled.text), "version": version,
                                                 "progress": "\n".join(progress), "status": ""},
                       follow_redirects=True)
    assert sent.status_code == 200 and "进展已报送" in sent.text
    auth.logout()
    auth.login("duban")
    office = client.get(f"/tasks/{parent}").text
    assert "二（一）-3 万州区金融办：尚未报送进展" in html.unescape(office)
    from tracker.services.ledger.export import build_ledger

    with app.app_context():
        rows = build_ledger(_user("duban"), db.session.get(Task, parent).plan_id).rows
        row = next(r for r in rows if r.number == "二（一）")
        assert "二（一）-1 渝中区金融办" in row.progress and "尚未报送进展" in row.progress


def test_the_gathering_is_offered_only_to_who_reports_and_may_open_the_districts_pages(app, client, auth, signed_in):
    parent, subs = _split_and_two_report(app)
    # 市国资委 supports 二（一）: it reports its own part but may not open the districts' sub-tasks
    supporting = signed_in("gzw").get(f"/tasks/{parent}?from_subtasks=1").text
    assert 'id="report-form"' in supporting and 'id="consolidate-link"' not in supporting
    assert "辖内要素市场机构排查" not in supporting and 'id="consolidated-note"' not in supporting
    # a district on its own sub-task has nothing split below it to gather
    district = signed_in("yzjrb").get(f"/tasks/{subs['渝中区金融办']}?from_subtasks=1").text
    assert 'id="consolidate-link"' not in district and 'id="consolidated-note"' not in district


def test_nothing_to_gather_before_any_district_reported(app, client, auth):
    parent = task_id(app, ["二", "（一）"])
    with app.app_context():
        split_task(_user("jrb"), parent, ["渝中区金融办"])
    auth.login("jrb")
    page = client.get(f"/tasks/{parent}?from_subtasks=1").text
    assert 'id="subtasks"' in page and 'id="consolidate-link"' not in page and _textarea(page, "progress") == ""


def test_a_district_given_its_part_is_not_told_to_register_units_under_it(app, client, auth, signed_in):
    # 渝中区金融办 opens the part 市金融办 gave it: it reports, and is not asked to have 处室 registered to split further
    _, subs = _split_and_two_report(app)
    district = signed_in("yzjrb").get(f"/tasks/{subs['渝中区金融办']}").text
    assert 'id="report-form"' in district
    assert 'id="split-form"' not in district and "本单位还没有登记下级单位" not in district
    assert 'href="#split-form"' not in district  # nor a jump to it on a phone
    # a lead unit of a plan's own task with no unit under it is still told how to get some (test_seed_split.py)
    lead = signed_in("zjj").get(f"/tasks/{task_id(app, ['一', '（三）'])}").text
    assert 'id="split-none"' in lead and "本单位还没有登记下级单位" in lead


def _told(username: str) -> list[tuple[str, str, int | None]]:
    from tracker.models import Notification

    return [(n.kind, n.text, n.task_id) for n in db.session.scalars(
        select(Notification).join(User, User.id == Notification.user_id).where(User.username == username)
        .order_by(Notification.id))]


def test_the_lead_unit_is_told_when_a_district_reports_on_its_part(app, client, auth):
    parent, subs = _split_and_two_report(app)
    with app.app_context():
        told = [(text, task) for kind, text, task in _told("jrb") if kind == "subtask_reported"]
        assert told == [("二（一）-1 渝中区金融办报送了进展：辖内要素市场机构排查完成，共 12 家。（可在二（一）的“分解情况”中汇总报送）",
                         parent),
                        ("二（一）-2 江北区金融办报送了进展：已召开专题会议部署， 排查完成 60%。（可在二（一）的“分解情况”中汇总报送）",
                         parent)]
        assert not [n for n in _told("yzjrb") if n[0] == "subtask_reported"]  # not the district that reported
        assert not [n for n in _told("gzw") if n[0] == "subtask_reported"]  # nor a supporting unit of 二（一）
    auth.login("jrb")
    assert "子任务有新进展" in client.get("/notifications").text


def test_a_district_report_waiting_for_its_leaders_sign_off_tells_the_lead_unit_only_once_signed(app):
    from tracker.models import ProgressReport, Role, Unit
    from tracker.services.workflow import signoff

    parent = task_id(app, ["二", "（一）"])
    with app.app_context():
        sub = split_task(_user("jrb"), parent, ["万州区金融办"])[0].id
        unit = db.session.scalar(select(Unit).where(Unit.name == "万州区金融办"))
        unit.signoff_required = True
        leader = User(username="wzld", display_name="万州区金融办负责人", role=Role.LEADER, unit=unit)
        leader.set_password("a long enough password")
        db.session.add(leader)
        db.session.commit()
        add_report(db.session.get(Task, sub), _user("wzjrb"), "万州区排查完成。", "", "")
        assert not [n for n in _told("jrb") if n[0] == "subtask_reported"]  # a draft: the office does not see it yet
        draft = db.session.scalar(select(ProgressReport).where(ProgressReport.task_id == sub))
        signoff.sign("report", draft.id, _user("wzld"))
        assert [text for kind, text, _ in _told("jrb") if kind == "subtask_reported"] == [
            "二（一）-1 万州区金融办报送了进展：万州区排查完成。（可在二（一）的“分解情况”中汇总报送）"]


def test_splitting_on_the_page_says_one_deadline_per_form_and_the_deadline_each_split_gave(app, client, auth):
    # jrb wants 渝中 by 12-15 and 江北 by 12-20: the card says a form gives the units ticked one deadline,
    # and each answer says the deadline it gave, so a unit ticked with the wrong one is seen at once
    parent = task_id(app, ["二", "（一）"])
    auth.login("jrb")
    for unit, due, said in [("渝中区金融办", "2026-12-15", "2026年12月15日前"), ("江北区金融办", "2026-12-20", "2026年12月20日前")]:
        page = client.get(f"/tasks/{parent}").text
        assert "一次勾选的单位用同一个完成时限，各单位时限不同时请逐个分解。" in page
        with app.app_context():
            version = db.session.get(Task, parent).version
        done = client.post(f"/tasks/{parent}/subtasks", data={
            "csrf_token": csrf_token(page), "version": version, "split_units": [unit], "split_deadline": due},
            follow_redirects=True).text
        assert f"已分解为 1 项子任务：{unit}，完成时限{said}。" in done
        # the 办理记录 of both tasks keeps the deadline given, in the same words, for whoever asks later what was agreed
        history = html.unescape(done.split('id="history"')[1])
        with app.app_context():
            sub = next(t for t in db.session.get(Task, parent).subtasks if t.lead_units[0].name == unit)
            number, sub_id = sub.number_display, sub.id
        assert f"{number} {unit}，完成时限{said}" in history
        assert f"由二（一）分解：{unit}，完成时限{said}" in html.unescape(client.get(f"/tasks/{sub_id}").text)
    # none given: the task's own deadline, said as the task page says it (this seed's 二（一） has none: nothing said)
    page = client.get(f"/tasks/{parent}").text
    with app.app_context():
        version = db.session.get(Task, parent).version
    done = client.post(f"/tasks/{parent}/subtasks", data={"csrf_token": csrf_token(page), "version": version,
                                                          "split_units": ["万州区金融办"]}, follow_redirects=True).text
    with app.app_context():
        own = db.session.get(Task, parent)
        assert (own.deadline, own.due_date) == (None, None)
    assert "已分解为 1 项子任务：万州区金融办。" in done


def test_a_district_report_filed_by_importing_its_ledger_tells_the_lead_unit_too(app, client, auth, tmp_path):
    # 渝中区金融办 fills in its own copy of the ledger and uploads it, instead of the report form: its part counts
    # from that import, so 市金融办 hears of it as it does of a report filed on the page
    from tests.helpers.ledger import edit, export, import_through_pages

    parent = task_id(app, ["二", "（一）"])
    with app.app_context():
        sub = split_task(_user("jrb"), parent, ["渝中区金融办"], deadline="2026-12-15")[0]
        number, sub_id = sub.number_display, sub.id
    exported = export(app, tmp_path / "渝中台账.xlsx", "--plan", "1", "--unit", "渝中区金融办")
    filled = edit(exported, tmp_path / "渝中填报.xlsx", {number: {"进展情况": "辖内排查完成，共 12 家。"}})
    auth.login("yzjrb")
    assert import_through_pages(client, filled).status_code == 302
    with app.app_context():
        assert [r.progress for r in db.session.get(Task, sub_id).reports] == ["辖内排查完成，共 12 家。"]
        assert [(text, task) for kind, text, task in _told("jrb") if kind == "subtask_reported"] == [
            (f"{number} 渝中区金融办报送了进展：辖内排查完成，共 12 家。（可在二（一）的“分解情况”中汇总报送）", parent)]
        assert not [n for n in _told("yzjrb") if n[0] == "subtask_reported"]


def test_an_import_reaching_several_districts_parts_tells_the_lead_unit_once(app, client, auth, tmp_path):
    # the supervising office collects two districts' words on paper and imports them in one ledger, each marked with
    # its 【单位】: 市金融办 gets one notification naming both parts, not one per row
    from tests.helpers.ledger import edit, export, import_through_pages

    parent = task_id(app, ["二", "（一）"])
    units = ("渝中区金融办", "江北区金融办")
    with app.app_context():
        numbers = [split_task(_user("jrb"), parent, [unit])[0].number_display for unit in units]
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    filled = edit(exported, tmp_path / "填报.xlsx",
                  {number: {"进展情况": f"【{unit}】排查完成。"} for number, unit in zip(numbers, units)})
    auth.login("duban")
    assert import_through_pages(client, filled).status_code == 302
    with app.app_context():
        told = [text for kind, text, _ in _told("jrb") if kind == "subtask_reported"]
    assert len(told) == 1 and told[0].startswith("2 条子任务进展已报送：")
    assert all(f"{number} {unit}" in told[0] for number, unit in zip(numbers, units))
    assert told[0].endswith("（可在二（一）的“分解情况”中汇总报送）")


def _adjust(app, client, parent: int, sub: int, deadline: str):
    """Post 调整子任务完成时限 on the page of task ``parent`` for its sub-task ``sub``, followed."""
    page = client.get(f"/tasks/{parent}").text
    with app.app_context():
        version = db.session.get(Task, parent).version
    return client.post(f"/tasks/{parent}/subtasks/deadline", data={
        "csrf_token": csrf_token(page), "version": version, "subtask": str(sub), "subtask_deadline": deadline},
        follow_redirects=True)


def test_the_lead_unit_moves_the_deadline_it_gave_a_district_within_its_own(app, client, auth):
    # jrb gave 渝中 12-15, then agrees with it on 12-20: it changes that on 分解情况 itself (not by asking the office),
    # the district is told, and both 办理记录 keep it; a date after 二（一）'s own deadline is refused, as on the split
    parent = task_id(app, ["二", "（一）"])
    with app.app_context():
        db.session.get(Task, parent).due_date = date(2026, 12, 31)
        db.session.commit()
        sub = split_task(_user("jrb"), parent, ["渝中区金融办"], deadline="2026-12-15")[0].id
    auth.login("jrb")
    with app.app_context():
        page = client.get(f"/tasks/{parent}").text
        assert 'id="subtask-deadline"' in page and "二（一）-1 渝中区金融办（现2026年12月15日前）" in page
        done = _adjust(app, client, parent, sub, "2026-12-20")
        assert "已调整子任务 二（一）-1 渝中区金融办 的完成时限：2026年12月20日前，已通知该单位。" in done.text
        history = html.unescape(done.text.split('id="history"')[1])
        assert "二（一）-1 渝中区金融办，完成时限改为2026年12月20日前（原2026年12月15日前）" in history
        moved = db.session.get(Task, sub, populate_existing=True)
        assert (moved.deadline, moved.due_date) == ("2026年12月20日前", date(2026, 12, 20))
        assert [text for kind, text, _ in _told("yzjrb") if kind == "task_edited"] == [
            f"二（一）-1 {moved.heading_text}：市金融办将完成时限改为2026年12月20日前（原2026年12月15日前）。"]

        late = _adjust(app, client, parent, sub, "2027-01-10")
        assert late.status_code == 400 and "不能晚于原任务的完成时限（2026年12月31日前）" in html.unescape(late.text)
        assert db.session.get(Task, sub, populate_existing=True).due_date == date(2026, 12, 20)
    auth.logout()

    # the district itself, and a supporting unit of 二（一）, may not move it
    for who in ("yzjrb", "gzw"):
        auth.login(who)
        with app.app_context():
            assert 'id="subtask-deadline"' not in client.get(f"/tasks/{parent}").text
            refused = _adjust(app, client, parent, sub, "2026-12-30")
            assert refused.status_code == 403
            assert db.session.get(Task, sub, populate_existing=True).due_date == date(2026, 12, 20)
        auth.logout()
