"""A plan copied out of a chat message whose line breaks were lost with nothing in their place (issue 13, branch
oneline67): every heading and item follows the last line's final character straight on ("…工作责任分解一、…",
"…（牵头单位：县水利局）2.…" is the old case; "…县财政局2.整治…" after a unit list with no bracket is the new one). An
item glued onto a word's character opens its line when it is the next of its list, or a first item right after a title's
few words; a number glued inside a sentence stays words (``parser._GLUE_PLACE_RE``, ``parser._glued_places``; GOLD-README
"oneline67"). The wording here is invented."""
from __future__ import annotations

from tracker.parsing import parse_plan_text

_LINES = ["某县2026年农村人居环境整治重点工作责任分解", "一、县长牵头重点工作", "1.完成农村改厕800户。",
          "牵头单位:县农业农村局、县卫生健康局", "2.建成垃圾中转站3座。", "牵头单位:县住建局", "3.整治黑臭水体5处。",
          "牵头单位:县生态环境分局、县水利局", "二、副县长牵头重点工作", "1.新建农村公路20公里。", "牵头单位:县交通运输局"]


def _read(text: str) -> list[tuple[tuple[str, ...], list[str]]]:
    return [(tuple(m.path), m.lead_units) for m in parse_plan_text(text).measures]


def test_a_plan_joined_with_nothing_between_its_lines_reads_as_the_plan():
    """The county's duty list pasted from a chat message: each item's number glued onto the unit name before it and the
    first heading onto the list's title; the same items with the same lead units as the plan written line by line."""
    joined = "".join(_LINES)
    assert _read(joined) == _read("\n".join(_LINES))
    assert _read(joined) == [(("一",), []), (("一", "1"), ["县农业农村局", "县卫生健康局"]), (("一", "2"), ["县住建局"]),
                             (("一", "3"), ["县生态环境分局", "县水利局"]), (("二",), []), (("二", "1"), ["县交通运输局"])]


def test_numbers_glued_inside_a_sentence_stay_words():
    """A numeral glued to words that is part of them opens nothing: ``统一、`` inside a sentence even where 二、 and 三、
    follow, ``十二、`` , ``第3.`` and a figure ``2.5``."""
    text = ("某县工作方案一、总体要求要维护制度统一、尊严、权威，完成第十二、十三项任务。二、重点任务落实第3.2条，"
            "投入2.5亿元。三、保障措施加强领导。")
    assert [p for p, _ in _read(text)] == [("一",), ("二",), ("三",)]
