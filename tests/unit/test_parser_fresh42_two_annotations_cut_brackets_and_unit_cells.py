"""Units and items as fresh documents of offices and ministries write them (issue 13, branch fresh42).

Fresh development documents 780–786 (a law site's copy of 国办函〔2016〕38号 with its table, a county's 民生实事 progress table
without its header, a district's 督查通知单 with its list of problems, a city's 蓝天保卫战 方案 and its printed PDF, a provincial
commission's 政务公开 台账 as text and as Word) lost on their first run where: an item carried a second annotation after a
sentence of its own, its first in square brackets `〔…〕` with a remark `(管委会)` inside, and only the last was read; the stored
copy ended inside the last item's bracket (`…。(责任单位:`), and that cut item was read as a measure; a 台账's unit cell naming
its units' duty in words (`A、B等按职责分工落实`) was no unit cell, so the row lost its units, and `宣传处会办公室` (广东's short form
of 会同) was one name; a time cell of dated steps (`2021年2月公布预算信息,2021年8月公布…`) gave no deadline; a header cut by
single blanks whose caption is typeset letter by letter (`序号 工 作 任 务 牵头负责部门`) was no header, so the rows were the
notice's children; a pipe table copied without its header (`1 | task | 县教育局 | progress | 按时序推进 |`) gave no unit. The stories below tell
each in a few lines; the wording is invented after those documents (GOLD-README "fresh42")."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text


def _read(text):
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures}


# --- an item with two annotations, each after its own sentence ---

def test_both_annotations_of_an_item_give_their_units_the_first_in_square_brackets_with_a_remark_inside():
    read = _read("某市治水行动方案\n一、工作任务\n1.划定保护范围。完成水源地保护区划定工作。〔市水务局牵头,市自然资源局参与,"
                 "各县(区)人民政府负责落实。以下各项均需各县(区)人民政府落实,不再列出。〕按要求清理保护区内排污口。"
                 "(市生态环境局、市水务局牵头,市农业农村局参与)")
    assert read[("一", "1")] == (["市水务局", "市生态环境局"], ["市自然资源局", "各县(区)人民政府", "市农业农村局"], None)


@given(st.sampled_from([("〔", "〕"), ("（", "）"), ("(", ")"), ("【", "】")]),
       st.sampled_from(["各镇(街道)", "区城管局(执法局)", "区财政局"]))
def test_an_inner_annotation_reads_in_any_bracket_with_or_without_a_short_remark_in_a_name(brackets, name):
    opener, closer = brackets
    read = _read(f"工作要点\n1.整治背街小巷。{opener}区住建局牵头,{name}配合{closer}开展路灯维修。(区城管局负责)")
    assert read[("1",)] == (["区住建局", "区城管局"], [name], None)


def test_a_bracket_inside_a_sentence_still_names_no_unit():
    read = _read("工作要点\n1.推进各县(市、区)垃圾分类(试点)工作,年底前覆盖所有街道。(市城管局负责)")
    assert read[("1",)] == (["市城管局"], [], "年底前")


# --- a stored copy that ends inside the last item's bracket ---

@given(st.sampled_from(["(责任单位:", "(责任单位:区城管局、", "（牵头单位：区住建局；配合单位：",
                        "(区执法局、区住建局牵头,各街道、"]))
def test_an_item_cut_inside_its_annotation_at_the_end_of_the_file_is_no_measure(cut):
    draft = parse_plan_text("整改通知\n附件:存在问题\n1.菜市场门前占道经营。(责任单位:区执法局)\n"
                            f"2.公园东门路灯损坏。(责任单位:区城管局)\n3.桥下堆放杂物。{cut}")
    assert [m.path for m in draft.measures] == [["1"], ["2"]]
    assert any("未读入" in w and "第 5 行" in w for w in draft.warnings)


def test_a_bracket_left_open_before_more_text_is_the_office_slip_and_the_item_stays():
    read = _read("整改通知\n1.菜市场门前占道经营。(责任单位:区执法局\n2.公园东门路灯损坏。(责任单位:区城管局)")
    assert ("1",) in read and read[("2",)] == (["区城管局"], [], None)


def test_a_last_item_that_closes_its_bracket_or_ends_on_words_stays_a_measure():
    assert _read("整改通知\n1.甲处垃圾。(责任单位:区执法局)\n2.乙处破损(东侧")[("2",)] == ([], [], None)
    assert _read("整改通知\n1.甲处垃圾。(责任单位:区执法局)")[("1",)] == (["区执法局"], [], None)


# --- unit and time cells of a 台账 (784, 785): "A处会B", "A、B等按职责分工落实", a time cell of dated steps ---

_LEDGER = ("某局2020年重点任务台账\n序号 | 工作任务 | 具体分工 | 责任科室 | 完成时限 | 备注 |\n"
           "1 | 做好信息发布 | 围绕重点工作发布权威信息 | {first} | 长期推进 |\n"
           "2 | 规范公开目录 | {second} | {third} |\n")


def test_a_unit_cell_naming_its_units_duty_in_words_leads_with_every_name_and_the_short_form_of_huitong_reads():
    read = _read(_LEDGER.format(first="综合科、法规科、财务科等按职责分工落实", second="人事科会办公室",
                                third="2020年6月前"))
    assert read[("1",)] == (["综合科", "法规科", "财务科"], [], "长期推进")
    assert read[("2",)] == (["人事科"], ["办公室"], "2020年6月前")


@given(st.sampled_from(["规划处会财务处", "规划处会同财务处", "信息中心会统计局"]))
def test_a_body_before_hui_leads_and_the_body_after_it_supports(cell):
    lead, other = cell.replace("会同", "会").split("会")
    read = _read(_LEDGER.format(first="综合科", second=cell, third="长期推进"))
    assert read[("2",)] == ([lead], [other], "长期推进")


@given(st.sampled_from(["区管委会办公室", "市红十字会", "县总工会"]))
def test_a_name_that_ends_with_hui_or_holds_it_stays_one_unit(name):
    read = _read(_LEDGER.format(first="综合科", second=name, third="长期推进"))
    assert read[("2",)] == ([name], [], "长期推进")


_TIMES = ("某局2020年重点任务台账\n序号 | 工作任务 | 具体分工 | 责任科室 | 完成时限 |\n"
          "1 | 做好信息发布 | 围绕重点工作发布权威信息 | 综合科 | 长期推进 |\n2 | 规范公开目录 | 修订主动公开目录 | 财务科 | {time} |\n")


@given(st.sampled_from([("2020年3月公布年度计划,2020年9月公布执行情况", "2020年3月"),
                        ("5月底前上线运行,12月底前全面推广", "5月底前"),
                        ("2020年10月15日上线运行", "2020年10月15日")]))
def test_a_time_cell_of_dated_steps_gives_the_first_date_without_its_work(case):
    cell, deadline = case
    assert _read(_TIMES.format(time=cell))[("2",)] == (["财务科"], [], deadline)


@given(st.sampled_from(["2020年3月至6月", "2020年3月起", "2020年3月份"]))
def test_a_span_a_start_or_a_month_stays_as_the_grammar_reads_it(cell):
    assert _read(_TIMES.format(time=cell))[("2",)][2] != "2020年3月"


# --- a table cut by single blanks whose header caption is typeset letter by letter (780) ---

@given(st.sampled_from(["工 作 任 务", "任 务 内 容", "工作任务"]), st.sampled_from(["牵头负责部门", "牵头单位", "责任单位"]))
def test_a_header_with_a_caption_spaced_out_letter_by_letter_reads_its_rows_and_their_units(task, unit):
    read = _read("某省2019年指标任务分工\n\n"
                 f"序号 {task} {unit}\n1 新增城镇就业5万人以上 省人社厅\n2 新建农村公路2000公里 省交通运输厅\n")
    assert read == {("1",): (["省人社厅"], [], None), ("2",): (["省交通运输厅"], [], None)}


def test_single_letters_inside_a_sentence_line_make_no_header():
    read = _read("工作方案\n一、目标\n1.全 年 完 成 任 务。(责任单位:县发改局)")
    assert read[("一", "1")] == (["县发改局"], [], None)


# --- a pipe table copied without its header (781) ---

_PROGRESS = ("1 | 新建城区公厕12座。 | 县城管局 | 已完成选址,5座开工建设,9月底前完工。 | 按时序推进 |\n|\n"
             "2 | 改造老旧小区8个。 | 县住建局 | 已完成3个,其余5个正在施工。 | 按时序推进 |\n|\n"
             "3 | 为1000名老人提供上门助餐服务。 | 县民政局、各乡镇 | 已服务620人。 | 滞后时序 |\n")


def test_a_headerless_progress_table_gives_each_row_the_units_of_its_unit_cell_and_no_date_of_its_report():
    assert _read(_PROGRESS) == {("1",): (["县城管局"], [], None), ("2",): (["县住建局"], [], None),
                                ("3",): (["县民政局", "各乡镇"], [], None)}


def test_the_last_row_cut_by_the_end_of_the_copy_is_no_measure_and_is_reported():
    draft = parse_plan_text(_PROGRESS + "|\n4 | 建设口袋公园5个。 | 县城管局 | 已完成2个,其余")
    assert [m.path for m in draft.measures] == [["1"], ["2"], ["3"]]
    assert any("未读入" in w and "第 7 行" in w for w in draft.warnings)


def test_headerless_rows_under_a_header_line_or_without_a_unit_cell_are_read_as_before():
    under_header = _read("序号 | 任务 | 责任单位 | 进展 | 状态 |\n" + _PROGRESS)
    assert under_header[("1",)][0] == ["县城管局"]
    no_units = _read("1 | 新建城区公厕12座。 | 已完成选址 |\n2 | 改造老旧小区8个。 | 已完成3个 |\n")
    assert no_units == {("1",): ([], [], None), ("2",): ([], [], None)}


def test_rows_after_a_section_line_of_a_table_with_its_header_above_keep_the_header_columns():
    read = _read("序号 | 任务 | 承办科室意见 | 备注 |\n一、民生项目\n1 | 新建城区公厕12座。 | 县城管局 | 无 |\n"
                 "2 | 改造老旧小区8个。 | 县住建局 | 无 |\n")
    assert read[("一", "1")][0] == [] and read[("一", "2")][0] == []
