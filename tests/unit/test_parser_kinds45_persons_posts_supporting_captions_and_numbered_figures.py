"""Unit and numbering kinds the parser still lost, described in invented words (issue 13, branch kinds45).

1. A leader's caption naming a post or a level rather than "…领导" (`分管副市长:`, `责任秘书长:`, `市领导:`, `常务副县长:`) before
   the units' caption, in half-width punctuation: the whole annotation went unread and the item had no units; the post is a
   person's caption (read and left out) and the units' caption leads (GOLD-README, 251's rule). An annotation left unread
   never lends a caption inside it to the text as a tail (`责任单位:A)` with its bracket), nor is a bracket of actions in the
   item's own words taken for units.
2. Captions of those who answer for the work together (`共同责任单位:`, `联合责任单位:`) read as nothing (the units went
   unread); beside a 牵头 caption they support, alone they lead, like 责任单位. A group of areas whose kinds are listed with 、
   and end on the city's zones (`各县区、功能板块`) is one named group, also in a list mixing 、 and ,.
3. An item number followed at once by a figure (`2.50个小区…` after `1.…400台。`) was read as the decimal 2.50 and the
   item lost into the one above; a `N.` that is the list's expected next number opens an item whatever follows, while a
   decimal breaking the sequence, a list's first line, or a line going on with a sentence cut short stays text.
Wording invented (GOLD-README "kinds45")."""
from __future__ import annotations

from tracker.parsing import parse_plan_text
from tracker.vocabulary.numbering import match_number_before_figure
from tracker.vocabulary.captions import match_caption
from tracker.vocabulary.persons import is_leader_caption
from tracker.vocabulary.units import is_named_group, is_vague_collective, split_units


def _units(text: str) -> dict[tuple[str, ...], tuple[list[str], list[str]]]:
    """Each measure's (lead units, supporting units) of a plan ``text``, by path."""
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures}


# ---- kind 1: persons' captions by post, before the units' caption -------------------------------------------------

def test_a_post_written_as_the_leaders_caption_is_a_person_and_the_units_caption_beside_it_leads():
    units = _units("\n".join([
        "某市2026年营商环境攻坚任务清单",
        "一、提升政务服务效能",
        "1.推行企业开办一日办结,压缩不动产登记时间",
        "(分管副市长:周某,责任秘书长:吴某、郑某,责任单位:市行政审批局、市自然资源局)",
        "2.建设惠企政策直达平台(整合申报入口,推行免申即享等)",
        "(市领导:钱某,责任单位:市大数据局)",
        "3.清理拖欠企业账款。(常务副县长:孙某;牵头单位:县财政局;配合单位:县审计局)",
        "4.规范涉企检查。",
    ]))
    assert units[("一", "1")] == (["市行政审批局", "市自然资源局"], [])
    assert units[("一", "2")] == (["市大数据局"], [])
    assert units[("一", "3")] == (["县财政局"], ["县审计局"])
    assert units[("一", "4")] == ([], [])


def test_posts_are_leaders_captions_but_the_bodies_serving_them_are_not():
    for caption in ("分管副市长", "责任秘书长", "常务副县长", "联系副区长", "市政府副秘书长", "分管书记", "市领导"):
        assert is_leader_caption(caption), caption
    for caption in ("市长热线办", "秘书处", "责任单位", "县政府"):
        assert not is_leader_caption(caption), caption


def test_an_unread_annotation_lends_no_caption_to_the_text_and_the_items_own_bracket_of_actions_names_no_unit():
    units = _units("\n".join([
        "某县2026年产业发展重点工作",
        "一、壮大园区经济",
        "1.打造产业新平台(谋划建设数字港,推动开发区扩区等)",
        "(督导专员:冯某;责任单位:县工信局)",
        "2.培育链主企业(引进配套企业,组建产业联盟等)。",
    ]))
    assert all("）" not in name and ")" not in name for lead, supporting in units.values() for name in lead + supporting)
    assert units[("一", "1")] == ([], [])
    assert units[("一", "2")] == ([], [])


# ---- kind 2: captions of units answering together --------------------------------------------------------------

def test_units_answering_together_support_the_lead_and_the_zones_group_stays_one_name():
    units = _units("\n".join([
        "某市2026年为民办实事项目",
        "一、教育惠民",
        "1.新增公办学位3000个。(牵头单位:市教育局;共同责任单位:市发展改革委、市住建局,各县区、功能板块)",
        "2.建成校园食堂示范点20个。(牵头单位:市市场监管局;联合责任单位:市教育局;协助单位:市卫健委)",
        "3.改造乡村学校厕所100座。(共同责任单位:市教育局、市农业农村局)",
    ]))
    assert units[("一", "1")] == (["市教育局"], ["市发展改革委", "市住建局", "各县区、功能板块"])
    assert units[("一", "2")] == (["市市场监管局"], ["市教育局", "市卫健委"])
    assert units[("一", "3")] == (["市教育局", "市农业农村局"], [])


def test_a_table_column_of_units_answering_together_beside_the_lead_column_names_supporting_units():
    assert match_caption("共同责任单位") == ("牵头单位", "责任单位")
    assert match_caption("联合责任部门") == ("牵头单位", "责任单位")
    units = _units("\n".join([
        "某市2026年为民办实事分解表",
        "序号 | 实事项目 | 牵头单位 | 共同责任单位 | 完成时限",
        "1 | 新建口袋公园30个 | 市园林局 | 市自然资源局,各县区、功能板块 | 2026年11月底前",
    ]))
    assert units[("1",)] == (["市园林局"], ["市自然资源局", "各县区、功能板块"])


def test_the_zones_after_the_counties_make_one_named_group_not_a_vague_one():
    assert split_units("市财政局、各县区、功能板块") == ["市财政局", "各县区、功能板块"]
    assert is_named_group("各县区、功能板块") and not is_vague_collective("各县区、功能板块")


# ---- kind 3: an item number followed by a figure ---------------------------------------------------------------

def _titles(text: str) -> dict[tuple[str, ...], str]:
    return {tuple(m.path): m.title for m in parse_plan_text(text).measures}


def test_the_next_number_of_a_list_opens_its_item_even_when_a_figure_follows_it():
    titles = _titles("\n".join([
        "某区2026年十件民生实事",
        "一、便民服务",
        "1.新建社区食堂12家。",
        "2.30个村建成快递驿站;推广无人机配送。",
        "3.开通公交微循环线路5条。",
        "4.150所中小学配齐心理辅导室",
        "5.户籍人口平均寿命提高0.3岁。",
    ]))
    assert titles[("一", "2")].startswith("30个村建成快递驿站")
    assert titles[("一", "4")].startswith("150所中小学配齐心理辅导室")
    assert sorted(titles) == [("一",)] + [("一", str(n)) for n in range(1, 6)]


def test_a_decimal_that_breaks_the_sequence_or_goes_on_with_a_cut_sentence_stays_text():
    titles = _titles("\n".join([
        "某县2026年经济工作要点",
        "一、发展目标",
        "1.全县生产总值增长6%,城乡居民收入增长高于",
        "2.5个百分点。",
        "2.规模以上工业增加值增长7%。",
        "4.7万人次参加职业技能培训。",
        "二、项目建设",
        "1.8亿元专项债券用于园区建设。",
    ]))
    assert titles[("一", "2")].startswith("规模以上工业增加值")
    assert ("一", "4") not in titles and ("二", "1") not in titles
    assert match_number_before_figure("12.5个百分点").key == "12"
    assert match_number_before_figure("1.加快建设") is None and match_number_before_figure("增长2.5个") is None


# ---- kind 4: a progress table copied one cell per line, a report per unit ---------------------------------------

def test_a_progress_cell_of_reports_by_unit_stays_progress_and_the_units_are_the_units_cells():
    draft = parse_plan_text("\n".join([
        "某区2026年一季度重点项目推进情况",
        "序号",
        "主要任务",
        "进展情况",
        "责任单位",
        "1",
        "建成智慧停车场3处",
        "区交通运输局:2处已完成设备安装。",
        "区发展改革委:第3处已立项,预计今年8月底前完工。",
        "区交通运输局、",
        "某某镇人民政府",
        "2",
        "改造农村公路20公里",
        "区农业农村局:已完成招标,计划5月开工。",
        "区农业农村局",
    ]))
    rows = {tuple(m.path): m for m in draft.measures}
    assert rows[("1",)].title == "建成智慧停车场3处"
    assert (rows[("1",)].lead_units, rows[("1",)].supporting_units) == (["区交通运输局", "某某镇人民政府"], [])
    assert rows[("1",)].deadline is None
    assert (rows[("2",)].title, rows[("2",)].lead_units, rows[("2",)].deadline) == ("改造农村公路20公里", ["区农业农村局"], None)


# ---- kind 5: an indicator table one cell per line, its names numbered ------------------------------------------

def test_an_indicator_table_one_cell_per_line_gives_one_measure_per_numbered_indicator_with_its_units():
    draft = parse_plan_text("\n".join([
        "某镇2026年上半年主要指标完成情况",
        "类别",
        "指标名称",
        "年度目标",
        "完成情况",
        "责任部门",
        "产业发展",
        "1、农产品加工业产值增速",
        "8%",
        "8.4%",
        "镇经济发展办公室",
        "2、乡村旅游接待人次占全县",
        "比重",
        "15%",
        "13.6%",
        "镇文化旅游站",
        "镇经济发展办公室",
        "社会事业",
        "3、适龄儿童入园率",
        "提高2个",
        "百分点",
        "完成年度指标",
        "镇社会事务办公室",
    ]))
    rows = {tuple(m.path): (m.title, m.lead_units, m.supporting_units, m.deadline) for m in draft.measures}
    assert rows == {
        ("1",): ("农产品加工业产值增速", ["镇经济发展办公室"], [], None),
        ("2",): ("乡村旅游接待人次占全县比重", ["镇文化旅游站", "镇经济发展办公室"], [], None),
        ("3",): ("适龄儿童入园率", ["镇社会事务办公室"], [], None),
    }
