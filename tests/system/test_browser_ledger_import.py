"""In headless Chromium: the supervising office uploads a filled-in ledger, sees the preview with a
conflict, confirms, and finds the import in the list with its revert button (issue #4)."""
from __future__ import annotations

from playwright.sync_api import expect
import csv
import io

from tests.helpers.browser import nav_to, shot, sign_in
from tests.helpers.ledger import edit, edit_by_unit, export
from tests.helpers.reports import post_report, task_id


def test_browser_ledger_import_preview_confirm_and_list(app, client, auth, seeded_template, live_server, browser,
                                                        tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    auth.login("zjj")
    post_report(client, task_id(app, ["一", "（三）"]), progress="网页上报：已约谈 3 家机构。")
    edited = edit(exported, tmp_path / "市金融办台账.xlsx", {
        "一（三）": {"进展情况": "离线填写：已检查 5 家机构。"},
        "一（二）": {"进展情况": "离线填写：银行排查完成。", "完成状态": "推进中"},
    })
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    nav_to(page, "台账", "导入台账")
    page.set_input_files("input[type=file]", str(edited))
    shot(page, "ledger-import-upload")
    with page.expect_navigation():
        page.get_by_role("button", name="上传并预览").click()
    expect(page.get_by_text("冲突：导出后系统中已有修改")).to_be_visible()
    assert page.locator("#outcomes tr.outcome-conflict").count() == 1
    assert page.locator("#outcomes tr.outcome-update").count() == 1
    shot(page, "ledger-import-preview")
    with page.expect_navigation():
        page.get_by_role("button", name="确认导入").click()
    expect(page.get_by_text("台账已导入：更新 1 项")).to_be_visible()
    shot(page, "ledger-import-result")
    nav_to(page, "台账", "导入记录")
    expect(page.get_by_role("button", name="撤销")).to_be_visible()
    shot(page, "ledger-import-list")
    # The page's own script runs under the CSP (favicon 404s and Bootstrap's data: icons are not ours).
    assert not [e for e in errors if "script" in e.lower() or "ledger-import" in e], errors


def test_browser_csv_ledger_preview_shows_what_will_be_written_on_a_phone(app, seeded_template, live_server, browser,
                                                                          tmp_path):
    """Issue 15: the app's own CSV export goes back in; the preview names what each row writes."""
    exported = export(app, tmp_path / "台账.csv", "--plan", "1").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(exported, newline="")))
    progress = rows[0].index("进展情况")
    next(row for row in rows if row[0] == "一（二）")[progress] = "离线填写：银行排查完成。"
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    (tmp_path / "填好.csv").write_bytes(("\ufeff" + out.getvalue()).encode("utf-8"))
    page = browser.new_page(viewport={"width": 390, "height": 844})
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.goto(live_server + "/imports/new")
    page.set_input_files("input[type=file]", str(tmp_path / "填好.csv"))
    with page.expect_navigation():
        page.get_by_role("button", name="上传并预览").click()
    row = page.locator("#outcomes tr.outcome-update")
    assert row.count() == 1
    assert "进展情况：离线填写：银行排查完成。" in row.locator("td.written").inner_text()
    shot(page, "ledger-import-csv-preview-phone")


def test_browser_by_unit_ledger_preview_writes_each_units_part(app, seeded_template, live_server, browser, tmp_path):
    """Issue 15: a by-unit ledger's rows of one task go each to its unit; the preview says so."""
    from sqlalchemy import select

    from tracker.extensions import db
    from tracker.models import Task, User
    from tracker.services.workflow.progress import add_report

    with app.app_context():
        task = next(t for t in db.session.scalars(select(Task).where(Task.plan_id == 1)) if t.number_display == "一（一）")
        for username, text in (("rhygb", "人行：已召开联席会议。"), ("yjj", "银监局：排查银行 12 家。"),
                               ("zjj", "证监局：检查证券机构 5 家。")):
            add_report(task, db.session.scalar(select(User).where(User.username == username)), text)
    exported = export(app, tmp_path / "按单位.xlsx", "--plan", "1", "--layout", "by-unit")
    edited = edit_by_unit(exported, tmp_path / "按单位填报.xlsx", {
        "重庆银监局": {"进展情况": "银监局：排查完毕，共 15 家。"},
        "重庆保监局": {"进展情况": "保监局：首次报送。"},
    }, "一（一）")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.goto(live_server + "/imports/new")
    page.set_input_files("input[type=file]", str(edited))
    with page.expect_navigation():
        page.get_by_role("button", name="上传并预览").click()
    expect(page.get_by_text("进展记入：按“单位”列记入各行的单位")).to_be_visible()
    rows = page.locator("#outcomes tr.outcome-update")
    expect(rows).to_have_count(2)
    expect(rows.nth(0).locator("td.written")).to_contain_text("进展情况【重庆银监局】：")
    expect(rows.nth(0).locator("td.written")).to_contain_text("银监局：排查完毕，共 15 家。")
    expect(rows.nth(1).locator("td.written")).to_contain_text("进展情况【重庆保监局】：保监局：首次报送。")
    shot(page, "ledger-import-by-unit-preview")
    with page.expect_navigation():
        page.get_by_role("button", name="确认导入").click()
    expect(page.get_by_text("台账已导入：更新 2 项")).to_be_visible()
