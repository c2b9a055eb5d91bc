"""The ledger import page's preview of a district's 民生实事 ledger whose task column is captioned after the kind of
task (branch ledgers50): before, the page refused it ("没有找到…具体措施…列"); now the preview lists the district's
projects under their caption. The ledger is invented and built with openpyxl (tests/helpers/xlsx.xlsx_bytes)."""
from __future__ import annotations

from tests.helpers.ledger import preview_url, upload
from tests.helpers.xlsx import xlsx_bytes


def test_the_preview_lists_the_projects_of_a_ledger_captioned_after_its_kind_of_task(app, client, auth):
    rows = [["某区2026年惠民实事推进情况"], ["填报单位（盖章）：区实事办    填报时间：2026年11月30日"],
            ["序号", "惠民实事项目", "责任单位", "推进情况"],
            [1, "新增停车泊位500个", "区城管局", "完成300个"], [2, "改造老旧小区10个", "区住建局", "完成6个"]]
    auth.login("duban")
    page = client.get(preview_url(upload(client, xlsx_bytes(rows, ["A1:D1", "A2:D2"]), "惠民实事.xlsx"))).text
    assert "新增停车泊位500个" in page and "改造老旧小区10个" in page
    assert "没有找到" not in page
