"""The supervisor's month in headless Chromium, on the demo as a newcomer starts it (workflow51).

duban, at her desk (1366 × 900) and on a phone held upright (390 × 844): the dashboard → 报送情况与催办 → 催办 one unit
→ 通报 → 发布通报, each page of figures saying they count the demo's reports (workflow53). The demo
(services/seed.seed_report_history) has its units' reports of the last two months whose
report day has passed, one unit in four never reporting, so every page of the walk has something to show.
"""
from __future__ import annotations

import threading

import pytest
from playwright.sync_api import expect
from sqlalchemy import select, update
from werkzeug.serving import make_server

from tests.helpers.browser import go, no_horizontal_scroll, press, shot, sign_in
from tracker.extensions import db
from tracker.models import Plan, User
from tracker.services.seed import prepare_database

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}


@pytest.fixture
def demo(empty_app):
    """The first start's demo served on a loopback port: (base URL, passwords, plan id)."""
    result = prepare_database(empty_app, office_deadlines=True)
    with empty_app.app_context():
        db.session.execute(update(User).values(must_change_password=False))
        db.session.commit()
        plan_id = db.session.scalar(select(Plan.id))
    server = make_server("127.0.0.1", 0, empty_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", {u: p for u, p, _, _ in result.accounts}, plan_id
    server.shutdown()
    thread.join(timeout=10)


def _headline(page, caption: str) -> int:
    return int(page.locator(".headline", has_text=caption).locator(".fs-3").inner_text())


@pytest.mark.parametrize("size", ["desk", "phone"])
def test_the_supervisors_month(demo, browser, size):
    base, passwords, plan_id = demo
    page = browser.new_page(viewport=DESK if size == "desk" else PHONE)
    sign_in(page, base, "duban", passwords["duban"])

    go(page, f"{base}/")  # the dashboard: how many tasks have not reported this period
    unreported = _headline(page, "本期未报送")
    assert unreported > 0 and no_horizontal_scroll(page)
    expect(page.locator("#dashboard-demo-note")).to_be_visible()  # the figures say they count the demo's reports
    shot(page, f"month-{size}-1-dashboard")

    go(page, f"{base}/plans/{plan_id}/reporting")  # 报送情况与催办: the same tasks, counted as the dashboard does
    expect(page.locator("#reporting-counts")).to_contain_text("首页“本期未报送”")
    assert int(page.locator("#reporting-silent-tasks").inner_text()) == unreported
    assert no_horizontal_scroll(page), "报送情况 scrolls sideways"
    shot(page, f"month-{size}-2-reporting")

    card = page.locator(".owing-unit").first  # 催办 one unit: asked first, then told what comes next
    unit = card.locator("h2").inner_text().split()[0]
    page.once("dialog", lambda dialog: dialog.accept())
    with page.expect_navigation():
        card.locator(".remind-unit button[type=submit]").click()
    told = page.locator(".alert-success")
    expect(told).to_contain_text(f"已向{unit}发出")
    expect(told).to_contain_text("到“通报”页面查看并发布通报")  # the next step of the month
    expect(page.locator(".owing-unit", has_text=unit).locator(".urged-today")).to_be_visible()
    shot(page, f"month-{size}-3-reminded")

    go(page, f"{base}/bulletin")  # the 通报 of the month whose report day passed, then 发布
    assert no_horizontal_scroll(page), "the 通报 scrolls sideways"
    expect(page.locator("#bulletin-ranking tbody tr").first).to_contain_text("1")
    expect(page.locator("#bulletin-demo-note")).to_contain_text("不能作为正式通报印发")  # before she publishes it (workflow53)
    shot(page, f"month-{size}-4-bulletin")
    page.once("dialog", lambda dialog: dialog.accept())  # 确定 to the question before it is sent to every unit
    press(page, "发布通报")
    expect(page.locator("#published-version")).to_have_text("第1版")
    assert no_horizontal_scroll(page)
    shot(page, f"month-{size}-5-published")
