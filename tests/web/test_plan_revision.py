"""The supervising office uploads a revised version of a tracked plan: changes are shown, then applied.

Tasks that did not change keep their ids, keys, progress and history; edited ones are updated and
journalled; new measures are added; removed ones are kept as 已撤销 with their reports.
"""
from __future__ import annotations

from io import BytesIO

from sqlalchemy import func, select

from tests.helpers.forms import csrf_token
from tests.helpers.plans import ORIGINAL, preview_fields, revised_text
from tests.helpers.reports import post_report, task_id
from tracker.extensions import db
from tracker.models import JournalEntry, Plan, ProgressReport, Task

def plan_id(app) -> int:
    with app.app_context():
        return db.session.scalar(select(Plan.id))


def upload_revision(client, pid: int, text: str) -> str:
    page = client.get(f"/plans/{pid}/revise").get_data(as_text=True)
    response = client.post(f"/plans/{pid}/revise", content_type="multipart/form-data",
                           data={"csrf_token": csrf_token(page), "file": (BytesIO(text.encode("gb18030")), "修订版.txt")})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def go_to_changes(client, url: str) -> str:
    fields = preview_fields(client.get(url).get_data(as_text=True))
    fields["action"] = ["changes"]
    response = client.post(url, data=fields)
    assert response.status_code == 302
    return response.headers["Location"]


def apply_revision(client, pid: int, text: str) -> str:
    """Upload ``text`` as plan ``pid``'s revised version, open 查看变化 and apply it; return the 查看变化 page as read
    before applying."""
    changes_url = go_to_changes(client, upload_revision(client, pid, text))
    page = client.get(changes_url).get_data(as_text=True)
    assert client.post(changes_url, data={"csrf_token": csrf_token(page)}).status_code == 302
    return page


def snapshot(app, tid: int):
    with app.app_context():
        task = db.session.get(Task, tid)
        return task.key, task.version, task.status, [r.id for r in task.reports], task.withdrawn_at


def test_plan_revision_shows_the_changes_and_keeps_progress_on_unchanged_tasks(app, client, auth):
    pid = plan_id(app)
    kept, edited, dropped = task_id(app, ["一", "（三）"]), task_id(app, ["二", "（二）"]), task_id(app, ["一", "（五）"])
    auth.login("zjj")
    assert post_report(client, kept, progress="已检查 12 家证券经营机构。").status_code == 302
    assert post_report(client, dropped, progress="已建立监测指标。").status_code == 302
    auth.logout()
    before = {tid: snapshot(app, tid) for tid in (kept, edited, dropped)}

    auth.login("duban")
    changes_url = go_to_changes(client, upload_revision(client, pid, revised_text()))
    page = client.get(changes_url).get_data(as_text=True)
    assert "未变 17" in page and "修改 1" in page and "新增 1" in page and "撤销 2" in page
    assert "担保、典当机构的现场检查" in page and "加强融资担保行业风险防范" in page
    assert snapshot(app, kept) == before[kept]  # nothing applied before confirming

    response = client.post(changes_url, data={"csrf_token": csrf_token(page)})
    assert response.status_code == 302
    assert "未变 17 条，修改 1 条，新增 1 条，撤销 2 条" in client.get(response.headers["Location"]).get_data(as_text=True)

    assert snapshot(app, kept) == before[kept]  # same key, version, status and reports
    with app.app_context():
        task = db.session.get(Task, edited)
        assert "典当机构" in task.text and task.key == before[edited][0] and task.version > before[edited][1]
        entry = db.session.scalar(select(JournalEntry).where(JournalEntry.task_id == edited, JournalEntry.field == "text"))
        assert "担保、典当机构" not in entry.old_value and "担保、典当机构" in entry.new_value
        assert entry.user.username == "duban" and entry.channel.value == "form"
        gone = db.session.get(Task, dropped)
        assert gone.withdrawn_at is not None and len(gone.reports) == 1  # kept, with its report
        live = db.session.scalars(select(Task).where(Task.plan_id == pid, Task.withdrawn_at.is_(None))
                                  .order_by(Task.position)).all()
        assert ["".join(t.path) for t in live][:6] == ["一", "一（一）", "一（二）", "一（三）", "一（四）", "一（五）"]
        assert live[5].title == "加强融资担保行业风险防范" and live[5].parent.path == ["一"]
        assert len(live) == 19
        assert db.session.scalar(select(func.count(ProgressReport.id))) == 2


def test_plan_revision_withdrawn_tasks_are_shown_apart_and_take_no_reports(app, client, auth):
    pid = plan_id(app)
    dropped = task_id(app, ["一", "（五）"])
    auth.login("duban")
    apply_revision(client, pid, revised_text())
    plan_page = client.get(f"/plans/{pid}").get_data(as_text=True)
    assert "已撤销的条目" in plan_page and "建立高杠杆风险监测预警机制" in plan_page
    auth.logout()

    auth.login("zjj")
    mine = client.get("/my-tasks").get_data(as_text=True)
    assert "建立高杠杆风险监测预警机制" not in mine
    page = client.get(f"/tasks/{dropped}").get_data(as_text=True)
    assert "该任务已在方案修订中撤销" in page and "提交进展" not in page
    post_report(client, dropped, progress="还想报送。")
    with app.app_context():
        assert db.session.scalar(select(func.count(ProgressReport.id))) == 0


def test_plan_revision_of_the_same_text_changes_nothing(app, client, auth):
    pid = plan_id(app)
    with app.app_context():
        versions = dict(db.session.execute(select(Task.id, Task.version)).all())
    auth.login("duban")
    page = apply_revision(client, pid, ORIGINAL)
    assert "未变 20" in page and "修订版与现有方案的条目完全相同。" in page
    with app.app_context():
        assert dict(db.session.execute(select(Task.id, Task.version)).all()) == versions


def test_plan_revision_renumbered_measures_keep_their_tasks(app, client, auth):
    """A measure inserted at 二（一） shifts the others: matched by text, they keep their ids."""
    pid = plan_id(app)
    old = {n: task_id(app, ["二", n]) for n in ("（一）", "（二）", "（三）", "（四）")}
    lines = ORIGINAL.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    renumbered = {"（一）": "（二）", "（二）": "（三）", "（三）": "（四）", "（四）": "（五）"}
    for i in range(start + 1, start + 5):
        lines[i] = renumbered[lines[i][:3]] + lines[i][3:]
    lines.insert(start + 1, "（一）加强地方金融监管立法。研究起草地方金融监督管理条例。（牵头单位：市金融办）")
    auth.login("duban")
    page = apply_revision(client, pid, "\n".join(lines))
    assert "新增 1" in page and "修改 4" in page and "撤销 0" in page
    with app.app_context():
        for number, tid in old.items():
            assert db.session.get(Task, tid).path == ["二", renumbered[number]]


def test_plan_revision_liaison_gets_403(app, client, auth):
    auth.login("zjj")
    pid = plan_id(app)
    assert client.get(f"/plans/{pid}/revise").status_code == 403
    page = client.get("/").get_data(as_text=True)
    assert client.post(f"/plans/{pid}/revise", data={"csrf_token": csrf_token(page), "text": ORIGINAL}).status_code == 403
    assert "上传修订版" not in client.get(f"/plans/{pid}").get_data(as_text=True)


def test_plan_revision_withdrawn_tasks_leave_the_dashboard_counts_and_the_owed_reports(app, client, auth):
    """已撤销 measures are no longer tracked: the 督办 figures and the 未报送 list stop counting them."""
    from tracker.clock import beijing_today
    from tracker.models import User
    from tracker.services.figures.dashboard import build_dashboard
    from tracker.services.figures.reporting import missing_reports

    pid = plan_id(app)
    dropped = task_id(app, ["一", "（五）"])
    auth.login("duban")
    apply_revision(client, pid, revised_text())
    with app.app_context():
        duban = db.session.scalar(select(User).where(User.username == "duban"))
        tasks = db.session.scalars(select(Task).where(Task.plan_id == pid)).all()
        parents = {t.parent_id for t in tasks}
        live_leaves = [t for t in tasks if t.id not in parents and t.withdrawn_at is None]
        withdrawn = [t for t in tasks if t.withdrawn_at is not None]
        assert len(withdrawn) == 2 and dropped in {t.id for t in withdrawn}
        board = build_dashboard(duban, beijing_today())
        assert board.total.total == len(live_leaves)
        owed = missing_reports(db.session.get(Plan, pid), duban)
        assert owed.missing and dropped not in {item.task.id for item in owed.missing}
    page = client.get("/dashboard?q=" + "建立高杠杆风险监测预警机制").get_data(as_text=True)
    assert f"/tasks/{dropped}\"" not in page


def test_plan_revision_leaves_the_sub_tasks_of_a_split_task_alone(app, client, auth):
    """Issue 18: a sub-task is not a measure of the document, so re-importing the same text neither
    withdraws it nor counts it as a change."""
    from tracker.models import User
    from tracker.services.plans.subtasks import split_task

    pid = plan_id(app)
    tid = task_id(app, ["一", "（三）"])
    with app.app_context():
        duban = db.session.scalar(select(User).where(User.username == "duban"))
        sub_id = split_task(duban, tid, ["市财政局"])[0].id
    auth.login("duban")
    page = apply_revision(client, pid, ORIGINAL)
    assert "未变 20" in page and "修订版与现有方案的条目完全相同。" in page
    with app.app_context():
        sub = db.session.get(Task, sub_id)
        assert sub.withdrawn_at is None and sub.split_from_id == tid and sub.number_display == "一（三）-1"
