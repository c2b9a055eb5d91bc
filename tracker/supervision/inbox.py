"""The supervising office's 待办 page and everyone's 通知 (notifications) page (issue 17). Thin views:
services/inbox.py and services/notifications.py hold the rules."""
from __future__ import annotations

from flask import flash, g, redirect, render_template, url_for
from flask_login import current_user, login_required

from ..gate import requires
from ..services import inbox, notifications
from . import bp
from .forms import NotificationForm

INBOX_MESSAGE = "只有督办部门和单位负责人可以查看待办。"


@bp.app_context_processor
def waiting_counts():
    """Give every page the badge counts: the inbox (督办部门) and the unread notifications (the bell).

    Read once per request (kept in ``g``): a page rendered from several templates (the dashboard renders
    its figures apart) asked for them on each, two statements over the task scope each time."""
    if not current_user.is_authenticated:
        return {"inbox_count": 0, "unread_notifications": 0}
    if "badge_counts" not in g:
        g.badge_counts = inbox.badge_counts(current_user)
    waiting, unread = g.badge_counts
    return {"inbox_count": waiting, "unread_notifications": unread}


def keep_badge_counts(counts: tuple[int, int]) -> None:
    """Give this request's pages ``counts`` (inbox items, unread notifications: services/inbox.badge_read) as their
    badges, read by the caller beside something else in one statement (the dashboard, with its snapshot:
    dashboard/routes.dashboard_body), so that ``waiting_counts`` does not read them again."""
    g.badge_counts = counts


@bp.route("/inbox")
@requires(inbox.has_inbox, INBOX_MESSAGE)
def inbox_page():
    """``/inbox`` (待办; the supervising office, admins and unit leaders: INBOX_MESSAGE for anyone else): close
    requests, extension requests, unconfirmed reminders, drafts to sign and one's unsubmitted ledger uploads,
    each with its action (services/inbox.inbox_for).
    """
    from ..tasks.forms import SignoffForm

    return render_template("supervision/inbox.html", inbox=inbox.inbox_for(current_user), signoff_form=SignoffForm())


@bp.route("/notifications")
@login_required
def notification_list():
    """``/notifications`` (通知): the user's notifications, newest first, at most LIST_LIMIT
    (services/notifications.notifications_for).
    """
    return render_template("supervision/notifications.html", items=notifications.notifications_for(current_user),
                           kind_label=notifications.kind_label, form=NotificationForm())


@bp.route("/notifications/<int:notification_id>/read", methods=["POST"])
@login_required
def notification_read(notification_id: int):
    """POST ``/notifications/<notification_id>/read``: mark one of the user's notifications read and, with
    ``open`` (查看任务, 查看通报), go to its task or its published 通报; else back to 通知. NotFound (404) for another user's or an unknown one.
    """
    item = notifications.mark_read(current_user, notification_id)
    if NotificationForm().open.data and item.task_id:
        return redirect(url_for("tasks.detail", task_id=item.task_id))
    if NotificationForm().open.data and item.bulletin_id:
        return redirect(url_for("dashboard.published_bulletin", bulletin_id=item.bulletin_id))
    return redirect(url_for("supervision.notification_list"))


@bp.route("/notifications/read-all", methods=["POST"])
@login_required
def notification_read_all():
    """POST ``/notifications/read-all``: mark all the user's notifications read and flash how many."""
    marked = notifications.mark_all_read(current_user)
    flash(f"已将 {marked} 条通知标为已读。" if marked else "没有未读通知。", "success" if marked else "info")
    return redirect(url_for("supervision.notification_list"))
