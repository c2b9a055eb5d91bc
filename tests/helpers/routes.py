"""Sample values for every URL parameter of the app's routes: the permission matrix and the security sweeps.

``sample_arguments(app)`` makes, once per database, the objects the routes are about (a task, a plan
import draft, a ledger upload and import, a reminder, an extension request, an attachment), as the people
who own them would; ``url_arguments(rule, samples)`` fills one rule's parameters and sample query.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from tests.helpers.paths import ROOT
from tests.helpers.reports import task_id
from tracker.extensions import db
from tracker.models import Task, User
from tracker.services.accounts.units import find_unit


def sample_arguments(app) -> dict[str, object]:
    """Values for the URL parameters of the rules: the objects each line of MATRIX is about.

    task_id: 一（三）, led by 重庆证监局 (own_liaison zjj), with no part for 重庆保监局 (other_liaison bjj).
    user_id / unit_id / alias_id: the 市财政局 liaison, that unit and one of its aliases (none of the actors).
    The workflow and import objects are made once per database, through the services, by
    ``make_samples``; see its docstring for who owns which.
    """
    samples = app.extensions.get("permission_matrix_samples")
    if samples is None:
        samples = app.extensions["permission_matrix_samples"] = make_samples(app)
    return samples


def make_samples(app) -> dict[str, object]:
    """Make the objects the new routes are about, as the people who own them would, and return the ids.

    - token: a plan import draft of 督办 (duban) revising plan 1 (its own text again), so both
      /plans/import/<token> and .../changes have something to show; everyone else's is a 404.
    - record_id: a ledger import by 重庆证监局 (zjj) filling in 一（三）'s progress.
    - reminder_id: a reminder of 督办 to 重庆证监局 about 一（三）.
    - notification_id: the notification of that reminder to zjj (only zjj may mark it read).
    - request_id: 重庆证监局's waiting extension request for 一（三）.
    - attachment_id: a PDF attached by 重庆证监局 to a report on 一（三）.
    - kind / item_id / decision: 重庆证监局's draft report on 一（三） (sign-off, issue 18), to be returned;
      report_id: the same draft, zjj's newest report, which only zjj may correct.
    - bulletin_id: this month's 通报 as 督办 published it.
    - upload_token: a ledger 重庆证监局 (zjj) uploaded and has not confirmed yet; it stands for
      ``<token>`` in the /imports/pending/ rules (see ``url_arguments``). Only its uploader sees it.
    """
    from tests.helpers.ledger import edit
    from tracker.models import Plan
    from tracker.parsing import read_plan_file
    from tracker.services.workflow import reminders
    from tracker.services.workflow.extensions import request_extension
    from tracker.services.plans.drafts import start_import
    from tracker.services.ledger.export import export_ledger
    from tracker.services.ledger.uploads import store_upload
    from tracker.services.ledger.importing import apply_import, ledger_limits, load_ledger
    from tracker.services.workflow.progress import add_report
    from tracker.services.attachments import Upload
    from tracker.tasks.routes import attachment_folder

    tid = task_id(app, ["一", "（三）"])
    with app.test_request_context():
        def user(name: str) -> User:
            return db.session.scalar(select(User).where(User.username == name))

        duban, zjj = user("duban"), user("zjj")
        unit = find_unit("市财政局")
        samples = {"task_id": tid, "plan_id": 1, "unit_id": unit.id, "alias_id": unit.aliases[0].id,
                   "user_id": user("czj").id, "filename": "css/tracker.css", "fmt": "xlsx"}

        plan = db.session.get(Plan, 1)
        draft = read_plan_file(ROOT / "seed_data" / "chongqing_plan.txt")
        samples["token"] = start_import(duban, draft, "chongqing_plan.txt", plan).token

        folder = Path(app.instance_path) / "matrix-samples"
        folder.mkdir(exist_ok=True)
        exported = folder / "证监局.xlsx"
        exported.write_bytes(export_ledger(zjj, 1, supervising_office=app.config["SUPERVISING_OFFICE"]).content)
        samples["upload_token"] = store_upload(app.instance_path, exported.read_bytes(), exported.name, zjj.id,
                                               None).token
        filled = edit(exported, folder / "证监局-填报.xlsx", {"一（三）": {"进展情况": "台账导入的进展。"}})
        loaded = load_ledger(filled, filled.name, limits=ledger_limits(app.config))
        samples["record_id"] = apply_import(loaded, zjj, None, app.config["SUPERVISING_OFFICE"]).record.id

        def version() -> int:
            db.session.expire_all()
            return db.session.get(Task, tid).version

        samples["reminder_id"] = reminders.send_reminder(tid, zjj.unit_id, duban, "请报送进展。", None, version()).id
        from tracker.models import Notification
        samples["notification_id"] = db.session.scalar(select(Notification.id).where(  # the reminder's, to zjj
            Notification.user_id == zjj.id).order_by(Notification.id.desc()))
        samples["request_id"] = request_extension(tid, zjj, date(2099, 12, 31), "需要更多时间。", version()).id
        report = add_report(db.session.get(Task, tid), zjj, "附佐证材料的进展。", read_version=version(),
                            uploads=[Upload("检查记录.pdf", b"%PDF-1.4\n%matrix\n")],
                            attachment_folder=attachment_folder())
        samples["attachment_id"] = report.attachments[0].id
        # A draft report of 重庆证监局 waiting for its unit leader (issue 18): the setting is on while zjj
        # files it, then off again, so that every other sample and route behaves as without sign-off.
        from tracker.services.accounts.units import set_signoff_required

        set_signoff_required(duban, zjj.unit_id, True)
        draft = add_report(db.session.get(Task, tid), user("zjj"), "待单位负责人签发的进展。", read_version=version())
        samples.update(kind="report", item_id=draft.id, decision="return", report_id=draft.id)
        set_signoff_required(duban, zjj.unit_id, False)
        # bulletin_id: this month's 通报, published by 督办 (every unit may read it).
        from tracker import clock
        from tracker.periods import period_containing
        from tracker.services.figures.publishing import publish_bulletin

        today = clock.beijing_today()
        samples["bulletin_id"] = publish_bulletin(duban, period_containing("monthly", today), today).row.id
        samples["extension"] = "docx"  # /api/v1/bulletins/<bulletin_id>/<extension>: its Word file
        db.session.remove()
    return samples


# Rules whose parameter names the same thing differently: ``<token>`` of a pending ledger upload.
SAMPLE_ALIASES = {"/imports/pending/": {"token": "upload_token"}}
# Query arguments sent with a rule's sample URL: a filtered list exported with options.
SAMPLE_QUERIES = {
    "/dashboard/ledger.": {"status": "in_progress", "light": "red", "q": "风险", "layout": "flat", "columns": "备注"},
    "/my-tasks/ledger.": {"layout": "flat", "columns": "责任人"},
}


def url_arguments(rule, samples: dict[str, object]) -> dict[str, object]:
    """The sample value of each URL parameter of ``rule`` (a werkzeug Rule), plus its sample query."""
    aliases = next((names for prefix, names in SAMPLE_ALIASES.items() if rule.rule.startswith(prefix)), {})
    query = next((args for prefix, args in SAMPLE_QUERIES.items() if rule.rule.startswith(prefix)), {})
    return {**query, **{name: samples[aliases.get(name, name)] for name in rule.arguments}}
