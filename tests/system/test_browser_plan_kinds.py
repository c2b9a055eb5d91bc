"""In a real headless Chromium (issue 13): a Word 任务分工表, a page saved from a government site
and a PDF each import through the preview; 放弃导入 asks first and keeps the draft when declined."""
from __future__ import annotations

from playwright.sync_api import expect
from pathlib import Path

import pytest

from tests.helpers.browser import shot, sign_in
from tests.helpers.pdf import NOTICE, SIGNATURE, TABLE, text_pdf
from tests.helpers.plans import make_table_docx, plan_tree

FIXTURES = Path(__file__).resolve().parents[1] / "unit" / "fixtures"


def open_import(page, base, password):
    sign_in(page, base, "duban", password)
    page.goto(f"{base}/plans/import")


@pytest.mark.parametrize("name, data, first_rows", [
    ("分工方案.docx", lambda: make_table_docx(auto_numbered=True),
     [("1", ["市大数据局"], ["市发展改革委", "市财政局"]), ("2", ["市政务服务中心"], ["各区县人民政府"])]),
    ("优化营商环境的意见.html", lambda: (FIXTURES / "gov_page_layout_tables.html").read_bytes(),
     [("一", [], []), ("一（一）", ["国务院办公厅"], ["国家发展改革委"])]),
    ("分工方案.pdf", lambda: text_pdf(NOTICE, TABLE, SIGNATURE),
     [("1", ["市大数据局"], ["市发展改革委", "市财政局"]), ("2", ["市政务服务中心"], ["各区县人民政府"])]),
])
def test_browser_plan_of_each_kind_imports_through_the_preview(live_server, browser, seeded_template, app,  # noqa: F811
                                                             tmp_path, name, data, first_rows):
    plan_file = tmp_path / name
    plan_file.write_bytes(data())
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    open_import(page, live_server, seeded_template.passwords["duban"])
    page.get_by_label("方案文件").set_input_files(str(plan_file))
    with page.expect_navigation():
        page.get_by_role("button", name="读取并预览").click()
    expect(page.get_by_role("heading", name=f"核对预览：{name}")).to_be_visible()
    shot(page, f"import-kind-{Path(name).suffix[1:]}")
    with page.expect_navigation():
        page.get_by_role("button", name="确认导入").click()
    expect(page.get_by_text("已导入方案")).to_be_visible()
    plan_id = int(page.url.split("#")[0].rsplit("/", 1)[1])
    assert [(row[0], row[2], row[3]) for row in plan_tree(app, plan_id)][:2] == first_rows


def test_browser_discarding_an_import_asks_first(live_server, browser, seeded_template, tmp_path):  # noqa: F811
    plan_file = tmp_path / "分工方案.docx"
    plan_file.write_bytes(make_table_docx(auto_numbered=False))
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    open_import(page, live_server, seeded_template.passwords["duban"])
    page.get_by_label("方案文件").set_input_files(str(plan_file))
    with page.expect_navigation():
        page.get_by_role("button", name="读取并预览").click()
    preview = page.url
    questions = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="放弃导入").click()
    page.wait_for_timeout(300)
    assert questions and "确定放弃导入吗" in questions[0]
    assert page.url == preview  # declined: still on the preview
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        page.get_by_role("button", name="放弃导入").click()
    expect(page.get_by_text("已放弃导入，没有保存任何内容。")).to_be_visible()
