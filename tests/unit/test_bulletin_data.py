"""A published 通报 keeps its bulletin as JSON data (Bulletin.to_data) and is shown again from it (from_data)."""
from __future__ import annotations

import json
from datetime import date

import pytest

from tracker.bulletin import Bulletin, Headline, MissingLine, OverallLine, RankingLine, TaskLine
from tracker.bulletin.model import ShortfallLine


def october() -> Bulletin:
    return Bulletin(
        title="关于2026年10月重点任务督办情况的通报", number="督查室督办通报〔2026〕10号", office="督查室",
        issued_on=date(2026, 11, 21), period_key="2026-10", period_label="2026年10月", as_of=date(2026, 10, 31),
        headlines=[Headline("报送及时率", "42.9%", "按时报送次数 ÷ 应报送次数。")],
        ranking=[RankingLine(1, "甲局", 2, 1, 1.0, 3, 2, 1, 0, 2 / 3, 0, tied=True),
                 RankingLine(None, "乙局", 2, 0, None, 3, 1, 0, 2, None, 0)],
        not_reported=[MissingLine("乙局", 3, 2, ["一（三） 完善监测预警"])],
        overdue=[TaskLine("一（五）", "清理违规担保", "示范工作方案", "丙局", date(2026, 9, 30), days=31)],
        closed=[TaskLine("一（一）", "建立风险台账", "示范工作方案", "甲局", None, day=date(2026, 10, 20))],
        summary="截至2026年10月31日……", rules={"punctuality": "按时报送次数 ÷ 应报送次数。"},
        unranked=["丁局"], ranking_note="",
        shortfalls=[ShortfallLine("人民币存款余额", "某银行", "亿元", 10.5, 120.0, 100.0, 8.0, 8.0, 92.0)],
        overall=[OverallLine(1, "某银行", 3.25)])


def test_a_bulletin_read_back_from_its_data_is_the_bulletin_written_and_prints_the_same_rows():
    bulletin = october()
    bulletin.rendered["tables"] = "<table>…</table>"  # what a view kept is not published
    data = json.loads(json.dumps(bulletin.to_data(), ensure_ascii=False))  # as the database's JSON column keeps it
    assert "rendered" not in data and data["as_of"] == "2026-10-31" and data["closed"][0]["due_date"] is None
    again = Bulletin.from_data(data)
    assert again == bulletin and again.rendered == {}
    assert again.ranking_rows() == bulletin.ranking_rows() and again.indicator_sections() == bulletin.indicator_sections()


def test_damaged_bulletin_data_is_refused_with_a_sentence_not_a_traceback():
    data = october().to_data()
    del data["ranking"]
    with pytest.raises(ValueError, match="已发布通报的数据不完整或已损坏"):
        Bulletin.from_data(data)
    data = october().to_data()
    data["as_of"] = "十月底"
    with pytest.raises(ValueError, match="已发布通报的数据不完整或已损坏"):
        Bulletin.from_data(data)


@pytest.mark.parametrize("period_key, month", [("2026-10", "2026年10月"), ("2026-Q4", "2026年12月"),
                                               ("2026-W53", "2027年1月")])
def test_the_indicator_sections_name_the_month_their_figures_are_of_and_the_rankings_basis(period_key, month):
    # a quarter's 通报 ranks the institutions on its last month: the heading says which, quoted alone or not
    from dataclasses import replace

    headings = [heading for heading, _, _ in replace(october(), period_key=period_key).indicator_sections()]
    assert headings == [f"六、金融指标欠账较大的机构（{month}）", f"七、金融指标综合排名（{month}，按同比增速）"]
