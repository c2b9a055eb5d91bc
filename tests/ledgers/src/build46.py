"""Write the development files 219–221 of the ledger corpus (branch ledgers46) from the documents' figures.

Each ``NNN_name.json`` beside this script holds one real public document's figures as its page gives them (the
``made_from`` address says where); the function of the same number below lays them out as an office sends them: a
city's indicators with the year and the months only in the caption merged over `绝对值 | 增长（%）` (`2024年1—9月`, an
em dash between the months) under a title naming no period; a statistics table whose period is written as quarters
(`1-3季度`) in its `表1:` line, the names' column without a caption and the unit inside the figures' caption
(`绝对额(亿元)`); a sector's premiums with the unit written in every figure's cell (`1.04万亿元` beside `6004亿元`).
The gold files are typed by hand from the documents, not from what this script writes.
Run from anywhere:  python tests/ledgers/src/build46.py
"""
from __future__ import annotations

from build import run_builds
from build45 import _figures


def build_219() -> None:
    """雅安市's indicators of 2024's first three quarters: `指标 | 单位` merged down beside `2024年1—9月` merged over
    `绝对值 | 增长（%）`, `—` where the report gives a growth alone, `其中：` under 社会消费品零售总额, a 资料来源 line."""
    _figures("219_yaan_2024_09_jingji", [26, 8, 14, 14])


def build_220() -> None:
    """全国 GDP of 2013's 1-3季度 as the page's table 1 gives it: the `表1:` line naming the quarters, a blank caption over
    the names, `绝对额(亿元) | 比去年同期增长(%)`, the industries and their trades in one column, a 注 line."""
    _figures("220_quanguo_2013_q3_gdp", [26, 16, 18])


def build_221() -> None:
    """保险业 premiums of 2023's 前三季度: `项目 | 1-9月保费收入 | 同比增长（%）`, each figure written with its unit in the
    cell (`42527亿元`, `1.04万亿元`), the sector's whole first, 人身险公司 over `其中：寿险` and its other kinds, a 注 line."""
    _figures("221_baoxian_2023_q3_baofei", [20, 18, 16])


if __name__ == "__main__":
    run_builds(globals())
