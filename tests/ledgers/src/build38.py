"""Write the development files 074– of the ledger corpus (branch ledgers38) from the documents' rows.

Each ``NNN_name.json`` beside this script holds one real public document's rows as its stored copy writes them (the
``made_from`` address says where); the function of the same number below lays them out as an office sends a work
ledger or an indicator table (places and layouts the development part had least: 宁波's counties and districts
宁海, 奉化, 余姚; 福州; 厦门; 经营情况表 of one column). The gold files are typed by hand from the documents, not from
what this script writes. Run from anywhere:  python tests/ledgers/src/build38.py
"""
from __future__ import annotations

import csv
import io

from build import BOLD, CENTER, OUT, _book, _header, _load, _right, _row, _save, _title, _widths, run_builds


def _two_row_header(sheet, row: int, captions: list, spans: list[list[int]], subheader: dict[str, str]) -> None:
    """A header over two rows: each caption merged down the two rows, except the captions merged across the columns
    of ``spans`` (1-based [first, last]) with their sub-captions (``subheader``, by column) on the second row."""
    spanned = {column for first, last in spans for column in range(first, last + 1)}
    for column, caption in enumerate(captions, start=1):
        if caption is not None:
            cell = sheet.cell(row=row, column=column, value=caption)
            cell.font, cell.alignment = BOLD, CENTER
        if column not in spanned:
            sheet.merge_cells(start_row=row, start_column=column, end_row=row + 1, end_column=column)
    for first, last in spans:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    for column, caption in subheader.items():
        cell = sheet.cell(row=row + 1, column=int(column), value=caption)
        cell.font, cell.alignment = BOLD, CENTER


def _csv(stem: str, lines: list[list]) -> None:
    """``stem``.csv as Excel saves it for a Chinese Windows: GB18030, CRLF lines."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(lines)
    (OUT / f"{stem}.csv").write_bytes(out.getvalue().encode("gb18030"))


def build_074() -> None:
    """宁海 2022 民生实事 to the year's end, as the stored copy writes it in traditional characters: a two-row header
    (`2022年工作計劃` over `投資 | 工程主要形象進度`, `項目建設階段(1-12月份)` over `完成投資 | % | 主要形象進度`), the
    names marked `★`, 責任單位 with a second unit on a line of its own, an empty 政策處理單位, money in 萬元 (the
    unit line is the office's: the stored copy gives the amounts without it, `600萬元` in the text of row 2)."""
    doc = _load("074_ninghai_2022_minsheng")
    book, sheet = _book("1-12月")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _right(sheet, "M2", doc["unit"])
    _two_row_header(sheet, 3, doc["header"], doc["spans"], doc["subheader"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 5 + offset, values)
    _widths(sheet, [6, 24, 44, 10, 12, 12, 10, 14, 10, 8, 22, 14, 10])
    _save(book, "074_ninghai_2022_minsheng.xlsx")


def build_075() -> None:
    """奉化 2025 十大民生实事 to the end of June: the item (`一、优质教育综合提升工程`) merged down its 项目名称 column over
    its five 子项目, numbered 1–5 straight on, `2025年进展情况` merged over `截至6月底进展 | 7月工作计划`, the year's
    target in `具体完成情况` (`当年完成`), 起止年限 as written (`2024- 2025`), no unit column."""
    doc = _load("075_fenghua_2025_06_minsheng")
    book, sheet = _book("截至6月底")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _two_row_header(sheet, 2, doc["header"], doc["spans"], doc["subheader"])
    first = 4
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, first + offset, values)
    sheet.cell(row=first, column=2, value=doc["item"]).alignment = CENTER
    sheet.merge_cells(start_row=first, start_column=2, end_row=first + len(doc["rows"]) - 1, end_column=2)
    _widths(sheet, [6, 16, 10, 28, 40, 12, 28, 20])
    _save(book, "075_fenghua_2025_06_minsheng.xlsx")


def build_076() -> None:
    """余姚 2025 宁波市政府民生实事 to 5月15日 as a CSV in GB18030: the title on a line of its own, `牵头市领导` (persons,
    written `吕  乐` with the spaces of a two-character name) before 责任单位, 形象进度(%) as percent text."""
    doc = _load("076_yuyao_2025_05_minsheng")
    width = len(doc["header"])
    _csv("076_yuyao_2025_05_minsheng",
         [[doc["title"]] + [""] * (width - 1), doc["header"], *[[("" if v is None else v) for v in row]
                                                               for row in doc["rows"]]])


def build_077() -> None:
    """福州 2021 为民办实事 monthly report (11月份) as one table: no 序号 and no unit column, `我市任务` (the city's share)
    beside the item, `存在困难和问题` (`无`), `进度是否滞后` answered `否`, a 来源 line."""
    doc = _load("077_fuzhou_2021_11_weimin")
    book, sheet = _book("11月份")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _header(sheet, 2, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 3 + offset, values)
    sheet.cell(row=3 + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, [36, 24, 60, 16, 12])
    _save(book, "077_fuzhou_2021_11_weimin.xlsx")


def _rows_then_notes(sheet, first: int, rows: list, notes: list) -> None:
    """Writes ``rows`` from sheet row ``first`` down, then each note in column A under them."""
    for offset, values in enumerate(rows):
        _row(sheet, first + offset, values)
    for offset, note in enumerate(notes, start=first + len(rows)):
        sheet.cell(row=offset, column=1, value=note)


def build_078() -> None:
    """全国寿险公司 2019年1-4月 经营情况表 as stored: one figure column (`本年累计/截至当期`), the indicators down the
    `项目` column with their kinds under them (`其中:寿险`, `      意外险`), money in 亿元 and policies in 万件 in one unit
    line (`单位:亿元、万件`), numbered notes under the table."""
    doc = _load("078_shouxian_2019_04_jingying")
    book, sheet = _book("Sheet1")
    _title(sheet, 1, doc["title"], 2, size=14)
    _right(sheet, "B2", doc["unit"])
    _header(sheet, 3, doc["header"])
    _rows_then_notes(sheet, 4, doc["rows"], doc["notes"])
    _widths(sheet, [30, 20])
    _save(book, "078_shouxian_2019_04_jingying.xlsx")


def build_079() -> None:
    """厦门 2024年1—9月 省重点项目 by kind as a CSV in GB18030, from the news page's sentences: the unit line
    (`单位：亿元、%`) over captions without units, the 合计 row first, the kinds' yearly plans blank (the page gives the
    whole's only), a rate column, a 注 line."""
    doc = _load("079_xiamen_2024_09_xiangmu")
    width = len(doc["header"])
    _csv("079_xiamen_2024_09_xiangmu",
         [[doc["title"]] + [""] * (width - 1), [""] * (width - 1) + [doc["unit"]], doc["header"],
          *[[("" if v is None else v) for v in row] for row in doc["rows"]], [doc["note"]] + [""] * (width - 1)])


def build_080() -> None:
    """A 保险业经营数据 table of one month (表1 2017年1-4月, as 中国保险行业协会's page stores it): the title, a header of
    one figure column captioned with its month (`2017年4月`) over a blank first cell, the unit line (`单位:万元`) under
    it, each indicator's kinds numbered under its row (`1.财产险`, `2.人身险` over `(1)人身意外伤害`, `(2)健康险`,
    `(3)寿险`), a blank row between the indicators, numbered notes under the table."""
    doc = _load("080_baoxianye_2017_04_jingying")
    book, sheet = _book("表1")
    _title(sheet, 1, doc["title"], 2, size=14)
    _row(sheet, 2, [None, doc["column"]])
    _row(sheet, 3, [None, doc["unit"]])
    _rows_then_notes(sheet, 4, doc["rows"], doc["notes"])
    _widths(sheet, [30, 18])
    _save(book, "080_baoxianye_2017_04_jingying.xlsx")


if __name__ == "__main__":
    run_builds(globals())
