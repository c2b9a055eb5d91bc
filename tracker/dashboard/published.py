"""发布通报 and the published 通报: the office publishes a period's bulletin; every unit reads and downloads it.

Thin views over services/figures/publishing.py; who may do what is services/permissions.py's
(can_publish_bulletin, can_read_published_bulletins).
"""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..downloads import send_download
from ..gate import requires
from ..periods import parse_period
from ..services.errors import InvalidInput
from ..services.figures import publishing
from ..services.permissions import PUBLISH_BULLETIN_MESSAGE, can_publish_bulletin, can_read_published_bulletins
from . import bp
from .routes import PHONE_FOLDED_CAPTIONS, bulletin_tables_html


@bp.route("/bulletin/publish", methods=["POST"])
@requires(can_publish_bulletin, PUBLISH_BULLETIN_MESSAGE)
def publish_bulletin():
    """POST ``/bulletin/publish`` (发布通报) with ``period`` and ``seen`` (the fingerprint of the bulletin the page
    showed): publish it and open the published version; when the figures moved since the preview, or the period
    cannot be read or has not begun, say so on the preview and publish nothing."""
    text = request.form.get("period", "")
    try:
        period = parse_period(text)
    except ValueError as error:
        flash(f"没有发布：{error}", "danger")
        return redirect(url_for("dashboard.bulletin"))
    try:
        published = publishing.publish_bulletin(current_user, period, clock.beijing_today(),
                                                 request.form.get("seen") or "")
    except InvalidInput as error:
        flash(str(error), "warning")
        return redirect(url_for("dashboard.bulletin", period=period.key))
    flash(published.message, "info" if published.repeated else "success")
    return redirect(url_for("dashboard.published_bulletin", bulletin_id=published.row.id))


@bp.route("/bulletins")
@requires(can_read_published_bulletins, publishing.READ_MESSAGE)
def published_list():
    """``/bulletins`` (通报): every published 通报, newest first, each version with who published it and when, and
    its downloads; a version replaced by a later one of its period says so."""
    rows = publishing.published_bulletins(current_user)
    return render_template("dashboard/published_list.html", rows=rows, newest=publishing.latest_versions(rows))


@bp.route("/bulletins/<int:bulletin_id>")
@requires(can_read_published_bulletins, publishing.READ_MESSAGE)
def published_bulletin(bulletin_id: int):
    """``/bulletins/<bulletin_id>``: a published 通报 as it was published (its figures and tables of that moment),
    with its version, who published it and when, and the later versions of its period."""
    row = publishing.get_published(current_user, bulletin_id)
    data = publishing.published_content(row)
    return render_template("dashboard/published.html", row=row, bulletin=data, tables=bulletin_tables_html(data),
                           folded=PHONE_FOLDED_CAPTIONS, versions=publishing.versions_of(row.period_key))


def _published_file(bulletin_id: int, extension: str):
    """The file of a published 通报 exactly as it was written when it was published."""
    return send_download(*publishing.published_file(current_user, bulletin_id, extension))


@bp.route("/bulletins/<int:bulletin_id>.docx")
@requires(can_read_published_bulletins, publishing.READ_MESSAGE)
def published_docx(bulletin_id: int):
    """``/bulletins/<bulletin_id>.docx``: the published 通报's Word file, the bytes written when it was published."""
    return _published_file(bulletin_id, "docx")


@bp.route("/bulletins/<int:bulletin_id>.xlsx")
@requires(can_read_published_bulletins, publishing.READ_MESSAGE)
def published_xlsx(bulletin_id: int):
    """``/bulletins/<bulletin_id>.xlsx``: the published 通报's workbook, the bytes written when it was published."""
    return _published_file(bulletin_id, "xlsx")
