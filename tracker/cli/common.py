"""What every command shares: one-sentence failures, atomic writes, the plan reader, the printed summaries.

Errors go to stderr as one Chinese sentence naming the file or field at fault, with a non-zero exit
status; nothing half-written is left behind.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click
from flask import current_app


def fail(message: str, status: int = 1) -> None:
    """Print ``message`` to stderr and leave with ``status``."""
    click.echo(f"错误：{message}", err=True)
    sys.exit(status)


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` through a temporary file, so a failure leaves no partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def attachment_folder() -> Path:
    """Return where 佐证材料 files are stored: ``<instance>/attachments`` (as tasks/routes.py)."""
    return Path(current_app.instance_path) / "attachments"


def read_plan_or_fail(path: str):
    """Return the parsed plan at ``path``, or leave with status 2 (file type) / 1 (unreadable)."""
    from ..parsing import PlanReadError, UnsupportedFileType, read_plan_file

    try:
        return read_plan_file(path)
    except UnsupportedFileType as error:
        fail(str(error), 2)
    except (PlanReadError, OSError) as error:
        fail(f"{path}: {error}")


def report_preview(preview, err: bool) -> None:
    """Print an import's summary line, its conflicts and, when it cannot be applied, every reason."""
    click.echo(preview.summary_line())
    for outcome in preview.outcomes:
        if outcome.action == "conflict":
            both = "；".join(f"{d.caption}：系统“{d.tracker}” / 台账“{d.file}”" for d in outcome.diffs)
            click.echo(f"row {outcome.row}: conflict（{outcome.number or ''} {outcome.label}）{both}")
    for warning in preview.warnings:
        click.echo(f"请核对：{warning}", err=True)
    if err:
        for line in preview.error_lines():
            click.echo(line, err=True)
        click.echo("错误：台账有上述问题，没有写入任何数据。请修改后重新导入。", err=True)


#: What a newcomer reads under the demo accounts (run.py, init-db): what each role may do and what to try first, in
#: the accounts of seed_data (README "Demo accounts" says the same at length).
DEMO_GUIDE = (
    "首次登录须先设置自己的密码。各角色：督办（duban，市金融办）看全部任务、审核办结、催办、下载工作台账；"
    "联络员只看本单位牵头或配合的任务，签收、报送进展，牵头单位还可分解任务；管理员（guanli）管理用户和单位。",
    "可以先试：zjj 登录，在“本单位任务”中报送一（三）的进展；duban 登录，打开方案，按“下载工作台账”；"
    "jrb 登录，把二（一）分解给区县金融办，再以 yzjrb、jbjrb、wzjrb 登录报送。",
)


def report_seed(result, accounts_file=None) -> None:
    """Print the demo accounts created by a seed, once, with what each role may do and what to try first
    (DEMO_GUIDE). When the database was not empty: that it is up to date and, when ``accounts_file`` (the path of
    services/seed.demo_accounts_file) still exists, where the demo accounts' first passwords are kept (a newcomer
    who starts a second time has lost the first start's lines)."""
    if result is None:
        click.echo("数据库已是最新。")
        if accounts_file is not None and accounts_file.exists():
            click.echo(f"示例账号及其初始密码见 {accounts_file}（已设置过自己密码的账号请用自己的密码）。")
        return
    click.echo(f"已载入示例方案《{result.plan_title}》，并创建以下账号（密码只显示这一次，另存于 {result.accounts_file}）：")
    for username, password, role, unit in result.accounts:
        click.echo(f"  {username:<8} {password}  {role}  {unit}")
    for line in DEMO_GUIDE:
        click.echo(line)
