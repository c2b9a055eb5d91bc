"""The supervisor's month end (workflow55): she imports the month's indicator table on the web and opens the ranking.

The confirmation read "已导入 2 家机构的 4 项指标数据（2026-11）" and the ranking "2026-11 还没有机构能按同比增速排名 … 请导入
2025-11 的指标数据表": a month as a machine writes it, in sentences an office copies into its report. Every month in
these sentences is now written as the pages and the 通报 name it, "2026年11月" (services/indicators/figures.month_label,
the one rule).
"""
from __future__ import annotations

import io
import re

from tests.helpers.forms import csrf_token
from tests.helpers.xlsx import write_rows


def test_the_import_and_the_first_months_ranking_write_months_the_chinese_way(app, client, auth, tmp_path):
    path = write_rows(tmp_path / "11月.xlsx", [["2026年11月末全市各金融机构存贷款情况表"], ["单位：亿元"],
                                             ["机构名称", "人民币存款余额", "人民币贷款余额"],
                                             ["甲银行重庆分行", 1200, 900], ["乙银行重庆分行", 800, 700]])
    auth.login("duban")
    page = client.get("/indicators/import").text
    preview = client.post("/indicators/import", data={"csrf_token": csrf_token(page), "period": "",
                                                      "file": (io.BytesIO(path.read_bytes()), "11月.xlsx")},
                          content_type="multipart/form-data")
    assert preview.status_code == 200, preview.text
    token = re.search(r'name="token" value="([0-9a-f]{32})"', preview.text).group(1)
    done = client.post("/indicators/import", data={"csrf_token": csrf_token(preview.text), "token": token,
                                                   "period": "2026-11"})
    ranking = client.get(done.headers["Location"]).text
    assert "已导入 2 家机构的 4 项指标数据（2026年11月）。" in ranking
    assert "2026年11月还没有机构能按同比增速排名：同比增速要用上年同月（2025年11月）的数据" in ranking
    assert "请导入2025年11月的指标数据表" in ranking
    assert not re.search(r"[（ ]20\d\d-\d\d[） ]", ranking.split("<main", 1)[-1].split('id="ranking"', 1)[0])
