"""Plans on the command line: parse-plan (no database) and import-plan (CONTRACTS.md §1, §2)."""
from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import with_appcontext


@click.command("parse-plan")
@with_appcontext
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def parse_plan_command(file: str) -> None:
    """Parse FILE (.txt/.docx/.html/.md/.pdf) and print the plan as JSON; the database is not touched.

    Exits 1 with the parser's one sentence when nothing at all could be read from FILE (no
    numbered item, no task-table row); whatever was read is printed, its doubts as warnings."""
    from .common import fail, read_plan_or_fail

    draft = read_plan_or_fail(file)
    if not draft.measures:
        fail(f"{file}: {draft.warnings[-1] if draft.warnings else '未读出任何条目。'}")
    click.echo(json.dumps(draft.to_dict(), ensure_ascii=False, indent=1))


@click.command("import-plan")
@with_appcontext
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--title", help="方案标题（文件中识别不到标题时使用）。")
def import_plan_command(file: str, title: str | None) -> None:
    """Parse FILE and store it as a new plan; print its id and the number of measures."""
    from ..services.errors import ServiceError
    from ..services.plans.store import import_plan
    from .common import fail, read_plan_or_fail

    draft = read_plan_or_fail(file)
    try:
        result = import_plan(draft, source_name=Path(file).name, title=title)
    except ServiceError as error:
        fail(f"{file}: {error}")
    click.echo(f"plan_id={result.plan.id} measures={result.task_count}")
    click.echo(f"已导入方案 {result.plan.id}《{result.plan.title}》，共 {result.task_count} 个条目。")
    if result.new_units:
        click.echo("新建单位：" + "、".join(result.new_units))
    if result.new_groups:
        click.echo(result.groups_note())
    for warning in draft.warnings:
        click.echo(f"请核对：{warning}", err=True)


COMMANDS = (parse_plan_command, import_plan_command,)
