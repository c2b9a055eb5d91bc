"""Back up all data to a portable zip of JSON tables, and restore it into an empty database.

The file round-trips between SQLite and PostgreSQL (issue #7): one ``TABLE.json`` per table
(a list of row objects; dates and times as ISO strings, binary columns in base64), ``attachments/<stored name>`` for each
佐证材料 file the attachment rows name, and ``manifest.json`` naming the format, the schema
revision, the row counts and the files. Restore needs a database at the same schema revision
with no rows; it inserts everything in one transaction and writes the files back.

The backup is taken online, while people keep reporting (SECURITY-TESTS F7): every table is read
in one read-only transaction, a snapshot of the database as it was when the backup began, so the
file never holds a report without its journal entries or a task at an older version than its
journal says. SQLite (WAL) gives a deferred transaction's reads one snapshot once the first read
has run; PostgreSQL needs REPEATABLE READ for that (its default, READ COMMITTED, takes a new
snapshot per statement).
"""
from __future__ import annotations

import base64
import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from alembic.migration import MigrationContext
from sqlalchemy import Date, DateTime, LargeBinary, delete, func, insert, select, text

from .. import clock
from ..extensions import db
from .errors import InvalidInput

FORMAT = "tracker-backup/1"
ATTACHMENTS = "attachments/"


@dataclass
class FilesResult:
    """The 佐证材料 files a backup wrote or a restore put back, and those it could not find."""

    count: int = 0
    bytes: int = 0
    missing: list[str] = field(default_factory=list)


def _schema_revision(connection=None) -> str | None:
    if connection is not None:
        return MigrationContext.configure(connection).get_current_revision()
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _encode(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):  # a binary column (a published 通报's files): base64
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def backup(out: IO[bytes], attachment_folder: Path | None = None,
           files: FilesResult | None = None) -> dict[str, int]:
    """Write every table of the database to ``out`` as a zip; return ``{table: row count}``.

    All tables are read from one snapshot (see the module's docstring), taken on a connection of
    its own, so writers carry on meanwhile. With ``attachment_folder`` (``<instance>/attachments``)
    the file of every attachment row in the snapshot is added as ``attachments/<stored name>``; a
    file that is not there is listed in the manifest and in ``files.missing`` (pass a FilesResult
    to learn the counts), and the backup still completes.
    """
    counts: dict[str, int] = {}
    files = files if files is not None else FilesResult()
    options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True} \
        if db.engine.dialect.name == "postgresql" else {}
    with db.engine.connect().execution_options(**options) as connection, connection.begin(), \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        revision = _schema_revision(connection)  # the first read fixes the snapshot
        started = clock.utcnow()
        stored_names: list[str] = []
        for table in _stored_tables():
            rows = connection.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            data = [{key: _encode(value) for key, value in row.items()} for row in rows]
            counts[table.name] = len(data)
            archive.writestr(f"{table.name}.json", json.dumps(data, ensure_ascii=False))
            if table.name == "attachment":
                stored_names = [row["stored_name"] for row in data]
        if attachment_folder is not None:
            for name in stored_names:
                path = attachment_folder / name
                if not path.is_file():
                    files.missing.append(name)
                    continue
                archive.write(path, ATTACHMENTS + name)
                files.count += 1
                files.bytes += path.stat().st_size
        manifest = {"format": FORMAT, "schema_revision": revision, "created_at": started.isoformat() + "Z",
                    "counts": counts, "attachment_files": files.count, "missing_attachment_files": files.missing}
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return counts


def _decode_row(table, row: dict[str, Any]) -> dict[str, Any]:
    decoded = {}
    for column in table.columns:
        value = row.get(column.name)
        if value is not None and isinstance(column.type, DateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        elif value is not None and isinstance(column.type, LargeBinary):
            value = base64.b64decode(value)
        decoded[column.name] = value
    return decoded


# Tables a migration fills with reference rows (the three indicators of issue 16): a new, empty database
# already holds them; restore replaces them with the backup's rows.
MIGRATION_SEEDED = frozenset({"indicator"})
# Tables the database keeps itself from the others (models/tally.py: counts kept by triggers): not backed up;
# restoring the other tables' rows fills them.
DERIVED_TABLES = frozenset({"figures_tally", "figures_tally_pending"})


def _stored_tables():
    """Return the tables a backup holds, in dependency order (every table but ``DERIVED_TABLES``)."""
    return [table for table in db.metadata.sorted_tables if table.name not in DERIVED_TABLES]


def restore(source: IO[bytes] | str, attachment_folder: Path | None = None,
            files: FilesResult | None = None) -> dict[str, int]:
    """Load a backup made by ``backup`` into this empty database, all or nothing.

    With ``attachment_folder`` the backup's 佐证材料 files are written there (before the rows are
    committed, and removed again if the commit fails); an attachment row whose file the backup
    lacks is listed in ``files.missing``. Raises InvalidInput (nothing written) when the file is
    not such a backup, when its schema revision differs from the database's, or when the
    database already holds data.
    """
    files = files if files is not None else FilesResult()
    try:
        archive = zipfile.ZipFile(source)
        manifest = json.loads(archive.read("manifest.json"))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise InvalidInput(f"这不是本系统的备份文件（{error}）。") from error
    if manifest.get("format") != FORMAT:
        raise InvalidInput(f"备份文件格式“{manifest.get('format')}”无法识别。")
    if manifest.get("schema_revision") != _schema_revision():
        raise InvalidInput(
            f"备份的数据库版本 {manifest.get('schema_revision')} 与当前 {_schema_revision()} 不同；"
            "请先用相同版本的系统恢复，再升级数据库。")
    tables = _stored_tables()
    for table in tables:
        if table.name not in MIGRATION_SEEDED and db.session.scalar(select(func.count()).select_from(table)):
            raise InvalidInput(f"目标数据库不是空的（表 {table.name} 已有数据）；请在新建的空数据库上恢复。")
    counts = {}
    written: list[Path] = []
    try:
        for table in tables:
            if table.name in MIGRATION_SEEDED:  # the new database's seeded rows give way to the backup's
                db.session.execute(delete(table))
        for table in tables:
            rows = [_decode_row(table, row) for row in json.loads(archive.read(f"{table.name}.json"))]
            if rows:
                db.session.execute(insert(table), rows)
            counts[table.name] = len(rows)
            if table.name == "attachment" and attachment_folder is not None:
                _restore_files(archive, [row["stored_name"] for row in rows], attachment_folder, files, written)
        if db.engine.dialect.name == "postgresql":
            _reset_sequences(tables)
        db.session.commit()
    except Exception:
        db.session.rollback()
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return counts


def _restore_files(archive: zipfile.ZipFile, stored_names: list[str], folder: Path, files: FilesResult,
                   written: list[Path]) -> None:
    """Write the backup's file of each attachment row to ``folder``; names come from the rows only."""
    members = set(archive.namelist())
    folder.mkdir(parents=True, exist_ok=True)
    for name in stored_names:
        if ATTACHMENTS + name not in members:
            files.missing.append(name)
            continue
        path = folder / Path(name).name  # generated hex names; never a path from the file
        data = archive.read(ATTACHMENTS + name)
        path.write_bytes(data)
        written.append(path)
        files.count += 1
        files.bytes += len(data)


def _reset_sequences(tables) -> None:
    """Move PostgreSQL id sequences past the restored ids, so that new rows get fresh ones."""
    for table in tables:
        if "id" in table.columns:
            db.session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false)"))
