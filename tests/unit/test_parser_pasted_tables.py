"""Task tables pasted as text the way offices paste them (issue 13, round 4): out of an Excel 台账 (cells
with line breaks in double quotes), out of a web page into Notepad (one cell per line, two columns, a group
row of one cell, a long unit cell wrapped over lines), and an excerpt of a 责任分解 starting at row 3. Each
gives one measure per row, with the units of its 责任单位 cell."""
from __future__ import annotations

from tracker.parsing import parse_plan_text

UNITS = ["省经信厅、省财政厅、省商务厅、", "省税务局、省统计局,", "各设区市政府"]
WANT_UNITS = ["省经信厅", "省财政厅", "省商务厅", "省税务局", "省统计局", "各设区市政府"]


def test_a_table_copied_out_of_excel_keeps_a_cell_with_line_breaks_whole():
    text = "\n".join(["序号\t重点工作\t责任单位",
                      "一、优化营商环境\t\t",
                      "1\t落实降本减负惠企政策。\t\"" + "\n".join(UNITS) + "\"",
                      "2\t新增智能工厂和数字化车间150家。\t省经信厅",
                      "3\t推行\"\"一件事\"\"集成办理。\t\"省政务办\n省大数据局\""])
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["一"], ["一", "1"], ["一", "2"], ["一", "3"]]
    assert measures[1].lead_units == WANT_UNITS  # the cell's three lines are one list
    assert measures[2].lead_units == ["省经信厅"]
    assert measures[3].lead_units == ["省政务办", "省大数据局"]  # one unit per line
    assert '"一件事"' in measures[3].text  # a doubled quote is a quote


def test_a_two_column_table_pasted_one_cell_per_line_with_a_group_row_and_wrapped_units():
    lines = ["2023年重点工作责任分解", "", "重点工作", "责任单位", "",
             "1.加强食品药品全链条闭环监管。", "省市场监管局、省药监局", "",
             "二、经济发展重点工作", "",
             "1.优化企业发展环境。"] + UNITS + ["",
             "2.新增智能工厂和数字化车间150家。", "省经信厅"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["1"], ["二"], ["二", "1"], ["二", "2"]]
    assert measures[0].lead_units == ["省市场监管局", "省药监局"]
    assert measures[1].lead_units == []  # the group row names no unit
    assert measures[2].lead_units == WANT_UNITS
    assert measures[3].lead_units == ["省经信厅"]


def test_an_excerpt_of_a_table_starting_at_row_3_keeps_its_rows_and_its_next_group():
    text = "\n".join(["序号\t重点工作\t责任单位",
                      "3\t加强食品药品全链条闭环监管。\t省市场监管局",
                      "四、卢山副省长牵头重点工作\t\t",
                      "1\t优化企业发展环境。\t省经信厅",
                      "2\t新增智能工厂150家。\t省经信厅"])
    measures = parse_plan_text(text).measures
    # row 3 belongs to a group the excerpt does not show; 四 is no child of it
    assert [m.path for m in measures] == [["3"], ["四"], ["四", "1"], ["四", "2"]]
    assert measures[0].lead_units == ["省市场监管局"]


def test_a_word_table_pasted_into_notepad_keeps_each_cells_paragraphs_in_its_row():
    # Word writes every paragraph of a cell on a line of its own: units one per paragraph, a task
    # whose title and body are two paragraphs
    text = "\n".join(["责任清单", "序号\t工作任务\t责任单位\t完成时限",
                      "1\t推进老旧小区改造。\t县住建局", "县财政局", "县发改局\t2023年12月底前",
                      "2\t开展农村人居环境整治。", "完成改厕500户。\t县农业农村局\t2023年底前",
                      "3\t实施教育提升工程。\t县教育局\t2023年9月底前", "县财政局",
                      "各单位要按时报送进展情况。"])
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["1"], ["2"], ["3"]]
    assert measures[0].lead_units == ["县住建局", "县财政局", "县发改局"]
    assert measures[0].deadline == "2023年12月底前"
    assert measures[1].text.startswith("开展农村人居环境整治。完成改厕500户。")
    assert measures[1].lead_units == ["县农业农村局"]
    assert measures[2].lead_units == ["县教育局"]  # a whole row: its last cell is the time, no unit goes on


def test_without_a_number_column_a_unit_cells_next_paragraph_stays_in_its_row():
    text = "\n".join(["工作任务\t牵头单位\t配合单位\t完成时限",
                      "推进老旧小区改造。\t县住建局\t县财政局", "县发改局\t2023年12月底前",
                      "开展农村人居环境整治。\t县农业农村局\t\t2023年底前"])
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["1"], ["2"]]
    assert measures[0].supporting_units == ["县财政局", "县发改局"] and measures[0].deadline == "2023年12月底前"


def test_a_unit_cell_that_marks_its_leads_and_states_the_precedence_rule_is_read_as_it_says():
    # 浙江 2024: "A、B牽頭,C、D(除標註爲“牽頭”單位外,列第一位的爲牽頭或彙總單位,下同)" in the 責任單位 cell
    text = "\n".join(["序號\t重點工作\t責任單位",
                      "1\t堅持政府過緊日子。\t省政府辦公廳、省財政廳牽頭,省商務廳、省文化廣電和旅遊廳"
                      "(除標註爲“牽頭”單位外,列第一位的爲牽頭或彙總單位,下同)",
                      "2\t用好地方政府專項債券。\t省財政廳、省發展改革委"])
    first, second = parse_plan_text(text).measures
    assert first.lead_units == ["省政府辦公廳", "省財政廳"]
    assert first.supporting_units == ["省商務廳", "省文化廣電和旅遊廳"]  # one department, 和 inside its name
    assert second.lead_units == ["省財政廳"] and second.supporting_units == ["省發展改革委"]  # 下同


def test_a_table_aligned_with_spaces_whose_narrow_cells_wrapped_keeps_the_wrapped_lines_in_their_rows():
    # copied out of a PDF or a mail: the task column wrapped, its indent lost; the last line also
    # carries a second unit of the row above
    text = "\n".join(["责任清单",
                      "序号    工作任务                          责任单位        完成时限",
                      "1       推进老旧小区改造，完成改造小      县住建局        2023年12月底前",
                      "        区20个。",
                      "2       开展农村人居环境整治。            县农业农村局    2023年底前",
                      "3       实施教育提升工程，新建学校        县教育局        2023年9月底前",
                      "        2所。                             县财政局",
                      "各单位要按月报送进展情况。"])
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["1"], ["2"], ["3"]]
    assert measures[0].text.startswith("推进老旧小区改造，完成改造小区20个。")
    assert measures[2].lead_units == ["县教育局", "县财政局"]
