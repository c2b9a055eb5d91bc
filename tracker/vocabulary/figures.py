"""How people write a figure (数值) in a cell or a form field, read once for every reader of figures.

Read by the indicator tables' reader (tracker/indicators/workbook.py, every figure cell) and the forms' numbers
(tracker/tasks/forms.form_number: 目标值). The rules:

- Digits may be full-width (１２３), the sign and the decimal point too (NFKC); blanks inside are dropped.
- A comma (, or the full-width ，) is a thousands separator only where it stands between groups of three digits
  before any decimal point: "58,901" and "1,234,567.5" are read, "5890,1", "58,90" and "1,2345" are refused. Chinese
  statistical tables (国家统计局, 人民银行 and the 金融办's own 月报) write the decimal point as "." and group thousands
  with ","; no office practice of a decimal comma was found, so "5890,1" is no 5890.1 to be guessed at: it is refused
  with ``COMMA_ADVICE``, and the person who filled it says which it is (58901 or 5890.1).
- A dash, a slash or 无 alone (``NO_FIGURE_MARKS``) is how a table says "no figure here": it is read as no figure
  (None), never as zero, and ``is_no_figure_mark`` says so, so that a reader can say which cell had none.
"""
from __future__ import annotations

import re
import unicodedata

#: What a table writes in a cell that has no figure (统计表's 不适用 / 无数据): read as no figure, never as 0.
NO_FIGURE_MARKS = frozenset({"-", "--", "—", "——", "－", "/", "／", "无", "－－"})

#: What is said of a comma that is no thousands separator (the example is the shape, not the cell's own figure).
COMMA_ADVICE = ("中的逗号不是千分位（千分位的逗号后为三位数字，如 58,901、1,234.5）：小数点请用“.”（如 5890.1），"
                "不是小数的请去掉逗号（如 58901）")

_BLANKS = re.compile(r"\s+")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


class FigureError(ValueError):
    """A text that is no figure; ``reason`` says why, in Chinese, to be put after the cell's or field's name."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(reason)
        self.text = text
        self.reason = reason


def _plain(text: str) -> str:
    return _BLANKS.sub("", unicodedata.normalize("NFKC", text))


def is_no_figure_mark(text: str | None) -> bool:
    """Whether ``text`` is one of the marks a table writes for "no figure" (``NO_FIGURE_MARKS``: —, －, /, 无 …),
    blanks and full-width forms allowed. An empty text is not a mark (it is a cell left empty)."""
    return bool(text) and (text.strip() in NO_FIGURE_MARKS or _plain(text) in NO_FIGURE_MARKS)


def read_figure(text: str | None) -> float | None:
    """The number written in ``text`` (a cell's or a field's text), as float; None when it is empty or a no-figure
    mark (``is_no_figure_mark``). Full-width digits and blanks are read; a comma only as a thousands separator
    between groups of three digits (the module's rules). Raises FigureError (a ValueError) with the reason in
    Chinese: a comma that is no thousands separator (``COMMA_ADVICE``), or a text that is no number."""
    plain = _plain(text or "")
    if not plain or plain in NO_FIGURE_MARKS or (text or "").strip() in NO_FIGURE_MARKS:
        return None
    plain = plain.replace("，", ",")
    try:
        value = float(plain.replace(",", ""))
    except ValueError:
        raise FigureError(text or "", "不是数字，请填写数值或留空") from None
    if "," in plain and not _GROUPED.match(plain):
        raise FigureError(text or "", COMMA_ADVICE)
    if value != value or value in (float("inf"), float("-inf")):
        raise FigureError(text or "", "不是数字，请填写数值或留空")
    return value


#: The 计量单位 of a rate registered in per cent (支付率, 办结率, 满意率): a figure cell may write the sign after its number.
PERCENT_UNITS = frozenset({"%", "％", "百分比"})
_PERCENT = re.compile(r"^([+-]?[\d.,]+)\s*%$")


def percent_figure(text) -> str | None:
    """The number of a figure cell written with a per-cent sign ("18.39%", "１００％", "-1.47 %") as text without the sign
    ("18.39"), for a rate registered in per cent (``PERCENT_UNITS``: a 财政局's 支付率 by county, a hotline's 办结率 by unit:
    ledger corpus 222, branch indicators47); None for any other cell (a number, "—", "18.39", "12件"). The number is then
    read by ``read_figure`` as any figure is; the sign says the unit, which is already the registered one."""
    if not isinstance(text, str):
        return None
    found = _PERCENT.match(_plain(text))
    return found.group(1) if found else None
