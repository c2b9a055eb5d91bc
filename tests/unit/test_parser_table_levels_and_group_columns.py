"""Task tables of three kinds seen failing on held-out documents (branch tables29; GOLD-README "tables29").

A city office receives the province's plan broken down for it: each row names the province's item (``1.…``) under its
``（一）`` and the city's own measure (``（1）…``) with the city's units and time; it wants the three levels in its ledger
and the units and time on the city's measure. The wording here is invented; the corpus documents 570–579 hold real
items laid out in these shapes."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text, read_plan_bytes
from tests.helpers.word_tables import word_table


def _read(draft) -> list[tuple[tuple[str, ...], list[str], list[str], str | None]]:
    return [(tuple(m.path), m.lead_units, m.supporting_units, m.deadline) for m in draft.measures]


# --- a row numbered at three levels ----------------------------------------------------------------------------------

_LEVELS_HEADER = ["序号", "部署任务", "落实措施", "牵头单位", "责任单位", "完成时限", "备注"]
_LEVELS_ROWS = [["一、深化体制机制改革", "", "", "", "", "", ""],
                ["（一）", "1.深化“放管服”改革，优化营商环境。", "（1）全面推行证明事项告知承诺制。", "市司法局", "市政务服务中心",
                 "2022年9月底", ""],
                ["（一）", "1.深化“放管服”改革，优化营商环境。", "（2）推行涉企经营许可事项清单管理。", "市市场监管局", "",
                 "2022年12月底", ""],
                ["（二）", "2.推进国资国企改革。", "（3）完成市属国有企业整合重组。", "市国资委", "市财政局", "2022年11月底", ""]]
_LEVELS_READ = [(("一",), [], [], None), (("一", "（一）"), [], [], None), (("一", "（一）", "1"), [], [], None),
                (("一", "（一）", "1", "（1）"), ["市司法局"], ["市政务服务中心"], "2022年9月底"),
                (("一", "（一）", "1", "（2）"), ["市市场监管局"], [], "2022年12月底"),
                (("一", "（二）"), [], [], None), (("一", "（二）", "2"), [], [], None),
                (("一", "（二）", "2", "（3）"), ["市国资委"], ["市财政局"], "2022年11月底")]


def test_a_row_numbering_the_province_s_item_and_the_city_s_measure_gives_three_levels_with_units_on_the_deepest():
    text = "某市落实全省部署任务分工方案\n" + "\n".join(" | ".join(row) for row in [_LEVELS_HEADER] + _LEVELS_ROWS)
    assert _read(parse_plan_text(text)) == _LEVELS_READ


def test_the_same_table_pasted_with_tabs_and_the_merged_cells_left_empty_reads_the_same():
    rows = [list(row) for row in _LEVELS_ROWS]
    rows[2][0] = rows[2][1] = ""  # the 序号 and 部署任务 merged over the province item's two measures
    text = "某市落实全省部署任务分工方案\n" + "\n".join("\t".join(row) for row in [_LEVELS_HEADER] + rows)
    assert _read(parse_plan_text(text)) == _LEVELS_READ


def test_the_same_table_in_word_with_the_merged_cells_repeated_on_each_row_reads_the_same():
    data = word_table([_LEVELS_HEADER] + _LEVELS_ROWS, above=["某市落实全省部署任务分工方案"])
    assert _read(read_plan_bytes(data, "fengong.docx")) == _LEVELS_READ


def test_a_serial_in_figures_beside_a_numbered_task_is_still_the_row_s_own_number():
    text = "序号 | 重点任务 | 具体措施 | 牵头单位\n1 | 稳增长 | 新增规上企业50家。 | 市经信局\n2 | 促改革 | 深化国企改革。 | 市国资委"
    assert _read(parse_plan_text(text)) == [(("1",), ["市经信局"], [], None), (("2",), ["市国资委"], [], None)]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=3), min_size=1, max_size=4))
def test_every_city_measure_lands_under_its_province_item_whatever_the_count(counts):
    rows, expected, measure = [], [("一",)], 0
    cn = "一二三四"
    for item, count in enumerate(counts, start=1):
        expected += [("一", f"（{cn[item - 1]}）"), ("一", f"（{cn[item - 1]}）", str(item))]
        for _ in range(count):
            measure += 1
            rows.append(f"（{cn[item - 1]}） | {item}.推进第{item}项部署。 | （{measure}）落实第{measure}项措施。 | 市发展改革委 | | 2025年6月底 |")
            expected.append(("一", f"（{cn[item - 1]}）", str(item), f"（{measure}）"))
    text = "\n".join([" | ".join(_LEVELS_HEADER), "一、重点任务 | | | | | |"] + rows)
    draft = parse_plan_text(text)
    assert [tuple(m.path) for m in draft.measures] == expected
    assert all(m.lead_units == ["市发展改革委"] and m.deadline == "2025年6月底"
               for m in draft.measures if len(m.path) == 4)


# --- a first column writing each group's token and title, over quarters --------------------------------------------

_EVENTS_READ = [(("一",), [], [], None),
                (("一", "1"), ["县交通运输局"], ["县发展改革局"], "三季度"),
                (("一", "2"), ["县水利局"], ["县住建局"], "四季度"),
                (("二",), [], [], None),
                (("二", "3"), ["县住建局"], ["各街道办事处"], "四季度")]


def test_a_ten_events_table_whose_groups_open_in_its_first_column_reads_every_row_with_its_last_quarter():
    text = "\n".join(["某县2024年十件大事任务分解表",
                      "十件大事 | 牵头单位 | 配合单位 | 进度安排",
                      "一季度 | 二季度 | 三季度 | 四季度",
                      "一、全力推进重大基础设施项目建设",
                      "1.开工建设县城南环线。 | 县交通运输局 | 县发展改革局 | 完成初步设计 | 完成施工招标 | 开工建设 |",
                      "2.建成县第二水厂。 | 县水利局 | 县住建局 | 完成主体工程 | 完成设备安装 | 试运行 | 建成投用",
                      "二、持续改善城乡人居环境",
                      "3.改造老旧小区12个。 | 县住建局 | 各街道办事处 | 完成摸底 | 开工 | 完成8个 | 完成12个"])
    assert _read(parse_plan_text(text)) == _EVENTS_READ


def test_the_same_table_with_tabs_whose_quarters_lost_their_leading_cells_reads_the_same():
    rows = [["十件大事", "牵头单位", "配合单位", "进度安排"],  # the caption's span lost at the line's end
            ["一季度", "二季度", "三季度", "四季度"],          # the empty cells under the captions lost at its start
            ["一、全力推进重大基础设施项目建设"],
            ["1.开工建设县城南环线。", "县交通运输局", "县发展改革局", "完成初步设计", "完成施工招标", "开工建设", ""],
            ["2.建成县第二水厂。", "县水利局", "县住建局", "完成主体工程", "完成设备安装", "试运行", "建成投用"],
            ["二、持续改善城乡人居环境"],
            ["3.改造老旧小区12个。", "县住建局", "各街道办事处", "完成摸底", "开工", "完成8个", "完成12个"]]
    assert _read(parse_plan_text("\n".join("\t".join(row) for row in rows))) == _EVENTS_READ


def test_a_word_table_writing_the_group_in_its_first_column_beside_each_task_opens_each_group_once():
    rows = [["十件大事", "工作任务", "牵头单位", "配合单位", "进度安排", "", "", ""],
            ["", "", "", "", "一季度", "二季度", "三季度", "四季度"],
            ["一、全力推进重大基础设施项目建设", "开工建设县城南环线。", "县交通运输局", "县发展改革局", "完成初步设计", "完成施工招标", "开工建设", ""],
            ["一、全力推进重大基础设施项目建设", "建成县第二水厂。", "县水利局", "县住建局", "完成主体工程", "完成设备安装", "试运行", "建成投用"],
            ["二、持续改善城乡人居环境", "改造老旧小区12个。", "县住建局", "各街道办事处", "完成摸底", "开工", "完成8个", "完成12个"]]
    assert _read(read_plan_bytes(word_table(rows, above="某县2024年十件大事任务分解表"), "dashi.docx")) == _EVENTS_READ


def test_a_caption_counting_the_plan_s_items_names_the_items_column_and_a_word_alone_does_not():
    from tracker.vocabulary.captions import match_caption
    assert [match_caption(text, sub_caption=True)[0] for text in ["十件大事", "十大民生实事", "八项重点工程", "10件民生实事"]] \
        == ["重点任务"] * 4
    assert match_caption("大事", sub_caption=True) is None and match_caption("十分重要", sub_caption=True) is None


# --- a one-row table numbered in words -------------------------------------------------------------------------------

def test_a_one_row_table_numbered_in_traditional_words_is_one_measure_with_its_units_and_time():
    text = "\n".join(["某市重點工作任務分解表", "序號 | 重點任務 | 牽頭單位 | 責任單位 | 完成時限",
                      "第十六項 | 推進城市更新，完成老舊小區改造20個。 | 市住建局 | 各區政府 | 2024年12月底前"])
    assert _read(parse_plan_text(text)) == [(("第十六項",), ["市住建局"], ["各區政府"], "2024年12月底前")]


def test_the_same_row_in_simplified_characters_in_a_word_table_reads_the_same():
    rows = [["序号", "重点任务", "牵头单位", "责任单位", "完成时限"],
            ["第十六项", "推进城市更新，完成老旧小区改造20个。", "市住建局", "各区政府", "2024年12月底前"]]
    assert _read(read_plan_bytes(word_table(rows), "fenjie.docx")) == [
        (("第十六项",), ["市住建局"], ["各区政府"], "2024年12月底前")]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["一", "五", "十", "十六", "二十三"]), st.sampled_from(["项", "項"]))
def test_an_item_numbered_in_words_keeps_its_token_as_written_in_either_script(numeral, item):
    text = f"序号 | 重点任务 | 牵头单位\n第{numeral}{item} | 完成老旧小区改造。 | 市住建局"
    assert _read(parse_plan_text(text)) == [((f"第{numeral}{item}",), ["市住建局"], [], None)]


# --- a 考核细则 whose section names every unit examined, its criteria numbered in one cell -----------------------------

_ASSESSMENT_HEADER = ["序号", "考核项目", "考核内容", "评分标准", "分值", "责任单位"]
_ASSESSMENT_ROWS = [
    ["一、通用考核项目（全部责任单位）"],
    ["1", "组织领导", "成立工作专班，明确分管领导。", "1.成立工作专班（1分）；2.明确分管领导和联络员（1分）。", "2", ""],
    ["2", "信息报送", "按时报送工作进展。", "1.每月5日前报送进展（2分）；2.报送信息被省级采用（1分）。", "3", ""],
    ["二、专项考核项目（市行政审批局、市发展改革委）"],
    ["3", "项目审批", "压缩审批时限。", "1.审批时限压减50%（3分）；2.推行告知承诺制（2分）。", "5", "市行政审批局"],
    ["4", "投资计划", "完成年度投资计划。", "按完成率计分。", "5", "市发展改革委"]]
# The criteria numbered in a 评分标准 cell stay their row's text: how the row scores (GOLD-README wave 10, "tables29").
_ASSESSMENT_READ = [(("一",), [], [], None), (("一", "1"), [], [], None), (("一", "2"), [], [], None),
                    (("二",), [], [], None), (("二", "3"), [], [], None), (("二", "4"), [], [], None)]


def test_an_assessment_table_names_no_unit_for_the_units_it_examines_and_keeps_its_criteria_as_text():
    text = "某市2024年营商环境工作考核细则\n" + "\n".join(" | ".join(row) for row in [_ASSESSMENT_HEADER] + _ASSESSMENT_ROWS)
    assert _read(parse_plan_text(text)) == _ASSESSMENT_READ


def test_the_same_assessment_table_with_tabs_reads_the_same():
    text = "某市2024年营商环境工作考核细则\n" + "\n".join("\t".join(row) for row in [_ASSESSMENT_HEADER] + _ASSESSMENT_ROWS)
    assert _read(parse_plan_text(text)) == _ASSESSMENT_READ


def test_the_same_assessment_table_in_word_with_its_section_rows_merged_across_reads_the_same():
    rows = [_ASSESSMENT_HEADER] + [row + [""] * (6 - len(row)) for row in _ASSESSMENT_ROWS]
    merges = [(r, 0, r, 5) for r, row in enumerate(rows) if row[0].startswith(("一、", "二、"))]
    data = word_table(rows, above="某市2024年营商环境工作考核细则", merges=merges)
    assert _read(read_plan_bytes(data, "xize.docx")) == _ASSESSMENT_READ


def test_a_task_table_s_responsible_column_still_names_the_lead():
    text = "\n".join(["序号 | 工作任务 | 责任单位 | 完成时限",
                      "1 | 清理河道，补植行道树。 | 县水利局 | 5月底前"])
    assert _read(parse_plan_text(text)) == [(("1",), ["县水利局"], [], "5月底前")]


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=2, max_value=6))
def test_numbered_criteria_scored_each_stay_their_row_s_text(count):
    criteria = "；".join(f"{n}.完成第{n}项要求（1分）" for n in range(1, count + 1)) + "。"
    text = "\n".join([" | ".join(_ASSESSMENT_HEADER), f"1 | 组织领导 | 成立工作专班。 | {criteria} | {count} | 市发展改革委"])
    assert _read(parse_plan_text(text)) == [(("1",), ["市发展改革委"], [], None)]


def test_a_scale_in_the_criteria_cell_stays_the_row_s_text_and_without_an_all_units_section_the_unit_leads():
    text = "\n".join([" | ".join(_ASSESSMENT_HEADER),
                      "1 | 项目推进 | 按期完成年度计划。 | 1.按期完成得满分；2.每延迟一周扣1分；3.未完成不得分。 | 10 | 市发展改革委"])
    assert _read(parse_plan_text(text)) == [(("1",), ["市发展改革委"], [], None)]
