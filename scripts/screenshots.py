"""Take the README's screenshots of the dashboard and the liaison home with headless Chromium.

Usage: .venv/bin/python scripts/screenshots.py [OUT_DIR]   (default: docs/screenshots)

Builds a throw-away instance seeded with the 重庆 plan, moves the 2016 plan's dates ten years on
(so that its tasks are not all long overdue), adds a few months of progress reports and closures
made up deterministically for the picture, two reminders to 重庆证监局 and a ledger it uploaded but
has not submitted yet, serves it on 127.0.0.1 and photographs / as the
supervisor (duban) and as the liaison of 重庆证监局 (zjj). Needs Debian's chromium.
"""
from __future__ import annotations

import random
import sys
import tempfile
import threading
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking"]


def add_demo_activity(app) -> None:
    """Shift the plan ten years on and add reports and closures (deterministic, seed 6)."""
    from sqlalchemy import select

    from tracker.clock import beijing_today
    from tracker.extensions import db
    from tracker.models import JournalEntry, Plan, ProgressReport, Task, TaskStatus, User

    rng = random.Random(6)
    today = beijing_today()
    with app.app_context():
        supervisor = db.session.scalar(select(User).where(User.username == "duban"))
        liaisons = {u.unit_id: u for u in db.session.scalars(select(User).where(User.role == "liaison"))}
        for user in db.session.scalars(select(User)):
            user.must_change_password = False  # the demo's accounts go straight to their pages
        for plan in db.session.scalars(select(Plan)):
            plan.created_at = datetime(today.year, 6, 1)
        tasks = db.session.scalars(select(Task)).all()
        parents = {t.parent_id for t in tasks}
        for task in tasks:
            if task.due_date is not None:
                task.due_date = task.due_date.replace(year=task.due_date.year + 10)
            if task.id in parents:
                continue
            if task.due_date is None and rng.random() < 0.5:
                task.due_date = today + timedelta(days=rng.randint(-40, 120))
            for months_back in (3, 2, 1, 0):
                day = date(today.year, today.month, 1) - timedelta(days=30 * months_back) + timedelta(days=rng.randint(0, 27))
                if day > today or rng.random() < 0.3:
                    continue
                for assignment in task.assignments:
                    author = liaisons.get(assignment.unit_id)
                    if author is not None and rng.random() < 0.8:
                        db.session.add(ProgressReport(task=task, unit_id=assignment.unit_id, author=author,
                                                      created_at=datetime.combine(day, datetime.min.time()),
                                                      progress=f"按计划推进{task.heading_text}，已完成阶段性工作。"))
                if task.status is TaskStatus.ASSIGNED:
                    task.status = TaskStatus.IN_PROGRESS
            if rng.random() < 0.25:
                closed = today - timedelta(days=rng.randint(1, 100))
                task.status = TaskStatus.CLOSED
                db.session.add(JournalEntry(task=task, plan_id=task.plan_id, user=supervisor,
                                            unit_id=supervisor.unit_id, field="status", old_code="close_requested",
                                            new_code="closed", created_at=datetime.combine(closed, datetime.min.time())))
        db.session.commit()


def add_liaison_inbox(app, folder: Path) -> None:
    """Give 重庆证监局 (zjj) two reminders to sign for and a ledger uploaded but not yet submitted."""
    from sqlalchemy import select

    from tracker.extensions import db
    from tracker.models import Assignment, Task, TaskStatus, Unit, User
    from tracker.services.ledger.uploads import store_upload
    from tracker.services.workflow.reminders import send_reminder

    with app.app_context():
        supervisor = db.session.scalar(select(User).where(User.username == "duban"))
        liaison = db.session.scalar(select(User).where(User.username == "zjj"))
        unit = db.session.get(Unit, liaison.unit_id)
        tasks = db.session.scalars(select(Task).join(Assignment).where(
            Assignment.unit_id == unit.id, Task.status != TaskStatus.CLOSED).order_by(Task.position).limit(2)).all()
        for task, text in zip(tasks, ("请于本周内报送排查进展。", "该项任务进展滞后，请说明原因并提出整改措施。")):
            send_reminder(task.id, unit.id, supervisor, text, None, task.version)
        ledger = folder / "ledger.xlsx"
        app.test_cli_runner().invoke(args=["export-ledger", "-o", str(ledger)])
        store_upload(app.instance_path, ledger.read_bytes(), "重庆证监局十一月台账.xlsx", liaison.id, None)


def main(out: Path) -> None:
    import pytest
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    from tests.helpers.app import make_app
    from tracker.services.seed import prepare_database

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as monkeypatch:
        app = make_app(Path(folder), monkeypatch)
        passwords = {u: p for u, p, _, _ in prepare_database(app).accounts}
        add_demo_activity(app)
        add_liaison_inbox(app, Path(folder))
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                # The dashboard's top (figures, charts, tables, ranking); the liaison home whole.
                for username, name, height in (("duban", "dashboard", 2350), ("zjj", "liaison-home", 900),
                                               ("duban", "navigation", 400)):
                    page = browser.new_page(viewport={"width": 1400, "height": height}, locale="zh-CN")
                    page.goto(f"{base}/login")
                    page.get_by_label("用户名").fill(username)
                    page.get_by_label("密码").fill(passwords[username])
                    page.get_by_role("button", name="登录").click()
                    page.wait_for_load_state("networkidle")
                    if name == "navigation":  # the top bar with its 督办 menu open
                        page.locator("#main-nav").get_by_role("button", name="督办").click()
                    page.screenshot(path=str(out / f"{name}.png"), full_page=name == "liaison-home")
                    print(out / f"{name}.png")
                    page.close()
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
