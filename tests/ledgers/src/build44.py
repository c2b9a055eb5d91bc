"""Write the development files 208–213 of the ledger corpus (branch ledgers44) from the documents' rows.

Each ``NNN_name.json`` beside this script holds one real public document's rows or figures as its page gives them (the
``made_from`` address says where); the function of the same number below lays them out as an office sends them: a
重大项目专班's monthly 项目推进台账 with a column of when each project is expected to reach its next stage (`预计完成时间`,
a forecast, not a limit); a 督办室's monthly table of 十件实事 and 重点工程 with a 推进状态 column in the report's own
words (`完成阶段目标任务的100%`, `全面展开`, `进展加快`); a district's 重大项目 table whose status column says how each
project stands (`新开工建设`, `正在加速建设推进`); a district's "四上" 单位 entered by trade, the 合计 row first, the
unit in the caption; a district's budget table with `单位：万元` at the right, `其中：` breakdowns and `—` where the
report gives no growth; a province's retail sales in a quarter with two breakdowns under section rows. The gold files
are typed by hand from the documents, not from what this script writes.
Run from anywhere:  python tests/ledgers/src/build44.py
"""
from __future__ import annotations

from build import titled_ledger, _body, _book, _header, _load, _right, _row, _save, _title, _widths, run_builds


def build_208() -> None:
    """A 重大项目专班's 7月份 report as its 综合协调办公室 lays it out: `序号 | 项目名称 | 总投资（亿元） | 7月份进展情况 |
    预计完成时间`, the 存量 and 增量 projects under group rows `（一）` / `（二）` merged across, numbered 1… under each,
    the page's forecasts (`10月份投产`, `计划11月份竣工`, `预计9月末开工建设`) in the last column, a 注 line."""
    titled_ledger("208_zhuanban_07_zhongdaxiangmu", [6, 34, 12, 40, 22], sheet_title="7月份")


def build_209() -> None:
    """A 市政府督办室's 3月份 table of the 十件实事 and 重点工程: `序号 | 项目名称 | 3月份进展情况 | 推进状态`, the report's
    own state words in the status column, two group rows `一、` / `二、` with the numbers restarting under each."""
    titled_ledger("209_dubanshi_03_shijianshishi", [6, 34, 44, 24], sheet_title="Sheet1")


def build_210() -> None:
    """二七区's 2016 重大项目 to the end of June: `序号 | 项目名称 | 推进状态` with the report's two states, a 注 line."""
    titled_ledger("210_erqi_2016_06_zhongdianxiangmu", [6, 40, 20], sheet_title="Sheet1")


def build_211() -> None:
    """中原区's "四上" 单位 entered in 1-10月, by trade: the period only in the sheet's name, `行业 | 入库单位数（家）`, the
    合计 row first, a 资料来源 line."""
    doc = _load("211_zhongyuan_2024_10_sishang")
    book, sheet = _book(doc["sheet"])
    _title(sheet, 1, doc["title"], len(doc["header"]), size=14)
    _header(sheet, 2, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, 3 + offset, values)
    sheet.cell(row=3 + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, [16, 18])
    _save(book, "211_zhongyuan_2024_10_sishang.xlsx")


def _figures(stem: str, sheet_title: str, widths: list[float], unit_line: str | None = None) -> None:
    """A title merged across, ``unit_line`` at the right on the row under it where the table has one, the captions,
    the rows as the report gives them, a note line under the last."""
    doc = _load(stem)
    book, sheet = _book(sheet_title)
    columns = len(doc["header"])
    _title(sheet, 1, doc["title"], columns, size=14)
    row = 2
    if unit_line is not None:
        _right(sheet, f"{chr(64 + columns)}2", doc[unit_line])
        row = 3
    _header(sheet, row, doc["header"])
    for offset, values in enumerate(doc["rows"]):
        _row(sheet, row + 1 + offset, values)
    sheet.cell(row=row + 1 + len(doc["rows"]), column=1, value=doc["note"])
    _widths(sheet, widths)
    _save(book, f"{stem}.xlsx")


def build_212() -> None:
    """巴南区's budget to the end of June: the period only in the sheet's name, `单位：万元` at the right over
    `项目 | 累计完成 | 增长（%）`, `其中：` breakdowns, `—` where the report gives no growth, a 注 line."""
    stem = "212_banan_2021_06_caizheng"
    _figures(stem, _load(stem)["sheet"], [24, 14, 12], unit_line="unit_line")


def build_213() -> None:
    """湖北's retail sales in 2019's first three quarters, from the 统计局's release: `指标 | 零售额（亿元） | 同比增长（%）`,
    the whole first, `其中：限额以上单位消费品零售额` under it, two breakdowns under section rows `按…分`, a 资料来源 line."""
    _figures("213_hubei_2019_09_shexiaoling", "Sheet1", [34, 16, 14])


if __name__ == "__main__":
    run_builds(globals())
