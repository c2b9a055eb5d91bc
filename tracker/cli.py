"""The command line of CONTRACTS.md (parse-plan, import-plan, export-ledger, create-user, create-token, bulletin),
and revoke-token, init-db, backup, restore.

Errors go to stderr as one Chinese sentence naming the file or field at fault,
with a non-zero exit status; nothing half-written is left behind.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import click
from flask import Flask

from .extensions import db
from .ledger import LedgerRefused
from .models import Channel, Role, User
from .parsing import PlanReadError, UnsupportedFileType, read_plan_file
from .services import backup as backups
from .services.accounts import command_line_operator, create_user
from .services.api_tokens import create_token, revoke_tokens
from .services.errors import ServiceError
from .services.ledger_export import LedgerOptions, export_ledger, export_ledger_csv
from .services.ledger_import import ImportRejected, apply_import, load_ledger, preview_import
from .services.ledger_revert import revert_import
from .services.plans import import_plan
from .services.seed import prepare_database
from .settings import current_settings


def fail(message: str, status: int = 1) -> None:
    """Print ``message`` to stderr and leave with ``status``."""
    click.echo(f"错误：{message}", err=True)
    sys.exit(status)


def read_plan_or_fail(path: str):
    """Return the parsed plan at ``path``, or leave with status 2 (file type) / 1 (unreadable)."""
    try:
        return read_plan_file(path)
    except UnsupportedFileType as error:
        fail(str(error), 2)
    except (PlanReadError, OSError) as error:
        fail(f"{path}: {error}")


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


def attachment_folder(app: Flask) -> Path:
    """Return where 佐证材料 files are stored: ``<instance>/attachments`` (as tasks/routes.py)."""
    return Path(app.instance_path) / "attachments"


def register(app: Flask) -> None:
    """Add the commands to ``app.cli``."""

    @app.cli.command("parse-plan")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False))
    def parse_plan_command(file: str) -> None:
        """Parse FILE (.txt/.docx/.html/.md/.pdf) and print the plan as JSON; the database is not touched.

        Exits 1 with the parser's one sentence when nothing at all could be read from FILE (no
        numbered item, no task-table row); whatever was read is printed, its doubts as warnings."""
        draft = read_plan_or_fail(file)
        if not draft.measures:
            fail(f"{file}: {draft.warnings[-1] if draft.warnings else '未读出任何条目。'}")
        click.echo(json.dumps(draft.to_dict(), ensure_ascii=False, indent=1))

    @app.cli.command("import-plan")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False))
    @click.option("--title", help="方案标题（文件中识别不到标题时使用）。")
    def import_plan_command(file: str, title: str | None) -> None:
        """Parse FILE and store it as a new plan; print its id and the number of measures."""
        draft = read_plan_or_fail(file)
        try:
            result = import_plan(draft, source_name=Path(file).name, title=title)
        except ServiceError as error:
            fail(f"{file}: {error}")
        click.echo(f"plan_id={result.plan.id} measures={result.task_count}")
        click.echo(f"已导入方案 {result.plan.id}《{result.plan.title}》，共 {result.task_count} 个条目。")
        if result.new_units:
            click.echo("新建单位：" + "、".join(result.new_units))
        for warning in draft.warnings:
            click.echo(f"请核对：{warning}", err=True)

    @app.cli.command("export-ledger")
    @click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
                  help="输出文件：.xlsx（Excel）或 .csv（UTF-8 带 BOM）")
    @click.option("--plan", "plan_id", type=int, help="只导出该方案（编号）")
    @click.option("--unit", "unit_name", help="只导出该单位牵头或配合的任务")
    @click.option("--layout", default="tree", show_default=True,
                  help="台账样式：tree（树形，同一重点任务合并）、flat（平铺，每行一项任务，含“所属层级”列）"
                       "或 grouped（分组标题行，每个标题单独一行）")
    @click.option("--columns", default="", help="附加列，逗号分隔：责任人,最近反馈时间,备注")
    def export_ledger_command(output: str, plan_id: int | None, unit_name: str | None, layout: str,
                              columns: str) -> None:
        """Write the work ledger (工作台账) to OUTPUT as .xlsx, or as CSV when OUTPUT ends in .csv."""
        suffix = Path(output).suffix.lower()
        if suffix not in (".xlsx", ".csv"):
            fail(f"{output}: 输出文件必须以 .xlsx（Excel）或 .csv 结尾，请改正文件名后重试。", 2)
        writer = export_ledger_csv if suffix == ".csv" else export_ledger
        try:
            options = LedgerOptions.parse(layout, columns)
        except ServiceError as error:
            fail(str(error), 2)
        try:
            export = writer(command_line_operator(), plan_id, unit_name, options=options)
        except ServiceError as error:
            fail(str(error))
        write_atomically(Path(output), export.content)
        click.echo(f"已写出 {output}：{export.row_count} 行任务。")

    @app.cli.command("import-ledger")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False))
    @click.option("--plan", "plan_id", type=int, help="把外单位台账的进展合并到该方案（编号），不新建方案")
    @click.option("--as", "username", help="以该用户的权限导入（默认：命令行操作员，督办权限）")
    @click.option("--dry-run", is_flag=True, help="只显示将要做的修改，不写入数据库")
    def import_ledger_command(file: str, plan_id: int | None, username: str | None, dry_run: bool) -> None:
        """Read the work ledger FILE back (CONTRACTS.md §4): all rows applied, or none."""
        actor = command_line_operator()
        if username:
            actor = db.session.scalar(db.select(User).where(User.username == username))
            if actor is None or not actor.active:
                fail(f"用户“{username}”不存在或已停用。")
        try:
            loaded = load_ledger(file, limits=current_settings().ledger_limits)
            if dry_run:
                preview = preview_import(loaded, actor, plan_id)
            else:
                result = apply_import(loaded, actor, plan_id)
                preview = result.preview
        except LedgerRefused as error:
            fail(f"{file}: {error}")
        except ImportRejected as error:
            report_preview(error.preview, err=True)
            sys.exit(1)
        except ServiceError as error:
            fail(f"{file}: {error}")
        report_preview(preview, err=not preview.ok)
        if dry_run:
            click.echo("（试运行：未写入数据库）")
            sys.exit(0 if preview.ok else 1)
        record = result.record
        click.echo(f"已导入：导入记录 #{record.id}（批次 {record.batch}）"
                   + (f"，新建方案 plan_id={record.created_plan_id}" if record.created_plan_id else "") + "。")

    @app.cli.command("revert-import")
    @click.argument("record_id", type=int)
    def revert_import_command(record_id: int) -> None:
        """Undo the ledger import RECORD_ID as a whole (its reports, statuses, a plan it created)."""
        try:
            result = revert_import(record_id, command_line_operator(), Channel.CLI)
        except ServiceError as error:
            fail(str(error))
        click.echo(f"已撤销导入记录 #{record_id}：删除进展 {result.reports_removed} 条，恢复完成状态 "
                   f"{result.statuses_restored} 项" + (f"，删除方案 #{result.plan_deleted}" if result.plan_deleted else "") + "。")
        for note in result.notes:
            click.echo(note)

    @app.cli.command("create-user")
    @click.argument("username")
    @click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
    @click.option("--unit", "unit_name", help="所属单位（联络员必填）")
    @click.option("--display-name", help="显示名称")
    @click.option("--password-stdin", is_flag=True, help="从标准输入读取密码")
    @click.option("--must-change-password", is_flag=True, help="首次登录时必须修改密码（为他人建账号时使用）")
    def create_user_command(username: str, role: str, unit_name: str | None, display_name: str | None,
                            password_stdin: bool, must_change_password: bool) -> None:
        """Create a user; the password is asked on the terminal or read from stdin."""
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

    @app.cli.command("create-token")
    @click.argument("username")
    @click.option("--name", default="", help="令牌用途说明，如“OA 系统”")
    def create_token_command(username: str, name: str) -> None:
        """Create an API token for USERNAME and print it alone on stdout (it is stored only as a hash)."""
        try:
            token, _ = create_token(username, name)
        except ServiceError as error:
            fail(str(error))
        click.echo(token)

    @app.cli.command("revoke-token")
    @click.argument("username")
    @click.option("--token", "token", help="只吊销这个令牌（默认：吊销该用户的全部令牌）")
    def revoke_token_command(username: str, token: str | None) -> None:
        """Revoke USERNAME's API tokens (or the one given with --token)."""
        try:
            count = revoke_tokens(username, token)
        except ServiceError as error:
            fail(str(error))
        click.echo(f"已吊销用户 {username} 的 {count} 个令牌。")

    @app.cli.command("bulletin")
    @click.option("--period", required=True, help="期间：2026-10（月）或 2026-Q4（季度）")
    @click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
                  help="输出文件：.docx 或 .xlsx")
    def bulletin_command(period: str, output: str) -> None:
        """Write the bulletin (通报) of PERIOD to OUTPUT (.docx or .xlsx)."""
        from .bulletin import write_docx, write_xlsx
        from .clock import beijing_today
        from .periods import parse_period
        from .services.bulletin import build_bulletin

        writers = {".docx": write_docx, ".xlsx": write_xlsx}
        writer = writers.get(Path(output).suffix.lower())
        if writer is None:
            fail(f"{output}: 输出文件必须以 .docx 或 .xlsx 结尾。", 2)
        try:
            chosen = parse_period(period)
        except ValueError as error:
            fail(f"--period: {error}", 2)
        try:
            data = build_bulletin(command_line_operator(), chosen, beijing_today())
        except ServiceError as error:
            fail(str(error))
        write_atomically(Path(output), writer(data))
        click.echo(f"已写出 {output}：{data.title}（{data.number}）。")

    @app.cli.command("backup")
    @click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False), help="备份文件（.zip）")
    def backup_command(output: str) -> None:
        """Write all data and 佐证材料 files to OUTPUT, a zip that restores on SQLite or PostgreSQL.

        Safe while the tracker is in use: the tables are read from one snapshot (services/backup.py).
        """
        path = Path(output)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        files = backups.FilesResult()
        try:
            with os.fdopen(handle, "wb") as out:
                counts = backups.backup(out, attachment_folder(app), files)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        click.echo(f"已备份到 {output}：" + "，".join(f"{name} {n} 行" for name, n in counts.items())
                   + f"；佐证材料文件 {files.count} 个（{files.bytes} 字节）。")
        if files.missing:
            click.echo(f"警告：{len(files.missing)} 个佐证材料文件在 {attachment_folder(app)} 中找不到，未能备份："
                       + "、".join(files.missing), err=True)

    @app.cli.command("restore")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False))
    def restore_command(file: str) -> None:
        """Load FILE (made by `backup`) into this database, which must be new and empty, and its files."""
        files = backups.FilesResult()
        try:
            counts = backups.restore(file, attachment_folder(app), files)
        except ServiceError as error:
            fail(f"{file}: {error}")
        click.echo(f"已从 {file} 恢复：" + "，".join(f"{name} {n} 行" for name, n in counts.items())
                   + f"；佐证材料文件 {files.count} 个。")
        if files.missing:
            click.echo(f"警告：备份中缺少 {len(files.missing)} 个佐证材料文件：" + "、".join(files.missing), err=True)

    @app.cli.command("init-db")
    def init_db_command() -> None:
        """Create or upgrade the database; on an empty one, seed the 重庆 plan and demo accounts."""
        report_seed(prepare_database(app))


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


def report_seed(result) -> None:
    """Print the demo accounts created by a seed, once (nothing when the database was not empty)."""
    if result is None:
        click.echo("数据库已是最新。")
        return
    click.echo(f"已载入示例方案《{result.plan_title}》，并创建以下账号（密码只显示这一次，另存于 {result.accounts_file}）：")
    for username, password, role, unit in result.accounts:
        click.echo(f"  {username:<8} {password}  {role}  {unit}")
