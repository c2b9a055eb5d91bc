"""Indicators on the command line: import-indicators, indicator-ranking (CONTRACTS.md §8)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask.cli import with_appcontext


@click.command("import-indicators")
@with_appcontext
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--period", help="期间 YYYY-MM（默认：取表格标题中的月份，如“2024年7月末”）")
@click.option("--dry-run", is_flag=True, help="只显示将要导入的内容，不写入数据库")
@click.option("--accept-flagged", is_flag=True, help="确认导入被标记为异常的数值（如余额减半、同比增长超过 100%）")
def import_indicators_command(file: str, period: str | None, dry_run: bool, accept_flagged: bool) -> None:
    """Import the indicator table FILE (.xlsx or .csv): all figures, or none."""
    from ..indicators.workbook import TABLE_SUFFIXES, wrong_type_message
    from ..ledger import LedgerRefused
    from ..services.accounts.users import command_line_operator
    from ..services.errors import ServiceError
    from ..services.indicators.importing import IndicatorImportRejected, apply_table, load_table, preview_table
    from ..settings import current_settings
    from .common import fail

    if Path(file).suffix.lower() not in TABLE_SUFFIXES:  # the kinds the import form takes too (services/file_fields)
        fail(wrong_type_message(file), 2)
    actor = command_line_operator()
    try:
        loaded = load_table(file, limits=current_settings().ledger_limits)
        preview = preview_table(loaded, actor, period) if dry_run else apply_table(loaded, actor, period, accept_flagged)
    except LedgerRefused as error:
        fail(f"{file}: {error}")
    except IndicatorImportRejected as error:
        for issue in error.preview.errors or error.preview.flags:
            click.echo(issue.line(), err=True)
        fail(f"{file}: {error}" + ("（确认无误后加 --accept-flagged 重新导入）" if error.flagged_only else ""))
    except ServiceError as error:
        fail(f"{file}: {error}")
    for issue in preview.no_figures:  # on stderr: stdout stays the contract's lines (CONTRACTS §8)
        click.echo(f"无数据：{issue.line()}", err=True)
    for name in preview.unknown:
        click.echo(f"not in the registry: {name}（不在单位名录中，{'将' if dry_run else '已'}新建为金融机构）")
    if dry_run:
        for issue in preview.errors:
            click.echo(issue.line(), err=True)
        for issue in preview.flags:
            click.echo(f"异常：{issue.line()}")
        click.echo(preview.summary().replace("imported", "would import", 1) + "（试运行：未写入数据库）")
        sys.exit(0 if preview.ok else 1)
    click.echo(preview.summary())


@click.command("indicator-ranking")
@with_appcontext
@click.option("--period", required=True, help="期间 YYYY-MM")
@click.option("--indicator", "indicator_name", required=True, help="指标名称，如 人民币存款余额")
@click.option("--by", default="yoy", show_default=True, type=click.Choice(["yoy", "ytd", "target"]),
              help="排名依据：yoy 同比增速，ytd 比年初增减，target 序时完成率")
@click.option("--format", "output_format", default="json", show_default=True, type=click.Choice(["json"]))
def indicator_ranking_command(period: str, indicator_name: str, by: str, output_format: str) -> None:
    """Print the ranking of the entities on one indicator in one month as JSON (CONTRACTS.md §8)."""
    from ..services.accounts.users import command_line_operator
    from ..services.errors import ServiceError
    from ..services.indicators.figures import ranking
    from .common import fail

    try:
        result = ranking(command_line_operator(), period, indicator_name, by)
    except ServiceError as error:
        fail(str(error), 2)
    click.echo(json.dumps(result.rows, ensure_ascii=False))


COMMANDS = (import_indicators_command, indicator_ranking_command)
