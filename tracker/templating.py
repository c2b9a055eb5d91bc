"""Template filters and globals: Beijing time, Chinese dates, status colours."""
from __future__ import annotations

from datetime import datetime

from flask import Flask, current_app, request
from flask_login import current_user
from jinja2 import pass_context
from markupsafe import Markup, escape

from .bulletin.model import unranked_note
from .indicators.ranking import NOTE_CAPTION
from .clock import to_beijing
from .models import STATUS_LABELS, TaskStatus
from .dates import chinese_date, deadline_with_due
from .periods import period_label
from .vocabulary.numbering import render_number

STATUS_BADGES = {
    TaskStatus.ASSIGNED: "text-bg-secondary",
    TaskStatus.ACKNOWLEDGED: "text-bg-info",
    TaskStatus.IN_PROGRESS: "text-bg-primary",
    TaskStatus.CLOSE_REQUESTED: "text-bg-warning",
    TaskStatus.CLOSED: "text-bg-success",
}


def beijing_time(value: datetime | None) -> str:
    """Format a stored naive-UTC datetime as Beijing time, the date as an office writes it (``dates.chinese_date``),
    e.g. "2026年11月21日 22:05" (workflow54: "2026-11-21 22:05" stood beside "完成时限 2026年12月19日" on a liaison's
    home)."""
    if value is None:
        return ""
    moment = to_beijing(value)
    return f"{chinese_date(moment.date())} {moment:%H:%M}"


def beijing_date(value: datetime | None) -> str:
    """Format a stored naive-UTC datetime as its Beijing calendar date, e.g. "2026年11月21日"."""
    if value is None:
        return ""
    return chinese_date(to_beijing(value).date())


#: How many top bars a process keeps (one per user, page and badge counts in use); when full it starts again.
TOP_BAR_SIZE = 512
TOP_BAR = "tracker_top_bar"
#: Stands for the sign-out form's CSRF token in a kept top bar; the request's own token replaces it.
_TOKEN = "\x00csrf-token\x00"


@pass_context
def top_bar_html(context) -> Markup:
    """Return the top bar (_top_bar.html) of the page being rendered with ``context``.

    Kept per process for everything it shows: the signed-in user (id, role, name, whether it has a unit), the
    badge counts of the page's context (inbox_count, unread_notifications, unacknowledged_reminders), the page's
    endpoint (the active menu) and where the app is mounted; so it is never another user's, and new counts give
    a new bar. Only the sign-out form's CSRF token, which belongs to the session, is put in on every request. The
    bar was about a fifth of a dashboard page's work when its body is kept (issue 19)."""
    signed_in = current_user.is_authenticated
    key = (request.script_root, request.endpoint, signed_in) + ((
        current_user.id, current_user.role, current_user.display_name, current_user.unit_id is not None,
        context.get("inbox_count"), context.get("unread_notifications"), context.get("unacknowledged_reminders"))
        if signed_in else ())
    kept = current_app.extensions.setdefault(TOP_BAR, {})
    html = kept.get(key)
    if html is None:
        html = current_app.jinja_env.get_template("_top_bar.html").render(
            dict(context.get_all(), csrf_token=lambda: _TOKEN))
        if len(kept) >= TOP_BAR_SIZE:
            kept.clear()
        kept[key] = html
    if _TOKEN in html:
        html = html.replace(_TOKEN, str(escape(context["csrf_token"]())))
    return Markup(html)


def register(app: Flask) -> None:
    """Register the filters and globals on ``app``."""
    app.add_template_filter(beijing_time, "beijing_time")
    app.add_template_filter(render_number, "number")  # a path as its 序号 (vocabulary/numbering.py)
    app.add_template_filter(chinese_date, "chinese_date")
    app.add_template_filter(period_label, "period_label")  # "2026-11" → 2026年11月 (periods.period_label)
    app.jinja_env.globals["deadline_with_due"] = deadline_with_due
    app.add_template_filter(beijing_date, "beijing_date")
    app.jinja_env.globals.update(STATUS_LABELS=STATUS_LABELS, STATUS_BADGES=STATUS_BADGES, top_bar_html=top_bar_html,
                                 unranked_note=unranked_note,
                                 note_caption=NOTE_CAPTION)  # the 并列/说明 column of every ranking table
