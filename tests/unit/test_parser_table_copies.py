"""Task tables as they reach an office copied out of a page (issue 13, round 6, branch tables5): a target table laid
out one cell per line under its cover notice, with group rows that carry no 序号; unit cells a narrow column wrapped a
character or two a line, between lines of pipes, in cells closed by a pipe, or inside a broken pipe row; a saved page's
考核 table whose criteria run over several paragraphs and whose rows sit under merged groups. The wording here is
invented (no corpus document says it); the property tests build tables from random rows and check that every row
comes back once, in order, with its unit."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text, read_plan_bytes
from tracker.parsing.tables import is_narrow_wrap, join_cell_pieces
from tracker.vocabulary.captions import match_header

NOTICE = ["某某街道办事处关于下达2025年度发展目标的通知", "各社区居委会，街道各科室：",
          "现将《2025年度发展目标分解表》印发给你们，请抓好落实。",
          "附件：1. 2025年度发展目标分解表", "2. 2025年度为民办实事清单",
          "某某街道办事处", "2025年3月3日", "附件1", "2025年度发展目标分解表"]


def test_a_target_table_one_cell_per_line_under_its_notice_gives_each_target_and_its_office():
    lines = NOTICE + ["序号", "2025年预期目标", "责任单位",
                      "1", "辖区税收收入增长5%左右", "街道财政所",
                      "2", "新增市场主体300户", "街道经济发展办",
                      "3", "完成老旧小区加装电梯12台", "街道城市管理办"]
    draft = parse_plan_text("\n".join(lines))
    assert [m.path for m in draft.measures] == [["1"], ["2"], ["3"]]  # the attachment list is no item
    assert [m.lead_units for m in draft.measures] == [["街道财政所"], ["街道经济发展办"], ["街道城市管理办"]]
    assert [m.deadline for m in draft.measures] == [None, None, None]  # the column's year names the targets' year
    assert draft.title != "2. 2025年度为民办实事清单"  # an entry of the attachment list is no title


def test_a_group_row_without_a_number_opens_its_first_row_and_takes_no_other_rows_cells():
    lines = NOTICE + ["序号", "2025年预期目标", "责任单位",
                      "产业发展类",
                      "1", "规上工业产值增长8%", "街道经济发展办",
                      "2", "新引进项目10个", "街道招商服务中心",
                      "民生保障类",
                      "3", "新增就业岗位500个", "街道社会事务办"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["1"], ["2"], ["3"]]
    assert [m.lead_units for m in measures] == [["街道经济发展办"], ["街道招商服务中心"], ["街道社会事务办"]]
    assert measures[0].text.startswith("产业发展类")  # the group's name opens the row below it
    assert "民生保障类" not in measures[1].text and measures[2].text.startswith("民生保障类")


def test_two_annex_tables_one_cell_per_line_keep_their_rows_apart():
    lines = NOTICE[:-1] + ["2025年度发展目标分解表", "序号", "指标名称", "2025年预期目标", "责任单位",
                           "1", "辖区税收收入", "增长5%左右", "街道财政所",
                           "2", "新增市场主体", "300户", "街道经济发展办", "街道市场监管所",
                           "附件2", "2025年度为民办实事清单", "序号", "实事项目", "责任单位", "完成时限",
                           "1", "新建社区食堂两处", "街道社会事务办", "2025年9月底前"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.lead_units for m in measures] == [["街道财政所"], ["街道经济发展办", "街道市场监管所"], ["街道社会事务办"]]
    assert measures[1].text.startswith("新增市场主体") and "附件2" not in measures[1].text  # the indicator titles it
    assert measures[2].deadline == "2025年9月底前" and measures[2].path[0].startswith("1")


def test_a_numbered_group_row_still_groups_its_rows():
    lines = ["序号", "年度目标", "责任单位", "一、产业发展",
             "1", "规上工业产值增长8%", "街道经济发展办", "二、民生保障", "2", "新增就业岗位500个", "街道社会事务办"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["一"], ["一", "1"], ["二"], ["二", "2"]]


def test_unit_cells_wrapped_a_character_or_two_a_line_between_lines_of_pipes_are_one_unit():
    cells = [["序号"], ["重点任务"], ["牵头单位"], ["1"], ["建成口袋公园两处。"], ["区园", "林绿", "化中", "心"],
             ["2"], ["改造背街小巷十条。"], ["高新", "区管", "委会"]]
    lines = ["附件", "2025年城市更新任务表"] + [line for cell in cells for line in cell + ["|"]]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["1"], ["2"]]
    assert [m.lead_units for m in measures] == [["区园林绿化中心"], ["高新区管委会"]]


def test_a_unit_cell_wrapped_inside_cells_closed_by_a_pipe_is_one_cell():
    lines = ["|", " 序号  |", " 重点任务  |", " 牵头单位  |", " 完成时限  |",
             "|", " 1  |", " 建成口袋公园两处。  |", " 区园", "林绿", "化中", "心  |", " 2025年10月底前  |",
             "|", " 2  |", " 改造背街小巷十条。  |", " 区城管局  |", " 2025年12月底前  |"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.lead_units for m in measures] == [["区园林绿化中心"], ["区城管局"]]
    assert [m.deadline for m in measures] == ["2025年10月底前", "2025年12月底前"]


def test_a_pipe_row_broken_inside_its_unit_cell_is_one_row():
    lines = ["| 序号 | 重点任务 | 牵头单位 | 完成时限 |",
             "| 1 | 建成口袋公园两处。 | 区园", "林绿", "化中", "心 | 2025年10月底前 |",
             "| 2 | 改造背街小巷十条。 | 区城管局 | 2025年12月底前 |"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.lead_units for m in measures] == [["区园林绿化中心"], ["区城管局"]]
    assert measures[0].deadline == "2025年10月底前"


def test_units_one_a_line_stay_a_list_and_only_a_name_cut_in_pieces_is_closed_up():
    assert join_cell_pieces(["区财政局", "区审计局"]) == "区财政局、区审计局"
    assert join_cell_pieces(["区", "审计", "局"]) == "区审计局"
    assert not is_narrow_wrap(["区财政局", "区审计局"])
    assert not is_narrow_wrap(["按时", "完成。", "好"])  # a sentence is no wrapped name
    assert not is_narrow_wrap(["县委", "县政府"])  # a short name, then a longer one: two names
    assert is_narrow_wrap(["县经济", "开发区", "管委会"])
    assert is_narrow_wrap(["区财政", "局、区", "审计局"])  # a list wraps with its 、


def test_a_scoring_column_beside_the_content_column_is_no_task():
    found = match_header(["序号", "考核内容", "分值", "评分标准", "考核单位"])
    assert found is not None and found[0]["具体措施"] == 1
    alone = match_header(["序号", "考核项目", "评分标准", "分值", "考核单位"])
    assert alone is not None and alone[0]["具体措施"] == 2  # alone it holds the rows' text


def _cell(parts: list[str], span: str = "") -> str:
    return f"<td{span}>" + "".join(f"<p class=\"MsoNormal\"><span>{p}</span></p>" for p in parts) + "</td>"


def test_a_saved_pages_kaohe_table_with_criteria_in_paragraphs_gives_each_item_under_its_group():
    header = "".join(_cell([c]) for c in ["序号", "考核项目", "考核内容", "分值", "评分标准", "考核单位"])
    criteria = ["①按时报送得2分；", "②迟报一次扣0.5分；", "③漏报一次扣1分；", "④扣完为止。"]
    rows = [
        _cell(["一"], ' rowspan="2"') + _cell(["平安建设", "（40分）"], ' rowspan="2"') + _cell(["1.矛盾纠纷排查化解。"])
        + _cell(["20"]) + _cell(criteria) + _cell(["街道综治中心"]),
        _cell(["2.消防安全隐患整治。"]) + _cell(["20"]) + _cell(criteria) + _cell(["街道应急办", "街道城管办"]),
        _cell(["二"]) + _cell(["基层党建（20分）"]) + _cell(["3.党员教育管理。"]) + _cell(["20"]) + _cell(criteria)
        + _cell(["街道党建办"]),
        _cell(["合计"], ' colspan="3"') + _cell(["60"]) + _cell([""]) + _cell([""]),
    ]
    page = ("<html><body><div id=\"zoom\"><p>某某街道2025年度社区工作考核细则</p><table border=\"1\">"
            + "".join(f"<tr>{row}</tr>" for row in [header] + rows) + "</table></div></body></html>")
    measures = read_plan_bytes(page.encode("utf-8"), "细则.html").measures
    assert [m.path for m in measures] == [["一"], ["一", "1"], ["一", "2"], ["二"], ["二", "3"]]
    assert measures[1].lead_units == ["街道综治中心"]
    assert measures[2].lead_units == ["街道应急办", "街道城管办"]
    assert measures[4].lead_units == ["街道党建办"]
    assert measures[1].text.startswith("矛盾纠纷排查化解")  # the criteria are how it scores, not its task


def test_a_saved_pages_kaohe_table_with_a_two_row_header_of_indicator_levels_gives_a_row_each():
    crit = ["1.按期完成得满分；", "2.每延迟一周扣1分；", "3.未完成不得分；", "4.扣完为止。"]
    rows = [_cell(["序号"], ' rowspan="2"') + _cell(["考核指标"], ' colspan="2"') + _cell(["分值"], ' rowspan="2"')
            + _cell(["评分标准"], ' rowspan="2"') + _cell(["责任单位"], ' rowspan="2"'),
            _cell(["一级指标"]) + _cell(["二级指标"]),
            _cell(["1"]) + _cell(["城市管理（30分）"], ' rowspan="2"') + _cell(["垃圾分类覆盖率"]) + _cell(["15"]) + _cell(crit)
            + _cell(["街道城管办"]),
            _cell(["2"]) + _cell(["违建治理"]) + _cell(["15"]) + _cell(crit) + _cell(["街道综合执法队", "街道规划办"]),
            _cell(["3"]) + _cell(["社区服务（20分）"]) + _cell(["养老服务"]) + _cell(["20"]) + _cell(crit) + _cell(["街道社会事务办"]),
            _cell(["合计"], ' colspan="3"') + _cell(["50"]) + _cell([""]) + _cell([""])]
    page = ("<html><body><div id=\"zoom\"><p>某某街道2025年度考核细则</p><table border=\"1\">"
            + "".join(f"<tr>{row}</tr>" for row in rows) + "</table></div></body></html>")
    measures = read_plan_bytes(page.encode("utf-8"), "细则.html").measures
    assert [m.path for m in measures] == [["1"], ["2"], ["3"]]  # the 合计 row continues no row
    assert [m.lead_units for m in measures] == [["街道城管办"], ["街道综合执法队", "街道规划办"], ["街道社会事务办"]]
    assert "垃圾分类覆盖率" in measures[0].text and "按期完成" not in measures[0].text


# ---- Properties: a table built from random rows comes back row by row, in order -------------------------
_WORDS = ["推进", "完善", "建设", "整治", "提升", "开展", "落实", "培育", "优化", "巩固"]
_OBJECTS = ["社区食堂", "口袋公园", "充电设施", "便民市场", "养老驿站", "雨污管网", "健身步道", "停车泊位"]
_UNITS = ["区财政局", "区商务局", "区教育局", "区民政局", "区卫健局", "区城管局", "区水务局", "区文旅局"]

rows_strategy = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_OBJECTS), st.sampled_from(_UNITS),
                                   st.integers(min_value=1, max_value=3)), min_size=1, max_size=8)


def _tasks(rows) -> list[str]:
    return [f"{verb}{thing}（第{chr(0x4e00 + 0x100 * i)}批）。" for i, (verb, thing, _, _) in enumerate(rows)]


def _check(text: str, rows) -> None:
    measures = parse_plan_text(text).measures
    assert [m.path for m in measures] == [[str(i + 1)] for i in range(len(rows))]
    assert [m.lead_units for m in measures] == [[unit] for _, _, unit, _ in rows]
    assert [m.text.rstrip("。") for m in measures] == [task.rstrip("。") for task in _tasks(rows)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows_strategy)
def test_any_table_laid_out_one_cell_per_line_keeps_its_rows_in_order(rows):
    lines = ["序号", "重点任务", "牵头单位"]
    for i, ((_, _, unit, _), task) in enumerate(zip(rows, _tasks(rows))):
        lines += [str(i + 1), task, unit]
    _check("\n".join(lines), rows)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows_strategy)
def test_any_table_with_units_wrapped_between_pipe_lines_keeps_its_rows_in_order(rows):
    lines = ["序号", "|", "重点任务", "|", "牵头单位", "|"]
    for i, ((_, _, unit, width), task) in enumerate(zip(rows, _tasks(rows))):
        pieces = [unit[k:k + width] for k in range(0, len(unit), width)]
        lines += [str(i + 1), "|", task, "|"] + pieces + ["|"]
    _check("\n".join(lines), rows)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows_strategy)
def test_any_table_of_cells_closed_by_pipes_with_wrapped_units_keeps_its_rows_in_order(rows):
    lines = ["|", "序号 |", "重点任务 |", "牵头单位 |"]
    for i, ((_, _, unit, width), task) in enumerate(zip(rows, _tasks(rows))):
        pieces = [unit[k:k + width] for k in range(0, len(unit), width)]
        lines += ["|", f"{i + 1} |", f"{task} |"] + pieces[:-1] + [f"{pieces[-1]} |"]
    _check("\n".join(lines), rows)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(["|", "||", "| ", "序号", "重点任务", "牵头单位", "1", "2", "区", "财政",
                                           "局", "局 |", "| 1 | 任务 | 区", "政局 | 6月底前 |", "、区", "产业发展类"]),
                          st.text(max_size=6), st.sampled_from(["\t", "a\tb |", "｜", " 序号  |"])), max_size=40))
def test_pieces_of_copied_tables_never_crash_the_parser(pieces):
    parse_plan_text("\n".join(pieces))
