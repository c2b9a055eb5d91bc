"""A plan copied from a document site on one line, four levels deep (一、（一）1.（1）), with the printed page's mark
"第3页共8页" glued between two items where the page ended: every item is read, as without the mark (the mark's place was
found twice, as a page's end and as glued to its 页, and the second find hid the whole outline: Hypothesis drew it from
tests/unit/test_parser_outline_matrix.py at stop 48)."""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text

pytestmark = pytest.mark.unit

PLAN = ("某县2026年园区提质工作方案 一、强化产业支撑（一）优化营商环境1.完善配套功能（1）新建园区支路两条，做到早部署。"
        "（2）改造老旧雨污管网，做到早部署。2.提升治理水平（1）增设公共停车场，做到早部署。第3页共8页"
        "二、推进绿色发展（一）壮大市场主体1.健全服务体系（1）引进链主企业三家，做到早部署。（2）培育专精特新企业，做到早部署。")


def test_a_page_mark_glued_into_a_four_level_outline_on_one_line_hides_no_item():
    measures = parse_plan_text(PLAN).measures
    assert [tuple(m.path) for m in measures] == [
        ("一",), ("一", "（一）"), ("一", "（一）", "1"), ("一", "（一）", "1", "（1）"), ("一", "（一）", "1", "（2）"),
        ("一", "（一）", "2"), ("一", "（一）", "2", "（1）"),
        ("二",), ("二", "（一）"), ("二", "（一）", "1"), ("二", "（一）", "1", "（1）"), ("二", "（一）", "1", "（2）")]
    assert measures[6].text.startswith("增设公共停车场")
