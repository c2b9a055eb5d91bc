"""Write the development files 222–227 of the ledger corpus (branch indicators47) from the documents' figures.

Each ``NNN_name.json`` beside this script holds one real public document's figures as its page gives them (the
``made_from`` address says where); ``_ranked`` lays them out as the office that ranks them sends the table: a title,
lines under it (an 附表 line, the office and the date of issue, the year's plan), the captions (a blank one beside 序号
where the stored copy lost it), the rows as the page writes them (percentages with `%`, `/` where there is no figure,
a 合计 / 小计 / 总计 row), lines under the table, and the sheet's own name (`2016年`, `2023年第5期`, `附表3`).
Kinds asked for: tables ranked by something other than an institution (funds by county, a hotline's units, key
projects by stage, towns' 考评 results), periods written other ways, figures written other ways.
The gold files are typed by hand from the documents, not from what this script writes.
Run from anywhere:  python tests/ledgers/src/build47.py
"""
from __future__ import annotations

from openpyxl.styles import Alignment

from build import _book, _header, _load, _row, _save, _title, _widths, run_builds


def _ranked(stem: str, widths: list[float]) -> None:
    """Sheet ``doc["sheet"]``: the title merged across, each of ``doc["lines"]`` on a row of its own, the captions
    (None: a blank caption), the rows (figures at the right), each of ``doc["notes"]`` on a row under the table."""
    doc = _load(stem)
    book, sheet = _book(doc["sheet"])
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    row = 2
    for line in doc["lines"]:
        sheet.cell(row=row, column=1, value=line)
        row += 1
    _header(sheet, row, [caption or "" for caption in doc["header"]])
    row += 1
    for values in doc["rows"]:
        _row(sheet, row, values)
        for column in range(2, columns + 1):
            sheet.cell(row=row, column=column).alignment = Alignment(horizontal="right")
        row += 1
    for note in doc["notes"]:
        sheet.cell(row=row, column=1, value=note)
        row += 1
    _widths(sheet, widths)
    _save(book, f"{stem}.xlsx")


def build_222() -> None:
    """福州's 中央直达资金 paid out to the end of April 2021, the bodies below the province's pace: sheet `附表3`, the
    title naming the months, an 附表 line, `序号 | (blank) | 中央直达资金支付率` with every rate written with `%`, the
    city's whole first without a 序号 (`全市`), a 注 line."""
    _ranked("222_fuzhou_2021_04_zhida", [6, 14, 20])


def build_223() -> None:
    """宜春 12345 hotline's cases sent to the responsible bodies in May 2023: sheet `2023年第5期`, a title naming the month
    without the year (`5月份…`), the office and the date of issue on the line under it, `责任单位 | 转派工单 | 占比 | 同比
    | 环比` with `%` and `/`, a 总计 row last, a 注 line."""
    _ranked("223_yichun_2023_05_12345", [22, 12, 10, 10, 10])


def build_224() -> None:
    """A city's 12345 hotline, the five bodies that took most valid cases in December 2016: sheet `2016年` (the page's
    address dates it 2017-01-18), a title naming the month alone, `排名 | 单位 | 受理有效事项（宗）`, a 注 line."""
    _ranked("224_rexian_2016_12_shouli", [8, 16, 20])


def build_225() -> None:
    """常州's key industrial projects in 2018's first quarter: `项目 | 项目数（个） | 完成投资（亿元） | 完成年度投资计划（%）`,
    the quarter only in the title, the city's new and continued projects in a 注 line."""
    _ranked("225_changzhou_2018_q1_gongye", [20, 14, 16, 22])


def build_226() -> None:
    """翔安区's first round of 2021 (1-2月) 村容村貌 ratings by town: `序号 | (blank) | 村(居)(个) | 优(个) | …` (the stored
    copy lost the towns' caption), a 小计 row without a 序号, the office and date under the table."""
    _ranked("226_xiangan_2021_02_kaoping", [6, 12, 12, 10, 10, 10, 12])


def build_227() -> None:
    """汉中's city key projects of 2020's first half: a title naming only `上半年`, the year in the line under it (the
    year's plan), `项目类别 | 项目数（个） | 完成投资（亿元） | 占年计划（%）`, the 合计 row first, a 注 line."""
    _ranked("227_hanzhong_2020_h1_zhongdian", [16, 14, 16, 14])


if __name__ == "__main__":
    run_builds(globals())
