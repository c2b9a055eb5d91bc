"""Error pages in Chinese; refusals are logged; an unexpected error is logged with an incident id and rolled back.

When the database does not answer (server stopped, restarting, unreachable), every page answers
503 with a Chinese page and a Retry-After header, without a traceback; the connection pool checks
connections before use (SQLAlchemy's ``pool_pre_ping``), so the app recovers by itself once the database is back.
"""
from __future__ import annotations

import uuid

from flask import Flask, Response, g, jsonify, render_template, request
from flask.globals import request_ctx
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError

from .extensions import db
from .security import log_event
from .services.errors import DiskFull, NotFound, PermissionDenied, is_disk_full, upload_too_large_message

MESSAGES = {
    400: ("请求无效", "页面已过期或表单不完整。请返回上一页，刷新后重新提交。"),
    403: ("没有权限", "您没有权限查看或办理此项。如确需办理，请联系督办部门（市金融办）。"),
    404: ("页面不存在", "您要找的方案或任务不存在，可能已被删除。请从首页重新进入。"),
    405: ("操作方式不正确", "此地址不支持这种访问方式。请从页面上的按钮或链接进入。"),
    413: ("文件太大", "上传的文件超过大小限制。请压缩或拆分后重新上传。"),
    429: ("操作过于频繁", "请求过于频繁，请稍后再试。"),
    500: ("系统出错", "系统处理时出错，已记录。请稍后重试；如仍出错，请把下面的事件编号告诉管理员。"),
    503: ("服务暂时不可用", "数据库暂时无法连接，您刚才的操作没有保存。请稍后刷新页面重试；如长时间无法使用，请联系管理员。"),
    507: ("磁盘已满", DiskFull.MESSAGE),
}
#: The answer to a request whose Host header is not one of the site's names (TRACKER_TRUSTED_HOSTS).
HOST_REFUSED = "此地址不是本系统的访问地址。请使用管理员告知的网址访问本系统。"


def _forget_user_if_unloadable(app: Flask) -> None:
    """Let an error page render when the signed-in user cannot be loaded (the database is down).

    base.html reads ``current_user``; Flask-Login loads it once per request and keeps it in
    ``g._login_user``. If that load fails, the page is shown as to a visitor instead.
    """
    try:
        current_user.is_authenticated  # noqa: B018 - loads the user once
    except (OperationalError, InterfaceError):
        db.session.rollback()
        g._login_user = app.login_manager.anonymous_user()


def signed_by_this_site(token: str | None) -> bool:
    """True when ``token`` (a form's ``csrf_token``) is one this site's forms carry: signed with the app's CSRF key as
    Flask-WTF signs it (flask_wtf.csrf.generate_csrf), whatever session it was made for. A form refused with such a
    token was shown by this site in an earlier session of the browser; a token that fails the signature is not one."""
    if not token:
        return False
    from flask import current_app
    from itsdangerous import BadData, URLSafeTimedSerializer

    key = current_app.config.get("WTF_CSRF_SECRET_KEY") or current_app.secret_key
    try:
        URLSafeTimedSerializer(key, salt="wtf-csrf-token").loads(token)
    except BadData:
        return False
    return True


def register(app: Flask) -> None:
    """Install the handlers for 400/403/404/405/413/429/500 and for the services' errors.

    403s and CSRF failures are written to the security log (SECURITY-TESTS.md G3); a 500
    gets an incident id, shown on the page and logged with the traceback (C4).
    """

    def page(code: int, detail: str | None = None, incident: str | None = None, ways=None):
        title, message = MESSAGES[code]
        if request.path.startswith("/api/"):  # the JSON API answers errors as JSON (CONTRACTS.md §6)
            if code in (404, 405) and detail is None:
                message = "接口地址或请求方式不存在，请查看 /api/v1/openapi.json。"
            return jsonify(error=detail or message, incident=incident), code
        if request_ctx.url_adapter is None:
            # the Host header named a host not in TRUSTED_HOSTS (TRACKER_TRUSTED_HOSTS): no address of this site
            # can be built for it, so the page's links and styles cannot be either; plain text, without a traceback
            return Response(f"{title}：{HOST_REFUSED if code == 400 else detail or message}\n", status=code,
                            mimetype="text/plain")
        return render_template("error.html", code=code, title=title, message=detail or message,
                               incident=incident, ways=ways), code

    for code in (400, 404, 429):
        app.register_error_handler(code, lambda e, code=code: page(code))

    @app.before_request
    def refuse_nul_characters():
        """Refuse a form or query value holding NUL (0x00) with a 400 saying so, before any view runs.

        PostgreSQL's text cannot store NUL and no office writes one, so one check at the door serves
        every page (the API refuses it in its own schemas, with JSON errors)."""
        if request.path.startswith("/api/"):
            return None
        values = [value for _, value in request.args.items(multi=True)]
        if request.method in ("POST", "PUT", "PATCH"):
            values += [value for _, value in request.form.items(multi=True)]
        if any("\x00" in value for value in values):
            return page(400, "提交的内容含有不可见的空字符（NUL），无法保存。请删除这些字符（或重新输入、"
                             "以纯文本方式粘贴）后再提交。")
        return None

    @app.errorhandler(405)
    def method_not_allowed(error):
        # RFC 9110 §15.5.6: a 405 says which methods the address has (werkzeug's routing knows them).
        body, code = page(405)
        allowed = getattr(error, "valid_methods", None)
        return body, code, {"Allow": ", ".join(allowed)} if allowed else {}

    @app.errorhandler(403)
    def forbidden(error):
        log_event("forbidden")
        return page(403)

    @app.errorhandler(PermissionDenied)
    def permission_denied(error):
        db.session.rollback()
        log_event("forbidden", reason=str(error))
        return page(403, str(error))

    @app.errorhandler(CSRFError)
    def csrf_failed(error):
        """A form without a valid CSRF token. When it carries one of this site's forms' tokens but no one is signed
        in, the browser lost its session after showing the form (a phone's browser closed overnight drops the cookie,
        the site's key changed): that is said as a timed-out session, and the sign-in page leads back to the form's
        page (auth/routes.sign_in_again: LOST_POST; the report's words are kept in the browser,
        static/js/report-draft.js). Otherwise (no token at all: not a page's form) the 400 page."""
        log_event("csrf_failed", reason=error.description)
        if not request.path.startswith("/api/") and request_ctx.url_adapter is not None \
                and request.form.get("csrf_token") and not current_user.is_authenticated:
            from .auth.routes import sign_in_again
            from .auth.sessions import LOGIN_FORM_STALE, LOST_POST

            return sign_in_again(LOGIN_FORM_STALE if request.endpoint == "auth.login" else LOST_POST)
        if current_user.is_authenticated and not request.path.startswith("/api/") \
                and request_ctx.url_adapter is not None and signed_by_this_site(request.form.get("csrf_token")):
            return stale_form()
        return page(400)

    def stale_form():
        """The 400 page of a signed-in user's form shown in an earlier session of this browser (the token is signed
        by this site but is not this session's: ``signed_by_this_site``), saying so and what to do, with a way back
        to the page the form was on (the same-site Referer, auth/routes.return_address), whose fresh form the report's
        words come back into."""
        from .auth.routes import return_address
        from .auth.sessions import FORM_OF_AN_EARLIER_SESSION

        back = return_address()
        ways = [(back, "重新打开刚才的页面")] if back == request.referrer else None  # a same-site Referer only
        return page(400, FORM_OF_AN_EARLIER_SESSION, ways=ways)

    @app.errorhandler(413)
    def too_large(error):
        limit = app.config.get("MAX_CONTENT_LENGTH")
        detail = upload_too_large_message(limit) if limit else None
        if detail and request.endpoint == "tasks.detail":  # a report with its photos: static/js/report-draft.js kept
            detail += "进展没有报送，填写的文字已保留在本浏览器：返回任务页面即可看到，少选或压缩附件后再提交。"  # her words
        return page(413, detail)

    app.register_error_handler(NotFound, lambda e: page(404, str(e)))

    @app.errorhandler(500)
    def internal_error(error):
        db.session.rollback()
        incident = uuid.uuid4().hex[:12]
        original = getattr(error, "original_exception", None) or error
        app.logger.error("incident %s: %r", incident, original,
                         exc_info=(type(original), original, original.__traceback__))
        _forget_user_if_unloadable(app)
        return page(500, incident=incident)

    @app.errorhandler(DiskFull)
    def disk_full(error):
        db.session.rollback()
        app.logger.error("disk full: %s", error.__cause__ or error)
        return page(507, str(error))

    def database_unavailable(error):
        db.session.rollback()
        if is_disk_full(error):  # SQLite/PostgreSQL: the database could not grow
            app.logger.error("disk full: the database cannot write: %s", (str(error.orig).splitlines() or [""])[0])
            _forget_user_if_unloadable(app)
            return page(507)
        incident = uuid.uuid4().hex[:12]
        # One line, no traceback: the cause is outside the app (the database server), not a bug.
        app.logger.warning("incident %s: database unavailable: %s", incident, (str(error.orig).splitlines() or [""])[0])
        _forget_user_if_unloadable(app)
        body, code = page(503, incident=incident)
        return body, code, {"Retry-After": "30"}

    app.register_error_handler(OperationalError, database_unavailable)
    app.register_error_handler(InterfaceError, database_unavailable)
