"""佐证材料: files of evidence attached to progress reports (issue #5; SECURITY-TESTS E1, E7, E8, A2).

- Types: pdf, docx, xlsx, jpg/jpeg, png — checked by the name's extension AND by the file's
  first bytes (a PDF renamed .docx, or an HTML page renamed .png, is refused); docx and xlsx
  must be Office zips of their kind without macros (xlsx through ledger/safety.py's checks).
- Size: at most ``ATTACHMENT_MAX_BYTES`` bytes each (config; default 10 MB), at most
  ``MAX_FILES`` files per report.
- Storage: ``<instance>/attachments/<32 hex>``, a generated name; the user's file name is kept
  only as metadata (``original_name``) and offered as the download name.
- Download: only by users who may see the task and the report (services/permissions.py).
"""
from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path, PurePath

from ..archives import ArchiveLimits, ArchiveRefused, check_docx, size_text
from ..extensions import db
from ..models import Attachment, ProgressReport, User
from .errors import DiskFull, InvalidInput, is_disk_full
from .file_fields import file_field_attributes

MAX_FILES = 5
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
# Extension → kind; the kinds' MIME types for the download.
EXTENSIONS = {"pdf": "pdf", "docx": "docx", "xlsx": "xlsx", "jpg": "jpg", "jpeg": "jpg", "png": "png"}
MIME_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "jpg": "image/jpeg",
    "png": "image/png",
}
ALLOWED_TEXT = "PDF、Word（.docx）、Excel（.xlsx）、JPG、PNG"


class AttachmentRefused(InvalidInput):
    """A file of evidence refused (empty, too large, of a type not taken, not what its name says, too many files):
    the message names the file and says what to do; the report form says it beside its file field."""


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the name the user's computer gave it and its bytes."""

    filename: str
    data: bytes


def original_name(filename: str) -> str:
    """Return the file name without any folder part (``../../app.py`` → ``app.py``), at most 200
    characters, control characters (CR, LF, NUL, …) replaced by spaces: the name is offered
    back in a download header."""
    filename = "".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in filename)
    name = PurePath(filename.replace("\\", "/")).name.strip() or "附件"
    return name[-200:]


def empty_message(name: str) -> str:
    """What is said of the file ``name`` when it holds nothing (``detect_kind``; the browser's check too)."""
    return f"文件“{name}”是空的，请重新选择。"


def too_large_message(name: str, max_bytes: int) -> str:
    """What is said of the file ``name`` when it is larger than ``max_bytes`` bytes (in MB: archives.size_text)."""
    return f"文件“{name}”超过 {size_text(max_bytes)}，请压缩或拆分后再上传。"


def wrong_type_message(name: str) -> str:
    """What is said of the file ``name`` when its extension is not one of EXTENSIONS."""
    return (f"文件“{name}”的类型不支持。佐证材料只接受 {ALLOWED_TEXT} 文件：请另存为其中一种"
            "（手机照片可截屏，或在相册中以 JPG 格式分享）后重新选择。")


TOO_MANY_FILES = f"每次报送最多上传 {MAX_FILES} 个佐证材料文件：请把多份材料合并为一个 PDF，或分次报送。"


def field_attributes(max_bytes: int, max_request_bytes: int | None = None) -> dict[str, str]:
    """The report form's file field's attributes: ``accept`` (".pdf,.docx,…", EXTENSIONS) and the checks it makes in
    the browser before anything is sent (static/js/attachment-check.js): data-max-bytes, data-max-files,
    data-extensions (space-separated, lower case), data-max-total (``max_request_bytes``, the request limit
    MAX_CONTENT_LENGTH, when given) and the server's sentences data-empty, data-too-large, data-wrong-type (``{name}``
    standing for the file's name), data-too-many and data-too-large-total (the 413 page's), and data-unsent (said
    under them: nothing was sent, her words are still in the form, what to do).

    ``max_bytes``: the app's limit per file (Settings.attachment_max_bytes), so that a liaison on a slow phone network
    hears that a 30 MB photo is too large before uploading it, in the words ``detect_kind`` would send back after it;
    the server checks every file again (and its content, which the browser does not read). Built by
    services/file_fields.file_field_attributes, as the import forms' fields are.
    """
    return file_field_attributes(
        EXTENSIONS, max_bytes, max_files=MAX_FILES, max_request_bytes=max_request_bytes, empty=empty_message("{name}"),
        too_large=too_large_message("{name}", max_bytes), wrong_type=wrong_type_message("{name}"),
        too_many=TOO_MANY_FILES, error_id="attachments-error",
        unsent="这些文件还没有上传，填写的文字都还在；请重新选择要上传的文件后再按“提交进展”。")


def limits_hint(max_bytes: int) -> str:
    """The line under the report form's file field: the kinds taken, the size of each (archives.size_text), how many."""
    return f"可上传 {ALLOWED_TEXT}，每个不超过 {size_text(max_bytes)}，最多 {MAX_FILES} 个。"


def detect_kind(upload: Upload, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Return the kind ("pdf", "docx", "xlsx", "jpg", "png") of ``upload`` after checking it.

    Raises AttachmentRefused (an InvalidInput) naming the file when it is empty, larger than ``max_bytes``, of another
    type by name, or when its content is not what its name says. The first three are checked in the browser too, in
    the same words (``field_attributes``).
    """
    name = original_name(upload.filename)
    size = len(upload.data)
    if size == 0:
        raise AttachmentRefused(empty_message(name))
    if size > max_bytes:
        raise AttachmentRefused(too_large_message(name, max_bytes))
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = EXTENSIONS.get(extension)
    if kind is None:
        raise AttachmentRefused(wrong_type_message(name))
    if not _content_matches(kind, upload.data):
        raise AttachmentRefused(f"文件“{name}”的内容与扩展名不符（不是真正的 .{extension} 文件），"
                           f"请用原程序另存为 {ALLOWED_TEXT} 后再上传。")
    return kind


def _content_matches(kind: str, data: bytes) -> bool:
    if kind == "pdf":
        return data.startswith(b"%PDF-")
    if kind == "png":
        return data.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == "jpg":
        return data.startswith(b"\xff\xd8\xff")
    if kind == "xlsx":
        from ..ledger.safety import LedgerLimits, LedgerRefused, check_xlsx_container  # openpyxl: only here

        try:
            check_xlsx_container(data, limits=LedgerLimits(max_bytes=len(data)))
        except LedgerRefused:
            return False
        return True
    return _is_docx(data)


def _is_docx(data: bytes) -> bool:
    """Return True for a Word document package without macros and without absurd members: the
    checks of uploaded plans (archives.check_docx), with room for up to 1,000 parts."""
    try:
        check_docx(data, "佐证材料", ArchiveLimits(max_members=1000))
    except ArchiveRefused:
        return False
    return True


def store(report: ProgressReport, uploads: list[Upload], actor: User, folder: Path,
          max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Attachment], list[Path]]:
    """Check every upload, write the files under ``folder`` and add Attachment rows (not committed).

    ``report``: the report the files are filed with, its ``task_id`` set (services/workflow/progress.add_report
    makes it by ids, not by its task: it is pending, so its ``task`` is not read here). Returns the rows and the
    paths written, so that the caller can delete the files when its transaction fails. Checks all files before
    writing any; raises AttachmentRefused (nothing written) for more than MAX_FILES files or any refused file;
    DiskFull (no file left behind) when the disk is full.
    """
    uploads = [u for u in uploads if u.filename or u.data]
    if len(uploads) > MAX_FILES:
        raise AttachmentRefused(TOO_MANY_FILES)
    kinds = [detect_kind(u, max_bytes) for u in uploads]
    folder.mkdir(parents=True, exist_ok=True)
    rows, written = [], []
    try:
        for upload, kind in zip(uploads, kinds):
            stored_name = uuid.uuid4().hex
            path = folder / stored_name
            written.append(path)  # before writing: a write cut short by a full disk leaves no orphan
            path.write_bytes(upload.data)
            rows.append(Attachment(report=report, task_id=report.task_id, uploaded_by_id=actor.id,
                                   original_name=original_name(upload.filename), stored_name=stored_name,
                                   kind=kind, size=len(upload.data), sha256=hashlib.sha256(upload.data).hexdigest()))
    except OSError as error:
        remove(written)
        if is_disk_full(error):
            raise DiskFull() from error
        raise
    db.session.add_all(rows)
    return rows, written


def remove(paths: list[Path]) -> None:
    """Delete files written for a transaction that did not commit."""
    for path in paths:
        path.unlink(missing_ok=True)


def file_path(folder: Path, attachment: Attachment) -> Path:
    """Return where ``attachment``'s bytes are stored."""
    return folder / attachment.stored_name
