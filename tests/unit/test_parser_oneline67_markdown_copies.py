"""A plan saved through Markdown (issue 13, branch oneline67): a reader or converter wrote the page as Markdown, and the
office pastes that file. Headings stand as ``## 一、…`` or ``**一、…**``, a bracketed item's first sentence is bold
(``**（一）…。**…``), an item's number is escaped (``1\\.``) or follows a list marker (``- 1.``), a list Markdown numbers by
itself repeats one number (``1. … 1. … 1. …``) and a unit name is a link. The copy reads as the plan it was made from
(GOLD-README "oneline67"; ``cleaning._markdown_inline``, ``cleaning._drop_bullet``, ``cleaning.renumber_markdown_lists``).
The wording here is invented."""
from __future__ import annotations

from tracker.parsing import parse_plan_text

_PLAN = ("某县2026年城乡环境整治工作方案\n"
         "一、工作措施\n"
         "（一）加强组织领导。成立工作专班。（牵头单位：县住建局）\n"
         "1.清理河道垃圾。（牵头单位：县水利局；完成时限：2026年6月底前）\n"
         "2.整治背街小巷。（牵头单位：县城管局）\n"
         "3.改造农村厕所。（牵头单位：县农业农村局）\n"
         "（二）强化督查考核。（牵头单位：县督查室）\n"
         "二、保障措施\n"
         "1.落实整治经费。（牵头单位：县财政局）\n"
         "2.加强宣传引导。（牵头单位：县委宣传部）")


def _read(text: str) -> list[tuple[tuple[str, ...], list[str], str | None]]:
    return [(tuple(m.path), m.lead_units, m.deadline) for m in parse_plan_text(text).measures]


def test_a_markdown_copy_with_bold_items_escaped_numbers_and_linked_units_reads_as_the_plan():
    """The county's plan as a converter saved it: ``## 一、``, the bold first sentence of each ``（一）``, escaped ``1\\.``
    and the water bureau's name a link: the same items, units and deadline as the plan."""
    markdown = ("# 某县2026年城乡环境整治工作方案\n\n"
                "## 一、工作措施\n\n"
                "**（一）加强组织领导。**成立工作专班。（牵头单位：县住建局）\n\n"
                "1\\.清理河道垃圾。（牵头单位：[县水利局](http://www.example.gov.cn/slj)；完成时限：2026年6月底前）\n\n"
                "2\\.整治背街小巷。（牵头单位：县城管局）\n\n"
                "3\\.改造农村厕所。（牵头单位：县农业农村局）\n\n"
                "**（二）强化督查考核。**（牵头单位：县督查室）\n\n"
                "**二、保障措施**\n\n"
                "- 1.落实整治经费。（牵头单位：县财政局）\n"
                "- 2.加强宣传引导。（牵头单位：县委宣传部）\n")
    assert _read(markdown) == _read(_PLAN)
    assert ("一", "（一）", "1") in [path for path, _, _ in _read(markdown)]


def test_a_markdown_list_that_repeats_one_number_is_numbered_as_markdown_shows_it():
    """A converter wrote each list with every item ``1.`` (Markdown numbers them itself): the items are 1, 2, 3 under
    each heading, as the page showed them, not three lists of one item each."""
    markdown = ("某县2026年城乡环境整治工作方案\n一、工作措施\n（一）加强组织领导。成立工作专班。（牵头单位：县住建局）\n"
                "1. 清理河道垃圾。（牵头单位：县水利局；完成时限：2026年6月底前）\n1. 整治背街小巷。（牵头单位：县城管局）\n"
                "1. 改造农村厕所。（牵头单位：县农业农村局）\n（二）强化督查考核。（牵头单位：县督查室）\n二、保障措施\n"
                "1. 落实整治经费。（牵头单位：县财政局）\n1. 加强宣传引导。（牵头单位：县委宣传部）")
    assert _read(markdown) == _read(_PLAN)


def test_a_plan_that_numbers_its_lists_itself_and_masked_figures_stay_as_written():
    """Lines numbered one by one keep their numbers; a ``1.`` repeated without Markdown's blank after the dot is the
    plan's own restart; and a speech's masked figure ``**年以来…今年**月份`` is no bold to drop."""
    assert [p for p, _, _ in _read("某方案\n一、措施\n1. 甲。\n2. 乙。\n3. 丙。")] == [
        ("一",), ("一", "1"), ("一", "2"), ("一", "3")]
    assert [p for p, _, _ in _read("某方案\n一、措施\n1.甲。\n1.乙。")] == [("一",), ("一", "1"), ("一", "1（第2组）")]
    draft = parse_plan_text("某讲话\n一、成绩\n**年以来贷款增量保持前列，今年**月份新增贷款426亿元。")
    assert "**年以来" in draft.measures[0].text
