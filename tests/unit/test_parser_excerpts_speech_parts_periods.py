"""Three shapes a supervising office meets in what it is sent (branch excerpts, GOLD-README "Excerpts, speech
parts and periods"):

- a news page quoting a 整改方案 from its second section on: the list opens at "（二）" and each section holds
  its own 整改措施 list numbered from 1. The office expects the sections at the top level, each 措施 under its
  section, and the section's 整改时限 / 责任单位 lines on the section;
- a speech whose parts "第一，…" go on over paragraphs, and a report whose "（一）…。" titles a paragraph: the
  一要/一是 lines after that paragraph are the part's or the item's;
- an item opening with a period of years and the work done in it, then a later target year: the period is when
  the work is due.

The wording is invented for these tests (none of it is in the corpus)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.vocabulary.numbering import chinese_numeral

TITLE = "县林草局关于自然保护地问题整改方案（摘编）\n"


def _rows(text: str) -> list[tuple[list[str], list[str], str | None]]:
    return [(m.path, m.lead_units, m.deadline) for m in parse_plan_text(text).measures]


def _paths(text: str) -> list[list[str]]:
    return [m.path for m in parse_plan_text(text).measures]


def test_an_excerpt_opening_at_its_second_section_keeps_the_sections_on_top():
    text = TITLE + ("(二)北岭镇。\n"
                    "整改目标：核心区内违建全部拆除。\n"
                    "整改时限：2026年底。\n"
                    "整改措施：\n"
                    "1、2026年3月底前完成违建摸底登记。\n"
                    "2、2026年9月底前拆除违建并复绿。\n"
                    "责任单位：北岭镇政府。\n"
                    "(三)南湖乡。\n"
                    "整改目标：湿地面积不减少。\n"
                    "整改时限：2027年底。\n"
                    "整改措施：\n"
                    "1、清退湿地内养殖塘。\n"
                    "2、2026年12月底前完成退塘还湿验收。\n"
                    "3、建立巡护制度。\n"
                    "责任单位：南湖乡政府。\n")
    assert _rows(text) == [
        (["(二)"], ["北岭镇政府"], "2026年底"),  # the section's time and unit, written after its list
        (["(二)", "1"], [], "2026年3月底前"),
        (["(二)", "2"], [], "2026年9月底前"),
        (["(三)"], ["南湖乡政府"], "2027年底"),  # a sibling of (二), not a child of its last 措施
        (["(三)", "1"], [], None),
        (["(三)", "2"], [], "2026年12月底前"),
        (["(三)", "3"], [], None),
    ]


def test_a_numbered_line_in_the_header_that_no_list_follows_does_not_start_the_body():
    # "二、" in a lead paragraph numbers nothing that goes on: the plan still starts at its "一、"
    text = ("二、三产业融合发展工作简报\n"
            "一、总体安排\n"
            "（一）开展调研。\n"
            "二、工作步骤\n")
    assert _paths(text)[0] == ["一"]


def test_a_speech_part_keeps_its_enumerations_after_its_own_paragraph():
    text = ("在全镇秋冬季防火工作会上的讲话\n"
            "同志们：下面我讲三点意见。\n"
            "第一，关于隐患排查。\n"
            "入秋以来，全镇火险等级持续走高。\n"
            "一要逐村清查柴草堆放。\n"
            "二要逐户检查用火用电。\n"
            "第二，关于队伍建设。\n"
            "一要配齐扑火队员。\n"
            "第三，关于值班值守，各村要严格落实领导带班制度，确保通信畅通。\n"
            "值班表要上墙公示。\n"
            "一要落实二十四小时值班。\n"
            "二要做好信息报送。\n"
            "三要加强督查问责。\n")
    assert _paths(text) == [
        ["第一"], ["第一", "一要"], ["第一", "二要"],
        ["第二"], ["第二", "一要"],
        ["第三"], ["第三", "一要"], ["第三", "二要"], ["第三", "三要"],  # the last part keeps its items too
    ]


def test_a_meeting_report_keeps_the_last_parts_enumerations_under_it():
    # a news report of a meeting: the parts run on inside paragraphs that open with other words, the last
    # part in a paragraph of its own; its 一要 list is the part's, like the others'
    text = ("镇党委会议研究部署防汛工作\n"
            "会议听取了各村汛前检查情况汇报。会议要求，第一，要压实责任。一要落实包村干部。二要明确转移路线。"
            "第二，要备足物资。一要清点沙袋。二要检修抽水泵。\n"
            "第三，要严格值守。一要二十四小时值班。二要及时报送雨情。三要做好预警发布。\n"
            "会议还研究了其他事项。\n")
    assert _paths(text) == [
        ["第一"], ["第一", "一要"], ["第一", "二要"],
        ["第二"], ["第二", "一要"], ["第二", "二要"],
        ["第三"], ["第三", "一要"], ["第三", "二要"], ["第三", "三要"],
    ]


def test_a_last_part_on_its_own_line_after_the_paragraph_holding_the_others_keeps_its_list():
    text = ("镇党委会议研究部署防汛工作\n"
            "会议要求，第一，要压实责任。一要落实包村干部。二要明确转移路线。第二，要备足物资。一要清点沙袋。二要检修抽水泵。\n"
            "第三，要严格值守。\n"
            "一要二十四小时值班。二要及时报送雨情。\n")
    assert _paths(text)[-3:] == [["第三"], ["第三", "一要"], ["第三", "二要"]]


def test_a_list_after_a_list_whose_items_hold_none_stays_a_sibling_list():
    # without the pattern (no earlier item holding a 一要 list) the list after the last 是 item is no child of it
    text = ("镇党委会议研究部署防汛工作\n"
            "会议指出，一是汛情形势严峻；二是隐患点位较多。会议要求，一要落实包村干部。二要明确转移路线。\n")
    assert _paths(text) == [["一是"], ["二是"], ["一要"], ["二要"]]


def test_a_titled_item_keeps_its_list_after_its_body_paragraph():
    text = ("区市场监管局上半年工作情况报告\n"
            "一、主要工作\n"
            "（一）守牢食品安全底线。\n"
            "上半年共检查餐饮单位四百余家，整体形势平稳。\n"
            "一是开展校园周边专项检查。\n"
            "二是推进明厨亮灶建设。\n"
            "（二）优化准入服务。\n"
            "一是压缩开办时间。\n"
            "二、下步打算\n")
    assert _paths(text) == [
        ["一"], ["一", "（一）"], ["一", "（一）", "一是"], ["一", "（一）", "二是"],
        ["一", "（二）"], ["一", "（二）", "一是"], ["二"],
    ]


def test_a_report_heading_glued_to_its_first_bracketed_item_keeps_that_level():
    # a copy that lost the line break between "一、…情况" and its "（一）…。": the (一) level is kept, its 一是 list
    # under it, whether a (二) follows on a later line or the section holds one item only
    two = ("区住建局关于上半年工作情况的报告\n"
           "一、上半年工作推进情况（一）狠抓安全生产。一是开展隐患排查。二是整治违规用电。\n"
           "（二）改善人居环境。一是改造背街小巷。二是清理占道经营。\n"
           "二、下半年工作打算\n")
    assert _paths(two) == [["一"], ["一", "（一）"], ["一", "（一）", "一是"], ["一", "（一）", "二是"],
                           ["一", "（二）"], ["一", "（二）", "一是"], ["一", "（二）", "二是"], ["二"]]
    one = ("区住建局关于上半年工作情况的报告\n"
           "一、上半年工作推进情况（一）狠抓安全生产。一是开展隐患排查。二是整治违规用电。\n")
    drafts = parse_plan_text(one).measures
    assert [m.path for m in drafts] == [["一"], ["一", "（一）"], ["一", "（一）", "一是"], ["一", "（一）", "二是"]]
    assert drafts[0].deadline is None  # a review of the half year ("…工作推进情况") names no time due


def test_a_bracket_inside_a_headings_sentence_opens_no_item():
    # "（一）" after words closed by a comma, or a bracket of remarks, is no item glued to the heading
    text = ("区住建局工作要点\n"
            "一、抓好安全，落实（一）岗双责制度。\n"
            "二、改善环境（住建局牵头）\n")
    assert _paths(text) == [["一"], ["二"]]


def test_a_period_of_years_with_its_work_is_the_deadline_not_the_later_target():
    text = ("市推进养老服务体系建设实施方案\n"
            "一、重点任务\n"
            "（一）2026年至2028年，推进落实社区嵌入式养老服务设施建设，力争到2030年实现街道全覆盖。\n"
            "（二）从2026年至2027年，持续开展适老化改造。力争到2029年惠及一万户。\n"
            "（三）2026—2028年推进助餐点建设，到2030年形成十五分钟助餐圈。\n"
            "（四）2026年至2027年，在全市推进家庭养老床位建设，力争到2029年覆盖失能老人。\n")
    drafts = parse_plan_text(text).measures
    assert [(m.path[-1], m.deadline) for m in drafts[1:]] == [
        ("（一）", "2026年至2028年"), ("（二）", "2026年至2027年"), ("（三）", "2026—2028年"), ("（四）", "2026年至2027年")]
    assert [str(m.due_date) for m in drafts[1:]] == ["2028-12-31", "2027-12-31", "2028-12-31", "2027-12-31"]


def test_a_period_of_years_that_reports_work_done_is_no_deadline():
    # a review ("…完成了…") sets nothing due; the later target year is read as before
    text = ("市养老服务工作要点\n"
            "一、2023年至2025年，推进落实了一批养老项目。到2028年，床位数再增三成。\n")
    assert parse_plan_text(text).measures[0].deadline == "2028年"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=st.integers(min_value=1, max_value=12), sections=st.integers(min_value=1, max_value=5),
       items=st.lists(st.integers(min_value=1, max_value=4), min_size=5, max_size=5))
def test_an_excerpt_opening_at_any_section_keeps_every_item_in_order(start, sections, items):
    # whatever section the copy opens at, every section and 措施 is read, in the order written, each 措施
    # under its section
    lines, expected = [TITLE.strip()], []
    for offset in range(sections):
        token = f"({chinese_numeral(start + offset)})"
        lines += [f"{token}第{offset + 1}片区。", "整改时限：2026年底。", "整改措施："]
        expected.append([token])
        for number in range(1, items[offset] + 1):
            lines.append(f"{number}、完成第{number}项清理任务。")
            expected.append([token, str(number)])
        lines.append(f"责任单位：第{offset + 1}片区管委会。")
    assert _paths("\n".join(lines) + "\n") == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="（）()二三1、2，。：整改时限责任单位措施年底2026第至推进落实力争到一要是\n", max_size=200))
def test_excerpts_and_periods_never_crash(text):
    parse_plan_text(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.booleans(), st.integers(min_value=0, max_value=4)), min_size=1, max_size=6))
def test_every_speech_part_keeps_its_enumerations_in_order(parts):
    # each part "第N，…" with or without a paragraph of its own before its "一要…" lines: every item is read, in the
    # order spoken, each 一要 under its part
    lines, expected = ["在全区安全生产会议上的讲话", "同志们：下面我讲几点。"], []
    for index, (paragraph, count) in enumerate(parts, start=1):
        part = f"第{chinese_numeral(index)}"
        lines.append(f"{part}，关于第{index}项工作。")
        expected.append([part])
        if paragraph:
            lines.append(f"这项工作事关全区发展大局，第{index}季度要见到成效。")
        for number in range(1, count + 1):
            lines.append(f"{chinese_numeral(number)}要把第{number}件事抓实抓细。")
            expected.append([part, f"{chinese_numeral(number)}要"])
    assert _paths("\n".join(lines) + "\n") == expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(min_value=2, max_value=4), min_size=2, max_size=5), st.integers(min_value=1, max_value=4))
def test_every_part_of_a_reported_meeting_keeps_its_enumerations(counts, split):
    # the parts written inside paragraphs that open with other words (a meeting's news report), the paragraph
    # broken before any part: every part and 一要 item is read in order, each 一要 under its part, the last too
    pieces, expected = [], []
    for index, count in enumerate(counts, start=1):
        part = f"第{chinese_numeral(index)}"
        piece = f"{part}，要抓好第{index}方面。" + "".join(
            f"{chinese_numeral(n)}要落实第{n}条措施。" for n in range(1, count + 1))
        pieces.append(piece)
        expected.append([part])
        expected += [[part, f"{chinese_numeral(n)}要"] for n in range(1, count + 1)]
    cut = min(split, len(pieces) - 1)
    body = "会议要求，" + "".join(pieces[:cut]) + "\n会议同时强调，" + "".join(pieces[cut:])
    assert _paths("镇党委会议纪要\n" + body + "\n会议还研究了其他事项。\n") == expected
