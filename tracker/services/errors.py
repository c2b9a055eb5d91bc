"""Errors raised by the services; each message is a Chinese sentence saying what to do next."""


class ServiceError(Exception):
    """Base of the errors a service raises on purpose (never a bug)."""


class PermissionDenied(ServiceError):
    """The acting user may not do this (HTTP 403)."""


class NotFound(ServiceError):
    """The named plan, task, unit or user does not exist (HTTP 404)."""


class InvalidInput(ServiceError):
    """The data given is incomplete or wrong; the message names the field."""


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
