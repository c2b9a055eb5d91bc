"""Write the development files 088– of the ledger corpus (branch ledgers40) from the documents' rows.

Each ``NNN_name.json`` beside this script holds one real public document's rows as its stored copy writes them (the
``made_from`` address says where); the function of the same number below lays them out as an office sends a work
ledger or an indicator table (shapes the development part had least: a period written only in the sheet's name and
a note, the month's rate beside the year's; one place's figures by kind with the month's and the year-to-date's
columns side by side). 082 and 090 were made and dropped after their first run: their pages are held-out files' (the
made_from guard of tests/unit/test_ledger_quality.py); nothing was changed for them and their numbers are left
unused. 091 and 092 (two stored pages of 咸宁's 2023 责任分解) give a unit cell with both roles on lines of their own, and
the same annotation left inside the task cell of a CSV. The gold files are typed by hand from the documents, not from
what this script writes. Run from anywhere:  python tests/ledgers/src/build40.py
"""
from __future__ import annotations

import csv
import io

from openpyxl.styles import Alignment

from build import CENTER, OUT, WRAP, _body, _book, _header, _load, _row, _save, _title, _widths, run_builds


def build_088() -> None:
    """湖南 市州 规模以上工业增加值 growth rates, as a 统计局 page gives them for November 2017: the period in the
    sheet's name only (`2017年11月`) and in the note's words (`11月当月` / `1-11月累计`), a title without it, `市州` merged
    down two header rows beside `增长速度` over `比上年同月(%) | 比上年同期(%)` (the month's rate and the year's side by
    side), the province's `全 省` first with a space, no unit line."""
    doc = _load("088_hunan_2017_11_gongye")
    book, sheet = _book(doc["sheet"])
    _title(sheet, 1, doc["title"], 3, size=14)
    _header(sheet, 2, [doc["header"][0], doc["header"][1]])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:C2")
    _header(sheet, 3, [None, *doc["sub_header"]])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 4 + offset, values)
        for column in (2, 3):
            sheet.cell(row=4 + offset, column=column).number_format = "0.0"
    sheet.cell(row=4 + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, [14, 16, 16])
    _save(book, "088_hunan_2017_11_gongye.xlsx")


def build_089() -> None:
    """上海 社会消费品零售总额 for March 2023 as the 市统计局's page gives it, in the stored copy's traditional
    characters: the month on a line of its own under the title, `指標 | 本月 | 比去年同月增長(%) | 1-本月 |
    比去年同期增長(%)` (the month's figure and the year-to-date's side by side, each with its rate), the indicator's row
    with its unit in brackets and two breakdowns under it, each opened by `#` and indented, a source line."""
    doc = _load("089_shanghai_2023_03_shehuixiaofei")
    book, sheet = _book(doc["sheet"])
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    sheet["A2"] = doc["period_line"]
    sheet["A2"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=columns)
    _header(sheet, 3, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 4 + offset, values)
    sheet.cell(row=4 + len(doc["rows"]), column=1, value=doc["source_line"])
    _widths(sheet, [28, 12, 18, 12, 18])
    _save(book, "089_shanghai_2023_03_shehuixiaofei.xlsx")


def build_091() -> None:
    """咸宁 2023 市《政府工作报告》目标任务责任分解 (tasks 52–60: task 61's units are cut in the stored copy) as a 督查室
    tabulates it: the page's bracketed annotation in one 责任单位 cell, each role on a line of its own (`牵头单位:A` over
    `责任单位:B,C`), a numbered section `(四)…` and an unnumbered sub-heading `办好人民满意教育。` as group rows merged
    across, an empty 完成情况 column."""
    doc = _load("091_xianning_2023_fenjie_jiaoyu")
    book, sheet = _book("责任分解")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _header(sheet, 2, doc["header"])
    last = _body(sheet, 3, doc["rows"], columns)
    for row in range(3, last):
        sheet.cell(row=row, column=3).alignment = WRAP
    _widths(sheet, [6, 50, 40, 20])
    _save(book, "091_xianning_2023_fenjie_jiaoyu.xlsx")


def build_092() -> None:
    """咸宁 2023 责任分解, tasks 123–129 of the next stored page, as a CSV saved by Excel in GB18030: the title on a line
    of its own, each task's annotation left inside its 目标任务 cell as the page writes it (`…。(牵头单位:A;责任单位:B,C)`,
    `(责任单位:A)` alone), no unit column, the section `(七)…` and two unnumbered sub-headings in the first cell."""
    doc = _load("092_xianning_2023_fenjie_minsheng")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([doc["title"], "", ""])
    writer.writerow(doc["header"])
    for values in doc["rows"]:
        writer.writerow([values["group"], "", ""] if isinstance(values, dict) else [*values, ""])
    (OUT / "092_xianning_2023_fenjie_minsheng.csv").write_bytes(buffer.getvalue().encode("gb18030"))


if __name__ == "__main__":
    run_builds(globals())
