"""The supervising office imports its first monthly indicator table and opens the ranking: nobody can be ranked yet
(同比增速 needs last year's month, 比年初增减 last December, 序时完成率 the targets). The page used to show a column of
"—" and say nothing; it now says which figures are missing and what to do, and stops saying it once they are there.
"""
from __future__ import annotations

import io

from tests.helpers.forms import csrf_token
from tests.helpers.xlsx import write_rows, xlsx_bytes


def table(path, title, rows):
    """A table as the 人行 sends it: title, 单位 line, header, one row per bank."""
    return str(write_rows(path, [[title], ["单位：亿元"], ["机构名称", "人民币存款余额"], *(list(row) for row in rows)]))

def test_the_first_months_ranking_says_which_figures_are_missing_and_what_to_do(app, runner, auth, client, tmp_path):
    first = table(tmp_path / "2026-11.xlsx", "2026年11月末全市各金融机构存贷款情况表", [("工商银行", 120.0), ("农业银行", 90.0)])
    assert runner.invoke(args=["import-indicators", first]).exit_code == 0
    auth.login("duban")
    by_yoy = client.get("/indicators/ranking?period=2026-11&indicator=人民币存款余额&by=yoy").text
    assert ("2026年11月还没有机构能按同比增速排名：同比增速要用上年同月（2025年11月）的数据（导入的数据表中自带的“同比”列不读取："
            "同比增速一律由本系统按上年同月数计算，各机构口径一致）。请导入2025年11月的指标数据表，"
            "或把排名依据改为其他一项。") in by_yoy
    assert 'href="/indicators/import"' in by_yoy
    by_ytd = client.get("/indicators/ranking?period=2026-11&indicator=人民币存款余额&by=ytd").text
    assert "比年初增减要用上年12月末（2025年12月）的数据。请导入2025年12月的指标数据表" in by_ytd
    by_target = client.get("/indicators/ranking?period=2026-11&indicator=人民币存款余额&by=target").text
    assert "要先设定各机构2026年的“人民币存款余额”年度目标。请在“年度目标”中设定" in by_target
    # the office imports last year's month: the banks are ranked and the sentence is gone
    last_year = table(tmp_path / "2025-11.xlsx", "2025年11月末全市各金融机构存贷款情况表", [("工商银行", 100.0), ("农业银行", 100.0)])
    assert runner.invoke(args=["import-indicators", last_year]).exit_code == 0
    ranked = client.get("/indicators/ranking?period=2026-11&indicator=人民币存款余额&by=yoy").text
    assert "还没有机构能按" not in ranked and 'id="ranking-unranked"' not in ranked
    assert ranked.index("工商银行") < ranked.index("农业银行")  # +20 % before −10 %

def test_a_liaison_is_told_to_wait_for_the_office_not_to_import(app, runner, signed_in, tmp_path):
    first = table(tmp_path / "2026-11.xlsx", "2026年11月末全市各金融机构存贷款情况表", [("重庆银监局", 120.0)])
    assert runner.invoke(args=["import-indicators", first]).exit_code == 0
    page = signed_in("yjj").get("/indicators/ranking?period=2026-11&indicator=人民币存款余额&by=yoy").text
    assert "请等待督办部门导入2025年11月的数据，或把排名依据改为其他一项。" in page
    assert 'href="/indicators/import"' not in page.split('id="ranking-unranked"')[1].split("</div>")[0]


def table_with_its_own_yoy(title, rows):
    """The 人行's table with a two-row header: each indicator over 余额 and 同比增长（%）, as the office receives it."""
    return xlsx_bytes([[title], ["单位：亿元"], ["机构名称", "人民币存款余额", None], [None, "余额", "同比增长（%）"],
                       *(list(row) for row in rows)])


def test_a_first_table_that_carries_its_own_yoy_says_the_column_is_not_read_and_what_to_import(app, client, auth):
    # The tracker's first month: the office imports a table whose 同比增长 column is filled. The preview says that
    # column is not read and which month to import; the ranking by 比年初增减 says why its 同比增速 column is empty.
    auth.login("duban")
    data = table_with_its_own_yoy("2026年11月末全市各金融机构存贷款情况表", [("工商银行", 120.0, 20.0), ("农业银行", 90.0, -10.0)])
    page = client.get("/indicators/import").text
    preview = client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": "",
                                                      "file": (io.BytesIO(data), "11月.xlsx")},
                          content_type="multipart/form-data").text
    note = preview.split('id="import-yoy-note">')[1].split("</div>")[0]
    assert note == ("表中的“人民币存款余额/同比增长（%）”列没有导入。“同比增速”一列为空：同比增速要用上年同月（2025年11月）的数据，"
                    "导入的数据表中自带的“同比”列不读取：同比增速一律由本系统按上年同月数计算，各机构口径一致。"
                    "请导入2025年11月的指标数据表。")
    confirm = client.post("/indicators/import", data={"csrf_token": csrf_token(preview), "period": "2026-11",
                                                      "token": preview.split('name="token" value="')[1].split('"')[0]})
    assert confirm.status_code in (200, 302)
    by_ytd = client.get("/indicators/ranking?period=2026-11&indicator=人民币存款余额&by=ytd").text
    assert 'id="ranking-yoy-empty"' in by_ytd and "同比增速要用上年同月（2025年11月）的数据" in by_ytd
    # the office imports last year's month as told: a table of 2026-11 is then previewed without the note, and the
    # ranking's 同比增速 is there
    def preview_of(data, name):
        page = client.get("/indicators/import").text
        return client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": "",
                                                       "file": (io.BytesIO(data), name)},
                           content_type="multipart/form-data").text
    last = table_with_its_own_yoy("2025年11月末全市各金融机构存贷款情况表", [("工商银行", 100.0, 5.0), ("农业银行", 100.0, 3.0)])
    shown = preview_of(last, "去年11月.xlsx")
    assert "请导入2024年11月的指标数据表" in shown  # that month's own 同比 needs 2024-11: said for its own month
    client.post("/indicators/import", data={"csrf_token": csrf_token(shown), "period": "2025-11",
                                            "token": shown.split('name="token" value="')[1].split('"')[0]})
    assert 'id="import-yoy-note"' not in preview_of(data, "11月.xlsx")
    by_ytd = client.get("/indicators/ranking?period=2026-11&indicator=人民币存款余额&by=ytd").text
    assert 'id="ranking-yoy-empty"' not in by_ytd and "20.00" in by_ytd  # 工商银行 120 against 100: +20 %
