"""Whole-file checks on an uploaded ledger, made before openpyxl parses a byte of it.

SECURITY-TESTS.md E1–E7 (OWASP ASVS 5.2.1–5.2.3, 1.5.1): a workbook is a zip of XML files, and
each layer can be abused. This module looks only at the raw bytes, the zip's central directory and
the first bytes of each XML member:

* size: more than ``LedgerLimits.max_bytes`` (default 20 MB) is refused;
* type by magic bytes, not by name: legacy .xls and encrypted workbooks are OLE containers
  (D0 CF 11 E0); CSV, HTML or PDF files renamed .xlsx are not zips; .xlsb, .ods and .docx are
  zips of another kind; .xlsm files and any ``vbaProject.bin`` carry macros;
* zip bombs: more than ``max_members`` members, one member whose declared size is more than
  ``max_ratio`` times its compressed size, or a declared total over ``max_uncompressed``. Python's
  zipfile never inflates a member past its declared size (it stops and reports a CRC error), so the
  declared sizes bound what any later reader can unpack;
* XML entity attacks (billion laughs, XXE): entities can only be declared in a DOCTYPE, which Excel
  never writes, so a member whose prolog holds one is refused.
  These two checks live in tracker/archives.py, shared with uploaded .docx plans. openpyxl itself parses through
  defusedxml when it is installed (``openpyxl.xml.DEFUSEDXML``; pinned in requirements.txt), which
  forbids entity declarations a second time; ``open_workbook`` turns that refusal into ours.

Every refusal is a ``LedgerRefused`` whose message, in Chinese, says what to do next; its ``code``
lets callers choose a status (e.g. 413 for ``too_large``) without parsing the message.
"""

from __future__ import annotations

import io
import os
import warnings
import zipfile
from dataclasses import dataclass

import openpyxl

from ..archives import MB, OLE_MAGIC, WORKBOOK, ZIP_MAGIC, ArchiveRefused, check_members, check_xml_prologs
from ..archives import size_text as _size_text
from ..upload_budget import UploadBudget, check_workbook_budget


#: The codes a LedgerRefused carries.
REFUSAL_CODES = (
    "too_large", "empty", "legacy_xls", "encrypted", "not_xlsx", "corrupt", "macro",
    "too_many_members", "compression_ratio", "unpacked_size", "unsafe_xml", "too_many_rows",
    "bad_merges", "no_header", "no_sheet", "column_map",
    "too_many_cells", "too_many_styles", "too_many_shared_strings",
)


class LedgerRefused(ValueError):
    """A whole ledger file is refused; ``str(error)`` is a Chinese sentence saying what to do next.

    ``code`` is one of REFUSAL_CODES, e.g. "legacy_xls", "compression_ratio", "too_many_rows".
    Row-level problems are never refusals: they are LedgerIssue entries of the read result.
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class LedgerLimits:
    """Limits on an uploaded ledger (SECURITY-TESTS.md E1–E5 defaults; keep them configurable).

    ``max_bytes``: file size in bytes (20 MB); ``max_rows``: non-empty data rows below the header
    (50,000); ``max_members``: zip members (200); ``max_ratio``: declared size ÷ compressed size
    of any member (100); ``max_uncompressed``: declared size of all members together, in bytes
    (50 MB). ``max_merges`` caps merged ranges on the sheet (200,000) and ``max_sheet_rows`` the
    ``<row>`` elements read, empty formatted ones included (None: twice ``max_rows`` + 1,000).
    ``budget``: the cells, styles and shared strings the workbook may hold (upload_budget.py).
    """

    max_bytes: int = 20 * MB
    max_rows: int = 50_000
    max_members: int = 200
    max_ratio: float = 100
    max_uncompressed: int = 50 * MB
    max_merges: int = 200_000
    max_sheet_rows: int | None = None
    budget: UploadBudget = UploadBudget()

    @property
    def sheet_row_cap(self) -> int:
        """The number of ``<row>`` elements after which reading stops with "too_many_rows"."""
        if self.max_sheet_rows is not None:
            return self.max_sheet_rows
        return 2 * self.max_rows + 1000


def load_source(source, filename: str | None, limits: LedgerLimits) -> tuple[bytes, str]:
    """Return (bytes, file name) of ``source``: a path, bytes, or a binary file object.

    A path's size is checked before it is read, a stream is read no further than one byte past
    ``limits.max_bytes``. ``filename`` defaults to the path's base name (else ""). Raises
    LedgerRefused("too_large"/"empty"), OSError for an unreadable path, TypeError for anything
    else.
    """
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        filename = filename if filename is not None else os.path.basename(path)
        size = os.stat(path).st_size
        if size > limits.max_bytes:
            raise _too_large(filename, size, limits)
        with open(path, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif hasattr(source, "read"):
        data = source.read(limits.max_bytes + 1)
        if not isinstance(data, bytes):
            raise TypeError("a ledger file object must be opened in binary mode")
    else:
        raise TypeError(f"cannot read a ledger from {type(source).__name__}")
    filename = filename or ""
    if len(data) > limits.max_bytes:
        raise _too_large(filename or "上传的文件", len(data), limits)
    if not data:
        raise LedgerRefused(empty_message(filename or "上传的文件"), "empty")
    return data, filename


def empty_message(filename: str) -> str:
    """What is said of the file ``filename`` (a ledger or an indicator table) when it holds nothing."""
    return f"{filename} 是空文件，请重新导出后再上传。"


def too_large_message(filename: str, max_bytes: int, size: int | None = None) -> str:
    """What is said of the file ``filename`` when it is larger than ``max_bytes`` (LedgerLimits.max_bytes), with its
    ``size`` in bytes when known (the browser's check before the upload does not say it; an upload read only to
    ``max_bytes + 1`` bytes is not measured, and saying "约 1.0 MB" of a 2 MB file would mislead)."""
    measured = f"（约 {_size_text(size)}）" if size is not None and size > max_bytes + 1 else ""
    return f"文件 {filename} 大小超过上限 {_size_text(max_bytes)}{measured}，请删去图片等无关内容或拆分成几个文件后再上传。"


def _too_large(filename: str, size: int, limits: LedgerLimits) -> LedgerRefused:
    return LedgerRefused(too_large_message(filename, limits.max_bytes, size), "too_large")


def check_xlsx_container(data: bytes, filename: str = "", limits: LedgerLimits = LedgerLimits()) -> None:
    """Refuse ``data`` unless it looks like a plain, macro-free, sanely compressed .xlsx.

    Reads the bytes, the zip directory, [Content_Types].xml and the first 16 KiB of each XML
    member; never inflates a whole member and never calls openpyxl. ``filename`` only serves the
    messages and the .xlsm/.xltm check. Raises LedgerRefused with code too_large, empty,
    legacy_xls, encrypted, not_xlsx, corrupt, macro, too_many_members, compression_ratio,
    unpacked_size, unsafe_xml, or too_many_styles, too_many_shared_strings, too_many_cells
    (``limits.budget``, counted by streaming the XML); returns None when the file may be opened.
    """
    name = filename or "上传的文件"
    if len(data) > limits.max_bytes:
        raise _too_large(name, len(data), limits)
    if not data:
        raise LedgerRefused(f"{name} 是空文件，请重新导出后再上传。", "empty")
    if data.startswith(OLE_MAGIC):
        raise _ole_refusal(data, name)
    if not data.startswith(ZIP_MAGIC):
        raise LedgerRefused(f"{name} 不是 .xlsx 工作簿（{_guess_kind(data)}）。"
                            "请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）再上传。", "not_xlsx")
    if filename.lower().endswith((".xlsm", ".xltm")):
        raise _macro_refusal(name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise LedgerRefused(f"{name} 已损坏或不完整，无法打开。请在 Excel 中重新保存后再上传。",
                            "corrupt") from error
    with archive:
        _check_members(archive, name, limits)
        _check_package(archive, name)
        _check_xml_prologs(archive, name)
        try:
            check_workbook_budget(archive, name, limits.budget)
        except ArchiveRefused as refusal:
            raise LedgerRefused(str(refusal), refusal.code) from None


def _ole_refusal(data: bytes, name: str) -> LedgerRefused:
    """Tell an encrypted workbook from a legacy .xls (or another Office 97–2003 file)."""
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return LedgerRefused(f"{name} 设置了打开密码（已加密），无法读取。请在 Excel 中取消密码"
                             "（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx 再上传。",
                             "encrypted")
    if "WordDocument".encode("utf-16-le") in data:
        return LedgerRefused(f"{name} 是旧版 Word 文档，不是工作台账。请上传 Excel 工作簿（.xlsx）。",
                             "not_xlsx")
    return LedgerRefused(f"{name} 是旧版 Excel 97-2003 格式（.xls），系统只读取 .xlsx。"
                         "请在 Excel 中另存为 .xlsx 后再上传（文件 → 另存为 → Excel 工作簿）。", "legacy_xls")


def _guess_kind(data: bytes) -> str:
    """Name what a non-zip upload most likely is, for the refusal message."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf\xff\xfe\xfe\xff \t\r\n")
    lower = head.lower()
    if head.startswith(b"%PDF"):
        return "看起来是 PDF 文件"
    if head.startswith(b"{\\rtf"):
        return "看起来是 RTF 文档"
    if lower.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or b"<html" in lower:
        return "看起来是网页（HTML）格式的表格，常见于系统导出的“.xls”"
    if lower.startswith(b"<?xml") or lower.startswith(b"<"):
        return "看起来是 XML 文件"
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data[:4096].decode(encoding)
        except UnicodeDecodeError:
            continue
        if "," in text or "\t" in text:
            return "看起来是 CSV 或文本文件"
        return "看起来是文本文件"
    return "无法识别的文件格式"


def _macro_refusal(name: str) -> LedgerRefused:
    return LedgerRefused(f"{name} 是含宏的工作簿（.xlsm），出于安全原因不接受。"
                         "请在 Excel 中另存为不含宏的“Excel 工作簿（.xlsx）”后再上传。", "macro")


def _check_members(archive: zipfile.ZipFile, name: str, limits: LedgerLimits) -> None:
    """Zip bombs and odd members (archives.check_members, shared with uploaded plans), then macros."""
    try:
        check_members(archive, name, WORKBOOK, limits)
    except ArchiveRefused as refusal:
        raise LedgerRefused(str(refusal), refusal.code) from None
    if any(info.filename.lower().rsplit("/", 1)[-1] == "vbaproject.bin" for info in archive.infolist()):
        raise _macro_refusal(name)


def _check_package(archive: zipfile.ZipFile, name: str) -> None:
    """Require an Excel workbook package: tell .xlsb/.ods/.docx apart, refuse macro content types."""
    names = set(archive.namelist())
    lowered = {member.lower() for member in names}
    if "xl/workbook.bin" in lowered:
        raise LedgerRefused(f"{name} 是 Excel 二进制工作簿（.xlsb）。请在 Excel 中另存为 .xlsx 后再上传。",
                            "not_xlsx")
    if "mimetype" in names and archive.read("mimetype")[:64].startswith(b"application/vnd.oasis"):
        raise LedgerRefused(f"{name} 是 OpenDocument 表格（.ods）。请另存为 .xlsx 后再上传。", "not_xlsx")
    if "word/document.xml" in lowered:
        raise LedgerRefused(f"{name} 是 Word 文档，不是工作台账。请上传 Excel 工作簿（.xlsx）。", "not_xlsx")
    if "[Content_Types].xml" not in names or not any(m.endswith("workbook.xml") for m in lowered):
        raise LedgerRefused(f"{name} 不是 Excel 工作簿（缺少 xl/workbook.xml），可能是改了扩展名的"
                            "其他文件。请用 Excel 打开后另存为 .xlsx 再上传。", "not_xlsx")
    content_types = archive.read("[Content_Types].xml")  # bounded by the ratio and total checks
    if b"macroenabled" in content_types.lower():
        raise _macro_refusal(name)


def _check_xml_prologs(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse any XML member whose prolog declares a DOCTYPE (archives.check_xml_prologs)."""
    try:
        check_xml_prologs(archive, name, WORKBOOK)
    except ArchiveRefused as refusal:
        raise LedgerRefused(str(refusal), refusal.code) from None


def open_workbook(data: bytes, filename: str = ""):
    """Open checked ``data`` with openpyxl in read-only mode (formulas as written, no links, no VBA).

    Call check_xlsx_container first. The workbook must be closed by the caller (``close()``).
    Raises LedgerRefused("unsafe_xml") when defusedxml refuses an entity declaration, and
    LedgerRefused("corrupt") for any other failure to open it.
    """
    name = filename or "上传的文件"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "extension is not supported" and the like
            return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False,
                                          keep_links=False, keep_vba=False, rich_text=False)
    except Exception as error:
        raise xml_failure(error, f"{name} ", f"{name} 已损坏或不是 Excel 能正常打开的 .xlsx，无法读取。"
                                             "请在 Excel 中打开并另存为 .xlsx 后再上传。") from error


def xml_failure(error: BaseException, part: str, corrupt: str) -> LedgerRefused:
    """The refusal of a file whose XML failed to read with ``error`` (to raise ``from error``): "unsafe_xml" when
    defusedxml refused an entity declaration (``is_defused_refusal``; ``part`` names what held it, e.g. "工作表"),
    else "corrupt" with the message ``corrupt`` (which says what to do next)."""
    if is_defused_refusal(error):
        return LedgerRefused(f"{part}含有 XML 实体声明，可能是恶意构造的文件，已拒绝。", "unsafe_xml")
    return LedgerRefused(corrupt, "corrupt")


def is_defused_refusal(error: BaseException) -> bool:
    """Whether defusedxml refused an entity or DTD anywhere in ``error``'s chain (openpyxl wraps
    parse errors in ValueError)."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if type(error).__module__.startswith("defusedxml"):
            return True
        error = error.__cause__ or error.__context__
    return False
