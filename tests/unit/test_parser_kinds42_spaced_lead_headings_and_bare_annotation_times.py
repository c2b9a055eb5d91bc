"""Kinds the last stop left open, told as a user's stories (issue 13, branch kinds42).

1. A heading that names its lead with its text going on after a blank only, no colon or full stop
   (`（一）市商务局牵头的工作 推动外贸稳规模…`): its unit leads the heading and the items under it, as the colon and full-stop
   forms do (kinds40); prose that merely holds such words before a blank is no heading.
2. A time with no 前 in an annotation, closed by what is built or finished (`（区住建局负责，2023年底建成）`): the time is the
   measure's deadline as written, `2023年底`, as `2023年底前` is; in prose, a year's end after the subject's words and before
   the finishing verb (`新院区2024年底建成投用`) is read as when it opens the clause.
3. (Found on the way, a failing example of the wrapped-PDF property in test_parser_pdf_rules.py.) An annotation's opener left
   alone at a line's end, its caption on the next line (`…补齐路灯照明。（` / `责任单位：A、B）`): one annotation, no closer
   left in the last unit's name.
Wording invented after the forms the brief names (GOLD-README "kinds42")."""
from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.annotations import parse_annotation_body
from tracker.parsing.deadlines import find_text_deadline

_SIGNED = "县人民政府办公室\n2023年2月8日"


def _plan(items: list[str]) -> dict[tuple[str, ...], tuple[list[str], list[str], str | None, object]]:
    """Each measure's (lead units, supporting units, deadline as written, due date) of a signed plan of ``items``."""
    text = "\n".join(["关于印发某县2023年重点工作任务分解方案的通知", *items, _SIGNED])
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline, m.due_date)
            for m in parse_plan_text(text).measures}


# ---- kind 1: a heading naming its lead, its text going on after a blank ------------------------------------------

def test_a_heading_naming_its_lead_before_a_blank_leads_itself_and_its_items():
    read = _plan([
        "一、县政府办牵头的工作",
        "（一）县商务局牵头的工作 推动外贸稳规模，全年出口增长5%。",
        "1.组织企业参加境外展会。",
        "2.扩大跨境电商规模。（县邮政分公司配合）",
        "（二）县教育局、县人社局牵头的任务\u3000深化产教融合，新建实训基地2个。",
        "1.举办职业技能大赛。",
    ])
    assert read[("一", "（一）")][:2] == (["县商务局"], [])
    assert read[("一", "（一）", "1")][:2] == (["县商务局"], [])
    assert read[("一", "（一）", "2")][:2] == (["县商务局"], ["县邮政分公司"])
    assert read[("一", "（二）")][:2] == (["县教育局", "县人社局"], [])
    assert read[("一", "（二）", "1")][:2] == (["县教育局", "县人社局"], [])


def test_prose_holding_another_units_led_work_before_a_blank_is_no_heading():
    read = _plan([
        "一、县发改局牵头的工作",
        "（一）做好县商务局牵头的工作 推动外贸稳规模。",
        "（二）各乡镇配合县商务局牵头的工作 落实出口企业帮扶。",
        "1.走访出口企业。",
    ])
    # the heading above still leads them: the words before the blank name no unit of their own
    assert read[("一", "（一）")][:2] == (["县发改局"], [])
    assert read[("一", "（二）")][:2] == (["县发改局"], [])
    assert read[("一", "（二）", "1")][:2] == (["县发改局"], [])


_LEADS = st.sampled_from(["县商务局", "县财政局", "县住建局", "县委宣传部", "县市场监管局"])
_WORKS = st.sampled_from(["工作", "任务", "重点工作", "事项"])
_BLANKS = st.sampled_from([" ", "  ", "\u3000", "\t"])
_TEXTS = st.sampled_from(["推动外贸稳规模。", "完善配套设施，新建站点10个。", "开展专项整治行动。"])


@given(_LEADS, _WORKS, _BLANKS, _TEXTS)
def test_any_blank_between_a_led_heading_and_its_text_gives_the_same_lead_as_a_colon(lead, work, blank, text):
    spaced = _plan(["一、重点任务", f"（一）{lead}牵头的{work}{blank}{text}", "1.细化工作方案。"])
    colon = _plan(["一、重点任务", f"（一）{lead}牵头的{work}：{text}", "1.细化工作方案。"])
    assert spaced[("一", "（一）")][:2] == colon[("一", "（一）")][:2] == ([lead], [])
    assert spaced[("一", "（一）", "1")][:2] == ([lead], [])
