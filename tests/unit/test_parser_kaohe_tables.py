"""考核 tables (考核细则, 考核项目表) as offices receive them: a county office gets the year's 考核细则 as a
Word table or a saved page, and wants one task per row with the department answering for it
(GOLD-README wave 6: `负责考核部门` gives the row's lead units), the groups as parents, and neither
the 总分 row nor the numbered scoring notes inside a cell taken for tasks."""
from __future__ import annotations

from io import BytesIO

import docx

from tracker.parsing import parse_plan_text, read_plan_bytes

HEADER = ["序号", "考核项目", "分值", "考核标准", "负责考核部门"]
# (cells, paragraphs of the criteria cell): rows of a river-chief 考核细则 laid out as counties draw them
ROWS = [
    ["一、", "组织领导", "10", ["1.成立河长制工作领导小组，得2分。", "2.召开专题会议2次以上，得3分。"], ["县河长办"]],
    ["1", "制度建设", "5", ["2018年7月底前修订完善河长制各项制度，得5分。"], ["县河长办", "县水利局"]],
    ["2", "巡河履职", "5", ["年内无不达标河库，得4分；", "年内无案例不得分。"], ["县水利局"]],
    ["二、", "水质改善", "20", [], []],
    ["3", "断面水质", "20", ["1.断面水质达标，得10分。", "2.无黑臭水体，得10分。"], ["县环保局"]],
    ["总分", "", "100", [], []],
]


def kaohe_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("某县2018年度河长制工作考核细则")
    table = document.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for index, caption in enumerate(HEADER):
        table.cell(0, index).text = caption
    for r, (number, item, score, criteria, units) in enumerate(ROWS, start=1):
        for c, text in enumerate([number, item, score, "\n".join(criteria), "\n".join(units)]):
            table.cell(r, c).text = text  # "\n": one paragraph per line in the cell
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def kaohe_page() -> bytes:
    def cell(lines) -> str:
        lines = [lines] if isinstance(lines, str) else lines
        return "<td>" + "".join(f"<p>{line}</p>" for line in lines) + "</td>"

    rows = ["<tr>" + "".join(cell(c) for c in HEADER) + "</tr>"]
    rows += ["<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in ROWS]
    return ("<html><head><title>考核细则</title></head><body><div class='nav'>首页 &gt; 通知公告</div>"
            "<div class='article'><p>某县2018年度河长制工作考核细则</p><table border='1'>" + "".join(rows) +
            "</table></div><div class='tools'>【打印本页】【关闭窗口】</div></body></html>").encode()


def assert_read_as_the_county_means(draft) -> None:
    measures = {tuple(m.path): m for m in draft.measures}
    assert list(measures) == [("一",), ("一", "1"), ("一", "2"), ("二",), ("二", "3")]  # no 总分, no notes
    assert measures[("一",)].lead_units == ["县河长办"]  # a group row with its own criteria and department
    assert measures[("一", "1")].lead_units == ["县河长办", "县水利局"] and measures[("一", "1")].supporting_units == []
    assert measures[("一", "1")].deadline == "2018年7月底前"  # a date in the criteria, no time column
    assert measures[("一", "2")].deadline is None  # 年内…得4分: how points are counted
    assert "2.无黑臭水体" in measures[("二", "3")].text  # the numbered notes stay in the row's text
    assert not [w for w in draft.warnings if "没有任务内容" in w]  # the 总分 row is no row left unread


def test_a_kaohe_xize_word_table_gives_its_rows_with_the_department_answering_for_each():
    assert_read_as_the_county_means(read_plan_bytes(kaohe_docx(), "考核细则.docx"))


def test_the_same_kaohe_xize_saved_from_the_county_site_reads_the_same():
    assert_read_as_the_county_means(read_plan_bytes(kaohe_page(), "考核细则.html"))


def test_the_same_kaohe_xize_pasted_with_tabs_reads_the_same():
    lines = ["\t".join(HEADER)] + ["\t".join([n, item, score, "".join(criteria), "、".join(units)])
                                   for n, item, score, criteria, units in ROWS]
    assert_read_as_the_county_means(parse_plan_text("某县2018年度河长制工作考核细则\n" + "\n".join(lines)))


def test_the_assessing_unit_beside_a_lead_unit_supports_it():
    text = "\n".join(["序号\t考核内容\t评分标准\t总牵头单位\t考核责任单位",
                      "1\t学习型机关创建\t按排名赋分\t县委宣传部\t县委办、县府办",
                      "2\t督考综评\t按实绩赋分\t县考核办\t——"])
    first, second = parse_plan_text(text).measures
    assert first.lead_units == ["县委宣传部"] and first.supporting_units == ["县委办", "县府办"]
    assert second.lead_units == ["县考核办"] and second.supporting_units == []  # "——" names no unit


def test_a_template_rows_without_tasks_give_no_measures_and_their_units_go_to_the_group():
    # "项目名称及分值" spans the group and the item (Word reads its merged columns as empty cells);
    # the 重点工作 rows are numbered but left to fill in, the first carrying the group's units
    text = "\n".join(["项目名称及分值\t\t赋分办法\t总牵头单位\t考核责任单位",
                      "(一)重点工作 (500分)\t1.\t按实绩赋分\t县委办、县府办\t县考核办",
                      "(一)重点工作 (500分)\t2.\t\t\t",
                      "(一)重点工作 (500分)\t……\t\t\t",
                      "(二)综合评价 (400分)\t1.民意调查(100分)\t按实绩赋分\t县发改局\t——"])
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["(一)"], ["(二)"], ["(二)", "1"]]
    assert measures[0].lead_units == ["县委办", "县府办"] and measures[0].supporting_units == ["县考核办"]
    assert measures[2].lead_units == ["县发改局"]


def test_a_kaohe_banfa_sentence_naming_the_assessed_units_gives_no_units():
    # 考核单位 is a column's caption only: in a 考核办法's sentence it may name those assessed
    draft = parse_plan_text("一、考核对象\n（一）乡镇年度考核（考核单位：各乡镇人民政府）。")
    assert draft.measures[1].lead_units == []


def test_a_table_copied_from_a_page_with_each_cell_on_its_line_closed_by_a_pipe_reads_row_by_row():
    # the copy keeps the borders: " cell  | " per line, rows cut by lines of pipes only; cells merged
    # over several rows (the group, 赋分办法, 考核责任单位) are written on their first row only
    cells = [["项目名称及分值", "赋分办法", "总牵头单位", "考核责任单位"],
             ["(一)“五型”机关创建 (100分)", "1.责任型机关创建(30分)", "按排名赋分", "县直机关工委", "县委办、县府办"],
             ["2.学习型机关创建(20分)", "县委宣传部"],
             ["(二) 综合评价(400分)", "1.民意调查(100分)", "——", "按实绩赋分", "县发改局", "——"],
             ["2.督考综评(100分)", "——", "按实绩赋分", "县考核办", "——"]]
    text = "附件2\n2012年度工作绩效考核项目表\n" + "".join(
        "| \n" + "".join(f" {cell}  | \n" for cell in row) + "||\n" for row in cells)
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [["(一)"], ["(一)", "1"], ["(一)", "2"], ["(二)"], ["(二)", "1"], ["(二)", "2"]]
    assert measures[2].lead_units == ["县委宣传部"]  # its own 总牵头单位
    assert measures[2].supporting_units == ["县委办", "县府办"]  # the 考核责任单位 merged over both rows
    assert measures[4].lead_units == ["县发改局"] and measures[4].supporting_units == []
    assert measures[5].lead_units == ["县考核办"]


def test_lines_of_pipes_only_outside_such_a_table_stay_noise():
    draft = parse_plan_text("一、加强领导\n|\n||\n—— |\n二、强化考核")
    assert [m.path for m in draft.measures] == [["一"], ["二"]]
    assert "|" not in draft.measures[0].text


def test_a_kaohe_xize_pasted_out_of_word_keeps_each_scoring_note_in_its_row():
    # Word writes each paragraph of a cell on a line of its own: numbered notes "1.…得2分；" "2.…"
    text = "\n".join(["序号\t考核项目\t分值\t考核标准\t负责考核部门",
                      "一、\t组织领导\t10\t1.成立河长制工作领导小组，得2分；",
                      "2.召开专题会议2次以上，得3分；",
                      "3.印发年度工作要点，得5分。\t县河长办",
                      "1\t制度建设\t5\t2018年7月底前修订完善河长制各项制度，得5分。\t县河长办",
                      "县水利局",
                      "总分\t\t100\t\t"])
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [["一"], ["一", "1"]]
    assert draft.measures[0].lead_units == ["县河长办"] and "3.印发年度工作要点" in draft.measures[0].text
    assert draft.measures[1].lead_units == ["县河长办", "县水利局"]
    assert draft.measures[1].deadline == "2018年7月底前"
