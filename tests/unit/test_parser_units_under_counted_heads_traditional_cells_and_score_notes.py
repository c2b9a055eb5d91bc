"""Units the parser still lost, by kind (issue 13, branch units31; GOLD-README "units31").

Three ways offices write who answers for a task that the parser read wrongly: a heading naming the unit that leads every
item under it, written with its count or its verb in a form of its own (`一、县发改局牵头工作 8项`, `二、由县水利局牵头完成的工作
（2项）`, `三、县卫健局牵头的3项任务`); a unit cell in traditional characters, under a caption such as `責任處室` or naming
`縣直相關部門` beside its units; and a 考核细则 without a unit column, whose 说明 or 评分标准 cells name the departments that
supply or judge a score. Each story is what the office expects on the plan's page, in words of its own.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.parsing.tables import group_lead
from tracker.vocabulary.captions import match_caption
from tracker.vocabulary.han import simplified
from tracker.vocabulary.units import is_vague_collective

HEADER = "某县2023年政府工作报告重点任务清单\n某政办发〔2023〕5号\n2023年2月10日\n"


def units_of(body: str, header: str = HEADER) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    draft = parse_plan_text(header + body)
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in draft.measures}


# ---- 1. a heading naming the unit that leads every item under it, its count and verb in the office's words ---------

@pytest.mark.parametrize("heading", [
    "县发改局牵头工作 8项",                 # the count after a blank, no bracket
    "县发改局牵头工作8项",
    "由县发改局牵头完成的工作（2项）",       # a verb of doing the work, then 的
    "县发改局牵头推进工作（1项）",
    "县发改局牵头落实的重点工作（共计3项）",
    "县发改局牵头的3项任务",                # the count before what is led
    "县发改局牵头的民生实事（5件）",         # 件, 个 and 条 count as 项 does
    "县发改局牵头实施项目（4个）",
    "县发改局牵头（8项工作）",              # what is led inside the bracket
])
def test_a_county_task_list_grouped_by_lead_gives_each_item_the_headings_unit(heading):
    body = (f"一、{heading}\n1.投资3000万元建设县城综合客运枢纽，年底前建成投用。\n2.推进工业园区污水处理厂扩建工程。\n"
            "3.完成县城供水管网改造（县住建局牵头）。\n4.引进亿元以上项目5个（县商务局配合）。\n"
            "二、其他工作\n1.抓好安全生产。\n")
    units = units_of(body)
    assert units[("一",)] == (["县发改局"], [])
    assert units[("一", "1")] == (["县发改局"], []) and units[("一", "2")] == (["县发改局"], [])
    assert units[("一", "3")] == (["县住建局"], [])  # an item naming its own lead keeps it
    assert units[("一", "4")] == (["县发改局"], ["县商务局"])
    assert units[("二", "1")] == ([], [])  # the next heading ends the group


def test_group_rows_of_a_task_table_in_those_forms_lead_the_rows_without_a_lead_cell():
    body = ("序号 | 重点工作 | 牵头单位 | 完成时限\n"
            "一 | 县教育局牵头工作 2项 |  | \n1 | 新建幼儿园3所。 |  | 2023年9月\n"
            "2 | 改造农村学校食堂10所。 | 县财政局 | 2023年底\n"
            "二 | 由县卫健局牵头完成的工作（1项） |  | \n1 | 建设县医院新院区。 |  | 2023年底\n")
    units = units_of(body)
    assert units[("一", "1")] == (["县教育局"], []) and units[("一", "2")] == (["县财政局"], [])
    assert units[("二",)] == (["县卫健局"], []) and units[("二", "1")] == (["县卫健局"], [])


@pytest.mark.parametrize("heading", [
    "（二）县发改局牵头推进项目建设",   # the work goes on after the duty: a sentence naming a unit, no group
    "一、县政府牵头抓好落实",
    "三、县住建局牵头实施城市更新",
    "二、县发改局牵头完成",
])
def test_a_heading_whose_duty_is_followed_by_its_own_work_names_no_group(heading):
    assert group_lead(heading) is None


@settings(max_examples=40, deadline=None)
@given(unit=st.sampled_from(["县发改局", "县示范区管委会", "团县委", "县消防救援大队", "县委组织部"]),
       verb=st.sampled_from(["", "完成", "推进", "落实", "实施"]),
       of=st.sampled_from(["", "的"]),
       noun=st.sampled_from(["工作", "任务", "重点工作", "事项", "项目"]),
       count=st.sampled_from(["", "（8项）", "(8项)", " 8项", "（共8项）", "（计8件）", "（８项）"]))
def test_every_lead_heading_with_a_verb_and_a_count_names_its_unit(unit, verb, of, noun, count):
    assert group_lead(f"一、{unit}牵头{verb}{of}{noun}{count}") == unit


# ---- 2. unit cells in traditional characters ------------------------------------------------------------------------

@pytest.mark.parametrize("caption, role", [
    ("責任處室", "牵头单位"), ("牽頭處室", "牵头单位"), ("配合處室", "配合单位"), ("評分標準", "具体措施"), ("說明", "备注"),
])
def test_unit_captions_of_offices_in_traditional_characters_are_read_as_in_simplified(caption, role):
    found = match_caption(caption)
    assert (found[0] if found else None) == role


def test_a_traditional_table_with_office_captions_gives_every_unit_in_its_role():
    body = ("序號 | 重點工作 | 牽頭處室 | 配合處室 | 完成時間\n"
            "1 | 推進養老服務體系建設。 | 縣民政局 | 縣衛健局 縣財政局 縣醫保局 | 2023年底\n"
            "2 | 完善社會救助制度。 | 縣民政局、縣人社局 | 縣財政局 縣直相關部門 | 長期\n")
    units = units_of(body)
    assert units[("1",)] == (["縣民政局"], ["縣衛健局", "縣財政局", "縣醫保局"])
    assert units[("2",)] == (["縣民政局", "縣人社局"], ["縣財政局", "縣直相關部門"])  # the vague one as written


@pytest.mark.parametrize("name", ["縣直相關部門", "縣級相關部門", "縣直有關單位", "縣政府各有關部門", "縣級各有關部門", "各級政府",
                                  "各相關鄉鎮街道", "屬地鄉鎮", "各成員單位"])
def test_vague_collectives_in_traditional_characters_are_no_unit_like_their_simplified_forms(name):
    # the plan keeps the name as written; the unit registry and the ranking leave it out (services/plans/store.py)
    assert is_vague_collective(name) and is_vague_collective(simplified(name))


@pytest.mark.parametrize("name", ["縣民政局", "縣委辦", "各鄉鎮（街道）", "縣示範區管委會", "各縣（市、區）人民政府"])
def test_named_units_in_traditional_characters_stay_units(name):
    assert not is_vague_collective(name)


@settings(max_examples=60, deadline=None)
@given(level=st.sampled_from(["縣", "县", "區", "区", "市"]), kind=st.sampled_from(["級", "级", "直", "政府"]),
       each=st.sampled_from(["", "各"]), concerned=st.sampled_from(["相關", "有關", "相关", "有关"]),
       body=st.sampled_from(["部門", "單位", "部门", "单位"]))
def test_a_levels_unnamed_departments_are_vague_in_either_script(level, kind, each, concerned, body):
    name = f"{level}{kind}{each}{concerned}{body}"
    assert is_vague_collective(name) == is_vague_collective(simplified(name)) is True



# ---- 2b. a wide two-row header: the unit caption spans 牵头 | 配合 far right, after money and progress spans ----------

WIDE = ("序号{s}实事项目{s}年度投资（万元）{s}截至6月底{s}{s}责任单位{s}\n"
        "{s}{s}{s}完成投资（万元）{s}形象进度{s}{lead}{s}{support}\n"
        "1{s}新建成公办中小学、幼儿园7所。{s}52000{s}31000{s}4所主体完工{s}区教育局{s}区发改局 区住建局 区财政局\n"
        "2{s}新增婴幼儿照护服务托位500个。{s}350{s}120{s}完成选址5家{s}区卫生健康局{s}区财政局、区民政局、区妇联\n")


@pytest.mark.parametrize("separator", [" | ", "\t"], ids=["pipe cells", "tab cells"])
@pytest.mark.parametrize("lead, support", [("牵头", "配合"), ("牵头单位", "配合单位")])
def test_units_under_a_spanning_caption_right_of_progress_columns_keep_their_roles(separator, lead, support):
    units = units_of(WIDE.format(s=separator, lead=lead, support=support), header="")
    assert units[("1",)] == (["区教育局"], ["区发改局", "区住建局", "区财政局"])
    assert units[("2",)] == (["区卫生健康局"], ["区财政局", "区民政局", "区妇联"])


@settings(max_examples=30, deadline=None)
@given(spans=st.lists(st.sampled_from([("截至6月底", ["完成投资", "形象进度"]), ("资金来源", ["中央", "省级", "县级"]),
                                       ("建设规模", ["单位", "数量"])]), min_size=1, max_size=3))
def test_any_spans_before_the_unit_caption_leave_each_unit_in_its_role(spans):
    top = ["序号", "重点任务"] + [cell for caption, subs in spans for cell in [caption] + [""] * (len(subs) - 1)]
    sub = ["", ""] + [cell for _, subs in spans for cell in subs]
    values = [str(i + 1) for _, subs in spans for i, _ in enumerate(subs)]
    body = (" | ".join(top + ["责任单位", ""]) + "\n" + " | ".join(sub + ["牵头", "配合"]) + "\n"
            + " | ".join(["1", "推进养老服务体系建设。"] + values + ["县民政局", "县卫健局 县财政局"]) + "\n")
    assert units_of(body, header="")[("1",)] == (["县民政局"], ["县卫健局", "县财政局"])


# ---- 3. a 考核细则 without a unit column: its 说明 and 评分标准 name no unit ------------------------------------------

SCORING = ("2023年度河长制工作考核细则\n"
           "序号{s}考核项目{s}分值{s}考核内容{s}评分标准{s}说明\n"
           "一{s}组织体系{s}20{s}{s}{s}\n"
           "1{s}河长制组织体系建设{s}10{s}建立县乡村三级河长体系。{s}未建立的扣5分；河长名单未公示的，由县水利局认定后扣2分。"
           "{s}县水利局、县委组织部提供\n"
           "2{s}河长巡河{s}10{s}河长按要求巡河。{s}巡河次数不足的，每少一次扣1分。{s}县河长办 县水利局\n"
           "二{s}水环境治理{s}30{s}{s}{s}\n"
           "1{s}水质达标{s}30{s}断面水质达标。{s}县生态环境分局{s}县住建局\n")


@pytest.mark.parametrize("separator", ["\t", " | "], ids=["tab cells", "pipe cells"])
def test_a_scoring_table_gives_no_unit_from_its_notes_or_criteria(separator):
    # 说明 names who supplies the figures (县水利局、县委组织部提供), or who assesses (县河长办 县水利局); 评分标准 who judges
    units = units_of(SCORING.format(s=separator), header="")
    assert set(units) == {("一",), ("一", "1"), ("一", "2"), ("二",), ("二", "1")}
    assert all(value == ([], []) for value in units.values())


def test_a_scoring_table_with_a_unit_column_still_gives_its_units():
    body = ("序号\t考核项目\t分值\t评分标准\t责任单位\n1\t河长巡河\t10\t每少一次扣1分。\t县河长办\n")
    assert units_of(body, header="")[("1",)] == (["县河长办"], [])


def test_an_indicator_table_still_gives_the_body_its_target_is_set_for():
    # the rule the scoring tables now keep out: a 单位 column beside 计量单位 names whom an indicator's target binds
    body = ("序号\t指标名称\t计量单位\t目标值\t单位\n1\t地区生产总值增速\t%\t6\t县发改局\n")
    assert units_of(body, header="")[("1",)] == (["县发改局"], [])
