"""In a real headless Chromium: the supervising office and two liaisons walk a task through the 督办 workflow.

重庆证监局 (zjj) leads 一（三）, 市发展改革委 (fgw) supports it, 市金融办 (duban) supervises:
签收 → 报送 (with a 佐证材料 file) → 申请办结 → 退回 → 报送 again → 延期申请 accepted → 申请办结 → 办结,
with a reminder on the way. The task's 办理记录 must show every change. Screenshots go to
test-artifacts/ for a person to look at.
"""
from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import Page, expect

from tests.helpers.browser import shot, sign_in, press
from tests.helpers.reports import task_id
from tracker.clock import beijing_today

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def open_task(page: Page, base: str, tid: int) -> None:
    page.goto(f"{base}/tasks/{tid}")
    page.wait_for_load_state("networkidle")


def flash(page: Page) -> str:
    return page.locator(".alert-success, .alert-info").first.inner_text()


def test_browser_workflow_walk_from_assignment_to_closing(live_server, browser, seeded_template, app, tmp_path):  # noqa: F811
    passwords = seeded_template.passwords
    base = live_server
    tid = task_id(app, ["一", "（三）"])
    lead = browser.new_page(viewport={"width": 1400, "height": 900})
    support = browser.new_page(viewport={"width": 1400, "height": 900})
    office = browser.new_page(viewport={"width": 1400, "height": 900})
    sign_in(lead, base, "zjj", passwords["zjj"])
    sign_in(support, base, "fgw", passwords["fgw"])
    sign_in(office, base, "duban", passwords["duban"])

    # 签收: the lead unit signs, then the supporting unit.
    open_task(lead, base, tid)
    shot(lead, "workflow-01-lead-before-signing")
    press(lead, "签收")
    assert "已签收" in flash(lead)
    assert "已签收" in lead.locator("#task-status").inner_text()
    open_task(support, base, tid)
    press(support, "签收")

    # The supervising office urges the supporting unit; it sees the banner and confirms.
    open_task(office, base, tid)
    office.get_by_label("催办单位").select_option(label="市发展改革委（配合单位）")
    office.get_by_label("催办要求").fill("请于本周内报送配合摸底情况。")
    press(office, "发出催办")
    assert "催办已发出" in flash(office)
    with office.expect_navigation():
        office.get_by_role("link", name="交办单（交办").first.click()
    assert office.locator(".notice-title").inner_text().endswith("交办单")
    shot(office, "workflow-02-reminder-print")
    support.goto(f"{base}/")
    expect(support.locator(".reminder-banner")).to_be_visible()
    shot(support, "workflow-03-liaison-reminder-banner")
    support.get_by_role("link", name="查看我的催办").click()
    press(support, "确认收到")
    assert support.locator(".reminder-banner").count() == 0

    # Both units report; the lead unit attaches its inspection report.
    open_task(support, base, tid)
    support.get_by_label("进展情况").fill("配合摸排企业债券兑付风险，涉及 12 家发债企业。")
    press(support, "提交进展")
    assert "进展已报送" in flash(support)
    open_task(lead, base, tid)
    lead.get_by_label("进展情况").fill("已对辖区 36 家证券经营机构开展适当性管理检查。")
    lead.get_by_label("存在问题").fill("部分私募基金管理人底数不清。")
    pdf = tmp_path / "检查报告.pdf"
    pdf.write_bytes(PDF)
    lead.get_by_label("佐证材料（可选）").set_input_files(str(pdf))
    press(lead, "提交进展")
    expect(lead.get_by_role("link", name="检查报告.pdf")).to_be_visible()

    # 申请办结 → 退回 with a reason.
    lead.get_by_label("办结说明（完成情况）").fill("检查全部完成，问题已督促整改。")
    lead.once("dialog", lambda dialog: dialog.accept())  # 确定 to the question before it is sent (workflow56)
    press(lead, "申请办结")
    assert "申请办结" in lead.locator("#task-status").inner_text()
    shot(lead, "workflow-04-lead-close-requested")
    open_task(office, base, tid)
    assert "检查全部完成，问题已督促整改。" in office.locator("#close-request-notice").inner_text()
    shot(office, "workflow-05-supervisor-review")
    office.get_by_label("退回（继续办理）").check()
    office.get_by_label("审核意见 / 退回理由（退回时必填）").fill("请补充私募基金管理人排查台账。")
    office.once("dialog", lambda dialog: dialog.accept())  # 确定 to the question before the unit is told
    press(office, "提交审核")
    assert "推进中" in office.locator("#task-status").inner_text()

    # The lead unit reads why, reports again and asks for more time; the office agrees.
    open_task(lead, base, tid)
    assert "退回：请补充私募基金管理人排查台账。" in lead.locator("table.history").inner_text()
    lead.get_by_label("进展情况").fill("已补充私募基金管理人排查台账，共 58 家。")
    press(lead, "提交进展")
    new_date = beijing_today() + timedelta(days=120)
    lead.get_by_label("申请延期至").fill(new_date.isoformat())
    lead.get_by_label("延期理由").fill("需等待证监会私募新规出台后完成整改验收。")
    press(lead, "提交延期申请")
    expect(lead.locator("#extension-notice")).to_be_visible()
    open_task(office, base, tid)
    shot(office, "workflow-06-supervisor-extension")
    office.get_by_label("同意延期").check()
    press(office, "提交审批")
    written = f"{new_date.year}年{new_date.month}月{new_date.day}日前"
    assert written in office.locator("#task-deadline").inner_text()

    # 申请办结 again → 同意办结.
    open_task(lead, base, tid)
    lead.get_by_label("办结说明（完成情况）").fill("台账已补齐，整改验收完成。")
    lead.once("dialog", lambda dialog: dialog.accept())  # 确定 to the question before it is sent (workflow56)
    press(lead, "申请办结")
    open_task(office, base, tid)
    office.get_by_label("同意办结").check()
    office.once("dialog", lambda dialog: dialog.accept())  # 确定 to the question before the unit is told
    press(office, "提交审核")
    assert "已办结" in office.locator("#task-status").inner_text()
    shot(office, "workflow-07-closed-with-history")

    # Every change is in the 办理记录, in order, as the supporting unit sees it too.
    open_task(support, base, tid)
    rows = support.locator("table.history tbody tr")
    lines = [rows.nth(i).inner_text() for i in range(rows.count())]
    text = "\n".join(lines)
    for expected in ("重庆证监局（牵头单位）签收", "市发展改革委（配合单位）签收", "已交办", "已签收",
                     "配合摸排企业债券兑付风险", "已对辖区 36 家证券经营机构", "检查报告.pdf", "检查全部完成，问题已督促整改。",
                     "退回：请补充私募基金管理人排查台账。", "已补充私募基金管理人排查台账", "需等待证监会私募新规出台",
                     f"同意延期至{written}", written, new_date.isoformat(), "台账已补齐，整改验收完成。", "同意办结",
                     "申请办结", "已办结", "市发展改革委确认收到交办单", "网页"):
        assert expected in text, expected
    statuses = [line for line in lines if "完成状态" in line]
    assert len(statuses) == 6  # 已交办→已签收→推进中→申请办结→推进中→申请办结→已办结
    shot(support, "workflow-08-supporting-unit-history")
