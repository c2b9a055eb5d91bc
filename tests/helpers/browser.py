"""Drive Debian's chromium through Playwright as a person does: sign in, open a menu, take a screenshot.

The ``browser`` and ``live_server`` fixtures are in tests/system/conftest.py.
"""
from __future__ import annotations

from playwright.sync_api import Page

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


def nav_to(page: Page, menu: str, link: str) -> None:
    """Open the top bar's menu ``menu`` (督办, 台账, 管理) and follow its link ``link``, as a person does."""
    bar = page.locator("#main-nav")
    bar.get_by_role("button", name=menu).click()
    with page.expect_navigation():
        bar.get_by_role("link", name=link).click()


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
