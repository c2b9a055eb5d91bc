"""Write the development files 062–067 of the ledger corpus (branch ledgers36) from the documents' rows.

Each ``NNN_name.json`` beside this script holds one real public document's rows as its stored copy writes them (the
``made_from`` address says where); the function of the same number below lays them out as an office sends a work
ledger or a monthly indicator table (places the development part had least: 广东, 福建, 深圳, 山西, 贵州). The gold
files are typed by hand from the documents, not from what this script writes.
Run from anywhere:  python tests/ledgers/src/build36.py
"""
from __future__ import annotations

import csv
import io

from build import OUT, _body, _book, _header, _load, _right, _row, _save, _title, _widths, run_builds


def build_062() -> None:
    """广东 粤府〔2021〕22号 重点任务分工 as a 督查室's ledger: a 文号 line, a group row `一、…` merged across, `1.`
    tasks, a 分管省领导 column of persons, the roles written in one `部门分工` cell (`A牵头,B、C配合。`), one empty
    progress column per month (`1月进展 | 2月进展 | 3月进展`), a 注 line."""
    doc = _load("062_guangdong_2021_fengong")
    book, sheet = _book("分工落实")
    _title(sheet, 1, doc["title"], 8, size=14)
    sheet["A2"] = doc["number"]
    _header(sheet, 3, doc["header"])
    row = _body(sheet, 4, doc["rows"], 8)
    sheet.cell(row=row, column=1, value=doc["note"])
    _widths(sheet, [6, 36, 12, 30, 16, 16, 16, 16])
    _save(book, "062_guangdong_2021_fengong.xlsx")


def build_063() -> None:
    """福建 2017年为民办实事 as the office's monthly ledger: no 序号 and no unit column, an `截至…` line, progress kept
    in one column per month (`4月进展情况 | 5月进展情况 | 6月进展情况`) with only the newest month filled (the page
    reports June), an empty 备注."""
    doc = _load("063_fujian_2017_06_weimin")
    book, sheet = _book("6月")
    _title(sheet, 1, doc["title"], 5, size=14)
    _right(sheet, "E2", doc["as_of"])
    _header(sheet, 3, doc["header"])
    _body(sheet, 4, doc["rows"], 5)
    _widths(sheet, [28, 20, 20, 70, 10])
    _save(book, "063_fujian_2017_06_weimin.xlsx")


def build_064() -> None:
    """深圳罗湖 2011年1-10月 重点项目 in traditional characters as the page is stored: group rows `一、重點在建項目` /
    `二、重點前期項目` with the numbers restarting, `本月進展情況` merged over `前期工作 | 在建形象進度`, a 進度評價
    column of slow-work words, 存在問題, a 註 line."""
    doc = _load("064_luohu_2011_10_xiangmu")
    book, sheet = _book("1-10月")
    _title(sheet, 1, doc["title"], 6, size=14)
    for column, caption in ((1, "序號"), (2, "項目名稱"), (5, "進度評價"), (6, "存在問題")):
        _header(sheet, 2, [None] * (column - 1) + [caption])
        sheet.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    _header(sheet, 2, [None, None, "本月進展情況"])
    sheet.merge_cells("C2:D2")
    _header(sheet, 3, [None, None, "前期工作", "在建形象進度"])
    row = _body(sheet, 4, doc["rows"], 6)
    sheet.cell(row=row, column=1, value=doc["note"])
    _widths(sheet, [6, 40, 30, 20, 14, 40])
    _save(book, "064_luohu_2011_10_xiangmu.xlsx")


def build_065() -> None:
    """山西 2024年1-5月 原保险保费收入 by kind of insurance: `险种` as the entity column, the 合计 row first, a change
    column (`较上年同期增减`) and a share column, 单位：亿元 at the right, a 数据来源 line."""
    doc = _load("065_shanxi_2024_05_baofei")
    book, sheet = _book("1-5月")
    _title(sheet, 1, doc["title"], 4, size=14)
    _right(sheet, "D2", doc["unit"])
    _header(sheet, 3, doc["header"])
    _row(sheet, 4, doc["total"])
    row = _body(sheet, 5, doc["rows"], 4)
    sheet.cell(row=row, column=1, value=doc["note"])
    _widths(sheet, [12, 16, 16, 12])
    _save(book, "065_shanxi_2024_05_baofei.xlsx")


def build_066() -> None:
    """贵州 2024年1-6月 原保险保费收入 by kind of insurance as a CSV in GB18030 with two periods side by side: the
    indicator and its unit on the first header row (`原保险保费收入（亿元）`) over `2024年1-6月 | 2023年1-6月 | 增减额`,
    a share column, the 合计 row last, a 注 line."""
    doc = _load("066_guizhou_2024_06_baofei")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([doc["title"]])
    writer.writerow(doc["caption"])
    writer.writerow(doc["subcaption"])
    for values in doc["rows"] + [doc["total"]]:
        writer.writerow(values)
    writer.writerow([doc["note"]])
    (OUT / "066_guizhou_2024_06_baofei.csv").write_bytes(out.getvalue().encode("gb18030"))


def build_067() -> None:
    """中山 2019年6月末 本外币贷款 by kind, as a 金融办 lays out 人民银行中山市中心支行's release: `本外币贷款` merged
    over `6月末余额 | 同比增长（%） | 比年初增加`, the whole (`本外币各项贷款`) first and its parts after `其中：`,
    blank cells where the release gives no increase, 单位：亿元、% at the right, a 资料来源 line."""
    doc = _load("067_zhongshan_2019_06_daikuan")
    book, sheet = _book("6月")
    _title(sheet, 1, doc["title"], 4, size=14)
    _right(sheet, "D2", doc["unit"])
    _header(sheet, 3, ["项目", "本外币贷款"])
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("B3:D3")
    _header(sheet, 4, [None, "6月末余额", "同比增长（%）", "比年初增加"])
    row = _body(sheet, 5, doc["rows"], 4)
    sheet.cell(row=row, column=1, value=doc["note"])
    _widths(sheet, [28, 14, 14, 14])
    _save(book, "067_zhongshan_2019_06_daikuan.xlsx")


if __name__ == "__main__":
    run_builds(globals())
