"""A liaison fills in its unit's copy of the work ledger and writes a 完成状态 the tracker does not know.

The refusal used to offer every status, 已办结 among them; a liaison who then wrote 已办结 had it turned down by the
transition rule with another note. Now the row's refusal lists only what that liaison may write on that task
(services/workflow/transitions.ledger_statuses), in one sentence saying what to do next.
"""
from __future__ import annotations

import openpyxl

from tests.helpers.ledger import edit, export, row_of, snapshot, task_by_number
from tracker.models import TaskStatus


def _zjj_copy(app, tmp_path, changes):
    exported = export(app, tmp_path / "证监局台账.xlsx", "--plan", "1", "--unit", "重庆证监局")
    return exported, edit(exported, tmp_path / "证监局填报.xlsx", changes)


def test_a_liaison_who_writes_an_unknown_status_is_offered_only_what_its_unit_may_write(app, tmp_path):
    # 重庆证监局 leads 一（三） (已交办) and supports 一（五）
    exported, filled = _zjj_copy(app, tmp_path, {"一（三）": {"完成状态": "差不多了"}, "一（五）": {"完成状态": "快了"}})
    before = snapshot(app)
    result = app.test_cli_runner().invoke(args=["import-ledger", str(filled), "--as", "zjj"])
    assert result.exit_code == 1 and snapshot(app) == before
    lead_row, support_row = row_of(exported, "一（三）"), row_of(exported, "一（五）")
    assert (f"row {lead_row}, column J: 未知的完成状态“差不多了”：此行可填写“已交办”、“推进中”、“申请办结”"
            "（申请办结须在“进展情况”中写明办结说明），请改为其中之一，或留空不改") in result.output
    assert (f"row {support_row}, column J: 未知的完成状态“快了”：您不能修改此行的完成状态，请填回“已交办”或留空，"
            "进展写在“进展情况”中") in result.output
    assert "已办结" not in result.output  # the supervising office's status is never offered to a liaison


def test_a_liaison_who_follows_the_sentence_gets_its_close_request_through(app, tmp_path):
    _, filled = _zjj_copy(app, tmp_path, {"一（三）": {"完成状态": "申请办结", "进展情况": "已完成证券市场风险排查。"}})
    result = app.test_cli_runner().invoke(args=["import-ledger", str(filled), "--as", "zjj"])
    assert result.exit_code == 0, result.output
    third = task_by_number(app, "一（三）")
    assert third.status is TaskStatus.CLOSE_REQUESTED
    assert [r.progress for r in third.reports] == ["已完成证券市场风险排查。"]


def test_the_supervising_office_is_still_offered_every_status(app, tmp_path):
    exported = export(app, tmp_path / "台账.xlsx", "--plan", "1")
    filled = edit(exported, tmp_path / "填报.xlsx", {"一（三）": {"完成状态": "差不多了"}})
    result = app.test_cli_runner().invoke(args=["import-ledger", str(filled)])
    assert result.exit_code == 1
    assert ("未知的完成状态“差不多了”：此行可填写“已交办”、“已签收”、“推进中”、“申请办结”、“已办结”"
            "（申请办结须在“进展情况”中写明办结说明），请改为其中之一，或留空不改") in result.output


def _drop_down(path):
    (validation,) = openpyxl.load_workbook(path).worksheets[0].data_validations.dataValidation
    return validation.formula1


def test_the_liaisons_copy_offers_in_its_drop_down_only_what_a_liaison_may_write(app, tmp_path, signed_in):
    exported, _ = _zjj_copy(app, tmp_path, {})
    assert _drop_down(exported) == '"推进中,申请办结"'  # 已签收 comes from 签收, 已办结 is the office's
    downloaded = signed_in("zjj").get("/my-tasks/ledger.xlsx")
    assert downloaded.status_code == 200
    (tmp_path / "下载.xlsx").write_bytes(downloaded.data)
    assert _drop_down(tmp_path / "下载.xlsx") == '"推进中,申请办结"'
    office = export(app, tmp_path / "全部.xlsx", "--plan", "1")
    assert _drop_down(office) == '"已交办,已签收,推进中,申请办结,已办结"'
