"""The rule of an extension's date (issue #5): a later date than the current 完成时限, said in Chinese when not."""
from __future__ import annotations

from datetime import date

import pytest

from tracker.services.workflow.extensions import later_date_refusal

DUE = date(2027, 3, 31)


@pytest.mark.parametrize("asked", [date(2027, 1, 15), date(2027, 3, 30), DUE])
def test_a_date_on_or_before_the_deadline_is_no_extension(asked):
    said = later_date_refusal(asked, DUE)
    assert said.startswith("“申请延期至”必须晚于现在的完成时限（2027年3月31日）")  # names the field and the deadline
    assert "请选择此日以后的日期" in said and "无需申请延期" in said  # and what to do instead


@pytest.mark.parametrize(("asked", "due"), [(date(2027, 4, 1), DUE), (date(2030, 1, 1), DUE), (date(2027, 1, 1), None)])
def test_a_later_date_or_a_task_without_deadline_passes(asked, due):
    assert later_date_refusal(asked, due) is None
