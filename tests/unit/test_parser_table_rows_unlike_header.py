"""Tables whose rows do not have the header's shape (branch tables28; GOLD-README "tables28").

A county office receives its year's 考核细则 as a saved page or a Word file: a first part of common work, then a
second part where every row also names the department examined, in a cell the header has no caption for. It wants one
task per row, the second part's rows as many as the first's, and no unit invented: the department examined is what the
row is about, not who answers for it (GOLD-README, wave 10: a 考核细则 without a unit column). A notice
handing down the year's indicators (指标名称 | 单位 | 指标值) wants each indicator as a measure and invents no unit. A
task table's last rows keep their merged lead, and the issuer signing under the table never becomes a unit of them.
The wording here is invented; the corpus documents 506–509 hold real items laid out in these shapes."""
from __future__ import annotations

import docx
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from io import BytesIO

from tests.helpers.word_tables import word_table
from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.parsing.webpage import _table_rows


def _page(rows: list[str], above: list[str] = (), below: list[str] = ()) -> bytes:
    return ("<html><head><title>细则</title></head><body><div class='nav'>首页 &gt; 通知公告</div><div class='article'>"
            + "".join(f"<p>{p}</p>" for p in above) + "<table border='1'>" + "".join(f"<tr>{r}</tr>" for r in rows)
            + "</table>" + "".join(f"<p>{p}</p>" for p in below) + "</div></body></html>").encode()


def _td(lines, **spans) -> str:
    lines = [lines] if isinstance(lines, str) else lines
    attrs = "".join(f' {k}="{v}"' for k, v in spans.items())
    return f"<td{attrs}>" + "".join(f"<p>{line}</p>" for line in lines) + "</td>"


def _read(draft) -> list[tuple[tuple[str, ...], list[str], list[str], str | None]]:
    return [(tuple(m.path), m.lead_units, m.supporting_units, m.deadline) for m in draft.measures]


# --- a 考核细则 whose second part names the department examined ------------------------------------------------------

def test_a_page_whose_second_part_names_the_department_examined_in_a_cell_more_reads_every_row_and_no_unit():
    rows = ["".join(_td(c) for c in ["序号", "考核项目", "分值", "考核内容", "评分标准", "说明"]),
            "".join(_td(c) for c in ["一、", "共性工作", "30", "", "", ""]),
            "".join(_td(c) for c in ["1", "档案管理", "10", ["档案归档及时完整。"], ["缺一卷扣1分。"], ""]),
            "".join(_td(c) for c in ["2", "安全保密", "20", "全年无失泄密事件。", ["发生一起扣10分；", "情节严重的不得分。"], ""]),
            "".join(_td(c) for c in ["二、", "个性工作", "70", "", "", ""]),
            # the department's cell merged over its two items, the caption cell over the whole part; 说明 left empty
            _td("1") + _td("重点考核部门", rowspan=3) + _td("区水利局", rowspan=2) + _td("40")
            + _td("完成小型水库除险加固3座。") + _td("每少一座扣10分。") + _td(""),
            _td("2") + _td("15") + _td("河道保洁覆盖率100%。") + _td("抽查不合格一处扣1分。") + _td(""),
            _td("3") + _td("区农业农村局") + _td("15") + _td(["粮食播种面积稳定在", "12万亩以上。"]) + _td("按完成率计分。") + _td("")]
    draft = read_plan_bytes(_page(rows, ["某区2025年度部门目标管理考核细则"]), "xize.html")
    assert _read(draft) == [
        (("一",), [], [], None), (("一", "1"), [], [], None), (("一", "2"), [], [], None),
        (("二",), [], [], None),
        (("二", "1"), [], [], None), (("二", "2"), [], [], None), (("二", "3"), [], [], None)]


def test_a_word_file_writing_the_department_before_the_item_reads_the_same():
    rows = [["序号", "考核项目", "各项分值", "考核内容", "评分标准", ""],
            ["一、", "基础工作", "40", "", "", ""],
            ["1", "政务公开", "20", "按时更新公开目录。", "逾期一次扣2分。", ""],
            ["2", "建议提案办理", "20", "办复率100%。", "未按期办复的每件扣5分。", ""],
            ["二、", "业务工作", "60", "", "", ""],
            # 序号 | department | item | points | …: the department merged over its rows, written before the item
            ["1", "县市场监管局", "食品安全", "30", "抽检合格率98%以上。", "每低1个百分点扣3分。"],
            ["2", "", "特种设备", "30", "定期检验率100%。", "按检验率计分。"]]
    data = word_table(rows, "某县2024年度目标管理考核评分表", merges=[(0, 4, 0, 5), (5, 1, 6, 1)], paragraphs=True)
    assert _read(read_plan_bytes(data, "pingfen.docx")) == [
        (("一",), [], [], None), (("一", "1"), [], [], None), (("一", "2"), [], [], None),
        (("二",), [], [], None),
        (("二", "1"), [], [], None), (("二", "2"), [], [], None)]


def test_a_pasted_copy_whose_department_column_opens_the_row_keeps_every_row_in_order():
    text = "\n".join([
        "某街道2023年度目标考核细则",
        "序号\t考核项目\t分值\t考核内容\t评分标准",
        "一、\t党建工作（20分）\t20\t\t",
        "１\t组织生活\t20\t按月开展主题党日。\t缺一次扣2分。",
        "二、\t重点任务（80分）\t80\t\t",
        "街道城管科\t１\t市容整治\t50\t背街小巷整治20条。\t每少一条扣2.5分。",
        "街道社会事务办\t２\t养老服务\t30\t新建助餐点2个。\t未建成的不得分。",
    ])
    assert _read(parse_plan_text(text)) == [
        (("一",), [], [], None), (("一", "１"), [], [], None),
        (("二",), [], [], None),
        (("二", "１"), [], [], None), (("二", "２"), [], [], None)]


def test_a_scoring_table_naming_no_department_invents_none():
    text = "\n".join([
        "序号\t考核项目\t标准分\t考核内容\t考核标准\t说明",
        "1\t综合协调\t10\t按时报送信息。\t迟报一次扣1分。\t",
        "2\t办文质量\t10\t公文差错率低于1%。\t每超0.5个百分点扣2分。\t以季度通报为准",
        "3\t部门协作\t5\t配合完成交办事项。\t每月通报一次。\t",
    ])
    assert _read(parse_plan_text(text)) == [(("1",), [], [], None), (("2",), [], [], None), (("3",), [], [], None)]


# --- a notice's indicator table -----------------------------------------------------------------------------------

def test_a_notice_handing_down_indicators_gives_one_measure_each_and_no_unit():
    rows = ["".join(f"<th>{c}</th>" for c in ["序号", "指标名称", "单位", "指标值", "属性"]),
            "".join(_td(c) for c in ["1", "城镇新增就业", "万人", "1.2", "预期性"]),
            "".join(_td(c) for c in ["2", "单位生产总值能耗降低", "%", ["完成省下达", "任务"], "约束性"]),
            "".join(_td(c) for c in ["3", "森林覆盖率", "%", "62", "约束性"])]
    draft = read_plan_bytes(_page(rows, ["关于下达2025年主要指标的通知", "各乡镇人民政府："], ["某县人民政府", "2025年1月20日"]),
                            "zhibiao.html")
    assert _read(draft) == [(("1",), [], [], None), (("2",), [], [], None), (("3",), [], [], None)]


def test_an_indicator_table_with_a_column_per_district_counts_its_rows():
    data = word_table([["主要指标", "计量单位", "全市", "东城区", "西城区"],
                       ["地区生产总值增速", "%", "6", "6.5", "6"],
                       ["规上工业增加值增速", "%", "7", "8", "7"]],
                      ["关于分解下达2025年主要经济指标的通知", "现将指标分解如下："])
    assert _read(read_plan_bytes(data, "fenjie.docx")) == [(("1",), [], [], None), (("2",), [], [], None)]


# --- a task table's last rows and what stands under the table -------------------------------------------------------

def test_the_last_rows_of_a_merged_lead_keep_it_and_the_issuer_under_the_table_is_no_unit_of_them():
    rows = ["".join(_td(c) for c in ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]),
            _td("1") + _td("改造农贸市场2个。") + _td("区商务局", rowspan=3) + _td("区市场监管局") + _td("2025年6月底前"),
            _td("2") + _td("新增夜间消费街区1条。") + _td("") + _td(""),
            _td("3") + _td("举办促消费活动10场。") + _td("") + _td("")]
    draft = read_plan_bytes(_page(rows, ["关于印发2025年促消费工作任务清单的通知"],
                                  ["注：各单位每季度末报送进展。", "某区人民政府办公室", "2025年2月8日"]), "qingdan.html")
    assert _read(draft) == [(("1",), ["区商务局"], ["区市场监管局"], "2025年6月底前"),
                            (("2",), ["区商务局"], [], None), (("3",), ["区商务局"], [], None)]


def test_a_pasted_table_signed_under_its_last_row_keeps_that_rows_units_as_written():
    rows = ["序号\t工作任务\t完成时限\t责任单位",
            "1\t建成口袋公园3个。\t2025年10月底前\t县住建局",
            "2\t完成绿道提升5公里。\t2025年12月底前\t县自然资源局"]
    for signature in (["某县人民政府办公室", "2025年3月1日"], ["某县人民政府办公室 2025年3月1日"],
                      ["某县人民政府办公室", "2025年3月1日", "（此件公开发布）"]):
        assert _read(parse_plan_text("\n".join(rows + signature))) == [
            (("1",), ["县住建局"], [], "2025年10月底前"), (("2",), ["县自然资源局"], [], "2025年12月底前")]


def test_a_unit_written_on_the_line_under_a_pasted_row_still_goes_on_its_cell():
    # a Word cell's second paragraph, pasted as a line of its own: the same row's next unit (no signature follows)
    text = "\n".join([
        "序号\t工作任务\t责任单位",
        "1\t推进垃圾分类。\t县综合执法局",
        "县住建局",
        "2\t整治违规停车。\t县公安局",
    ])
    assert _read(parse_plan_text(text)) == [(("1",), ["县综合执法局", "县住建局"], [], None), (("2",), ["县公安局"], [], None)]


# --- properties ---------------------------------------------------------------------------------------------------

_CELL = st.sampled_from(["", "1", "二、", "县财政局", "推进改革。", "30", "2025年底前", "重点考核部门", "评分标准"])


@st.composite
def _spanned_table(draw):
    width = draw(st.integers(1, 5))
    height = draw(st.integers(1, 7))
    rows = []
    for r in range(height):
        cells = []
        for c in range(draw(st.integers(0, width))):
            text = draw(_CELL) or f"格{r}{c}"
            spans = {}
            if draw(st.booleans()):
                spans["rowspan"] = draw(st.sampled_from(["2", "3", "9", "0", "x", "-1", " 2 "]))
            if draw(st.booleans()):
                spans["colspan"] = draw(st.sampled_from(["2", "3", "0", "y"]))
            cells.append((text, spans))
        rows.append(cells)
    return rows


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_spanned_table())
def test_a_pages_table_with_any_spans_keeps_every_row_and_carries_a_merged_cell_to_each_row_it_spans(table):
    markup = "<table>" + "".join("<tr>" + "".join(_td(text, **spans) for text, spans in row) + "</tr>" for row in table) + "</table>"
    rows = _table_rows(BeautifulSoup(markup, "html.parser").table)
    assert len(rows) == len(table)  # never a row lost, never one added
    for r, row in enumerate(table):
        written = [text for text, _ in row]
        assert [cell for cell in rows[r] if cell in written] == [c for c in rows[r] if c in written]
        # the row's own cells, in the order written (a carried cell may stand between them)
        own = iter(rows[r])
        assert all(any(cell == text for cell in own) for text in written)
        if any("colspan" in spans for cells in table for _, spans in cells):
            continue  # a cell spanning columns may cover a merged cell's place: rows and order only
        for text, spans in row:
            try:
                span = int(spans.get("rowspan", "1").strip())
            except ValueError:
                span = 1
            for below in range(r + 1, min(r + span, len(table))):
                assert text in rows[below]  # a merged cell, the last row of its span included


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.booleans(), st.sampled_from(["县教育局", "县卫健局", "县民政局"]),
                          st.sampled_from(["10", "20", "15分"]), st.booleans()), min_size=1, max_size=8))
def test_a_scoring_tables_rows_are_all_read_in_order_whether_or_not_they_write_the_department(specs):
    lines = ["序号\t考核项目\t分值\t考核内容\t评分标准\t说明"]
    for k, (examined, unit, points, note) in enumerate(specs, start=1):
        cells = [str(k), f"项目{k}", points, f"完成第{k}项工作。", "按完成率计分。", "备查" if note else ""]
        if examined:
            cells.insert(2, unit)
        lines.append("\t".join(cells))
    lines += ["某县考核办", "2025年1月2日"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [[str(k)] for k in range(1, len(specs) + 1)]
    assert all(m.lead_units == [] and m.deadline is None and m.supporting_units == [] for m in measures)
    assert all(unit not in (m.title or "") + m.text for m, (examined, unit, _, _) in zip(measures, specs) if not examined)


def test_rows_that_leave_their_trailing_cells_out_under_a_lead_merged_in_the_last_column_keep_that_lead():
    # the site wrote no <td> for an empty 配合单位: the last rows reach the merged lead's place over an empty cell
    rows = ["".join(f"<th>{c}</th>" for c in ["序号", "重点任务", "完成时间", "配合单位", "责任单位"]),
            _td("1") + _td("开展河湖“清四乱”行动。") + _td("2025年5月") + _td("县农业农村局") + _td("县水利局", rowspan=3),
            _td("2") + _td("完成水土流失治理8平方公里。") + _td("2025年11月"),
            _td("3") + _td("建成幸福河湖2条。"),
            _td("4") + _td("开展节水型单位创建。") + _td("2025年12月") + _td("") + _td("县机关事务中心")]
    draft = read_plan_bytes(_page(rows, ["县2025年水利重点任务清单"], ["县水利局办公室", "2025年3月3日"]), "shuili.html")
    assert _read(draft) == [(("1",), ["县水利局"], ["县农业农村局"], "2025年5月"), (("2",), ["县水利局"], [], "2025年11月"),
                            (("3",), ["县水利局"], [], None), (("4",), ["县机关事务中心"], [], "2025年12月")]


def test_an_indicator_table_naming_the_body_each_target_is_set_for_gives_it_as_the_rows_lead():
    rows = ["".join(f"<th>{c}</th>" for c in ["序号", "单位", "指标名称", "计量单位", "2026年目标"]),
            _td("1") + _td("区发改局", rowspan=2) + _td("重大项目完成投资") + _td("亿元") + _td("120"),
            _td("2") + _td("新开工项目") + _td("个") + _td("35"),
            _td("3") + _td("区文旅局") + _td("接待游客") + _td("万人次") + _td("800")]
    draft = read_plan_bytes(_page(rows, ["关于分解下达2026年主要预期目标的通知"]), "mubiao.html")
    assert _read(draft) == [(("1",), ["区发改局"], [], None), (("2",), ["区发改局"], [], None), (("3",), ["区文旅局"], [], None)]


def test_an_indicator_table_per_county_in_a_word_file_gives_each_county_its_rows():
    rows = [["县（市、区）", "指标名称", "单位", "目标值"],
            ["莲都区", "城镇新增就业", "人", "5000"],
            ["", "农村居民人均可支配收入增长", "%", "7"],
            ["青田县", "城镇新增就业", "人", "4000"]]
    data = word_table(rows, "关于下达2025年各县（市、区）目标任务的通知", merges=[(1, 0, 2, 0)])
    assert _read(read_plan_bytes(data, "xiada.docx")) == [
        (("1",), ["莲都区"], [], None), (("2",), ["莲都区"], [], None), (("3",), ["青田县"], [], None)]


def test_an_indicator_tables_remarks_and_values_name_no_unit():
    text = "\n".join([
        "序号\t主要指标\t单位\t全县\t说明",
        "1\t一般公共预算收入增长\t%\t5\t与经济增长基本同步",
        "2\t粮食产量\t万吨\t12.5\t约束性指标",
        "3\t空气质量优良天数比率\t%\t90\t按省考核口径",
    ])
    assert _read(parse_plan_text(text)) == [(("1",), [], [], None), (("2",), [], [], None), (("3",), [], [], None)]


def test_a_pages_breadcrumb_is_never_the_tables_title():
    rows = ["".join(_td(c) for c in ["序号", "指标名称", "单位", "目标值"]),
            "".join(_td(c) for c in ["1", "新增市场主体", "户", "3000"])]
    for crumb in ("首页 &gt; 政务公开", "当前位置：首页 » 通知公告", "网站首页＞信息公开＞计划总结"):
        markup = _page(rows, ["2025年度主要目标任务表"]).replace(b"<div class='nav'>\xe9\xa6\x96\xe9\xa1\xb5 &gt; \xe9\x80\x9a\xe7\x9f\xa5\xe5\x85\xac\xe5\x91\x8a</div>",
                                                              f"<div class='crumb'>{crumb}</div>".encode())
        assert read_plan_bytes(markup, "biao.html").title == "2025年度主要目标任务表"
