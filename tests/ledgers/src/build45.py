"""Write the development files 214–218 of the ledger corpus (branch ledgers45) from the documents' rows.

Each ``NNN_name.json`` beside this script holds one real public document's rows or figures as its page gives them (the
``made_from`` address says where); the function of the same number below lays them out as an office sends them: a
county's 督办台账 of the tasks a 推进会 assigned, grouped under the page's own two kinds of land (`一` / `二` rows, the
numbers restarting), both roles in one 责任单位 cell on lines of their own (`牵头：A` over `配合：B、C`) beside a column of
the leader who assigned them; a 县长办公会议's 议定事项 with `承办单位 | 协办单位`, units on lines of one cell; a province's
deposits and loans with thousands separators written as text, the unit line at the right and the month only in the 注
line under the table (`数据截至2018年9月末`); a province's figures with the month only in the figure column's caption
(`2016年6月末`) and each row's unit in its own cell, 萬億元 beside 億元; a city's indicators under a two-row header, the
period merged over `累计 | 同比增长（%）`, `-` where the report gives a growth alone. The gold files are typed by hand
from the documents, not from what this script writes.
Run from anywhere:  python tests/ledgers/src/build45.py
"""
from __future__ import annotations

from openpyxl.styles import Alignment

from build import titled_ledger, _body, _book, _header, _load, _right, _row, _save, _title, _widths, run_builds


def _figures(stem: str, widths: list[float]) -> None:
    """A title merged across; the unit line at the right where the table has one; the header (one row, or two with the
    captions of one row merged down and a caption merged across the blanks beside it); the rows; a note line."""
    doc = _load(stem)
    book, sheet = _book("Sheet1")
    header = doc["header"] if isinstance(doc["header"][0], list) else [doc["header"]]
    columns = len(header[0])
    _title(sheet, 1, doc["title"], columns, size=14)
    row = 2
    if doc.get("unit_line"):
        _right(sheet, f"{chr(64 + columns)}2", doc["unit_line"])
        row = 3
    for offset, captions in enumerate(header):
        _header(sheet, row + offset, [caption or "" for caption in captions])
    if len(header) == 2:
        for column, (top, under) in enumerate(zip(*header), start=1):
            if top and not under:
                sheet.merge_cells(start_row=row, start_column=column, end_row=row + 1, end_column=column)
            if top and column < columns and header[0][column] is None:
                sheet.merge_cells(start_row=row, start_column=column, end_row=row, end_column=column + 1)
    row += len(header)
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, row + offset, values)
        for column in range(2, columns + 1):
            sheet.cell(row=row + offset, column=column).alignment = Alignment(horizontal="right")
    sheet.cell(row=row + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, widths)
    _save(book, f"{stem}.xlsx")


def build_214() -> None:
    """师宗县's 2022 批而未供和闲置土地处置 tasks as its 督查室 lays them out: `序号 | 工作任务 | 交办领导 | 责任单位 | 完成时限 |
    进展情况`, the page's two kinds of land as group rows `一` / `二` (序号 | title merged across) with the numbers
    restarting, each 责任单位 cell `牵头：A` over `配合：B、C`, the 县长 who assigned them in 交办领导, 进展情况 empty."""
    titled_ledger("214_shizong_2022_pieryiwei", [6, 40, 10, 34, 10, 20])


def build_215() -> None:
    """太白县's 2021 第6次县长办公会议 as a 督办台账: `序号 | 议题 | 议定事项 | 承办单位 | 协办单位 | 办理情况`, the topic heard
    beside what the meeting decided, two 承办单位 or 协办单位 on lines of one cell, 办理情况 empty."""
    titled_ledger("215_taibai_2021_xianzhangbangonghui", [6, 22, 50, 14, 14, 20])


def build_216() -> None:
    """湖南's deposits and loans at the end of September 2018: `单位：亿元、%` at the right, `指标 | 余额 | 同比增长（%） |
    1-9月新增`, balances written with thousands separators as text, `—` and `-` cells, the month only in the 注 line."""
    _figures("216_hunan_2018_09_cundai", [28, 14, 14, 14])


def build_217() -> None:
    """湖南's deposits at the end of June 2016 in the stored copy's traditional characters: `項目 | 單位 | 2016年6月末`,
    the month only in the figure column's caption, 萬億元 beside 億元 row by row, a 來源 line."""
    _figures("217_hunan_2016_06_cunkuan", [28, 10, 16])


def build_218() -> None:
    """盖州市's indicators of 2024: `指标 | 单位` merged down beside `2024年1-12月` merged over `累计 | 同比增长（%）`,
    thousands separators in text, `-` where the report gives a growth alone, a 资料来源 line."""
    _figures("218_gaizhou_2024_12_jingji", [24, 10, 14, 14])


if __name__ == "__main__":
    run_builds(globals())
