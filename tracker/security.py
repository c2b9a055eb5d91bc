"""HTTP response headers and the security log.

Headers (SECURITY-TESTS.md C3): a strict Content-Security-Policy (every asset is served
by the app itself, no inline script or style; images may also be data: URLs, which Bootstrap uses
for its form icons), nosniff, a referrer policy, HSTS in
production, and ``Cache-Control: no-store`` on pages and files of a signed-in user (not on the
app's static files: see static_assets.py).

The security log (G3, G4): ``log_event`` writes one line per event (failed and
throttled sign-ins, 403s, CSRF failures, account changes) to the ``tracker.security``
logger. Every value is written JSON-quoted, so a user name holding a newline or a fake
log line stays on one line; passwords, cookies and CSRF tokens are never passed to it.
"""
from __future__ import annotations

import json
import logging

from flask import Flask, Response, has_request_context, request, session
from flask_login import current_user

CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
# Two years, the preload list's minimum; only sent in production (served over HTTPS).
STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains"

security_log = logging.getLogger("tracker.security")


def quote(value: object) -> str:
    """Return ``value`` as a JSON string: control characters (\\n, \\r, \\x1b …) escaped, Chinese kept."""
    return json.dumps(str(value), ensure_ascii=False)


def log_event(event: str, level: int = logging.WARNING, **fields: object) -> None:
    """Log ``event`` with ``fields`` (name=value pairs) on one line to ``tracker.security``.

    Inside a request the client's address and the path are added, and the signed-in
    user's name unless ``user`` is given. Example line:
    ``login_failed user="alice\\n… INFO admin logged in" ip="10.0.0.5" path="/login"``.
    """
    if has_request_context():
        fields.setdefault("ip", request.remote_addr)
        fields.setdefault("path", request.path)
        if "user" not in fields and current_user and current_user.is_authenticated:
            fields["user"] = current_user.username
    text = " ".join(f"{name}={quote(value)}" for name, value in fields.items())
    security_log.log(level, "%s %s", event, text)


def configure_logging(app: Flask) -> None:
    """Send the tracker's log lines (``tracker.*``) to stderr at INFO, once per process.

    gunicorn passes stderr to its error log; tests capture the records (caplog).
    """
    logger = logging.getLogger("tracker")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def register(app: Flask) -> None:
    """Add the headers to every response of ``app`` and set up the security log."""
    configure_logging(app)
    production = bool(app.config.get("PRODUCTION"))

    @app.after_request
    def set_security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if production:
            response.headers.setdefault("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY)
        # A signed-in session (Flask-Login keeps the user id there): read without loading the user, so that
        # this header costs no query and works while the database is down. Static files (CSS, JS) are the
        # same for everyone and hold nothing of a user: static_assets.py lets browsers keep them.
        if "_user_id" in session and request.endpoint != "static":
            response.headers["Cache-Control"] = "no-store"
        return response
