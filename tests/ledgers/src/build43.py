"""Write the development files 200–204 of the ledger corpus (branch ledgers43) from the documents' rows.

Each ``NNN_name.json`` beside this script holds one real public document's rows or figures as its page gives them (the
``made_from`` address says where); the function of the same number below lays them out as an office sends them: one
district's main indicators with the months only in a caption merged over its two columns (`1-9月` over `绝对值 | 同比增长`)
and the year only in the title; a zone's indicators with `本月` and `累计` each merged over their two columns and the month
only in the sheet's name; projects by kind under a title naming only the year, the month on a `（截至6月底）` line under
it; projects by stage with the month only in the note under the table; a 责任清单 sent out to be filled, with 推进情况
merged over one empty column per month. The gold files are typed by hand from the documents, not from what this script
writes. Run from anywhere:  python tests/ledgers/src/build43.py
"""
from __future__ import annotations

from build import BOLD, CENTER, titled_ledger, _body, _book, _header, _load, _right, _row, _save, _title, _widths, run_builds


def _merged_header(sheet, row: int, captions: list, subcaptions: list) -> None:
    """``captions`` on ``row`` (None continues the caption before it across), ``subcaptions`` on the row under it, one
    for each column a caption spans; a caption spanning one column alone is merged down over both rows."""
    _header(sheet, row, [c if c is not None else "" for c in captions])
    spans = []
    for index, caption in enumerate(captions, start=1):
        if caption is not None:
            spans.append([index, index])
        else:
            spans[-1][1] = index
    sub = iter(subcaptions)
    for first, last in spans:
        if first == last:
            sheet.merge_cells(start_row=row, start_column=first, end_row=row + 1, end_column=first)
            continue
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        for column in range(first, last + 1):
            cell = sheet.cell(row=row + 1, column=column, value=next(sub))
            cell.font, cell.alignment = BOLD, CENTER


def build_200() -> None:
    """涪陵区 2025 主要经济指标, from the 区统计局's report of 前三季度: the year only in the title, the months only in the
    caption `1-9月` merged over `绝对值 | 同比增长（%）`, each row's unit beside it, the three industries indented under
    地区生产总值, `—` where the report gives a growth alone, a 注 line."""
    doc = _load("200_fuling_2025_09_jingji")
    book, sheet = _book("Sheet1")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _merged_header(sheet, 2, doc["header"], doc["subheader"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 4 + offset, values)
    sheet.cell(row=4 + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, [24, 8, 14, 14])
    _save(book, "200_fuling_2025_09_jingji.xlsx")


def build_201() -> None:
    """杨凌示范区 主要经济指标, October 2023, from the 示范区统计局's report: the period only in the sheet's name, `本月` and
    `累计` each merged over `绝对值 | 增长（%）`, growths alone with `—` beside them, a 资料来源 line."""
    doc = _load("201_yangling_2023_10_jingji")
    book, sheet = _book(doc["sheet"])
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _merged_header(sheet, 2, doc["header"], doc["subheader"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 4 + offset, values)
    sheet.cell(row=4 + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, [36, 8, 10, 10, 10, 10])
    _save(book, "201_yangling_2023_10_jingji.xlsx")


def build_202() -> None:
    """江门 2018 重点建设项目 by kind, from a news report of the 发改局's figures: a title naming the year alone, the month
    on a `（截至6月底）` line under it, `单位：个、亿元、%` at the right, the 合计 row first, `—` where the report gives no
    figure, a 注 line with the kinds' breakdown in the report's words and a 资料来源 line."""
    doc = _load("202_jiangmen_2018_06_zhongdianxiangmu")
    book, sheet = _book("Sheet1")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    sheet.cell(row=2, column=1, value=doc["dateline"]).alignment = CENTER
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=columns)
    _right(sheet, f"{chr(64 + columns)}3", doc["unit_line"])
    _header(sheet, 4, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 5 + offset, values)
    for offset, note in enumerate(doc["notes"]):
        sheet.cell(row=5 + len(doc["rows"]) + offset, column=1, value=note)
    _widths(sheet, [18, 12, 18, 18, 14])
    _save(book, "202_jiangmen_2018_06_zhongdianxiangmu.xlsx")


def build_203() -> None:
    """A city's 2016 市重点项目 by stage (新开工, 计划投产), from its 发改局's report of 1-10月: a title naming the year
    alone, the month only in the note under the table (`注：表中数据截至10月底。…`)."""
    doc = _load("203_shi_2016_10_zhongdianxiangmu")
    book, sheet = _book("Sheet1")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _header(sheet, 2, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 3 + offset, values)
    sheet.cell(row=3 + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, [16, 12, 18, 16])
    _save(book, "203_shi_2016_10_zhongdianxiangmu.xlsx")


def build_204() -> None:
    """霍山 经济开发区 2025 重点工作及责任清单 as the 督查 office sends it out to be filled: `序号 | 重点工作 | 责任领导 |
    责任单位 | 完成时限`, 推进情况 merged over one empty column per month, a 注 line."""
    doc = _load("204_huoshan_2025_kaifaqu_zeren")
    book, sheet = _book("责任清单")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _merged_header(sheet, 2, doc["header"], doc["subheader"])
    row = _body(sheet, 4, doc["rows"], columns)
    sheet.cell(row=row, column=1, value=doc["note"])
    _widths(sheet, [6, 60, 10, 24, 10, 12, 12, 12])
    _save(book, "204_huoshan_2025_kaifaqu_zeren.xlsx")


def build_206() -> None:
    """霍邱县 2025 县政府重点工作任务 一季度完成情况, in the stored copy's traditional characters (its pinyin glosses left
    out): `序號 | 重點工作任務 | 牽頭責任單位 | 一季度完成情況`, two units in one cell, the progress written row by row, a 來源
    line under the table."""
    titled_ledger("206_huoqiu_2025_q1_wancheng", [6, 40, 18, 60], note_key="source_line")


def build_207() -> None:
    """沁县 2025 县政府工作报告任务清单 as the 政府办 sends it out to be filled: the tasks grouped by the body that leads
    them, the group row `一、县示范区管委会牵头工作(8项)` merged across and no unit column, 进展情况 merged over one empty
    column per month, a 注 line."""
    doc = _load("207_qinxian_2025_renwu")
    book, sheet = _book("任务清单")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _merged_header(sheet, 2, doc["header"], doc["subheader"])
    row = _body(sheet, 4, doc["rows"], columns)
    sheet.cell(row=row, column=1, value=doc["note"])
    _widths(sheet, [6, 60, 12, 12, 12])
    _save(book, "207_qinxian_2025_renwu.xlsx")


if __name__ == "__main__":
    run_builds(globals())
