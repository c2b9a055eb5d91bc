"""Static files (CSS, JS, icons) cached by the browser until they change.

Every page links Bootstrap, Chart.js and the app's own scripts, about 400 KB. Pages of a signed-in
user are sent with ``Cache-Control: no-store`` (security.py), and until this module the static files
were too, so a browser downloaded all of them again on every click: on the 16-task seed plan a click
through the dashboard cost several hundred milliseconds of which the page itself was about 10.

Now ``url_for('static', filename=…)`` adds ``v=<first 12 hex digits of the file's SHA-256>`` to the
address, and a static file asked for with the ``v`` of its current content is sent with
``Cache-Control: public, max-age=31536000, immutable``: the browser keeps it and does not ask again,
and a changed file gets a new address, so an upgrade is never served a stale copy. A static file asked
for without ``v`` (or with an old one) is sent as before (``no-cache``: revalidated with its ETag).
Static files are the same for every visitor (nothing of a user's), so caching them discloses nothing.
"""
from __future__ import annotations

import hashlib
import os
import threading

from flask import Flask, Response, request

#: One year, the longest lifetime browsers honour; the content hash in the address makes it safe.
MAX_AGE = 365 * 24 * 3600
_digests: dict[str, tuple[int, str]] = {}
_lock = threading.Lock()


def content_version(folder: str, filename: str) -> str | None:
    """Return the first 12 hex digits of the SHA-256 of ``folder``/``filename``, or None when it is not
    a file there. Kept per file while its modification time stays the same (one ``stat`` per call)."""
    path = os.path.join(folder, filename)
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError:
        return None
    with _lock:
        known = _digests.get(path)
    if known is not None and known[0] == mtime:
        return known[1]
    try:
        with open(path, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()[:12]
    except OSError:
        return None
    with _lock:
        _digests[path] = (mtime, digest)
    return digest


def register(app: Flask) -> None:
    """Version the static addresses of ``app`` and let browsers keep files asked for by their version."""

    @app.url_defaults
    def add_version(endpoint: str, values: dict) -> None:
        if endpoint == "static" and "v" not in values and app.static_folder and "filename" in values:
            version = content_version(app.static_folder, values["filename"])
            if version:
                values["v"] = version

    @app.after_request
    def cache_versioned(response: Response) -> Response:
        if request.endpoint != "static" or response.status_code != 200 or not app.static_folder:
            return response
        wanted = request.args.get("v")
        filename = (request.view_args or {}).get("filename", "")
        if wanted and wanted == content_version(app.static_folder, filename):
            response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}, immutable"
        return response
