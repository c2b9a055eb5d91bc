"""Configuration of the tracker, read from the environment.

``DATABASE_URL`` selects the database (default: the embedded SQLite file
``instance/tracker.sqlite``); ``SECRET_KEY`` signs sessions (default: a key
generated once and kept in ``instance/secret_key``). No secret lives in the repo.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
DEFAULT_INSTANCE_DIR = BASE_DIR / "instance"


def instance_dir() -> Path:
    """Return the runtime folder (database, generated secret, demo passwords).

    ``TRACKER_INSTANCE_DIR`` moves it (tests use a temporary folder).
    """
    return Path(os.environ.get("TRACKER_INSTANCE_DIR", DEFAULT_INSTANCE_DIR))


def load_or_create_secret_key(folder: Path) -> str:
    """Return ``SECRET_KEY`` from the environment, else the key kept in ``folder/secret_key``.

    The file is created on first use (64 hex characters, mode 0600).
    """
    from_env = os.environ.get("SECRET_KEY")
    if from_env:
        return from_env
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "secret_key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    key = secrets.token_hex(32)
    path.touch(mode=0o600)
    path.write_text(key, encoding="ascii")
    return key


def is_production() -> bool:
    """Return True when ``TRACKER_ENV=production``: the app is served over HTTPS behind a proxy.

    Production turns on Secure ``__Host-`` cookies and HSTS (SECURITY-TESTS.md B1, C3). Off by
    default, so that ``run.py`` on http://127.0.0.1 and the tests keep working over plain HTTP.
    """
    return os.environ.get("TRACKER_ENV", "").strip().lower() == "production"


def production_settings() -> dict:
    """Return the settings that ``TRACKER_ENV=production`` adds (HTTPS only cookies, HSTS)."""
    return {
        "PRODUCTION": True,
        "SESSION_COOKIE_SECURE": True,
        # __Host-: the browser accepts it only over HTTPS, for this host, with Path=/ (no Domain).
        "SESSION_COOKIE_NAME": "__Host-session",
        "REMEMBER_COOKIE_SECURE": True,
        "PREFERRED_URL_SCHEME": "https",
    }


def _minutes(name: str, default: int) -> int:
    return int(os.environ.get(name, str(default)))


def default_database_url(folder: Path) -> str:
    """Return ``DATABASE_URL`` from the environment, else the embedded SQLite file in ``folder``."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'tracker.sqlite'}"


def _flag(name: str) -> bool:
    """Return True when the environment variable ``name`` is 1/true/yes/on."""
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


class Config:
    """Settings shared by every deployment; ``create_app`` fills in the folder-dependent ones."""

    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    # Uploaded plans: 20 MB is the default limit of SECURITY-TESTS.md E1.
    MAX_CONTENT_LENGTH = int(os.environ.get("TRACKER_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
    # A plan pasted into the import form is one text field: let it be as large as an upload.
    MAX_FORM_MEMORY_SIZE = MAX_CONTENT_LENGTH
    DEBUG = False
    PRODUCTION = False
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # "Remember me" is not offered (no login sets the cookie); should one appear, it is as hardened
    # as the session cookie and still checked against the user's session_version.
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # Sessions end after this many minutes without a request, and this long after sign-in whatever
    # happens (SECURITY-TESTS.md B5). A liaison writing a long report has two hours between pages.
    SESSION_IDLE_MINUTES = _minutes("TRACKER_SESSION_IDLE_MINUTES", 120)
    SESSION_ABSOLUTE_MINUTES = _minutes("TRACKER_SESSION_ABSOLUTE_MINUTES", 12 * 60)
    # Login throttle (B6): after LOGIN_MAX_FAILURES failed sign-ins for one user name within
    # LOGIN_WINDOW_MINUTES, further attempts get 429 until the window has passed; one address may
    # fail LOGIN_MAX_FAILURES_PER_IP times in the window, whatever names it tries.
    LOGIN_MAX_FAILURES = int(os.environ.get("TRACKER_LOGIN_MAX_FAILURES", "5"))
    LOGIN_MAX_FAILURES_PER_IP = int(os.environ.get("TRACKER_LOGIN_MAX_FAILURES_PER_IP", "50"))
    LOGIN_WINDOW_MINUTES = _minutes("TRACKER_LOGIN_WINDOW_MINUTES", 15)
    WTF_CSRF_TIME_LIMIT = None  # a liaison may keep a form open all evening
    # Host names the app answers to (comma-separated; others get 400), and the public address the
    # API's links are built on; without either, links echo the request's Host header (issue 14).
    TRUSTED_HOSTS = [h.strip() for h in os.environ.get("TRACKER_TRUSTED_HOSTS", "").split(",") if h.strip()] or None
    BASE_URL = os.environ.get("TRACKER_BASE_URL", "").strip() or None
    # Reverse proxies in front of the app whose X-Forwarded-* headers are trusted (0: none).
    PROXY_HOPS = int(os.environ.get("TRACKER_PROXY_HOPS", "0"))
    # The office that supervises all plans (市金融办 in the 重庆 plan).
    SUPERVISING_OFFICE = os.environ.get("TRACKER_SUPERVISING_OFFICE", "市金融办")
    # Indicators (issue 16): a 序时完成率 more than this many percentage points behind the elapsed
    # share of the year is a red light (less: yellow).
    INDICATOR_TOLERANCE_POINTS = float(os.environ.get("TRACKER_INDICATOR_TOLERANCE_POINTS", "5"))
    # The upload budget (tracker/upload_budget.py, issue 14): what one uploaded ledger or plan may
    # hold, counted from its XML or text before any reader loads it whole.
    UPLOAD_MAX_CELLS = int(os.environ.get("TRACKER_UPLOAD_MAX_CELLS", "1000000"))
    UPLOAD_MAX_STYLES = int(os.environ.get("TRACKER_UPLOAD_MAX_STYLES", "64000"))
    UPLOAD_MAX_SHARED_STRINGS = int(os.environ.get("TRACKER_UPLOAD_MAX_SHARED_STRINGS", "500000"))
    UPLOAD_MAX_PARAGRAPHS = int(os.environ.get("TRACKER_UPLOAD_MAX_PARAGRAPHS", "50000"))
    UPLOAD_MAX_WORD_STYLES = int(os.environ.get("TRACKER_UPLOAD_MAX_WORD_STYLES", "10000"))
    UPLOAD_MAX_ITEMS = int(os.environ.get("TRACKER_UPLOAD_MAX_ITEMS", "5000"))
    UPLOAD_MAX_DEPTH = int(os.environ.get("TRACKER_UPLOAD_MAX_DEPTH", "200"))
    UPLOAD_MAX_CHARS = int(os.environ.get("TRACKER_UPLOAD_MAX_CHARS", "300000"))
    # /healthz answers 503 "disk full" below this many free bytes on the instance folder's disk.
    HEALTH_MIN_FREE_BYTES = int(os.environ.get("TRACKER_HEALTH_MIN_FREE_BYTES", 64 * 1024 * 1024))
    # 佐证材料 (evidence files on progress reports): largest file accepted, in bytes (10 MB).
    ATTACHMENT_MAX_BYTES = int(os.environ.get("TRACKER_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))
    # The supervisor's 待办 page lists reminders (催办) not signed for after this many days (issue 17).
    INBOX_UNSIGNED_DAYS = int(os.environ.get("TRACKER_INBOX_UNSIGNED_DAYS", "3"))
    # E-mail of reminders (催办) through SMTP; off unless MAIL_ENABLED=1 (services/mail.py).
    MAIL_ENABLED = _flag("MAIL_ENABLED")
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "localhost")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USE_TLS = _flag("MAIL_USE_TLS")
    MAIL_USE_SSL = _flag("MAIL_USE_SSL")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD")
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "duban@localhost")
    MAIL_TIMEOUT = float(os.environ.get("MAIL_TIMEOUT", "10"))
