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

from tests.helpers.signed_plans import read_signed_plan
from tracker.parsing import parse_plan_text
from tracker.parsing.annotations import parse_annotation_body
from tracker.parsing.deadlines import find_text_deadline

_SIGNED = "县人民政府办公室\n2023年2月8日"


def _plan(items: list[str]) -> dict[tuple[str, ...], tuple]:
    """Each measure's (lead units, supporting units, deadline as written, due date) of a signed plan of ``items``."""
    return read_signed_plan("关于印发某县2023年重点工作任务分解方案的通知", items, _SIGNED)


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


# ---- kind 2: a time with no 前, closed by what is built or finished ----------------------------------------------

def test_an_annotation_whose_time_has_no_before_is_still_the_measures_deadline():
    read = _plan([
        "一、新建社区食堂。新建社区食堂6个。（县住建局负责，2023年底建成）",
        "二、整治河道。完成河道清淤12公里。（县水利局牵头，2025年6月底完成）",
        "三、改造供水管网。改造老旧管网8公里。（县城管局负责，县财政局配合，2024年9月底完工）",
        "四、建设便民驿站。（县交通局负责，力争2024年底建成投用）",
    ])
    assert read[("一",)] == (["县住建局"], [], "2023年底", datetime.date(2023, 12, 31))
    assert read[("二",)] == (["县水利局"], [], "2025年6月底", datetime.date(2025, 6, 30))
    assert read[("三",)] == (["县城管局"], ["县财政局"], "2024年9月底", datetime.date(2024, 9, 30))
    assert read[("四",)] == (["县交通局"], [], "2024年底", datetime.date(2024, 12, 31))


@given(st.sampled_from(["2023年底", "2024年6月底", "2025年3月底", "2024年末"]),
       st.sampled_from(["建成", "完工", "竣工", "建成投用", "投入使用", "拆除到位"]),
       st.sampled_from(["负责", "牵头"]))
def test_a_time_closed_by_a_finishing_verb_reads_as_with_its_before(time, verb, duty):
    bare = parse_annotation_body(f"县住建局{duty}，{time}{verb}")
    before = parse_annotation_body(f"县住建局{duty}，{time}前{verb}")
    assert bare is not None and before is not None
    assert bare.entries == before.entries
    assert bare.deadline == time and before.deadline == f"{time}前"


def test_a_year_end_after_the_subject_and_before_its_finishing_is_the_deadline_in_prose():
    assert find_text_deadline("建设县医院新院区。新院区2024年底建成投用，新增床位300张。") == "2024年底"
    assert find_text_deadline("城南污水处理厂2025年6月底完工，日处理能力5万吨。") == "2025年6月底"


def test_a_year_end_naming_which_works_or_what_is_done_already_is_no_deadline():
    assert find_text_deadline("对2023年底建成的项目给予一次性奖励。") is None
    assert find_text_deadline("凡2023年底建成的项目，按标准给予补助。") is None
    assert find_text_deadline("新院区2023年底已建成投用。") is None
    assert find_text_deadline("截至2023年底全县建成站点20个。") == "2023年底"  # as of: a target, as before


# ---- found on the way: an annotation's opener left alone at a line's end, its caption on the next line -----------

def test_an_opener_wrapped_away_from_its_caption_still_closes_on_the_units():
    text = ("一、整修背街小巷。修补破损路面，补齐路灯照明。（\n责任单位：街道综合执法队、街道城建办）\n"
            "二、新建口袋公园。新建口袋公园3个。（\n牵头单位：街道城建办；配合单位：各社区居委会）\n")
    first, second = parse_plan_text(text).measures
    assert (first.lead_units, first.supporting_units) == (["街道综合执法队", "街道城建办"], [])
    assert first.text.endswith("补齐路灯照明。")
    assert (second.lead_units, second.supporting_units) == (["街道城建办"], ["各社区居委会"])


# ---- one long sentence naming many times: each clause's checks found once (deadlines._ClauseEnds) ----------------

_WORDS = st.sampled_from(["2023年", "底", "3月", "完成", "建成", "情况", "回顾", "，", "。", "；", "：", "\n", "已", "了", "是", "共计",
                          "同比", "增长", "5%", "以上", "目标", "力争", "计划", "投资", "新建", "发放", "10个", "累计", "共", "召开",
                          "启动", "全面", "得", "2分", "预计", "拟", "全市", "a"])


@given(pieces=st.lists(_WORDS, max_size=40), data=st.data())
def test_each_check_over_the_rest_of_a_clause_answers_as_a_search_of_that_rest(pieces, data):
    from tracker.parsing import deadlines as d
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    ends = d._ClauseEnds(text)
    for by, rest in ((d._OWN_CLAUSE_END_RE, ends.own_clause(start)), (d._SENTENCE_END_RE, ends.sentence(start))):
        for pattern in (d._AIM_RE, d._AIM_VERB_RE, d._EVENT_RE, d._REVIEW_RE, d._FINISHING_RE, d._PLANNED_RE,
                        d._DONE_ALREADY_RE, d._SCORING_RE, d._YEAR_ON_YEAR_AIM_RE):
            found = pattern.search(rest)
            assert ends.first(pattern, start, by) == (start + found.start() if found else None), pattern.pattern
        for pattern in (d._STEP_BEGUN_RE, d._PROVIDES_RE, d._SUBJECT_AIM_RE, d._REVIEW_RE, d._AIM_VERB_RE):
            assert ends.opens(pattern, start, by) == bool(pattern.match(rest)), pattern.pattern
        assert ends.reports(start, by) == d._reports(rest)
        assert ends.plans_a_figure(start, by) == d._plans_a_figure(rest)
    for striven in (False, True):
        assert ends.aims(start, striven) == d._aims_in_own_clause(ends.own_clause(start), striven)


def test_one_long_sentence_of_run_on_times_scans_each_clause_once_not_once_a_time(monkeypatch):
    from tracker.parsing import deadlines as d
    searched, real = [], d._REVIEW_RE

    class Counting:
        """``_REVIEW_RE`` that records how many characters each search is given."""

        def search(self, text, pos=0, endpos=None):
            endpos = len(text) if endpos is None else endpos
            searched.append(endpos - pos)
            return real.search(text, pos, endpos)

        def match(self, text, pos=0, endpos=None):
            return real.match(text, pos, len(text) if endpos is None else endpos)

    monkeypatch.setattr(d, "_REVIEW_RE", Counting())
    sentence = "，".join(f"{2000 + i % 20}年{i % 12 + 1}月开会" for i in range(500)) + "。"  # no time states work
    assert find_text_deadline(sentence) is None
    # the old reading searched the rest of the sentence after each of the 500 times: about 500 × 2,500 characters
    assert sum(searched) <= 2 * len(sentence)
