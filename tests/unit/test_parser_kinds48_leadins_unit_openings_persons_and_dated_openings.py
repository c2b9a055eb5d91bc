"""Branch kinds48 (issue 13): ways of writing an item's units and deadline that fresh45's probes found unread.

A supervisor imports a county's plan and expects each item to carry the time it opens with ("8月上旬，…": GOLD-README
"kinds48", development document 882), and a quarter closed by 前 ("第三季度前") to stay a deadline as written without a
due date, whether its year is written or not (the conflict between wave 19's rule and branch deadlines30's story,
settled under "kinds48"). The wording is invented (a county's plan for its business climate), not the corpus's.
"""
from __future__ import annotations

import datetime

import pytest

from tracker.parsing import parse_plan_text
from tracker.parsing.deadlines import dated_opening, parse_due_date


def _plan(body: str, signed: str = "2023年2月10日") -> list:
    text = f"某县营商环境优化提升工作方案\n{body}\n某县人民政府办公室\n{signed}\n"
    return parse_plan_text(text).measures


def _deadlines(body: str) -> list:
    return [(m.path, m.deadline, m.due_date) for m in _plan(body)]


@pytest.mark.parametrize("item, deadline, due", [
    ("1.8月上旬，县政府督查室将对各乡镇落实情况开展复查。", "8月上旬", datetime.date(2023, 8, 10)),
    ("1.3月中旬，县商务局会同县市场监管局组织现场验收。", "3月中旬", datetime.date(2023, 3, 20)),
    ("1.2023年9月15日，县政务服务中心启动“一窗通办”试运行。", "2023年9月15日", datetime.date(2023, 9, 15)),
    # a time closed by 前 opening the item read so before; it still does
    ("1.年底前，完成全县涉企收费清单的公示。", "年底前", datetime.date(2023, 12, 31)),
    ("1.2024年6月前，建成企业诉求“直通车”平台。", "2024年6月前", datetime.date(2024, 6, 30)),
])
def test_a_time_opening_an_item_is_its_deadline_and_the_item_keeps_its_words(item, deadline, due):
    """As a supervisor, an item that opens with when it happens ("8月上旬，…") is due then; its text is unchanged."""
    measures = _plan("一、工作安排\n" + item)
    assert [(m.path, m.deadline, m.due_date) for m in measures] == [(["一"], None, None), (["一", "1"], deadline, due)]
    assert measures[1].text == item[2:]


def test_the_opening_time_goes_ahead_of_a_later_time_in_the_item():
    """Of two times the first: "8月上旬，…9月底前报送…" is due in early August, when the review happens."""
    assert _deadlines("一、工作安排\n1.8月上旬，县政府将组织复查，各乡镇于9月底前报送整改情况。") == [
        (["一"], None, None), (["一", "1"], "8月上旬", datetime.date(2023, 8, 10))]


@pytest.mark.parametrize("words", ["2023年，县发改局将开展营商环境评估。", "上半年，各乡镇召开动员会。",
                                   "3月，全县已完成经营主体摸底。", "5月中旬，全县完成了摸底，同比提高5个百分点。"])
def test_a_year_a_part_of_a_year_or_a_report_opening_an_item_is_not_read_by_the_dated_opening(words):
    """A year alone or a half-year opening a clause keeps find_text_deadline's rules of aims and reports (deadlines30);
    a month opening a sentence that reports what was done (已, 了, 同比) is when it happened, not a deadline."""
    assert dated_opening(words, in_prose=True) is None


@pytest.mark.parametrize("deadline, due", [
    ("二季度前", None), ("第三季度前", None), ("2023年第三季度前", None), ("2023年三季度之前", None),
    ("第三季度", datetime.date(2023, 9, 30)), ("三季度末前", datetime.date(2023, 9, 30)),
    ("2023年第三季度底前", datetime.date(2023, 9, 30)),
])
def test_a_quarter_closed_by_before_fixes_no_day_with_or_without_its_year(deadline, due):
    """As a supervisor, "三季度前完成" may mean before July or before October: the plan fixes no day, so the ledger shows
    the words and no due date; a quarter's end ("三季度末前") or the quarter itself ("第三季度") is due on 09-30."""
    assert parse_due_date(deadline, 2023, datetime.date(2023, 2, 10)) == due


def _units(body: str) -> dict:
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in _plan(body)}


@pytest.mark.parametrize("annotation, lead, supporting", [
    ("（县市场监管局 钱某、县商务局 孙某某负责）", ["县市场监管局", "县商务局"], []),
    ("（县市场监管局（钱某）牵头，县商务局（孙某 副局长）配合）", ["县市场监管局"], ["县商务局"]),
    ("县市场监管局钱某牵头，县商务局欧阳某配合。", ["县市场监管局"], ["县商务局"]),
    ("（牵头单位：县市场监管局（钱某）；配合单位：县商务局 孙某）", ["县市场监管局"], ["县商务局"]),
    # a remark on the unit in its bracket is no person, whatever its first character ("文" is a family name too)
    ("（县委宣传部（文明办）牵头，县商务局配合）", ["县委宣传部（文明办）"], ["县商务局"]),
    # a town, village or street whose first character is a family name is the next unit of the list, not a person
    ("（县农业农村局牵头，县水利局 黄集镇、周庄乡配合）", ["县农业农村局"], ["县水利局", "黄集镇", "周庄乡"]),
    ("（县住建局、高新区 李村社区负责）", ["县住建局", "高新区", "李村社区"], []),
])
def test_a_person_written_after_each_unit_is_never_a_unit(annotation, lead, supporting):
    """As a supervisor, "（县市场监管局 钱某、县商务局 孙某某负责）" names two units and the persons who answer in them: the ledger
    gets the units only (GOLD-README "Units": persons are never units; "kinds48")."""
    assert _units("一、规范市场秩序\n1.开展预付式消费专项整治。" + annotation)[("一", "1")] == (lead, supporting)


@pytest.mark.parametrize("item, lead, supporting", [
    ("1.县市场监管局：开展预付式消费专项整治。", ["县市场监管局"], []),
    ("1.县商务局、县市场监管局：建立商户信用档案。", ["县商务局", "县市场监管局"], []),
    ("1.【县市场监管局】开展预付式消费专项整治。", ["县市场监管局"], []),
    ("1.【县市场监管局牵头，县商务局配合】建立商户信用档案。", ["县市场监管局"], ["县商务局"]),
    ("1.县市场监管局 钱某：开展预付式消费专项整治。", ["县市场监管局"], []),
])
def test_units_written_before_the_items_words_are_its_units(item, lead, supporting):
    """As a supervisor, an office that labels each item with who does it first ("1.县市场监管局：开展…") gives the item
    those units, as a bracket after its words would (GOLD-README "kinds48")."""
    assert _units("一、规范市场秩序\n" + item)[("一", "1")] == (lead, supporting)


@pytest.mark.parametrize("item", [
    "1.工作目标：全年整治预付式消费纠纷一百件。",   # a topic before the colon
    "1.合伙企业：由全体合伙人签署设立登记申请书。",  # a kind of body in a statute, no named unit
    "1.完成时限：2023年6月底前。",                   # a caption, read by the annotation grammar
    "1.【重点】开展预付式消费专项整治。",             # a mark, no unit
])
def test_words_before_a_colon_or_in_a_square_bracket_that_name_no_unit_give_none(item):
    """Only a unit's full name (its level first) or an area before the colon is a label of units."""
    assert _units("一、规范市场秩序\n" + item)[("一", "1")] == ([], [])


def test_a_lead_in_line_gives_its_units_to_the_items_below_it_up_to_the_end_of_their_group():
    """As a supervisor, "以下任务由县商务局牵头，县市场监管局配合：" above a list means each task of that list: they take its
    units; the next part's items do not, and an item naming its own lead keeps it (GOLD-README "kinds48")."""
    read = _units("一、规范市场秩序\n以下任务由县商务局牵头，县市场监管局配合：\n1.开展预付式消费专项整治。\n"
                  "2.建立商户信用档案（县发改局负责）。\n（1）归集商户信用信息。\n二、强化保障\n1.落实经费保障。")
    assert read == {("一",): ([], []), ("一", "1"): (["县商务局"], ["县市场监管局"]),
                    ("一", "2"): (["县发改局"], []), ("一", "2", "（1）"): (["县商务局"], ["县市场监管局"]),
                    ("二",): ([], []), ("二", "1"): ([], [])}


def test_a_second_lead_in_in_the_same_list_ends_the_first():
    """Two lead-ins in one part: each speaks of the items between it and the next."""
    read = _units("一、规范市场秩序\n下列事项由县商务局负责：\n1.开展预付式消费专项整治。\n"
                  "下列事项由县市场监管局负责：\n2.建立商户信用档案。")
    assert read[("一", "1")] == (["县商务局"], []) and read[("一", "2")] == (["县市场监管局"], [])


def test_a_lead_in_that_names_only_collectives_or_no_duty_gives_no_units():
    """"以下任务由各有关部门按职责分工负责" names no unit; "以下为重点任务：" is no lead-in."""
    for line in ("以下任务由各有关部门按职责分工负责：", "以下为今年的重点任务："):
        read = _units(f"一、规范市场秩序\n{line}\n1.开展预付式消费专项整治。")
        assert read[("一", "1")] == ([], []), line


def test_a_range_of_items_named_on_a_line_of_its_own_takes_its_units_and_is_no_item():
    """As a supervisor, "（一）至（三）项由县市场监管局负责" under a list is who does the first three items; the fourth is not
    covered, and the line is no item (GOLD-README "kinds48")."""
    read = _units("一、规范市场秩序\n（一）开展预付式消费专项整治。\n（二）建立商户信用档案。\n（三）畅通投诉渠道。\n"
                  "（一）至（三）项由县市场监管局负责。\n（四）开展诚信经营宣传。")
    assert read == {("一",): ([], []), ("一", "（一）"): (["县市场监管局"], []), ("一", "（二）"): (["县市场监管局"], []),
                    ("一", "（三）"): (["县市场监管局"], []), ("一", "（四）"): ([], [])}


def test_a_range_written_before_its_items_in_arabic_numbers_with_roles():
    """"1—2项任务由县商务局牵头，县市场监管局配合：" above its items reads the same way, roles kept."""
    read = _units("一、规范市场秩序\n1—2项任务由县商务局牵头，县市场监管局配合：\n1.开展预付式消费专项整治。\n"
                  "2.建立商户信用档案。\n3.开展诚信经营宣传。")
    assert read[("一", "1")] == read[("一", "2")] == (["县商务局"], ["县市场监管局"])
    assert read[("一", "3")] == ([], [])
