"""Sign-in, sign-out and password pages; the first-login password change."""
from __future__ import annotations

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from flask import flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_url, logout_user

from .. import clock
from ..database import write_transaction
from ..extensions import db, login_manager
from ..forms import form_refusal_status
from ..models import User
from ..security import log_event
from ..services.accounts import throttles as login_throttle
from ..services.accounts.users import WrongPassword, authenticate, change_own_password
from ..services.errors import InvalidInput
from ..settings import current_settings
from . import bp
from .forms import LoginForm, PasswordChangeForm
from .sessions import SESSION_ENDED, refresh_session, start_session

login_manager.login_view = "auth.login"
login_manager.login_message = "请先登录。"
login_manager.login_message_category = "warning"


@login_manager.unauthorized_handler
def ask_to_sign_in():
    """Send a visitor who is not signed in to the sign-in page, back to this page after it (``?next``:
    ``return_address``), with "请先登录。" unless the session has just ended with its own message
    (sessions.load_user: a timeout says what became of the form sent), so the sign-in page says one thing, not two."""
    return sign_in_again(login_manager.login_message)


def sign_in_again(message: str):
    """Answer with the sign-in page, flashing ``message`` (unless the session ended with a message of its own this
    request) and coming back to ``return_address`` after signing in. Used when no one is signed in: a page that needs
    a user (``ask_to_sign_in``), a form sent after the browser lost its session (errors.py's CSRF handler)."""
    if not g.get(SESSION_ENDED):
        flash(message, login_manager.login_message_category)
    if request.endpoint == "auth.login":  # the sign-in form itself: again, keeping where it was to lead
        return redirect(url_for("auth.login", next=safe_next(request.args.get("next"))))
    return redirect(login_url(login_manager.login_view, next_url=return_address()))


def return_address() -> str:
    """Return where a visitor sent to sign in comes back to: this address for a GET; for a form sent (a POST), the page
    the form was on, named by the browser's Referer when it is this site's (Referrer-Policy same-origin, security.py),
    since the address a form posts to may answer no GET (/tasks/3/acknowledge: 405 after signing in); else this
    address."""
    if request.method not in ("GET", "HEAD") and request.referrer:
        parts = urlsplit(request.referrer)
        if parts.netloc == request.host and parts.scheme == request.scheme:
            return request.referrer
    return request.url

WRONG_CREDENTIALS = "用户名或密码不正确，请重新输入。"
# Endpoints open to a user who must still change the password first (B9).
PASSWORD_CHANGE_EXEMPT = {"auth.change_password", "auth.logout", "auth.login", "static", "health.healthz"}


def safe_next(target: str | None) -> str:
    """Return ``target`` when it is a path on this site, else the home page (SECURITY-TESTS.md B8)."""
    if not target or "\\" in target or any(ord(c) < 32 for c in target):
        return url_for("dashboard.home")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return url_for("dashboard.home")
    return target


@bp.before_app_request
def require_password_change():
    """Lead a user with a generated password to the password page before anything else (B9)."""
    if request.endpoint is None or request.endpoint in PASSWORD_CHANGE_EXEMPT:
        return None
    if current_user.is_authenticated and current_user.must_change_password:
        flash("首次登录或密码已被重置：请先设置您自己的密码。", "warning")
        return redirect(url_for("auth.change_password"))
    return None


@bp.route("/login", methods=["GET", "POST"])
def login():
    """``/login``: sign in with user name and password (auth/forms.LoginForm).

    A form refused answers as every page's (tracker/forms.form_refusal_status): 422 with the reason beside the
    field left empty or too long; a wrong name or password 400 with WRONG_CREDENTIALS above the form (it names
    no field: never saying which was wrong); too many failures per account or address in the settings' window (services/accounts/throttles)
    answer 429 with the minutes to wait. A success starts a session and goes to ``?next`` when it is
    a local address (safe_next), else home; an account with a generated password goes to 修改密码 first.
    """
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.home"))
    form = LoginForm()
    if form.validate_on_submit():
        username, ip, now = form.username.data.strip(), request.remote_addr, clock.utcnow()
        settings = current_settings()
        window = timedelta(minutes=settings.login_window_minutes)
        attempt = login_throttle.reserve_attempt(username, ip, now, window, settings.login_max_failures,
                                                 settings.login_max_failures_per_ip)
        if attempt is None:  # checked and counted in one step: parallel requests cannot slip past
            log_event("login_throttled", user=username)
            message = (f"登录失败次数过多，已暂停该账号登录。请 {settings.login_window_minutes} 分钟后再试；"
                       "如忘记密码，请联系管理员重置。")
            return render_template("auth/login.html", form=form, error=message), 429
        user = authenticate(username, form.password.data)
        if user is None:  # the reserved attempt stays as the failure
            log_event("login_failed", user=username)
            return (render_template("auth/login.html", form=form, error=WRONG_CREDENTIALS),
                    form_refusal_status(form, InvalidInput(WRONG_CREDENTIALS)))
        login_throttle.clear_failures(username)
        start_session(user)
        log_event("login", logging.INFO, user=user.username)
        if user.must_change_password:  # the page asked for (a link in a notice) is kept for after it
            wanted = request.args.get("next")
            return redirect(url_for("auth.change_password", next=wanted if safe_next(wanted) == wanted else None))
        flash(f"欢迎，{user.display_name}。", "success")
        return redirect(safe_next(request.args.get("next")))
    if form.is_submitted():
        return render_template("auth/login.html", form=form, error=None), form_refusal_status(form)
    return render_template("auth/login.html", form=form, error=None)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """Sign out everywhere: the session version moves on, so no copy of this cookie works again (B3)."""
    user_id = current_user.id
    with write_transaction():
        user = db.session.get(User, user_id)
        user.session_version += 1
    log_event("logout", logging.INFO, user=user.username)
    logout_user()
    flash("您已安全退出。", "info")
    response = redirect(url_for("auth.login"))
    # Nothing typed stays in the browser of a shared computer: the progress texts kept until stored
    # (static/js/report-draft.js, which also drops them when 退出 is pressed) go with the site's storage.
    response.headers["Clear-Site-Data"] = '"storage"'
    return response


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Every user changes their own password here; other sessions of the user end. A refused change (a field left
    empty, the two new ones differing, a wrong current password, a new one the rules refuse:
    services/accounts/users.check_new_password) answers the form again with the reason beside its field, 422
    (tracker/forms.form_refusal_status); too many wrong current passwords 429."""
    form = PasswordChangeForm()
    if form.validate_on_submit():
        # The current-password check is throttled like a sign-in of this user name (issue 14 item 4).
        settings = current_settings()
        attempt = login_throttle.reserve_attempt(
            current_user.username, request.remote_addr, clock.utcnow(), timedelta(minutes=settings.login_window_minutes),
            settings.login_max_failures, settings.login_max_failures_per_ip)
        if attempt is None:
            log_event("password_check_throttled")
            form.current_password.errors = list(form.current_password.errors) + [
                f"当前密码错误次数过多，请 {settings.login_window_minutes} 分钟后再试；如忘记密码，请联系管理员重置。"]
            return render_template("auth/password.html", form=form, forced=current_user.must_change_password), 429
        try:
            change_own_password(current_user, form.current_password.data, form.new_password.data)
        except WrongPassword as error:  # the reserved attempt stays as the failure
            form.current_password.errors = list(form.current_password.errors) + [str(error)]
            log_event("password_change_refused", reason=str(error))
        except InvalidInput as error:
            login_throttle.release_attempt(attempt)
            form.new_password.errors = list(form.new_password.errors) + [str(error)]
            log_event("password_change_refused", reason=str(error))
        else:
            login_throttle.clear_failures(current_user.username)
            refresh_session(db.session.get(User, current_user.id))
            log_event("password_changed", logging.INFO)
            flash("密码已修改。您在其他浏览器或设备上的登录已退出。", "success")
            # On to the page the user came for, else the home page of the role (a liaison's tasks due).
            return redirect(safe_next(request.args.get("next")))
    page = render_template("auth/password.html", form=form, forced=current_user.must_change_password)
    return (page, form_refusal_status(form)) if form.is_submitted() else page
