"""Unit kinds the parser still lost, found by trying an office's forms (issue 13, branch kinds43).

1. A duty line of its own under an item, no brackets, opening with 由 and closing on a duty (`由A,B,C、D负责落实`,
   `由A牵头,B、C配合落实`): the names of the list, whatever separates them, take the duty of its end; before, the
   commas cut the list and only its last piece (or nothing) reached the item.
2. Vague collectives still taken as units: the areas concerned with their kinds in 〔〕 (`相关县〔市、区〕人民政府`), and a
   place's name before 各…牵头单位 (`滨江新区各专项规划牵头单位`, `全市各项目责任单位`); named groups stay units.
3. A captioned annotation followed by a remark that everyone does their part (`；各有关部门、各镇街按职责分工负责`,
   `；其他单位按职责配合`): the caption's list keeps its role and the remark names no unit.
4. An annotation whose last clause is not understood kept none of its units (`（区教育局负责，抓紧推进）`); the units now
   stand, and the clause is a deadline only where it is one (`全年推进`, `按季度`, `截至2025年底`, `2025年起长期坚持`).
Wording invented (GOLD-README "kinds43")."""
from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.signed_plans import UNITS_AND_DEADLINE, read_signed_plan
from tracker.parsing.annotations import duty_line, parse_annotation_body
from tracker.vocabulary.units import is_named_group, is_vague_collective


def _plan(items: list[str]) -> dict[tuple[str, ...], tuple[str, list[str], list[str], str | None, object]]:
    """Each measure's (title, lead units, supporting units, deadline as written, due date) of a signed plan of
    ``items``."""
    return read_signed_plan("关于印发某市2025年城乡环境提升行动方案的通知", items, "某市人民政府办公室\n2025年3月10日",
                            ("title", *UNITS_AND_DEADLINE))


# ---- kind 1: a duty line of its own under an item ------------------------------------------------------------------

def test_a_duty_line_under_an_item_gives_the_item_every_unit_of_its_list_whatever_separates_them():
    read = _plan([
        "一、治污工程",
        "1.扩建北郊垃圾焚烧发电厂。",
        "由市城管局,各县（市）人民政府,临港新区管委会、保税区管委会负责落实",
        "2.整治河道排污口。",
        "由市生态环境局牵头,市水利局、市农业农村局配合落实",
        "3.建设口袋公园20个。",
    ])
    assert read[("一", "1")][1:3] == (["市城管局", "各县（市）人民政府", "临港新区管委会", "保税区管委会"], [])
    assert read[("一", "2")][1:3] == (["市生态环境局"], ["市水利局", "市农业农村局"])
    assert read[("一", "3")][:3] == ("建设口袋公园20个", [], [])  # the line above is no text of the next item
    assert set(read) == {("一",), ("一", "1"), ("一", "2"), ("一", "3")}  # and no measure of its own


def test_a_sentence_that_goes_on_after_naming_a_unit_is_no_duty_line():
    assert duty_line("由市城管局,各县（市）人民政府负责落实") is not None
    assert duty_line("由市城管局牵头，加快推进，各区配合做好宣传引导工作并及时报送进展情况") is None
    assert duty_line("加快推进焚烧厂建设，市城管局负责") is None  # work first: a sentence, not a list waiting for its duty


# ---- kind 2: vague collectives ------------------------------------------------------------------------------------

@given(st.sampled_from(["市直有关单位", "县直相关部门", "相关县（市、区）政府", "相关县〔市、区〕人民政府",
                        "有关县〔市、区〕政府", "临港新区各专项规划牵头单位", "全市各项目责任单位", "本县各专项行动牵头部门",
                        "某某县各重点工程责任单位"]))
def test_units_concerned_of_a_place_or_of_its_works_are_nobody_in_particular(name):
    assert is_vague_collective(name)
    assert not is_named_group(name)  # the registry makes no 组 of it


@given(st.sampled_from(["各县（市、区）人民政府", "各区县〔自治县〕人民政府", "市政府各部门", "市直各单位",
                        "市创建文明城市指挥部各成员单位"]))
def test_named_groups_that_answer_as_one_stay_units(name):
    assert not is_vague_collective(name)
    assert is_named_group(name)


def test_vague_collectives_of_an_annotation_stay_in_the_draft_as_written_and_become_no_unit():
    read = _plan(["一、改造城中村供水管网。（牵头单位：市水务局；配合单位：相关县〔市、区〕人民政府）",
                  "二、推进重点工程建设。（全市各项目责任单位负责，2025年底前）"])
    assert read[("一",)][1:3] == (["市水务局"], ["相关县〔市、区〕人民政府"])
    assert read[("二",)][1:4] == (["全市各项目责任单位"], [], "2025年底前")
    # what the plan store and the ledger reader register (services/plans/store.py, services/ledger/newplan.py)
    named = [u for key in (("一",), ("二",)) for u in read[key][1] + read[key][2] if not is_vague_collective(u)]
    assert named == ["市水务局"]


# ---- kind 3: a captioned list followed by a remark that everyone does their part --------------------------------------

def test_a_remark_after_the_captions_list_names_no_unit_and_leaves_the_list_its_role():
    read = _plan([
        "一、打造夜间消费街区。（牵头单位：市文旅局、市商务局；各有关部门、各街道按职责分工负责）",
        "二、开展电动自行车隐患排查。（责任单位：市消防救援支队、市公安局；其他单位按职责配合）",
        "三、创建绿色社区。（牵头单位：市住建局；市民政局按职责配合）",
    ])
    assert read[("一",)][1:3] == (["市文旅局", "市商务局"], [])
    assert read[("二",)][1:3] == (["市消防救援支队", "市公安局"], [])
    assert read[("三",)][1:3] == (["市住建局"], ["市民政局"])  # a named body after ； is no remark


# ---- kind 4: units kept whatever the last clause says ---------------------------------------------------------------

def test_units_stand_whatever_the_last_clause_says_and_it_is_a_deadline_only_where_it_is_one():
    read = _plan([
        "一、开展中小学课后服务。（区教育局负责，全年推进）",
        "二、推进海绵城市建设。（市水务局牵头，截至2025年底）",
        "三、推广稻渔综合种养。（县农业农村局负责，2025年起长期坚持）",
        "四、发布经济运行分析。（市统计局负责，按季度）",
        "五、整治占道经营。（市城管局负责，做到动态清零）",
    ])
    assert read[("一",)][1:] == (["区教育局"], [], "全年推进", None)
    assert read[("二",)][1:] == (["市水务局"], [], "2025年底", datetime.date(2025, 12, 31))
    assert read[("三",)][1:] == (["县农业农村局"], [], "长期坚持", None)
    assert read[("四",)][1:] == (["市统计局"], [], "按季度", None)
    assert read[("五",)][1:] == (["市城管局"], [], None, None)


@given(st.sampled_from(["抓紧推进", "确保质量", "做到应保尽保", "形成长效机制", "按季度推进", "每年"]))
def test_any_last_clause_after_a_duty_keeps_the_units(clause):
    annotation = parse_annotation_body(f"市卫健委牵头，市医保局配合，{clause}")
    assert annotation is not None
    assert annotation.entries == [("lead", "市卫健委"), ("supporting", "市医保局")]
    assert annotation.deadline is None


def test_a_remark_on_the_list_below_stays_no_annotation():
    assert parse_annotation_body("以上事项均需各县区人民政府落实，不再单独列出") is None
