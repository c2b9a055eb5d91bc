"""The plan parser: text in, plan draft out (pure Python: no Flask, no database).

Public API:
    parse_plan_text(text) -> PlanDraft            the decoded text of a plan
    decode_plan_bytes(data, filename="") -> str   UTF-8 (BOM or not), else GB18030/GBK
    read_plan_file(path) -> PlanDraft             .txt/.md/.docx/.html/.htm/.pdf
    read_plan_bytes(data, filename) -> PlanDraft  the same, from an upload
    read_plan_text(text, name) -> PlanDraft       pasted text, within the upload budget
    PlanDraft, MeasureDraft, Section              the result (``to_dict()`` = CONTRACTS.md §1)
    split_sections(draft) -> list[PlanDraft]      one plan per document of a multi-document file
    PlanReadError, UnsupportedFileType            reading errors (Chinese messages)
    parse_due_date(deadline, default_year=None)   "2016年底前" -> date(2016, 12, 31)

Module map: cleaning (noise, spaces), numbering (levels), inline (一是… inside a paragraph),
annotations and unitnames (units), suggest (units named in sentences), deadlines, metadata
(title, 文号, 发文机关, date), tables (task tables) and glued_tables (a table whose cells lost every
separator), sections (several documents in one file),
walker (the body walk), paths (a list numbered again gets unique paths), parser (the steps),
readers and docx_numbering (files), webpage (the article body of a saved page), pdf (PDF text
layer and tables). Numbering styles and numerals, unit-list splitting and the
caption table are the field's vocabulary, shared with the ledger: tracker/vocabulary.
"""

from .deadlines import parse_due_date
from .draft import MeasureDraft, PlanDraft, Section
from .parser import parse_plan_text
from .sections import split_sections
from .readers import (SUPPORTED_EXTENSIONS, PlanReadError, UnsupportedFileType, decode_plan_bytes,
                      read_plan_bytes, read_plan_file, read_plan_text)

__all__ = [
    "MeasureDraft",
    "PlanDraft",
    "PlanReadError",
    "SUPPORTED_EXTENSIONS",
    "Section",
    "UnsupportedFileType",
    "decode_plan_bytes",
    "parse_due_date",
    "parse_plan_text",
    "read_plan_bytes",
    "read_plan_file",
    "read_plan_text",
    "split_sections",
]
