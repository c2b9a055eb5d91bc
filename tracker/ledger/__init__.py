"""The work ledger (工作台账) as an Excel workbook: captions, cell-text safety, writer and reader.

Pure package: no Flask, no database. The services build Ledger/LedgerRow from the models and call
write_ledger; the captions are fixed by CONTRACTS.md §3. ``read_ledger`` reads the tracker's own
exports and other offices' ledgers back into ReadRows and LedgerIssues (CONTRACTS.md §4), after
``check_xlsx_container`` has refused dangerous files (LedgerRefused).

Module map: captions, cells (formula-safe text), writer, csv_writer (the CSV variant); safety (file checks, limits), sheet
(streaming the sheet XML), header (header rows, column mapping, title lines), hierarchy (序号
paths), reader (read_ledger and its result types). Caption synonyms, 序号 tokens and unit lists
are the field's vocabulary: tracker/vocabulary.
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
from .csv_writer import ledger_csv_bytes

#: The reading side, imported when first asked for (PEP 562): an export (writer, csv_writer) does not
#: load the reader, its header and 序号 rules or the plan parser's deadline rules (issue 19: a command
#: imports what it uses).
_LAZY = {"FORMULA_REASON": "reader", "LedgerIssue": "reader", "LedgerReadResult": "reader", "ReadRow": "reader",
         "read_ledger": "reader", "REFUSAL_CODES": "safety", "LedgerLimits": "safety", "LedgerRefused": "safety",
         "check_xlsx_container": "safety"}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "ALL_CAPTIONS",
    "FORMULA_REASON",
    "FORMULA_TRIGGERS",
    "KEY_CAPTION",
    "LEDGER_CAPTIONS",
    "Ledger",
    "LedgerIssue",
    "LedgerLimits",
    "LedgerReadResult",
    "LedgerRefused",
    "LedgerRow",
    "REFUSAL_CODES",
    "ReadRow",
    "SHEET_TITLE",
    "UNIT_SEPARATOR",
    "VERSION_CAPTION",
    "build_workbook",
    "ledger_csv_bytes",
    "check_xlsx_container",
    "needs_quote_prefix",
    "neutralize_cell_text",
    "read_ledger",
    "set_text_cell",
    "write_ledger",
]
