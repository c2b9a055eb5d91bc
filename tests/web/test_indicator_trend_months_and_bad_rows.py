"""The supervisor's month end on the indicator pages (branch trend67).

She opens a bank's 指标走势 to copy its last months into a report: the table and the chart's axis said "2026-05",
while every other page says "2026年5月" (periods.period_label). And when a bank's row of her upload is wrong, the
page and the command line now say which bank as well as which row.
"""
from __future__ import annotations

import html
import json
import re

from sqlalchemy import select

from tests.helpers.forms import upload_indicator_table
from tests.helpers.xlsx import write_rows
from tracker.extensions import db
from tracker.models import Unit


def _month_table(path, month: int, rows):
    return str(write_rows(path, [[f"2026年{month}月末全县金融机构存贷款情况表"], ["单位：亿元"],
                                 ["机构名称", "人民币存款余额", "人民币贷款余额"], *rows], title=f"{month}月"))


def _upload(client, path: str):
    return upload_indicator_table(client, path, "表.xlsx")


def test_a_banks_trend_writes_its_months_as_people_do_and_keeps_the_machine_month_in_the_form(
        app, client, auth, runner, tmp_path):
    for month, deposit in ((4, 310.0), (5, 322.5)):
        done = runner.invoke(args=["import-indicators", _month_table(tmp_path / f"{month}.xlsx", month,
                                                                     [["戊农商银行", deposit, 200.0]])])
        assert done.exit_code == 0, done.output
    with app.app_context():
        bank = db.session.scalar(select(Unit.id).where(Unit.name == "戊农商银行"))
    auth.login("duban")
    page = client.get(f"/indicators/entities/{bank}?indicator=人民币存款余额&period=2026-05")
    assert page.status_code == 200, page.text
    text = page.text
    heads = re.findall(r'<th scope="row" [^>]*data-period="([^"]+)">([^<]+)</th>', text)
    assert heads[-2:] == [("2026-04", "2026年4月"), ("2026-05", "2026年5月")]
    assert heads[0] == ("2025-06", "2025年6月") and len(heads) == 12
    # the chart's axis and its tooltips read the same labels
    charts = [json.loads(html.unescape(spec)) for spec in re.findall(r"data-chart='([^']+)'", text)]
    assert [chart["labels"][-1] for chart in charts] == ["2026年5月", "2026年5月"]
    assert not any(re.fullmatch(r"\d{4}-\d{2}", label) for chart in charts for label in chart["labels"])
    # what people read never says 2026-05; the form still takes it as typed
    assert 'name="period" value="2026-05"' in text
    visible = re.sub(r"<[^>]+>", " ", re.sub(r'\s(?:value|data-[a-z-]+|href|action)="[^"]*"', "", text))
    assert "2026-05" not in visible and "2026年5月" in visible


def test_a_bad_row_of_an_upload_names_the_bank_on_the_page_and_on_the_command_line(app, client, auth, runner, tmp_path):
    path = _month_table(tmp_path / "6.xlsx", 6, [["己村镇银行", 55.0, 31.0], ["庚信用联社", "五十", 12.0]])
    auth.login("duban")
    preview = _upload(client, path).text
    assert "第 5 行（庚信用联社），“人民币存款余额”列：“五十”不是数字" in preview
    refused = runner.invoke(args=["import-indicators", path])
    assert refused.exit_code == 1
    assert "row 5, column 人民币存款余额: 庚信用联社 “五十”不是数字" in refused.output
    # the refusal's own sentence (the last line) names the bank too
    assert "第 5 行（庚信用联社）" in refused.output.strip().splitlines()[-1]
