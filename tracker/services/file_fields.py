"""The attributes of a file field that static/js/attachment-check.js checks in the browser before the upload.

One builder for every form that takes a file: the report's 佐证材料 (services/attachments.field_attributes), the plan
import (导入方案), the work ledger import (导入台账) and the indicator table import (the ``*_field`` builders below). The
limits come from the app's config, the kinds from the one place each import's rule is written, the sentences from the
functions the server's own refusals use, so that a supervisor on a slow network hears that a 25 MB file is too large
before uploading it, in the words the server would answer after it. The server checks every file again.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..archives import size_text
from .errors import upload_too_large_message


def file_field_attributes(extensions: Iterable[str], max_bytes: int, *, empty: str, too_large: str, wrong_type: str,
                          unsent: str, error_id: str, max_files: int = 1, too_many: str = "",
                          max_request_bytes: int | None = None,
                          wrong_type_by_extension: Mapping[str, str] | None = None) -> dict[str, str]:
    """Return a file field's attributes (name → text), for ``form.file(**attributes)`` in a template.

    ``extensions``: the kinds taken, with or without their dot (".docx" or "docx"), as the import's rule writes them;
    they give ``accept`` (".docx,.pdf") and data-extensions (space-separated, lower case, no dot). ``max_bytes``: the
    largest file (bytes), data-max-bytes; ``max_files``: data-max-files. The sentences, ``{name}`` standing for the
    file's name: ``empty`` (data-empty), ``too_large`` (data-too-large), ``wrong_type`` (data-wrong-type) and, for an
    extension whose refusal says more (".doc": save it as .docx), ``wrong_type_by_extension`` (data-wrong-type-doc);
    ``too_many`` (data-too-many); ``unsent`` (data-unsent, said under them: nothing was sent, what to do). The reasons
    are said in the element ``error_id`` (data-error-id, made by the script when the page has none). With
    ``max_request_bytes`` (MAX_CONTENT_LENGTH), files together over it are refused in the 413 page's words
    (data-max-total, data-too-large-total: services/errors.upload_too_large_message).
    """
    kinds = [extension.lstrip(".").lower() for extension in extensions]
    attributes = {"accept": ",".join(f".{kind}" for kind in kinds), "data-extensions": " ".join(kinds),
                  "data-max-bytes": str(max_bytes), "data-max-files": str(max_files), "data-empty": empty,
                  "data-too-large": too_large, "data-wrong-type": wrong_type, "data-too-many": too_many,
                  "data-unsent": unsent, "data-error-id": error_id}
    for extension, sentence in (wrong_type_by_extension or {}).items():
        attributes[f"data-wrong-type-{extension.lstrip('.').lower()}"] = sentence
    if max_request_bytes:
        attributes.update({"data-max-total": str(max_request_bytes),
                           "data-too-large-total": upload_too_large_message(max_request_bytes)})
    return attributes


def plan_field(max_request_bytes: int | None) -> dict[str, str]:
    """The plan import's file field (导入方案, 上传修订版): the kinds parsing/readers.SUPPORTED_EXTENSIONS reads, at most
    ``max_request_bytes`` (MAX_CONTENT_LENGTH: a larger upload answers the 413 page, in its words), the refusals of
    parsing/readers (empty_file_message, unsupported_type_message, and its longer hint for a .doc or an Excel file).
    No request limit (None): no attributes, the server alone checks."""
    if not max_request_bytes:
        return {}
    from ..parsing.readers import HINTED_EXTENSIONS, SUPPORTED_EXTENSIONS, empty_file_message, unsupported_type_message

    return file_field_attributes(
        SUPPORTED_EXTENSIONS, max_request_bytes, empty=empty_file_message("{name}"),
        too_large=upload_too_large_message(max_request_bytes), wrong_type=unsupported_type_message("{name}"),
        wrong_type_by_extension={extension: unsupported_type_message("{name}", extension)
                                 for extension in HINTED_EXTENSIONS},
        error_id="file-check", unsent="这个文件还没有上传；请重新选择方案文件（或把全文粘贴到下面的文本框）后再按“读取并预览”。")


def ledger_field(max_bytes: int, max_request_bytes: int | None) -> dict[str, str]:
    """The work ledger import's file field (导入台账): the kinds ledger/sources.ACCEPTED_SUFFIXES, at most ``max_bytes``
    (Settings.ledger_max_bytes, LEDGER_MAX_BYTES) and the request's ``max_request_bytes``, in ledger/safety's and
    ledger/sources' words."""
    from ..ledger.safety import empty_message, too_large_message
    from ..ledger.sources import ACCEPTED_SUFFIXES, unreadable_message

    return file_field_attributes(
        ACCEPTED_SUFFIXES, max_bytes, max_request_bytes=max_request_bytes, empty=empty_message("{name}"),
        too_large=too_large_message("{name}", max_bytes), wrong_type=unreadable_message("{name}"),
        error_id="file-check", unsent="这个文件还没有上传；请重新选择台账文件后再按“上传并预览”。")


def ledger_kinds_hint(max_bytes: int) -> str:
    """The line of 导入台账's notes naming the kinds ledger_field takes (ledger/sources.ACCEPTED_TEXT) and the largest
    file, ``max_bytes`` (Settings.ledger_max_bytes) in MB (archives.size_text): "接受 Excel 工作簿……，大小不超过 20 MB。"."""
    from ..ledger.sources import ACCEPTED_TEXT

    return f"接受 {ACCEPTED_TEXT}，大小不超过 {size_text(max_bytes)}。"


def indicator_field(max_bytes: int, max_request_bytes: int | None) -> dict[str, str]:
    """The indicator table import's file field: the kinds indicators/workbook.TABLE_SUFFIXES, at most ``max_bytes``
    (the ledger's limit, which the import checks: Settings.ledger_max_bytes) and the request's ``max_request_bytes``,
    in ledger/safety's and indicators/workbook's words."""
    from ..indicators.workbook import TABLE_SUFFIXES, wrong_type_message
    from ..ledger.safety import empty_message, too_large_message

    return file_field_attributes(
        TABLE_SUFFIXES, max_bytes, max_request_bytes=max_request_bytes, empty=empty_message("{name}"),
        too_large=too_large_message("{name}", max_bytes), wrong_type=wrong_type_message("{name}"),
        error_id="file-check", unsent="这个文件还没有上传；请重新选择指标数据表后再按“上传并预览”。")
