"""Deadlines, tables and units as fresh county, district, town and bureau documents write them (issue 13, branch fresh38).

Fresh development documents 840–846 (太湖县's 2021 美丽乡村 方案, 蒸湘区水利局's monthly plan, 杭州's 产业结构调整 task table
copied one cell a line and as a Word table, 张家港 乐余镇's 民生实事 progress table cut by single blanks and as a Word table)
lost on their first run where: a 方案's schedule opened a sentence with a month's end and a comma before what is finished
(`3月底,完成第一期方案建设`); a monthly plan left its month unwritten (`力争在月底完成…`); a header one caption a line held short
captions of no field (`区域`, `项目类型`) and was read as a record of captions over values; a merged 序号 opened rows whose
task begins with a figure (`20 | 41家化工企业`, read as the list of numbers `20、41家`); a count of enterprises (`35家铸造企业`)
passed for a unit; a town's table named its project column `实事工程项目`, its progress `目前进度`, its units a bureau's
`…条线`, and wrote its 责任领导 one name a line (`陶静华` / `范颖飞` / `钱  辉`). The stories below say each in a few lines;
the wording is invented after those documents (GOLD-README "fresh38")."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline
from tracker.vocabulary.units import is_person_name, is_unit_list


def _read(text):
    return {tuple(m.path): (m.lead_units, m.deadline) for m in parse_plan_text(text).measures}


def test_a_schedule_opening_a_sentence_with_a_month_end_and_a_comma_gives_the_time_of_what_is_finished():
    read = _read("一、目标任务\n1.完成县级中心村建设。3月底,完成第一期方案建设,完成卫生改厕。7月底,全面完成建设任务。\n"
                 "2.做好验收准备。8月底,接受县级预验收。")
    assert read[("一", "1")] == ([], "3月底")
    assert read[("一", "2")] == ([], None)  # an event at the month's end finishes nothing: no deadline


def test_a_monthly_plan_that_leaves_its_month_unwritten_keeps_the_month_end_as_written():
    draft = parse_plan_text("区水利局2月工作计划\n一、水利工程建设\n1.泵站工程:加快建设进度,力争在月底完成龙须桥泵站建设;\n"
                            "2.组织人员准备对已完工程项目进行验工验收;")
    first, second = draft.measures[1], draft.measures[2]
    assert (first.deadline, first.due_date) == ("月底", None)
    assert second.deadline is None


@given(st.integers(min_value=1, max_value=12), st.sampled_from(["完成", "建成", "全面完成", "基本完成", "完工"]),
       st.sampled_from(["接受", "召开", "开展", "启动"]))
def test_a_month_end_before_a_comma_is_a_deadline_only_before_what_is_finished(month, finished, other):
    assert find_text_deadline(f"做好前期工作。{month}月底,{finished}方案设计。") == f"{month}月底"
    assert find_text_deadline(f"做好前期工作。{month}月底,{other}县级检查。") is None


def test_a_header_one_caption_a_line_with_captions_of_no_field_is_a_header_not_a_record():
    cells = ["序号", "区域", "项目名称", "项目类型", "实施时间",
             "1", "经济开发区", "1家环保高科技企业", "合成车间关停", "2019年",
             "2", "1家化工企业", "合成车间关停", "2021年"]
    read = _read("产业结构调整类项目任务表\n\n" + "\n\n".join(cells))
    assert read == {("1",): ([], "2019年"), ("2",): ([], "2021年")}


def test_a_merged_serial_over_rows_whose_tasks_open_with_a_figure_keeps_the_row_and_nests_the_next():
    read = _read("序号\t区域\t项目名称\t项目类型\t实施时间\n19\t富阳区\t4家热电企业\t关停\t2020年\n"
                 "20\t富阳区\t41家化工企业\t关停\t2020年\n20\t富阳区\t35家铸造企业\t关停\t2020年\n21\t富阳区\t3家水泥企业\t搬迁\t2020年")
    assert list(read) == [("19",), ("20",), ("20", "20.1"), ("21",)]


def test_a_count_of_enterprises_is_no_unit():
    assert not is_unit_list("35家铸造企业")
    assert not is_unit_list("3所学校")
    assert is_unit_list("市经信局、市生态环境局")


@given(st.integers(min_value=1, max_value=999), st.sampled_from("家所个座处"),
       st.sampled_from(["铸造企业", "化工企业", "服务中心", "卫生院", "水利站"]))
def test_a_name_opening_with_a_count_is_never_a_unit(count, measure_word, name):
    assert not is_unit_list(f"{count}{measure_word}{name}")


def test_a_towns_progress_table_cut_by_single_blanks_gives_its_lead_columns_units():
    read = _read("序号 实事工程项目 年度目标 目前进度 下一步工作措施 存在问题 责任领导 牵头部门\n"
                 "1 河道治理项目 消除劣Ⅴ类河道20条。 项目已全部完成。 / / 王  忠 乐余水利站\n"
                 "2 安置房建设项目 建设5栋安置房192套。 已经完成施工图审图。 准备启动公开招标。 / 钱  辉 镇社会治理和社会事业局规划建设条线\n"
                 "3 口袋公园建设项目 打造一个儿童友好主题公园。 项目已全部完成。 / / 陶静华\n范颖飞\n钱  辉\n"
                 "镇社会治理和社会事业局绿化条线、兆丰社区、镇妇联")
    assert read[("1",)] == (["乐余水利站"], None)
    assert read[("2",)] == (["镇社会治理和社会事业局规划建设条线"], None)
    assert read[("3",)] == (["镇社会治理和社会事业局绿化条线", "兆丰社区", "镇妇联"], None)  # the persons are no units


def test_a_name_padded_with_blanks_is_still_a_person():
    assert is_person_name("钱  辉")
    assert is_person_name("范颖飞")
    assert not is_person_name("镇妇联")
    assert not is_person_name("")
