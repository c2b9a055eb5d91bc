"""The work ledger on the command line: export-ledger, import-ledger, revert-import (CONTRACTS.md §3, §4)."""
from __future__ import annotations

import gc
import sys
from pathlib import Path

import click
from flask.cli import with_appcontext


@click.command("export-ledger")
@with_appcontext
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="输出文件：.xlsx（Excel）或 .csv（UTF-8 带 BOM）")
@click.option("--plan", "plan_id", type=int, help="只导出该方案（编号）")
@click.option("--unit", "unit_name", help="只导出该单位牵头或配合的任务")
@click.option("--layout", default="tree", show_default=True,
              help="台账样式：tree（树形，同一重点任务合并）、flat（平铺，每行一项任务，含“所属层级”列）"
                   "、grouped（分组标题行，每个标题单独一行）或 by-unit（按单位分行：每项任务每个牵头/配合单位一行，"
                   "含“单位”“角色”“填报日期”列，各单位的进展分列；导入时按“单位”列分别记入）。"
                   "其他样式中，有多个单位报送进展的任务，进展各栏每个单位一段，段首为【单位名】")
@click.option("--columns", default="", help="附加列，逗号分隔：责任人,最近反馈时间,备注,目标值,完成值,完成率,签发人")
def export_ledger_command(output: str, plan_id: int | None, unit_name: str | None, layout: str,
                          columns: str) -> None:
    """Write the work ledger (工作台账) to OUTPUT as .xlsx, or as CSV when OUTPUT ends in .csv."""
    # The export makes some 100,000 short-lived objects (rows, cells) and no reference cycles, after modules
    # (openpyxl, the export's) that live as long as the process: without the cyclic collector re-scanning
    # them after every few hundred, it takes about a quarter less time (issue 19, bench/export_process.py);
    # reference counting still frees everything.
    gc.disable()
    try:
        from ..services.accounts.users import command_line_operator
        from ..services.errors import ServiceError
        from ..services.ledger.export import EXPORT_SUFFIXES, LedgerOptions, export_ledger, export_ledger_csv
        from .common import fail, write_atomically

        suffix = Path(output).suffix.lower()
        if suffix not in EXPORT_SUFFIXES:
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
    finally:
        gc.enable()
    write_atomically(Path(output), export.content)
    click.echo(f"已写出 {output}：{export.row_count} 行任务。")


@click.command("import-ledger")
@with_appcontext
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--plan", "plan_id", type=int, help="把外单位台账的进展合并到该方案（编号），不新建方案")
@click.option("--as", "username", help="以该用户的权限导入（默认：命令行操作员，督办权限）")
@click.option("--dry-run", is_flag=True, help="只显示将要做的修改，不写入数据库")
def import_ledger_command(file: str, plan_id: int | None, username: str | None, dry_run: bool) -> None:
    """Read the work ledger FILE back (CONTRACTS.md §4): all rows applied, or none.

    FILE: .xlsx, .xls, .ods or .csv (UTF-8 with or without BOM, GB18030), told apart by its bytes.

    Each unit's progress goes to that unit (issue 15): a by-unit ledger's rows to their 单位 column;
    in the supervising office's ledger, paragraphs opening with 【单位名】 to the unit they name
    (an unknown unit, or one without a part in the task, is a bad row). Text without 【单位】 is the
    office's report, except in a task several units reported on, where it is refused."""
    from ..extensions import db
    from ..ledger import LedgerRefused
    from ..models import User
    from ..services.accounts.users import command_line_operator
    from ..services.errors import ServiceError
    from ..services.ledger.importing import ImportRejected, apply_import, load_ledger, preview_import
    from ..settings import current_settings
    from .common import fail, report_preview

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


@click.command("revert-import")
@with_appcontext
@click.argument("record_id", type=int)
def revert_import_command(record_id: int) -> None:
    """Undo the ledger import RECORD_ID as a whole (its reports, statuses, a plan it created)."""
    from ..models import Channel
    from ..services.accounts.users import command_line_operator
    from ..services.errors import ServiceError
    from ..services.ledger.revert import revert_import
    from .common import fail

    try:
        result = revert_import(record_id, command_line_operator(), Channel.CLI)
    except ServiceError as error:
        fail(str(error))
    click.echo(f"已撤销导入记录 #{record_id}：删除进展 {result.reports_removed} 条，恢复完成状态 "
               f"{result.statuses_restored} 项" + (f"，删除方案 #{result.plan_deleted}" if result.plan_deleted else "") + "。")
    for note in result.notes:
        click.echo(note)


COMMANDS = (export_ledger_command, import_ledger_command, revert_import_command,)
