"""Cell-text safety for exported workbooks (SECURITY-TESTS.md D1–D3, OWASP ASVS 1.2.10).

Two dangers, two remedies:

* Formula injection: a note such as ``=HYPERLINK("http://x","点击")`` must never become a formula.
  Text cells are always written as string cells (``data_type "s"``, so no ``<f>`` element), and
  text opening with a formula trigger also gets the cell style's ``quotePrefix``, the flag Excel
  sets itself when a user types a leading apostrophe: the cell shows and keeps the text as text,
  even after the user edits it. The text itself is left intact (no apostrophe is added), so an
  import reads back exactly what was exported (SECURITY-TESTS.md D5).
* Characters XML 1.0 cannot carry (openpyxl's ``ILLEGAL_CHARACTERS_RE``: ``\\x00``–``\\x08``,
  ``\\x0b``, ``\\x0c``, ``\\x0e``–``\\x1f``) make openpyxl raise ``IllegalCharacterError``; they are
  removed instead.
"""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

#: Leading characters that make Excel, LibreOffice or WPS read a typed text as a formula, or that
#: CSV/DDE attacks rely on (= + - @, TAB, CR; NUL is removed as an illegal character before this
#: check, so the character after it is what counts). Source: OWASP "CSV Injection".
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")

#: Excel's limit on the characters one cell holds; longer text makes Excel repair the file.
EXCEL_MAX_CELL_CHARS = 32767


def neutralize_cell_text(value: str | None) -> str | None:
    """Return ``value`` with the characters a workbook cannot hold removed.

    Input: a text or None. Output: None for None, else the text without the characters
    ``openpyxl.cell.cell.ILLEGAL_CHARACTERS_RE`` matches (e.g. ``\\x01``, ``\\x0b``, NUL), cut to
    Excel's 32,767-character cell limit. Everything else (leading ``=``, TAB, CR, line breaks,
    spaces) is kept as is: the guard against formulas is the string cell type and the
    ``quotePrefix`` style that :func:`set_text_cell` applies, not a change of the text
    (SECURITY-TESTS.md D1, D3). Raises TypeError when ``value`` is neither str nor None.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"cell text must be str or None, not {type(value).__name__}")
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", value)
    return cleaned[:EXCEL_MAX_CELL_CHARS]


def needs_quote_prefix(text: str | None) -> bool:
    """Tell whether ``text`` opens with a formula trigger (= + - @ TAB CR NUL, FORMULA_TRIGGERS).

    Input: a text as it will be stored (already neutralised) or None; output: True when the
    cell holding it must carry ``quotePrefix`` (SECURITY-TESTS.md D1).
    """
    return bool(text) and text.startswith(FORMULA_TRIGGERS)


def set_text_cell(cell, value: str | None) -> str | None:
    """Store ``value`` in the openpyxl ``cell`` as plain text that can never be a formula.

    Input: a writable openpyxl cell and a text or None. The text is cleaned by
    :func:`neutralize_cell_text`; an empty result leaves the cell empty (its style is kept).
    Otherwise the cell's data type is forced to ``"s"`` (openpyxl would make ``"=..."`` a formula
    and write an ``<f>`` element) and, when the text opens with a formula trigger, the cell's
    ``quotePrefix`` is set. Returns the text actually stored (None for an empty cell). Raises
    TypeError for a value that is not str or None. Rule: SECURITY-TESTS.md D1–D3.
    """
    text = neutralize_cell_text(value)
    if not text:
        cell.value = None
        return None
    # The text is already checked and cleaned: bypass openpyxl's own re-validation of the value,
    # a measurable share of the export time of a 10,000-task ledger (issue #4).
    cell._value = text
    cell.data_type = "s"
    if needs_quote_prefix(text):
        cell.quotePrefix = True
    return text
