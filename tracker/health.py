"""Health endpoints for load balancers and monitoring: GET /healthz (database too) and GET /livez (process only)."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    """Answer 200 {"status": "ok"} when the database answers, else 503 {"status": "unavailable"}.

    The 503 carries a Chinese ``message`` for the person reading a monitoring page.
    """
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        current_app.logger.warning("health check: the database does not answer")
        return jsonify(status="unavailable", database="down",
                       message="数据库暂时无法连接，系统暂停服务。请稍后重试，或联系管理员检查数据库。"), 503
    return jsonify(status="ok", database="up")


@bp.route("/livez")
def livez():
    """Answer 200 {"status": "ok"} while the process serves requests; touches neither database nor session.

    For a liveness probe (restart the process only when this fails), and the floor of bench/pages.py.
    """
    return jsonify(status="ok")
