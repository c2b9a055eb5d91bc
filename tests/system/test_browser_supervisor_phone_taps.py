"""The supervising office (市金融办) at month end on a phone (360 × 740, headless Chromium): every page she opens from the
top bar, the dashboard, a plan, a task, the 通报 and the rankings: each link, button and field a thumb follows on its
own is at least 44 px high (tracker.css, "Touch targets on a phone", the rule the liaison's pages already keep), and no
page is wider than the phone (workflow55: the dashboard's links were 14 × 34 px and smaller).

A link inside running text (a sentence with a link in it) stays as it is, as the CSS rule says; everything else is
measured: a link alone in its line, cell, list item or card, a button, a field, a disclosure's summary.
"""
from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import Page

from tests.helpers.browser import shot, sign_in

PHONE = {"width": 360, "height": 740}

#: Every tap target under 44 px high shown on the page, as (text, width, height): links in running text left out.
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'a[href], button, summary, select, input:not([type=hidden]):not([type=checkbox]):not([type=radio])')]
  .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden'
                && !el.closest('.visually-hidden, .visually-hidden-focusable, .dropdown-menu:not(.show)'))
  .filter(el => {
    if (el.tagName !== 'A') return true;
    if (el.classList.contains('btn') || el.classList.contains('stretched-link')) return true;  // the card's number too
    const block = el.parentElement.closest('p, li, td, th, dd, dt, div, span, small, h1, h2, h3, h4, h5, h6, label');
    const own = (el.innerText || '').trim(), around = ((block || el.parentElement).innerText || '').trim();
    return around.replace(own, '').replace(/[\\s|·/>»（）()：:、，,。]/g, '').length === 0;  // alone in its place
  })
  .map(el => { const r = el.getBoundingClientRect();
               return [(el.innerText || el.name || el.id || el.tagName).trim().slice(0, 30), Math.round(r.width), Math.round(r.height)]; })
  .filter(([, , height]) => height < 44)"""


def pages_to_walk(page: Page, base: str) -> list[str]:
    """The pages a supervisor reaches: the top bar's (menus included), and from the dashboard a plan and a task."""
    urls = page.evaluate("""() => [...document.querySelectorAll('nav a[href], #ranking a[href], main a[href*="/plans/"], main a[href*="/tasks/"]')]
        .map(a => a.href)""")
    seen, kept = set(), []
    plan_taken = task_taken = False
    for url in urls:
        parts = urlparse(url)
        if parts.netloc != urlparse(base).netloc or "logout" in parts.path or "export" in parts.path \
                or parts.path.endswith((".xlsx", ".docx", ".csv", ".pdf")):
            continue
        is_plan, is_task = parts.path.startswith("/plans/") and parts.path[7:].isdigit(), parts.path.startswith("/tasks/")
        if (is_plan and plan_taken) or (is_task and task_taken):
            continue
        plan_taken, task_taken = plan_taken or is_plan, task_taken or is_task
        key = parts.path + ("?" + parts.query if parts.query else "")
        if key not in seen:
            seen.add(key)
            kept.append(base + key)
    return kept


def test_every_page_a_supervisor_opens_on_a_phone_has_thumb_high_targets_and_fits(live_server, browser, seeded_template):
    page = browser.new_page(viewport=PHONE)
    sign_in(page, live_server, "duban", seeded_template.passwords["duban"])
    page.goto(f"{live_server}/")
    walked = pages_to_walk(page, live_server)
    for extra in ("/bulletin", "/indicators/ranking", "/indicators/import", "/bulletins"):
        if live_server + extra not in walked:
            walked.append(live_server + extra)
    problems = {}
    for url in walked:
        response = page.goto(url)
        if response is None or response.status >= 400:
            continue
        small = page.evaluate(SMALL_TARGETS)
        width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if small or width > inner:
            problems[url.removeprefix(live_server)] = {"under 44 px": small[:8], "width": (width, inner)}
    shot(page, "supervisor-phone-last-page")
    assert len(walked) >= 8, walked
    assert not problems, problems
