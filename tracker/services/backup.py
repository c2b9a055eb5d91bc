"""Back up all data to a portable zip of JSON tables, and restore it into an empty database.

The file round-trips between SQLite and PostgreSQL (issue #7): one ``TABLE.json`` per table
(a list of row objects; dates and times as ISO strings) and ``manifest.json`` naming the
format, the schema revision and the row counts. Restore needs a database at the same
schema revision with no rows; it inserts everything in one transaction.
"""
from __future__ import annotations

import json
import zipfile
from datetime import date, datetime
from typing import IO, Any

from alembic.migration import MigrationContext
from sqlalchemy import Date, DateTime, func, insert, select, text

from ..clock import utcnow
from ..extensions import db
from .errors import InvalidInput

FORMAT = "tracker-backup/1"


def _schema_revision() -> str | None:
    with db.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _encode(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def backup(out: IO[bytes]) -> dict[str, int]:
    """Write every table of the database to ``out`` as a zip; return ``{table: row count}``."""
    counts: dict[str, int] = {}
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in db.metadata.sorted_tables:
            rows = db.session.execute(select(table).order_by(*table.primary_key.columns)).mappings()
            data = [{key: _encode(value) for key, value in row.items()} for row in rows]
            counts[table.name] = len(data)
            archive.writestr(f"{table.name}.json", json.dumps(data, ensure_ascii=False))
        manifest = {"format": FORMAT, "schema_revision": _schema_revision(),
                    "created_at": utcnow().isoformat() + "Z", "counts": counts}
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
        decoded[column.name] = value
    return decoded


def restore(source: IO[bytes] | str) -> dict[str, int]:
    """Load a backup made by ``backup`` into this empty database, all or nothing.

    Raises InvalidInput (nothing written) when the file is not such a backup, when its
    schema revision differs from the database's, or when the database already holds data.
    """
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
    tables = db.metadata.sorted_tables
    for table in tables:
        if db.session.scalar(select(func.count()).select_from(table)):
            raise InvalidInput(f"目标数据库不是空的（表 {table.name} 已有数据）；请在新建的空数据库上恢复。")
    counts = {}
    try:
        for table in tables:
            rows = [_decode_row(table, row) for row in json.loads(archive.read(f"{table.name}.json"))]
            if rows:
                db.session.execute(insert(table), rows)
            counts[table.name] = len(rows)
        if db.engine.dialect.name == "postgresql":
            _reset_sequences(tables)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return counts


def _reset_sequences(tables) -> None:
    """Move PostgreSQL id sequences past the restored ids, so that new rows get fresh ones."""
    for table in tables:
        if "id" in table.columns:
            db.session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 0) + 1, false)"))
