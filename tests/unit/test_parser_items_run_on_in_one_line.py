"""A plan whose numbered items run on in one line (issue 13, branch runon34).

A copy whose line breaks were lost holds its items inside one line, separated by a blank only: a news report says
"今年全县将重点推进以下项目建设 (1)… (2)… (3)…" after its lead-in sentence, without a colon or a full stop before (1).
Where at least three tokens of one style follow one another from the first, each after a blank or a sentence's end,
they are the items' starts (``parser._split_glued_items``), as if the breaks were there. A reference inside a
sentence (按照第(1)项, 见附件1., 2.5亿元, 第一、二季度), a list that does not start at its first token or runs out of
order stays text. The wording here is invented."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text

_NEWS = ("记者从县发改局获悉，今年全县将重点推进以下项目建设 (1)加快建设县医院迁建项目 (2)开工新建西环路 "
         "(3)完成新安大道一期工程 (4)建成城东污水处理厂")


def test_a_news_reports_items_after_its_lead_in_words_are_read_one_by_one():
    draft = parse_plan_text(_NEWS)
    assert [m.path for m in draft.measures] == [["(1)"], ["(2)"], ["(3)"], ["(4)"]]
    assert [m.text for m in draft.measures] == ["加快建设县医院迁建项目", "开工新建西环路", "完成新安大道一期工程",
                                                "建成城东污水处理厂"]


def test_a_notice_on_one_line_gives_its_items_with_their_lead_units():
    draft = parse_plan_text(
        "各区人民政府，市政府各部门： 现将任务分解印发给你们，请结合实际认真贯彻落实 一、加快发展现代产业。(牵头单位:市发改委) "
        "二、优化营商环境。(牵头单位:市商务局) 三、加强生态保护。(牵头单位:市生态环境局)")
    assert [(m.path, m.lead_units) for m in draft.measures] == [
        (["一"], ["市发改委"]), (["二"], ["市商务局"]), (["三"], ["市生态环境局"])]


def test_arabic_items_after_a_lead_in_clause_are_read():
    draft = parse_plan_text("记者获悉，今年的民生实事主要包括 1.新建幼儿园3所。 2.改造老旧小区12个。 3.新增停车位500个。")
    assert [m.path for m in draft.measures] == [["1"], ["2"], ["3"]]


def test_two_tokens_after_a_sentences_words_are_no_run_on_list_of_three():
    draft = parse_plan_text("全年目标已经明确，请各单位按照 (1)项和 (2)项的要求抓好落实。")
    assert draft.measures == []


def test_a_list_that_does_not_start_at_its_first_token_stays_text():
    draft = parse_plan_text("会上通报了进度，其中 (2)新建学校 (3)新建医院 (4)新建道路")
    assert draft.measures == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["加快建设县医院", "开工新建西环路", "完成一期工程", "建成污水处理厂", "改造老旧小区"]),
                min_size=3, max_size=8),
       st.sampled_from([("({})", str), ("{}.", str), ("{}、", None)]),
       st.sampled_from([" ", "。 ", "  "]), st.booleans())
def test_a_numbered_plan_joined_on_one_line_reads_the_items_of_its_lines(works, style, joint, full_stop):
    written, numeral = style
    if numeral is None:
        numbers = ["一", "二", "三", "四", "五", "六", "七", "八"]
    else:
        numbers = [str(k) for k in range(1, 9)]
    end = "。" if full_stop else ""
    items = [written.format(numbers[k]) + work + end for k, work in enumerate(works)]
    lead = "记者从县发改局获悉，今年全县将重点推进以下工作"
    with_breaks = parse_plan_text(lead + "\n" + "\n".join(items))
    on_one_line = parse_plan_text(lead + joint + " ".join(items))
    assert [m.path for m in on_one_line.measures] == [m.path for m in with_breaks.measures]
    assert [m.text for m in on_one_line.measures] == [m.text for m in with_breaks.measures]
    assert len(on_one_line.measures) == len(works)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["(1)", "(2)", "(3)", "1.", "2.", "3.", "一、", "二、", "三、", " ", "。", "按照第", "项",
                                 "见附件", "2.5亿元", "第一、二季度", "建设医院", "；", "（", "）", "\n"]), max_size=30))
def test_random_one_line_text_never_raises(pieces):
    draft = parse_plan_text("".join(pieces))
    assert isinstance(draft.warnings, list)
