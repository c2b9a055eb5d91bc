"""In a real headless Chromium: a liaison reports progress, the supervising office downloads the ledger.

Drives Debian's chromium (/usr/bin/chromium) with Playwright against the app served
on a loopback port; screenshots go to test-artifacts/ for a person to look at.
"""
from __future__ import annotations

from io import BytesIO
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, expect

from tests.helpers.browser import shot, sign_in
from tests.helpers.ledger import data_rows


def download_ledger(page: Page, link_text: str) -> list[dict]:
    with page.expect_download() as download:
        page.get_by_role("link", name=link_text).first.click()
    path = download.value.path()
    return data_rows(openpyxl.load_workbook(BytesIO(Path(path).read_bytes())).worksheets[0])


def test_browser_liaison_reports_and_supervisor_downloads_the_ledger(live_server, browser, seeded_template):
    passwords = seeded_template.passwords
    liaison = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    sign_in(liaison, live_server, "zjj", passwords["zjj"])
    liaison.get_by_role("link", name="本单位任务").click()
    shot(liaison, "liaison-my-tasks")
    liaison.get_by_role("link", name="加强证券市场风险防范").click()
    liaison.get_by_label("进展情况").fill("已对辖区 36 家证券经营机构开展适当性管理检查。")
    liaison.get_by_label("存在问题").fill("部分私募基金管理人底数不清。")
    liaison.get_by_label("下步计划").fill("12 月底前完成全面排查。")
    with liaison.expect_navigation():
        liaison.get_by_role("button", name="提交进展").click()
    expect(liaison.get_by_text("进展已报送，督办部门现在即可看到。")).to_be_visible()
    assert liaison.locator(".report").first.inner_text().count("已对辖区 36 家证券经营机构开展适当性管理检查。") == 1
    shot(liaison, "liaison-task-reported")
    liaison.get_by_role("link", name="重庆市金融去杠杆防风险专项方案").click()
    own_rows = download_ledger(liaison, "下载工作台账（Excel）")
    assert [r["序号"] for r in own_rows] == ["一（一）", "一（三）", "一（五）", "四（二）"]

    supervisor = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    sign_in(supervisor, live_server, "duban", passwords["duban"])
    supervisor.get_by_role("link", name="重庆市金融去杠杆防风险专项方案").first.click()
    assert "已对辖区 36 家证券经营机构" in supervisor.locator("tr", has_text="加强证券市场风险防范").inner_text()
    shot(supervisor, "supervisor-plan")
    rows = {r["序号"]: r for r in download_ledger(supervisor, "下载工作台账（Excel）")}
    assert len(rows) == 16
    assert rows["一（三）"]["进展情况"] == "已对辖区 36 家证券经营机构开展适当性管理检查。"
    assert rows["一（三）"]["下步计划"] == "12 月底前完成全面排查。"


def test_browser_liaison_of_another_unit_sees_a_chinese_403_page(live_server, browser, seeded_template, app):
    from tests.helpers.reports import task_id

    page = browser.new_page()
    sign_in(page, live_server, "bjj", seeded_template.passwords["bjj"])
    response = page.goto(f"{live_server}/tasks/{task_id(app, ['一', '（三）'])}")
    assert response.status == 403
    expect(page.get_by_role("heading", name="没有权限")).to_be_visible()
    assert "加强证券市场风险防范" not in page.content()


def test_browser_supervisor_imports_a_word_plan_through_the_preview_and_corrects_it(live_server, browser,
                                                                                     seeded_template, app, tmp_path):
    from tests.helpers.plans import PLAN_TEXT, make_docx, plan_tree

    plan_file = tmp_path / "测试方案.docx"
    plan_file.write_bytes(make_docx(PLAN_TEXT.splitlines()))
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.get_by_role("navigation").get_by_role("link", name="方案列表").click()
    page.get_by_role("main").get_by_role("link", name="导入方案").click()  # the list's button (the bar has one too)
    page.get_by_label("方案文件").set_input_files(str(plan_file))
    shot(page, "import-upload")
    with page.expect_navigation():
        page.get_by_role("button", name="读取并预览").click()
    expect(page.get_by_role("heading", name="核对预览：测试方案.docx")).to_be_visible()
    assert page.locator(".new-unit-badge", has_text="新单位").count() == 1  # 新成立的处置办
    shot(page, "import-preview")

    page.get_by_label("一（一） 标题").fill("建立金融风险台账")
    page.get_by_label("一（二） 完成时限").fill("2024年9月底前")
    lead = page.locator("#item-3").get_by_label("牵头单位1")
    lead.fill("重庆证监")
    lead.press_sequentially("局")  # typed like a person; the registry knows it, so no 新单位 flag
    assert page.locator("#item-3 .new-unit-badge").count() == 0
    with page.expect_navigation():
        page.locator("#item-4").get_by_role("button", name="删除").click()  # 一（三） has no units: not a task to track
    assert page.get_by_label("一（一） 标题").input_value() == "建立金融风险台账"  # the edits were kept
    assert page.locator("#item-4").count() == 0
    shot(page, "import-preview-corrected")
    with page.expect_navigation():
        page.get_by_role("button", name="确认导入").click()
    expect(page.get_by_text("已导入方案《测试市金融风险防控工作方案》，共 5 个条目。")).to_be_visible()
    shot(page, "import-done-plan")
    plan_id = int(page.url.split("#")[0].rsplit("/", 1)[1])
    assert [row[:5] for row in plan_tree(app, plan_id)] == [
        ("一", "加强风险监测", [], [], None),
        ("一（一）", "建立金融风险台账", ["市金融办"], ["人行重庆营管部"], None),
        ("一（二）", "开展专项排查", ["重庆证监局"], [], "2024年9月底前"),
        ("二", "强化处置", [], [], None),
        ("二（一）", "依法处置非法集资", ["市工商局", "新成立的处置办"], [], None),
    ]


def test_browser_supervisor_applies_a_revised_plan_and_sees_what_was_withdrawn(live_server, browser,
                                                                               seeded_template, tmp_path):
    from tests.helpers.plans import revised_text

    revision = tmp_path / "修订版.txt"
    revision.write_text(revised_text(), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.get_by_role("link", name="重庆市金融去杠杆防风险专项方案").first.click()
    page.get_by_role("link", name="上传修订版").click()
    page.get_by_label("方案文件").set_input_files(str(revision))
    page.get_by_role("button", name="读取并预览").click()
    with page.expect_navigation():
        page.get_by_role("button", name="下一步：查看变化").click()
    assert page.locator("#change-summary").inner_text().split() == ["未变", "17", "修改", "1", "新增", "1", "撤销", "2"]
    shot(page, "revision-changes")
    with page.expect_navigation():
        page.get_by_role("button", name="确认更新方案").click()
    expect(page.get_by_role("heading", name="已撤销的条目")).to_be_visible()
    shot(page, "revision-applied-plan")


def test_browser_supervisor_edits_a_task_and_a_liaison_sees_the_new_units(live_server, browser, seeded_template, app):
    from tests.helpers.reports import task_id

    tid = task_id(app, ["一", "（四）"])  # led by 重庆保监局 alone
    page = browser.new_page()
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.goto(f"{live_server}/tasks/{tid}")
    page.get_by_role("link", name="编辑").click()
    page.get_by_label("任务名称").fill("加强保险行业风险防范和处置")
    page.locator("#supporting_units").get_by_label("重庆证监局", exact=True).check()
    page.get_by_label("完成时限（按文件原文").fill("2027年6月底前")
    page.get_by_label("到期日期").fill("2027-06-30")
    shot(page, "task-edit-form")
    with page.expect_navigation():
        page.get_by_role("button", name="保存修改").click()
    assert "已修改任务名称、完成时限、到期日期、配合单位" in page.content()
    assert "2027年6月底前" in page.locator("#task-deadline").inner_text()
    shot(page, "task-edited")
    page.close()
    liaison = browser.new_page()  # 重庆证监局 now supports the task: its liaison sees it and may report
    sign_in(liaison, live_server, "zjj", seeded_template.passwords["zjj"])
    liaison.goto(f"{live_server}/tasks/{tid}")
    assert "加强保险行业风险防范和处置" in liaison.content()
    assert liaison.locator("#report-form").count() == 1
    assert liaison.get_by_role("link", name="编辑").count() == 0
    liaison.close()
