"""check-config's rules (tracker/config_check.py): what a server deployment must set, said in Chinese."""
from __future__ import annotations

from tracker.config_check import ERROR, OK, WARNING, check_environment

GOOD = {
    "SECRET_KEY": "0123456789abcdef" * 4,
    "DATABASE_URL": "postgresql+psycopg://tracker:pw@db:5432/tracker",
    "TRACKER_TRUSTED_HOSTS": "duban.example.gov.cn",
    "TRACKER_BASE_URL": "https://duban.example.gov.cn",
    "TRACKER_ENV": "production",
    "TRACKER_PROXY_HOPS": "1",
    "MAIL_ENABLED": "1",
    "MAIL_SERVER": "mail.example.gov.cn",
    "MAIL_SENDER": "duban@example.gov.cn",
}


def levels(env) -> dict[str, str]:
    return {f.name: f.level for f in check_environment(env)}


def test_check_config_a_complete_server_environment_has_nothing_missing():
    assert set(levels(GOOD).values()) == {OK}


def test_check_config_an_empty_environment_lacks_the_secret_key_and_trusted_hosts():
    findings = {f.name: f for f in check_environment({})}
    assert {name for name, f in findings.items() if f.level == ERROR} == {"SECRET_KEY", "TRACKER_TRUSTED_HOSTS"}
    assert {name for name, f in findings.items() if f.level == WARNING} == {
        "DATABASE_URL", "TRACKER_BASE_URL", "TRACKER_ENV", "TRACKER_PROXY_HOPS", "MAIL_ENABLED"}
    assert "未设置" in findings["SECRET_KEY"].message and "token_hex" in findings["SECRET_KEY"].message
    assert findings["SECRET_KEY"].line().startswith("[缺失] SECRET_KEY：")


def test_check_config_refuses_a_short_or_placeholder_secret_key():
    assert levels({**GOOD, "SECRET_KEY": "short"})["SECRET_KEY"] == ERROR
    assert levels({**GOOD, "SECRET_KEY": "please-change-this-secret-key"})["SECRET_KEY"] == ERROR


def test_check_config_mail_turned_on_needs_a_server_a_sender_and_a_password_with_a_user_name():
    env = {**GOOD, "MAIL_SENDER": "", "MAIL_USERNAME": "duban"}
    mail = next(f for f in check_environment(env) if f.name == "MAIL_ENABLED")
    assert mail.level == ERROR and "MAIL_SENDER、MAIL_PASSWORD" in mail.message
    assert levels({**GOOD, "MAIL_ENABLED": "0", "MAIL_SERVER": ""})["MAIL_ENABLED"] == WARNING


def test_check_config_database_url_and_base_url_must_be_addresses():
    assert levels({**GOOD, "DATABASE_URL": "mysql://x"})["DATABASE_URL"] == ERROR
    assert levels({**GOOD, "DATABASE_URL": "sqlite:////var/lib/tracker/t.sqlite"})["DATABASE_URL"] == WARNING
    assert levels({**GOOD, "TRACKER_BASE_URL": "duban.example.gov.cn"})["TRACKER_BASE_URL"] == ERROR
    assert levels({**GOOD, "TRACKER_PROXY_HOPS": "one"})["TRACKER_PROXY_HOPS"] == ERROR
