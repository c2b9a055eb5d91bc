"""The supervising office imports the 人行's monthly table of 存贷款 by bank, then opens the dashboard to see one
department's tasks. Its 单位 filter used to list every bank of the table (工商银行, 农业银行 …) among the units that
hold tasks, so the office scrolled past a hundred banks to find 重庆银监局. A 金融机构 is an entity of the indicators,
not a unit that holds tasks (services/scope.task_units_query); a registered unit the table names keeps its place.
"""
from __future__ import annotations

import re

from tests.helpers.xlsx import write_rows


def bank_table(path, rows):
    """The 人行's table: title, 单位 line, header, one row per institution."""
    return str(write_rows(path, [["2026年11月末全市各金融机构存贷款情况表"], ["单位：亿元"], ["机构名称", "人民币存款余额"],
                                 *(list(row) for row in rows)]))


def unit_options(page: str) -> list[str]:
    """The names offered by the dashboard's 单位 filter."""
    select = page.split('id="f-unit"')[1].split("</select>")[0]
    return re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", select)


def test_the_dashboards_unit_filter_lists_units_that_hold_tasks_not_the_banks_of_an_indicator_table(
        app, runner, auth, client, tmp_path):
    table = bank_table(tmp_path / "2026-11.xlsx", [("工商银行", 120.0), ("农业银行", 90.0), ("重庆银监局", 10.0)])
    assert runner.invoke(args=["import-indicators", table]).exit_code == 0
    auth.login("duban")
    offered = unit_options(client.get("/dashboard").text)
    assert "工商银行" not in offered and "农业银行" not in offered
    assert "重庆银监局" in offered and "重庆证监局" in offered  # the plan's units stay, the one the table named too
    # the banks are still the indicators' entities
    assert "工商银行" in client.get("/indicators/ranking?period=2026-11&indicator=人民币存款余额&by=yoy").text
