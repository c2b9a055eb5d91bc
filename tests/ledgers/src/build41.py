"""Write the development files 093–095 of the ledger corpus (branch indicators41) from the documents' rows.

Each ``NNN_name.json`` beside this script holds one real public document's figures as its page gives them (the
``made_from`` address says where); the function of the same number below lays them out as an office sends an
indicator table whose rows are not institutions or areas: projects by field (领域) with a 合计 row last, projects by
kind of construction (新建 / 续建) with the total first and a plan column beside the year-to-date's, and one county's
main indicators down the first column. The gold files are typed by hand from the documents, not from what this
script writes. Run from anywhere:  python tests/ledgers/src/build41.py
"""
from __future__ import annotations

from build import _book, _header, _load, _right, _row, _save, _title, _widths, run_builds


def build_093() -> None:
    """山东 2021 省重大实施类项目 by field to the end of April, as the 发展改革委's figures are tabulated: the period in the
    title's bracket (`（截至4月底）`), a unit line at the right naming two units (`单位：亿元、%`), `项目领域 | 完成投资 |
    占年度计划`, the 合计 row last, a 注 line."""
    doc = _load("093_shandong_2021_04_zhongdaxiangmu")
    book, sheet = _book("分领域")
    _title(sheet, 1, doc["title"], 3, size=14)
    _right(sheet, "C2", doc["unit"])
    _header(sheet, 3, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 4 + offset, values)
    sheet.cell(row=4 + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, [22, 14, 14])
    _save(book, "093_shandong_2021_04_zhongdaxiangmu.xlsx")


def build_094() -> None:
    """松阳 2025 县重点项目 1–4月 by kind of construction (新建 / 续建), as the attachment a 发改局 publishes: `建设性质` as the
    names' caption, the 合计 row first, `全年计划完成投资（亿元）` beside `1-4月累计完成投资（亿元）` (both holding 完成投资),
    two rates of completion, the office and date under the table."""
    doc = _load("094_songyang_2025_04_zhongdianxiangmu")
    book, sheet = _book("Sheet1")
    _title(sheet, 1, doc["title"], len(doc["header"]), size=14)
    _header(sheet, 2, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 3 + offset, values)
    sheet.cell(row=3 + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, [16, 10, 16, 16, 14, 14])
    _save(book, "094_songyang_2025_04_zhongdianxiangmu.xlsx")


def build_095() -> None:
    """酉阳县 2025 一季度 主要经济指标, from the 县统计局's report: the county named only in the title, the indicators down
    the first column (`指标 | 单位 | 一季度 | 增长（%）`), a unit column per row (亿元, 元), the three industries indented
    under 地区生产总值, a 来源 line."""
    doc = _load("095_youyang_2025_q1_jingji")
    book, sheet = _book("主要指标")
    _title(sheet, 1, doc["title"], len(doc["header"]), size=14)
    _header(sheet, 2, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 3 + offset, values)
    sheet.cell(row=3 + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, [26, 8, 12, 12])
    _save(book, "095_youyang_2025_q1_jingji.xlsx")


if __name__ == "__main__":
    run_builds(globals())
