"""The 分工 tables of a 政府工作报告 as an office receives them copied out of a web page as text (branch tables6): a
table written one cell per line whose EMPTY cells are blank lines, under its cover notice, with first-level group rows
that are a sentence without 序号 over "(一)" rows and numbered rows, and a leader column holding persons' names typed
with a blank between the characters; a table copied with a line of pipes after every cell, its empty cells written as
runs of pipes, one 序号 and one 项目 merged over many rows whose task cells number themselves ("2.", "3."), and ★
marking the lead unit. The wording is invented (no corpus document says it); the property tests build such tables from
random rows and check that nothing crashes, every row comes back once, in order, with its units."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.vocabulary.captions import match_caption
from tracker.vocabulary.persons import is_leader_caption

NOTICE = ["某县人民政府办公室关于印发2025年县政府工作报告重点工作分工方案的通知", "",
          "各乡镇人民政府，县政府各部门：", "现将《2025年县政府工作报告重点工作分工方案》印发给你们，请抓好落实。", "",
          "某县人民政府办公室", "2025年2月20日", "", "2025年县政府工作报告重点工作分工方案", ""]

BLANK_CELLED = NOTICE + [
    "序号", "重点工作", "县政府分管领导", "牵头单位", "配合单位", "备注",
    "做强县域产业，夯实高质量发展根基。", "", "", "", "",
    "(一)", "壮大特色农业", "", "", "", "",
    "1", "新建高标准农田2万亩，粮食产量稳定在30万吨。", "周 平", "县农业农村局", "县水利局、县财政局，县自然资源局", "",
    "2", "培育省级农业产业化龙头企业3家。", "", "县农业农村局", "县商务局", "",
    "(二)", "提升工业能级", "", "", "", "",
    "3", "规上工业增加值增长7%。", "何 东", "县工业和信息化局", "县统计局，县发展改革局", "",
    "增进民生福祉，办好群众身边实事。", "", "", "", "",
    "(一)", "办好教育医疗", "", "", "", "",
    "4", "新建幼儿园两所，县医院胸痛中心通过验收。", "许 兰", "县教育局", "县卫生健康局", "",
]


def test_a_table_whose_empty_cells_are_blank_lines_keeps_each_unit_in_its_column():
    measures = parse_plan_text("\n".join(BLANK_CELLED)).measures
    assert [m.path for m in measures] == [
        ["1"], ["1", "(一)"], ["1", "(一)", "1"], ["1", "(一)", "2"], ["1", "(二)"], ["1", "(二)", "3"],
        ["2"], ["2", "(一)"], ["2", "(一)", "4"]]
    assert measures[2].lead_units == ["县农业农村局"]
    assert measures[2].supporting_units == ["县水利局", "县财政局", "县自然资源局"]  # 、 and ， both separate
    # the leader's cell left empty (row 2) is a blank line: the units stay in their own columns
    assert (measures[3].lead_units, measures[3].supporting_units) == (["县农业农村局"], ["县商务局"])
    assert (measures[5].lead_units, measures[5].supporting_units) == (["县工业和信息化局"], ["县统计局", "县发展改革局"])
    assert measures[0].text == "做强县域产业，夯实高质量发展根基。" and measures[6].text.startswith("增进民生福祉")


def test_a_leader_named_with_a_blank_between_two_characters_is_never_a_unit():
    units = [u for m in parse_plan_text("\n".join(BLANK_CELLED)).measures for u in m.lead_units + m.supporting_units]
    assert not any(name in "".join(units).replace(" ", "") for name in ("周平", "何东", "许兰"))
    assert all(is_leader_caption(caption) for caption in ("县政府分管领导", "市政府分管领导", "区政府领导", "县人民政府责任领导"))
    assert match_caption("县政府分管领导")[0] == "责任人"  # the person column of the ledger
    assert not is_leader_caption("县政府") and not is_leader_caption("县政府办公室")


def test_group_rows_without_a_number_count_among_themselves_not_with_the_rows():
    measures = parse_plan_text("\n".join(BLANK_CELLED)).measures
    groups = [m.path for m in measures if len(m.path) == 1]
    assert groups == [["1"], ["2"]]  # the second group is 2, not the next row number 4
    assert all(m.lead_units == [] for m in measures if len(m.path) < 3)  # group rows name no unit


def test_a_group_sentence_merged_across_the_table_has_no_blank_lines_after_it():
    lines = NOTICE + ["序号", "重点工作", "分管领导", "牵头单位", "配合单位", "备注",
                      "优化营商环境，激发市场活力。",
                      "(一)", "深化审批改革", "", "", "", "",
                      "1", "企业开办一日办结。", "", "县政务服务中心", "县市场监管局", ""]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["1"], ["1", "(一)"], ["1", "(一)", "1"]]
    assert (measures[2].lead_units, measures[2].supporting_units) == (["县政务服务中心"], ["县市场监管局"])


PIPED = ["2025年街道工作报告目标任务分解表",
         "序号", "|", "项目", "|", "工作任务", "|", "街道领导", "|", "责任单位", "|",
         "一、年度发展目标", "||||",
         "1", "|", "经济运行", "|", "1.辖区营业收入增长8%。", "|", "钱 进", "|", "★街道经济服务中心、街道财政所", "|",
         "2.新增规上企业5家。", "|", "钱 进", "孙 立", "|", "★街道招商办、街道经济服务中心", "|",
         "3.城镇调查失业率控制在5%以内。", "||", "★街道社会事务办", "|",
         "二、年度重点任务", "||||",
         "2", "|", "城市更新", "|", "4.完成老旧小区改造6个。", "|", "吴 昊", "|", "★街道城建办、街道物业管理中心", "|"]


def test_a_table_copied_with_a_pipe_line_after_each_cell_reads_its_merged_rows():
    measures = parse_plan_text("\n".join(PIPED)).measures
    assert [m.path for m in measures] == [["一"], ["一", "1"], ["一", "1", "1"], ["一", "1", "2"], ["一", "1", "3"],
                                          ["二"], ["二", "2"], ["二", "2", "4"]]
    assert [(m.lead_units, m.supporting_units) for m in measures if len(m.path) == 3] == [
        (["街道经济服务中心"], ["街道财政所"]), (["街道招商办"], ["街道经济服务中心"]),
        (["街道社会事务办"], []), (["街道城建办"], ["街道物业管理中心"])]
    names = "".join(u for m in measures for u in m.lead_units + m.supporting_units)
    assert "钱" not in names and "孙" not in names  # two leaders on two lines stay persons


def test_a_leader_cell_merged_over_the_next_row_leaves_that_rows_units_in_their_column():
    lines = PIPED[:23] + ["2.新增规上企业5家。", "|", "★街道招商办、街道经济服务中心", "|"]  # 钱 进's cell spans both rows
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["一"], ["一", "1"], ["一", "1", "1"], ["一", "1", "2"]]
    assert (measures[3].lead_units, measures[3].supporting_units) == (["街道招商办"], ["街道经济服务中心"])


def test_a_copy_with_pipe_lines_but_no_empty_cell_reads_as_before():
    lines = ["序号", "|", "重点工作任务", "|", "责任单位", "|",
             "1", "|", "建成智慧停车平台。", "|", "街道城建办", "|",
             "2", "|", "开展消防安全大排查。", "|", "街道应急办", "|"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [(m.path, m.lead_units) for m in measures] == [(["1"], ["街道城建办"]), (["2"], ["街道应急办"])]


_OFFICES = ["县发展改革局", "县财政局", "县科技局", "县商务局", "县人力资源社会保障局", "县交通运输局", "县文化旅游局"]
_LEADERS = ["赵 云", "钱 进", "孙 立", "", "李 华"]
_ROW = st.tuples(st.sampled_from(_OFFICES), st.sampled_from(_OFFICES), st.sampled_from(_LEADERS),
                 st.integers(min_value=0, max_value=2))


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_ROW, min_size=1, max_size=8))
def test_blank_celled_rows_come_back_once_in_order_with_their_units(rows):
    lines = NOTICE + ["序号", "重点工作", "分管领导", "牵头单位", "配合单位", "备注",
                      "推动高质量发展，建设美丽县城。", "", "", "", "", "(一)", "重点任务", "", "", "", ""]
    for k, (lead, supporting, leader, _) in enumerate(rows, 1):
        lines += [str(k), f"完成第{k}项年度任务。", leader, lead, supporting, ""]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["1"], ["1", "(一)"]] + [["1", "(一)", str(k)] for k in range(1, len(rows) + 1)]
    assert [m.lead_units for m in measures[2:]] == [[lead] for lead, *_ in rows]
    assert [m.supporting_units for m in measures[2:]] == [[s] if s != lead else [] for lead, s, *_ in rows]


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_ROW, min_size=1, max_size=8))
def test_piped_sub_rows_come_back_once_in_order_with_their_lead(rows):
    lines = ["序号", "|", "项目", "|", "工作任务", "|", "区领导", "|", "责任单位", "|", "一、年度目标", "||||",
             "1", "|", "综合", "|"]
    for k, (lead, supporting, leader, names) in enumerate(rows, 1):
        leader_lines = [leader] * max(names, 1) if leader else []
        lines += [f"{k}.完成第{k}项年度指标。"] + (["|"] + leader_lines + ["|"] if leader_lines else ["||"])
        lines += [f"★{lead}、{supporting}", "|"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["一"], ["一", "1"]] + [["一", "1", str(k)] for k in range(1, len(rows) + 1)]
    assert [m.lead_units for m in measures[2:]] == [[lead] for lead, *_ in rows]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.sampled_from(["", "|", "||", "|||", "1", "(一)", "一", "县财政局", "王 五", "序号", "项目", "工作任务",
                                 "责任单位", "完成任务。", "做强产业，稳住大盘。"]), max_size=40))
def test_pages_of_cells_blank_lines_and_pipes_never_crash(lines):
    draft = parse_plan_text("\n".join(NOTICE + lines))
    assert all(m.path for m in draft.measures)


def test_the_same_table_pasted_with_tabs_keeps_its_group_rows_whose_tabs_were_lost():
    # a Word table or a tab paste: the group row's empty 序号 and trailing cells are tabs, which cleaning strips
    lines = ["2025年县政府工作报告重点工作分工方案", "序号\t重点工作\t县政府分管领导\t牵头单位\t配合单位\t备注",
             "\t做强县域产业，夯实高质量发展根基。\t\t\t\t", "(一)\t壮大特色农业\t\t\t\t",
             "1\t新建高标准农田2万亩。\t周 平\t县农业农村局\t县水利局、县财政局\t",
             "\t增进民生福祉，办好群众身边实事。\t\t\t\t", "(一)\t办好教育医疗\t\t\t\t",
             "2\t新建幼儿园两所。\t\t县教育局\t县卫生健康局\t"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["1"], ["1", "(一)"], ["1", "(一)", "1"], ["2"], ["2", "(一)"], ["2", "(一)", "2"]]
    assert [(m.lead_units, m.supporting_units) for m in measures if len(m.path) == 3] == [
        (["县农业农村局"], ["县水利局", "县财政局"]), (["县教育局"], ["县卫生健康局"])]


def test_a_group_rows_number_and_heading_in_one_cell_still_group_the_rows():
    lines = NOTICE + ["序号", "重点工作", "分管领导", "牵头单位", "配合单位", "备注",
                      "优化营商环境，激发市场活力。", "", "", "", "",
                      "(一)深化审批改革", "", "", "", "",
                      "1", "企业开办一日办结。", "王 林", "县政务服务中心", "县市场监管局", ""]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["1"], ["1", "(一)"], ["1", "(一)", "1"]]
    assert measures[1].text == "深化审批改革" and measures[2].lead_units == ["县政务服务中心"]


TARGETS = [("全县生产总值", "增长6.5%"), ("城镇居民人均可支配收入", "增长6%"), ("粮食总产量", "稳定在30万吨"),
           ("城镇新增就业", "0.8万人")]


def test_an_indicator_table_one_cell_per_line_without_units_gives_each_target_a_measure():
    lines = NOTICE + ["指标", "目标"] + [cell for pair in TARGETS for cell in pair] + ["二、重点工作", "(一)抓好项目建设。"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures[:4]] == [["1"], ["2"], ["3"], ["4"]]  # rows without 序号 are counted
    assert measures[1].text.startswith("城镇居民人均可支配收入") and "6%" in measures[1].text
    assert all(not m.lead_units and not m.supporting_units and m.deadline is None for m in measures[:4])
    assert [m.path for m in measures[4:]] == [["二"], ["二", "(一)"]]  # the plan goes on after the table


def test_an_indicator_table_with_its_numbers_reads_the_same():
    lines = ["序号", "指标", "目标"] + [c for k, pair in enumerate(TARGETS, 1) for c in (str(k),) + pair]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["1"], ["2"], ["3"], ["4"]]
    assert measures[3].text.startswith("城镇新增就业")


_INDICATORS = ["地区生产总值", "一般公共预算收入", "社会消费品零售总额", "进出口总额", "居民人均可支配收入", "粮食产量"]
_TARGET_VALUES = ["增长5%", "增长6.5%左右", "1.2万人", "稳定在20万吨", "5.5%以内", "与经济增长同步"]


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_INDICATORS), st.sampled_from(_TARGET_VALUES)), min_size=2, max_size=6,
                unique_by=lambda pair: pair[0]))  # a table names each indicator once
def test_indicator_rows_come_back_once_in_order(pairs):
    lines = ["2025年主要预期指标", "指标", "目标"] + [cell for pair in pairs for cell in pair]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [[str(k)] for k in range(1, len(pairs) + 1)]
    assert [m.text.split("。")[0] for m in measures] == [indicator for indicator, _ in pairs]


def test_a_copy_with_a_blank_line_after_every_cell_counts_its_empty_cells_the_same():
    header_at = BLANK_CELLED.index("序号")
    spaced = BLANK_CELLED[:header_at] + [line for cell in BLANK_CELLED[header_at:] for line in (cell, "")]
    assert ([(m.path, m.lead_units, m.supporting_units) for m in parse_plan_text("\n".join(spaced)).measures]
            == [(m.path, m.lead_units, m.supporting_units) for m in parse_plan_text("\n".join(BLANK_CELLED)).measures])


def test_extra_pipes_and_a_leader_written_nowhere_leave_the_units_in_their_column():
    lines = ["序号", "|", "项目", "|", "重点工作目标任务", "|", "牵头领导", "|", "责任单位", "|",
             "一、全年发展目标", "||||",
             "1", "|", "发展目标", "|", "1.全区税收增长4%。", "|", "严 冬", "吕 夏", "|", "★区财政局、区税务局", "|",
             "2.引进亿元项目8个。", "|||", "★区投资促进局、区发改委", "|",  # three pipes: more empty cells than the row has
             "3.开工建设保障房500套。", "|", "★区住建局", "|"]  # the leader's cell merged from the row above
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["一"], ["一", "1"], ["一", "1", "1"], ["一", "1", "2"], ["一", "1", "3"]]
    assert [m.lead_units for m in measures[2:]] == [["区财政局"], ["区投资促进局"], ["区住建局"]]
    assert [m.supporting_units for m in measures[2:]] == [["区税务局"], ["区发改委"], []]


def test_lines_after_a_blank_celled_table_are_no_rows_of_it():
    lines = BLANK_CELLED + ["", "抄送：县委办公室，县人大常委会办公室。", "", "某县人民政府办公室2025年2月20日印发"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures][-1] == ["2", "(一)", "4"] and "抄送" not in measures[-1].text
    assert measures[-1].supporting_units == ["县卫生健康局"]
    assert is_leader_caption("区领导") and is_leader_caption("县级领导")



@pytest.mark.parametrize("indicator,target", [("指标", "目标"), ("主要指标", "2025年预期目标"), ("指标名称", "2025年目标"),
                                              ("指标", "目标值"), ("指标", "年度目标")])
def test_an_indicator_tables_captions_may_name_the_year_or_the_value(indicator, target):
    lines = ["2025年主要预期指标", indicator, target] + [cell for pair in TARGETS for cell in pair]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [(m.path, m.deadline) for m in measures] == [([str(k)], None) for k in range(1, 5)]


def test_a_header_row_on_one_line_over_blank_celled_rows_keeps_the_empty_cells():
    lines = NOTICE + ["序号\t重点工作\t分管领导\t牵头单位\t配合单位\t备注",
                      "(一)", "壮大特色农业", "", "", "", "",
                      "1", "新建高标准农田2万亩。", "", "县农业农村局", "县水利局，县财政局", "",
                      "2", "培育龙头企业3家。", "周 平", "县农业农村局", "县商务局", ""]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["(一)"], ["(一)", "1"], ["(一)", "2"]]
    assert [(m.lead_units, m.supporting_units) for m in measures[1:]] == [
        (["县农业农村局"], ["县水利局", "县财政局"]), (["县农业农村局"], ["县商务局"])]
