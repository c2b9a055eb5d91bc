"""Figures on the command line: bulletin (the monthly 通报, CONTRACTS.md §7)."""
from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext


@click.command("bulletin")
@with_appcontext
@click.option("--period", required=True, help="期间：2026-10（月）或 2026-Q4（季度）")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="输出文件：.docx 或 .xlsx")
def bulletin_command(period: str, output: str) -> None:
    """Write the bulletin (通报) of PERIOD to OUTPUT (.docx or .xlsx)."""
    from ..bulletin import write_docx, write_xlsx
    from .. import clock
    from ..periods import parse_period
    from ..services.accounts.users import command_line_operator
    from ..services.errors import ServiceError
    from ..services.figures.bulletin import build_bulletin
    from .common import fail, write_atomically

    writers = {".docx": write_docx, ".xlsx": write_xlsx}
    writer = writers.get(Path(output).suffix.lower())
    if writer is None:
        fail(f"{output}: 输出文件必须以 .docx 或 .xlsx 结尾。", 2)
    try:
        chosen = parse_period(period)
    except ValueError as error:
        fail(f"--period: {error}", 2)
    try:
        data = build_bulletin(command_line_operator(), chosen, clock.beijing_today())
    except ServiceError as error:
        fail(str(error))
    write_atomically(Path(output), writer(data))
    click.echo(f"已写出 {output}：{data.title}（{data.number}）。")


COMMANDS = (bulletin_command,)
