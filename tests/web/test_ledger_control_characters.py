"""Re-importing an unchanged ledger changes nothing, whatever characters the reports hold (issue 14
item 11, SECURITY-TESTS H10).

Story: a report filed through the API holds control characters ("\\x01", "\\x0b") that a workbook
cannot carry, so the export leaves them out; the office uploads the ledger unchanged: the preview
shows 0 updates and confirming writes nothing.
"""
from __future__ import annotations

import re

from tests.helpers.ledger import download, reimport, store_note


def test_unchanged_ledger_with_control_characters_in_reports_changes_nothing(app, client, auth):
    store_note(app, "一（三）", "第一段\x01第二段\x0b完")
    store_note(app, "一（一）", "尾部有控制字符\x0b")
    auth.login("duban")
    page, before, after = reimport(app, client, download(client).data)
    assert re.search(r'<div class="h4 mb-0">0</div><div class="small text-muted">更新任务', page)
    assert after["ProgressReport"] == before["ProgressReport"] and after["versions"] == before["versions"]
