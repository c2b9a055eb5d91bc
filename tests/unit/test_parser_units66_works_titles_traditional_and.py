"""Units in sentences, bracket remarks and lists (branch units66).

Four ways an office writes around its units that main misread, each told with invented text: a bracket listing the works
of an item before its caption line (no unit list), an unnumbered title of a second list after a part's list (a list of
its own), duties written as a sentence in traditional characters (read as their simplified twin), and 和 joining a unit
whose name holds 和 to the next one in a unit cell (GOLD-README "units66").
"""
from __future__ import annotations

from tracker.parsing import parse_plan_text
from tracker.vocabulary.units import is_vague_collective, split_units


def _rows(text: str) -> list[tuple[tuple[str, ...], list[str], list[str]]]:
    """Every measure's (path, lead units, supporting units) of the plan ``text``, vague collectives left out as the plan
    store leaves them (GOLD-README "Vague collectives")."""
    return [(tuple(m.path), [u for u in m.lead_units if not is_vague_collective(u)],
             [u for u in m.supporting_units if not is_vague_collective(u)]) for m in parse_plan_text(text).measures]


# ---- 3. Duties in a sentence, in traditional characters ----------------------------------------------------------------

def test_a_notice_in_traditional_characters_reads_its_closing_duty_as_its_simplified_twin_does():
    """A ministry's 分工 notice copied from a site in traditional characters closes an item on "由A會同B等部門負責落實": A leads,
    B supports, the names kept as written; the same item in simplified characters reads the same."""
    lines = ["關於落實重點工作的分工意見",
             "（一）關於“草原保護”的問題，由林業局會同生態環境部等部門負責落實。",
             "（二）关于“草原保护”的问题，由林业局会同生态环境部等部门负责落实。"]
    assert _rows("\n".join(lines)) == [(("（一）",), ["林業局"], ["生態環境部"]),
                                       (("（二）",), ["林业局"], ["生态环境部"])]


def test_a_duty_followed_by_the_work_gives_no_unit_and_never_the_words_after_the_etc_in_either_script():
    """"由A會同B、C等部門研究提出落實意見" says what the units are to do after their duty: a sentence, no unit (GOLD-README
    wave 4 and wave 29); the words after 等部門 are never a unit's name, in either script."""
    lines = ["關於落實重點工作的分工意見",
             "（一）關於“農民增收”的問題，由財政部會同水利部、審計署、商務部等部門研究提出落實意見。",
             "（二）关于“农民增收”的问题，由财政部会同水利部、审计署、商务部等部门研究提出落实意见。",
             "（三）關於“糧食儲備”的問題，由糧食局會同交通運輸部、稅務總局等部門抓緊研究。"]
    rows = _rows("\n".join(lines))
    assert rows == [(("（一）",), [], []), (("（二）",), [], []), (("（三）",), [], [])]


def test_a_list_closed_by_etc_and_its_bodies_word_in_traditional_characters_loses_both():
    """"農業部等部門" in a caption's value is 農業部, as "农业部等部门" is 农业部: 等部門 closes the list, no unit "部門"."""
    lines = ["某廳重點工作分工", "一、推進高標準農田建設。（牽頭單位：省農業廳等部門；配合單位：省財政廳）"]
    assert _rows("\n".join(lines)) == [(("一",), ["省農業廳"], ["省財政廳"])]


def test_a_list_closed_by_etc_and_a_vague_collective_keeps_its_units_in_either_script():
    """"（A、B牵头，C、D等部门单位参与）" (a State Council 行动 plan's annotation): 等部门单位 closes the supporting list, and
    C, D still support; "部门单位" is a vague collective, no work after the list (stop 51: units66's rule for the work
    after 等部门 first dropped the whole list)."""
    lines = ["某行动实施方案",
             "（一）健康知识普及行动。（健康行动推进办、红十字会牵头，中央宣传部、教育部等部门单位参与）",
             "（二）合理膳食行动。（衛生健康委牽頭，農業農村部、廣電總局等部門單位參與）"]
    assert _rows("\n".join(lines)) == [
        (("（一）",), ["健康行动推进办", "红十字会"], ["中央宣传部", "教育部"]),
        (("（二）",), ["衛生健康委"], ["農業農村部", "廣電總局"])]


# ---- 4. 和 joining a unit to the next in a unit cell --------------------------------------------------------------------

def test_a_unit_whose_name_holds_and_joined_by_and_to_the_next_unit_is_cut_at_the_joining_and_only():
    """A county's cell "人力资源和社会保障局和各乡镇" names two units: the bureau, whose name holds 和, and the towns."""
    assert split_units("人力资源和社会保障局和各乡镇、各园区") == ["人力资源和社会保障局", "各乡镇", "各园区"]
    assert split_units("住房和城乡建设局及县直相关单位") == ["住房和城乡建设局", "县直相关单位"]
    assert split_units("交通运输局、科学技术和工业信息化局与各街道") == ["交通运输局", "科学技术和工业信息化局", "各街道"]


def test_names_holding_and_stay_whole_and_a_unit_joined_to_a_vague_collective_parts_from_it():
    """Names whose 和 is their own stay whole; a unit joined by 和 to a vague collective parts from it, which is then left
    out, and the named groups and areas after it are units."""
    assert split_units("人力资源和社会保障局") == ["人力资源和社会保障局"]
    assert split_units("科学技术和工业信息化局、住房和城乡建设局") == ["科学技术和工业信息化局", "住房和城乡建设局"]
    assert split_units("工业和信息化部") == ["工业和信息化部"]
    assert split_units("统计局和市直相关单位、各区县市、各园区") == ["统计局", "市直相关单位", "各区县市", "各园区"]


def test_a_table_cell_joining_a_bureau_named_with_and_to_the_districts_gives_both_as_leads():
    """A task table's 牵头单位 cell "住房和城乡建设局和市直相关单位、各区县市": the bureau and the districts lead, the vague
    collective between them is no unit."""
    lines = ["序号\t工作任务\t牵头单位\t配合单位",
             "1\t推进老旧小区改造。\t住房和城乡建设局和市直相关单位、各区县市\t财政局",
             "2\t落实稳岗补贴政策。\t人力资源和社会保障局和各区县市\t"]
    assert _rows("\n".join(lines)) == [(("1",), ["住房和城乡建设局", "各区县市"], ["财政局"]),
                                       (("2",), ["人力资源和社会保障局", "各区县市"], [])]


# ---- 1. A bracket listing the item's works is no unit list -------------------------------------------------------------

def test_a_bracket_listing_the_works_of_an_item_gives_no_unit_and_its_caption_line_gives_the_leads():
    """A city's work plan writes after an item's heading the works it means, in a bracket, clauses opening with a verb or
    saying what a zone becomes; the caption line under it names a leader, a deputy secretary-general and the units. The
    works (they end in 区, like a zone that may answer) are no units: the 责任单位 alone lead, the persons give none."""
    lines = ["五、开放载体建设",
             "1.培育新的开放平台（探索设立某某国际合作产业园，推动某县经济开发区申报升格为国家级经济技术开发区，"
             "某港区创建为国家一类口岸示范区）。",
             "（牵头领导：王某，责任秘书长：石某、鲁某，责任单位：某港区管委会、市发改委、市商务局）",
             "2.建设物流枢纽（建设某某综合保税区，推进某港区对外开放）。",
             "（责任秘书长：鲁某，责任单位：市商务局）"]
    rows = _rows("\n".join(lines))
    assert rows[1:] == [(("五", "1"), ["某港区管委会", "市发改委", "市商务局"], []),
                        (("五", "2"), ["市商务局"], [])]
    measures = parse_plan_text("\n".join(lines)).measures
    assert "探索设立某某国际合作产业园" in measures[1].text  # the works stay the item's words


def test_a_lone_bracket_of_a_work_opening_with_a_verb_is_the_items_words_but_zones_and_offices_named_bare_stay_units():
    """"（建设某某综合保税区）" closing an item names what is built, no unit; a bare bracket of zones ("（某某高新区、某某经开区）")
    or of offices whose names open with a verb ("创建全国文明城市指挥部", "建设工程质量监督站") still names the units."""
    lines = ["一、重点工作",
             "（一）建设物流枢纽。（建设某某综合保税区）",
             "（二）推进园区提升。（某某高新区、某某经开区）",
             "（三）完善创建机制。（创建全国文明城市指挥部、建设工程质量监督站）"]
    assert _rows("\n".join(lines))[1:] == [(("一", "（一）"), [], []),
                                           (("一", "（二）"), ["某某高新区", "某某经开区"], []),
                                           (("一", "（三）"), ["创建全国文明城市指挥部", "建设工程质量监督站"], [])]


# ---- 2. An unnumbered title of a second list closes the numbered section above it ------------------------------------

_PART_AND_COUNTED_LIST = [
    "三、五项保障措施（牵头领导：张某）",
    "1.强化组织领导。（责任单位：市发改委）",
    "2.加大资金投入。（责任单位：市财政局）",
    "3.强化要素保障。（责任单位：市自然资源局）",
    "4.优化发展环境。（责任单位：市政务办）",
    "5.严格督查考核。（责任单位：市督查室）",
    "港口开发八大重点争取推进事项",
    "（2011年3月，成立专门工作班子）",
    "1.争取港口对外开放。",
    "（责任秘书长：石某，责任单位：市口岸办）",
    "2.争取设立综合保税区。",
    "（责任秘书长：鲁某，责任单位：市商务局、海关）",
]


def test_a_counted_list_title_without_a_number_after_a_parts_list_opens_a_top_level_list_of_its_own():
    """A page of a city's plan opens inside its part "三、" (five measures 1.–5.), then an unnumbered title naming a list of
    works by its count, with a bracketed note under it, then that list 1., 2., each with its caption line. The list is
    top-level, neither 三's children nor a restart of 三's list; the note is no item's words, no deadline, no stray
    paragraph; the persons give no unit and 责任单位 leads."""
    result = parse_plan_text("\n".join(_PART_AND_COUNTED_LIST))
    rows = [(tuple(m.path), m.lead_units, m.deadline) for m in result.measures]
    assert rows[-2:] == [(("1",), ["市口岸办"], None), (("2",), ["市商务局", "海关"], None)]
    assert [tuple(m.path) for m in result.measures[:6]] == [("三",), ("三", "1"), ("三", "2"), ("三", "3"), ("三", "4"),
                                                           ("三", "5")]
    assert not any("没有编号" in w or "编号重复或倒退" in w for w in result.warnings)
    assert "工作班子" not in result.measures[-2].text


def test_a_title_without_a_count_or_no_title_keeps_the_restart_under_the_same_parent():
    """Holds: an unnumbered heading that counts nothing ("注意事项") over a list restarting at 1 is a second list under the
    same parent (GOLD-README "A list that restarts under the same parent"), and so is a restart with no title at all."""
    lines = ["二、办理步骤", "1.提交申请。", "2.窗口受理。", "注意事项", "1.材料须真实。", "2.逾期不予受理。"]
    assert [tuple(m.path) for m in parse_plan_text("\n".join(lines)).measures] == [
        ("二",), ("二", "1"), ("二", "2"), ("二", "1（第2组）"), ("二", "2（第2组）")]
    lines = ["二、办理步骤", "1.提交申请。", "2.窗口受理。", "1.材料须真实。", "2.逾期不予受理。"]
    assert [tuple(m.path) for m in parse_plan_text("\n".join(lines)).measures][-2:] == [("二", "1（第2组）"),
                                                                                       ("二", "2（第2组）")]


def test_a_counted_title_is_a_short_line_naming_its_works_by_their_count_never_a_sentence():
    """The titles read so name a count and close on 事项, 清单 or 任务; a sentence doing the works, or a heading counting
    nothing, is none."""
    from tracker.vocabulary.captions import is_counted_list_title
    assert is_counted_list_title("港口开发八大重点争取推进事项")
    assert is_counted_list_title("全区8项重点改革任务清单")
    assert is_counted_list_title("2025年十项民生实事任务")
    assert not is_counted_list_title("全年完成十项任务")
    assert not is_counted_list_title("注意事项")
    assert not is_counted_list_title("五项保障措施")
