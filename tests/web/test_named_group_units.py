"""A plan or a ledger names a group that answers as one (各区县〔自治县〕人民政府, 各乡镇（街道）, …领导小组各成员单位):
the tracker now registers it as a 组, not as an ordinary 部门, wherever the unit is first met (services/accounts/
units.new_unit, from vocabulary/units.is_named_group). A 组 reports and is ranked as its own unit, as before, until the
office puts its members under it; then a task it leads is split to them with one button.
"""
from __future__ import annotations

from sqlalchemy import select

from tests.helpers.plans import preview_fields, upload
from tests.helpers.reports import post_report, task_id
from tests.helpers.xlsx import write_rows
from tracker.extensions import db
from tracker.models import Assignment, AssignmentRole, Task, UnitKind, User
from tracker.services.accounts.units import find_unit

PLAN = """某区2024年基层治理工作方案
一、强化基层治理
（一）推进网格化管理，完善网格员队伍。（牵头单位：各乡镇（街道）；配合单位：区民政局）
（二）落实属地责任，开展风险排查。（牵头单位：各省级人民政府、区财政局；配合单位：区打击非法金融活动领导小组各成员单位）
"""


def kinds(app, *names):
    with app.app_context():
        return {name: find_unit(name).kind for name in names}


def test_importing_a_plan_registers_its_named_groups_as_groups_and_its_offices_as_departments(empty_app, tmp_path):
    plan = tmp_path / "基层治理方案.txt"
    plan.write_text(PLAN, encoding="utf-8")
    result = empty_app.test_cli_runner().invoke(args=["import-plan", str(plan)])
    assert result.exit_code == 0, result.output
    assert kinds(empty_app, "各乡镇（街道）", "各省级人民政府", "区打击非法金融活动领导小组各成员单位",
                 "区民政局", "区财政局") == {
        "各乡镇（街道）": UnitKind.GROUP, "各省级人民政府": UnitKind.GROUP,
        "区打击非法金融活动领导小组各成员单位": UnitKind.GROUP,
        "区民政局": UnitKind.DEPARTMENT, "区财政局": UnitKind.DEPARTMENT}


def test_another_offices_ledger_registers_a_group_it_names_as_a_group(app, tmp_path):
    ledger = write_rows(tmp_path / "街道台账.xlsx", [
        ["某区2024年重点工作任务台账"],
        ["序号", "具体措施", "牵头单位", "配合单位", "完成时限", "完成状态"],
        [1, "推进网格化管理。", "各街道办事处", "区民政局", "2024年底前", "推进中"],
    ])
    result = app.test_cli_runner().invoke(args=["import-ledger", str(ledger)])
    assert result.exit_code == 0, result.output
    assert kinds(app, "各街道办事处", "区民政局") == {"各街道办事处": UnitKind.GROUP, "区民政局": UnitKind.DEPARTMENT}


def test_a_unit_list_without_a_kind_gives_a_named_group_the_kind_of_a_group(empty_app, tmp_path):
    listing = tmp_path / "名录.csv"
    listing.write_text("单位名称,上级单位,类别\n各县（市、区）人民政府,,\n市财政局,,\n渝中区人民政府,各县（市、区）人民政府,区县\n",
                       encoding="utf-8-sig")
    result = empty_app.test_cli_runner().invoke(args=["import-units", str(listing)])
    assert result.exit_code == 0, result.output + result.stderr
    assert kinds(empty_app, "各县（市、区）人民政府", "市财政局", "渝中区人民政府") == {
        "各县（市、区）人民政府": UnitKind.GROUP, "市财政局": UnitKind.DEPARTMENT, "渝中区人民政府": UnitKind.DISTRICT}


def test_the_demo_plans_groups_are_groups_and_keep_their_tasks_and_liaisons(app, signed_in):
    groups = ["各区县〔自治县〕人民政府", "市互联网金融风险专项整治工作领导小组各成员单位",
              "市打击非法金融活动领导小组各成员单位", "市打击非法金融活动领导小组有关成员单位"]
    assert set(kinds(app, *groups).values()) == {UnitKind.GROUP}
    assert set(kinds(app, "市金融办", "重庆证监局", "渝中区金融办").values()) == {UnitKind.DEPARTMENT, UnitKind.DISTRICT}
    with app.app_context():
        county = find_unit("各区县〔自治县〕人民政府")
        assert db.session.scalar(select(User.username).where(User.unit_id == county.id)) == "qxzf"
        assigned = db.session.execute(select(Task.path, Assignment.role).join(Assignment.task)
                                      .where(Assignment.unit_id == county.id)).all()
    assert [(list(path), role) for path, role in assigned] == [(["二", "（四）"], AssignmentRole.SUPPORTING)]
    # the group's liaison finds its task among its unit's tasks and reports on it as its own unit, as before
    qxzf = signed_in("qxzf")
    assert "坚决遏制非法集资蔓延势头" in qxzf.get("/my-tasks").text
    fourth = task_id(app, ["二", "（四）"])
    response = post_report(qxzf, fourth, progress="各区县已开通投诉举报平台。")
    assert response.status_code == 302, response.text
    with app.app_context():
        assert db.session.get(Task, fourth).reports[-1].unit.name == "各区县〔自治县〕人民政府"


def test_the_office_is_told_what_a_new_group_is_and_how_to_split_to_its_members(empty_app, tmp_path):
    plan = tmp_path / "基层治理方案.txt"
    plan.write_text(PLAN, encoding="utf-8")
    result = empty_app.test_cli_runner().invoke(args=["import-plan", str(plan)])
    assert result.exit_code == 0, result.output
    assert ("其中各乡镇（街道）、各省级人民政府、区打击非法金融活动领导小组各成员单位是“组”（代表多个单位，暂作为一个单位报送）："
            "如需分解到各成员，请在“单位管理”中把成员单位的上级单位设为该组，之后该组牵头的任务可一键分解给全部成员。") in result.output
    again = tmp_path / "第二个方案.txt"
    again.write_text(PLAN.replace("基层治理", "安全生产"), encoding="utf-8")
    second = empty_app.test_cli_runner().invoke(args=["import-plan", str(again)])
    assert second.exit_code == 0 and "是“组”" not in second.output  # groups already registered: nothing new to say


def test_the_import_page_tells_the_office_the_same_when_it_confirms(app, client, auth):
    auth.login("duban")
    response = upload(client, PLAN.encode("utf-8"), "基层治理方案.txt")
    assert response.status_code == 302, response.text
    url = response.headers["Location"]
    fields = preview_fields(client.get(url).text)
    fields["action"] = ["confirm"]
    done = client.post(url, data=fields, follow_redirects=True).text
    assert "新建单位：" in done and "其中各乡镇（街道）、各省级人民政府、区打击非法金融活动领导小组各成员单位是“组”" in done
    assert kinds(app, "各乡镇（街道）")["各乡镇（街道）"] is UnitKind.GROUP
