"""Kinds the newest held-out wave lost, told as a user's stories (issue 13, branch kinds33; GOLD-README "kinds33").

- A 河长制/林长制 plan names office-holders among its units (`各级总河长`, `河长`, `县级林长`): persons who hold a post,
  never units; `各级河长办` spans every level (no body named, like `各级政府`); the body that serves the chiefs
  (`市河长办`, `河长制部门联席会议成员单位`) is a unit.
- Deadlines offices write: a window closed by an event's end, a notice run on in one line, a season that bounds the work
  (`汛前`, `春耕前`), an annual plan's aim stated with 同比 and its bound.
- A 责任清单 per body: the body named above the list's title leads the items under it.
- A 落实情况 table whose merged 序号 and 牵头单位 span tasks carrying their own numbers (`56.做好…`, `86.深入推进…`): the 序号
  is the group, each task a measure under it led by the merged unit; the progress cells are no measures.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import plan_units
from tests.helpers.time_cells import deadlines_by_path
from tracker.parsing import parse_plan_text
from tracker.vocabulary.units import is_named_group, is_office_holder, is_vague_collective

HEADER = "某市全面推行河长制工作要点\n某河长办发〔2023〕2号\n2023年3月1日\n"


def named_units(body: str, header: str = HEADER) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    """The units each measure of ``header + body`` gets, vague collectives left out (tests.helpers.plan_units)."""
    return plan_units.named_units(header + body)


# ---- 1. posts and levels are no units -------------------------------------------------------------------------------

def test_a_river_chief_plan_gives_its_measures_the_bodies_and_leaves_out_the_chiefs_and_every_levels_office():
    body = ("一、加强水资源保护。落实最严格水资源管理制度。（责任单位：市河长办、市级责任单位、各县市区政府）\n"
            "二、加强河湖巡查。推动巡河常态化。（责任单位：各级总河长、河长、各级河长办、河长制部门联席会议成员单位）\n"
            "三、加强林木保护。（牵头单位：市林长办；配合单位：县级林长、市林业局）\n")
    units = named_units(body)
    assert units[("一",)] == (["市河长办", "各县市区政府"], [])
    assert units[("二",)] == (["河长制部门联席会议成员单位"], [])
    assert units[("三",)] == (["市林长办"], ["市林业局"])


@pytest.mark.parametrize("name", ["河长", "各级总河长", "总河长", "副总河长", "县级林长", "村级河长", "镇河长", "河湖长",
                                  "各级河湖长", "网格长", "各級總河長"])
def test_a_posts_holder_is_a_person_not_a_unit(name):
    assert is_office_holder(name)


@pytest.mark.parametrize("name", ["市河长办", "县河长制办公室", "河长制部门联席会议成员单位", "市林业局", "各县市区政府"])
def test_the_bodies_that_serve_the_chiefs_are_units(name):
    assert not is_office_holder(name) and not is_vague_collective(name)


@settings(max_examples=60, deadline=None)
@given(level=st.sampled_from(["", "各级", "省级", "市级", "县级", "乡级", "镇级", "村级", "市", "县"]),
       rank=st.sampled_from(["", "总", "副总", "副"]), post=st.sampled_from(["河", "湖", "河湖", "林", "田", "路", "山", "网格"]))
def test_any_level_and_rank_of_a_chief_names_a_person(level, rank, post):
    name = f"{level}{rank}{post}长"
    assert is_office_holder(name), name
    assert not is_office_holder(name + "办") and not is_office_holder(f"{level}{post}长制办公室")


@settings(max_examples=60, deadline=None)
@given(body=st.sampled_from(["河长办", "林长办", "河长制办公室", "政府", "人民政府", "党委政府", "妇联", "财政部门"]))
def test_every_levels_body_of_a_kind_names_no_body(body):
    name = f"各级{body}"
    assert is_vague_collective(name) and not is_named_group(name), name


# ---- 2. deadlines offices write that were not read ------------------------------------------------------------------

NOTICE = "某市文化和旅游局关于征集文旅消费活动方案的通告\n某文旅发〔2023〕4号\n2023年2月1日\n"


def deadlines(body: str, header: str = NOTICE) -> dict[tuple[str, ...], tuple[str | None, str | None]]:
    """Each measure's deadline as written and its due date (ISO), by path."""
    return deadlines_by_path(header + body)


def test_a_notices_windows_are_read_whole_whether_they_open_at_its_day_or_close_at_the_events_end():
    body = ("一、征集时间\n通告之日起至2023年11月30日\n"
            "二、报名时间：公告发布之日起至2023年3月10日止。\n"
            "三、活动时间：2023年2月12日18:30至活动结束\n"
            "四、投票时间\n2023年3月1日9:00至会议结束。\n")
    assert deadlines(body) == {("一",): ("通告之日起至2023年11月30日", "2023-11-30"),
                               ("二",): ("公告发布之日起至2023年3月10日", "2023-03-10"),
                               ("三",): ("2023年2月12日18:30至活动结束", "2023-02-12"),
                               ("四",): ("2023年3月1日9:00至会议结束", "2023-03-01")}


def test_a_notice_run_on_in_one_line_still_gives_each_item_its_window():
    body = ("为丰富群众文化生活，现面向社会征集活动方案，有关事项如下:一、征集目的为展示城市形象。二、征集时间通告之日起至"
            "2023年11月30日。三、征集要求作品须为原创。四、报名时间2023年3月1日至2023年3月31日。五、活动时间：2023年2月12日18:30"
            "至活动结束。\n")
    assert deadlines(body) == {("一",): (None, None), ("二",): ("通告之日起至2023年11月30日", "2023-11-30"),
                               ("三",): (None, None), ("四",): ("2023年3月1日至2023年3月31日", "2023-03-31"),
                               ("五",): ("2023年2月12日18:30至活动结束", "2023-02-12")}


def test_a_season_that_bounds_the_work_is_its_deadline_without_a_calendar_day():
    body = ("一、防汛准备。汛前完成河道清淤。\n"
            "二、隐患整改。对排查出的隐患，确保汛前整改到位。\n"
            "三、水库安全。主汛期前完成除险加固。\n"
            "四、农资保障。春耕前完成农资储备。\n"
            "五、供暖保障。入冬前完成供热管网改造。\n"
            "六、汛期值守。开展汛前检查，落实值班制度。\n")
    assert deadlines(body, HEADER) == {("一",): ("汛前", None), ("二",): ("汛前", None), ("三",): ("主汛期前", None),
                                       ("四",): ("春耕前", None), ("五",): ("入冬前", None),
                                       ("六",): (None, None)}  # 汛前检查: a kind of inspection, no time by which


def test_an_annual_plans_aim_is_due_at_its_years_end_and_a_result_reported_is_no_deadline():
    header = "某县2025年国民经济和社会发展计划\n某政发〔2025〕1号\n2025年1月20日\n"
    body = ("一、扩大有效投资。2025年全县固定资产投资目标为125.9亿元以上，同比增长18%以上。\n"
            "二、稳定工业增长。2025年规上工业增加值同比增长8%左右。\n"
            "三、回顾。2025年完成投资110亿元，同比增长12%。\n")
    assert deadlines(body, header) == {("一",): ("2025年", "2025-12-31"), ("二",): ("2025年", "2025-12-31"),
                                       ("三",): (None, None)}


@settings(max_examples=40, deadline=None)
@given(season=st.sampled_from(["春耕前", "春播前", "秋收前", "三夏前", "入冬前", "主汛期前", "汛前"]),
       verb=st.sampled_from(["完成", "整改到位", "全面完成", "基本建成"]), opener=st.sampled_from(["", "确保", "力争"]))
def test_any_season_bounding_the_work_is_read_as_written_with_no_due_date(season, verb, opener):
    assert deadlines(f"一、重点工作。{opener}{season}{verb}隐患排查。\n", HEADER)[("一",)] == (season, None)


@settings(max_examples=40, deadline=None)
@given(year=st.integers(2025, 2030), change=st.sampled_from(["增长", "提高", "下降"]),
       figure=st.sampled_from(["8", "12.5", "18"]), bound=st.sampled_from(["以上", "左右", "以内"]))
def test_a_years_change_stated_with_its_bound_is_that_years_aim_and_without_it_a_result(year, change, figure, bound):
    header = f"某县{year}年国民经济和社会发展计划\n某政发〔{year}〕1号\n{year}年1月20日\n"
    aim = deadlines(f"一、投资。{year}年全县固定资产投资目标为100亿元，同比{change}{figure}%{bound}。\n", header)
    result = deadlines(f"一、投资。{year}年完成投资100亿元，同比{change}{figure}%。\n", header)
    assert aim[("一",)] == (f"{year}年", f"{year}-12-31") and result[("一",)] == (None, None)


# ---- 3. a duty list per body ----------------------------------------------------------------------------------------

def test_each_bodys_duty_list_gives_its_items_that_body_as_lead():
    body = ("关于印发某区2023年度食品安全工作责任清单的通知\n"
            "各街道办事处，区政府各部门：\n现将各单位2023年度食品安全工作责任清单印发给你们，请认真抓好落实。\n"
            "某区食品安全委员会\n2023年3月10日\n"
            "某区人民政府\n2023年度食品安全工作责任清单\n"
            "1.贯彻落实食品安全党政同责要求，定期研究部署食品安全工作。\n"
            "2.将食品安全工作纳入国民经济和社会发展规划，2023年底前完成年度评议考核。\n"
            "区市场监管局\n2023年度食品安全工作责任清单\n"
            "1.组织开展食品安全抽检监测，6月底前完成上半年抽检任务。\n"
            "2.加强校园食品安全监管。（区教育局配合）\n"
            "各街道办事处\n2023年度食品安全工作责任清单\n"
            "1.落实属地管理责任。\n")
    draft = parse_plan_text(body)
    assert [(m.path, m.lead_units, m.supporting_units, m.deadline) for m in draft.measures] == [
        (["1"], ["某区人民政府"], [], None),
        (["2"], ["某区人民政府"], [], "2023年底前"),
        (["1（第2组）"], ["区市场监管局"], [], "6月底前"),
        (["2（第2组）"], ["区市场监管局"], ["区教育局"], None),
        (["1（第3组）"], ["各街道办事处"], [], None)]
    assert not any("没有编号" in warning for warning in draft.warnings)  # the captions are no stray paragraphs
    assert "各街道办事处" not in draft.measures[3].text


def test_a_notice_handing_over_duty_lists_names_no_body_by_its_wrapped_title():
    text = ("某区人民政府办公室\n关于印发2023年度食品安全工作责任清单\n的通知\n"
            "1.贯彻落实食品安全党政同责要求。\n2.加强基层食品安全监管能力建设。\n")
    assert [m.lead_units for m in parse_plan_text(text).measures] == [[], []]


# ---- 4. a 落实情况 table with a merged 序号 over tasks numbered in the report they implement ----------------------------

CELL_LINES = ("某区2023年政府工作报告重点任务落实情况\n序号\n牵头单位\n工作任务\n完成情况\n完成进度(%)\n备注\n"
              "12\n区发改局\n56.做好重大项目谋划储备，全年谋划项目100个以上。\n已谋划项目86个，完成年度目标的86%。\n90%\n\n"
              "86.深入推进营商环境优化提升行动。\n已出台优化营商环境措施20条。\n90%\n\n"
              "13\n区财政局\n87.加强财政资金统筹，提高资金使用效益。\n已完成预算调整。\n100%\n\n")
WORD_ROWS = ("某区2023年政府工作报告重点任务落实情况\n序号\t牵头单位\t工作任务\t完成情况\t完成进度(%)\t备注\n"
             "12\t区发改局\t56.做好重大项目谋划储备，全年谋划项目100个以上。\t已谋划项目86个，完成年度目标的86%。\t90%\t\n"
             "12\t区发改局\t86.深入推进营商环境优化提升行动。\t已出台优化营商环境措施20条。\t90%\t\n"
             "13\t区财政局\t87.加强财政资金统筹，提高资金使用效益。\t已完成预算调整。\t100%\t\n")


@pytest.mark.parametrize("text", [CELL_LINES, WORD_ROWS], ids=["one cell per line", "Word rows"])
def test_a_merged_number_over_tasks_numbered_in_the_report_groups_them_under_the_merged_lead(text):
    measures = parse_plan_text(text).measures
    assert [(m.path, m.lead_units, m.text) for m in measures] == [
        (["12"], [], ""),
        (["12", "56"], ["区发改局"], "做好重大项目谋划储备，全年谋划项目100个以上。"),
        (["12", "86"], ["区发改局"], "深入推进营商环境优化提升行动。"),
        (["13"], ["区财政局"], "87.加强财政资金统筹，提高资金使用效益。")]  # one task under its 序号: the row's text
    assert not any("已" in m.text or "%" in m.text for m in measures)  # progress and its percentage are no measure
