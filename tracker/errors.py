"""Error pages in Chinese; an unexpected error is logged with an incident id and rolled back."""
from __future__ import annotations

import uuid

from flask import Flask, render_template
from flask_wtf.csrf import CSRFError

from .extensions import db
from .services.errors import NotFound, PermissionDenied

MESSAGES = {
    400: ("请求无效", "页面已过期或表单不完整。请返回上一页，刷新后重新提交。"),
    403: ("没有权限", "您没有权限查看或办理此项。如确需办理，请联系督办部门（市金融办）。"),
    404: ("页面不存在", "您要找的方案或任务不存在，可能已被删除。请从首页重新进入。"),
    413: ("文件太大", "上传的文件超过大小限制。请压缩或拆分后重新上传。"),
    500: ("系统出错", "系统处理时出错，已记录。请稍后重试；如仍出错，请把下面的事件编号告诉管理员。"),
}


def register(app: Flask) -> None:
    """Install the handlers for 400/403/404/413/500 and for the services' errors."""

    def page(code: int, detail: str | None = None, incident: str | None = None):
        title, message = MESSAGES[code]
        return render_template("error.html", code=code, title=title, message=detail or message,
                               incident=incident), code

    for code in (400, 403, 404):
        app.register_error_handler(code, lambda e, code=code: page(code))

    @app.errorhandler(413)
    def too_large(error):
        limit = (app.config.get("MAX_CONTENT_LENGTH") or 0) / (1024 * 1024)
        detail = f"上传的文件超过 {limit:g} MB 的大小限制。请删去图片等无关内容，或拆分成几个文件后重新上传。" if limit else None
        return page(413, detail)
    app.register_error_handler(CSRFError, lambda e: page(400))
    app.register_error_handler(PermissionDenied, lambda e: page(403, str(e)))
    app.register_error_handler(NotFound, lambda e: page(404, str(e)))

    @app.errorhandler(500)
    def internal_error(error):
        db.session.rollback()
        incident = uuid.uuid4().hex[:12]
        app.logger.exception("incident %s: %s", incident, getattr(error, "original_exception", error))
        return page(500, incident=incident)
