"""Unit kinds a held-out wave of northern and western plans lost, told as a user's stories (issue 13, branch kinds40).

1. A vague collective in a caption line: `牵头单位：各主要经济指标牵头单位` names each indicator's own lead, nobody in particular,
   like `各项目牵头单位` (GOLD-README "Units"); the work ledger must not get it as a unit.
2. A named group written with 、 inside: `各开发区、镇（街道）`, `各县（市、区）、乡镇`, `各乡镇、街道` are one group each, and a list
   closed by 等 and joined to such a group by 和 (`A、B等和各市、县人民政府`) gives A, B and the group.
3. A heading naming its lead whose text goes on in its line (`（二）市商务局牵头负责的工作：扩大消费…`).
4. An annotation in square brackets with a standing remark after it, printed with a stray `)` (`[A牵头，B配合，C负责落实。以下均需C
   落实，不再列出)]`): A lead, B and C supporting; the remark names no unit and is not carried to later items.
5. Unnumbered lines under a heading each closing on its own annotation: the heading takes their units in order, and a second
   annotation written as duties (`（B、C等部门按职责分工负责）`) keeps its own kind: all lead, since it names no 牵头 of its own.
Wording invented after the forms the brief names; development document 880, made from a real 四川 text, shows them too (GOLD-README
"kinds40")."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.budget import cpu_seconds_under
from tracker.parsing import parse_plan_text
from tracker.parsing.annotations import parse_annotation_body, resolve_units
from tracker.parsing.unitnames import annotation_units
from tracker.vocabulary.units import is_named_group, is_vague_collective, split_units


def _units(text: str) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    """Each measure's (lead units, supporting units) of a plan ``text``."""
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures}


# ---- kind 1: a vague collective in a caption line -------------------------------------------------------------

def test_each_indicators_own_lead_is_nobody_in_particular_and_the_ledger_gets_no_such_unit():
    units = _units("某县2022年重点工作任务分解方案\n一、稳定经济运行\n（一）主要经济指标保持合理区间。\n"
                   "牵头单位：各主要经济指标牵头单位\n配合单位：县统计局\n")
    lead, supporting = units[("一", "（一）")]
    assert supporting == ["县统计局"]
    assert all(is_vague_collective(name) for name in lead)  # kept in the draft as written, never a unit of the ledger


_WORKS = st.sampled_from(["项目", "主要经济指标", "专项行动", "重点工程", "县（市、区）", "民生实事", "考核指标"])
_ROLES = st.sampled_from(["牵头单位", "责任单位", "牵头部门", "责任部门", "配合单位"])


@given(_WORKS, _ROLES)
def test_the_own_lead_or_responsible_unit_of_each_work_is_always_vague(works, role):
    name = f"各{works}{role}"
    assert is_vague_collective(name)
    assert not is_named_group(name)


def test_a_named_body_s_members_and_a_bodys_departments_stay_named_groups():
    assert is_named_group("市打击非法金融活动领导小组各成员单位")
    assert is_named_group("市直各部门")
    assert not is_vague_collective("各县市区政府")


# ---- kind 2: a named group written with 、 inside ----------------------------------------------------------------

def test_the_zones_and_towns_and_the_counties_and_townships_are_one_group_each():
    units = _units("某市2022年重点工作\n一、加强保障。全面落实责任。（牵头单位：市委组织部；责任单位：各开发区、镇（街道），"
                   "各县（市、区）、乡镇）\n")
    assert units[("一",)] == (["市委组织部"], ["各开发区、镇（街道）", "各县（市、区）、乡镇"])


def test_a_list_closed_by_etc_and_joined_to_the_cities_and_counties_gives_each_body_and_the_group():
    units = _units("某省实施方案\n一、加强统筹。全面落实责任。（省财政厅、省税务局、地税局等和各市、县人民政府负责）\n")
    assert units[("一",)] == (["省财政厅", "省税务局", "地税局", "各市、县人民政府"], [])


_LEVELS = st.sampled_from(["市", "县", "区", "乡", "镇", "街道", "乡镇", "开发区", "园区", "县（市、区）", "镇（街道）"])
_BODIES = st.sampled_from(["", "政府", "人民政府", "管委会"])


@given(st.lists(_LEVELS, min_size=2, max_size=4, unique=True), _BODIES)
def test_a_list_opened_by_each_whose_later_parts_are_bare_levels_is_one_group(levels, body):
    group = "各" + "、".join(levels) + body
    assert split_units(group) == [group]
    assert annotation_units(f"市发改局、市财政局等和{group}") == ["市发改局", "市财政局", group]


@given(st.lists(st.sampled_from(["市财政局", "市税务局", "县发改局", "区住建局", "镇政府办"]), min_size=2, max_size=4,
                unique=True))
def test_a_list_of_real_bodies_stays_split(bodies):
    assert split_units("、".join(bodies)) == bodies


def test_the_areas_government_written_with_a_blank_inside_is_one_group_beside_the_departments():
    # 四川 2011's 节能减排 意见 as its PDF text reads: "…、省统计局、省政府督查室, 各市(州) 人民政府"
    units = _units("某省节能减排工作意见\n一、合理分解节能减排指标。将目标分解到各市(州)。\n牵头单位: 省发展改革委、环境保护厅\n"
                   "责任单位: 省经济和信息化委、住房城乡 建设厅、省统计局、省政府督查室, 各市(州) 人民政府\n")
    assert units[("一",)] == (["省发展改革委", "环境保护厅"],
                              ["省经济和信息化委", "住房城乡建设厅", "省统计局", "省政府督查室", "各市(州)人民政府"])


def test_a_short_plans_caption_lines_each_listing_units_stay_two_captions():
    # a plan of a few short lines looks wrapped; a caption line is never the wrap of the one above it
    units = _units("某省意见\n一、合理分解节能减排指标。\n牵头单位: 省发展改革委、省环保厅\n配合单位: 省统计局、省政府督查室\n"
                   "二、加强统计。\n牵头单位: 省统计局\n")
    assert units[("一",)] == (["省发展改革委", "省环保厅"], ["省统计局", "省政府督查室"])
    assert units[("二",)] == (["省统计局"], [])


@given(st.sampled_from(["各市(州)", "各县（市、区）", "各区县", "各乡镇"]), st.sampled_from(["人民政府", "政府", "管委会"]))
def test_a_government_after_a_blank_goes_on_the_areas_before_it(areas, body):
    assert split_units(f"市财政局 {areas} {body}") == ["市财政局", f"{areas}{body}"]


# ---- kind 3: a heading naming its lead, its text going on in its line --------------------------------------------

def test_a_heading_naming_its_lead_before_a_colon_leads_itself_and_its_items():
    units = _units("某市目标责任分解\n一、县发改局牵头负责的工作\n（一）市商务局牵头负责的工作：扩大消费，社会消费品零售总额增长8%。\n"
                   "协同部门：市统计局\n1.举办消费季活动。\n（二）市教育局牵头的工作\n推进教育改革。\n协同部门：市人社局\n")
    assert units[("一", "（一）")] == (["市商务局"], ["市统计局"])
    assert units[("一", "（一）", "1")] == (["市商务局"], [])
    assert units[("一", "（二）")] == (["市教育局"], ["市人社局"])


def test_a_heading_of_work_naming_nobody_who_leads_it_gives_its_items_no_lead():
    units = _units("某市工作方案\n一、重点任务\n（一）统筹推进的工作：推进预算改革，完善绩效管理。\n1.建立预算评审制度。\n")
    assert units[("一", "（一）", "1")] == ([], [])


# ---- kind 4: an annotation in square brackets with a standing remark after it ------------------------------------

def test_a_square_bracket_with_a_remark_after_it_gives_its_first_sentences_units_and_no_more():
    units = _units("某市水资源管理实施方案\n一、主要目标\n（一）用水总量控制。到2020年，全市用水总量控制在47亿立方米。"
                   "[市水务局牵头，市工信委、市住建局配合，各县（市）区政府负责落实。以下均需各县（市）区政府落实，不再列出)]\n"
                   "（二）用水效率控制。万元工业增加值用水量下降20%。[市工信委牵头，市水务局配合]\n")
    assert units[("一", "（一）")] == (["市水务局"], ["市工信委", "市住建局", "各县（市）区政府"])
    assert units[("一", "（二）")] == (["市工信委"], ["市水务局"])  # the remark is not carried to later items


_NAMES = st.sampled_from(["市水务局", "市工信委", "市住建局", "市财政局", "市发展改革委", "各县（市）区政府"])
_REMARKS = st.sampled_from(["以下均需各县（市）区政府落实，不再列出", "具体任务均涉及相关市（州）人民政府，不再做分工，下同",
                            "以下各项均由各区政府负责落实", "各乡镇不再一一列出"])


@given(st.lists(_NAMES, min_size=2, max_size=4, unique=True), _REMARKS, st.booleans())
def test_a_standing_remark_after_the_duties_changes_no_unit(names, remark, stray):
    duties = f"{names[0]}牵头，{'、'.join(names[1:])}配合。"
    plain = parse_annotation_body(duties)
    noted = parse_annotation_body(duties + remark + (")" if stray else ""))
    assert noted is not None and not noted.unreadable
    assert resolve_units([noted], False) == resolve_units([plain], False)


# ---- kind 5: unnumbered lines under a heading, each with its own annotation --------------------------------------

def test_lines_under_a_heading_give_it_their_units_each_annotation_keeping_its_kind():
    units = _units("某市“十四五”规划主要指标分解\n一、约束性指标\n耕地保有量保持在2000万亩。（市自然资源局牵头）\n"
                   "单位工业增加值用水量达到省要求。（市水利局、市发展改革委、市工信局等部门按职责分工负责）\n"
                   "森林覆盖率达到40%。（市林业局牵头，市自然资源局配合）\n")
    assert units[("一",)] == (["市自然资源局", "市水利局", "市发展改革委", "市工信局", "市林业局"], [])


def test_a_caption_line_of_responsible_units_after_a_lead_caption_still_supports():
    units = _units("某县重点工作\n一、扩大有效投资\n（一）加快重大项目建设。\n牵头单位：县发展和改革局\n责任单位：县财政局，各乡镇、街道\n")
    assert units[("一", "（一）")] == (["县发展和改革局"], ["县财政局", "各乡镇、街道"])


@given(st.lists(_NAMES, min_size=1, max_size=3, unique=True), st.lists(
    st.sampled_from(["市林业局", "市统计局", "市商务局"]), min_size=1, max_size=3, unique=True))
def test_an_annotation_of_duties_by_remit_leads_beside_another_annotations_lead(leads, remits):
    first = parse_annotation_body(f"{'、'.join(leads)}牵头")
    second = parse_annotation_body(f"{'、'.join(remits)}等部门按职责分工负责")
    lead, supporting, _ = resolve_units([first, second], False)
    assert lead == leads + remits and supporting == []


# ---- kind 2 in a Word table: the unit cell holds one name a line --------------------------------------------------

def test_a_table_cell_with_a_group_of_areas_on_its_own_line_keeps_the_group_whole():
    """A Word 分工表's 责任单位 cell `各有关部门⏎各开发区、镇(街道)` reaches the splitter with its line break made a space
    (the table reader joins a cell's lines): the group on its own line reads as it does after a 、 or a comma."""
    for cell in ("各有关部门 各开发区、镇(街道)", "各有关部门\n各开发区、镇(街道)", "各有关部门，各开发区、镇(街道)"):
        assert split_units(cell) == ["各有关部门", "各开发区、镇(街道)"], cell
    units = _units("某市2023年任务分解方案\n序号\t工作任务\t牵头单位\t责任单位\n"
                   "1\t地区生产总值增长6.5%以上。\t市发展和改革局\t各有关部门 各开发区、镇(街道)\n"
                   "2\t一般公共预算收入增长8%以上。\t市财政局\t市税务局 各乡镇、街道\n")
    assert units[("1",)][1][-1] == "各开发区、镇(街道)"
    assert units[("2",)] == (["市财政局"], ["市税务局", "各乡镇、街道"])


def test_a_unit_cell_pasted_over_and_over_with_etc_and_each_is_split_in_linear_time():
    # a hostile cell: 30,000 characters of "等和各" and "和" joins, one shape with an opener left open (no cut at all), one
    # balanced; the brackets before each join were counted again from the cell's start (seconds, growing as the square)
    for unit in ("局等和各", "（局等和各", "局和局", "（局和"):
        cell = (unit * 7500)[:30000]
        with cpu_seconds_under(1.0):
            names = split_units(cell)
        assert "".join(names).replace("等", "").replace("和", "") == cell.replace("等", "").replace("和", "")
