"""Units and deadlines as offices write them in lists, 通报 and one-task pages (issue 13, branch fresh35).

Fresh development documents 850–862 (宁夏 同心, 山东 金乡, 湖北 荆州, 安徽 六安 …) lost their units where an office writes
them in its own words: a 督查 问题清单 closes each point's list of problems with a line `问题整改责任单位:X 整改时限:3天`
(the caption composed of the work and 责任单位; the line is the point's, not its last problem's), a 责任单位 value closes
a clause with `等有关部门参加`, a 通报 names the lead inside the item's first sentence (`学前教育促进，牵头单位：市教体局。
其中，…`), and a page shows one task as a record of caption and value, one cell a line, without a number. The stories
below say each in a few lines; the wording is invented after those documents (GOLD-README "fresh35")."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.vocabulary.captions import match_caption
from tracker.vocabulary.units import is_vague_collective


def _units(measure):
    return ([u for u in measure.lead_units if not is_vague_collective(u)],
            [u for u in measure.supporting_units if not is_vague_collective(u)])


def test_a_problem_lists_closing_caption_line_names_the_points_unit_and_time():
    draft = parse_plan_text("具体问题如下:\n1. 县图书馆\n(1)消防通道堆放杂物;\n(2)灭火器过期未更换。\n"
                            "问题整改责任单位:县文旅局 整改时限:3天\n2. 县人民医院\n(1)禁烟标识不足;\n(2)宣传栏破损。\n"
                            "问题整改责任单位:县卫生健康局 整改时限:5天")
    read = {tuple(m.path): (m.lead_units, m.deadline) for m in draft.measures}
    assert read[("1",)] == (["县文旅局"], "3天")
    assert read[("2",)] == (["县卫生健康局"], "5天")
    assert read[("1", "(2)")] == ([], None)  # the last problem keeps its words only


def test_a_column_captioned_with_the_work_and_its_unit_caption_gives_the_rows_units():
    draft = parse_plan_text("序号 | 问题点位 | 问题整改责任单位 | 整改时限\n1 | 县图书馆 | 县文旅局 | 3天\n"
                            "2 | 县人民医院 | 县卫生健康局 | 5天")
    assert [(m.lead_units, m.deadline) for m in draft.measures] == [(["县文旅局"], "3天"), (["县卫生健康局"], "5天")]


def test_words_of_work_before_a_unit_caption_keep_its_role():
    assert match_caption("问题整改责任单位") == ("牵头单位", "责任单位")
    assert match_caption("项目建设牵头单位") == ("牵头单位", "牵头单位")
    assert match_caption("任务落实配合单位") == ("配合单位", "配合单位")
    assert match_caption("建设单位") is None  # a word of work alone before 单位 names no unit caption


def test_units_that_take_part_support_the_lead():
    draft = parse_plan_text("一、巩固脱贫成果\n1.保持帮扶政策总体稳定。（责任单位:县乡村振兴局牵头,县教育局、县民政局等有关部门参加,"
                            "各镇街落实）")
    assert _units(draft.measures[1]) == (["县乡村振兴局"], ["县教育局", "县民政局", "各镇街"])
    assert not any("参加" in u for u in draft.measures[1].supporting_units)


def test_a_reports_item_names_its_lead_inside_its_first_sentence():
    draft = parse_plan_text("二、部分项目进展情况\n1、学前教育促进,牵头单位:县教体局。其中,8月份整改不到位的为东城镇。\n"
                            "2、村卫生室标准化建设,牵头单位:县卫健委。其中,进度较慢的为西河乡。")
    assert [(m.path, m.lead_units) for m in draft.measures[1:]] == [(["二", "1"], ["县教体局"]), (["二", "2"], ["县卫健委"])]


def test_a_sentence_that_goes_on_after_a_caption_names_no_unit():
    draft = parse_plan_text("1、学前教育促进,责任单位:各学校要在开学前完成自查。")
    assert draft.measures[0].lead_units == []


def test_one_task_a_page_as_caption_and_value_lines_is_one_row_counted_one():
    draft = parse_plan_text("具体任务\n改扩建社区卫生服务中心,提升乡镇卫生院。\n责任单位\n卫健局\n配合单位\n各乡镇\n完成时限\n"
                            "设备采购3月底前完成;其它事项12月底前取得明显成效并长期坚持")
    assert [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in draft.measures] == [
        (["1"], ["卫健局"], ["各乡镇"], "3月底前")]


def test_a_header_copied_one_caption_a_line_is_no_record():
    draft = parse_plan_text("重点工作 |\n责任单位 |\n完成时限 |\n1 |\n建成污水处理厂 |\n县住建局 |\n2024年底前 |")
    assert all(m.path != ["1"] or m.text != "" for m in draft.measures)


# Deadline forms offices write (the briefs of the held-out waves: a month of the year of issue, a standing word, a
# quarter's end, a half year, a window, a span of years, the first of two stages, a value that names no time).
_FORMS = {"2022年6月底前": "2022年6月底前", "6月底前": "6月底前", "长期坚持": "长期坚持", "持续推进": "持续推进",
          "每季度末": "每季度末", "2022年下半年": "2022年下半年", "2022年3月—6月": "2022年3月—6月",
          "2021—2025年": "2021—2025年", "2022年底前完成，2023年巩固提升": "2022年底前", "按上级要求": None,
          "根据工作需要": None, "立行立改": "立行立改", "2022年12月31日前": "2022年12月31日前"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(_FORMS)), st.sampled_from(["县政府办", "县发改局", "县住房和城乡建设局"]),
       st.sampled_from(["加强督查考核", "推进老旧小区改造", "完善应急预案"]))
def test_a_deadline_form_reads_the_same_in_a_table_cell_a_captioned_and_a_bare_annotation(form, unit, work):
    in_caption = parse_plan_text(f"一、{work}。（牵头单位：{unit}；完成时限：{form}）").measures[0]
    in_clause = parse_plan_text(f"一、{work}。（{unit}牵头，{form}）").measures[0]
    in_cell = parse_plan_text(f"序号 | 工作任务 | 牵头单位 | 完成时限\n1 | {work} | {unit} | {form}").measures[0]
    assert in_caption.deadline == in_clause.deadline == in_cell.deadline == _FORMS[form]
    assert in_caption.lead_units == in_clause.lead_units == in_cell.lead_units == [unit]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=2, max_value=6), st.sampled_from(["问题整改", "整改落实", "项目建设"]),
       st.sampled_from(["3天", "5个工作日", "2022年9月底前"]))
def test_a_caption_line_after_a_list_of_problems_is_the_points(problems, work, time):
    lines = ["1. 县图书馆"] + [f"({k})问题{k}未整改;" for k in range(1, problems + 1)]
    lines.append(f"{work}责任单位:县文旅局 整改时限:{time}")
    draft = parse_plan_text("\n".join(lines))
    point = draft.measures[0]
    assert (point.path, point.lead_units, point.deadline) == (["1"], ["县文旅局"], time)
    assert all(not m.lead_units and m.deadline is None for m in draft.measures[1:])


def test_a_sites_frame_line_above_a_whole_title_is_no_part_of_it():
    draft = parse_plan_text("添加到电脑桌面\n安装后可以在桌面快捷访问\n\n关于开展村庄清洁行动的通知\n\n各乡镇：\n现将有关事项通知如下。\n"
                            "一、活动时间\n2021年5月-7月。")
    assert draft.title == "关于开展村庄清洁行动的通知"
    assert [(m.path, m.deadline) for m in draft.measures] == [(["一"], "2021年5月-7月")]


def test_an_issuers_line_above_about_is_the_titles_first_line():
    draft = parse_plan_text("某县人民政府办公室\n关于开展土地调查的通知\n各乡镇：\n一、调查时间安排\n2018年5月底前,完成工作部署。")
    assert draft.title == "某县人民政府办公室关于开展土地调查的通知"
    assert draft.measures[0].deadline == "2018年5月底前"
