"""`flask --app tracker check-config` on a real app and database: the lines it prints and its exit status."""
from __future__ import annotations

import pytest

SERVER_ENV = {
    "SECRET_KEY": "0123456789abcdef" * 4,
    "TRACKER_TRUSTED_HOSTS": "duban.example.gov.cn",
    "TRACKER_BASE_URL": "https://duban.example.gov.cn",
    "TRACKER_ENV": "production",
    "TRACKER_PROXY_HOPS": "1",
}
NAMES = list(SERVER_ENV) + ["DATABASE_URL", "MAIL_ENABLED", "MAIL_SERVER", "MAIL_SENDER", "MAIL_USERNAME"]


@pytest.fixture
def clean_env(monkeypatch):
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_check_config_says_what_is_missing_and_exits_1(empty_app, clean_env):
    result = empty_app.test_cli_runner().invoke(args=["check-config"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith("[缺失] SECRET_KEY：未设置") for line in lines)
    assert any(line.startswith("[缺失] TRACKER_TRUSTED_HOSTS：未设置") for line in lines)
    assert "[正常] 数据库：可以连接，表结构是最新的。" in lines
    assert lines[-1].startswith("配置检查未通过：2 项缺失")


def test_check_config_passes_with_a_server_environment(empty_app, clean_env):
    for name, value in SERVER_ENV.items():
        clean_env.setenv(name, value)
    result = empty_app.test_cli_runner().invoke(args=["check-config"])
    assert result.exit_code == 0, result.output
    assert "[缺失]" not in result.output
    assert result.output.splitlines()[-1].startswith("配置检查通过：0 项缺失")


def test_check_config_names_a_database_without_the_schema(empty_app, clean_env, tmp_path):
    from tracker import create_app

    clean_env.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'new.sqlite'}")
    fresh = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'new.sqlite'}"})
    result = fresh.test_cli_runner().invoke(args=["check-config"])
    assert result.exit_code == 1
    assert "[缺失] 数据库：可以连接，但尚未建表" in result.output and "db upgrade" in result.output
