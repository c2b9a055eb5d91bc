"""The health endpoint for load balancers and monitoring: GET /healthz."""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from .extensions import db

bp = Blueprint("health", __name__)


@bp.route("/healthz")
def healthz():
    """Answer 200 {"status": "ok"} when the database answers, else 503 {"status": "unavailable"}."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        db.session.rollback()
        current_app.logger.warning("health check: the database does not answer")
        return jsonify(status="unavailable", database="down"), 503
    return jsonify(status="ok", database="up")
