"""The tracker's settings as one typed, frozen object that views and services read.

``config.py`` reads the environment into ``app.config`` (names in CAPITALS, see README "Settings");
``Settings.from_config`` turns them into this dataclass, and ``current_settings()`` returns the one of
the running app. Services ask for ``current_settings()`` instead of receiving each value as a
parameter from the views (the supervising office's name, upload limits, mail, session lengths).

Not here: Flask's and Flask-SQLAlchemy's own keys (SECRET_KEY, SQLALCHEMY_*, MAX_CONTENT_LENGTH as
the request limit), which those libraries read from ``app.config`` themselves.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from typing import TYPE_CHECKING

from .archives import MB  # bytes in a megabyte, one place for every limit written in MB
from .upload_budget import UploadBudget

if TYPE_CHECKING:  # imported where used: tracker.ledger pulls in openpyxl, which a page without a ledger never needs
    from .ledger.safety import LedgerLimits


@dataclass(frozen=True)
class MailSettings:
    """E-mail of reminders (services/mail.py): off unless ``enabled``; SMTP ``server``:``port``
    (plain, STARTTLS with ``use_tls`` or TLS from the start with ``use_ssl``), optional login,
    ``sender`` address, ``timeout`` in seconds."""

    enabled: bool = False
    server: str = "localhost"
    port: int = 25
    use_tls: bool = False
    use_ssl: bool = False
    username: str | None = None
    password: str | None = None
    sender: str = "duban@localhost"
    timeout: float = 10.0


@dataclass(frozen=True)
class Settings:
    """The settings the tracker's own code reads (units: bytes, rows, minutes).

    ``supervising_office``: the office's unit name (市金融办), shown on bulletins and ledgers and used
    for a supervisor's own ledger; ``attachment_max_bytes``: largest 佐证材料 file; ``ledger_max_bytes``
    and ``ledger_max_rows``: ledger upload limits (SECURITY-TESTS.md E1, E5); ``session_*_minutes``:
    idle and absolute session lengths (B5); ``login_*``: the login throttle (B6);
    ``inbox_unsigned_days``: the supervisor's 待办 lists reminders not signed for after this many days
    (services/inbox.py); ``mail``: MailSettings; ``upload_budget``: the
    UPLOAD_MAX_* limits counted before a file is loaded (tracker/upload_budget.py);
    ``indicator_tolerance_points``: how far (percentage points) a 序时完成率 may lag the year's elapsed share
    before its light is red (tracker/indicators/derived.light_for).
    """

    supervising_office: str = "市金融办"
    attachment_max_bytes: int = 10 * MB
    ledger_max_bytes: int = 20 * MB
    ledger_max_rows: int = 50_000
    session_idle_minutes: int = 120
    session_absolute_minutes: int = 12 * 60
    login_max_failures: int = 5
    login_max_failures_per_ip: int = 50
    login_window_minutes: int = 15
    inbox_unsigned_days: int = 3
    mail: MailSettings = MailSettings()
    upload_budget: UploadBudget = UploadBudget()
    indicator_tolerance_points: float = 5.0

    @classmethod
    def from_config(cls, config: Mapping) -> Settings:
        """Return the settings held in ``config`` (``app.config`` or any mapping of the same keys).

        A key that is missing or empty keeps the default above; LEDGER_MAX_BYTES defaults to
        MAX_CONTENT_LENGTH (the request limit), else 20 MB. Raises ValueError for a value that is
        not a number where one is expected.
        """
        default = cls()

        def value(key: str, fallback, kind=None):
            found = config.get(key)
            if found is None or found == "":
                return fallback
            return kind(found) if kind else found

        return cls(
            supervising_office=value("SUPERVISING_OFFICE", default.supervising_office, str),
            attachment_max_bytes=value("ATTACHMENT_MAX_BYTES", default.attachment_max_bytes, int),
            ledger_max_bytes=int(config.get("LEDGER_MAX_BYTES") or config.get("MAX_CONTENT_LENGTH")
                                 or default.ledger_max_bytes),
            ledger_max_rows=int(config.get("LEDGER_MAX_ROWS") or default.ledger_max_rows),
            session_idle_minutes=value("SESSION_IDLE_MINUTES", default.session_idle_minutes, int),
            session_absolute_minutes=value("SESSION_ABSOLUTE_MINUTES", default.session_absolute_minutes, int),
            login_max_failures=value("LOGIN_MAX_FAILURES", default.login_max_failures, int),
            login_max_failures_per_ip=value("LOGIN_MAX_FAILURES_PER_IP", default.login_max_failures_per_ip, int),
            login_window_minutes=value("LOGIN_WINDOW_MINUTES", default.login_window_minutes, int),
            inbox_unsigned_days=value("INBOX_UNSIGNED_DAYS", default.inbox_unsigned_days, int),
            mail=MailSettings(
                enabled=bool(config.get("MAIL_ENABLED")),
                server=config.get("MAIL_SERVER") or default.mail.server,
                port=int(config.get("MAIL_PORT") or default.mail.port),
                use_tls=bool(config.get("MAIL_USE_TLS")),
                use_ssl=bool(config.get("MAIL_USE_SSL")),
                username=config.get("MAIL_USERNAME") or None,
                password=config.get("MAIL_PASSWORD") or None,
                sender=config.get("MAIL_SENDER") or default.mail.sender,
                timeout=float(config.get("MAIL_TIMEOUT") or default.mail.timeout),
            ),
            upload_budget=UploadBudget.from_config(config),
            indicator_tolerance_points=value("INDICATOR_TOLERANCE_POINTS", default.indicator_tolerance_points, float),
        )

    @property
    def ledger_limits(self) -> LedgerLimits:
        """The ledger upload limits, with the upload budget (the other limits keep LedgerLimits' defaults)."""
        from .ledger.safety import LedgerLimits

        return LedgerLimits(max_bytes=self.ledger_max_bytes, max_rows=self.ledger_max_rows, budget=self.upload_budget)


def current_settings() -> Settings:
    """Return the running app's settings; needs an app context (a request, a CLI command, a test's ``app_context``).

    Built once per app context from ``current_app.config`` and kept in ``flask.g``, so a value
    changed in ``app.config`` (tests do this) holds from the next request or context on.
    """
    from flask import current_app, g

    settings = g.get("_tracker_settings")
    if settings is None:
        settings = g._tracker_settings = Settings.from_config(current_app.config)
    return settings
