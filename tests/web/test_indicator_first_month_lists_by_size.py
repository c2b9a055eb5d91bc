"""The supervisor's month end (workflow53): she imports the month's table a 人行 sends, the first the tracker holds, and
opens 月度排名. Nobody can be ranked by 同比增速 yet (it needs last year's month), so every city is listed under "—".

They were listed in the order of their names' code points (东营, 临沂, 威海 … 青岛), which is no order an office reads:
the city with the largest deposits sat near the bottom and the table she had just imported, largest first, came back
shuffled. Unranked entities are now listed by the month's figure, the larger first (tracker/indicators/ranking.rank,
the one rule of every indicator ranking), after any that are ranked.
"""
from __future__ import annotations

import re

from tests.helpers.xlsx import write_rows


def _table(path, title, rows):
    """A month's table as an office sends it: title, 单位 line, header, one row per area, largest first."""
    return str(write_rows(path, [[title], ["单位：亿元"], ["地区", "人民币存款余额"], *map(list, rows)]))


CITIES = [("甲城", 3059.4), ("乙城", 2825.6), ("丙城", 1447.8), ("丁城", 1406.4), ("戊城", 1152.6)]


def _listed(page: str) -> list[str]:
    body = page.split('id="ranking"')[1].split("</table>")[0]  # the month's ranking, not the 综合排名 under it
    return [name for name in re.findall(r"<td>(?:<a [^>]*>)?([^<]+?城)(?:</a>)?</td>", body)]


def test_a_first_month_nobody_can_be_ranked_in_lists_the_areas_largest_first(app, runner, auth, client, tmp_path):
    first = _table(tmp_path / "2026-11.xlsx", "2026年11月末各地区金融机构存款余额", CITIES)
    assert runner.invoke(args=["import-indicators", first]).exit_code == 0
    auth.login("duban")
    page = client.get("/indicators/ranking?period=2026-11&indicator=人民币存款余额&by=yoy").text
    assert "还没有机构能按同比增速排名" in page
    assert _listed(page) == [name for name, _ in CITIES], "listed as the table gave them: the largest first"

    # last year's table, for one city only: that city is ranked first, the others follow it, largest first
    last_year = _table(tmp_path / "2025-11.xlsx", "2025年11月末各地区金融机构存款余额", [("丙城", 1300.0)])
    assert runner.invoke(args=["import-indicators", last_year]).exit_code == 0
    page = client.get("/indicators/ranking?period=2026-11&indicator=人民币存款余额&by=yoy").text
    assert _listed(page) == ["丙城", "甲城", "乙城", "丁城", "戊城"]
