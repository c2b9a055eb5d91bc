"""Checking a deployment on the command line: check-config (issue 17, README "Deployment")."""
from __future__ import annotations

import os

import click
from flask.cli import with_appcontext


@click.command("check-config")
@with_appcontext
def check_config_command() -> None:
    """Say in Chinese which settings a server deployment lacks (config_check.check_environment) and
    whether the database answers with the current schema; exit 1 when something required is missing.

    Prints one line per setting, "[缺失]", "[提醒]" or "[正常]", then a last line with the counts.
    """
    from ..config_check import ERROR, OK, Finding, check_environment

    findings = check_environment(os.environ)
    findings.append(_database_finding(Finding, ERROR, OK))
    for finding in findings:
        click.echo(finding.line())
    errors = sum(1 for f in findings if f.level == ERROR)
    warnings = len(findings) - errors - sum(1 for f in findings if f.level == OK)
    if errors:
        click.echo(f"配置检查未通过：{errors} 项缺失，{warnings} 项提醒。请按上面的说明补齐后再启动。")
        raise SystemExit(1)
    click.echo(f"配置检查通过：0 项缺失，{warnings} 项提醒。")


def _database_finding(Finding, ERROR, OK):
    """Return a Finding on the database: it answers, and its schema is at the migrations' head."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from sqlalchemy.exc import SQLAlchemyError

    from ..database import MIGRATIONS_DIR
    from ..extensions import db

    try:
        with db.engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
    except SQLAlchemyError as error:
        reason = str(error.orig if getattr(error, "orig", None) else error).splitlines()[0]
        return Finding(ERROR, "数据库", f"无法连接（{reason}）。请检查 DATABASE_URL 和数据库服务器。")
    heads = set(ScriptDirectory(MIGRATIONS_DIR).get_heads())
    if current != heads:
        state = "尚未建表" if not current else f"版本 {'、'.join(sorted(current))}"
        return Finding(ERROR, "数据库", f"可以连接，但{state}，不是最新的 {'、'.join(sorted(heads))}。"
                                       "请运行 flask --app tracker db upgrade。")
    return Finding(OK, "数据库", "可以连接，表结构是最新的。")


COMMANDS = (check_config_command,)
