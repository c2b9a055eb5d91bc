"""Health endpoints for load balancers and monitoring: GET /healthz (database too) and GET /livez (process only)."""
from __future__ import annotations

import shutil

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    """Answer 200 {"status": "ok"} when the database answers and the disk of the instance folder
    (database, attachments, uploads) has HEALTH_MIN_FREE_BYTES free; else 503 {"status":
    "unavailable"} with ``database: "down"`` or ``disk: "full"``.

    The 503 carries a Chinese ``message`` for the person reading a monitoring page.
    """
    free = _free_bytes(current_app.instance_path)
    if free is not None and free < int(current_app.config.get("HEALTH_MIN_FREE_BYTES") or 0):
        current_app.logger.warning("health check: %d bytes free on the instance folder's disk", free)
        return jsonify(status="unavailable", disk="full", free_bytes=free,
                       message="服务器磁盘已满（或将满），新的报送和上传无法保存。请联系管理员清理磁盘空间。"), 503
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        current_app.logger.warning("health check: the database does not answer")
        return jsonify(status="unavailable", database="down",
                       message="数据库暂时无法连接，系统暂停服务。请稍后重试，或联系管理员检查数据库。"), 503
    return jsonify(status="ok", database="up")


def _free_bytes(folder: str) -> int | None:
    """Free bytes on the disk holding ``folder`` (None when it cannot be read)."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


@bp.route("/livez")
def livez():
    """Answer 200 {"status": "ok"} while the process serves requests; touches neither database nor session.

    For a liveness probe (restart the process only when this fails), and the floor of bench/pages.py.
    """
    return jsonify(status="ok")
