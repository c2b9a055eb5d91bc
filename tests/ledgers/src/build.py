"""Write the development part of the ledger corpus (tests/ledgers/0NN_*) from the documents' rows.

Each ``NNN_name.json`` beside this script holds one real public document's rows as written (its
``made_from`` address says where); the function of the same number below lays them out as an office
lays out a 工作台账 or an indicator table: merged title rows, 填报单位/填报时间 lines, one- or two-row
headers, group rows, merged 序号 or 重点任务 cells, notes under the table, a second sheet, widths, and
CSV in GB18030. The gold files (``NNN_name.expected.json``) are typed by hand from the documents, not
from what this script writes. Run from anywhere:  python tests/ledgers/src/build.py
"""
from __future__ import annotations

import datetime
import json
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
OUT = HERE.parent
WRAP = Alignment(wrap_text=True, vertical="center")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
BOLD = Font(bold=True)


def _load(stem: str) -> dict:
    return json.loads((HERE / f"{stem}.json").read_text(encoding="utf-8"))


def _title(sheet, row: int, text: str, last_column: int, size: int = 16) -> None:
    sheet.cell(row=row, column=1, value=text).font = Font(bold=True, size=size)
    sheet.cell(row=row, column=1).alignment = CENTER
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)


def _header(sheet, row: int, captions: list[str]) -> None:
    for column, caption in enumerate(captions, start=1):
        cell = sheet.cell(row=row, column=column, value=caption)
        cell.font, cell.alignment = BOLD, CENTER


def _widths(sheet, widths: list[float]) -> None:
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _row(sheet, row: int, values: list, start: int = 1) -> None:
    for column, value in enumerate(values, start=start):
        if value is not None:
            sheet.cell(row=row, column=column, value=value).alignment = WRAP


def _group(sheet, row: int, value, last_column: int) -> None:
    """A group heading row: one merged cell across the table ("（一）…"), or 序号 | title merged to the end."""
    if isinstance(value, list):
        sheet.cell(row=row, column=1, value=value[0]).alignment = CENTER
        sheet.cell(row=row, column=2, value=value[1]).font = BOLD
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=last_column)
    else:
        sheet.cell(row=row, column=1, value=value).font = BOLD
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)


def _save(book: Workbook, name: str) -> None:
    book.save(OUT / name)


def _book(sheet_title: str):
    """A new workbook and its first sheet, named ``sheet_title``."""
    book = Workbook()
    book.active.title = sheet_title
    return book, book.active


def _right(sheet, ref: str, text: str) -> None:
    """A line's text at the right of the table ("单位：亿元", "截至2017年6月底"), as offices put it over the last column."""
    sheet[ref] = text
    sheet[ref].alignment = Alignment(horizontal="right")


def run_builds(functions: dict) -> None:
    """Run every ``build_NNN`` of a build script's ``globals()``, in the order of their numbers."""
    for name, function in sorted(functions.items()):
        if name.startswith("build_"):
            function()


def _body(sheet, first_row: int, rows: list, last_column: int) -> int:
    """Write the document's rows from ``first_row`` on: lists as cells, {"group": …} as group rows; the next free row."""
    row = first_row
    for values in rows:
        if isinstance(values, dict):
            _group(sheet, row, values["group"], last_column)
        else:
            _row(sheet, row, values)
        row += 1
    return row


def titled_ledger(stem: str, widths: list[float], sheet_title: str = "Sheet1", note_key: str = "note") -> None:
    """The common ledger layout of src/``stem``.json: a title merged across, the captions on the row under it, the rows
    (group rows merged across, ``_body``), the line under the table (``doc[note_key]``), column widths in characters;
    written to ``stem``.xlsx."""
    doc = _load(stem)
    book, sheet = _book(sheet_title)
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    _header(sheet, 2, doc["header"])
    row = _body(sheet, 3, doc["rows"], columns)
    sheet.cell(row=row, column=1, value=doc[note_key])
    _widths(sheet, widths)
    _save(book, f"{stem}.xlsx")


def build_001() -> None:
    """绍兴: a quarter's 进展情况表, progress before the unit column, a date cell for 填报时间, a note."""
    doc = _load("001_shaoxing_2020_jidu")
    book, sheet = _book("一季度进展")
    _title(sheet, 1, doc["title"], 4)
    sheet["A2"] = "填报单位（盖章）："
    sheet.merge_cells("A2:B2")
    sheet["C2"] = "填报时间："
    sheet["D2"] = datetime.date.fromisoformat(doc["published"])
    sheet["D2"].number_format = 'yyyy"年"m"月"d"日"'
    _header(sheet, 3, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 4 + offset, [int(values[0])] + values[1:])
    sheet.cell(row=5 + len(doc["rows"]), column=1, value="注：进展情况按季度填报，请于季度结束后10日内报送。")
    _widths(sheet, [6, 48, 60, 12])
    _save(book, "001_shaoxing_2020_jidu.xlsx")


def build_002() -> None:
    """杭州: an 附件 line, group rows merged across, a two-row header with 推进情况 over empty quarters."""
    doc = _load("002_hangzhou_zhengfu_fenjie")
    book, sheet = _book("责任分解")
    sheet["A1"] = "附件"
    _title(sheet, 2, "政府工作报告重点工作责任分解", 5)
    sheet["A3"] = "填报单位（盖章）："
    for column, caption in enumerate(doc["header"], start=1):
        _header(sheet, 4, [None] * (column - 1) + [caption])
        sheet.merge_cells(start_row=4, start_column=column, end_row=5, end_column=column)
    sheet.cell(row=4, column=4, value="推进情况").font = BOLD
    sheet.merge_cells("D4:E4")
    sheet["D5"], sheet["E5"] = "一季度", "二季度"
    _body(sheet, 6, doc["rows"], 5)
    _widths(sheet, [6, 56, 36, 20, 20])
    _save(book, "002_hangzhou_zhengfu_fenjie.xlsx")


def build_003() -> None:
    """浙江 2020: 责任单位 merged over 牵头单位 | 配合单位, other captions merged down two rows, a 序号 | title
    group row, "1." numbers, and a second sheet of instructions."""
    doc = _load("003_zhejiang_2020_fenjie")
    book, sheet = _book("工作台账")
    _title(sheet, 1, doc["title"], 7)
    sheet["A2"], sheet["E2"] = "填报单位：", "填报日期："
    for column, caption in ((1, "序号"), (2, "重点工作"), (5, "完成时限"), (6, "进展情况"), (7, "完成状态")):
        _header(sheet, 3, [None] * (column - 1) + [caption])
        sheet.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
    _header(sheet, 3, [None, None, "责任单位"])
    sheet.merge_cells("C3:D3")
    _header(sheet, 4, [None, None, "牵头单位", "配合单位"])
    _body(sheet, 5, doc["rows"], 7)
    _widths(sheet, [6, 60, 30, 16, 12, 30, 10])
    notes = book.create_sheet("填报说明")
    notes["A1"] = "1.进展情况请简要填写本季度工作进展，完成状态填写“未启动”“推进中”或“已完成”。"
    notes["A2"] = "2.请于每季度末月25日前报送。"
    _save(book, "003_zhejiang_2020_fenjie.xlsx")


def build_004() -> None:
    """浙江 2023: a CSV as an office saves it from Excel (GB18030), a title line, a group row in the first cell."""
    doc = _load("004_zhejiang_2023_fenjie")
    import csv
    import io
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([doc["title"], "", "", "", ""])
    writer.writerow(doc["header"])
    for values in doc["rows"]:
        if isinstance(values, dict):
            writer.writerow([values["group"], "", "", "", ""])
        else:
            writer.writerow(values + ["", ""])
    writer.writerow(["注：完成时限和进展情况由责任单位填写。", "", "", "", ""])
    (OUT / "004_zhejiang_2023_fenjie.csv").write_bytes(buffer.getvalue().encode("gb18030"))


def build_005() -> None:
    """山东: 重点任务 merged down over its tasks (no group row), a 文号 line, 工作进展 over empty quarters."""
    doc = _load("005_shandong_2023_lvse")
    book, sheet = _book("2023年重点工作任务")
    sheet["A1"] = doc["doc_number"]
    _title(sheet, 2, doc["title"], 8)
    for column, caption in enumerate(["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"], start=1):
        _header(sheet, 3, [None] * (column - 1) + [caption])
        sheet.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
    _header(sheet, 3, [None] * 6 + ["工作进展"])
    sheet.merge_cells("G3:H3")
    sheet["G4"], sheet["H4"] = "一季度", "二季度"
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 5 + offset, [values[0], None, values[1], values[2]])
    sheet["B5"] = doc["heading"]
    sheet["B5"].alignment = WRAP
    sheet.merge_cells(start_row=5, start_column=2, end_row=4 + len(doc["rows"]), end_column=2)
    _widths(sheet, [6, 16, 60, 20, 16, 12, 24, 24])
    _save(book, "005_shandong_2023_lvse.xlsx")


def build_006() -> None:
    """云南 2017: one unit cell writing "A、B牵头；C、D…配合" as the document did."""
    doc = _load("006_yunnan_2017_wenzengzhang")
    book, sheet = _book("台账")
    _title(sheet, 1, doc["title"], 6)
    sheet["A2"] = "填报单位（盖章）："
    sheet["D2"] = "填报时间："
    _header(sheet, 3, ["序号", "重点任务", "具体措施", "责任单位", "完成时限", "进展情况"])
    _row(sheet, 4, doc["rows"][0])
    sheet["A6"] = "填报人："
    sheet["D6"] = "联系电话："
    _widths(sheet, [6, 14, 80, 40, 12, 30])
    _save(book, "006_yunnan_2017_wenzengzhang.xlsx")


def build_007() -> None:
    """红河 整改台账: problems as the rows, 整改情况 and 整改状态 columns, 序号 written 问题1."""
    doc = _load("007_honghe_yilonghu_zhenggai")
    book, sheet = _book("整改台账")
    _title(sheet, 1, doc["title"], 4, size=14)
    sheet["A2"] = "填报单位："
    sheet["C2"] = "填报时间：2022年4月25日"
    _header(sheet, 3, doc["header"])
    _body(sheet, 4, doc["rows"], 0)
    _widths(sheet, [8, 40, 70, 14])
    _save(book, "007_honghe_yilonghu_zhenggai.xlsx")


def build_008() -> None:
    """上海宝山: a 文号 line, 序号 | title group row, "1、" numbers, 牵头单位 and 责任单位 side by side."""
    doc = _load("008_baoshan_2008_fenjie")
    book, sheet = _book("目标任务分解")
    _title(sheet, 1, doc["title"], 5)
    sheet["A2"] = doc["doc_number"]
    _header(sheet, 3, doc["header"])
    _body(sheet, 4, doc["rows"], 5)
    _widths(sheet, [6, 50, 18, 30, 12])
    _save(book, "008_baoshan_2008_fenjie.xlsx")


def build_009() -> None:
    """国务院 2020: a tree of 序号 (一 / （一） / 1) with group rows, 责任单位 and 完成时限 as the document wrote them."""
    doc = _load("009_guofa_2020_fengong")
    book, sheet = _book("重点工作分工")
    _title(sheet, 1, doc["title"], 6)
    sheet["A2"] = doc["doc_number"]
    sheet.merge_cells("A2:F2")
    _header(sheet, 3, doc["header"])
    _body(sheet, 4, doc["rows"], 6)
    _widths(sheet, [8, 70, 20, 14, 30, 10])
    _save(book, "009_guofa_2020_fengong.xlsx")


def build_010() -> None:
    """杭州 2021 涉杭任务: a section line above the header, a caption with a bracketed remark, 责任单位 beside
    省牵头单位 (CONTRACTS §1: the 牵头 column leads, 责任单位 beside it supports)."""
    doc = _load("010_hangzhou_2021_shehang")
    book, sheet = _book("涉杭任务")
    _title(sheet, 1, doc["title"], 4, size=14)
    sheet["A2"] = doc["section"]
    sheet.merge_cells("A2:D2")
    _header(sheet, 3, doc["header"])
    _body(sheet, 4, doc["rows"], 4)
    _widths(sheet, [6, 60, 36, 16])
    _save(book, "010_hangzhou_2021_shehang.xlsx")


def build_011() -> None:
    """浙江 2024: the precedence rule written inside the second row's unit cell ("列第一位的为牵头或汇总单位，下同"),
    a group row in its first cell, and a column per month for the progress (empty: a ledger sent out to be filled)."""
    doc = _load("011_zhejiang_2024_fenjie")
    book, sheet = _book("责任分解")
    _title(sheet, 1, doc["title"], 7)
    sheet["A2"], sheet["E2"] = "填报单位（盖章）：", "填报时间："
    _header(sheet, 3, doc["header"])
    row = 4
    for values in doc["rows"]:
        if isinstance(values, dict):
            sheet.cell(row=row, column=1, value=values["group"]).font = BOLD
        else:
            _row(sheet, row, values)
        row += 1
    _widths(sheet, [6, 60, 40, 12, 16, 16, 16])
    _save(book, "011_zhejiang_2024_fenjie.xlsx")


def build_030() -> None:
    """保监会 2011: an 附件1 line, the title, 单位：亿元 at the right, 地区 as the entity column, 同比 as text."""
    doc = _load("030_circ_2011_q3_baofei")
    book, sheet = _book("附件1")
    sheet["A1"] = doc["attachment"]
    _title(sheet, 2, doc["title"], 5, size=14)
    sheet["E3"] = doc["unit"]
    _header(sheet, 4, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 5 + offset, values)
        for column in (2, 4):
            sheet.cell(row=5 + offset, column=column).number_format = "0.00"
    _widths(sheet, [10, 12, 10, 12, 10])
    _save(book, "030_circ_2011_q3_baofei.xlsx")


def build_031() -> None:
    """保监会 2010: 单位：万元, a 全国 total row first, thousands separators, a second sheet of notes."""
    doc = _load("031_circ_2010_fendiqu")
    book, sheet = _book("分地区")
    _title(sheet, 1, doc["title"], 6, size=14)
    sheet["A2"] = doc["unit"]
    _header(sheet, 3, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 4 + offset, values)
        for column in range(2, 7):
            sheet.cell(row=4 + offset, column=column).number_format = "#,##0.00"
    _widths(sheet, [10, 16, 16, 16, 14, 14])
    notes = book.create_sheet("说明")
    notes["A1"] = "原保险保费收入为本年累计数。"
    _save(book, "031_circ_2010_fendiqu.xlsx")


def build_032() -> None:
    """湖州统计年鉴 2009: the areas across the header and the indicators down the first column, sub-rows (#寿险, 财险)
    indented under each, a 全市 total column, a footnote mark before 市区, 单位：万元、%."""
    doc = _load("032_huzhou_2009_baoxian")
    book, sheet = _book("8-21")
    sheet["A1"] = doc["title"]
    sheet["A1"].font = BOLD
    sheet.merge_cells("A1:F1")
    sheet["A2"] = doc["unit"]
    _header(sheet, 3, doc["header"])
    _body(sheet, 4, doc["rows"], 0)
    _widths(sheet, [14, 12, 12, 12, 12, 12])
    _save(book, "032_huzhou_2009_baoxian.xlsx")


def build_033() -> None:
    """山东统计年鉴 2016: a first column without a caption, captions over several lines with their units, a city's
    row heading its districts (indented names), districts without the deposit figures."""
    doc = _load("033_shandong_2016_xianqu")
    book, sheet = _book("21-1")
    _title(sheet, 1, doc["title"], 7, size=12)
    _header(sheet, 2, doc["header"])
    sheet.row_dimensions[2].height = 60
    _body(sheet, 3, doc["rows"], 0)
    _widths(sheet, [12, 9, 11, 11, 11, 12, 12])
    _save(book, "033_shandong_2016_xianqu.xlsx")


def build_034() -> None:
    """临安 2022: a 民生实事 progress table, an item's targets on rows of their own without a 序号, the 责任单位 merged
    down over them, a 填报单位/填报时间 line with a date cell."""
    doc = _load("034_linan_2022_minsheng")
    book, sheet = _book("民生实事")
    _title(sheet, 1, doc["title"], 4, size=14)
    sheet["A2"] = "填报单位：区府办"
    sheet.merge_cells("A2:B2")
    sheet["C2"] = "填报时间："
    sheet["D2"] = datetime.date.fromisoformat(doc["published"])
    sheet["D2"].number_format = 'yyyy"年"m"月"d"日"'
    _header(sheet, 3, doc["header"])
    row = 4
    for number, unit, targets in doc["items"]:
        sheet.cell(row=row, column=1, value=int(number)).alignment = CENTER
        sheet.cell(row=row, column=4, value=unit).alignment = CENTER
        if len(targets) > 1:
            sheet.merge_cells(start_row=row, start_column=4, end_row=row + len(targets) - 1, end_column=4)
        for measure, progress in targets:
            _row(sheet, row, [measure, progress], start=2)
            row += 1
    _widths(sheet, [6, 40, 60, 14])
    _save(book, "034_linan_2022_minsheng.xlsx")


def build_035() -> None:
    """西湖区 2019: an 附件1 line, 工作目标 as the task caption, 区责任单位 with several units on lines marked *, a column of
    the district's share between the units and the progress."""
    doc = _load("035_xihu_2019_shengminsheng")
    book, sheet = _book("附件1")
    sheet["A1"] = doc["attachment"]
    _title(sheet, 2, doc["title"], 5, size=14)
    _header(sheet, 3, doc["header"])
    _body(sheet, 4, doc["rows"], 5)
    _widths(sheet, [6, 36, 24, 44, 24])
    _save(book, "035_xihu_2019_shengminsheng.xlsx")


def build_036() -> None:
    """国务院 2018 量化指标 成绩单 as a site in traditional characters copies it: 序號 | 量化指標任務 | 完成情況, no unit
    column (the page names none), a source line under the table."""
    doc = _load("036_guowuyuan_2018_chengjidan")
    book, sheet = _book("成績單")
    _title(sheet, 1, doc["title"], 3, size=14)
    _header(sheet, 2, doc["header"])
    row = _body(sheet, 3, doc["rows"], 3)
    sheet.cell(row=row, column=1, value="來源：央視新聞客戶端")
    _widths(sheet, [6, 36, 60])
    _save(book, "036_guowuyuan_2018_chengjidan.xlsx")


def build_037() -> None:
    """浙江 2017 省政府十方面民生实事 期中成绩单 as a 民生办 tabulates the news page: 工作目标 | 截至5月底进展, no 序号
    and no unit column (the page names none per item), progress captioned with the date it runs to."""
    doc = _load("037_zhejiang_2017_minsheng_qizhong")
    book, sheet = _book("民生实事")
    _title(sheet, 1, doc["title"], 2, size=14)
    _header(sheet, 2, doc["header"])
    _body(sheet, 3, doc["rows"], 2)
    _widths(sheet, [36, 70])
    _save(book, "037_zhejiang_2017_minsheng_qizhong.xlsx")


def build_038() -> None:
    """上海 2024 为民办实事项目完成情况 as the 市重大办 tabulates the page: 序号 merged down over an item's sub-items
    (1, 5, 6) with no 项目 column above them (each sub-item is a task of its own), 完成情况 as number cells,
    占全年计划 as percent cells, a 填报单位 line and a 说明 line in the page's words under the table."""
    doc = _load("038_shanghai_2024_weimin_shishi")
    book, sheet = _book("实事项目")
    _title(sheet, 1, doc["title"], 4)
    sheet["A2"] = "填报单位（盖章）："
    sheet.merge_cells("A2:B2")
    _header(sheet, 3, doc["header"])
    first = 4
    for offset, (number, name, done, share) in enumerate(doc["rows"]):
        row = first + offset
        _row(sheet, row, [number, name, done])
        sheet.cell(row=row, column=4, value=int(share.rstrip("%")) / 100).number_format = "0%"
    anchors = [offset for offset, values in enumerate(doc["rows"]) if values[0] is not None] + [len(doc["rows"])]
    for start, end in zip(anchors, anchors[1:]):
        if end - start > 1:
            sheet.merge_cells(start_row=first + start, start_column=1, end_row=first + end - 1, end_column=1)
    sheet.cell(row=first + len(doc["rows"]), column=1, value=f"说明：{doc['note']}")
    _widths(sheet, [6, 44, 12, 12])
    _save(book, "038_shanghai_2024_weimin_shishi.xlsx")


def build_039() -> None:
    """银监会 2010年3月末 banks' assets and liabilities by type, from the 新华网 report in traditional characters: a
    title naming only the year, the month in the sheet's name (3月) and in the sub-captions (3月末 over each
    indicator, beside its 同比增長), 萬億元 in a unit line, 機構類型 as the institutions' caption, a 來源 line."""
    doc = _load("039_cbrc_2010_03_zichan")
    book, sheet = _book(doc["sheet"])
    _title(sheet, 1, doc["title"], 5, size=14)
    sheet["E2"] = doc["unit"]
    sheet["E2"].alignment = Alignment(horizontal="right")
    _header(sheet, 3, [doc["header"][0]])
    sheet.merge_cells("A3:A4")
    for column, caption in ((2, doc["header"][1]), (4, doc["header"][2])):
        _header(sheet, 3, [None] * (column - 1) + [caption])
        sheet.merge_cells(start_row=3, start_column=column, end_row=3, end_column=column + 1)
        _header(sheet, 4, [None] * (column - 1) + doc["sub_header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 5 + offset, values)
        for column in (2, 4):
            sheet.cell(row=5 + offset, column=column).number_format = "0.0"
    sheet.cell(row=5 + len(doc["rows"]), column=1, value=doc["source_line"])
    _widths(sheet, [18, 12, 14, 12, 14])
    _save(book, "039_cbrc_2010_03_zichan.xlsx")


def build_040() -> None:
    """楚雄州 2018 环境保护督察反馈意见问题整改措施清单 as a 整改台账 sent out to be filled: the problem as the row's
    task (no 整改措施 column), 整改目标, 责任单位 and 责任人 (persons), 整改时限 written 立行立改，长期坚持, empty
    整改进展 and 是否完成 columns, a group row 一、 | title merged across, 填报单位 and 填报时间 lines."""
    doc = _load("040_chuxiong_2018_huanbao_zhenggai")
    book, sheet = _book("整改台账")
    _title(sheet, 1, doc["title"], 8, size=14)
    sheet["A2"], sheet["F2"] = "填报单位（盖章）：", "填报时间："
    _header(sheet, 3, doc["header"])
    _body(sheet, 4, doc["rows"], 8)
    _widths(sheet, [7, 48, 40, 22, 22, 12, 30, 10])
    _save(book, "040_chuxiong_2018_huanbao_zhenggai.xlsx")


def build_041() -> None:
    """山东 2021年1-7月 省重大项目 by 领域 as a 发改委 tabulates the news page: a category table with money in its
    cells (领域 | 完成投资 | 占年度计划), a 合计 row first, a 单位 line, a 说明 line in the page's words."""
    doc = _load("041_shandong_2021_zhongda_lingyu")
    book, sheet = _book("分领域")
    _title(sheet, 1, doc["title"], 3, size=14)
    sheet["C2"] = doc["unit"]
    _header(sheet, 3, doc["header"])
    for offset, values in enumerate([doc["total"], *doc["rows"]]):
        _row(sheet, 4 + offset, values)
        sheet.cell(row=4 + offset, column=2).number_format = "0.0"
        sheet.cell(row=4 + offset, column=3).number_format = "0.0"
    sheet.cell(row=5 + len(doc["rows"]), column=1, value=f"说明：{doc['note']}")
    _widths(sheet, [22, 14, 14])
    _save(book, "041_shandong_2021_zhongda_lingyu.xlsx")


def build_042() -> None:
    """银监会 2011年12月末 banks' assets and liabilities as the news page reports them, in traditional characters: a
    title naming only the year, the month in a 截至 line beside the unit, the sector's total row first with its
    parts under it opened by 其中：, derived columns (同比增長, 占…比例), blank cells the page gives no figure for."""
    doc = _load("042_cbrc_2011_12_zichan")
    book, sheet = _book("资产负债")
    _title(sheet, 1, doc["title"], 6, size=14)
    sheet["A2"] = doc["line"]
    sheet.merge_cells("A2:F2")
    _header(sheet, 3, doc["header"])
    _body(sheet, 4, doc["rows"], 6)
    sheet.cell(row=4 + len(doc["rows"]), column=1, value=doc["source_line"])
    _widths(sheet, [22, 10, 10, 10, 10, 14])
    _save(book, "042_cbrc_2011_12_zichan.xlsx")


def build_043() -> None:
    """山东 2024年1—2月 省级重点项目 by 领域 as a 发改委 tabulates the news page, in its traditional characters: 項目類別
    as the entity column (a table of figures by kind of project), counts in 個 and money in 億元 in the captions, a 合計
    row first, rate columns (開工率, 占年度計劃) that are no figures, a 註 line under the table (branch ledgers33)."""
    doc = _load("043_shandong_2024_02_lingyu")
    book, sheet = _book("分領域")
    _title(sheet, 1, doc["title"], 6, size=14)
    sheet["F2"] = doc["unit"]
    sheet["F2"].alignment = Alignment(horizontal="right")
    _header(sheet, 3, doc["header"])
    for offset, values in enumerate([doc["total"], *doc["rows"]]):
        _row(sheet, 4 + offset, values)
        sheet.cell(row=4 + offset, column=5).number_format = "0.0"
    sheet.cell(row=5 + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, [7, 16, 16, 10, 16, 12])
    _save(book, "043_shandong_2024_02_lingyu.xlsx")


def build_044() -> None:
    """济南 12345 热线 为民办事承办量前三位 as a 督查室 tabulates the week's report: 承办单位 as the entity column over
    districts and city departments, section rows 一、区县 / 二、市政府部门 with the numbering restarting under each,
    单位：件 (counts, no money), the dates of the week in the title's brackets, a 说明 line (branch ledgers33)."""
    doc = _load("044_jinan_2020_12345_chengban")
    book, sheet = _book("承办量")
    _title(sheet, 1, doc["title"], 4, size=14)
    sheet["A2"], sheet["D2"] = "填报单位（盖章）：", doc["unit"]
    _header(sheet, 3, doc["header"])
    row = 4
    for section in doc["sections"]:
        _group(sheet, row, section["name"], 4)
        row += 1
        for values in section["rows"]:
            _row(sheet, row, values)
            row += 1
    sheet.cell(row=row, column=1, value=doc["note"])
    _widths(sheet, [7, 24, 12, 12])
    _save(book, "044_jinan_2020_12345_chengban.xlsx")


def build_045() -> None:
    """浙江苍南 2022年度市县民生实事未完成项目进度表 as a CSV saved in UTF-8 with a BOM (Excel's "CSV UTF-8"): an 附件1
    line and the table's title above the header, 当前进度 as the progress with the slow parts in brackets
    (`88%(…推进缓慢)`), a 备注 column saying whose 民生实事 it is (branch ledgers33)."""
    doc = _load("045_cangnan_2022_weiwancheng")
    import csv
    import io
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([doc["attachment"], "", "", "", ""])
    writer.writerow([doc["title"], "", "", "", ""])
    writer.writerow(doc["header"])
    for values in doc["rows"]:
        writer.writerow(values)
    (OUT / "045_cangnan_2022_weiwancheng.csv").write_bytes(buffer.getvalue().encode("utf-8-sig"))



def build_046() -> None:
    """上海宝山 2022年区政府实事项目8月进展情况 as the 督查室 sends it: a two-row header with the month (`8月份`)
    merged over its 目标 and 进展情况, the other captions merged down, 牵头单位 alone, 填报单位 and 填报时间 lines
    (branch ledgers34)."""
    doc = _load("046_baoshan_2022_08_shishi")
    book, sheet = _book("8月进展")
    _title(sheet, 1, doc["title"], 5, size=14)
    sheet["A2"], sheet["D2"] = "填报单位（盖章）：", "填报时间："
    for column, caption in enumerate(doc["header"], start=1):
        _header(sheet, 3, [None] * (column - 1) + [caption])
        sheet.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
    sheet.cell(row=3, column=4, value=doc["month"]).font = BOLD
    sheet.cell(row=3, column=4).alignment = CENTER
    sheet.merge_cells("D3:E3")
    _header(sheet, 4, [None, None, None] + doc["subheader"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 5 + offset, values)
    _widths(sheet, [6, 44, 16, 36, 40])
    _save(book, "046_baoshan_2022_08_shishi.xlsx")


def build_047() -> None:
    """上海宝山 2023年区政府实事项目3月进展情况 as a CSV saved by Excel in GB18030: the title on its own line, one
    header row with the month in the target's caption (`3月目标`), numbered items run together in one 进展情况 cell
    (branch ledgers34)."""
    doc = _load("047_baoshan_2023_03_shishi")
    import csv
    import io
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([doc["title"], "", "", "", ""])
    writer.writerow(doc["header"])
    for values in doc["rows"]:
        writer.writerow(values)
    (OUT / "047_baoshan_2023_03_shishi.csv").write_bytes(buffer.getvalue().encode("gb18030"))


def build_048() -> None:
    """浙江柯桥 2023年度省政府民生实事涉区工作任务一季度进展情况: a 序号 merged down over an item's two 工作任务 rows
    with its 责任单位, 一季度目标, progress and status cells merged beside them, a long 进展情况、存在问题及下一步打算
    caption, 目标完成情况 written `顺利推进` (branch ledgers34)."""
    doc = _load("048_keqiao_2023_q1_minsheng")
    book, sheet = _book("一季度")
    _title(sheet, 1, doc["title"], 6, size=14)
    _header(sheet, 2, doc["header"])
    row = 3
    for item in doc["items"]:
        span = len(item["tasks"])
        for offset, task in enumerate(item["tasks"]):
            sheet.cell(row=row + offset, column=2, value=task).alignment = WRAP
        for column, value in ((1, item["number"]), (3, item["unit"]), (4, item["target"]), (5, item["progress"]),
                              (6, item["state"])):
            sheet.cell(row=row, column=column, value=value).alignment = WRAP
            if span > 1:
                sheet.merge_cells(start_row=row, start_column=column, end_row=row + span - 1, end_column=column)
        row += span
    _widths(sheet, [6, 30, 10, 24, 70, 12])
    _save(book, "048_keqiao_2023_q1_minsheng.xlsx")


def build_049() -> None:
    """湖州 2023年市政府工作报告重点工作半年度完成情况汇总表: a leader's group line (`洪湖鹏市长主抓重点工作`) above
    its own header row, the 责任单位 written inside the 目标任务 cell after the task, numbered 推进情况 on lines of
    one cell (branch ledgers34)."""
    doc = _load("049_huzhou_2023_bannian")
    book, sheet = _book("半年度")
    _title(sheet, 1, doc["title"], 3, size=14)
    row = 2
    for group in doc["groups"]:
        _group(sheet, row, group["name"], 3)
        _header(sheet, row + 1, group["header"])
        row += 2
        for number, task, progress in group["rows"]:
            _row(sheet, row, [number, task, "\n".join(progress)])
            row += 1
    _widths(sheet, [6, 60, 70])
    _save(book, "049_huzhou_2023_bannian.xlsx")


def build_050() -> None:
    """山东 2024年8月末 各市金融机构本外币存款余额 as a 金融办 lays out the statistical release: 单位：亿元 at the
    right, 市 as the area column with names as the release writes them (济南), the province's total first without a
    序号, a 同比增长（%） column left blank where the release gives no rate (branch ledgers34)."""
    doc = _load("050_shandong_2024_08_cunkuan")
    book, sheet = _book("各市存款")
    _title(sheet, 1, doc["title"], 4, size=14)
    sheet["D2"] = doc["unit"]
    sheet["D2"].alignment = Alignment(horizontal="right")
    _header(sheet, 3, doc["header"])
    for offset, values in enumerate([doc["total"], *doc["rows"]]):
        _row(sheet, 4 + offset, values)
    _widths(sheet, [7, 12, 20, 16])
    _save(book, "050_shandong_2024_08_cunkuan.xlsx")


def build_051() -> None:
    """浙江统计年鉴 2016, 17-2 各市国民经济主要指标(2015年): captions over several lines with their units, 生产总值
    merged over its own column and 第一产业 | 第二产业 | 第三产业 | 工业 on a second header row, a region's subtotal
    row (浙东北) above its cities, blank cells where the yearbook prints none (branch ledgers34)."""
    doc = _load("051_zhejiang_2015_geshi")
    book, sheet = _book("17-2")
    last = len(doc["header"])
    _title(sheet, 1, doc["title"], last, size=14)
    _header(sheet, 2, doc["header"])
    _header(sheet, 3, doc["subheader"])
    for column, caption in enumerate(doc["header"], start=1):
        if caption and column != 3:
            sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    sheet.merge_cells(start_row=2, start_column=3, end_row=2, end_column=7)
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 4 + offset, values)
    _widths(sheet, [10] + [11] * (last - 1))
    _save(book, "051_zhejiang_2015_geshi.xlsx")


def build_052() -> None:
    """云南 中央环境保护督察“回头看”交办举报件 各州市转办统计 as the province's office tabulates it: the 截止时间 in
    brackets on the line under the title, 州市 as the area column, counts (总计 | 来电 | 来信) without a unit line, a
    合计 row last (branch ledgers34)."""
    doc = _load("052_yunnan_2018_06_zhuanban")
    book, sheet = _book("转办统计")
    _title(sheet, 1, doc["title"], 5, size=14)
    sheet["A2"] = doc["dateline"]
    sheet.merge_cells("A2:E2")
    _header(sheet, 3, doc["header"])
    for offset, values in enumerate([*doc["rows"], doc["total"]]):
        _row(sheet, 4 + offset, values)
    sheet.merge_cells(start_row=4 + len(doc["rows"]), start_column=1, end_row=4 + len(doc["rows"]), end_column=2)
    _widths(sheet, [7, 14, 10, 10, 10])
    _save(book, "052_yunnan_2018_06_zhuanban.xlsx")


def build_053() -> None:
    """北京保监局's 2010年前十一月 财产险 figures as a newspaper reports the top five insurers, laid out as a 金融办
    ranks them: 排名 instead of 序号, 公司名称 as the institution column, 保费收入 in 亿元 by the 单位 line, 市场份额 as
    percent text, a 说明 line in the page's words (branch ledgers34)."""
    doc = _load("053_beijing_2010_11_caixian")
    book, sheet = _book("财产险")
    _title(sheet, 1, doc["title"], 4, size=14)
    sheet["D2"] = doc["unit"]
    sheet["D2"].alignment = Alignment(horizontal="right")
    _header(sheet, 3, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 4 + offset, values)
    sheet.cell(row=4 + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, [7, 16, 12, 12])
    _save(book, "053_beijing_2010_11_caixian.xlsx")

if __name__ == "__main__":
    for name, function in sorted(globals().items()):
        if name.startswith("build_"):
            function()
