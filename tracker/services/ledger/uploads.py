"""Uploaded ledgers waiting for confirmation, kept in the instance folder (SECURITY-TESTS.md E8); and the indicator
tables previewed on 导入指标数据表, kept the same way under their own ``kind`` (KINDS).

The file is stored under a server-generated name (32 hex characters + ".xlsx") in
``<instance>/ledger-uploads/``; the name the user gave is kept only as metadata in a JSON file
beside it, with the uploader's id, the target plan and the corrected column mapping. Only the
uploader can open a pending upload; confirming or discarding it deletes both files, and uploads
older than a day are swept away at the next upload. An upload is opened and listed only as the kind it was stored
as: a ledger's pages never open an indicator table (they would find no ledger header in it), and an indicator table
previewed but not imported is not one of the "已上传未提交的台账" of 待办 and the liaison's home.
"""
from __future__ import annotations

import json
import re
import secrets
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import DiskFull, NotFound, is_disk_full

FOLDER = "ledger-uploads"
MAX_AGE_SECONDS = 24 * 3600
_TOKEN = re.compile(r"^[0-9a-f]{32}$")
#: The kinds of upload kept here, by the name each is stored under, with the word its pages use for it.
KINDS = {"ledger": "台账", "indicators": "指标数据表"}


@dataclass
class PendingUpload:
    """An upload waiting for confirmation: ``token`` (its server name), the stored ``path``, the
    original file name, the uploader, the target plan and the column mapping chosen so far.
    ``refused``: its last preview refused it (a whole-file refusal or bad rows); such an upload
    can only be corrected and uploaded again, so the liaison's home does not list it as a draft. ``kind``: one of
    KINDS (metadata written before kinds were kept is a ledger's)."""

    token: str
    path: Path
    original_name: str
    user_id: int
    target_plan_id: int | None = None
    column_map: dict[str, str] | None = None
    header_row: int | None = None
    uploaded_at: float = field(default_factory=time.time)
    refused: bool = False
    kind: str = "ledger"

    @property
    def uploaded_utc(self) -> datetime:
        """When it was uploaded, as a naive UTC datetime (as the database stores times)."""
        return datetime.fromtimestamp(self.uploaded_at, timezone.utc).replace(tzinfo=None)

    def mark_refused(self, refused: bool) -> None:
        """Record whether the last preview refused the upload (saved only when it changes)."""
        if self.refused != refused:
            self.refused = refused
            self.save_meta()

    def save_meta(self) -> None:
        """Write the metadata file beside the upload."""
        meta = asdict(self)
        meta.pop("path")
        self.path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def _folder(instance_path: str) -> Path:
    folder = Path(instance_path) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def store_upload(instance_path: str, data: bytes, original_name: str, user_id: int,
                 target_plan_id: int | None, kind: str = "ledger") -> PendingUpload:
    """Keep ``data`` under a new server-generated name as an upload of ``kind`` (KINDS); return the pending upload.
    Raises DiskFull (nothing left behind) when the disk is full."""
    folder = _folder(instance_path)
    _sweep(folder)
    token = secrets.token_hex(16)
    path = folder / f"{token}.xlsx"
    pending = PendingUpload(token, path, (original_name or f"{KINDS[kind]}.xlsx")[:300], user_id, target_plan_id, kind=kind)
    try:
        with open(path, "xb") as handle:
            handle.write(data)
        pending.save_meta()
    except OSError as error:  # a full disk leaves neither half a file nor its metadata
        path.unlink(missing_ok=True)
        path.with_suffix(".json").unlink(missing_ok=True)
        if is_disk_full(error):
            raise DiskFull() from error
        raise
    return pending


def open_upload(instance_path: str, token: str, user_id: int, kind: str = "ledger") -> PendingUpload:
    """Return the pending upload ``token`` of user ``user_id`` stored as ``kind`` (KINDS); NotFound, naming the kind,
    for any other token (another user's, another kind's, one confirmed, discarded or swept)."""
    gone = NotFound(f"上传的{KINDS[kind]}不存在或已处理，请重新上传。")
    if not _TOKEN.match(token or ""):
        raise gone
    path = _folder(instance_path) / f"{token}.xlsx"
    try:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise gone from None
    if meta.get("user_id") != user_id or meta.get("kind", "ledger") != kind or not path.exists():
        raise gone
    meta.pop("token", None)
    return PendingUpload(token=token, path=path, **meta)


def discard_upload(pending: PendingUpload) -> None:
    """Delete the upload and its metadata."""
    for path in (pending.path, pending.path.with_suffix(".json")):
        path.unlink(missing_ok=True)


def _sweep(folder: Path) -> None:
    """Delete uploads left unconfirmed for more than MAX_AGE_SECONDS."""
    limit = time.time() - MAX_AGE_SECONDS
    for path in folder.iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink(missing_ok=True)
        except OSError:
            continue


def pending_uploads(instance_path: str, user_id: int) -> list[PendingUpload]:
    """Return the ledgers of user ``user_id`` still waiting for confirmation (not older than
    MAX_AGE_SECONDS, not ``refused`` by their preview), newest first: the liaison's home and 待办 list them
    as drafts not yet submitted. An indicator table previewed (kind "indicators") is not one of them."""
    folder = Path(instance_path) / FOLDER
    if not folder.is_dir():
        return []
    limit = time.time() - MAX_AGE_SECONDS
    found = []
    for meta_path in folder.glob("*.json"):
        token = meta_path.stem
        if not _TOKEN.match(token):
            continue
        try:
            if meta_path.stat().st_mtime < limit:
                continue
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if meta.get("user_id") != user_id or not meta_path.with_suffix(".xlsx").exists():
            continue
        meta.pop("token", None)
        if meta.get("refused") or meta.get("kind", "ledger") != "ledger":
            continue
        found.append(PendingUpload(token=token, path=meta_path.with_suffix(".xlsx"), **meta))
    return sorted(found, key=lambda pending: pending.uploaded_at, reverse=True)
