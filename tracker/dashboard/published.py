"""发布通报 and the published 通报: the office publishes a period's bulletin; every unit reads and downloads it.

Thin views over services/figures/publishing.py; who may do what is services/permissions.py's
(can_publish_bulletin, can_read_published_bulletins).
"""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import clock
from ..downloads import send_download
from ..forms import FIELD_REFUSED
from ..gate import requires
from ..periods import parse_period
from ..services.errors import InvalidInput
from ..services.figures import publishing
from ..services.figures.bulletin import PeriodNotBegun
from ..services.permissions import PUBLISH_BULLETIN_MESSAGE, can_publish_bulletin, can_read_published_bulletins
from . import bp
from .routes import PHONE_FOLDED_CAPTIONS, bulletin_page, bulletin_tables_html


#: What to do after a 发布通报 refused for its period, said after the reason beside the 期间 field.
AMEND_PERIOD = "改正“期间”后点“生成通报”，核对通报后再按“发布通报”。"


@bp.route("/bulletin/publish", methods=["POST"])
@requires(can_publish_bulletin, PUBLISH_BULLETIN_MESSAGE)
def publish_bulletin():
    """POST ``/bulletin/publish`` (发布通报) with ``period`` and ``seen`` (the fingerprint of the bulletin the page
    showed): publish it and open the published version. Publishes nothing when:

    - the period cannot be read or has not begun (a form kept from another day, or altered): the 通报 page the office
      would open now (the month it is preparing, ``preparing_period``) is sent back with what was sent in its 期间
      field and the reason beside it, 422 as every form refused for a field (tracker/forms.FIELD_REFUSED);
    - the figures moved since the preview, or someone published the same version a moment ago: said above the
      period's preview, to which the answer goes back (its figures are what to read again, no field to mend).
    """
    text = request.form.get("period", "")
    try:
        period = parse_period(text)
        published = publishing.publish_bulletin(current_user, period, clock.beijing_today(),
                                                 request.form.get("seen") or "")
    except (ValueError, PeriodNotBegun) as error:
        today = publishing.preparing_period(clock.beijing_today())
        return bulletin_page(today.period, today.reason, typed=text, refusal=f"没有发布：{error}{AMEND_PERIOD}",
                             status=FIELD_REFUSED)
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
