"""A liaison's evening on a phone (390 × 844, headless Chromium), then the supervisor's 报送情况与催办 and 通报 on one.

重庆证监局 (zjj) leads 一（三）, due tomorrow. At night its liaison signs in, opens 本单位任务 and the task, files a long
progress report with a photo, asks for more time (申请延期: first with a date before the deadline, refused beside the
field with the reason kept as typed, then with a good one) and goes back to the list. Then 市金融办 (duban), on its
phone too, opens the plan's 报送情况与催办 and the 通报. No page is wider than the screen; a table wider than the screen
scrolls inside its own box.
"""
from __future__ import annotations

from datetime import timedelta

from playwright.sync_api import Page, expect

from tests.helpers.browser import shot, sign_in
from tests.helpers.reports import task_id
from tracker import clock
from tracker.extensions import db
from tracker.models import Task

PHONE = {"width": 390, "height": 844}

LONG_TEXT = ("本周组织对辖区 37 家证券期货经营机构开展风险排查，逐家核对两融业务、股票质押和资管产品的风险敞口，"
             "发现问题 12 项，已下发整改通知并明确整改时限；对其中 3 家机构的负责人进行了约谈。") * 8


def fits(page: Page) -> list[str]:
    """What sticks out of the screen: the page wider than the window, or a table wider than the screen outside a
    box that scrolls sideways (overflow-x auto or scroll). Empty when everything fits."""
    return page.evaluate("""() => {
      const problems = [];
      const inner = window.innerWidth;
      if (document.documentElement.scrollWidth > inner) problems.push(`page ${document.documentElement.scrollWidth}px`);
      for (const table of document.querySelectorAll('table')) {
        if (!table.getClientRects().length) continue;
        const box = table.getBoundingClientRect();
        if (box.right <= inner + 1) continue;
        let scrolls = false;
        for (let el = table.parentElement; el && el !== document.body; el = el.parentElement) {
          const style = getComputedStyle(el);
          if (['auto', 'scroll'].includes(style.overflowX)) { scrolls = true; break; }
        }
        if (!scrolls) problems.push(`table #${table.id || table.className} ${Math.round(box.right)}px`);
      }
      return problems;
    }""")


def test_a_liaisons_evening_on_a_phone_then_the_office_reads_reporting_and_the_bulletin(
        live_server, browser, seeded_template, app, tmp_path):
    passwords, base = seeded_template.passwords, live_server
    tid = task_id(app, ["一", "（三）"])
    tomorrow = clock.beijing_today() + timedelta(days=1)
    with app.app_context():
        task = db.session.get(Task, tid)
        task.due_date, task.deadline = tomorrow, f"{tomorrow.year}年{tomorrow.month}月{tomorrow.day}日前"
        db.session.commit()

    page = browser.new_page(viewport=PHONE)
    sign_in(page, base, "zjj", passwords["zjj"])
    page.goto(f"{base}/my-tasks")
    assert fits(page) == []
    with page.expect_navigation():
        page.locator(f'table.table-cards a[href="/tasks/{tid}"]').first.click()
    assert fits(page) == []

    # 填报进展: a long text and a photo
    page.locator("#task-jump").get_by_role("link", name="报送进展 ↓").click()
    page.get_by_label("进展情况").fill(LONG_TEXT)
    photo = tmp_path / "现场照片.png"
    from PIL import Image
    Image.new("RGB", (64, 48), (120, 90, 60)).save(photo, "PNG")
    page.get_by_label("佐证材料（可选）").set_input_files(str(photo))
    with page.expect_navigation():
        page.get_by_role("button", name="提交进展", exact=True).click()
    expect(page.get_by_role("link", name="现场照片.png")).to_be_visible()
    assert fits(page) == []
    shot(page, "phone-evening-report")

    # 申请延期: a date before the deadline is refused beside the field, the reason kept as typed
    page.goto(f"{base}/tasks/{tid}#extension-form")
    reason = "排查对象增加至 37 家，现场检查需延长两周。"
    page.get_by_label("申请延期至").fill(clock.beijing_today().isoformat())
    page.get_by_label("延期理由").fill(reason)
    with page.expect_navigation():
        page.get_by_role("button", name="提交延期申请", exact=True).click()
    assert page.get_by_label("延期理由").input_value() == reason
    assert fits(page) == []
    page.get_by_label("申请延期至").fill((tomorrow + timedelta(days=14)).isoformat())
    with page.expect_navigation():
        page.get_by_role("button", name="提交延期申请", exact=True).click()
    expect(page.locator("#extension-notice")).to_be_visible()
    assert fits(page) == []
    shot(page, "phone-evening-extension")
    page.goto(f"{base}/my-tasks")
    assert fits(page) == []

    office = browser.new_page(viewport=PHONE)
    sign_in(office, base, "duban", passwords["duban"])
    with app.app_context():
        plan = db.session.get(Task, tid).plan_id
    office.goto(f"{base}/plans/{plan}/reporting")
    office.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")  # every unit's tasks unfolded
    shot(office, "phone-evening-reporting")
    assert fits(office) == []
    office.goto(f"{base}/bulletin")
    office.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    shot(office, "phone-evening-bulletin")
    assert fits(office) == []
