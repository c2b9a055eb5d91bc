"""Write the development files 081– of the ledger corpus (branch ledgers39) from the documents' rows.

Each ``NNN_name.json`` beside this script holds one real public document's rows as its stored copy writes them (the
``made_from`` address says where); the function of the same number below lays them out as an office sends a work
ledger or an indicator table (places and layouts the development part had least: 湖南 (长沙, the province's 市州),
河北唐山路南, 四川, 陕西咸阳, 上海's banks by kind; group rows numbered `(一)` in the 序号 column, progress in two columns,
units in one cell with their roles, a period written only in the sheet's name, figures in 万元 beside rates). The gold
files are typed by hand from the documents, not from what this script writes. Run from anywhere:
python tests/ledgers/src/build39.py
"""
from __future__ import annotations

from build import CENTER, _body, _book, _header, _load, _right, _row, _save, _title, _widths, run_builds


def _notes(sheet, first: int, notes: list) -> None:
    """Each note in column A from sheet row ``first`` down."""
    for offset, note in enumerate(notes):
        sheet.cell(row=first + offset, column=1, value=note)


def build_081() -> None:
    """长沙 2015 为民办实事 to the end of July, from the statistics bureau's report: the report's three sections as
    numbered rows of their own (`(一)` in the 序号 column, the section's name in the 实事项目 column, nothing else
    filled), the items numbered again from 1 in each, one 完成进度 column (`88%`, or the section's words
    `已完成全年目标任务` for the items done), no unit column, a 注 line."""
    doc = _load("081_changsha_2015_07_weimin")
    book, sheet = _book("截止7月底")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _header(sheet, 2, doc["header"])
    last = _body(sheet, 3, doc["rows"], columns)
    _notes(sheet, last, [doc["note"]])
    _widths(sheet, [8, 60, 20])
    _save(book, "081_changsha_2015_07_weimin.xlsx")


def build_083() -> None:
    """四川 十四五 现代流通体系 实施方案 as a 推进台账: a group row `一、…` merged across, the tasks numbered `(一)`
    `(二)` under it, 重点任务 beside its 主要举措, the units with their duty in one 责任单位 cell
    (`A、B、C、D按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。`), an empty 进展情况."""
    doc = _load("083_sichuan_2022_liutong")
    book, sheet = _book("推进台账")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _header(sheet, 2, doc["header"])
    _body(sheet, 3, doc["rows"], columns)
    _widths(sheet, [6, 18, 60, 30, 20])
    _save(book, "083_sichuan_2022_liutong.xlsx")


def build_084() -> None:
    """咸阳 2022 放管服 工作要点 as a 任务清单, in the traditional characters of the stored copy: a group row `一、…`
    merged across, one task, its 責任單位 cell with both roles (`A、B牽頭,C及D按職責分工負責`), an empty 進展情況."""
    doc = _load("084_xianyang_2022_fangguanfu")
    book, sheet = _book("任務清單")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _header(sheet, 2, doc["header"])
    _body(sheet, 3, doc["rows"], columns)
    _widths(sheet, [6, 20, 60, 30, 20])
    _save(book, "084_xianyang_2022_fangguanfu.xlsx")


def build_085() -> None:
    """上海 人民币存款 by kind of bank in July 2008, laid out from a news report of 人民银行上海总部's 信贷运行报告: the
    period only in the sheet's name (`2008年7月`) and the month in the source line, a title without one, the whole
    (`人民币各项存款`) first and its parts after `其中：`, three changes side by side (`本月增加 | 上年同期增加 | 同比多增`,
    last year's the report's figures minus its 同比多增, said in a 注 line), negative figures, 单位：亿元 at the right."""
    doc = _load("085_shanghai_2008_07_cunkuan")
    book, sheet = _book(doc["sheet"])
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _right(sheet, "D2", doc["unit"])
    _header(sheet, 3, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 4 + offset, values)
    _notes(sheet, 4 + len(doc["rows"]), doc["notes"])
    _widths(sheet, [20, 12, 14, 12])
    _save(book, "085_shanghai_2008_07_cunkuan.xlsx")


def build_086() -> None:
    """湖南 2021 重点民生实事 (城镇老旧小区改造) by 市州 to the end of August: an 附件 line, the title, the date in a
    bracketed line under it (`(截至2021年8月底)`), `市 州` with a space, counts beside rates as percent text, money in
    万元 in the captions, the province's 全省 row last merged over 序号 and 市州."""
    doc = _load("086_hunan_2021_08_gaizao")
    book, sheet = _book("Sheet1")
    columns = len(doc["header"])
    sheet.cell(row=1, column=1, value=doc["attachment"])
    _title(sheet, 2, doc["title"], columns, size=14)
    _title(sheet, 3, doc["subtitle"], columns, size=11)
    _header(sheet, 4, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        row = 5 + offset
        if values[0] == "全省":
            _row(sheet, row, [values[0], None, *values[1:]])
            sheet.cell(row=row, column=1).alignment = CENTER
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        else:
            _row(sheet, row, values)
    _widths(sheet, [6, 12, 12, 12, 10, 16, 18, 14])
    _save(book, "086_hunan_2021_08_gaizao.xlsx")


def build_087() -> None:
    """唐山路南 2017 为民办好10件实事 to the year's end, from the district 政协's report: the date the report runs to at
    the right under the title (`截止2017年12月底`), the report's section `(一)完成事项情况` as a group row merged across,
    the items numbered `1、` with their short names (`创业就业工程`), each item's 落实情况 as one cell of clauses cut by
    `;` as the page writes them, no unit column (the page's item 5 is cut in the stored copy and left out)."""
    doc = _load("087_lunan_2017_shishi")
    book, sheet = _book("Sheet1")
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _right(sheet, "C2", doc["date"])
    _header(sheet, 3, doc["header"])
    _body(sheet, 4, doc["rows"], columns)
    _widths(sheet, [6, 16, 80])
    _save(book, "087_lunan_2017_shishi.xlsx")


if __name__ == "__main__":
    run_builds(globals())
