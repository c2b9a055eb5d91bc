"""The 市金融办's November table as the banks fill it: a decimal comma typed by mistake, a dash for no figure."""
from __future__ import annotations


from sqlalchemy import func, select

from tests.helpers.forms import deposit_entry, upload_indicator_table
from tests.helpers.xlsx import write_rows
from tracker.extensions import db
from tracker.models import IndicatorFigure, User
from tracker.services.indicators.figures import ranking


def november(path, deposits: dict[str, object]) -> str:
    return str(write_rows(path, [["2026年11月末全市各金融机构存贷款情况表"], ["单位：亿元"],
                                 ["机构名称", "人民币存款余额", "人民币贷款余额"],
                                 *([name, deposit, 100.0] for name, deposit in deposits.items())], title="11月"))


def upload(client, path: str):
    return upload_indicator_table(client, path, "11月.xlsx")


def test_5890_comma_1_is_refused_naming_the_cell_and_nothing_is_imported(app, client, auth, runner, tmp_path):
    # 工商银行's clerk typed 5890,1 for 5890.1 亿元: it was read as 58901 亿元 and ranked first by far.
    path = november(tmp_path / "11月.xlsx", {"工商银行": "5890,1", "农业银行": "4,510.2"})
    auth.login("duban")
    preview = upload(client, path).text
    assert "第 4 行（工商银行），“人民币存款余额”列：“5890,1”中的逗号不是千分位" in preview
    assert "小数点请用“.”" in preview and "（工作表“11月”B4 单元格）" in preview
    refused = runner.invoke(args=["import-indicators", path])
    assert refused.exit_code == 1
    assert "row 4, column 人民币存款余额: 工商银行 “5890,1”中的逗号不是千分位" in refused.output
    with app.app_context():
        assert not db.session.scalar(select(func.count(IndicatorFigure.id)).where(IndicatorFigure.period == "2026-11"))


def test_a_dash_is_said_in_the_preview_and_the_bank_is_not_ranked_as_zero(app, client, auth, runner, tmp_path):
    path = november(tmp_path / "11月.xlsx", {"工商银行": "—", "农业银行": 4510.2, "邮储银行": "无"})
    auth.login("duban")
    preview = upload(client, path).text
    assert 'id="import-no-figures"' in preview
    assert "第 4 行（工商银行），“人民币存款余额”列：“—”表示没有数据" in preview
    assert "第 6 行（邮储银行），“人民币存款余额”列：“无”表示没有数据" in preview
    assert "不按 0 计" in preview
    imported = runner.invoke(args=["import-indicators", path])
    assert imported.exit_code == 0, imported.output
    assert imported.stdout.strip().splitlines()[-1] == "imported 4 figures for 3 entities, period 2026-11"
    assert "无数据：row 4, column 人民币存款余额" in imported.stderr
    with app.app_context():
        duban = db.session.scalar(select(User).where(User.username == "duban"))
        rows = ranking(duban, "2026-11", "人民币存款余额", by="ytd").rows
        assert [row["entity"] for row in rows] == ["农业银行"]  # no 工商银行 at 0, no 邮储银行 at 0
        assert {row["entity"] for row in ranking(duban, "2026-11", "人民币贷款余额", by="ytd").rows} == {
            "工商银行", "农业银行", "邮储银行"}


def test_the_entry_form_reads_a_figure_as_the_tables_do(app, client, auth):
    # The same rule typed by hand: 58,901 is read (FloatField refused it in English), 5890,1 refused in Chinese.
    auth.login("zjj")
    fields, deposit = deposit_entry(app, client)
    own = fields["unit"]
    refused = client.post("/indicators/figures", data={**fields, f"figure-{deposit}": "5890,1"})
    assert refused.status_code == 422
    assert "“人民币存款余额”的“5890,1”中的逗号不是千分位" in refused.text and "Not a valid" not in refused.text
    saved = client.post("/indicators/figures", data={**fields, f"figure-{deposit}": "58,901"})
    assert saved.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(IndicatorFigure.value).where(IndicatorFigure.unit_id == own)) == 58901.0
