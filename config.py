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
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    WTF_CSRF_TIME_LIMIT = None  # a liaison may keep a form open all evening
    # Reverse proxies in front of the app whose X-Forwarded-* headers are trusted (0: none).
    PROXY_HOPS = int(os.environ.get("TRACKER_PROXY_HOPS", "0"))
    # The office that supervises all plans (市金融办 in the 重庆 plan).
    SUPERVISING_OFFICE = os.environ.get("TRACKER_SUPERVISING_OFFICE", "市金融办")
    # 佐证材料 (evidence files on progress reports): largest file accepted, in bytes (10 MB).
    ATTACHMENT_MAX_BYTES = int(os.environ.get("TRACKER_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024))
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
