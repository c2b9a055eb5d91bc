"""E-mail of reminders (催办) through an SMTP server; off unless ``MAIL_ENABLED`` (issue #5).

Settings (config.py reads them from the environment of the same names; tracker/settings.py
holds them as ``Settings.mail``): ``MAIL_ENABLED``
(default off), ``MAIL_SERVER``, ``MAIL_PORT`` (25), ``MAIL_USE_TLS`` (STARTTLS), ``MAIL_USE_SSL``
(SMTPS), ``MAIL_USERNAME``/``MAIL_PASSWORD`` (login when set), ``MAIL_SENDER`` (From),
``MAIL_TIMEOUT`` (seconds, 10). A reminder goes to every active liaison of the addressed unit
who has an e-mail address. Mail is sent after the reminder is stored: a mail server that is
down never loses a reminder, it only leaves ``emailed_at`` empty (and the failure is logged).
"""
from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Mapping
from email.message import EmailMessage

from sqlalchemy import select

from ..clock import to_beijing
from ..extensions import db
from ..models import Reminder, Role, User
from ..settings import MailSettings, Settings, current_settings
from ..dates import chinese_date

log = logging.getLogger(__name__)


def recipients(unit_id: int) -> list[str]:
    """Return the e-mail addresses of the active liaisons of unit ``unit_id``."""
    users = db.session.scalars(select(User).where(User.unit_id == unit_id, User.role == Role.LIAISON,
                                                  User.active.is_(True), User.email.is_not(None)))
    return [u.email for u in users if u.email and "@" in u.email]


def reminder_message(reminder: Reminder, sender: str, to: list[str], office: str, link: str | None) -> EmailMessage:
    """Return the e-mail of ``reminder``: subject "【催办单】催办〔2026〕7号 …", the notice as plain text."""
    task = reminder.task
    message = EmailMessage()
    message["Subject"] = f"【{reminder.level.label}】{reminder.number} {task.number_display} {task.heading_text}"
    message["From"] = sender
    message["To"] = ", ".join(to)
    lines = [
        f"{reminder.unit.name}：",
        "",
        f"{office}向贵单位发出{reminder.level.label}（{reminder.number}）。",
        f"任务：{task.plan.title} {task.number_display} {task.heading_text}",
        f"完成时限：{task.deadline or '—'}",
        f"督办要求：{reminder.request}",
    ]
    if reminder.reply_by:
        lines.append(f"反馈期限：{chinese_date(reminder.reply_by)}前")
    lines += ["", f"发出时间：{to_beijing(reminder.created_at):%Y-%m-%d %H:%M}（北京时间）"]
    if link:
        lines += ["", f"请登录督办台账查看并确认收到：{link}"]
    message.set_content("\n".join(lines))
    return message


def send_reminders(reminders: list[Reminder], settings: Settings | Mapping | None = None, link_for=None) -> list[int]:
    """E-mail each reminder to its unit's liaisons when mail is on; return the ids of those sent.

    ``settings``: the tracker's Settings (default ``current_settings()``; a mapping of the app
    config's keys is read into Settings); ``link_for(reminder)``: an absolute URL of the reminder's
    page, or None. Never raises for a mail failure: it is logged and the reminder simply stays un-mailed.
    """
    if settings is None:
        settings = current_settings()
    elif not isinstance(settings, Settings):
        settings = Settings.from_config(settings)
    mail = settings.mail
    if not mail.enabled or not reminders:
        return []
    sent = []
    try:
        with _connect(mail) as smtp:
            for reminder in reminders:
                to = recipients(reminder.unit_id)
                if not to:
                    continue
                message = reminder_message(reminder, mail.sender, to, settings.supervising_office,
                                           link_for(reminder) if link_for else None)
                smtp.send_message(message)
                sent.append(reminder.id)
    except (OSError, smtplib.SMTPException) as error:
        log.warning("reminder mail failed after %d sent: %s", len(sent), error.__class__.__name__)
    return sent


def _connect(mail: MailSettings) -> smtplib.SMTP:
    if mail.use_ssl:
        smtp = smtplib.SMTP_SSL(mail.server, mail.port, timeout=mail.timeout, context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(mail.server, mail.port, timeout=mail.timeout)
        if mail.use_tls:
            smtp.starttls(context=ssl.create_default_context())
    if mail.username:
        smtp.login(mail.username, mail.password or "")
    return smtp


def send_plain(messages: list[tuple[str, str, str]], settings: Settings | None = None) -> int:
    """E-mail each ``(address, subject, body)`` when mail is on; return how many the server accepted.

    For notifications (services/notifications.py) and reminder digests. Needs an app context for
    ``current_settings()`` unless ``settings`` is given. Never raises for a mail failure: it is logged.
    """
    if not messages:
        return 0
    try:
        settings = settings or current_settings()
    except RuntimeError:  # no app context: nothing to read the settings from
        return 0
    mail = settings.mail
    if not mail.enabled:
        return 0
    sent = 0
    try:
        with _connect(mail) as smtp:
            for address, subject, body in messages:
                message = EmailMessage()
                message["Subject"], message["From"], message["To"] = subject, mail.sender, address
                message.set_content(body)
                smtp.send_message(message)
                sent += 1
    except (OSError, smtplib.SMTPException) as error:
        log.warning("notification mail failed after %d sent: %s", sent, error.__class__.__name__)
    return sent
