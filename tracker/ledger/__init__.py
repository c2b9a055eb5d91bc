"""The work ledger (工作台账) as an Excel workbook: captions, cell-text safety and the writer.

Pure package: no Flask, no database. The services build Ledger/LedgerRow from the models and call
write_ledger; the captions are fixed by CONTRACTS.md §3.
"""

from .captions import (
    ALL_CAPTIONS,
    KEY_CAPTION,
    LEDGER_CAPTIONS,
    SHEET_TITLE,
    UNIT_SEPARATOR,
    VERSION_CAPTION,
)
from .cells import FORMULA_TRIGGERS, needs_quote_prefix, neutralize_cell_text, set_text_cell
from .writer import Ledger, LedgerRow, build_workbook, write_ledger

__all__ = [
    "ALL_CAPTIONS",
    "FORMULA_TRIGGERS",
    "KEY_CAPTION",
    "LEDGER_CAPTIONS",
    "Ledger",
    "LedgerRow",
    "SHEET_TITLE",
    "UNIT_SEPARATOR",
    "VERSION_CAPTION",
    "build_workbook",
    "needs_quote_prefix",
    "neutralize_cell_text",
    "set_text_cell",
    "write_ledger",
]
