"""The periodic bulletin (通报) as data and its .docx/.xlsx writers. Pure: no Flask, no database.

services/figures/bulletin.py fills a ``Bulletin`` from the database; the writers turn it into files.
"""
from .model import Bulletin, Headline, MissingLine, OverallLine, RankingLine, TaskLine, chinese_date, percent
from .summary import SummaryFigures, make_summary
from .writers import write_docx, write_xlsx

__all__ = ["Bulletin", "Headline", "MissingLine", "OverallLine", "RankingLine", "SummaryFigures", "TaskLine", "chinese_date",
           "make_summary", "percent", "write_docx", "write_xlsx"]
