"""The periodic bulletin (通报) as data and its .docx/.xlsx writers. Pure: no Flask, no database.

services/figures/bulletin.py fills a ``Bulletin`` from the database; the writers turn it into files.
"""
from .model import Bulletin, Headline, MissingLine, OverallLine, RankingLine, TaskLine, chinese_date, percent
from .summary import SummaryFigures, make_summary, reports_due_text

_WRITERS = ("write_docx", "write_xlsx")


def __getattr__(name: str):
    """Import the writers (python-docx, openpyxl: slow to import) only when one is asked for."""
    if name in _WRITERS:
        from . import writers

        return getattr(writers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Bulletin", "Headline", "MissingLine", "OverallLine", "RankingLine", "SummaryFigures", "TaskLine", "chinese_date",
           "make_summary", "percent", "reports_due_text", "write_docx", "write_xlsx"]
