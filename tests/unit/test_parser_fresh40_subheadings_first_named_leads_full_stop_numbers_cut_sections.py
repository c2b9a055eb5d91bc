"""Units and items as fresh district and city documents write them (issue 13, branch fresh40).

Fresh development documents 773–779 (咸安's 2023 责任分解 and its Word 分工表, 厦门's 2019 若干措施 and its Word 分工表, a news
site's copy of 天津's 2020 任务分工 printed as PDF, page 3 of a site's copy of 北京's 2017 整改方案) lost on their first run where:
a short sub-heading line of its own under a heading (`（一）坚定不移做强增长引擎` / `加强基础设施建设` / `12.启动…`) left the
heading open, so the next item's number was read as the wrap of a sentence and the item ran into the heading; a precedence
remark worded `第一责任单位为牵头单位` inside a 责任单位 line was not read, so both units led; a news site typed a full stop for the
number's dot (`1。在以…`), so the only item was no item; a page that opens inside a section (its 整改目标 and its list, the
section's heading on the page before) took the cut section's list for the top level and put the next section's heading
under it. The stories below tell each in a few lines; the wording is invented after those documents (GOLD-README "fresh40")."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text


def _read(text):
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures}


# --- a heading's sub-heading line of its own, then the next item numbered on through the plan ---

def test_a_sub_heading_line_under_a_heading_leaves_the_next_numbered_item_an_item_of_its_own():
    read = _read("某县2024年重点工作分解\n一、主要指标\n1.粮食产量稳定。(牵头单位:县农业局)\n2.财政收入增长。(牵头单位:县财政局)\n"
                 "二、重点工作\n(一)壮大县域产业\n培育特色农业\n3.建设万亩茶园。(牵头单位:县林业局;责任单位:县水利局、各乡镇)")
    assert read[("二", "(一)", "3")] == (["县林业局"], ["县水利局", "各乡镇"], None)
    assert read[("二", "(一)")] == ([], [], None)  # the heading keeps no unit of the item under it


@given(st.sampled_from(["提升城市品质", "补齐民生短板", "强化科技支撑"]), st.sampled_from(["\n", "\n\n"]),
       st.sampled_from(["5.", "5、", "5．"]))
def test_any_short_sub_heading_line_is_complete_whatever_the_blank_lines_around_it(words, gap, number):
    read = _read(f"工作安排\n一、目标\n1.甲。\n2.乙。\n3.丙。\n4.丁。\n二、任务\n(一)重点项目{gap}{words}{gap}"
                 f"{number}新建污水管网20公里。(牵头单位:市住建局)")
    assert read[("二", "(一)", "5")] == (["市住建局"], [], None)


# --- "第一责任单位为牵头单位": a precedence remark worded after the first-named unit ---

def test_the_first_named_responsible_unit_leads_when_the_remark_says_so_and_the_rule_holds_below():
    read = _read("若干措施\n一、降低企业成本\n(一)落实减税降费政策。\n责任单位:县税务局、县财政局(第一责任单位为牵头单位,下同)\n"
                 "时限要求:持续推进\n(二)降低用电成本。\n责任单位:县发改局、县供电公司\n时限要求:2023年底前")
    assert read[("一", "(一)")] == (["县税务局"], ["县财政局"], "持续推进")
    assert read[("一", "(二)")] == (["县发改局"], ["县供电公司"], "2023年底前")


@given(st.sampled_from(["第一责任单位为牵头单位", "第一单位为牵头单位", "第一部门为牵头部门"]))
def test_the_first_place_remark_reads_whatever_noun_names_the_first(remark):
    read = _read(f"工作要点\n1.建设便民市场。(责任单位:区商务局、区城管局,{remark})")
    assert read[("1",)] == (["区商务局"], ["区城管局"], None)


# --- "1。": a full stop typed for the number's dot ---

def test_a_number_closed_by_a_full_stop_before_its_words_is_the_item():
    read = _read("任务分工\n总体要求\n1。坚持稳中求进,全面完成年度目标任务。(区政府各部门分别负责,年内持续推进)\n"
                 "2。完成城镇新增就业目标。(区人社局负责)")
    assert read == {("1",): (["区政府各部门"], [], "年内持续推进"), ("2",): (["区人社局"], [], None)}


@given(st.sampled_from(["1。", "3。", "12。"]))
def test_a_number_and_a_full_stop_with_no_words_after_it_stays_text(token):
    read = _read(f"工作安排\n一、加强领导\n完成目标任务的比例提高\n{token}\n二、强化保障")
    assert list(read) == [("一",), ("二",)]


# --- a page that opens inside a section cut off above ---

def test_a_page_that_opens_inside_a_section_leaves_the_cut_sections_list_out_and_reads_the_next_section():
    read = _read("整改目标:全面清理河道垃圾。\n整改措施:\n(一)组织一次集中清理。\n(二)建立巡河制度。\n"
                 "责任单位:市水务局、各区政府\n完成时限:立行立改\n"
                 "八、城区内涝问题突出。\n整改目标:消除积水点30处。\n整改措施:\n(一)改造雨水管网。\n(二)建设调蓄池。\n"
                 "责任单位:市住建局、各区政府\n完成时限:2018年6月底前,长期坚持。")
    assert list(read) == [("八",), ("八", "(一)"), ("八", "(二)")]
    assert read[("八",)] == (["市住建局", "各区政府"], [], "2018年6月底前")


def test_a_plan_with_a_title_whose_first_list_comes_before_its_second_part_keeps_that_list():
    # a title line first: the file does not open inside a cut section, its "(一)…" are the plan's own
    read = _read("某区2023年整改工作方案\n(一)组织一次集中清理。\n(二)建立巡河制度。\n二、工作要求\n(一)加强领导。")
    assert ("(一)",) in read and ("(二)",) in read
