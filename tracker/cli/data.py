"""The database itself on the command line: init-db, backup, restore."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click
from flask.cli import with_appcontext


@click.command("backup")
@with_appcontext
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False), help="备份文件（.zip）")
def backup_command(output: str) -> None:
    """Write all data and 佐证材料 files to OUTPUT, a zip that restores on SQLite or PostgreSQL.

    Safe while the tracker is in use: the tables are read from one snapshot (services/backup.py).
    """
    from ..services import backup as backups
    from .common import attachment_folder

    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    files = backups.FilesResult()
    try:
        with os.fdopen(handle, "wb") as out:
            counts = backups.backup(out, attachment_folder(), files)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    click.echo(f"已备份到 {output}：" + "，".join(f"{name} {n} 行" for name, n in counts.items())
               + f"；佐证材料文件 {files.count} 个（{files.bytes} 字节）。")
    if files.missing:
        click.echo(f"警告：{len(files.missing)} 个佐证材料文件在 {attachment_folder()} 中找不到，未能备份："
                   + "、".join(files.missing), err=True)


@click.command("restore")
@with_appcontext
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def restore_command(file: str) -> None:
    """Load FILE (made by `backup`) into this database, which must be new and empty, and its files."""
    from ..services import backup as backups
    from ..services.errors import ServiceError
    from .common import attachment_folder, fail

    files = backups.FilesResult()
    try:
        counts = backups.restore(file, attachment_folder(), files)
    except ServiceError as error:
        fail(f"{file}: {error}")
    click.echo(f"已从 {file} 恢复：" + "，".join(f"{name} {n} 行" for name, n in counts.items())
               + f"；佐证材料文件 {files.count} 个。")
    if files.missing:
        click.echo(f"警告：备份中缺少 {len(files.missing)} 个佐证材料文件：" + "、".join(files.missing), err=True)


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create or upgrade the database; on an empty one, seed the 重庆 plan and demo accounts."""
    from flask import current_app

    from ..services.seed import demo_accounts_file, prepare_database
    from .common import report_seed

    app = current_app._get_current_object()
    report_seed(prepare_database(app, office_deadlines=True), demo_accounts_file(app))


COMMANDS = (backup_command, restore_command, init_db_command,)
