"""The unit hierarchy (issue 18): parents, kinds and jurisdictions on the registry page and from a
unit list (`import-units`, CONTRACTS.md §10). Runs on small_world (甲局, 乙局, 丙局, 督查室; sup, la)."""
from __future__ import annotations

from openpyxl import Workbook
from sqlalchemy import func, select

from tests.helpers.forms import csrf_token
from tests.helpers.small_world import sign_in
from tracker.extensions import db
from tracker.models import JournalEntry, Unit, UnitKind
from tracker.services.accounts.units import find_unit, unit_tree

LIST_CSV = """单位名称,上级单位,类别,辖区
各区县〔自治县〕人民政府,,组,重庆市
渝中区人民政府,各区县〔自治县〕人民政府,区县,重庆市渝中区
江北区人民政府,各区县〔自治县〕人民政府,区县,
甲局办公室,甲局,处室,
"""


def write_csv(tmp_path, text: str, name: str = "名录.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_unit_hierarchy_import_units_creates_units_and_sets_parents(empty_app, world, tmp_path):
    result = empty_app.test_cli_runner().invoke(args=["import-units", str(write_csv(tmp_path, LIST_CSV))])
    assert result.exit_code == 0, result.output + result.stderr
    assert result.stdout == "imported 4 units\n"
    assert "新建 4 个单位" in result.stderr
    with empty_app.app_context():
        group = find_unit("各区县〔自治县〕人民政府")
        assert group.kind is UnitKind.GROUP and group.jurisdiction == "重庆市" and group.parent is None
        assert [(u.name, u.kind, u.jurisdiction) for u in group.children] == [
            ("江北区人民政府", UnitKind.DISTRICT, None), ("渝中区人民政府", UnitKind.DISTRICT, "重庆市渝中区")]
        assert find_unit("甲局办公室").parent.name == "甲局" and find_unit("甲局办公室").kind is UnitKind.OFFICE
        order = [(u.name, depth) for u, depth in unit_tree()]
        assert order.index(("甲局办公室", 1)) == order.index(("甲局", 0)) + 1
        assert ("渝中区人民政府", 1) in order
        fields = db.session.scalars(select(JournalEntry.field).where(JournalEntry.target_unit_id == group.id)).all()
        assert sorted(fields) == ["jurisdiction"]  # born a 组 by its name (units.new_unit): only its 辖区 changed
        office = find_unit("甲局办公室")
        fields = db.session.scalars(select(JournalEntry.field).where(JournalEntry.target_unit_id == office.id)).all()
        assert sorted(fields) == ["unit_kind", "unit_parent"]  # born a 部门, placed as 处室 under 甲局
    # again, with a change: existing units are placed anew, nothing duplicated
    again = empty_app.test_cli_runner().invoke(args=["import-units", str(write_csv(
        tmp_path, "单位, 上级单位, 类型\n甲局办公室,乙局,处室\n", "again.csv"))])
    assert again.exit_code == 0 and again.stdout == "imported 1 units\n" and "更新上级单位/类别/辖区 1 个" in again.stderr
    with empty_app.app_context():
        assert find_unit("甲局办公室").parent.name == "乙局"
        assert db.session.scalar(select(func.count(Unit.id))) == 8


def test_unit_hierarchy_import_units_writes_nothing_when_a_row_is_bad(empty_app, world, tmp_path):
    bad = LIST_CSV + "南岸区人民政府,璧山区人民政府,区县,\n大渡口区人民政府,各区县〔自治县〕人民政府,街道,\n江北区人民政府,,区县,\n"
    result = empty_app.test_cli_runner().invoke(args=["import-units", str(write_csv(tmp_path, bad))])
    assert result.exit_code == 1
    assert "row 6, column 上级单位: “璧山区人民政府”不在单位名录中" in result.stderr
    assert "row 7, column 类别: “街道”不是单位类别" in result.stderr
    assert "row 8, column 单位名称: “江北区人民政府”在第 4 行已列出" in result.stderr
    with empty_app.app_context():
        assert db.session.scalar(select(func.count(Unit.id))) == 4  # small_world's own


def test_unit_hierarchy_import_units_reads_xlsx_with_a_title_row(empty_app, world, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["重庆市单位名录（2026年）"])
    sheet.append(["序号", "单位名称", "上级单位", "单位类别"])
    sheet.append([1, "中国人民银行重庆市分行", None, "部门"])
    sheet.append([2, "工商银行重庆市分行", "中国人民银行重庆市分行", "金融机构"])
    path = tmp_path / "名录.xlsx"
    book.save(path)
    result = empty_app.test_cli_runner().invoke(args=["import-units", str(path)])
    assert result.exit_code == 0, result.stderr
    with empty_app.app_context():
        bank = find_unit("工商银行重庆市分行")
        assert bank.kind is UnitKind.INSTITUTION and bank.parent.name == "中国人民银行重庆市分行"


def test_unit_hierarchy_registry_page_sets_parent_kind_and_jurisdiction_and_refuses_a_loop(empty_app, world):
    client = empty_app.test_client()
    sign_in(client, "sup")
    a, b = world.units["A"], world.units["B"]
    page = client.get(f"/admin/units/{b}").get_data(as_text=True)
    assert 'id="unit-place"' in page
    done = client.post(f"/admin/units/{b}/place", data={"csrf_token": csrf_token(page), "parent_id": str(a),
                                                         "kind": "office", "jurisdiction": " 重庆市 "},
                       follow_redirects=True)
    assert "已保存上级单位、类别和辖区。" in done.get_data(as_text=True)
    with empty_app.app_context():
        unit = db.session.get(Unit, b)
        assert (unit.parent_id, unit.kind, unit.jurisdiction) == (a, UnitKind.OFFICE, "重庆市")
    loop = client.post(f"/admin/units/{a}/place", data={"csrf_token": csrf_token(page), "parent_id": str(b),
                                                         "kind": "department", "jurisdiction": ""},
                       follow_redirects=True)
    assert "是“甲局”本身或其下级单位，不能作为上级单位" in loop.get_data(as_text=True)
    listing = client.get("/admin/units").get_data(as_text=True)
    assert listing.index("甲局") < listing.index("└ </span>乙局")
    liaison = empty_app.test_client()
    sign_in(liaison, "la")
    token = csrf_token(liaison.get("/account/password").get_data(as_text=True))
    assert liaison.post(f"/admin/units/{b}/place", data={"csrf_token": token, "kind": "group"}).status_code == 403


GUANGZHOU_PLAN = """广州市人民政府办公厅关于印发广州市促进消费专项方案的通知
穗府办〔2026〕3号
广州市促进消费专项方案
一、扩大消费
（一）开展消费季活动。（牵头单位：市发展改革委；配合单位：市商务局）
（二）推动夜间经济。（牵头单位：市商务局）
"""


def test_unit_hierarchy_another_citys_plan_does_not_attach_to_this_citys_unit(empty_app, world):
    from tracker.parsing import read_plan_text
    from tracker.services.plans.drafts import start_import
    from tracker.services.plans.store import import_plan
    from tracker.models import User

    with empty_app.app_context():
        db.session.add_all([Unit(name="市发展改革委", jurisdiction="重庆市"), Unit(name="市商务局")])
        db.session.commit()
        draft = read_plan_text(GUANGZHOU_PLAN)
        result = import_plan(draft, "广州.txt")
        leads = {t.number_display: [u.name for u in t.lead_units] for t in result.plan.tasks}
        assert leads["一（一）"] == ["广州市发展改革委"]  # not 重庆's 市发展改革委
        assert leads["一（二）"] == ["市商务局"]  # no jurisdiction in the registry: matched as before
        assert result.new_units == ["广州市发展改革委"]
        assert any("单位名录中的“市发展改革委”是重庆市的单位，已按广州市的单位“广州市发展改革委”处理" in w
                   for w in draft.warnings)
        # the preview shows the choice: the new unit, a warning, and the existing name to go back to
        sup = db.session.scalar(select(User).where(User.username == "sup"))
        row = start_import(sup, read_plan_text(GUANGZHOU_PLAN), "广州.txt")
        token = row.token
        assert row.data["items"][1]["lead_units"] == ["广州市发展改革委"]
    client = empty_app.test_client()
    sign_in(client, "sup")
    page = client.get(f"/plans/import/{token}").get_data(as_text=True)
    assert "如确为同一单位，请在预览中把单位改回“市发展改革委”" in page
    assert 'value="广州市发展改革委"' in page


def test_unit_hierarchy_a_plan_of_this_city_still_uses_its_units(empty_app, world):
    from tracker.parsing import read_plan_text
    from tracker.services.plans.store import import_plan

    with empty_app.app_context():
        db.session.add(Unit(name="市发展改革委", jurisdiction="重庆市"))
        db.session.commit()
        result = import_plan(read_plan_text(GUANGZHOU_PLAN.replace("广州市", "重庆市").replace("穗", "渝")), "重庆.txt")
        assert [u.name for u in result.plan.tasks[1].lead_units] == ["市发展改革委"] and "市发展改革委" not in result.new_units


def test_unit_hierarchy_another_citys_ledger_does_not_attach_to_this_citys_unit(empty_app, world, tmp_path):
    """A plan built from 广州's work ledger (no task keys) gives its 市发展改革委 广州's own unit, in the
    lead column and in a by-unit row, as the plan import does; a unit without a jurisdiction is
    matched as before."""
    from tests.helpers.xlsx import write_rows
    from tracker.models import Assignment, Plan

    with empty_app.app_context():
        db.session.add_all([Unit(name="市发展改革委", jurisdiction="重庆市"), Unit(name="市商务局")])
        db.session.commit()
    rows = [
        ["广州市促进消费专项工作台账"],
        ["序号", "具体措施", "牵头单位", "配合单位", "单位", "进展情况"],
        ["1", "开展消费季活动。", "市发展改革委", "市商务局", "市发展改革委", "已启动消费季。"],
        ["2", "推动夜间经济。", "市商务局", None, None, None],
    ]
    path = write_rows(tmp_path / "广州台账.xlsx", rows, [])
    result = empty_app.test_cli_runner().invoke(args=["import-ledger", str(path)])
    assert result.exit_code == 0, result.output
    assert "单位名录中的“市发展改革委”是重庆市的单位，已按广州市的单位“广州市发展改革委”处理" in result.output
    with empty_app.app_context():
        plan = db.session.scalars(select(Plan).order_by(Plan.id.desc())).first()
        tasks = sorted(plan.tasks, key=lambda t: t.position)
        assert [u.name for u in tasks[0].lead_units] == ["广州市发展改革委"]  # not 重庆's 市发展改革委
        assert [r.unit.name for r in tasks[0].reports] == ["广州市发展改革委"]
        assert [u.name for u in tasks[1].lead_units] == ["市商务局"]
        chongqing = find_unit("市发展改革委")
        assert chongqing.jurisdiction == "重庆市"
        assert db.session.scalar(select(func.count(Assignment.id)).where(Assignment.unit_id == chongqing.id)) == 0
