"""Accounts on the command line: create-user, create-token, revoke-token (CONTRACTS.md §5, §6)."""
from __future__ import annotations

import sys

import click
from flask.cli import with_appcontext

from ..models import Role


@click.command("create-user")
@with_appcontext
@click.argument("username")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--unit", "unit_name", help="所属单位（联络员必填）")
@click.option("--display-name", help="显示名称")
@click.option("--password-stdin", is_flag=True, help="从标准输入读取密码")
@click.option("--must-change-password", is_flag=True, help="首次登录时必须修改密码（为他人建账号时使用）")
def create_user_command(username: str, role: str, unit_name: str | None, display_name: str | None,
                        password_stdin: bool, must_change_password: bool) -> None:
    """Create a user; the password is asked on the terminal or read from stdin."""
    from ..extensions import db
    from ..services.accounts.users import create_user
    from ..services.errors import ServiceError
    from .common import fail

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("密码", hide_input=True, confirmation_prompt="再次输入密码")
    try:
        user = create_user(username, Role(role), password, unit_name, display_name, commit=False)
        user.must_change_password = must_change_password
        db.session.commit()
    except ServiceError as error:
        db.session.rollback()
        fail(str(error))
    click.echo(f"已创建用户 {user.username}（{user.role.label}{'，' + user.unit.name if user.unit else ''}）。")


@click.command("create-token")
@with_appcontext
@click.argument("username")
@click.option("--name", default="", help="令牌用途说明，如“OA 系统”")
def create_token_command(username: str, name: str) -> None:
    """Create an API token for USERNAME and print it alone on stdout (it is stored only as a hash)."""
    from ..services.accounts.tokens import create_token
    from ..services.errors import ServiceError
    from .common import fail

    try:
        token, _ = create_token(username, name)
    except ServiceError as error:
        fail(str(error))
    click.echo(token)


@click.command("revoke-token")
@with_appcontext
@click.argument("username")
@click.option("--token", "token", help="只吊销这个令牌（默认：吊销该用户的全部令牌）")
def revoke_token_command(username: str, token: str | None) -> None:
    """Revoke USERNAME's API tokens (or the one given with --token)."""
    from ..services.accounts.tokens import revoke_tokens
    from ..services.errors import ServiceError
    from .common import fail

    try:
        count = revoke_tokens(username, token)
    except ServiceError as error:
        fail(str(error))
    click.echo(f"已吊销用户 {username} 的 {count} 个令牌。")




@click.command("import-units")
@with_appcontext
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def import_units_command(file: str) -> None:
    """Import the unit list FILE (.xlsx or .csv: 单位名称, 上级单位, 类别, 辖区): all units, or none (CONTRACTS.md §10)."""
    from ..ledger import LedgerRefused
    from ..services.accounts.unit_list import UnitListRejected, import_unit_list, read_unit_list
    from ..services.accounts.users import command_line_operator
    from ..services.errors import ServiceError
    from ..settings import current_settings
    from .common import fail

    try:
        rows = read_unit_list(file, limits=current_settings().ledger_limits)
        result = import_unit_list(command_line_operator(), rows)
    except UnitListRejected as error:
        for line in error.errors:
            click.echo(line, err=True)
        fail(f"{file}: {error}")
    except (LedgerRefused, ServiceError) as error:
        fail(f"{file}: {error}")
    click.echo(result.summary())
    click.echo(result.details(), err=True)


COMMANDS = (create_user_command, create_token_command, revoke_token_command, import_units_command)
