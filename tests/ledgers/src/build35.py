"""Write the development files 055–061 of the ledger corpus (branch ledgers35) from the documents' rows.

Each ``NNN_name.json`` beside this script holds one real public document's rows as its stored copy writes them (the
``made_from`` address says where); the function of the same number below lays them out as an office sends a work
ledger or a monthly indicator table (places the development part had least: 湖南, 湖北, 辽宁, 四川 and the western
provinces). The gold files are typed by hand from the documents, not from what this script writes.
Run from anywhere:  python tests/ledgers/src/build35.py
"""
from __future__ import annotations

import csv
import datetime
import io

from openpyxl.styles import Alignment

from build import BOLD, CENTER, OUT, _body, _book, _header, _load, _row, _save, _title, _widths


def build_055() -> None:
    """咸安 2023年区《政府工作报告》重点工作任务责任分解 (湖北咸宁): a 序号 tree `一` / `（一）` / an unnumbered
    sub-heading merged across, a 责任领导 column of persons, `落实单位` merged over 牵头单位 | 责任单位, `进展情况`
    merged over three empty months, the other captions merged down two rows."""
    doc = _load("055_xianan_2023_fenjie")
    book, sheet = _book("责任分解")
    sheet["A1"] = "附件"
    _title(sheet, 2, doc["title"], 8, size=14)
    sheet["A3"], sheet["F3"] = "填报单位（盖章）：", "填报时间："
    for column, caption in ((1, "序号"), (2, "重点工作任务"), (3, "责任领导")):
        _header(sheet, 4, [None] * (column - 1) + [caption])
        sheet.merge_cells(start_row=4, start_column=column, end_row=5, end_column=column)
    _header(sheet, 4, [None] * 3 + ["落实单位", None, "进展情况"])
    sheet.merge_cells("D4:E4")
    sheet.merge_cells("F4:H4")
    _header(sheet, 5, [None] * 3 + ["牵头单位", "责任单位", "1月", "2月", "3月"])
    _body(sheet, 6, doc["rows"], 8)
    _widths(sheet, [6, 60, 12, 18, 30, 14, 14, 14])
    _save(book, "055_xianan_2023_fenjie.xlsx")


def build_056() -> None:
    """立山 鞍立政发〔2023〕2号 (辽宁鞍山) as a CSV in GB18030: a title line, a 文号 line, `一、…` in the first cell,
    `1` / `2` … in the 序号 column, 牵头单位 beside 责任单位, empty 完成时限 and 进展情况 columns, a 联系人 line."""
    doc = _load("056_lishan_2023_fenjie")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([doc["title"]])
    writer.writerow([doc["number"]])
    writer.writerow(doc["header"])
    for values in doc["rows"]:
        if isinstance(values, dict):
            writer.writerow([values["group"]] + [""] * (len(doc["header"]) - 1))
        else:
            writer.writerow(values + [""] * (len(doc["header"]) - len(values)))
    writer.writerow([doc["note"]])
    (OUT / "056_lishan_2023_fenjie.csv").write_bytes(out.getvalue().encode("gb18030"))


def build_057() -> None:
    """Five listed 财险 companies' January 2019 premiums (a news report of their filings, laid out as a 金融办's
    table): 公司 as the institution column, the unit in the caption (`原保险保费收入（亿元）`), 同比 as percent text, a
    合计 row last merged over 序号 and 公司, a 资料来源 line."""
    doc = _load("057_caixian_2019_01_baofei")
    book, sheet = _book("2019年1月")
    _title(sheet, 1, doc["title"], 4, size=14)
    _header(sheet, 2, doc["header"])
    row = _body(sheet, 3, doc["rows"], 0)
    sheet.cell(row=row, column=1, value="合计").alignment = CENTER
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    _row(sheet, row, doc["total"], start=3)
    sheet.cell(row=row + 1, column=1, value=doc["note"])
    _widths(sheet, [6, 14, 22, 12])
    _save(book, "057_caixian_2019_01_baofei.xlsx")


def build_058() -> None:
    """西部 12 省（区、市） 2015年1-7月 规模以上工业增加值增速, as the page's table (traditional characters): the
    indicator named only in the title line `規模以上工業增加值 (億元、%、%)`, `省市 | 增速 | 增速比1-6月`, the 全國
    row last, a heading line above naming the months."""
    doc = _load("058_xibu_2015_07_gongye")
    book, sheet = _book("1-7月")
    _title(sheet, 1, doc["title"], 3, size=14)
    sheet["A2"] = doc["caption_line"]
    sheet.merge_cells("A2:C2")
    _header(sheet, 3, doc["header"])
    row = _body(sheet, 4, doc["rows"], 0)
    _widths(sheet, [10, 10, 14])
    _save(book, "058_xibu_2015_07_gongye.xlsx")


def build_059() -> None:
    """四川 2013年2月末 金融机构存贷款 by kind of bank (a report of 人民银行成都分行's release laid out as a 金融办
    sends it): `各项存款` and `各项贷款` each merged over `余额 | 比年初增加`, the province's total first, the kinds'
    balances blank where the release gives only the increase, 单位：亿元 at the right."""
    doc = _load("059_sichuan_2013_02_cundai")
    book, sheet = _book("2月")
    _title(sheet, 1, doc["title"], 5, size=14)
    sheet["E2"] = doc["unit"]
    sheet["E2"].alignment = Alignment(horizontal="right")
    _header(sheet, 3, ["机构类别", "各项存款", None, "各项贷款", None])
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("B3:C3")
    sheet.merge_cells("D3:E3")
    _header(sheet, 4, [None, "余额", "比年初增加", "余额", "比年初增加"])
    row = _body(sheet, 5, doc["rows"], 0)
    sheet.cell(row=row, column=1, value=doc["note"])
    _widths(sheet, [26, 12, 12, 12, 12])
    _save(book, "059_sichuan_2013_02_cundai.xlsx")


def build_060() -> None:
    """黄石 2023年重点民生实事 1-3月份进展 (湖北), as the 指挥部办公室 reports an item: the progress captioned with the
    months it covers (`1-3月份进展`) beside next month's plan (`4月份计划`, no progress), a 填报单位 line and the
    report's date as a date cell."""
    doc = _load("060_huangshi_2023_q1_minsheng")
    book, sheet = _book("1-3月")
    _title(sheet, 1, doc["title"], 4, size=14)
    sheet["A2"], sheet["C2"] = doc["office"], "填报时间："
    sheet.merge_cells("A2:B2")
    sheet["D2"] = datetime.date.fromisoformat(doc["date"])
    sheet["D2"].number_format = 'yyyy"年"m"月"d"日"'
    _header(sheet, 3, doc["header"])
    _body(sheet, 4, doc["rows"], 4)
    _widths(sheet, [6, 24, 60, 30])
    _save(book, "060_huangshi_2023_q1_minsheng.xlsx")


def build_061() -> None:
    """蔡甸 蔡政办〔2023〕1号 主要目标任务责任分解 (湖北武汉): a group row `一、…` merged across, tasks numbered `（一）`
    `（二）` `（三）` under it, 责任单位 alone, `进展情况` merged over empty quarters, a 文号 line and a 注 line."""
    doc = _load("061_caidian_2023_fenjie")
    book, sheet = _book("目标任务")
    _title(sheet, 1, doc["title"], 6, size=14)
    sheet["A2"] = doc["number"]
    for column, caption in ((1, "序号"), (2, "目标任务"), (3, "责任单位")):
        _header(sheet, 3, [None] * (column - 1) + [caption])
        sheet.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
    _header(sheet, 3, [None, None, None, "进展情况"])
    sheet.merge_cells("D3:F3")
    _header(sheet, 4, [None, None, None, "一季度", "二季度", "三季度"])
    row = _body(sheet, 5, doc["rows"], 6)
    sheet.cell(row=row, column=1, value=doc["note"])
    _widths(sheet, [8, 36, 18, 16, 16, 16])
    _save(book, "061_caidian_2023_fenjie.xlsx")


if __name__ == "__main__":
    for name, function in sorted(globals().items()):
        if name.startswith("build_"):
            function()
