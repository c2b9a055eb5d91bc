"""One base for the tracker's enumerations: stored by code, shown by label (issue #12).

Every enumeration the tracker stores (a task's status, a user's role, a journal entry's channel,
...) keeps an English code in the database and in the journal, and shows a Chinese label in
pages, ledgers and messages. The labels live in one table per enumeration (``__labels__``), so
that a label can change without touching stored data. Pure: imports neither Flask nor the database.

    class Channel(LabelledEnum):
        __caption__ = "来源"
        __labels__ = {"form": "网页", "import": "台账导入"}
        FORM = "form"
        IMPORT = "import"

    Channel.FORM.label == "网页"; Channel.from_label("网页") is Channel.FORM; Channel.from_code("form")
"""
from __future__ import annotations

import enum
from typing import TypeVar

E = TypeVar("E", bound="LabelledEnum")


class LabelledEnum(str, enum.Enum):
    """An enumeration whose members are stored by code (their value) and shown by label.

    Subclasses set ``__labels__`` = {code: label} (every member, no label twice; the unit test
    tests/unit/test_labelled_enum.py checks every subclass) and ``__caption__``, what the
    enumeration is called in messages (e.g. 完成状态).
    """

    __labels__: dict[str, str] = {}
    __caption__: str = "取值"

    @property
    def label(self) -> str:
        """Return the member's label (Chinese, as shown to people)."""
        return type(self).__labels__[self.value]

    @classmethod
    def labels(cls: type[E]) -> dict[E, str]:
        """Return {member: label} in the order the members are defined (choices, legends)."""
        return {member: cls.__labels__[member.value] for member in cls}

    @classmethod
    def from_label(cls: type[E], text: str) -> E:
        """Return the member labelled ``text`` (surrounding spaces ignored).

        Raises ValueError naming the enumeration and the text when no member has that label.
        """
        wanted = text.strip()
        for member in cls:
            if member.label == wanted:
                return member
        raise ValueError(f"未知的{cls.__caption__}：{wanted}")

    @classmethod
    def from_code(cls: type[E], code: str | None) -> E | None:
        """Return the member stored as ``code`` (None for None); ValueError for an unknown code."""
        return None if code is None else cls(code)
