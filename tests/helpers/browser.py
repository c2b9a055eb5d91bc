"""Drive Debian's chromium through Playwright as a person does: sign in, open a menu, take a screenshot.

The ``browser`` and ``live_server`` fixtures are in tests/system/conftest.py.
"""
from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.helpers.paths import ARTIFACTS

CHROMIUM = "/usr/bin/chromium"
# Flags for a closed network (no background calls home) and a root user (no sandbox).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]


def sign_in(page: Page, base: str, username: str, password: str) -> None:
    """Sign in on the login page of the server at ``base`` and wait until the next page has loaded."""
    page.goto(f"{base}/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="登录").click()


def unfold_top_bar(page: Page) -> None:
    """On a phone, unfold the top bar folded behind its toggler (菜单) and wait until it is open; on a desk, nothing.

    The wait is the rule of every test that touches what is in the bar: Bootstrap unfolds it over 0.35 s as a box of
    growing height whose overflow is hidden (``.collapsing``). Playwright scrolls an item still clipped in that box into
    view inside it; the box then grows and scrolls back, so the press lands on the item and the release on another, and
    the click goes to neither (seen on a loaded CI: the account dropdown never opened and 退出 was waited for 30 s). A
    person cannot touch what is not shown yet; the test waits, as she does, until the bar is ``.show``.
    """
    toggler = page.locator("#navbar-toggler")
    if not toggler.is_visible():
        return  # a desk: the bar is never folded
    if not page.locator("#navbar-menus.show").count():
        toggler.click()
    expect(page.locator("#navbar-menus")).to_have_class(re.compile(r"\bshow\b"))  # unfolded, its transition over


def open_dropdown(page: Page, toggle: Locator) -> Locator:
    """Open the top bar's dropdown whose toggle is ``toggle`` (unfolding the bar first on a phone); return its list.

    Waits until the dropdown says it is open (``aria-expanded``) and its list is shown, so that what follows touches
    items a person sees.
    """
    unfold_top_bar(page)
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    items = page.locator(f"ul.dropdown-menu[aria-labelledby='{toggle.get_attribute('id')}']")
    expect(items).to_be_visible()
    return items


def nav_to(page: Page, menu: str | None, link: str) -> None:
    """Follow the top bar's link ``link``, inside its menu ``menu`` (督办, 指标监测, 台账, 管理), or in the bar itself
    with ``menu`` None (本单位任务, 方案列表, 我的催办), as a person does on a phone or at a desk.
    """
    if menu is None:
        unfold_top_bar(page)
        items = page.locator("#main-nav")
    else:
        items = open_dropdown(page, page.locator("#main-nav").get_by_role("button", name=menu))
    with page.expect_navigation():
        items.get_by_role("link", name=link).click()


def sign_out(page: Page) -> None:
    """Press 退出 in the account menu (the bar's last dropdown, named after the user) and wait for the page after it."""
    items = open_dropdown(page, page.locator("#nav-account"))
    with page.expect_navigation():
        items.get_by_role("button", name="退出").click()


def press(page: Page, button: str) -> None:
    """Press the button named exactly ``button`` and wait until the page the form answers with has loaded.

    Waiting for that navigation, not for the current page's load state, is what keeps a check that follows
    from reading the old page while the server is still answering (seen on PostgreSQL in CI).
    """
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()


def shot(page: Page, name: str) -> None:
    """Save a full-page screenshot as test-artifacts/<name>.png for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def go(page: Page, url: str) -> None:
    """Open ``url`` and wait until the page and what it loads have settled."""
    page.goto(url)
    page.wait_for_load_state("networkidle")


def no_horizontal_scroll(page: Page) -> bool:
    """True when the page fits the screen's width (a phone must never scroll sideways)."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
