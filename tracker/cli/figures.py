"""Figures on the command line: bulletin (the monthly 通报, CONTRACTS.md §7), its publication (``--publish``) and
the published versions (``published-bulletins``), through the service the web and the API use
(services/figures/publishing.py)."""
from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import with_appcontext


@click.command("bulletin")
@with_appcontext
@click.option("--period", required=True, help="期间：2026-10（月）或 2026-Q4（季度）")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="输出文件：.docx 或 .xlsx")
@click.option("--publish", is_flag=True,
              help="发布本期通报（同网页“发布通报”：存为新的版次并通知各单位），写出发布的文件；须同时给出 --as")
@click.option("--published", is_flag=True, help="写出本期已发布的通报（最新版次；同网页下载），不重新计算")
@click.option("--version", "version", type=click.IntRange(min=1), help="与 --published 同用：写出第几版（1、2……）")
@click.option("--as", "username", help="以该用户的名义发布（督办部门或管理员的用户名），--publish 时必填")
def bulletin_command(period: str, output: str, publish: bool, published: bool, version: int | None,
                     username: str | None) -> None:
    """Write the bulletin (通报) of PERIOD to OUTPUT (.docx or .xlsx).

    Without options, as computed now (CONTRACTS.md §7). ``--publish --as USER`` publishes it as USER first
    (services/figures/publishing.publish_bulletin: the next 版次, the units told) and writes the published file;
    ``--published [--version N]`` writes a version already published, byte for byte as the web hands it out."""
    from ..bulletin import write_docx, write_xlsx
    from .. import clock
    from ..periods import parse_period
    from ..services.accounts.users import command_line_operator
    from ..services.errors import ServiceError
    from ..services.figures import publishing
    from ..services.figures.bulletin import build_bulletin
    from .common import fail, write_atomically

    writers = {".docx": write_docx, ".xlsx": write_xlsx}
    suffix = Path(output).suffix.lower()
    writer = writers.get(suffix)
    if writer is None:
        fail(f"{output}: 输出文件必须以 .docx 或 .xlsx 结尾。", 2)
    if publish and (published or version):
        fail("--publish 发布新的版次，--published/--version 写出已发布的版次：两者只能选一个。", 2)
    if version and not published:
        published = True
    try:
        chosen = parse_period(period)
    except ValueError as error:
        fail(f"--period: {error}", 2)
    try:
        if publish:
            row = _publish(chosen, username)
        elif published:
            row = publishing.find_version(command_line_operator(), chosen, version)
        else:
            data = build_bulletin(command_line_operator(), chosen, clock.beijing_today())
            write_atomically(Path(output), writer(data))
            click.echo(f"已写出 {output}：{data.title}（{data.number}）。")
            return
    except ServiceError as error:
        fail(str(error))
    write_atomically(Path(output), getattr(row, suffix[1:]))
    click.echo(f"已写出 {output}：{row.title}（{row.number}，{row.version_label}）。")


def _publish(period, username: str | None):
    """Publish ``period``'s 通报 as the active user ``username`` and say what was done; return the published row.
    Leaves with status 2 when no user is named, 1 when the user is unknown or may not publish."""
    from .. import clock
    from ..extensions import db
    from ..models import User
    from ..services.figures import publishing
    from .common import fail

    if not username:
        fail("--publish 须用 --as 写明以谁的名义发布（督办部门或管理员的用户名），发布人会写在通报的版次记录里。", 2)
    user = db.session.scalar(db.select(User).where(User.username == username))
    if user is None or not user.active:
        fail(f"--as：用户“{username}”不存在或已停用。")
    outcome = publishing.publish_bulletin(user, period, clock.beijing_today())
    click.echo(outcome.message)
    return outcome.row


@click.command("published-bulletins")
@with_appcontext
@click.option("--period", help="只列出该期间（2026-10 或 2026-Q4）的各版次")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text：每版一行；json：一个 JSON 列表（字段同接口 GET /api/v1/bulletins）")
def published_bulletins_command(period: str | None, output_format: str) -> None:
    """List the published 通报, newest first: period, 版次, title, 文号, who published it and when (Beijing time).

    ``--format json`` prints the list the API gives (services/figures/publishing.describe, without the URLs)."""
    from ..periods import parse_period
    from ..services.accounts.users import command_line_operator
    from ..services.figures import publishing
    from .common import fail

    rows = publishing.published_bulletins(command_line_operator())
    newest = publishing.latest_versions(rows)
    if period:
        try:
            key = parse_period(period).key
        except ValueError as error:
            fail(f"--period: {error}", 2)
        rows = [row for row in rows if row.period_key == key]
    items = [publishing.describe(row, newest) for row in rows]
    if output_format == "json":
        click.echo(json.dumps(items, ensure_ascii=False, indent=2))
        return
    if not items:
        click.echo(f"{period}还没有发布通报。" if period else "还没有发布通报。")
        return
    for item in items:
        state = "最新" if item["latest"] else "已被替代"
        when = item["published_at"][:16].replace("T", " ")
        click.echo(f"{item['period']}\t{item['version_label']}（{state}）\t{item['title']}\t{item['number']}\t"
                   f"{item['published_by_name']}（{item['published_by']}）发布于 {when}")


COMMANDS = (bulletin_command, published_bulletins_command)
