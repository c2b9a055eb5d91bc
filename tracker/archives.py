"""Checks on Office Open XML zip containers (.xlsx ledgers, .docx plans) before a parser inflates them.

Pure module (standard library only), shared by tracker/ledger/safety.py (uploaded ledgers) and
tracker/parsing/readers.py (uploaded plans, web and command line): one set of rules against zip
bombs and XML entity attacks (SECURITY-TESTS.md E2/E3/E6; OWASP ASVS 5.2.3). It looks only at the
zip's central directory and the first bytes of each XML member, never inflating a whole member:

* more than ``max_members`` members, an encrypted member, or a compression method other than
  stored/deflate (what Office writes);
* a member whose declared size is more than ``max_ratio`` times its compressed size, or a declared
  total over ``max_uncompressed``. Python's zipfile never inflates a member past its declared size
  (it stops with a CRC error), so the declared sizes bound what any later reader can unpack;
* an XML member whose prolog holds a DOCTYPE (where entities would be declared): Excel and Word
  never write one.

Each refusal is an ArchiveRefused with a ``code`` and a Chinese message that names the file and
says what to do next, worded for the kind of document (ArchiveKind: Excel workbook or Word file).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

MB = 1024 * 1024
# How much of each XML member is read to find its prolog (a DOCTYPE must come before the root).
PROLOG_WINDOW = 16 * 1024


class ArchiveRefused(ValueError):
    """A zip container is refused; ``str(error)`` is a Chinese sentence saying what to do next.

    ``code``: "too_many_members", "encrypted", "corrupt", "compression_ratio", "unpacked_size",
    "unsafe_xml"; check_docx adds "not_docx" and "macro".
    """

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class ArchiveLimits:
    """``max_members``: zip members (200); ``max_ratio``: declared size ÷ compressed size of any
    member (100); ``max_uncompressed``: declared size of all members together, in bytes (50 MB).
    Defaults of SECURITY-TESTS.md E2/E3."""

    max_members: int = 200
    max_ratio: float = 100
    max_uncompressed: int = 50 * MB


@dataclass(frozen=True)
class ArchiveKind:
    """How the messages name a document: the program that writes it, what it is, its extension."""

    program: str
    document: str
    extension: str

    @property
    def advice(self) -> str:
        """The sentence closing a refusal: save the file again as a new document of this kind, e.g.
        "请在 Excel 中另存为新的 .xlsx 后再上传。".
        """
        return f"请在 {self.program} 中另存为新的 {self.extension} 后再上传。"


WORKBOOK = ArchiveKind("Excel", "工作台账", ".xlsx")
WORD_DOCUMENT = ArchiveKind("Word 或 WPS", "方案文档", ".docx")


def size_text(size: int) -> str:
    """A size in bytes as the pages and refusals write it, in MB rounded to one decimal without a trailing ".0":
    10 MB → "10 MB", 12.34 MB → "12.3 MB", 512 KiB → "0.5 MB" (never "0 MB" of a limit under one MB). The one
    conversion of every upload message: attachments' limits, the 413 page's, the ledger's and indicator table's."""
    return f"{round(size / MB, 1):g} MB"


def check_archive(archive: zipfile.ZipFile, name: str, kind: ArchiveKind,
                  limits: ArchiveLimits = ArchiveLimits()) -> None:
    """Refuse ``archive`` (an open ZipFile) if it is a zip bomb or carries an XML entity attack.

    ``name``: the file name for the messages; ``limits``: any object with ``max_members``,
    ``max_ratio`` and ``max_uncompressed`` (ArchiveLimits, ledger.LedgerLimits). Reads the
    central directory and at most PROLOG_WINDOW bytes of each XML member. Raises ArchiveRefused.
    """
    check_members(archive, name, kind, limits)
    check_xml_prologs(archive, name, kind)


def check_members(archive: zipfile.ZipFile, name: str, kind: ArchiveKind,
                  limits: ArchiveLimits = ArchiveLimits()) -> None:
    """Count members, check each one's flags and compression ratio and the declared total."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise ArchiveRefused(f"{name} 内部包含 {len(infos)} 个部件，超过上限 {limits.max_members}，"
                             f"不像正常的{kind.document}。{kind.advice}", "too_many_members")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ArchiveRefused(f"{name} 的内容已加密，无法读取。请取消密码后另存为 {kind.extension} 再上传。",
                                 "encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ArchiveRefused(f"{name} 使用了 {kind.program} 不使用的压缩方式，无法读取。{kind.advice}",
                                 "corrupt")
        if info.file_size and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            raise ArchiveRefused(f"{name} 中的部件 {info.filename} 解压后是压缩时的 "
                                 f"{info.file_size / max(info.compress_size, 1):.0f} 倍（上限 "
                                 f"{limits.max_ratio:g} 倍），疑似“压缩炸弹”，已拒绝。{kind.advice}",
                                 "compression_ratio")
        total += info.file_size
    if total > limits.max_uncompressed:
        raise ArchiveRefused(f"{name} 解压后约 {size_text(total)}，超过上限 "
                             f"{size_text(limits.max_uncompressed)}，已拒绝。请删去图片等无关内容"
                             "或拆分成几个文件后再上传。", "unpacked_size")


def check_xml_prologs(archive: zipfile.ZipFile, name: str, kind: ArchiveKind) -> None:
    """Refuse any XML member whose prolog declares a DOCTYPE (where entities would live)."""
    for info in archive.infolist():
        if not info.filename.lower().endswith((".xml", ".rels", ".vml")) or not info.file_size:
            continue
        with archive.open(info) as member:
            head = member.read(PROLOG_WINDOW)
        if prolog_is_unsafe(head):
            raise ArchiveRefused(f"{name} 的部件 {info.filename} 含有 DOCTYPE/实体声明（{kind.program} 从不写入），"
                                 "可能是恶意构造的文件，已拒绝。", "unsafe_xml")


def prolog_is_unsafe(head: bytes) -> bool:
    """True when the XML prolog in ``head`` holds a DOCTYPE, or does not end within ``head``.

    ``head``: the first bytes of an XML member, in UTF-8, UTF-16 or UTF-32 (with or without a
    byte-order mark; UTF-32 was missed before, issue 14 item 14)."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")) or b"\x00\x00\x00" in head[:4]:
        # UTF-32 (with or without a byte-order mark): "<" is one byte and three NULs
        encoding = "utf-32-be" if head[:1] == b"\x00" else "utf-32-le"
        text = head[4 if head[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff") else 0:]
        text = text[: len(text) // 4 * 4].decode(encoding, errors="replace")
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[1:2] == b"\x00" or head[:1] == b"\x00":
        encoding = "utf-16"
        if not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            encoding = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        text = head[: len(head) // 2 * 2].decode(encoding, errors="replace")
    else:
        text = head.decode("utf-8", errors="replace")
    position = 0
    text = text.lstrip("\ufeff")
    while True:
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        rest = text[position:position + 9]
        if rest.startswith("<?"):
            end = text.find("?>", position)
        elif rest.startswith("<!--"):
            end = text.find("-->", position)
        elif rest.upper().startswith("<!DOCTYPE") or rest.startswith("<!"):
            return True
        elif rest.startswith("<"):
            return False
        elif position >= len(text):
            return len(head) >= PROLOG_WINDOW  # a prolog longer than the window: suspicious
        else:
            return False  # not XML at all: the parser will reject it as corrupt
        if end < 0:
            return True
        position = end + 2


ZIP_MAGIC = b"PK\x03\x04"
#: The OLE2 compound-file signature: legacy .doc/.xls, and encrypted Office files.
OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")


def check_docx(data: bytes, name: str, limits: ArchiveLimits = ArchiveLimits()) -> None:
    """Refuse ``data`` unless it is a macro-free Word package (.docx) that is safe to unpack.

    The same zip-bomb and entity checks as uploaded ledgers (check_archive), then: a
    word/document.xml part, no vbaProject.bin. ``name``: the file name for the messages. Raises
    ArchiveRefused with code not_docx, corrupt, macro, or one of check_archive's codes.
    """
    if data.startswith(OLE_MAGIC):
        raise ArchiveRefused(f"{name} 是旧版 Word（.doc）文件或设置了打开密码，无法读取。"
                             "请在 Word 或 WPS 中取消密码并另存为 .docx 后再上传。", "not_docx")
    if not data.startswith(ZIP_MAGIC):
        raise ArchiveRefused(f"{name} 不是有效的 Word（.docx）文件。请在 Word 或 WPS 中另存为 .docx 后再上传。",
                             "not_docx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as error:
        raise ArchiveRefused(f"{name} 不是有效的 Word（.docx）文件：已损坏或不完整。"
                             "请在 Word 或 WPS 中重新保存为 .docx 后再上传。", "corrupt") from error
    with archive:
        check_archive(archive, name, WORD_DOCUMENT, limits)
        lowered = {member.lower() for member in archive.namelist()}
        if any(member.rsplit("/", 1)[-1] == "vbaproject.bin" for member in lowered):
            raise ArchiveRefused(f"{name} 含有宏，出于安全原因不接受。请另存为不含宏的 Word 文档（.docx）后再上传。",
                                 "macro")
        if "word/document.xml" not in lowered:
            raise ArchiveRefused(f"{name} 不是有效的 Word（.docx）文件（缺少 word/document.xml），"
                                 "可能是改了扩展名的其他文件。请在 Word 或 WPS 中另存为 .docx 后再上传。", "not_docx")
