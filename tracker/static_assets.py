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

Text files (CSS, JavaScript, SVG) are also sent gzip-compressed to a browser that accepts it (every
browser does): Bootstrap, Chart.js and the app's files, about 530 KB, become about 130 KB, what a new
user downloads once on a real network (issue 19; docs/benchmarks.md item 11). Each file is compressed
once per process (kept while its modification time stays the same; warm_up does it before the first
request) and sent with ``Content-Encoding: gzip``, ``Vary: Accept-Encoding`` and its ETag made weak (as
Nginx's gzip does: the compressed bytes differ, the content is the same). Pages are not compressed:
they carry the CSRF token next to text a visitor can put in the page, which compression over TLS would
let an attacker guess byte by byte (BREACH); a static file holds no secret.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import threading
from typing import Any, Callable

from flask import Flask, Response, has_request_context, request

#: One year, the longest lifetime browsers honour; the content hash in the address makes it safe.
MAX_AGE = 365 * 24 * 3600
_digests: dict[str, tuple[int, str]] = {}
_lock = threading.Lock()
#: Types sent compressed: text. Images other than SVG (PNG, JPEG) and fonts are compressed already.
COMPRESSIBLE = frozenset({"text/css", "text/javascript", "application/javascript", "image/svg+xml",
                          "application/json", "text/plain"})
#: Smaller files gain less than the header costs.
MIN_COMPRESS_BYTES = 1024
_compressed: dict[str, tuple[int, bytes | None]] = {}


def _kept_per_file(kept: dict, path: str, derive):
    """Return ``derive(data)`` for the bytes of the file at ``path``, kept in ``kept`` while the file's
    modification time stays the same (one ``stat`` per call); None when it is not a readable file."""
    try:
        mtime = os.stat(path).st_mtime_ns
    except OSError:
        return None
    with _lock:
        known = kept.get(path)
    if known is not None and known[0] == mtime:
        return known[1]
    try:
        with open(path, "rb") as handle:
            value = derive(handle.read())
    except OSError:
        return None
    with _lock:
        kept[path] = (mtime, value)
    return value


def content_version(folder: str, filename: str) -> str | None:
    """Return the first 12 hex digits of the SHA-256 of ``folder``/``filename``, or None when it is not
    a file there. Kept per file while its modification time stays the same (one ``stat`` per call)."""
    return _kept_per_file(_digests, os.path.join(folder, filename),
                          lambda data: hashlib.sha256(data).hexdigest()[:12])


def _gzip_if_smaller(data: bytes) -> bytes | None:
    """The gzip bytes of ``data`` (level 9, no name or time in the header), or None when ``data`` is
    smaller than ``MIN_COMPRESS_BYTES`` or would not shrink."""
    if len(data) < MIN_COMPRESS_BYTES:
        return None
    packed = gzip.compress(data, compresslevel=9, mtime=0)
    return packed if len(packed) < len(data) else None


def compressed(folder: str, filename: str) -> bytes | None:
    """Return the gzip bytes (level 9, no name or time in the header, so always the same bytes) of
    ``folder``/``filename``, or None when it is not a file there, is smaller than
    ``MIN_COMPRESS_BYTES`` or would not shrink. Kept per file while its modification time stays the
    same (one ``stat`` per call)."""
    return _kept_per_file(_compressed, os.path.join(folder, filename), _gzip_if_smaller)


def compress_all(app: Flask) -> int:
    """Compress every compressible static file of ``app`` now (warm_up calls it, so that no visitor
    waits for it); return how many files will be sent compressed."""
    import mimetypes

    folder, count = app.static_folder, 0
    if not folder:
        return 0
    for root, _, files in os.walk(folder):
        for name in files:
            filename = os.path.relpath(os.path.join(root, name), folder)
            if mimetypes.guess_type(name)[0] in COMPRESSIBLE and compressed(folder, filename) is not None:
                count += 1
    return count


def _send_compressed(app: Flask, response: Response) -> Response:
    """Replace the body of the static file ``response`` by its gzip bytes when the browser accepts gzip
    and the file is worth it (see the module's docstring); otherwise return it unchanged."""
    if response.mimetype not in COMPRESSIBLE:
        return response
    response.vary.add("Accept-Encoding")  # a cache keeps one copy per encoding (a 304 says so too)
    if (response.status_code != 200 or "Content-Encoding" in response.headers
            or not request.accept_encodings["gzip"]):
        return response
    # Reached only when the static view answered 200: the name passed its safe_join inside the folder.
    packed = compressed(app.static_folder, (request.view_args or {}).get("filename", ""))
    if packed is None:
        return response
    if hasattr(response.response, "close"):
        response.response.close()  # the open file send_file would have streamed
    response.direct_passthrough = False
    response.set_data(packed)
    response.headers["Content-Encoding"] = "gzip"
    etag, _ = response.get_etag()
    if etag:
        response.set_etag(etag, weak=True)
    return response


#: How many static addresses ``kept_static_url`` keeps per process (one per file a template links, per script root);
#: when full it starts again.
KEPT_URLS_SIZE = 256
_kept_urls: dict[tuple, str] = {}


def kept_static_url(app: Flask, url_for: Callable[..., str]) -> Callable[..., str]:
    """Return the templates' ``url_for``: ``url_for`` itself, except that the address of a static file
    (``url_for('static', filename=…)``, in a request) is built once per process for what it is made of — the
    request's script root, the file's name and its content's version (``content_version``, so a changed file
    still gets its new address at once) — and then reused: equal inputs, equal address. Every page links six to
    eight static files; building each address cost about twice another route's (issue 19, item 30)."""

    def template_url_for(endpoint: str, **values: Any) -> str:
        if endpoint != "static" or values.keys() != {"filename"} or not app.static_folder or not has_request_context():
            return url_for(endpoint, **values)
        filename = values["filename"]
        key = (request.script_root, filename, content_version(app.static_folder, filename))
        url = _kept_urls.get(key)
        if url is None:
            url = url_for(endpoint, **values)
            if len(_kept_urls) >= KEPT_URLS_SIZE:
                _kept_urls.clear()
            _kept_urls[key] = url
        return url

    return template_url_for


def register(app: Flask) -> None:
    """Version the static addresses of ``app``, let browsers keep files asked for by their version, and
    send text files compressed to browsers that accept it; the templates build each static address once
    (``kept_static_url``)."""

    app.jinja_env.globals["url_for"] = kept_static_url(app, app.url_for)

    @app.url_defaults
    def add_version(endpoint: str, values: dict) -> None:
        if endpoint == "static" and "v" not in values and app.static_folder and "filename" in values:
            version = content_version(app.static_folder, values["filename"])
            if version:
                values["v"] = version

    @app.after_request
    def cache_versioned(response: Response) -> Response:
        if request.endpoint != "static" or not app.static_folder:
            return response
        wanted = request.args.get("v")
        filename = (request.view_args or {}).get("filename", "")
        if response.status_code == 200 and wanted and wanted == content_version(app.static_folder, filename):
            response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}, immutable"
        return _send_compressed(app, response)
