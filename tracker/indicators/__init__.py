"""Indicators (指标监测, issue 16): derived figures, ranking and the indicator workbook. Pure: no Flask, no database.

``derived``: 同比增速, 比年初增减, 序时进度, 完成率, 欠账 and the light, each with its rule text;
``ranking``: ranks with ties; ``workbook``: reading other offices' tables of figures by institution
and writing the template. The services (tracker/services/indicators) feed them from the models.
"""
from .derived import (RULES, TABLE_YOY_RULE, TASK_SCHEDULE_RULE, Derived, derive, light_for, months_elapsed, out_of_line, schedule_light,
                      task_completion_pct, task_schedule_pct)
from .ranking import (OVERALL_RULE, RANK_KEYS, competition_ranks, largest_shortfalls, overall, rank,
                      shared_ranks, with_rank_labels)

#: Names of ``workbook`` (openpyxl: slow to import), imported when first asked for (``__getattr__``).
_WORKBOOK = ("IndicatorColumn", "IndicatorTable", "TableIssue", "TableRow", "period_from_title", "read_table",
             "write_template")


def __getattr__(name: str):
    if name in _WORKBOOK:
        from . import workbook

        return getattr(workbook, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["RULES", "TABLE_YOY_RULE", "TASK_SCHEDULE_RULE", "Derived", "derive", "light_for", "months_elapsed", "out_of_line", "schedule_light", "task_completion_pct", "task_schedule_pct", "OVERALL_RULE", "RANK_KEYS", "competition_ranks", "largest_shortfalls", "overall", "rank", "shared_ranks", "with_rank_labels",
           "IndicatorColumn", "IndicatorTable", "TableIssue", "TableRow", "period_from_title", "read_table",
           "write_template"]
