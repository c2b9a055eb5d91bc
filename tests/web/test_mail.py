"""Reminders by e-mail through a real SMTP server (aiosmtpd on a free loopback port), off by default."""
from __future__ import annotations

from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from tests.helpers.reports import task_id
from tests.helpers.servers import free_port
from tests.helpers.workflow import act
from tracker.extensions import db
from tracker.models import Reminder, User


class Inbox:
    """An aiosmtpd handler keeping every message it accepts."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.original_content)))
        return "250 OK"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


def give_email(app, username, address):
    with app.app_context():
        db.session.scalar(select(User).where(User.username == username)).email = address
        db.session.commit()


def test_mail_reminder_is_emailed_to_the_units_liaison(app, client, auth, smtp_server):
    controller, inbox = smtp_server
    app.config.update(MAIL_ENABLED=True, MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port,
                      MAIL_SENDER="duban@jrb.example")
    give_email(app, "zjj", "zjj@csrc.example")
    give_email(app, "fgw", "fgw@fgw.example")  # another unit: must not receive it
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    response = act(client, tid, "reminders", reminder_unit="4", reminder_request="请于本周五前报送私募机构排查进展。")
    assert response.status_code == 302
    assert len(inbox.messages) == 1
    recipients, message = inbox.messages[0]
    assert recipients == ["zjj@csrc.example"]
    subject = str(make_header(decode_header(message["Subject"])))
    assert subject.startswith("【交办单】交办〔") and "一（三） 加强证券市场风险防范" in subject
    body = message.get_payload(decode=True).decode(message.get_content_charset())
    assert "重庆证监局：" in body and "请于本周五前报送私募机构排查进展。" in body and "/reminders/" in body
    with app.app_context():
        assert db.session.scalar(select(Reminder)).emailed_at is not None
    assert "催办邮件已发送" in client.get(f"/tasks/{tid}").get_data(as_text=True)


def test_mail_is_off_by_default(app, client, auth, smtp_server):
    controller, inbox = smtp_server
    assert app.config["MAIL_ENABLED"] is False
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port)
    give_email(app, "zjj", "zjj@csrc.example")
    auth.login("duban")
    assert act(client, task_id(app, ["一", "（三）"]), "reminders", reminder_unit="4").status_code == 302
    assert inbox.messages == []
    with app.app_context():
        assert db.session.scalar(select(Reminder)).emailed_at is None


def test_mail_server_down_keeps_the_reminder_and_says_so(app, client, auth):
    app.config.update(MAIL_ENABLED=True, MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port(), MAIL_TIMEOUT=2)
    give_email(app, "zjj", "zjj@csrc.example")
    tid = task_id(app, ["一", "（三）"])
    auth.login("duban")
    assert act(client, tid, "reminders", reminder_unit="4").status_code == 302
    assert "未能发送邮件" in client.get(f"/tasks/{tid}").get_data(as_text=True)
    with app.app_context():
        reminder = db.session.scalar(select(Reminder))
        assert reminder is not None and reminder.emailed_at is None
