"""HTTP response headers that keep pages out of frames, caches and content sniffing.

From SECURITY-TESTS.md C3: a strict Content-Security-Policy (every asset is served
by the app itself, no inline script or style), nosniff, a referrer policy, and
``Cache-Control: no-store`` on pages and files of a signed-in user.
"""
from __future__ import annotations

from flask import Flask, Response, session

CONTENT_SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"


def register(app: Flask) -> None:
    """Add the headers to every response of ``app``."""

    @app.after_request
    def set_security_headers(response: Response) -> Response:
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        # A signed-in session (Flask-Login keeps the user id there): read without loading the user, so that
        # this header costs no query and works while the database is down.
        if "_user_id" in session:
            response.headers["Cache-Control"] = "no-store"
        return response
