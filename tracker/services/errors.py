"""Errors raised by the services; each message is a Chinese sentence saying what to do next."""

from ..archives import size_text


class ServiceError(Exception):
    """Base of the errors a service raises on purpose (never a bug)."""


class PermissionDenied(ServiceError):
    """The acting user may not do this (HTTP 403)."""


class NotFound(ServiceError):
    """The named plan, task, unit or user does not exist (HTTP 404)."""


class InvalidInput(ServiceError):
    """The data given is incomplete or wrong; the message names the field."""


class FieldProblems(InvalidInput):
    """Several fields of one form are wrong at once: ``messages``, one Chinese sentence per field in the form's order,
    each naming its field by its caption in quotes (“申请延期至”, “延期理由”), so that a page says each beside its field
    (tracker/forms.mark_named_fields) and the person mends them all before sending again, never one refusal after
    another. ``str()`` is the sentences one after the other (said above the form, and where no field is shown)."""

    def __init__(self, messages: list[str]):
        super().__init__("".join(messages))
        self.messages = list(messages)


class DiskFull(ServiceError):
    """The server's disk (or quota) is full: nothing of the operation was kept (HTTP 507).
    ``str(error)`` is the Chinese sentence for the user (issue 14 item 12, SECURITY-TESTS H8)."""

    MESSAGE = "服务器磁盘已满，您刚才的操作没有保存（没有写入任何内容）。请联系管理员清理磁盘空间后重试。"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.MESSAGE)


def is_disk_full(error: BaseException | None) -> bool:
    """Whether ``error`` (or the driver error a SQLAlchemy error wraps) says the disk is full:
    OSError ENOSPC/EDQUOT, SQLite "database or disk is full", PostgreSQL SQLSTATE 53100."""
    import errno

    seen = 0
    while error is not None and seen < 5:
        seen += 1
        if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
            return True
        text = str(error).lower()
        if "database or disk is full" in text or "no space left on device" in text:
            return True
        if getattr(error, "sqlstate", None) == "53100" or getattr(error, "pgcode", None) == "53100":
            return True
        error = getattr(error, "orig", None) or error.__cause__
    return False


class Conflict(ServiceError):
    """The task changed since the form was read (HTTP 409): nothing was written.

    ``task_id``: the task; ``read_version``: the version the form carried; ``current_version``:
    the task's version now. The conflict page lists the changes in between (SECURITY-TESTS F1).
    """

    def __init__(self, task_id: int, read_version: int, current_version: int):
        super().__init__("您打开页面后，该任务已被他人修改。请查看下面的修改，再决定覆盖提交或取消。")
        self.task_id = task_id
        self.read_version = read_version
        self.current_version = current_version


class AlreadySaved(ServiceError):
    """The same user posted the same report again from the same page (a double submit): the first one
    was stored and nothing more is written (issue 17). ``report_id``: the report stored the first time."""

    def __init__(self, report_id: int):
        super().__init__("进展已保存，无需重复提交。")
        self.report_id = report_id


def upload_too_large_message(max_request_bytes: int) -> str:
    """What is said when an upload (all its files and fields) is larger than ``max_request_bytes``, the app's request
    limit MAX_CONTENT_LENGTH (in MB: archives.size_text): the 413 page (tracker/errors.py), and the report form's check in the
    browser before sending (services/attachments.field_attributes)."""
    return (f"上传的文件超过 {size_text(max_request_bytes)} 的大小限制。"
            "请删去图片等无关内容，或拆分成几个文件后重新上传。")
