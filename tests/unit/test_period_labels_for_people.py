"""A month as an office writes it, from one place (tracker/periods.period_label, download_name).

A supervising office files its tables and 通报 by month: a file named 指标数据模板-2026-11.xlsx reads as a date to be
converted, 指标数据模板-2026年11月.xlsx as the month it is. The pages, the template's title, the 通报's indicator
sections and every download name write the month the same way, through period_label.
"""
from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from tracker.bulletin.model import Bulletin
from tracker.indicators.workbook import IndicatorColumn, write_template
from tracker.periods import download_name, parse_period, period_label


@pytest.mark.parametrize("key, label", [
    ("2026-11", "2026年11月"), ("2027-01", "2027年1月"), ("2026-Q4", "2026年第四季度"), ("2025-Q1", "2025年第一季度"),
    ("2026-W03", "2026年第3周"),
])
def test_a_period_key_is_written_as_people_read_it(key, label):
    assert period_label(key) == label == parse_period(key).label


@pytest.mark.parametrize("typed", ["2026-13", "十一月", "", "2026/11", "0999-05"])
def test_what_names_no_period_is_echoed_as_typed_never_raised(typed):
    assert period_label(typed) == typed


def test_download_names_carry_the_month_in_words():
    assert download_name("指标数据模板", "2026-11", ".xlsx") == "指标数据模板-2026年11月.xlsx"
    assert download_name("督办通报", "2026-11", ".docx", "-第2版") == "督办通报-2026年11月-第2版.docx"
    assert download_name("督办通报", "2026-Q4", ".xlsx") == "督办通报-2026年第四季度.xlsx"
    assert download_name("指标示例表", "2027-02", ".xlsx", "（虚构数据）") == "指标示例表-2027年2月（虚构数据）.xlsx"


def test_the_template_an_office_downloads_is_titled_with_the_month_in_words():
    content = write_template("2027-03", [IndicatorColumn("人民币存款余额", "亿元")], ["渝信银行"])
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet["A1"].value == "2027年3月末全市各金融机构金融指标情况表"


def test_a_quarterly_bulletin_heads_its_indicator_sections_with_the_quarters_last_month():
    bulletin = Bulletin.__new__(Bulletin)
    object.__setattr__(bulletin, "period_key", "2026-Q3")
    assert bulletin.indicator_month_label == "2026年9月"
