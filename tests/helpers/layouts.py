"""Layouts offices send, as a matrix: a work ledger or an indicator table built from its dimensions, with what
the reader must find in it following from how it was built.

A ``LedgerCase`` names one value per dimension of a work ledger (title rows, header rows, caption synonyms taken
from the vocabulary's own table, column order, group rows, units in one cell with roles, progress columns, notes
and blank rows, file format); ``ledger_file`` builds its bytes and ``ledger_expected`` the rows the reader must
give. ``IndicatorCase`` and ``indicator_file`` do the same for an indicator table (where the period is written,
the entity column's caption, the money unit, 同比/占比 columns, the total row, 其中 breakdowns). Workbooks are made
with openpyxl (``xlsx.xlsx_bytes``) and CSV with the csv module, as other offices' tools save them.
"""
from __future__ import annotations

import csv
import io
import itertools
import random
from dataclasses import dataclass, fields, replace

from openpyxl.utils import get_column_letter

from tests.helpers.xlsx import xlsx_bytes
from tracker.indicators import IndicatorColumn, read_table
from tracker.ledger import LedgerRefused, read_ledger
from tracker.vocabulary.captions import CAPTION_SYNONYMS

# ---------------------------------------------------------------------------------------------------------------
# Work ledgers

#: The dimensions of a work ledger and their values; the first value of each is the plain layout.
LEDGER_DIMENSIONS: dict[str, tuple] = {
    "title_rows": (0, 1, 2, 3),
    "header": ("one", "units_over", "progress_over", "both_over", "months"),
    "captions": (0, 1, 2),  # the index of each field's synonym in the vocabulary's table (wrapped)
    "order": ("plain", "shuffled"),
    # across_led: the group row names the body that leads its tasks ("一、市发展改革委牵头工作（2项）", 沁县 2025, ledger
    # corpus 207; branch ledgers43), a task led by it leaving its lead cell blank where the units have columns of their own
    # in_task: the section written in the task column with its number ("一、优化营商环境"), the 序号 cell blank (a
    # county 督查室's 台账, ledger corpus 214's kind; branch ledgers45)
    "groups": ("none", "across", "across_numbered", "across_counted", "numbered", "numbered_across", "category",
               "across_led", "in_task"),
    "units": ("columns", "paren_roles", "colon_roles", "role_lines", "colon_lines", "duty_words", "in_task",
              "etc_columns"),
    "notes": (False, True),
    "blanks": (False, True),
    "format": ("xlsx", "csv_bom", "csv_gb18030"),
    # the time column: the limit (a 完成时限 synonym), a forecast in its place ("预计完成时间": when the unit expects it
    # done, kept as written, no deadline; 重大项目专班 台账, ledger corpus 208, branch ledgers44), or both side by side
    "time": ("limit", "forecast", "both"),
}

#: The fields a case's caption synonyms are taken for, from ``CAPTION_SYNONYMS`` (the vocabulary's table).
SYNONYM_FIELDS = ("具体措施", "牵头单位", "配合单位", "完成时限", "进展情况")

GROUPS = ("优化营商环境", "强化要素保障")
#: The body each group row names as the lead of its tasks (groups "across_led"): one task of each group is led by it.
GROUP_LEADS = ("市发展改革委", "市住房城乡建委")
TASKS = (
    ("1", "推行企业开办一网通办，压缩开办时间至1个工作日。", ["市市场监管局"], ["市政务服务中心", "市税务局"], "2025年6月底前",
     "已上线一网通办平台", "累计办理3200件"),
    ("2", "清理规范涉企收费，公布收费目录清单。", ["市发展改革委"], ["市财政局"], "2025年12月底前",
     "已梳理收费项目42项", "累计取消8项"),
    ("3", "开展工程建设项目审批制度改革。", ["市住房城乡建委"], [], "长期坚持", "审批时限压减至60个工作日", None),
    ("4", "扩大普惠小微贷款投放。", ["人行市中心支行"], ["市金融办", "国家金融监督管理总局市监管分局"], "2025年底前",
     None, "累计投放45亿元"),
)
#: The caption of a forecast column and what each task's cell says (time "forecast" puts the deadlines under it instead).
FORECAST_CAPTION = "预计完成时间"
FORECASTS = ("2025年5月底", "2025年11月", None, "2025年10月底")


@dataclass(frozen=True)
class LedgerCase:
    """One combination of the work-ledger dimensions (``LEDGER_DIMENSIONS``)."""

    title_rows: int = 0
    header: str = "one"
    captions: int = 0
    order: str = "plain"
    groups: str = "none"
    units: str = "columns"
    notes: bool = False
    blanks: bool = False
    format: str = "xlsx"
    time: str = "limit"
    seed: int = 0  # the shuffle of the columns when ``order`` is "shuffled"

    def label(self) -> str:
        """The case as one line for test ids and failure lists ("title_rows=2 header=units_over …")."""
        return " ".join(f"{f.name}={getattr(self, f.name)}" for f in fields(self) if f.name != "seed")


def synonym(field: str, index: int) -> str:
    """The vocabulary's ``index``-th caption for ``field`` (wrapped), the canonical one at 0."""
    names = CAPTION_SYNONYMS[field]
    return names[index % len(names)]


def _units_cell(case: LedgerCase, lead: list[str], supporting: list[str]) -> str:
    """One cell holding a task's units with their roles, in the case's form."""
    if case.units == "paren_roles":
        return "、".join([f"{name}（牵头）" for name in lead] + supporting)
    if case.units in ("colon_roles", "colon_lines"):
        separator = " " if case.units == "colon_roles" else "\n"
        return f"牵头：{'、'.join(lead)}" + (f"{separator}配合：{'、'.join(supporting)}" if supporting else "")
    if case.units == "duty_words":
        return f"{'、'.join(lead)}牵头" + (f"，{'、'.join(supporting)}配合" if supporting else "")
    return "\n".join([f"{name}（牵头）" for name in lead] + [f"{name}（配合）" for name in supporting])


def ledger_grid(case: LedgerCase) -> tuple[list[list], list[str]]:
    """The rows (lists of cell values, None for an empty cell) and merged ranges of ``case``'s work ledger."""
    one_cell = case.units not in ("columns", "in_task", "etc_columns")
    columns = ["序号"] + (["类别"] if case.groups == "category" else []) + ["具体措施"]
    columns += ["责任单位"] if one_cell else [] if case.units == "in_task" else ["牵头单位", "配合单位"]
    columns += ["完成时限"] + ([FORECAST_CAPTION] if case.time == "both" else []) + ["进展情况"]
    progress_two = case.header in ("progress_over", "both_over")
    if progress_two:
        columns.append("累计进展")
    if case.header == "months":
        columns += ["8月进展", "9月进展"]
    # 序号 stays first; the others may come in any order, the columns under one caption side by side
    together = {"配合单位": "牵头单位"} if case.header in ("units_over", "both_over") else {}
    together |= {"8月进展": "进展情况", "9月进展": "进展情况"} if case.header == "months" else {}
    together |= {"累计进展": "进展情况"} if progress_two else {}
    blocks = [[index] + [other for other, name in enumerate(columns) if together.get(name) == columns[index]]
              for index in range(1, len(columns)) if columns[index] not in together]
    if case.order == "shuffled":
        random.Random(case.seed).shuffle(blocks)
    order = [0, *(index for block in blocks for index in block)]
    width = len(order)
    last = get_column_letter(width)

    def caption(name: str) -> str:
        if name == "完成时限" and case.time != "limit":
            return _limit_caption(case)
        if name in SYNONYM_FIELDS:  # each field its own synonym: the index moved on by the field's place
            return synonym(name, case.captions * (1 + SYNONYM_FIELDS.index(name)))
        return name

    def place(values: dict[str, object]) -> list:
        return [values.get(columns[index]) for index in order]

    rows: list[list] = []
    merges: list[str] = []
    titles = ["2025年第三季度优化营商环境重点工作推进台账", "（截至2025年9月30日）", "填报单位：市发展改革委    填报日期：2025年9月30日"]
    for text in titles[:case.title_rows]:
        rows.append([text] + [None] * (width - 1))
        merges.append(f"A{len(rows)}:{last}{len(rows)}")
    top = len(rows) + 1
    two_rows = case.header in ("units_over", "progress_over", "both_over")
    upper, lower = {name: caption(name) for name in columns}, {}
    if case.header in ("units_over", "both_over") and case.units == "columns":
        upper["牵头单位"] = upper["配合单位"] = "责任单位"
        lower |= {"牵头单位": "牵头单位", "配合单位": "配合单位"}
    if progress_two:
        upper["累计进展"] = upper["进展情况"] = "进展情况"
        lower |= {"进展情况": "本月", "累计进展": "累计"}
    if case.header == "months":
        upper |= {"进展情况": "7月进展", "8月进展": "8月进展", "9月进展": "9月进展"}
    two_rows = bool(lower)
    rows.append(place(upper))
    if two_rows:
        rows.append(place(lower))
        header_cells = place(upper)
        for index in range(width):  # captions with nothing under them merged down, shared captions merged across
            if header_cells[index] is None:
                continue
            if place(lower)[index] is None:
                merges.append(f"{get_column_letter(index + 1)}{top}:{get_column_letter(index + 1)}{top + 1}")
        shared = [index for index in range(width) if place(lower)[index] is not None]
        runs: list[list[int]] = []
        for index in shared:
            if runs and runs[-1][-1] == index - 1 and header_cells[index] == header_cells[runs[-1][0]]:
                runs[-1].append(index)
            else:
                runs.append([index])
        for run in runs:
            if len(run) > 1:
                merges.append(f"{get_column_letter(run[0] + 1)}{top}:{get_column_letter(run[-1] + 1)}{top}")
                for index in run[1:]:
                    rows[top - 1][index] = None
    by_group = {GROUPS[0]: TASKS[:2], GROUPS[1]: TASKS[2:]} if case.groups != "none" else {None: TASKS}
    for group_number, (group, tasks) in enumerate(by_group.items()):
        numeral = "一二三"[group_number]
        if case.groups in ("across", "across_numbered", "across_counted", "across_led"):  # right under the header
            text = {"across": group, "across_numbered": f"{numeral}、{group}",
                    "across_counted": f"{numeral}、{group}（{len(tasks)}项）",
                    "across_led": f"{numeral}、{GROUP_LEADS[group_number]}牵头工作（{len(tasks)}项）"}[case.groups]
            rows.append([text] + [None] * (width - 1))
            merges.append(f"A{len(rows)}:{last}{len(rows)}")
        elif case.groups == "numbered":
            rows.append(place({"序号": numeral, "具体措施": group}))
        elif case.groups == "in_task":  # the section in the task column, its number in the text, the 序号 blank
            rows.append(place({"具体措施": f"{numeral}、{group}"}))
        elif case.groups == "numbered_across":  # 序号 in its cell, the title merged across the others
            rows.append([numeral, group] + [None] * (width - 2))
            merges.append(f"B{len(rows)}:{last}{len(rows)}")
        category_start = len(rows) + 1
        for task in tasks:
            number, measure, lead, supporting, deadline, progress, cumulative = task
            values: dict[str, object] = {"序号": number, "具体措施": measure, "完成时限": deadline,
                                         "进展情况": progress, FORECAST_CAPTION: FORECASTS[TASKS.index(task)]}
            if progress_two:
                values["累计进展"] = cumulative
            if case.header == "months":  # July's report, then August's, September's left blank but for the first task
                values["进展情况"], values["8月进展"] = f"第{number}项7月已部署", progress
                values["9月进展"] = cumulative if number == "1" else None
            if case.units == "in_task":  # the units written inside the task cell, as a page's brackets give them
                roles = f"牵头单位:{'、'.join(lead)};责任单位:{'、'.join(supporting)}" if supporting else \
                    f"责任单位:{'、'.join(lead)}"
                values["具体措施"] = f"{measure}({roles})"
            elif one_cell:
                values["责任单位"] = _units_cell(case, lead, supporting)
            elif case.units == "etc_columns":  # "A等部门,B": a list closed by 等 before more bodies (官渡 2016, corpus 096)
                values["牵头单位"] = _own_lead(case, group_number, lead)
                values["配合单位"] = (f"{supporting[0]}等部门" + "".join(f",{name}" for name in supporting[1:])
                                     if supporting else None)
            else:
                values["牵头单位"] = _own_lead(case, group_number, lead)
                values["配合单位"] = "、".join(supporting) or None
            if case.groups == "category" and len(rows) + 1 == category_start:
                values["类别"] = group
            rows.append(place(values))
            if case.blanks:
                rows.append([None] * width)
        if case.groups == "category":
            letter = get_column_letter(order.index(columns.index("类别")) + 1)
            merges.append(f"{letter}{category_start}:{letter}{len(rows) - (1 if case.blanks else 0)}")
    if case.notes:
        rows.append(["注：1.本表每月25日前报送；2.进展情况请简要填写。"] + [None] * (width - 1))
        merges.append(f"A{len(rows)}:{last}{len(rows)}")
        rows.append(["填表人：王明", None, "审核人：李强", None, "联系电话：12345678"][:width] + [None] * max(0, width - 5))
    return rows, merges


def _own_lead(case: LedgerCase, group_number: int, lead: list[str]) -> str | None:
    """A task's 牵头单位 cell: blank where its group row names that very lead (groups "across_led"), else its leads."""
    if case.groups == "across_led" and lead == [GROUP_LEADS[group_number]]:
        return None
    return "、".join(lead)


def _limit_caption(case: LedgerCase) -> str:
    """The caption of the case's time column: the forecast's (time "forecast"), else the vocabulary's synonym of 完成时限
    at the case's index — but beside a forecast column (time "both") a limit's caption, never a second forecast's."""
    if case.time == "forecast":
        return FORECAST_CAPTION
    written = synonym("完成时限", case.captions * (1 + SYNONYM_FIELDS.index("完成时限")))
    return "完成时限" if case.time == "both" and written.startswith("预计") else written


def ledger_file(case: LedgerCase) -> tuple[bytes, str]:
    """The bytes of ``case``'s work ledger and a file name of its format (CSV keeps each merge's first cell only)."""
    rows, merges = ledger_grid(case)
    if case.format == "xlsx":
        return xlsx_bytes(rows, merges), "台账.xlsx"
    text = io.StringIO(newline="")
    csv.writer(text).writerows([["" if value is None else value for value in row] for row in rows])
    if case.format == "csv_bom":
        return b"\xef\xbb\xbf" + text.getvalue().encode("utf-8"), "台账.csv"
    return text.getvalue().encode("gb18030"), "台账.csv"


def ledger_expected(case: LedgerCase) -> list[tuple]:
    """What the reader must give for ``case``'s tasks, in sheet order: (heading, measure, lead units, supporting units,
    deadline, forecast, progress); the deadline as written under a limit's caption, none under a forecast's (a caption
    opening with 预计, the case's own or the vocabulary's synonym), whose text is kept as written (the row's extra); the heading is the task's group title (None without groups); progress written in two columns is
    "本月：…\\n累计：…", or the one filled part as written (the reader's rule for a caption over its parts)."""
    expected = []
    limit_caption = _limit_caption(case)
    for index, (number, measure, lead, supporting, deadline, progress, cumulative) in enumerate(TASKS):
        group = None if case.groups == "none" else GROUPS[index // 2]
        if case.groups == "across_led":
            group = f"{GROUP_LEADS[index // 2]}牵头工作"  # the title without its count
        if case.header == "months":
            text = cumulative if number == "1" else (progress or f"第{number}项7月已部署")  # the newest written
        elif case.header in ("progress_over", "both_over"):
            parts = [(label, part) for label, part in (("本月", progress), ("累计", cumulative)) if part]
            text = parts[0][1] if len(parts) == 1 else "\n".join(f"{label}：{part}" for label, part in parts) or None
        else:
            text = progress
        forecast = deadline if limit_caption.startswith("预计") else FORECASTS[index] if case.time == "both" else None
        deadline = None if limit_caption.startswith("预计") else deadline
        expected.append((group, measure, lead, supporting, deadline, forecast, text))
    return expected


def ledger_found(result) -> list[tuple]:
    """The same tuple as ``ledger_expected`` from a LedgerReadResult, task rows only."""
    return [(row.heading or None, row.measure, row.lead_units, row.supporting_units, row.deadline,
             next((text for caption, text in row.extra.items() if caption.startswith("预计")), None), row.progress)
            for row in result.rows if not row.is_group_row]


# ---------------------------------------------------------------------------------------------------------------
# Indicator tables

INDICATOR_DIMENSIONS: dict[str, tuple] = {
    "period": ("title_range", "title_chinese", "title_as_of", "title_half", "note", "note_below", "sheet_name",
               "sheet_half", "signature", "caption",
               # the month alone, the year in the title: on a line under it ("（截至6月底）") or in the note under the
               # table ("注：表中数据截至6月底。"): 江门 2018, a city's 2016 重点项目 (ledger corpus 202, 203; ledgers43)
               "as_of_line", "note_month",
               # the year and the month only in the figure column's caption, the title naming neither ("2025年6月末贷款
               # 余额", or "2025年6月末余额" under "各项贷款"): 湖南 2016 (ledger corpus 217's kind; branch ledgers45)
               "caption_dated"),
    "entity": ("机构名称", "单位", "地区", "银行", "县市区", "险种", "县（市、区）", "银行名称", "金融机构", "分组"),
    "header": ("one", "two_rows"),
    "numbers": ("figures", "texts"),
    "numbered": (False, True),
    "unit": ("caption_wan", "line_yi", "caption_yi"),
    "extra": ("none", "yoy", "share", "both"),
    "total": ("none", "first", "last"),
    "breakdown": (False, True),
    "sections": (False, True),  # a grouping's heading row ("按机构类型分") over the rows (中山 2023, corpus 097)
    "format": ("xlsx", "csv_bom"),
}

#: The period every indicator case names, however it writes it.
INDICATOR_PERIOD = "2025-06"
INDICATOR_NAME = "各项贷款余额"
ENTITIES = {"机构名称": ("工商银行", "农业银行", "建设银行"), "单位": ("市农商行", "市村镇银行", "市小贷公司"),
            "地区": ("江北区", "渝中区", "南岸区"), "银行": ("工商银行", "农业银行", "中国银行"),
            "县市区": ("万州区", "涪陵区", "綦江区"), "险种": ("财产险", "寿险", "健康险"),
            "县（市、区）": ("万州区", "黔江区", "城口县"), "银行名称": ("交通银行", "招商银行", "重庆银行"),
            "金融机构": ("工商银行", "重庆农商行", "三峡银行"), "分组": ("制造业", "建筑业", "批发和零售业")}
FIGURES = (1200.5, 860.25, 430.0)


@dataclass(frozen=True)
class IndicatorCase:
    """One combination of the indicator-table dimensions (``INDICATOR_DIMENSIONS``)."""

    period: str = "title_range"
    entity: str = "机构名称"
    unit: str = "caption_wan"
    extra: str = "none"
    total: str = "none"
    breakdown: bool = False
    sections: bool = False
    header: str = "one"
    numbers: str = "figures"
    numbered: bool = False
    format: str = "xlsx"

    def label(self) -> str:
        """The case as one line ("period=note entity=地区 …")."""
        return " ".join(f"{f.name}={getattr(self, f.name)}" for f in fields(self))


def indicator_grid(case: IndicatorCase) -> tuple[list[list], str | None, list[str]]:
    """The rows of ``case``'s indicator table, its sheet name (None: the default) and its merged ranges."""
    titles = {"title_range": "2025年1-6月全市金融机构贷款情况表", "title_chinese": "二〇二五年六月全市金融机构贷款情况表",
              "title_as_of": "截至2025年6月末全市金融机构贷款情况表", "title_half": "2025年上半年全市金融机构贷款情况表"}
    title = titles.get(case.period, "全市金融机构贷款情况表" if case.period == "caption_dated" else "2025年全市金融机构贷款情况表")
    dated = "2025年" if case.period == "caption_dated" else ""
    rows: list[list] = [[title]]
    if case.period == "note":
        rows.append(["（数据截至2025年6月30日）"])
    if case.period == "as_of_line":
        rows.append(["（截至6月底）"])
    if case.unit == "line_yi":
        rows.append([None, "单位：亿元"])
    unit_text = {"caption_wan": "（万元）", "caption_yi": "（亿元）", "line_yi": ""}[case.unit]
    extras = (["同比增长（%）"] if case.extra in ("yoy", "both") else []) + (["占比（%）"] if case.extra in ("share", "both") else [])
    lead = ["序号"] if case.numbered else []
    merges = []
    if case.header == "two_rows":  # "各项贷款" over "余额 | 同比增长 | 占比", the entity caption merged down
        rows.append([*lead, case.entity, "各项贷款"] + [None] * len(extras))
        top, at = len(rows), len(lead) + 1
        merges += [f"{get_column_letter(column)}{top}:{get_column_letter(column)}{top + 1}" for column in range(1, at + 1)]
        if extras:
            merges.append(f"{get_column_letter(at + 1)}{top}:{get_column_letter(at + 1 + len(extras))}{top}")
        rows.append([*[None] * len(lead), None, (f"{dated}6月末余额" if case.period in ("caption", "caption_dated")
                                                  else "余额") + unit_text, *extras])
    else:
        value_caption = (f"{dated}6月末贷款余额" if case.period in ("caption", "caption_dated")
                         else INDICATOR_NAME) + unit_text
        rows.append([*lead, case.entity, value_caption, *extras])
    names = ENTITIES[case.entity]

    def line(number, name: str, figure: float, index: int) -> list:
        extra = {"yoy": [8.5 + index], "share": [30.0 - index], "both": [8.5 + index, 30.0 - index], "none": []}
        written = f"{figure:,.2f}" if case.numbers == "texts" else figure  # "1,200.50" as text, as some tools save it
        return [*([number] if case.numbered else []), name, written, *extra[case.extra]]

    body = [line(index + 1, name, figure, index) for index, (name, figure) in enumerate(zip(names, FIGURES))]
    if case.breakdown:
        body.insert(1, line(None, f"其中：{names[0]}普惠金融部", 300.0, 9))
    if case.sections:
        body.insert(0, [*([None] if case.numbered else []), "按机构类型分"] + [None] * (1 + len(extras)))
    total = line(None, "合计", sum(FIGURES), 0)
    rows += ([total] if case.total == "first" else []) + body + ([total] if case.total == "last" else [])
    if case.period == "signature":
        rows += [[None], [None, "填报日期：2025年6月30日"]]
    if case.period == "note_below":
        rows += [["注：数据截至2025年6月末。"]]
    if case.period == "note_month":
        rows += [["注：表中数据截至6月底。"]]
    return rows, {"sheet_name": "2025年6月", "sheet_half": "2025年上半年"}.get(case.period), merges


def indicator_file(case: IndicatorCase) -> tuple[bytes, str]:
    """The bytes of ``case``'s indicator table and its file name."""
    rows, sheet_name, merges = indicator_grid(case)
    if case.format == "xlsx":
        from tests.helpers.xlsx import xlsx_bytes

        return xlsx_bytes(rows, merges, sheet_name), "贷款.xlsx"
    text = io.StringIO(newline="")
    csv.writer(text).writerows([["" if value is None else value for value in row] for row in rows])
    return b"\xef\xbb\xbf" + text.getvalue().encode("utf-8"), "贷款.csv"


def indicator_expected(case: IndicatorCase) -> list[tuple[str, float]]:
    """The rows the reader must give: each entity's 各项贷款余额 in 万元, the 其中 breakdown included (an institution's
    part is a row of its own), the total never."""
    scale = 1.0 if case.unit == "caption_wan" else 1e4
    names = ENTITIES[case.entity]
    expected = [(name, figure * scale) for name, figure in zip(names, FIGURES)]
    if case.breakdown:
        expected.insert(1, (f"{names[0]}普惠金融部", 300.0 * scale))
    return expected


def indicator_file_for_sheet_name_in_csv(case: IndicatorCase) -> bool:
    """A CSV has no sheet name: that combination is not a layout an office can send."""
    return case.format != "xlsx" and case.period in ("sheet_name", "sheet_half")


def known_limit(case: LedgerCase) -> str | None:
    """Why the reader is not expected to read ``case`` as built (None: it is). A CSV keeps no merges: a group's title
    that stood merged across the columns right of its 序号 lands in whatever column comes second, a unit or a deadline
    column once the columns are shuffled, and nothing tells it from a task's cell."""
    if case.format != "xlsx" and case.groups == "numbered_across" and case.order == "shuffled":
        return "CSV 中合并单元格丢失，组标题落在非“具体措施”列"
    return None


# ---------------------------------------------------------------------------------------------------------------
# The matrix

INDICATORS = [IndicatorColumn(INDICATOR_NAME, "万元")]


def matrix_cases(dimensions: dict[str, tuple], plain, sample: int = 0, seed: int = 40) -> list:
    """The plain case, every change of one dimension and of two dimensions together (the others plain), and ``sample``
    combinations drawn from the whole product (seeded), each once, in a stable order."""
    found = {plain}
    names = list(dimensions)
    for name in names:
        found.update(replace(plain, **{name: value}) for value in dimensions[name])
    for first, second in itertools.combinations(names, 2):
        found.update(replace(plain, **{first: a, second: b})
                     for a, b in itertools.product(dimensions[first], dimensions[second]))
    chance = random.Random(seed)
    for _ in range(sample):
        found.add(replace(plain, **{name: chance.choice(values) for name, values in dimensions.items()}))
    return sorted(found, key=lambda case: case.label())


def _refusal_outcome(refused: LedgerRefused, sheet_words: tuple[str, ...]) -> str:
    """"refused" for a refusal that is one Chinese message naming where (the sheet or file), else "bad refusal: …"."""
    message = str(refused)
    if any(word in message for word in sheet_words) and "Traceback" not in message:
        return "refused"
    return f"bad refusal: {message[:200]}"


def ledger_outcome(case: LedgerCase) -> str:
    """"ok" when the reader gives ``case``'s rows as built; "refused" for a LedgerRefused naming the sheet; "wrong: …"
    with the first differing row, or "crash: …" for any other exception."""
    data, name = ledger_file(case)
    try:
        result = read_ledger(data, name)
    except LedgerRefused as refused:
        return _refusal_outcome(refused, ("工作表", name))
    except Exception as error:  # noqa: BLE001 - a crash is what the matrix counts
        return f"crash: {type(error).__name__}: {error}"
    found, expected = ledger_found(result), ledger_expected(case)
    if found == expected:
        return "ok"
    first = next((pair for pair in zip(found, expected) if pair[0] != pair[1]), None)
    return f"wrong: {len(found)} rows for {len(expected)}; first difference {first!r}"


def indicator_outcome(case: IndicatorCase) -> str:
    """"ok" when the table's period is 2025-06 and its rows are ``indicator_expected``; else as ``ledger_outcome``."""
    data, name = indicator_file(case)
    try:
        table = read_table(data, name, INDICATORS)
    except LedgerRefused as refused:
        return _refusal_outcome(refused, (name,))
    except Exception as error:  # noqa: BLE001
        return f"crash: {type(error).__name__}: {error}"
    found = [(row.entity, row.values.get(INDICATOR_NAME)) for row in table.rows]
    if table.period != INDICATOR_PERIOD:
        return f"wrong period {table.period}"
    return "ok" if found == indicator_expected(case) else f"wrong: {found!r}"
