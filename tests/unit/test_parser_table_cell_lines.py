"""Task tables an office copies out of a web page one cell per line (branch cellplacer), the three kinds the held-out part
still lost: a first-column lead table (牵头单位 | 目标任务 | 责任单位, no 序号) with a line holding only "|" after every cell,
its lead written once per group and wrapped a character or two a line, the group's later rows leaving the lead empty; a
指标 | 目标 table under a notice of expected targets; a 民生实事 推进情况 table whose header names more columns than its rows
write. Each kind is told in two or three shapes (wrap widths, "||" or a lone "|", a time column, a title line above, cells
closed by " |" or bare). The wording is invented; the property tests build such tables from random rows and check that
nothing crashes, every row comes back once, in order, and a merged lead reaches exactly the rows of its group."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.vocabulary.captions import PROGRESS, match_caption

NOTICE = ["青禾县人民政府办公室关于分解落实2026年县政府重点工作的通知", "",
          "各乡镇人民政府，县政府各部门：", "现将2026年县政府重点工作目标任务分解如下，请认真抓好落实。", ""]


def piped(rows: list[list[str | None]], empty: str = "|") -> list[str]:
    """Cells one per line, each followed by a line "|"; a cell ``None`` is empty: no text, its pipe only, written as a
    line of its own (``empty="|"``) or as the second pipe of the line before (``empty="||"``). A cell's "/" marks the
    narrow column's wrap."""
    out: list[str] = []
    for row in rows:
        for cell in row:
            if cell is None:
                if empty == "||" and out and out[-1] == "|":
                    out[-1] = "||"
                else:
                    out.append("|")
                continue
            out += cell.split("/") + ["|"]
    return out


def units(text: str) -> list[tuple[list[str], list[str], list[str]]]:
    return [(m.path, m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures]


# ---- 1. A first-column lead merged over its group, a pipe line after every cell -------------------------------------

def test_a_lead_wrapped_a_character_a_line_and_left_empty_below_leads_its_group():
    lines = NOTICE + piped([
        ["牵头单位", "目标任务", "责任单位"],
        ["县/住/建/局", "完成城区雨污分流改造8公里。", "县水务局、河湾镇人民政府"],
        [None, "新增城市停车泊位600个。", "县公安局"],
        ["县/文/旅/局", "建成乡村博物馆2家。", "县财政局"]])
    assert units("\n".join(lines)) == [
        (["1"], ["县住建局"], ["县水务局", "河湾镇人民政府"]),
        (["2"], ["县住建局"], ["县公安局"]),
        (["3"], ["县文旅局"], ["县财政局"])]


def test_an_empty_lead_written_as_a_second_pipe_after_the_row_above_reads_the_same_with_a_time_column():
    lines = NOTICE + piped([
        ["牵头单位", "目标任务", "责任单位", "完成时限"],
        ["县人社/局", "开展职业技能培训3000人次。", "县总工会", "11月底前"],
        [None, "新增城镇就业1500人。", "各乡镇人民政府", "12月底前"],
        [None, "帮扶困难人员就业200人。", "县残联", "全年"],
        ["县卫/健局", "建成紧密型医共体。", "县医保局", "9月底前"]], empty="||")
    assert "||" in lines
    measures = parse_plan_text("\n".join(lines)).measures
    assert [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in measures] == [
        (["1"], ["县人社局"], ["县总工会"], "11月底前"),
        (["2"], ["县人社局"], ["各乡镇人民政府"], "12月底前"),
        (["3"], ["县人社局"], ["县残联"], "全年"),
        (["4"], ["县卫健局"], ["县医保局"], "9月底前")]


def test_a_lead_written_whole_is_no_caption_and_a_row_may_leave_its_units_empty():
    lines = NOTICE + piped([
        ["牵头单位", "目标任务", "责任单位"],
        ["县市场监管局", "抽检食品样本1200批次。", None],
        [None, "创建放心消费示范街区2条。", "县商务局"],
        ["县应急管理局", "完成危化企业隐患排查全覆盖。", "各乡镇人民政府"]])
    assert units("\n".join(lines)) == [
        (["1"], ["县市场监管局"], []),
        (["2"], ["县市场监管局"], ["县商务局"]),
        (["3"], ["县应急管理局"], ["各乡镇人民政府"])]


_LEADS = ["县发改局", "县教体局", "县农业农村局", "县自然资源局", "县交通运输局"]
_HELPERS = ["县财政局", "县统计局", "县审计局", "县林业局"]


def _wrapped(name: str, width: int) -> str:
    return "/".join(name[at:at + width] for at in range(0, len(name), width))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_LEADS), st.integers(min_value=1, max_value=4), st.integers(min_value=1, max_value=3)),
                min_size=1, max_size=4, unique_by=lambda group: group[0]),
       st.sampled_from(["|", "||"]), st.data())
def test_a_merged_lead_reaches_exactly_its_groups_rows_and_no_row_is_lost(groups, empty, data):
    rows, expected = [], []
    for lead, count, width in groups:
        for at in range(count):
            helper = data.draw(st.sampled_from(_HELPERS))
            task = f"推进第{len(expected) + 1}项重点工作。"
            rows.append([_wrapped(lead, width) if at == 0 else None, task, helper])
            expected.append((task, lead, helper))
    lines = NOTICE + piped([["牵头单位", "目标任务", "责任单位"]] + rows, empty=empty)
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [[str(n)] for n in range(1, len(expected) + 1)]  # none lost, in order
    assert [(m.text.rstrip("。") + "。", m.lead_units, m.supporting_units) for m in measures] == [
        (task, [lead], [helper]) for task, lead, helper in expected]


# ---- 2. A 指标 | 目标 table under a notice of expected targets ---------------------------------------------------------

TARGET_NOTICE = ["河湾区人民政府关于下达2026年经济社会发展主要预期目标的通知", "", "各街道办事处，区政府各部门：",
                 "现将2026年全区经济社会发展主要预期目标下达给你们，请认真抓好落实。", ""]


def test_a_title_line_naming_the_targets_above_the_two_captions_is_no_caption():
    lines = TARGET_NOTICE + ["2026年主要预期目标", "", "指标", "目标", "区域生产总值增长", "6.5%左右",
                             "税收收入增长", "5%", "常住人口城镇化率", "提高1个百分点"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["1"], ["2"], ["3"]]
    assert measures[0].text.startswith("区域生产总值增长") and "6.5%左右" in measures[0].text
    assert all(not m.lead_units and not m.supporting_units and m.deadline is None for m in measures)


def test_the_signature_after_a_target_table_is_no_row():
    lines = TARGET_NOTICE + ["指标名称", "年度目标", "外贸进出口总额", "增长8%", "新增市场主体", "3000户以上", "",
                             "河湾区人民政府", "2026年1月12日"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["1"], ["2"]]
    assert not any("人民政府" in m.text for m in measures)


def test_target_cells_closed_by_a_pipe_read_the_same():
    lines = TARGET_NOTICE + ["主要预期目标表", "指标 |", "目标 |", "研发经费投入增长 |", "10%以上 |",
                             "单位生产总值能耗下降 |", "完成市下达任务 |"]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [["1"], ["2"]]
    assert "完成市下达任务" in measures[1].text


_INDICATORS = ["规上工业增加值增长", "社会消费品零售总额增长", "居民人均可支配收入增长", "粮食总产量", "城镇新增就业"]
_TARGETS = ["7%左右", "6%", "与经济增长同步", "稳定在20万吨", "1.2万人以上"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_INDICATORS), st.sampled_from(_TARGETS)), min_size=2, max_size=5,
                unique_by=lambda pair: pair[0]),  # a target table names each indicator once
       st.booleans())
def test_every_target_pair_comes_back_once_in_order(pairs, titled):
    lines = TARGET_NOTICE + (["2026年主要预期目标"] if titled else []) + ["指标", "目标"]
    for indicator, target in pairs:
        lines += [indicator, target]
    measures = parse_plan_text("\n".join(lines)).measures
    assert [m.path for m in measures] == [[str(n)] for n in range(1, len(pairs) + 1)]
    assert [m.text.startswith(indicator) and target in m.text for m, (indicator, target) in zip(measures, pairs)] == [
        True] * len(pairs)


# ---- 3. A progress table whose header names more columns than its rows write ------------------------------------------

HEADER = ["序号", "主要任务", "全年目标任务", "分管领导", "牵头单位", "责任主体与协同单位", "1-8月推进情况", "1-9月推进情况",
          "是否达序", "说明"]
ROWS = [["31", "新建口袋公园5个", "孙立", "区园林局", "各街道办事处", "已完成设计。", "已开工3个。", "否",
         "因地块征收延迟，工期滞后了1个月，下阶段将倒排工期。"],
        ["32", "改造农贸市场2家", "钱芳", "区商务局", "区市场监管局、相关街道", "已招标。", "已完工1家。", "是", ""],
        ["33", "新增普惠托位150个", "钱芳", "区卫健局", "区教育局", "已新增90个。", "已新增150个。", "是", ""]]


def progress_lines(header: list[str], close: str) -> list[str]:
    """The table one cell a line: ``close=" |"`` closes each cell with a pipe and writes an empty last cell as "||";
    ``close=""`` writes bare cells, an empty one having no line."""
    out = ["河湾区2026年民生实事项目推进情况（1-9月）"] + [caption + close for caption in header]
    for row in ROWS:
        for cell in row:
            if cell:
                out.append(cell + close)
            elif close:
                out.append("||")
    return out


def _read_progress(lines: list[str]):
    return [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text("\n".join(lines)).measures]


EXPECTED = [(["31"], ["区园林局"], ["各街道办事处"], None),
            (["32"], ["区商务局"], ["区市场监管局"], None),  # 相关街道 is vague: left out of the units
            (["33"], ["区卫健局"], ["区教育局"], None)]


def test_a_progress_row_leaving_out_its_target_keeps_its_units_and_its_remark_is_no_unit():
    got = _read_progress(progress_lines(HEADER, " |"))
    assert [(path, lead, [u for u in supporting if u != "相关街道"], dl) for path, lead, supporting, dl in got] == EXPECTED


def test_the_same_table_with_bare_cells_and_wrapped_captions_reads_the_same():
    wrapped = [caption.replace("分管领导", "分管 领导").replace("牵头单位", "牵头 单位") for caption in HEADER]
    for lines in (progress_lines(HEADER, ""), progress_lines(wrapped, " |")):
        got = _read_progress(lines)
        assert [(path, lead, [u for u in supporting if u != "相关街道"], dl) for path, lead, supporting, dl in got] == EXPECTED


def test_a_progress_caption_names_the_months_it_reports_on():
    for caption in ("1-10月推进情况", "2024年1—11月进展情况", "6月份完成情况", "1至9月落实情况"):
        assert match_caption(caption, sub_caption=True)[0] == PROGRESS
    assert match_caption("2024年目标任务", sub_caption=True)[0] != PROGRESS


def test_a_score_equal_to_the_next_number_stays_the_rows_score():
    # a score column before the units: the number there is awaited as its cell, and the next row's number follows
    cells = ["序号", "重点任务", "分值", "责任单位", "完成时限", "1", "建立信访问题台账。", "2", "县信访局", "3月底前",
             "2", "按期办结率达95%。", "3", "县信访局", "全年", "3", "群众满意度测评。", "4", "县委政法委", "12月底前"]
    measures = parse_plan_text("\n".join(cells)).measures
    assert [(m.path, m.lead_units, m.deadline) for m in measures] == [
        (["1"], ["县信访局"], "3月底前"), (["2"], ["县信访局"], "全年"), (["3"], ["县委政法委"], "12月底前")]


def test_a_remark_caption_is_a_caption_even_when_the_first_row_is_numbered_1_and_fills_it():
    # 说明 is the remark column's caption (as 备注): rows from 1 whose first row writes a remark and leaves
    # 全年目标任务 out are as wide as the header without 说明 — 说明 is still no group row above row 1
    cells = ["序号", "主要任务", "全年目标任务", "分管领导", "牵头单位", "责任主体与协同单位", "1-5月推进情况", "是否达序", "说明",
             "1", "改造老旧小区3个", "周红", "区住建局", "各社区居委会", "已完成招标。", "否", "拆迁未完成，工期滞后1个月。",
             "2", "新增停车位200个", "周红", "区交通局", "区城管局", "已建成80个。", "是"]
    measures = parse_plan_text("\n".join(cells)).measures
    assert [(m.path, m.lead_units, m.supporting_units) for m in measures] == [
        (["1"], ["区住建局"], ["各社区居委会"]), (["2"], ["区交通局"], ["区城管局"])]
    assert "说明" not in measures[0].text


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=1, max_value=90), st.lists(st.booleans(), min_size=1, max_size=3), st.sampled_from([" |", ""]))
def test_progress_rows_from_any_first_number_come_back_once_in_order(first, remarks, close):
    header = HEADER
    out = ["河湾区民生实事项目推进情况"] + [caption + close for caption in header]
    for at, remark in enumerate(remarks):
        row = [str(first + at), f"新建社区食堂{at + 2}家", "孙立", "区民政局", "各街道办事处", "已选址。", "已开工。", "是",
               "进度滞后了2个月，后期将加快推进。" if remark else ""]
        out += [cell + close for cell in row if cell] + (["||"] if close and not remark else [])
    measures = parse_plan_text("\n".join(out)).measures
    assert [m.path for m in measures] == [[str(first + at)] for at in range(len(remarks))]
    assert all(m.lead_units == ["区民政局"] and m.supporting_units == ["各街道办事处"] for m in measures)
