"""A timetable whose stages list their items as bullets with a number (branch fresh54): `一、准备阶段（2026年3月—4月）` over
`• 01 …`, `● 1 …`, `◆01 …`. The bullet is layout and the number and its blank number the item (GOLD-README "fresh54"); a stage
that names only itself passes its window down to the items that write no time (GOLD-README round 3). The same plan printed as
an office prints it (tests/corpus/src/make_documents.py: running header, page numbers, items broken across pages) and the
text a reader copies out of that PDF read the same. The plan is invented.
"""
from __future__ import annotations

import datetime
import importlib.util
from pathlib import Path

import pytest

from tracker.parsing import parse_plan_text, read_plan_file

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
_spec = importlib.util.spec_from_file_location("make_documents_for_fresh54", CORPUS / "src" / "make_documents.py")
make_documents = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_documents)

_LONG = ("各乡镇要组织力量对辖区内水库、山塘、堤防、在建工地、地质灾害隐患点和危旧房屋开展第{n}轮拉网式排查，逐一登记造册，"
         "建立隐患台账和整改责任清单，明确整改措施、责任人和完成时限，确保不漏一处。")
PLAN = ["某县汛期安全隐患排查整治工作方案",
        "为做好汛期安全工作，结合我县实际，制定本方案。",
        "一、准备阶段（2026年3月—4月）",
        *[f"• 0{n} " + _LONG.format(n=n) for n in range(1, 5)],
        "二、实施阶段（2026年5月—9月）",
        "● 1 各有关部门按照职责分工逐项落实整改。（县应急管理局牵头）",
        "● 2 开展防汛应急演练。",
        "三、总结阶段（2026年10月）",
        "◆01 总结排查整治工作经验。",
        "◆02 建立隐患排查整治长效机制。",
        "某县人民政府办公室",
        "2026年2月10日"]
EXPECTED = {
    ("一",): ("2026年3月—4月", datetime.date(2026, 4, 30)),
    **{("一", f"0{n}"): ("2026年3月—4月", datetime.date(2026, 4, 30)) for n in range(1, 5)},
    ("二",): ("2026年5月—9月", datetime.date(2026, 9, 30)),
    ("二", "1"): ("2026年5月—9月", datetime.date(2026, 9, 30)),
    ("二", "2"): ("2026年5月—9月", datetime.date(2026, 9, 30)),
    ("三",): ("2026年10月", datetime.date(2026, 10, 31)),
    ("三", "01"): ("2026年10月", datetime.date(2026, 10, 31)),
    ("三", "02"): ("2026年10月", datetime.date(2026, 10, 31)),
}


def _read(measures) -> dict[tuple[str, ...], tuple[str | None, datetime.date | None]]:
    return {tuple(m.path): (m.deadline, m.due_date) for m in measures}


def test_bulleted_numbers_under_stage_headings_are_the_stages_items_with_the_stages_window():
    """A county's timetable as typed: each bulleted number is an item of its stage, due when its stage is."""
    plan = parse_plan_text("\n".join(PLAN))
    assert _read(plan.measures) == EXPECTED
    assert [m.lead_units for m in plan.measures if m.path == ["二", "1"]] == [["县应急管理局"]]


@pytest.mark.parametrize("number", ["- {n} -", "— {n} —", "第 {n} 页 共 {total} 页"])
def test_the_same_timetable_printed_with_a_running_header_and_page_numbers_reads_the_same(tmp_path, number):
    """The office prints the plan (a running header and a page number on every page, long items broken across pages); the
    PDF and the text copied out of it read as the typed plan: no page number or header becomes an item or an item's words."""
    source = tmp_path / "plan.txt"
    source.write_text("\n".join(PLAN) + "\n", encoding="utf-8")
    pdf = tmp_path / "plan.pdf"
    make_documents.make_office_pdf(source, pdf, {"header": PLAN[0], "number": number})
    copied = tmp_path / "copied.txt"
    make_documents.copy_pdf_text(pdf, copied)
    typed = read_plan_file(source).measures
    for medium in (pdf, copied):
        read = read_plan_file(medium).measures
        assert _read(read) == EXPECTED, medium.name
        assert [m.text for m in read] == [m.text for m in typed], medium.name
