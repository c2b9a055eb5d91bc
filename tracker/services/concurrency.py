"""Safe concurrent edits: every change to a task runs in one locked transaction that checks the
version the user's form was read at (issue #5; SECURITY-TESTS F1–F4).

A form carries the task's ``version`` as it was when the page was rendered. ``task_change``
locks the task row (BEGIN IMMEDIATE on SQLite, SELECT … FOR UPDATE on PostgreSQL), compares
the versions and raises Conflict — writing nothing — when they differ. The conflict page offers
"覆盖提交": the same input sent again with the version shown on the conflict page and
``overwrite_of`` = the version first read, which is journalled as an overwrite. Callers without
a form (the API, the command line) pass ``read_version=None`` and are not checked; a ledger
import passes the version its exported rows carry (F4).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache

from sqlalchemy import Select, bindparam, select

from ..database import write_transaction
from ..extensions import db
from ..ids import parse_id
from ..models import Channel, JournalField, Task, User
from . import journal
from .errors import Conflict, NotFound
from .permissions import can_view_task, require


@contextmanager
def task_change(task_id: int, actor: User, read_version: int | None, overwrite_of: int | None = None,
                channel: Channel = Channel.FORM, check: Callable[[Task], None] | None = None) -> Iterator[Task]:
    """Yield the locked, freshly read task for one change; commit when the block ends, roll back on error.

    ``check(task)`` runs first and raises (PermissionDenied, InvalidInput) when ``actor`` may not
    make this change at all, so that a stale form of someone without the right gets a refusal,
    never a conflict page listing the task's changes. Raises NotFound for an unknown task,
    PermissionDenied when ``actor`` may not see the task, Conflict when ``read_version`` is given
    and differs from the stored version (nothing written). ``overwrite_of`` (the version first
    read, before a conflict page) journals the change as an overwrite of the changes in between.
    """
    with write_transaction():
        # Locked and read again in one statement (issue 19, item 29: the lock and the read were two).
        task = db.session.scalar(_locked_task_statement(), {"task_id": task_id})
        if task is None:
            raise NotFound("该任务不存在，可能已被删除。请从首页重新进入。")
        require(can_view_task(actor, task), "该任务不属于您所在单位，无权查看或办理。")
        if check is not None:
            check(task)
        if read_version is not None and task.version != read_version:
            raise Conflict(task.id, read_version, task.version)
        if overwrite_of is not None and overwrite_of != read_version:
            journal.record(task, JournalField.OVERWRITE, f"第{overwrite_of}版", f"第{read_version}版", actor, channel)
        yield task


@cache
def _locked_task_statement() -> Select:
    """``task_change``'s SELECT of the task ``task_id`` (its parameter), locked for the change (FOR UPDATE on
    PostgreSQL; SQLite's write transaction holds the lock already) and read as it is now over whatever the session
    held (populate_existing). Built once per process: every write to a task asks."""
    return (select(Task).where(Task.id == bindparam("task_id")).with_for_update()
            .execution_options(populate_existing=True))


def parse_version(value: object) -> int | None:
    """Return the version posted by a form as an int, or None when it is missing or not a number."""
    number = parse_id(value)  # None past MAX_ID (tracker/ids.py)
    return number if number else None
