"""Write the development files 096–099 of the ledger corpus (branch ledgers42) from the documents' rows.

Each ``NNN_name.json`` beside this script holds one real public document's rows or figures as its page gives them (the
``made_from`` address says where); the function of the same number below lays them out as an office sends them: a
督办台账 whose supporting units are captioned 协办单位 and whose deadline is a 时间节点, with 进展情况 merged over one
column per quarter; an indicator table with a two-row header (the indicator merged over its month's figure and its
growth) and section rows; one county's indicators with each indicator's cell merged down over its 总量 and 同比增长
rows and the period only in the sheet's name; a 任务清单 captioned 牵头部门 | 参与单位 | 完成时间 with 推进情况 merged over one
column per month. The gold files are typed by hand from the documents, not from what this
script writes. Run from anywhere:  python tests/ledgers/src/build42.py
"""
from __future__ import annotations

from build import BOLD, CENTER, _book, _header, _load, _right, _row, _save, _title, _widths, _body, run_builds


def _two_row_header(sheet, row: int, captions: list, subcaptions: list) -> None:
    """``captions`` on ``row`` (None continues the caption before it across), ``subcaptions`` on the row under it from
    the first merged caption on; every caption without sub-captions is merged down over both rows."""
    _header(sheet, row, [c if c is not None else "" for c in captions])
    first_sub = next(i for i, c in enumerate(captions) if c is not None and i + 1 < len(captions) and captions[i + 1] is None)
    for column, caption in enumerate(captions[:first_sub], start=1):
        sheet.merge_cells(start_row=row, start_column=column, end_row=row + 1, end_column=column)
    sheet.merge_cells(start_row=row, start_column=first_sub + 1, end_row=row, end_column=len(captions))
    for offset, caption in enumerate(subcaptions):
        cell = sheet.cell(row=row + 1, column=first_sub + 1 + offset, value=caption)
        cell.font, cell.alignment = BOLD, CENTER


def build_096() -> None:
    """昆明官渡区 2016 稳增长促发展政策措施 as a 督办台账: group rows `一、…` merged across, tasks numbered 1–4 straight on,
    `牵头单位 | 协办单位 | 时间节点`, 进展情况 merged over four empty quarters, a 注 line."""
    doc = _load("096_guandu_2016_wenzengzhang")
    book, sheet = _book("督办台账")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _two_row_header(sheet, 2, doc["header"], doc["subheader"])
    row = _body(sheet, 4, doc["rows"], columns)
    sheet.cell(row=row, column=1, value=doc["note"])
    _widths(sheet, [6, 60, 14, 30, 10, 12, 12, 12, 12])
    _save(book, "096_guandu_2016_wenzengzhang.xlsx")


def build_097() -> None:
    """中山 2023 规模以上工业增加值 by 门类 and 经济类型, from the 统计局's report: the year in the title and the months
    in a sub-caption (`1-12月（亿元）`) under the indicator merged over its two columns, the city's whole first (`全市`),
    section rows (`按门类分`, `按经济类型分`), a negative growth, a 资料来源 line."""
    doc = _load("097_zhongshan_2023_12_gongye")
    book, sheet = _book("Sheet1")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _two_row_header(sheet, 2, doc["header"], doc["subheader"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 4 + offset, values)
    sheet.cell(row=4 + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, [34, 16, 14])
    _save(book, "097_zhongshan_2023_12_gongye.xlsx")


def build_098() -> None:
    """垫江县 2023 一季度 主要经济指标, from the 县统计局's report: the period only in the sheet's name, the county named in
    a title without a period, each indicator's cell merged down over its `总量` and `同比增长` rows (`指标 | 项目 | 单位 |
    数值`), one indicator with a growth only, a 资料来源 line."""
    doc = _load("098_dianjiang_2023_q1_jingji")
    book, sheet = _book(doc["sheet"])
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _header(sheet, 2, doc["header"])
    first = 3
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, first + offset, values)
    for offset, values in enumerate(doc["rows"]):
        if values[0] is not None and offset + 1 < len(doc["rows"]) and doc["rows"][offset + 1][0] is None:
            sheet.merge_cells(start_row=first + offset, start_column=1, end_row=first + offset + 1, end_column=1)
            sheet.cell(row=first + offset, column=1).alignment = CENTER
    sheet.cell(row=first + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, [22, 12, 8, 12])
    _save(book, "098_dianjiang_2023_q1_jingji.xlsx")


def build_099() -> None:
    """杭州 2015 推进“互联网+”行动 实施意见 (征求意见稿) as a 任务清单: a group row `(一)“互联网+”创业创新` merged across,
    `牵头部门 | 参与单位 | 完成时间` (the page's 牵头单位 / 配合单位 as the office captions them), 推进情况 merged over one
    empty column per month, a 注 line."""
    doc = _load("099_hangzhou_2015_hulianwang")
    book, sheet = _book("任务清单")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _two_row_header(sheet, 2, doc["header"], doc["subheader"])
    row = _body(sheet, 4, doc["rows"], columns)
    sheet.cell(row=row, column=1, value=doc["note"])
    _widths(sheet, [6, 60, 12, 14, 10, 12, 12, 12])
    _save(book, "099_hangzhou_2015_hulianwang.xlsx")


if __name__ == "__main__":
    run_builds(globals())
