"""民生实事 progress tables that name each 实事 once, numbered, over the rows of its indicators (issue 13, branch fresh49).

Fresh development documents 1050 and 1053 (a county's 十件民生实事 half-year table, `序号 | 实事名称 | 指标任务 | 责任单位 |
实施点位 | 完成时限 | 进展情况 | 下步计划`, as a page copied one cell a line and as a Word table) lost every measure on
their first run: the captions 实事名称 and 指标任务 were unknown, so the `一、…` written in the 实事名称 cell opened no group
and the rows read flat; copied one cell a line, the second indicator of a 实事 (its 实事名称 and 责任单位 merged down and
written once) read its 实施点位 `全县17家乡镇卫生院` as its unit and lost its time. The stories below tell each kind in a
few lines; places, names and figures are invented (GOLD-README "fresh49")."""
from __future__ import annotations

from tracker.parsing import parse_plan_text
from tracker.vocabulary.units import is_unit_list


def _read(text):
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures}


_WORD = ("某县2023年十件民生实事推进情况表\n"
         "序号\t实事名称\t指标任务\t责任单位\t完成时限\n"
         "1\t一、城乡居民慢病用药保障。\t为3000名患者免费供药\t县卫健局\t10月底\n"
         "2\t一、城乡居民慢病用药保障。\t为800名患者免费随访\t县卫健局\t10月底\n"
         "3\t二、乡村文化广场建设\t新建文化广场12个\t县文广局\t11月底\n")


def test_a_numbered_shishi_name_beside_the_number_opens_the_group_of_its_indicators():
    """A county's Word table names each 实事 in a 实事名称 cell numbered 一、二、, merged over the rows of its 指标任务
    (Word reads the merged cell on every row). Each 实事 is a heading without units, its indicators the rows under it,
    numbered as their 序号 writes them, each with the unit and the time of its row."""
    assert _read(_WORD) == {
        ("一",): ([], [], None),
        ("一", "1"): (["县卫健局"], [], "10月底"),
        ("一", "2"): (["县卫健局"], [], "10月底"),
        ("二",): ([], [], None),
        ("二", "3"): (["县文广局"], [], "11月底"),
    }


def test_a_tab_copy_that_wrote_the_merged_name_and_unit_once_gives_the_next_row_the_groups_unit():
    """Pasted from a spreadsheet, the same table leaves the merged 实事名称 and 责任单位 empty on the second indicator's
    row: the row is still the 实事's, and the unit merged down its rows is its unit too; its own time stays its own."""
    pasted = _WORD.replace("2\t一、城乡居民慢病用药保障。\t为800名患者免费随访\t县卫健局\t10月底",
                           "2\t\t为800名患者免费随访\t\t9月底")
    read = _read(pasted)
    assert read[("一", "2")] == (["县卫健局"], [], "9月底")
    assert read[("二", "3")] == (["县文广局"], [], "11月底")


_CELL_LINES = ("某区2023年民生实事推进情况汇总表\n\n序号\n\n实事名称\n\n指标任务\n\n责任单位\n\n实施点位\n\n完成时限\n\n"
               "进展情况\n\n1\n\n一、社区老人助餐服务。\n\n新建老年食堂6个\n\n区民政局\n\n全区6个街道\n\n9月底\n\n"
               "已建成4个\n\n2\n\n新增助餐点20个\n\n全区20个社区\n\n10月底\n\n已建成11个\n\n3\n\n二、街巷路灯改造\n\n"
               "改造路灯500盏\n\n区城管局\n\n全区12条街巷\n\n11月底\n\n完成招标\n")


def test_a_page_copied_one_cell_a_line_keeps_the_merged_unit_and_the_rows_own_time():
    """The district's page, copied one cell a line, writes the merged 实事名称 and 区民政局 once: the second indicator's
    row has five lines for seven columns. Its place list (全区20个社区) is where the work is done, no unit; the unit is the
    one merged down from the 实事's first row, and 10月底 stays its time."""
    read = _read(_CELL_LINES)
    assert read == {
        ("一",): ([], [], None),
        ("一", "1"): (["区民政局"], [], "9月底"),
        ("一", "2"): (["区民政局"], [], "10月底"),
        ("二",): ([], [], None),
        ("二", "3"): (["区城管局"], [], "11月底"),
    }


def test_a_count_of_places_after_the_whole_area_names_no_unit():
    """"全县17家乡镇卫生院" counts where a 实事 is carried out, as "17家乡镇卫生院" does: no unit's name; a unit named after
    its area stays one."""
    assert not is_unit_list("全区20个社区")
    assert not is_unit_list("全市12所学校")
    assert is_unit_list("全县各乡镇")
    assert is_unit_list("区民政局")


def test_a_signature_followed_by_a_sites_question_marks_still_closes_the_notice():
    """A town's page garbles the blanks after its notice's signature into question marks. The date still signs the
    notice: the file is dated by it, and the plan's own title below it, wrapped over two lines, is the title."""
    draft = parse_plan_text("某镇人民政府关于分解落实2023年重点工作的通知\n\n各村(社区),镇直各单位:\n\n"
                            "现将分解方案印发给你们,请认真贯彻落实。\n\n2023年2月8日??????\n\n2023年镇政府重点工作\n\n"
                            "任务分解方案\n\n一、主要目标\n\n1.农业总产值增长5%。(牵头单位:镇农业服务中心)\n")
    assert str(draft.issued_on) == "2023-02-08"
    assert draft.title == "2023年镇政府重点工作任务分解方案"
