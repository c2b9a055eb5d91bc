"""In headless Chromium: 督办 chooses the flat layout and extra columns on the plan page, and exports
the dashboard's filtered list; the downloads are the ledgers asked for (issue #4).

Screenshots of the export panel and of the dashboard's export buttons go to test-artifacts/.
"""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

import openpyxl
from playwright.sync_api import Page

from tests.helpers.browser import shot, sign_in
from tests.helpers.ledger import data_rows, header
from tests.helpers.paths import ARTIFACTS


def download(page: Page, locator) -> openpyxl.worksheet.worksheet.Worksheet:
    with page.expect_download() as event:
        locator.click()
    return openpyxl.load_workbook(BytesIO(Path(event.value.path()).read_bytes())).worksheets[0]


def test_browser_plan_page_exports_the_flat_layout_with_extra_columns(live_server, browser, seeded_template):
    page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.get_by_role("link", name="重庆市金融去杠杆防风险专项方案").first.click()
    page.get_by_text("导出工作台账：选择样式和附加列").click()
    page.get_by_label("平铺", exact=False).check()
    page.get_by_label("责任人", exact=False).check()
    page.get_by_label("最近反馈时间", exact=False).check()
    shot(page, "plan-ledger-export-options")
    sheet = download(page, page.get_by_role("button", name="下载 Excel"))
    top, columns = header(sheet)
    assert list(columns) == ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限", "进展情况", "存在问题",
                             "下步计划", "完成状态", "所属层级", "责任人", "最近反馈时间", "任务键", "版本"]
    rows = data_rows(sheet)
    assert len(rows) == 16 and rows[0]["所属层级"] == "一、防控金融高杠杆风险"
    assert rows[2]["责任人"] == "重庆证监局联络员"

    with page.expect_download() as event:
        page.get_by_role("button", name="下载 CSV").click()
    assert event.value.suggested_filename.endswith(".csv")


def test_browser_dashboard_exports_the_filtered_list(live_server, browser, seeded_template):
    page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.goto(f"{live_server}/dashboard?q=互联网")
    page.locator("#list-export").scroll_into_view_if_needed()
    page.locator("#list-export-form > summary").click()
    shot(page, "dashboard-list-export")
    page.locator("#task-list").screenshot(path=str(ARTIFACTS / "dashboard-list-export-panel.png"))
    sheet = download(page, page.get_by_role("link", name="导出当前列表（Excel）"))
    assert sheet["A2"].value == "筛选：搜索=“互联网”"
    rows = data_rows(sheet)
    assert "二（三）" in [r["序号"] for r in rows] and all("互联网" in r["具体措施"] for r in rows)
    page.get_by_label("平铺", exact=False).check()
    flat = download(page, page.locator("#list-export-form").get_by_role("button", name="下载 Excel"))
    top, columns = header(flat)
    assert flat["A2"].value == "筛选：搜索=“互联网”" and "所属层级" in columns
    assert [r["任务键"] for r in data_rows(flat)] == [r["任务键"] for r in rows]
    assert not [r for r in flat.merged_cells.ranges if r.min_row > top]


def test_browser_plan_page_exports_the_grouped_layout(live_server, browser, seeded_template):
    page = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.get_by_role("link", name="重庆市金融去杠杆防风险专项方案").first.click()
    page.get_by_text("导出工作台账：选择样式和附加列").click()
    page.get_by_label("分组标题行", exact=False).check()
    shot(page, "plan-ledger-export-grouped")
    sheet = download(page, page.get_by_role("button", name="下载 Excel"))
    top, columns = header(sheet)
    assert list(columns)[-2:] == ["任务键", "版本"]
    assert sheet.cell(top + 1, 1).value == "一、防控金融高杠杆风险" and sheet.cell(top + 1, 11).value is None
    assert f"A{top + 1}:J{top + 1}" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.cell(top + 2, 11).value  # a task row, with its key


def test_browser_plan_page_exports_the_by_unit_layout(live_server, browser, seeded_template):
    """Issue 15: 按单位分行 in the 导出工作台账 panel gives one row per task and unit, 牵头/配合 marked."""
    for viewport in ({"width": 1400, "height": 900}, {"width": 390, "height": 844}):
        page = browser.new_page(viewport=viewport, accept_downloads=True)
        sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
        page.get_by_role("link", name="重庆市金融去杠杆防风险专项方案").first.click()
        page.get_by_text("导出工作台账：选择样式和附加列").click()
        page.get_by_label("按单位分行", exact=False).check()
        shot(page, f"plan-ledger-export-by-unit-{viewport['width']}")
        sheet = download(page, page.get_by_role("button", name="下载 Excel"))
        _, columns = header(sheet)
        assert list(columns)[:8] == ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "单位", "角色", "完成时限"]
        rows = [row for row in data_rows(sheet) if row["序号"] == "一（五）"]
        assert [(row["单位"], row["角色"]) for row in rows] == [
            ("人行重庆营管部", "牵头"), ("重庆银监局", "牵头"), ("市金融办", "配合"), ("重庆证监局", "配合"),
            ("重庆保监局", "配合")]
        page.close()
