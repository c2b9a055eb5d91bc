"""The kinds development documents 1110–1116 showed (issue 13, branch fresh47; GOLD-README "fresh47"), one invented story each.

- a document site's preview of a prose plan, its text cut into numbered chunks (1116);
- ``一`` typed where a span's dash belongs (1116: a stage's dates);
- a span whose end is a day alone (1115: ``全面排查阶段(7 月 15 日-22 日)``);
- an item cut inside its first sentence by the end of the stored copy (1111: ``4.提升数``);
- the members of a body named by its kind alone (1110: ``联席会议各成员单位``).
"""
from __future__ import annotations

import datetime

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import find_text_deadline, is_deadline_clause, parse_due_date
from tracker.vocabulary.units import is_vague_collective


def _paths(text: str) -> list[list[str]]:
    return [m.path for m in parse_plan_text(text).measures]


def _measure(text: str, *path: str):
    return next(m for m in parse_plan_text(text).measures if m.path == list(path))


# ---- a document site's preview chunks ----------------------------------------------------------------------------

_PREVIEW = "\n".join([
    "某县2026年秸秆禁烧工作方案.docx",
    "《某县2026年秸秆禁烧工作方案.docx》由会员分享,可在线阅读,更多相关《某县2026年秸秆禁烧工作方案.docx(5页珍藏版)》请在某文库上搜索。",
    "1、某县2026年秸秆禁烧工作方案为做好今年秸秆禁烧工作,制定本方案。一、工作目标全县不发生秸秆焚烧火点。二、重点任务"
    "(一)加强巡查。各乡镇要组织巡查队伍,每日巡",
    "2、查田间地头。(二)推进综合利用。县农业农村局要推广秸秆还田,5月底前完成技",
    "3、术培训,提高还田比例。",
])


def test_a_document_sites_preview_chunks_are_no_items_and_a_word_they_cut_reads_whole():
    """A town office pastes a plan as a document site shows it: the site's chunk numbers open lines, one cutting "巡查" and
    one "技术"; the plan's own 一、二、(一)(二) are its items, and (二)'s time is read across the cut."""
    assert _paths(_PREVIEW) == [["一"], ["二"], ["二", "(一)"], ["二", "(二)"]]
    assert "每日巡查田间地头" in _measure(_PREVIEW, "二", "(一)").text
    assert _measure(_PREVIEW, "二", "(二)").deadline == "5月底前"


def test_a_list_under_a_files_name_whose_lines_end_their_sentences_stays_a_list():
    """The file's name on the first line, then a list whose items end with their full stops: no chunk was cut, the
    numbers are the list's."""
    text = "某县2026年防汛工作要点.docx\n1、落实防汛责任制,压实乡镇责任。\n2、开展汛前隐患排查。\n3、备足防汛物资。"
    assert _paths(text) == [["1"], ["2"], ["3"]]


# ---- 一 typed for a span's dash ------------------------------------------------------------------------------------

def test_a_stages_span_whose_dash_was_typed_as_a_numeral_is_its_deadline_as_written():
    """A copy types the dash of "2026年5月—2026年8月" as 一: the stage's span as written, due on its last day."""
    text = ("某镇2026年清河行动方案\n三、时间安排\n(一)排查阶段(2026年4月底前)。各村摸清河道垃圾点位。\n"
            "(二)清理阶段(2026年5月一2026年8月)。各村清运垃圾,2026年9月底前完成验收。")
    stage = _measure(text, "三", "(二)")
    assert stage.deadline == "2026年5月一2026年8月"
    assert stage.due_date == datetime.date(2026, 8, 31)
    assert parse_due_date("5月一9月", 2026) == datetime.date(2026, 9, 30)


def test_a_numeral_written_in_a_date_stays_the_dates():
    """"六月一日前" and "3月1日前" are dates: 一 is read as a dash only between a time's end and figures."""
    assert find_text_deadline("各村于六月一日前完成清理。") == "六月一日前"
    assert parse_due_date("六月一日前", 2026) == datetime.date(2026, 6, 1)
    assert find_text_deadline("各村于3月1日前完成清理。") == "3月1日前"


# ---- a span whose end is a day alone -------------------------------------------------------------------------------

def test_a_stage_dated_from_a_day_to_a_later_day_of_its_month_is_due_that_later_day():
    """"(一)摸底阶段(6月3日-18日)": the end "18日" is a day of June; a PDF's blanks around the figures stay as written."""
    text = "某县2026年违建整治方案\n二、工作步骤\n(一)摸底阶段(6月3日-18日)\n县住建局分片摸清违建底数。\n(二)整治阶段(6月19日至9月30日)"
    assert _measure(text, "二", "(一)").deadline == "6月3日-18日"
    assert parse_due_date("6月3日-18日", 2026) == datetime.date(2026, 6, 18)
    spaced = "某县违建整治方案\n二、工作步骤\n(一)摸底阶段(6 月 3 日-18 日)\n县住建局分片摸清违建底数。"
    assert _measure(spaced, "二", "(一)").deadline == "6 月 3 日-18 日"


def test_a_clause_from_a_day_to_a_later_day_is_a_deadline_clause():
    """"（县林业局负责，6月3日至18日）": the same span as an annotation's time."""
    assert is_deadline_clause("6月3日至18日")
    text = "某县护林方案\n一、重点任务\n1.清理林下可燃物。（县林业局负责，6月3日至18日）"
    measure = _measure(text, "一", "1")
    assert (measure.lead_units, measure.deadline) == (["县林业局"], "6月3日至18日")
    assert not is_deadline_clause("18日")


# ---- an item cut inside its first sentence at the copy's end ---------------------------------------------------------

def test_the_last_item_cut_inside_its_title_sentence_is_cut_off_the_file():
    """Each policy opens with a title sentence and goes on on its line; the stored copy ends inside the fourth one's
    title ("4.强化宣"): it is no measure, and the draft says so."""
    text = "\n".join(["某区促进消费若干措施", "一、提振大宗消费", "1.支持汽车消费。对购买新能源汽车的给予补贴。",
                      "2.支持家电消费。对以旧换新的给予补贴。", "3.支持家居消费。对购买绿色家居的给予补贴。", "4.强化宣"])
    draft = parse_plan_text(text)
    assert [m.path for m in draft.measures] == [["一"], ["一", "1"], ["一", "2"], ["一", "3"]]
    assert any("第一句中途结束" in w for w in draft.warnings)


def test_a_complete_heading_closing_a_list_of_headings_stays():
    """A list whose items are headings over their paragraphs: the last heading, its paragraphs cut off, is a measure."""
    text = "\n".join(["某区城市更新方案", "一、重点任务", "1.推进老旧小区改造", "改造小区二十个。", "2.完善社区服务设施",
                      "新建社区食堂五个。", "3.提升街巷环境"])
    assert _paths(text)[-1] == ["一", "3"]
    # and a last item whose list opens with title sentences but writes its own sentence whole is a measure too
    whole = "\n".join(["某区促进消费若干措施", "一、提振大宗消费", "1.支持汽车消费。对购买新能源汽车的给予补贴。",
                       "2.支持家电消费。对以旧换新的给予补贴。", "3.支持家居消费。"])
    assert _paths(whole)[-1] == ["一", "3"]


# ---- the members of a body named by its kind alone -------------------------------------------------------------------

def test_the_members_of_a_body_named_by_its_kind_alone_are_vague():
    """"联席会议各成员单位" does not say which 联席会议: nobody in particular, like "各成员单位"; a named body's members
    ("县秸秆禁烧工作联席会议成员单位", "…领导小组各成员单位") are a group that answers as one."""
    for name in ("联席会议各成员单位", "领导小组成员单位", "工作专班各成员单位", "各成员单位"):
        assert is_vague_collective(name), name
    for name in ("县秸秆禁烧工作联席会议成员单位", "市防汛抗旱指挥部成员单位", "区创卫工作领导小组各成员单位", "县发改局"):
        assert not is_vague_collective(name), name
