"""Branch kinds49 (issue 13): ways of writing units, persons and titles that last stop's helpers left misread.

A supervisor imports a county's plan for its farms and roads and expects each item to carry its units as the office
wrote them: a two-character remark on a unit's line of work ("县农机局（农机）" is no person, GOLD-README "kinds49"),
while a person written beside a unit never becomes one ("kinds48"). The wording is invented, not the corpus's.
"""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text


def _plan(body: str, signed: str = "2023年3月6日") -> list:
    text = f"某县农村道路和农机服务提升工作方案\n{body}\n某县人民政府办公室\n{signed}\n"
    return parse_plan_text(text).measures


def _units(body: str) -> dict:
    return {tuple(m.path): (m.lead_units, m.supporting_units) for m in _plan(body)}


def _item(annotation: str) -> tuple[list[str], list[str]]:
    return _units("一、补齐服务短板\n1.建成乡镇农机维修网点十二个。" + annotation + "\n2.开展冬季道路养护。")[("一", "1")]


@pytest.mark.parametrize("annotation, lead, supporting", [
    # a remark of two characters whose first is also a family name (农, 路, 林) names the unit's line of work
    ("（县农业农村局（农机）牵头，县交通运输局（路政）配合）", ["县农业农村局（农机）"], ["县交通运输局（路政）"]),
    ("（牵头单位：县自然资源局（林政）；配合单位：县财政局）", ["县自然资源局（林政）"], ["县财政局"]),
    ("县交通运输局（路政）负责。", ["县交通运输局（路政）"], []),
    ("（县农业农村局（农机）、县交通运输局（路政）负责）", ["县农业农村局（农机）", "县交通运输局（路政）"], []),
])
def test_a_two_character_remark_on_a_units_line_of_work_stays_with_the_unit(annotation, lead, supporting):
    """As a supervisor, "县农业农村局（农机）" tells me which office of the bureau answers: the ledger keeps the unit with its
    remark as written, as it keeps "市委组织部（市人才办）"."""
    assert _item(annotation) == (lead, supporting)


@pytest.mark.parametrize("annotation, lead, supporting", [
    # a name left out (某), a placeholder's numeral (张三) or a three-character name is a person by itself
    ("（县农业农村局（钱某）负责）", ["县农业农村局"], []),
    ("（县农业农村局（张三）牵头，县交通运输局（李四）配合）", ["县农业农村局"], ["县交通运输局"]),
    ("（县农业农村局（孙立平）负责）", ["县农业农村局"], []),
    ("（县农业农村局（路平 副局长）负责）", ["县农业农村局"], []),
    # where the annotation shows persons beside its units, a two-character name beside another unit is a person too
    ("（县农业农村局（钱某）牵头，县交通运输局（路平）配合）", ["县农业农村局"], ["县交通运输局"]),
    ("（县农业农村局 孙立平牵头，县交通运输局（路平）配合）", ["县农业农村局"], ["县交通运输局"]),
    # a person after a blank is never a remark (a remark is written in a bracket)
    ("（县农业农村局 路平负责）", ["县农业农村局"], []),
])
def test_a_person_beside_a_unit_is_still_no_unit(annotation, lead, supporting):
    """As a supervisor, the persons an office names beside its units are not offices: the ledger lists the units only."""
    assert _item(annotation) == (lead, supporting)


# ---- a notice's title that hands a plan down (下达) -----------------------------------------------------------------

def _notice(opening: str) -> str:
    return parse_plan_text("\n".join([
        "某县人民政府办公室", "关于下达2023年农村公路养护任务计划的通知", "各乡镇人民政府，县直有关部门：", opening,
        "一、压实养护责任。各乡镇要落实路长责任。", "二、加强资金监管。专款专用。", "某县人民政府办公室", "2023年3月6日"])).title


def test_a_notice_handing_down_a_plan_it_quotes_by_name_is_titled_by_the_plan():
    """As a supervisor, a notice that says "《2023年农村公路养护任务计划》已经县政府同意，现下达给你们" hands me that plan:
    the ledger is titled by the plan's name, as for a notice that 印发 it (GOLD-README "kinds49", 559)."""
    assert _notice("《2023年农村公路养护任务计划》已经县政府同意，现下达给你们，并提出以下要求。") == "2023年农村公路养护任务计划"


def test_a_notice_handing_down_quotas_named_in_plain_words_keeps_its_own_title():
    """As a supervisor, "现将2023年农村公路养护任务计划下达（详见附件）" hands down a table of quotas: the notice is the
    document and keeps its whole title (854)."""
    assert _notice("现将2023年农村公路养护任务计划下达（详见附件），并就有关事项通知如下。") == (
        "某县人民政府办公室关于下达2023年农村公路养护任务计划的通知")


# ---- a list whose last unit carries the role for the whole list, and a list the copy split over two lines ----------

@pytest.mark.parametrize("annotation, lead, supporting", [
    # the role written as a caption after the list, closing the item's words without a bracket
    ("县交通运输局、县农业农村局为责任单位。", ["县交通运输局", "县农业农村局"], []),
    ("县交通运输局为牵头单位，县农业农村局、县财政局为配合单位。", ["县交通运输局"], ["县农业农村局", "县财政局"]),
    ("由县交通运输局、县农业农村局作为牵头单位，各乡镇配合。", ["县交通运输局", "县农业农村局"], ["各乡镇"]),
    ("\n县交通运输局、县农业农村局为责任单位", ["县交通运输局", "县农业农村局"], []),
    # how the units share it, written before the role
    ("（县交通运输局、县农业农村局、县财政局为共同责任单位）", ["县交通运输局", "县农业农村局", "县财政局"], []),
    # a person after a blank before the role is still no unit
    ("（县交通运输局 王某某为牵头单位，县财政局 张三为配合单位）", ["县交通运输局"], ["县财政局"]),
])
def test_a_role_written_once_after_a_list_of_units_is_the_whole_lists(annotation, lead, supporting):
    """As a supervisor, "县交通运输局、县农业农村局为责任单位。" after the item's words names the two units that answer for it,
    as "（县交通运输局、县农业农村局负责）" would (GOLD-README "kinds49")."""
    assert _item(annotation) == (lead, supporting)


@pytest.mark.parametrize("item", [
    "1.建成乡镇农机维修网点十二个，明确县农业农村局为牵头单位。",
    "1.建成乡镇农机维修网点十二个，将各乡镇作为责任单位。",
    "1.建立乡村道路联席会议制度，确定县交通运输局负责。",
])
def test_an_item_that_sets_up_a_lead_names_it_in_its_work_not_as_its_annotation(item):
    """As a supervisor, "明确县农业农村局为牵头单位" is what the item does (it designates a lead), not who answers for the
    item: no unit is read from the sentence, as for any duty followed by or following the work ("Units")."""
    assert _units("一、补齐服务短板\n" + item + "\n2.开展冬季道路养护。")[("一", "1")] == ([], [])


@pytest.mark.parametrize("lines, lead, supporting", [
    (["县交通运输局牵头，县农业农村局、", "县财政局配合。"], ["县交通运输局"], ["县农业农村局", "县财政局"]),
    (["县交通运输局、县农业农村局、", "县财政局等负责"], ["县交通运输局", "县农业农村局", "县财政局"], []),
    (["县交通运输局为牵头单位，县农业农村局、", "县财政局为配合单位"], ["县交通运输局"], ["县农业农村局", "县财政局"]),
])
def test_a_duty_line_the_copy_broke_inside_its_list_is_one_line(lines, lead, supporting):
    """As a supervisor, a duty line under the item that a narrow column broke after a 、 ("…县农业农村局、" / "县财政局配合。")
    still names all three units."""
    body = "\n".join(["一、补齐服务短板", "1.建成乡镇农机维修网点十二个。", *lines, "2.开展冬季道路养护。"])
    assert _units(body)[("一", "1")] == (lead, supporting)


def test_a_sentence_wrapped_after_a_comma_under_an_item_is_not_joined_into_duties():
    """A paragraph of work wrapped after its comma ("各乡镇要加强巡查，" / "县交通运输局负责。") is no duty line: its last
    clause alone does not make the two lines one annotation."""
    body = "\n".join(["一、补齐服务短板", "1.建成乡镇农机维修网点十二个。", "各乡镇要加强巡查，", "及时消除隐患。",
                      "2.开展冬季道路养护。"])
    assert _units(body)[("一", "1")] == ([], [])


# ---- a unit written before an item's number, or alone on the line above it -----------------------------------------

def test_a_unit_in_brackets_before_each_items_number_is_that_items():
    """As a supervisor, a county that writes who does each item first ("（县交通运输局）1.完成…") gives item 1 to the
    transport bureau and item 2 to the farm bureau, not the heading or the item above (GOLD-README "kinds49")."""
    read = _units("一、补齐服务短板\n（县交通运输局）1.完成农村公路安全隐患排查。\n【县农业农村局、县财政局】2.建成农机维修网点。"
                  "\n3.开展冬季道路养护。")
    assert read[("一",)] == ([], [])
    assert read[("一", "1")] == (["县交通运输局"], [])
    assert read[("一", "2")] == (["县农业农村局", "县财政局"], [])
    assert read[("一", "3")] == ([], [])


def test_a_bracket_before_a_later_items_number_in_an_unlabelled_list_stays_the_annotation_above():
    """A list whose first item has no label: a bracket glued before item 2 is item 1's annotation whose line break the copy
    lost ("1.完成…。" / "（县交通运输局）2.建成…"), as before."""
    read = _units("一、补齐服务短板\n1.完成农村公路安全隐患排查。\n（县交通运输局）2.建成农机维修网点。\n3.开展冬季道路养护。")
    assert read[("一", "1")] == (["县交通运输局"], []) and read[("一", "2")] == ([], [])


def test_a_remark_in_a_round_bracket_opening_an_items_words_is_no_label_of_units():
    """"1.（新增）…" and "1.（市级）…" name no unit: a round bracket opening the words labels units only with units' full
    names in it ("1.（县交通运输局）完成…"), so the office's remarks stay the item's words."""
    read = _units("一、补齐服务短板\n1.（新增）完成农村公路安全隐患排查。\n2.（市级）建成农机维修网点。")
    assert read[("一", "1")] == read[("一", "2")] == ([], [])


def test_a_units_name_alone_above_a_group_of_items_labels_them():
    """As a supervisor, a plan arranged by office ("县交通运输局" / "1.…" / "2.…" / "县农业农村局：" / "3.…") gives each
    office the items under its name, up to the next name or the part's end."""
    read = _units("一、补齐服务短板\n县交通运输局\n1.完成农村公路安全隐患排查。\n2.开展冬季道路养护。\n县农业农村局：\n"
                  "3.建成农机维修网点。\n二、强化要素保障\n1.落实养护资金。")
    assert read[("一", "1")] == read[("一", "2")] == (["县交通运输局"], [])
    assert read[("一", "3")] == (["县农业农村局"], [])
    assert read[("一",)] == read[("二", "1")] == ([], [])


def test_a_units_name_between_two_items_without_a_colon_is_no_label():
    """A unit's name alone under an item, in a list that was not labelled above its first item ("1.…" / "县交通运输局" /
    "2.…"), is how a table copied one cell a line writes the unit under its task: it does not label the item below."""
    read = _units("一、补齐服务短板\n1.完成农村公路安全隐患排查。\n县交通运输局\n2.建成农机维修网点。")
    assert read[("一", "2")] == ([], [])


def test_a_numbered_heading_naming_a_place_is_the_subject_of_its_items_not_their_unit():
    """A 问题清单 or a 通报 numbers the sites it speaks of ("1.县交通运输局" / "(1)…存在…"): the heading is the subject, no
    annotation; its items name no unit (development documents 856, 859)."""
    read = _units("一、检查发现的问题\n1.县交通运输局\n(1)养护台账不全。\n(2)隐患整改不及时。")
    assert read[("一", "1")] == read[("一", "1", "(1)")] == ([], [])
