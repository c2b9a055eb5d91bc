"""Kinds lost on unseen documents at stop 33 (issue 13, branch kinds35), told as a user's stories.

An 应急预案 numbered as a decimal outline whose heading opens with a word such as 分级/项目/人员 keeps the heading; a
bracketed numeral glued to a word it completes inside a sentence (（一）期工程, （二）批项目) is no item; a list run on
after a lead-in's colon is read item by item. The wording here is invented."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text


def test_a_decimal_outline_heading_opening_with_a_counting_character_is_a_heading():
    draft = parse_plan_text(
        "某镇突发事件总体应急预案\n1总则\n1.1编制目的\n规范应对突发事件行为。\n1.2分级分类\n"
        "1.2.1按危害程度分为四级。\n1.3项目管理\n1.4人员防护\n做好防护。")
    assert [m.path for m in draft.measures] == [
        ["1"], ["1", "1.1"], ["1", "1.2"], ["1", "1.2", "1.2.1"], ["1", "1.3"], ["1", "1.4"]]


def test_a_quantity_after_an_outline_number_stays_text():
    draft = parse_plan_text("某镇应急预案\n1总则\n1.1编制目的\n1.5分钟内到达现场。\n1.2工作原则")
    assert [m.path for m in draft.measures] == [["1"], ["1", "1.1"], ["1", "1.2"]]


def test_a_phase_or_batch_numbered_in_brackets_inside_a_sentence_is_no_item():
    draft = parse_plan_text("1.加快项目建设。一是确保（一）期工程完工；二是启动（二）期工程。\n"
                            "2.推进招商引资。确保（一）批项目开工，（二）批项目签约。\n3.加强督导。")
    assert [m.path for m in draft.measures] == [["1"], ["1", "一是"], ["1", "二是"], ["2"], ["3"]]


def test_a_quarter_in_brackets_inside_a_heading_body_is_no_item():
    draft = parse_plan_text("（一）工作目标。全年完成目标任务，力争（二）季度开工，（三）季度完工。\n（二）工作措施。加强调度。")
    assert [m.path for m in draft.measures] == [["（一）"], ["（二）"]]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["季度", "期工程", "批项目", "类企业", "级预警", "号楼"]),
       st.sampled_from(["（一）", "（二）", "(1)", "(2)", "（三）"]),
       st.sampled_from(["确保", "力争在", "全年完成任务，并在", "启动"]),
       st.sampled_from(["（一）", "1.", "一、"]))
def test_a_numeral_completing_a_word_inside_a_sentence_never_opens_an_item(kind, numeral, words, item):
    text = f"{item}加快项目建设。{words}{numeral}{kind}完成，{numeral.replace('一', '二').replace('1', '2')}{kind}验收。"
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [[item.rstrip('、.')]]


def test_items_out_of_order_after_a_colon_stay_text_as_after_a_lead_in_clause():
    for lead in ("会议明确了今年重点任务：", "今年全县将重点推进以下项目建设 "):
        draft = parse_plan_text(lead + "(1)建设数字政府；(3)推进一网通办；(2)优化营商环境。")
        assert draft.measures == [], lead


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations([2, 3, 4]).map(lambda rest: [1, *rest]), st.sampled_from(["：", "，分别是:", "以下项目 "]),
       st.sampled_from([("({})", "；"), ("{}.", "；"), ("（{}）", " ")]))
def test_a_line_list_is_read_only_in_its_order(order, lead, style):
    written, joint = style
    works = {1: "建设数字政府", 2: "推进一网通办", 3: "优化营商环境", 4: "强化督查考核"}
    text = "会议明确了今年重点任务" + lead + joint.join(written.format(k) + works[k] for k in order) + "。"
    paths = [m.path for m in parse_plan_text(text).measures]
    if list(order) == [1, 2, 3, 4]:
        assert paths == [[written.format(k).rstrip(".")] for k in order]
    else:
        assert paths == []  # out of order from its first item: no token of the line opens an item


def test_a_page_whose_layout_table_became_border_lines_gives_its_items_and_units():
    draft = parse_plan_text(
        "某县2023年重点工作任务\n|\n| 一、加快项目建设 |\n| |\n| 1.推进县医院建设（县卫健局牵头，6月底前完成） |\n|\n"
        "| 2.开工新建西环路（县交通局牵头） |\n|")
    assert [(m.path, m.lead_units, m.deadline) for m in draft.measures] == [
        (["一"], [], None), (["一", "1"], ["县卫健局"], "6月底前"), (["一", "2"], ["县交通局"], None)]


_PLAN_LINES = ["一、加快项目建设", "1.推进县医院建设（县卫健局牵头，6月底前完成）", "2.开工新建西环路（县交通局牵头）",
               "二、优化营商环境", "1.推进一网通办（县政务服务中心牵头）"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["| {} |", "|{}|", "| {}", "{}"]), min_size=5, max_size=5),
       st.lists(st.sampled_from(["|", "| |", "||", ""]), min_size=5, max_size=5))
def test_border_pipes_around_a_plans_lines_are_layout(borders, between):
    plain = parse_plan_text("某县2023年重点工作任务\n" + "\n".join(_PLAN_LINES))
    framed = "某县2023年重点工作任务\n" + "\n".join(
        f"{gap}\n{border.format(line)}" for line, border, gap in zip(_PLAN_LINES, borders, between))
    read = parse_plan_text(framed)
    assert [(m.path, m.lead_units, m.deadline) for m in read.measures] == [
        (m.path, m.lead_units, m.deadline) for m in plain.measures]


def test_a_sites_column_name_is_never_the_title():
    for column in ("政策文件", "通知公告", "部门文件"):
        alone = parse_plan_text(f"{column}\n发布日期：2023-05-06 10:31\n一、压实责任。\n二、开展排查，6月底前完成。")
        assert alone.title is None, column
        above = parse_plan_text(f"{column}\n关于做好2023年安全生产工作的通知\n发布时间：2023年5月6日 10:31:05\n"
                                "一、压实责任。\n二、开展排查，6月底前完成。")
        assert above.title == "关于做好2023年安全生产工作的通知", column


def test_a_title_ending_in_a_columns_word_stays_a_title():
    draft = parse_plan_text("某县人民政府公告\n一、压实责任。\n二、开展排查。")
    assert draft.title == "某县人民政府公告"


def test_a_pages_publication_time_is_no_issue_date_but_its_signing_date_with_a_time_is():
    published = parse_plan_text("通知公告\n发布时间：2023年5月6日 10:31:05\n一、压实责任。\n二、开展排查，6月底前完成。")
    assert published.issued_on is None
    signed = parse_plan_text("发文日期 | 2022-01-30 16:20 |\n关于做好安全生产工作的通知\n一、压实责任。\n二、开展排查，6月底前完成。")
    assert signed.issued_on.isoformat() == "2022-01-30"
    assert signed.measures[1].due_date.isoformat() == "2022-06-30"


_CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]


def test_a_news_reports_twelve_tasks_run_on_after_a_colon_are_twelve_measures():
    works = ["建设数字政府", "推进一网通办", "优化营商环境", "加快项目建设", "推进乡村振兴", "加强生态保护", "保障改善民生",
             "深化改革开放", "强化安全生产", "加强作风建设", "防范化解风险", "强化督查考核"]
    draft = parse_plan_text("3月1日，县政府召开常务会议。会议明确了今年重点任务，分别是:"
                            + ";".join(f"({k + 1}){w}" for k, w in enumerate(works)) + "。会议要求，各部门要认真落实。")
    assert [m.path for m in draft.measures] == [[f"({k})"] for k in range(1, 13)]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=3, max_value=12),
       st.sampled_from([("({})", False), ("（{}）", False), ("{}.", False), ("（{}）", True), ("{}、", True)]),
       st.sampled_from([":", "：", "，分别是:", "，分别是："]), st.sampled_from([";", "；", "。"]),
       st.sampled_from(["", "一、重点任务\n", "某县召开推进会 来源：县政府办 "]))
def test_a_numbered_list_run_on_after_a_colon_reads_as_its_lines(count, style, colon, joint, before):
    written, chinese = style
    tokens = [written.format(_CN[k] if chinese else k + 1) for k in range(count)]
    works = [f"完成第{k + 1}项重点工程建设" for k in range(count)]
    lead = "会议明确了今年重点任务" + colon
    one_line = parse_plan_text(before + lead + joint.join(t + w for t, w in zip(tokens, works)) + "。")
    with_breaks = parse_plan_text(before + lead + "\n" + "\n".join(t + w + joint for t, w in zip(tokens, works)))
    assert [m.path for m in one_line.measures] == [m.path for m in with_breaks.measures]
    # a second 一、 list under "一、重点任务" restarts its numbers (GOLD-README "A list that restarts": 一（第2组）)
    assert [m.path[-1].replace("（第2组）", "") for m in one_line.measures][-count:] == [t.rstrip(".、") for t in tokens]


def test_a_serial_number_over_a_task_numbered_by_its_report_is_the_tasks_path():
    draft = parse_plan_text(
        "某区2023年重点工作落实情况\n序号 | 工作任务 | 牵头单位 | 完成时限\n13 | 87.完成老旧小区改造 | 区住建局 | 6月底前\n"
        "14 | 88．推进一网通办 | 区政务服务中心 | 9月底前")
    assert [(m.path, m.text, m.lead_units, m.deadline) for m in draft.measures] == [
        (["13"], "87.完成老旧小区改造", ["区住建局"], "6月底前"), (["14"], "88．推进一网通办", ["区政务服务中心"], "9月底前")]
