"""Plan pages: list, measure tree, ledger download."""
from __future__ import annotations

from flask import abort, render_template, request
from flask_login import current_user, login_required

from .. import clock
from ..downloads import bad_export_options, export_options, send_download
from ..extensions import db
from ..models import Plan
from ..services.seed import demo_page_note
from ..services.errors import InvalidInput
from ..services.plans.store import plan_page, plan_task_counts, plans_for
from ..services.scope import task_scope
from . import bp

@bp.route("/plans")
@login_required
def index():
    """``/plans`` (signed in): the plans the user is shown (services/plans/store.plans_for: a liaison only those
    where its unit has a live task), newest first, with their task counts. ``own_only``: the user is shown only
    its unit's plans (services/scope.task_scope), so an empty list means "none with your unit's tasks yet", not
    "no plan at all".
    """
    return render_template("plans/index.html", plans=plans_for(current_user), counts=plan_task_counts(),
                           own_only=not task_scope(current_user).unrestricted)


@bp.route("/plans/<int:plan_id>")
@login_required
def detail(plan_id: int):
    """``/plans/<plan_id>`` (signed in): the plan's measure tree, page ``?page=N`` (clamped), as the user may see
    it (services/plans/store.plan_page). 404 for an unknown plan.
    """
    plan = db.session.get(Plan, plan_id) or abort(404)
    page = plan_page(plan, current_user, request.args.get("page", 1, type=int))
    # the page counts every report of the plan since its import (已报送进展, the statuses, the latest reports): the
    # demo's among them are said (services/seed.demo_page_note)
    note = demo_page_note(clock.to_beijing(plan.created_at).date(), clock.beijing_today())
    return render_template("plans/detail.html", plan=plan, page=page, rows=page.rows, demo_note=note)


@bp.route("/plans/<int:plan_id>/ledger.xlsx")
@login_required
def ledger(plan_id: int):
    """The plan's ledger as .xlsx; ``?layout=tree|flat|grouped&columns=责任人&columns=…`` choose its layout."""
    return _plan_ledger(plan_id, csv=False)


@bp.route("/plans/<int:plan_id>/ledger.csv")
@login_required
def ledger_csv(plan_id: int):
    """The plan's ledger as CSV (UTF-8 with BOM); a liaison gets its unit's tasks, as for .xlsx."""
    return _plan_ledger(plan_id, csv=True)


def _plan_ledger(plan_id: int, csv: bool):
    """Answer the download of plan ``plan_id``'s ledger (.csv or .xlsx) for the signed-in user, with the
    query's layout and columns (downloads.export_options); 404 for an unknown plan, the page of
    downloads.bad_export_options (400) for options the export refuses (InvalidInput)."""
    from ..services.ledger.export import export_ledger, export_ledger_csv  # openpyxl: only for an export

    db.session.get(Plan, plan_id) or abort(404)
    export = export_ledger_csv if csv else export_ledger
    try:
        download = export(current_user, plan_id=plan_id, options=export_options())
    except InvalidInput as error:
        return bad_export_options(error)
    return send_download(download.content, download.filename)
