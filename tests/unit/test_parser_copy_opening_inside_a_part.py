"""A copy that opens inside a part and shows the next part's heading only (issue 13, branch kinds32).

A compilation site pages a town's 政府工作报告: one page holds the end of part 一 (the year's review, its problems listed
`一是…；二是…；三是…`) and then the line `二、2023年主要工作` with a sentence of its body. The problems are top-level items
(no numbered item holds them on the page) and the heading is the part it names, `["二"]`, though no `三、` follows. A
header's lone numbered line above no text (`二、三产业简报`) stays none. The wording here is invented."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text

_PAGE = ("镇政府工作报告汇编(第94/122页)\n"
         "过去一年，成绩来之不易。\n"
         "我们也清醒地认识到存在的不足：一是产业结构仍需优化；二是公共服务有待加强；三是可用财力不足。对此，我们一定努力改进。\n"
         "二、2023年主要工作\n"
         "2023年是贯彻落实党的二十大精神的开局之年。\n")


def test_the_next_parts_heading_on_a_page_is_a_measure_after_the_lists_it_follows():
    draft = parse_plan_text(_PAGE)
    assert [m.path for m in draft.measures] == [["一是"], ["二是"], ["三是"], ["二"]]


def test_a_headers_lone_numbered_line_above_no_text_is_no_part():
    draft = parse_plan_text("二、三产业简报\n第5期\n某局编\n")
    assert draft.measures == []
    assert any("未识别到编号条目" in w for w in draft.warnings)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["二", "三", "四", "五"]), st.text(alphabet="工作主要任务年度重点", min_size=2, max_size=12))
def test_any_later_part_heading_after_a_sentence_is_read(numeral, words):
    draft = parse_plan_text(f"上述成绩来之不易。\n{numeral}、{words}\n正文的第一句。\n")
    assert [m.path for m in draft.measures] == [[numeral]]
