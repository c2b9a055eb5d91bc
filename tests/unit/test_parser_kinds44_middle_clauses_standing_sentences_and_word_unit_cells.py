"""Unit kinds the parser still lost, found by trying an office's forms (issue 13, branch kinds44).

1. A clause in the middle of an annotation that the vocabulary does not know (`按月调度`, `逐年推进`, `分头落实`) made the
   whole bracket unreadable: only a last clause was passed over (kinds43). The units now stand wherever such a clause
   sits, the deadline is read where one is written (`每年6月底前报送进展` → `每年6月底前`), and the clause stays text.
2. A standing sentence after a group of measures (`以上各项任务均需…认真落实`, `（上述措施由…组织实施）`) gave its words to
   the item before it, or to the heading, as a unit (`上述措施由各地各部门`); a closing line naming a body for the items above
   (`以上任务由市金融办牵头`) reads as a heading naming its lead does (GOLD-README "kinds44").
3. Cells of a units column written as offices write them in a Word 分工表: short captions on two lines (`牵头：A` /
   `责任：B、C`), a cell that only says `同上` (the row above's units), a leader's post among the units (`分管副市长`).
Wording invented (GOLD-README "kinds44")."""
from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.signed_plans import UNITS_AND_DEADLINE, read_signed_plan
from tracker.parsing.annotations import parse_annotation_body


def _plan(items: list[str]) -> dict[tuple[str, ...], tuple]:
    """Each measure's (lead units, supporting units, deadline as written, due date) of a signed plan of ``items``."""
    return read_signed_plan("关于印发某市2025年城市更新行动方案的通知", items, "某市人民政府办公室\n2025年3月10日",
                            UNITS_AND_DEADLINE)


# ---- kind 1: a clause outside the vocabulary anywhere in the bracket ------------------------------------------------

def test_units_stand_whatever_clause_sits_in_the_middle_of_the_bracket_and_a_deadline_is_read_where_written():
    read = _plan([
        "一、改造老旧小区供热管网。（市住建局牵头，分头落实，2025年10月底前完成）",
        "二、开展独居老人探访关爱。（区民政局负责，逐年扩面，每年6月底前报送进展）",
        "三、开展防汛应急演练。（县应急局牵头，按月调度，县水利局、县消防救援大队配合）",
        "四、规范早夜市经营。（2025年起，市城管局负责，常抓不懈）",
        "五、清理僵尸车。（压茬推进；市公安局牵头；市城管局配合）",
    ])
    assert read[("一",)] == (["市住建局"], [], "2025年10月底前", datetime.date(2025, 10, 31))
    assert read[("二",)] == (["区民政局"], [], "每年6月底前", None)  # every year's June: periodic, no due date
    assert read[("三",)] == (["县应急局"], ["县水利局", "县消防救援大队"], None, None)
    assert read[("四",)] == (["市城管局"], [], None, None)  # the start year says when it begins, not by when
    assert read[("五",)] == (["市公安局"], ["市城管局"], None, None)


def test_a_bracket_whose_only_duty_is_missing_or_whose_list_waits_across_the_clause_stays_no_annotation():
    assert parse_annotation_body("按月调度，常抓不懈") is None  # no duty, no unit: words, not an annotation
    assert parse_annotation_body("抓紧推进，2025年底前") is None  # a time and words: still no units to keep
    # a list waiting for its duty across an unknown clause is not guessed at
    assert parse_annotation_body("市发改委、市财政局，按月调度，市统计局配合") is None
    # a remark on the list below is never passed over
    assert parse_annotation_body("市发改委牵头，以下均需各区落实，不再单独列出") is None


_STRANGE_WORDS = "推动提升优化改善强化质量效率水平环境创新融合发展稳步压茬常抓不懈调度摸排梳理见效"
_KNOWN = [("市卫健委牵头", [("lead", "市卫健委")]), ("市医保局、市民政局配合", [("supporting", "市医保局"), ("supporting", "市民政局")]),
          ("区财政局负责", [("responsible", "区财政局")])]


@settings(max_examples=150, deadline=None)
@given(strange=st.text(alphabet=_STRANGE_WORDS, min_size=2, max_size=12), at=st.integers(0, 3),
       separator=st.sampled_from(["，", "；"]))
def test_a_known_unit_list_joined_with_any_clause_of_other_words_keeps_its_units(strange, at, separator):
    clauses = [text for text, _ in _KNOWN]
    clauses.insert(at, strange)
    annotation = parse_annotation_body(separator.join(clauses))
    assert annotation is not None
    assert annotation.entries == [entry for _, entries in _KNOWN for entry in entries]
    assert annotation.deadline is None
