"""Write the development files 068– of the ledger corpus (branch ledgers37) from the documents' rows.

Each ``NNN_name.json`` beside this script holds one real public document's rows as its stored copy writes them (the
``made_from`` address says where); the function of the same number below lays them out as an office sends a work
ledger or an indicator table (places and layouts the development part had least: 甘肃, 陕西平利, 广州's bilingual
yearbook, insurers one by one). The gold files are typed by hand from the documents, not from what this script writes.
Run from anywhere:  python tests/ledgers/src/build37.py
"""
from __future__ import annotations

from build import _body, _book, _header, _load, _right, _row, _save, _title, _widths, run_builds


def _titled_table(stem: str, sheet_title: str, widths: list[float], unit_at: str | None = None) -> None:
    """The plain layout of an office's table: the title merged across, the unit line at the right (``unit_at``), one
    header row, the rows, a note line under them; saved as ``stem``.xlsx."""
    doc = _load(stem)
    book, sheet = _book(sheet_title)
    _title(sheet, 1, doc["title"], len(widths), size=14)
    if unit_at:
        _right(sheet, unit_at, doc["unit"])
    header_row = 3 if unit_at else 2
    _header(sheet, header_row, doc["header"])
    row = _body(sheet, header_row + 1, doc["rows"], len(widths))
    sheet.cell(row=row, column=1, value=doc["note"])
    _widths(sheet, widths)
    _save(book, f"{stem}.xlsx")


def build_068() -> None:
    """甘肃 2020年6月末 deposits by kind as a 金融办 lays out 人民银行兰州中心支行's release: the kind (存款) named only
    in the title, the balance captioned `本月余额` beside derived columns, the whole (`各项存款`) first and its parts
    after `其中：`, a blank rate where the release gives none, 单位 at the right, a 资料来源 line."""
    _titled_table("068_gansu_2020_06_cunkuan", "6月", [28, 12, 12, 14, 14], unit_at="E2")


def build_069() -> None:
    """寿险公司 2017年1-6月 premiums insurer by insurer (a news report's ranking laid out as an office sends it): the
    year in the title and the months in the caption (`1-6月保费收入`), `排序` instead of 序号, `公司名称`, the growth as
    percent text, 单位：亿元、% at the right, a 资料来源 line."""
    _titled_table("069_shouxian_gongsi_2017_06_baofei", "Sheet1", [8, 16, 16, 12], unit_at="D2")


def build_070() -> None:
    """平利 县双创办's 巡查 problems as a 整改台账: `存在问题 | 整改要求 | 责任单位 | 整改时限 | 整改情况`, the units the
    整改要求 names in their own column, 整改时限 as the page words it where it gives one, 整改情况 empty (sent out to be
    filled), the page's closing request as a line under the table."""
    _titled_table("070_pingli_xuncha_zhenggai", "整改台账", [6, 36, 50, 24, 14, 20])


def build_071() -> None:
    """广州统计年鉴 2022, 6-17 人身保险公司主要指标, as stored: bilingual captions and names (`项   目 Item`,
    ` 寿 险  Life Insurance`), the English title on a line of its own, `单位:万元 (10000 yuan)`, two years side by side
    (`2020 | 2021`), the kinds of insurance indented one space under the total and their breakdowns deeper; cut before
    the second breakdown (按新型产品分)."""
    doc = _load("071_guangzhou_2021_renshen")
    book, sheet = _book("6-17")
    _title(sheet, 1, doc["title"], 3, size=14)
    _title(sheet, 2, doc["title_en"], 3, size=11)
    _right(sheet, "C3", doc["unit"])
    _header(sheet, 4, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 5 + offset, values)
    _widths(sheet, [56, 14, 14])
    _save(book, "071_guangzhou_2021_renshen.xlsx")


def build_072() -> None:
    """汉中 2018年1-8月 市级重点项目 by kind, as the page's sentences give them: `项目类别` as the entity column, the
    合计 row first, units inside every caption (`项目数（个）`, `1-8月完成投资（亿元）`), columns the page fills for the
    total only (总投资, 年度计划投资), a rate column, a kind with a count and no money (前期项目), a 注 line."""
    doc = _load("072_hanzhong_2018_08_xiangmu")
    book, sheet = _book("1-8月")
    _title(sheet, 1, doc["title"], 6, size=14)
    _header(sheet, 2, doc["header"])
    _row(sheet, 3, doc["total"])
    row = _body(sheet, 4, doc["rows"], 6)
    sheet.cell(row=row, column=1, value=doc["note"])
    _widths(sheet, [14, 12, 14, 18, 18, 14])
    _save(book, "072_hanzhong_2018_08_xiangmu.xlsx")


def build_073() -> None:
    """四川 2015年3月末 deposits by kind as a 金融办 lays out 人民银行成都分行's release (a news report's sentences): the
    kind named in the title only, the balance captioned `期末余额`, a decrease written as a negative increase
    (`比年初增减` -1177.7), `同比多增` blank where the report gives last year's figure instead, 单位：亿元 at the right."""
    _titled_table("073_sichuan_2015_03_cunkuan", "3月", [24, 14, 14, 14], unit_at="D2")


if __name__ == "__main__":
    run_builds(globals())
