"""Indicators (issue 16): monthly tables imported a year apart, the ranking of CONTRACTS.md §8, entry rights."""
from __future__ import annotations

import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from tracker.extensions import db
from tracker.models import IndicatorFigure, Role, Unit, UnitKind, User
from tracker.services.errors import PermissionDenied
from tracker.services.indicators.figures import enter_figures, indicator_named, ranking, set_target

BANKS = ["工商银行", "农业银行", "邮储银行"]


def monthly_table(path, title, rows, unit="亿元", two_rows=False):
    """Write a table as the 人行 sends it: title, 单位 line, header, one row per bank, a 合计 row."""
    book = Workbook()
    sheet = book.active
    sheet.append([title])
    sheet.append([f"单位：{unit}"])
    if two_rows:
        sheet.append(["机构名称", "各项存款", None, None, "各项贷款", None])
        sheet.append([None, "余额", "比年初增减", "同比增长", "余额", "同比增长"])
        for name, deposit, loan in rows:
            sheet.append([name, deposit, None, "9.9%", loan, "1%"])
        sheet.merge_cells("B3:D3")
        sheet.merge_cells("E3:F3")
    else:
        sheet.append(["机构名称", "人民币存款余额", "人民币贷款余额"])
        for name, deposit, loan in rows:
            sheet.append([name, deposit, loan])
    sheet.append(["合计", sum(r[1] for r in rows), sum(r[2] for r in rows)])
    book.save(path)
    return str(path)


@pytest.fixture
def two_years(app, runner, tmp_path):
    """July 2023 and December 2023 in 万元 with two-row headers, July 2024 in 亿元 (the same three banks)."""
    july_2023 = monthly_table(tmp_path / "2023-07.xlsx", "2023年7月末全市各金融机构存贷款情况表",
                              [("工商银行", 1_000_000, 800_000), ("农业银行", 500_000, 400_000),
                               ("邮储银行", 400_000, 100_000)], unit="万元", two_rows=True)
    december = monthly_table(tmp_path / "2023-12.xlsx", "2023年12月末全市各金融机构存贷款情况表",
                             [("工商银行", 1_050_000, 820_000), ("农业银行", 520_000, 410_000),
                              ("邮储银行", 410_000, 100_000)], unit="万元", two_rows=True)
    july_2024 = monthly_table(tmp_path / "2024-07.xlsx", "2024年7月末全市各金融机构存贷款情况表",
                              [("工商银行", 110.0, 88.0), ("农业银行", 55.0, 42.0), ("邮储银行", 44.0, 10.5)])
    outputs = [runner.invoke(args=["import-indicators", path]) for path in (july_2023, december, july_2024)]
    return outputs


def test_indicators_two_monthly_workbooks_a_year_apart_import(app, two_years):
    first, _, last = two_years
    assert first.exit_code == 0, first.output
    lines = first.output.strip().splitlines()
    assert lines[:3] == [f"not in the registry: {name}（不在单位名录中，已新建为金融机构）" for name in BANKS]
    assert lines[-1] == "imported 6 figures for 3 entities, period 2023-07"
    assert last.output.strip() == "imported 6 figures for 3 entities, period 2024-07"
    with app.app_context():
        assert db.session.scalar(select(func.count(IndicatorFigure.id))) == 18
        bank = db.session.scalar(select(Unit).where(Unit.name == "工商银行"))
        assert bank.kind is UnitKind.INSTITUTION
        stored = db.session.scalar(select(IndicatorFigure.value).where(IndicatorFigure.unit_id == bank.id,
                                                                      IndicatorFigure.period == "2023-07"))
        assert stored == pytest.approx(100.0)  # 1,000,000 万元 = 100 亿元


def test_indicators_ranking_by_yoy_matches_a_hand_computation(app, runner, two_years):
    result = runner.invoke(args=["indicator-ranking", "--period", "2024-07", "--indicator", "人民币存款余额",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    # 工行 110/100 → +10 %, 农行 55/50 → +10 %, 邮储 44/40 → +10 %: all tie; loans differ.
    assert [(r["entity"], r["yoy_pct"], r["rank"]) for r in rows] == [
        ("农业银行", 10.0, 1), ("工商银行", 10.0, 1), ("邮储银行", 10.0, 1)]
    loans = json.loads(runner.invoke(args=["indicator-ranking", "--period", "2024-07", "--indicator", "人民币贷款余额",
                                           "--by", "yoy", "--format", "json"]).output)
    # 工行 88/80 → +10 %, 农行 42/40 → +5 %, 邮储 10.5/10 → +5 %: ties share rank 2.
    assert [(r["entity"], r["yoy_pct"], r["rank"]) for r in loans] == [
        ("工商银行", 10.0, 1), ("农业银行", 5.0, 2), ("邮储银行", 5.0, 2)]
    first = loans[0]
    assert set(first) >= {"entity", "value", "unit", "yoy_pct", "ytd_change", "target", "schedule_target",
                          "completion_pct", "shortfall", "rank"}
    assert first["unit"] == "亿元" and first["target"] is None and first["completion_pct"] is None


def set_deposit_targets(app, targets: dict[str, float]) -> None:
    """The supervising office sets the banks' 2024 targets of 人民币存款余额 (亿元), {bank: target}."""
    with app.app_context():
        deposit = indicator_named("人民币存款余额")
        operator = db.session.scalar(select(User).where(User.role == Role.SUPERVISOR))
        units = {u.name: u.id for u in db.session.scalars(select(Unit).where(Unit.name.in_(BANKS)))}
        for name, target in targets.items():
            set_target(operator, units[name], deposit.id, 2024, target)


def test_indicators_ranking_by_schedule_completion_matches_a_hand_computation(app, runner, two_years):
    set_deposit_targets(app, {"工商银行": 10.0, "农业银行": 6.0, "邮储银行": 2.4})
    rows = json.loads(runner.invoke(args=["indicator-ranking", "--period", "2024-07", "--indicator", "人民币存款余额",
                                          "--by", "target", "--format", "json"]).output)
    # Since December: 工行 110 − 105 = 5 of 10 → 50 %; 农行 55 − 52 = 3 of 6 → 50 %; 邮储 44 − 41 = 3 of 2.4 → 125 %.
    # 序时目标 = target × 7/12: 工行 5.83 (欠账 0.83), 农行 3.5 (欠账 0.5), 邮储 1.4 (欠账 0).
    assert [(r["entity"], r["completion_pct"], r["rank"]) for r in rows] == [
        ("邮储银行", 125.0, 1), ("农业银行", 50.0, 2), ("工商银行", 50.0, 2)]
    by_name = {r["entity"]: r for r in rows}
    assert by_name["工商银行"]["ytd_change"] == 5.0
    assert by_name["工商银行"]["schedule_target"] == pytest.approx(5.83)
    assert by_name["工商银行"]["shortfall"] == pytest.approx(0.83)
    assert by_name["农业银行"]["shortfall"] == pytest.approx(0.5)
    assert by_name["邮储银行"]["shortfall"] == 0.0
    # 7/12 of the year = 58.3 %: 工行 and 农行 at 50 % are 8.3 points behind (over the tolerance of 5): red.
    assert {r["entity"]: r["light"] for r in rows} == {"邮储银行": "green", "农业银行": "red", "工商银行": "red"}


def test_indicators_a_balance_that_halves_is_flagged_and_not_stored(app, runner, two_years, tmp_path):
    halved = monthly_table(tmp_path / "2024-08.xlsx", "2024年8月末全市各金融机构存贷款情况表",
                           [("工商银行", 50.0, 88.0), ("农业银行", 55.0, 42.0), ("邮储银行", 44.0, 10.5)])
    refused = runner.invoke(args=["import-indicators", halved])
    assert refused.exit_code == 1
    assert "row 4, column 人民币存款余额: 工商银行 50亿元，余额比上月（110）减少一半以上" in refused.output
    with app.app_context():
        assert not db.session.scalar(select(func.count(IndicatorFigure.id)).where(IndicatorFigure.period == "2024-08"))
    accepted = runner.invoke(args=["import-indicators", halved, "--accept-flagged"])
    assert accepted.output.strip() == "imported 6 figures for 3 entities, period 2024-08"


def test_indicators_dry_run_writes_nothing_and_a_bad_cell_stops_the_whole_table(app, runner, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("2024年1—7月保费收入\n单位：亿元\n机构名称,保费收入\n人保财险,3.2\n平安产险,约3\n", encoding="utf-8-sig")
    result = runner.invoke(args=["import-indicators", str(path)])
    assert result.exit_code == 1
    assert "row 5, column 保费收入: 平安产险 “约3”不是数字，请填写数值或留空" in result.output
    good = tmp_path / "good.csv"
    good.write_text("保费收入\n机构名称,保费收入\n人保财险,3.2\n", encoding="utf-8")
    dry = runner.invoke(args=["import-indicators", str(good), "--period", "2024-07", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "would import 1 figures for 1 entities, period 2024-07" in dry.output
    with app.app_context():
        assert not db.session.scalar(select(func.count(IndicatorFigure.id)))
        assert db.session.scalar(select(Unit).where(Unit.name == "人保财险")) is None


def test_indicators_the_page_names_a_bad_cell_and_a_doubled_bank_in_chinese_and_the_command_line_as_contracted(
        app, client, auth, runner, tmp_path):
    # The office uploads its November table with 工商银行 written twice, once with "abc" for a balance: the page said
    # "row 6, column 人民币存款余额: …" in the command line's English; it now says the row and the column in Chinese.
    path = tmp_path / "11月.xlsx"
    monthly_table(path, "2024年11月末全市各金融机构存贷款情况表", [("工商银行", 120.0, 90.0), ("农业银行", 60.0, 40.0)])
    book = load_workbook(path)
    book.active.append(["工商银行", "abc", 91.0])
    book.save(path)
    auth.login("duban")
    page = client.get("/indicators/import").text
    preview = client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": "",
                                                      "file": (io.BytesIO(path.read_bytes()), "11月.xlsx")},
                          content_type="multipart/form-data").text
    assert "第 7 行（工商银行），“人民币存款余额”列：“abc”不是数字，请填写数值或留空" in preview
    assert "第 7 行，“机构名称”列：“工商银行”在第 4 行已出现，请合并为一行" in preview
    assert "row 7, column" not in preview
    refused = runner.invoke(args=["import-indicators", str(path)])
    assert refused.exit_code == 1
    assert "row 7, column 人民币存款余额: 工商银行 “abc”不是数字，请填写数值或留空" in refused.output
    assert "row 7, column 机构名称: “工商银行”在第 4 行已出现，请合并为一行" in refused.output


def test_indicators_a_liaison_files_only_its_own_units_figures(app):
    with app.app_context():
        liaison = db.session.scalar(select(User).where(User.role == Role.LIAISON))
        other = db.session.scalar(select(Unit).where(Unit.id != liaison.unit_id))
        assert enter_figures(liaison, liaison.unit_id, "2024-07", {"保费收入": 1.5, "人民币存款余额": None}) == 1
        with pytest.raises(PermissionDenied, match="只能填报本单位"):
            enter_figures(liaison, other.id, "2024-07", {"保费收入": 1.5})
        assert enter_figures(liaison, liaison.unit_id, "2024-07", {"保费收入": 1.75}) == 1  # a correction replaces
        own = ranking(liaison, "2024-07", "保费收入")
        assert [(row["entity"], row["value"]) for row in own.rows] == [(liaison.unit.name, 1.75)]
        assert db.session.scalar(select(func.count(IndicatorFigure.id))) == 1


def test_indicators_ranking_of_an_unknown_indicator_or_bad_period_fails_in_one_sentence(app, runner):
    unknown = runner.invoke(args=["indicator-ranking", "--period", "2024-07", "--indicator", "GDP", "--format", "json"])
    assert unknown.exit_code == 2 and "没有名为“GDP”的指标" in unknown.output
    bad = runner.invoke(args=["indicator-ranking", "--period", "2024-13", "--indicator", "保费收入", "--format", "json"])
    assert bad.exit_code == 2 and "YYYY-MM" in bad.output


# --- The pages -----------------------------------------------------------------------------------

from openpyxl import load_workbook  # noqa: E402

from tests.helpers.forms import csrf_token  # noqa: E402


def _institutions(app, names):
    with app.app_context():
        for name in names:
            db.session.add(Unit(name=name, kind=UnitKind.INSTITUTION))
        db.session.commit()


def test_indicators_pages_template_download_fill_import_and_ranking(app, client, auth):
    _institutions(app, ["工商银行", "农业银行"])
    auth.login("duban")
    # the import page links the template an office fills (the same columns the import reads)
    link = __import__("re").search(r'id="indicator-template".*?href="([^"]+)"', client.get("/indicators/import").text)
    assert link and link.group(1).startswith("/indicators/template.xlsx")
    downloaded = client.get(link.group(1).replace("&amp;", "&") + ("&" if "?" in link.group(1) else "?") + "period=2024-07")
    assert downloaded.status_code == 200
    book = load_workbook(io.BytesIO(downloaded.data))
    sheet = book.active
    assert sheet["A1"].value == "2024年7月末全市各金融机构金融指标情况表"
    assert [c.value for c in sheet[3]][:2] == ["机构名称", "人民币存款余额（亿元）"]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(4, sheet.max_row + 1)}
    sheet.cell(row=rows["工商银行"], column=2, value=110.0)
    sheet.cell(row=rows["农业银行"], column=2, value=55.5)
    filled = io.BytesIO()
    book.save(filled)
    page = client.get("/indicators/import").text
    preview = client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": "",
                                                      "file": (io.BytesIO(filled.getvalue()), "模板.xlsx")},
                          content_type="multipart/form-data")
    assert preview.status_code == 200, preview.text
    assert "预览：2024年7月，2 家机构，2 项数据" in preview.text
    with app.app_context():
        assert not db.session.scalar(select(func.count(IndicatorFigure.id)))  # the preview writes nothing
    token = __import__("re").search(r'name="token" value="([0-9a-f]{32})"', preview.text).group(1)
    done = client.post("/indicators/import", data={"csrf_token": csrf_token(preview.text), "token": token,
                                                   "period": "2024-07"})
    assert done.status_code == 302 and "/indicators/ranking" in done.headers["Location"]
    ranking_page = client.get("/indicators/ranking?period=2024-07&indicator=人民币存款余额&by=yoy").text
    assert "工商银行" in ranking_page and "农业银行" in ranking_page  # no figure a year before: no rank yet
    assert "110.00" in ranking_page and "55.50" in ranking_page
    assert "同比增速 =（本月数 − 上年同月数）÷ 上年同月数 × 100%" in ranking_page


def test_indicators_a_liaison_enters_its_own_figures_on_the_form_and_not_another_units(app, client, auth):
    auth.login("zjj")
    page = client.get("/indicators/figures")
    assert page.status_code == 200
    with app.app_context():
        liaison = db.session.scalar(select(User).where(User.username == "zjj"))
        own, deposit = liaison.unit_id, indicator_named("人民币存款余额").id
        other = db.session.scalar(select(Unit.id).where(Unit.id != own))
    saved = client.post("/indicators/figures", data={"csrf_token": csrf_token(page.text), "unit": own,
                                                     "period": "2024-07", f"figure-{deposit}": "12.5"})
    assert saved.status_code == 302
    refused = client.post("/indicators/figures", data={"csrf_token": csrf_token(page.text), "unit": other,
                                                       "period": "2024-07", f"figure-{deposit}": "99"})
    assert refused.status_code == 422  # beside 填报单位: another unit is no choice of hers (tracker/forms)
    with app.app_context():
        stored = db.session.execute(select(IndicatorFigure.unit_id, IndicatorFigure.value)).all()
    assert stored == [(own, 12.5)]


def test_indicators_the_monthly_bulletin_names_the_entities_with_the_largest_shortfall(app, runner, two_years, tmp_path,
                                                                                      signed_in):
    from docx import Document

    set_deposit_targets(app, {"工商银行": 10.0, "农业银行": 6.0, "邮储银行": 2.4})
    out = tmp_path / "通报.docx"
    result = runner.invoke(args=["bulletin", "--period", "2024-07", "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = Document(str(out))
    texts = [p.text for p in document.paragraphs]
    # each section names the month its figures are of and what the ranking is by
    assert "六、金融指标欠账较大的机构（2024年7月）" in texts and "七、金融指标综合排名（2024年7月，按同比增速）" in texts
    table = document.tables[-2]  # the last one is the overall ranking
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    # 工行 behind by 0.83 亿元, 农行 by 0.5 亿元: 工行 first; 邮储 is ahead of its 序时目标 and not listed.
    assert [row[:2] for row in rows[1:]] == [["人民币存款余额", "工商银行"], ["人民币存款余额", "农业银行"]]
    # the unit has its own column: every amount of the row (本月数 … 欠账) is a bare number in it
    assert rows[0][2] == "计量单位" and rows[0][-1] == "欠账"
    assert [row[2] for row in rows[1:]] == ["亿元", "亿元"]
    assert rows[1][-1] == "0.83" and rows[2][-1] == "0.50"
    assert not any("亿元" in cell for row in rows[1:] for cell in row[3:])
    assert any("欠账 = max(0, 序时目标 − 完成数)" in text for text in texts)

    # the office's 通报 page shows the very rows the Word file holds
    page = BeautifulSoup(signed_in("duban").get("/bulletin?period=2024-07").text, "html.parser")
    shown = page.select("table.bulletin-indicators")[0]
    assert [[cell.get_text(strip=True) for cell in row.select("th, td")] for row in shown.select("tr")] == rows


def test_indicators_the_supervising_office_sets_an_annual_target_on_its_page(app, client, auth):
    _institutions(app, ["工商银行"])
    auth.login("duban")
    page = client.get("/indicators/targets?year=2024")
    assert page.status_code == 200 and "2024 年还没有设定目标" in page.text
    with app.app_context():
        bank = db.session.scalar(select(Unit.id).where(Unit.name == "工商银行"))
        deposit = indicator_named("人民币存款余额").id
    fields = {"csrf_token": csrf_token(page.text), "unit": bank, "indicator": deposit, "year": 2024}
    assert client.post("/indicators/targets", data={**fields, "target": "0"}).status_code == 422
    assert client.post("/indicators/targets", data={**fields, "target": "12.5"}).status_code == 302
    shown = client.get("/indicators/targets?year=2024").text
    assert "工商银行" in shown and "12.50 亿元" in shown


def _set_weights(app, weights):
    from tracker.services.indicators.figures import set_weights

    with app.app_context():
        operator = db.session.scalar(select(User).where(User.role == Role.SUPERVISOR))
        set_weights(operator, {indicator_named(name).id: weight for name, weight in weights.items()})


def test_indicators_overall_ranking_weighs_the_rank_scores_as_a_hand_computation(app, two_years):
    from tracker.services.indicators.figures import overall_ranking

    _set_weights(app, {"人民币存款余额": 2, "人民币贷款余额": 1, "保费收入": 1})
    with app.app_context():
        operator = db.session.scalar(select(User).where(User.role == Role.SUPERVISOR))
        result = overall_ranking(operator, "2024-07", "yoy")
    # By 同比增速: deposits all +10 % → all rank 1 of 3 → 100 points each; loans 工行 1st (100),
    # 农行 and 邮储 share 2nd → (3 − 2 + 1) ÷ 3 × 100 = 66.67; 保费收入 has no figures: not counted.
    # 工行 (2×100 + 1×100) ÷ 3 = 100; 农行 and 邮储 (2×100 + 1×66.67) ÷ 3 = 88.89, sharing rank 2.
    assert [(r["entity"], r["score"], r["rank"]) for r in result.rows] == [
        ("工商银行", 100.0, 1), ("农业银行", 88.89, 2), ("邮储银行", 88.89, 2)]
    assert result.rows[1]["scores"] == {"人民币存款余额": 100.0, "人民币贷款余额": 66.67}
    _set_weights(app, {"人民币存款余额": 0, "人民币贷款余额": 1, "保费收入": 0})
    with app.app_context():
        operator = db.session.scalar(select(User).where(User.role == Role.SUPERVISOR))
        loans_only = overall_ranking(operator, "2024-07", "yoy")
    assert [(r["entity"], r["score"]) for r in loans_only.rows][0] == ("工商银行", 100.0)


def test_indicators_a_liaison_sees_its_own_row_with_its_rank_among_all(app, two_years):
    from tracker.services.indicators.figures import overall_ranking

    with app.app_context():
        liaison = db.session.scalar(select(User).where(User.role == Role.LIAISON))
        bank = db.session.scalar(select(Unit).where(Unit.name == "邮储银行"))
        liaison.unit_id = bank.id
        db.session.commit()
        loans = ranking(liaison, "2024-07", "人民币贷款余额", "yoy")
        combined = overall_ranking(liaison, "2024-07", "yoy")
    assert [(r["entity"], r["rank"]) for r in loans.rows] == [("邮储银行", 2)]  # not "1 of 1"
    assert [(r["entity"], r["rank"]) for r in combined.rows] == [("邮储银行", 2)]


def test_indicators_the_office_sets_weights_and_the_ranking_page_prints_the_overall_table_and_rule(
        app, client, auth, two_years):
    auth.login("duban")
    page = client.get("/indicators")
    assert page.status_code == 200 and "综合排名的指标权重" in page.text
    with app.app_context():
        ids = {name: indicator_named(name).id for name in ("人民币存款余额", "人民币贷款余额", "保费收入")}
    token = csrf_token(page.text)
    bad = client.post("/indicators/weights", data={"csrf_token": token, f"weight-{ids['人民币存款余额']}": "-1",
                                                   f"weight-{ids['人民币贷款余额']}": "1", f"weight-{ids['保费收入']}": "1"})
    assert bad.status_code == 422 and "“人民币存款余额”的权重应在 0—100 之间" in bad.text
    saved = client.post("/indicators/weights", data={"csrf_token": token, f"weight-{ids['人民币存款余额']}": "2",
                                                     f"weight-{ids['人民币贷款余额']}": "1", f"weight-{ids['保费收入']}": "0"})
    assert saved.status_code == 302
    with app.app_context():
        assert indicator_named("人民币存款余额").weight == 2.0 and indicator_named("保费收入").weight == 0.0
    ranking_page = client.get("/indicators/ranking?period=2024-07&indicator=人民币贷款余额&by=yoy").text
    assert 'id="overall"' in ranking_page and "88.89" in ranking_page and "位次赋分法" in ranking_page
    assert "人民币存款余额得分（权重 2）" in ranking_page


def test_indicators_the_print_bulletin_carries_the_shortfall_and_overall_sections(app, client, auth, two_years):
    auth.login("duban")
    page = client.get("/bulletin?period=2024-07")
    assert page.status_code == 200
    # No targets: no 欠账 section, so the overall ranking is section 六; equal weights of 1, 保费收入 without
    # figures not counted: 工行 (100 + 100) ÷ 2 = 100, 农行 and 邮储 (100 + 66.67) ÷ 2 = 83.33.
    assert "六、金融指标综合排名" in page.text and "欠账较大" not in page.text
    assert "<td>2</td><td>邮储银行</td><td>83.33</td>" in page.text
    assert "按同比增速排名" in page.text


def test_indicators_an_entitys_trend_page_draws_12_months_with_its_data_table(app, client, auth, two_years):
    auth.login("duban")
    with app.app_context():
        bank = db.session.scalar(select(Unit.id).where(Unit.name == "工商银行"))
    ranking_page = client.get("/indicators/ranking?period=2024-07&indicator=人民币贷款余额").text
    assert f'/indicators/entities/{bank}?indicator=' in ranking_page  # the entity's name links its trend
    page = client.get(f"/indicators/entities/{bank}?indicator=人民币贷款余额&period=2024-07")
    assert page.status_code == 200
    text = page.text
    rows = __import__("re").findall(r'<th scope="row" [^>]*data-period="(\d{4}-\d{2})">[^<]+</th>\s*'
                                    r'<td class="text-end[^"]*">([^<]+)</td><td class="text-end[^"]*">([^<]+)</td>'
                                    r'<td class="text-end[^"]*">([^<]+)</td>', text)
    assert [row[0] for row in rows] == [f"2023-{m:02d}" for m in range(8, 13)] + [f"2024-{m:02d}" for m in range(1, 8)]
    # July 2024: 88 亿元, 同比 88/80 − 1 = +10 %, 比年初 88 − 82 = +6; December 2023: 82 亿元, no figure a year before.
    assert rows[-1][1:] == ("88.00", "10.00", "6.00")
    assert rows[4][1:] == ("82.00", "—", "—") and rows[0][1:] == ("—", "—", "—")
    assert 'class="tracker-chart"' in text and "vendor/chartjs/chart.umd.min.js" in text and "<script>" not in text
    assert '"suffix": "%"' in text or "&#34;suffix&#34;: &#34;%&#34;" in text


def test_indicators_a_liaison_sees_only_its_own_units_trend(app, client, auth, two_years):
    with app.app_context():
        liaison = db.session.scalar(select(User).where(User.username == "zjj"))
        other = db.session.scalar(select(Unit.id).where(Unit.name == "工商银行"))
        own = liaison.unit_id
    auth.login("zjj")
    assert client.get(f"/indicators/entities/{own}?period=2024-07").status_code == 200
    refused = client.get(f"/indicators/entities/{other}?period=2024-07")
    assert refused.status_code == 403 and "只能查看本单位" in refused.text
    assert client.get(f"/indicators/entities/{own}?period=2024-7").status_code == 400
    assert client.get("/indicators/entities/99999").status_code in (403, 404)


def test_indicators_two_banks_growing_alike_are_printed_first_together_on_the_page_and_to_each_liaison(
        app, client, auth, runner, tmp_path):
    """As the 通报 prints ties (indicators.ranking.rank_number, rank_note): 工商银行 and 农业银行 both grew 10 %, so both
    are 1 with 并列 in the 并列/说明 column and 邮储银行 is 3; a liaison of 农业银行, seeing its own row only, still reads 1
    and 并列 (workflow55: no longer "1（并列）")."""
    for period, rows in (("2023年7月", [("工商银行", 100.0, 80.0), ("农业银行", 50.0, 40.0), ("邮储银行", 40.0, 10.0)]),
                         ("2024年7月", [("工商银行", 110.0, 88.0), ("农业银行", 55.0, 44.0), ("邮储银行", 42.0, 10.5)])):
        path = monthly_table(tmp_path / f"{period}.xlsx", f"{period}末全市各金融机构存贷款情况表", rows)
        assert runner.invoke(args=["import-indicators", path]).exit_code == 0
    auth.login("duban")  # the supervising office
    page = client.get("/indicators/ranking?period=2024-07&indicator=人民币存款余额&by=yoy").text
    ranks = re.findall(r"<tr><td>([^<]*)</td><td>(?:<a[^>]*>)?([^<]*)", page.split('id="ranking"')[1].split("</table>")[0])
    assert sorted(ranks[:2]) == [("1", "农业银行"), ("1", "工商银行")] and ranks[2] == ("3", "邮储银行")
    with app.app_context():
        liaison = db.session.scalar(select(User).where(User.role == Role.LIAISON))
        liaison.unit_id = db.session.scalar(select(Unit.id).where(Unit.name == "农业银行"))
        db.session.commit()
        own = ranking(liaison, "2024-07", "人民币存款余额", "yoy")
    assert [(r["entity"], r["rank"], r["rank_label"], r["rank_note"]) for r in own.rows] == [("农业银行", 1, 1, "并列")]


def test_indicators_a_title_naming_only_a_year_takes_the_sheets_month_and_a_table_naming_no_month_is_refused(
        app, runner, tmp_path):
    # 2024年全市金融机构存贷款情况表: the office named the sheet 3月; a second office wrote the month nowhere.
    def year_only(path, sheet_name):
        book = Workbook()
        book.active.title = sheet_name
        for values in (["2024年全市金融机构存贷款情况表"], ["单位：亿元"], ["机构名称", "人民币存款余额", "人民币贷款余额"],
                       ["工商银行", 110.0, 88.0], ["合计", 110.0, 88.0]):
            book.active.append(values)
        book.save(path)
        return str(path)

    named = runner.invoke(args=["import-indicators", year_only(tmp_path / "named.xlsx", "3月"), "--dry-run"])
    assert named.exit_code == 0, named.output
    assert "would import 2 figures for 1 entities, period 2024-03" in named.output
    unnamed = runner.invoke(args=["import-indicators", year_only(tmp_path / "unnamed.xlsx", "存贷款"), "--dry-run"])
    assert unnamed.exit_code != 0
    assert "请在标题中写明月份" in unnamed.output and "2024-12" not in unnamed.output


def test_indicators_a_bank_without_a_target_reads_未设目标_not_a_double_dash_on_the_ranking(app, client, auth, two_years):
    # The office set 2024's deposit targets for 工商银行 only. On the ranking, 农业银行's 欠账 is empty ("—", as every
    # empty figure) and its 序时状态 says why there is no light, instead of a second dash beside it ("— —").
    set_deposit_targets(app, {"工商银行": 10.0})
    auth.login("duban")
    page = client.get("/indicators/ranking?period=2024-07&indicator=人民币存款余额&by=yoy").text
    table = page[page.index('id="ranking"'):page.index("</table>", page.index('id="ranking"'))]
    cells = {re.sub(r"<[^>]+>", "", row.split("</td>")[1]).strip():
             [re.sub(r"<[^>]+>", "", cell).strip() for cell in row.split("</td>")[-4:-2]]  # before the 并列/说明 cell (workflow55)
             for row in table.split("<tr>")[2:]}
    assert cells["农业银行"] == ["—", "未设目标"] and cells["邮储银行"] == ["—", "未设目标"]
    assert cells["工商银行"] == ["0.83", "红灯"]


def test_indicators_the_command_line_refuses_a_table_of_another_kind_in_the_import_forms_words(runner, tmp_path):
    # an office's script passes the table saved as .xls: refused before reading, in the words the upload form says it,
    # with the kinds taken (indicators/workbook.TABLE_SUFFIXES) and what to do
    path = tmp_path / "2024年7月存贷款.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    refused = runner.invoke(args=["import-indicators", str(path)])
    assert refused.exit_code == 2
    assert refused.output.strip() == (f"错误：{path} 不是指标数据表可用的格式：只接受 Excel 工作簿（.xlsx）或 CSV（.csv），"
                                      "请另存为其中一种后再上传。")


def test_indicators_a_new_office_with_no_institution_is_told_where_they_come_from_not_shown_an_empty_list(
        app, client, auth, signed_in):
    # 市金融办 on its first day: the registry holds the plan's 部门 and no 金融机构, the only units figures are kept for
    auth.login("duban")
    first = client.get("/indicators/figures").text
    assert 'id="figures-no-institutions"' in first and "单位名录中还没有金融机构" in first
    assert 'href="/indicators/import"' in first and 'href="/admin/units"' in first  # both ways to add them
    assert 'id="unit"' not in first and ">保存</button>" not in first  # no empty 填报单位 list, no button to nowhere

    _institutions(app, ["工商银行"])  # e.g. the first table imported
    after = client.get("/indicators/figures").text
    assert "figures-no-institutions" not in after and ">工商银行</option>" in after and ">保存</button>" in after

    # a liaison always has its own unit to file for: never told to import or manage units
    own = signed_in("zjj").get("/indicators/figures").text
    assert "figures-no-institutions" not in own and ">重庆证监局</option>" in own


def test_indicators_figures_sent_while_no_institution_exists_are_refused_with_what_to_do_on_the_page(
        app, client, auth):
    # 市金融办 kept 填报数据 open from before its institutions were merged away (or posts it by hand): 保存 answered
    # 422 and a page with no reason on it. Now it says what is wrong, who adds institutions and where, and keeps the
    # two ways on under it; nothing is stored.
    auth.login("duban")
    page = client.get("/indicators/figures").text
    with app.app_context():
        before = db.session.scalar(select(func.count(IndicatorFigure.id)))
    answer = client.post("/indicators/figures", data={"csrf_token": csrf_token(page), "unit": "1", "period": "2026-11"})
    soup = BeautifulSoup(answer.text, "html.parser")
    assert answer.status_code == 400  # no field shown to say it beside (tracker/forms.refusal_status)
    assert soup.select_one(".alert-danger").get_text(strip=True) == (
        "没有保存：单位名录中还没有金融机构，指标数据无处可填。金融机构由督办部门或管理员添加："
        "在“指标监测 → 导入数据表”导入指标数据表（每行一家机构，导入时新建），或在“管理 → 单位管理”中新增单位"
        "并把类别改为“金融机构”；添加后回到本页填报。")
    ways = soup.select_one("#figures-no-institutions")
    assert ways.select_one('a[href="/indicators/import"]') and ways.select_one('a[href="/admin/units"]')
    with app.app_context():
        assert db.session.scalar(select(func.count(IndicatorFigure.id))) == before


def test_indicators_the_offices_month_a_table_in_wanyuan_is_previewed_and_ranked_with_its_unit_and_month_named(
        app, client, auth, tmp_path):
    # 市金融办 receives the 人行's November table in 万元; its ranking goes into a report to the city's leaders
    path = monthly_table(tmp_path / "11月.xlsx", "2026年11月末全市各金融机构存贷款情况表",
                         [("工商银行", 1_330_000, 980_000), ("农业银行", 850_000, 700_000)], unit="万元")
    auth.login("duban")
    page = client.get("/indicators/import").text
    with open(path, "rb") as handle:
        preview = client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": "",
                                                          "file": (io.BytesIO(handle.read()), "11月.xlsx")},
                              content_type="multipart/form-data")
    assert preview.status_code == 200, preview.text
    row = BeautifulSoup(preview.text, "html.parser").find(id="import-preview").find("tbody").find("tr")
    # 1,330,000 万元 is 133 亿元: the figure is shown with the unit it was converted to, never bare
    assert "人民币存款余额 133.00 亿元" in row.get_text() and "人民币贷款余额 98.00 亿元" in row.get_text()
    assert "已换算" in preview.text

    token = re.search(r'name="token" value="([0-9a-f]{32})"', preview.text).group(1)
    done = client.post("/indicators/import", data={"csrf_token": csrf_token(preview.text), "token": token,
                                                   "period": "2026-11"})
    ranking = BeautifulSoup(client.get(done.headers["Location"]).text, "html.parser")
    # the table says which month and indicator it ranks and on what, as the report that quotes it must
    assert ranking.find(id="ranking-heading").get_text() == "2026年11月人民币存款余额排名（按同比增速）"
    assert ranking.find(id="overall-heading").get_text() == "2026年11月综合排名（按同比增速）"
    captions = [th.get_text() for th in ranking.find(id="ranking").find("thead").find_all("th")]
    assert captions == ["名次", "机构", "本月数（亿元）", "同比增速（%）", "比年初增减（亿元）", "年度目标（亿元）",
                        "序时目标（亿元）", "序时完成率（%）", "欠账（亿元）", "序时状态", "并列/说明"]
