"""The typed settings object (tracker/settings.py) read from the app config's keys."""
from __future__ import annotations

import dataclasses

import pytest

from tracker.settings import MB, Settings


def test_settings_from_config_reads_the_keys_config_py_sets():
    settings = Settings.from_config({
        "SUPERVISING_OFFICE": "督查室", "ATTACHMENT_MAX_BYTES": 1024, "LEDGER_MAX_ROWS": "10",
        "SESSION_IDLE_MINUTES": 5, "LOGIN_MAX_FAILURES_PER_IP": 3,
        "MAIL_ENABLED": True, "MAIL_SERVER": "smtp.example.cn", "MAIL_PORT": "465", "MAIL_USE_SSL": True,
        "MAIL_USERNAME": "duban", "MAIL_TIMEOUT": "2"})
    assert settings.supervising_office == "督查室"
    assert settings.attachment_max_bytes == 1024 and settings.ledger_max_rows == 10
    assert settings.session_idle_minutes == 5 and settings.login_max_failures_per_ip == 3
    assert settings.mail.enabled and settings.mail.server == "smtp.example.cn" and settings.mail.port == 465
    assert settings.mail.use_ssl and not settings.mail.use_tls and settings.mail.username == "duban"
    assert settings.mail.timeout == 2.0 and settings.mail.sender == "duban@localhost"


def test_settings_keep_their_defaults_for_missing_or_empty_keys():
    assert Settings.from_config({}) == Settings()
    assert Settings.from_config({"MAIL_SERVER": "", "SUPERVISING_OFFICE": None}) == Settings()


def test_ledger_upload_limit_defaults_to_the_request_limit_then_20_mb():
    assert Settings.from_config({}).ledger_limits.max_bytes == 20 * MB
    assert Settings.from_config({"MAX_CONTENT_LENGTH": 4096}).ledger_limits.max_bytes == 4096
    limits = Settings.from_config({"MAX_CONTENT_LENGTH": 4096, "LEDGER_MAX_BYTES": 5000}).ledger_limits
    assert limits.max_bytes == 5000 and limits.max_rows == 50_000


def test_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().supervising_office = "别的单位"
