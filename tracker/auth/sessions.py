"""Signed-in sessions: how they start, how long they last, what ends them.

Flask keeps the session in a signed cookie. What Flask-Login stores there is
``User.get_id()`` = "ID:SESSION_VERSION", plus the times of sign-in and of the last
request. On every request ``load_user`` accepts the session only when:

- the user exists and is active, and its ``session_version`` still equals the one in the
  cookie: logout, a password change, a disable, a role change or a unit move bump the
  version, so a copied or replayed cookie stops working at once (SECURITY-TESTS.md B3,
  B4, A8);
- no more than ``SESSION_IDLE_MINUTES`` passed since the last request and no more than
  ``SESSION_ABSOLUTE_MINUTES`` since sign-in (B5).

``start_session`` clears whatever the visitor's cookie held before signing in, so the
cookie after sign-in is a new one (B2). "Remember me" is not offered.
"""
from __future__ import annotations

from datetime import datetime
from functools import cache

from flask import flash, g, request, session
from flask_login import login_user
from sqlalchemy import bindparam, select
from sqlalchemy.orm import joinedload

from .. import clock
from ..extensions import db, login_manager
from ..models import User
from ..settings import current_settings

_EPOCH = datetime(1970, 1, 1)
# The time of the last request is rewritten at most once a minute, not on every response.
SEEN_RESOLUTION = 60
#: What the sign-in page says when a form was sent after the session had timed out (a liaison's report typed over an
#: evening): the server kept nothing of it; the words of a progress report are kept in the browser
#: (static/js/report-draft.js) and put back when the task's page opens after signing in.
LOST_POST = ("登录已超时，刚才提交的内容没有保存到系统。请重新登录：报送进展中填写的文字已留在本浏览器，"
             "登录后会回到该任务并自动填回，核对后再提交即可；其他表单请重新填写。")

#: What a form sent by a signed-in user answers when it was shown in an earlier session of this browser: its token is
#: this site's, but the session it belonged to ended since (she signed out and in again in another tab, or signed in
#: again after a timeout and pressed 返回 to the form the phone kept). Nothing was stored; the page opened again has a
#: valid form, and the words of a progress report come back into it (static/js/report-draft.js, same account) unless
#: 退出 was pressed meanwhile, which forgets every draft of the browser (a shared computer): the sentence says so.
FORM_OF_AN_EARLIER_SESSION = ("这个页面是在您本次登录之前打开的（此后本浏览器重新登录过），页面上的表单已失效，"
                              "刚才提交的内容没有保存到系统。请按“重新打开刚才的页面”再提交：报送进展中填写的文字，"
                              "只要其间没有按过“退出”，会留在本浏览器并自动填回，核对后提交即可；其他表单请重新填写。")

#: What the sign-in page says when its own form was sent after the browser lost the session it was opened in.
LOGIN_FORM_STALE = "登录页面已过期（浏览器已清除本站的会话），请重新输入用户名和密码登录。"


def now_seconds() -> int:
    """Return the current time (clock.utcnow) in whole seconds since 1970."""
    return int((clock.utcnow() - _EPOCH).total_seconds())


def start_session(user: User) -> None:
    """Sign ``user`` in on a fresh session: nothing from the cookie before sign-in survives."""
    session.clear()
    login_user(user)
    now = now_seconds()
    session["signed_in_at"] = now
    session["seen_at"] = now


def refresh_session(user: User) -> None:
    """Keep the current session of ``user`` after its session_version changed (own password change)."""
    login_user(user)


#: Set on ``flask.g`` when this request's session ended with a message of its own (the sign-in page adds no other).
SESSION_ENDED = "session_ended"


def _end(message: str) -> None:
    session.clear()
    flash(message, "warning")
    setattr(g, SESSION_ENDED, True)


@cache
def _user_statement():
    """Return ``load_user``'s SELECT of the user and its unit (made on first use, then kept: a statement is immutable
    and holds no data; its parameter ``uid``). Every request runs it: building ``session.get``'s loader option and its
    cache key each time cost about a third of it (issue 19, the fixed cost of every page)."""
    return (select(User).options(joinedload(User.unit)).where(User.id == bindparam("uid")))


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """Return the user of this session, or None (and a cleared session) when it has ended."""
    try:
        raw_id, raw_version = user_id.split(":")
        uid, version = int(raw_id), int(raw_version)
    except ValueError:
        session.clear()
        return None
    # The unit is read with the user: every page's header names it (base.html), one round trip fewer (issue 19).
    user = db.session.execute(_user_statement(), {"uid": uid}).unique().scalar_one_or_none()
    if user is None or not user.active or user.session_version != version:
        _end("您的登录已失效（已退出、密码已修改或账号已调整），请重新登录。")
        return None
    now = now_seconds()
    signed_in_at, seen_at = session.get("signed_in_at"), session.get("seen_at")
    settings = current_settings()
    if (not isinstance(signed_in_at, int) or not isinstance(seen_at, int)
            or now - seen_at > settings.session_idle_minutes * 60
            or now - signed_in_at > settings.session_absolute_minutes * 60):
        _end("登录已超时，请重新登录。" if request.method in ("GET", "HEAD") else LOST_POST)
        return None
    if now - seen_at >= SEEN_RESOLUTION:
        session["seen_at"] = now
    return user
