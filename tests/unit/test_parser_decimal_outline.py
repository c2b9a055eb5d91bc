"""A plan numbered as a decimal outline (branch outline, GOLD-README "Paths" and "Decimal outlines"):

an 应急预案, and many a 方案 or 规范, numbers its parts "1总则" / "1.1编制目的" / "2.1.1…", one level per dot,
the number glued to the heading's words, or written with a blank ("1 总则", "1.1 编制目的"), or with a full stop
after the top level ("1. 总则"). The office expects every part as an item, "2.1.1" under "2.1" under "2"
(paths ``["2", "2.1", "2.1.1"]``), and the decimals of its sentences ("1.5亿元", "3.5%", a date "2020.10.27",
"按照2.1规定") left as text; an ordinary plan's "1." list reads as it always did.

The wording is invented for these tests (none of it is in the corpus)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text

TITLE = "青石县森林火灾应急预案\n"


def _paths(text: str) -> list[list[str]]:
    return [m.path for m in parse_plan_text(text).measures]


GLUED = TITLE + ("1总则\n"
                 "1.1编制目的\n"
                 "为及时有效处置森林火灾，保护林区群众生命财产安全，制定本预案。\n"
                 "1.2适用范围\n"
                 "本预案适用于本县行政区域内发生的森林火灾。\n"
                 "2组织机构和部门职责\n"
                 "2.1组织机构\n"
                 "2.1.1县森林防火指挥部\n"
                 "县森林防火指挥部负责全县森林火灾扑救的统一指挥。\n"
                 "2.1.2指挥部办公室\n"
                 "指挥部办公室设在县应急管理局。\n"
                 "2.2部门职责\n"
                 "各成员单位按照职责分工做好扑救保障。\n"
                 "3预警和响应\n"
                 "3.1预警分级\n"
                 "按火险等级由低到高分为四级。\n")
OUTLINE = [["1"], ["1", "1.1"], ["1", "1.2"], ["2"], ["2", "2.1"], ["2", "2.1", "2.1.1"], ["2", "2.1", "2.1.2"],
           ["2", "2.2"], ["3"], ["3", "3.1"]]


def test_a_preparedness_plan_numbered_as_a_glued_outline_reads_every_part_one_level_per_dot():
    draft = parse_plan_text(GLUED)
    assert [m.path for m in draft.measures] == OUTLINE
    assert [m.title for m in draft.measures][:3] == ["总则", "编制目的", "适用范围"]


def test_the_same_outline_with_blanks_or_a_full_stop_after_the_top_level_reads_the_same():
    spaced = GLUED.replace("1总则", "1 总则").replace("2组织", "2 组织").replace("3预警", "3 预警")
    for digits in ("1.1", "1.2", "2.1.1", "2.1.2", "2.1", "2.2", "3.1"):
        spaced = spaced.replace(digits + "编", digits + " 编").replace(digits + "适", digits + " 适")
        spaced = spaced.replace(digits + "组", digits + " 组").replace(digits + "县", digits + " 县")
        spaced = spaced.replace(digits + "指", digits + " 指").replace(digits + "部", digits + " 部")
        spaced = spaced.replace(digits + "预", digits + " 预")
    assert _paths(spaced) == OUTLINE
    stopped = GLUED.replace("1总则", "1. 总则").replace("2组织", "2. 组织").replace("3预警", "3. 预警")
    assert _paths(stopped) == OUTLINE


def test_decimals_dates_and_cited_sections_inside_the_outline_stay_text():
    text = TITLE + ("1总则\n"
                    "1.1编制目的\n"
                    "全县林地面积1.5万公顷，\n"
                    "2.0版预案同时废止。\n"
                    "3.5%的林区位于高火险区。\n"
                    "2020.10.27县政府常务会议审议通过。\n"
                    "按照2.1规定组织扑救。\n"
                    "1.5小时内扑救队伍须到达现场。\n"
                    "1.2适用范围\n"
                    "本县行政区域。\n")
    assert _paths(text) == [["1"], ["1", "1.1"], ["1", "1.2"]]


def test_a_decimal_opening_a_line_of_an_ordinary_plan_is_no_part():
    text = ("白沙镇2026年河道整治工作方案\n"
            "一、工作任务\n"
            "1.清理河道淤泥。\n"
            "1.5公里河段年内完成清淤。\n"
            "2.1万立方米淤泥集中处置。\n"
            "2.加固堤防。\n"
            "3个工作日内上报方案\n"
            "二、保障措施\n")
    assert _paths(text) == [["一"], ["一", "1"], ["一", "2"], ["二"]]


def test_an_ordinary_numbered_list_reads_as_before():
    text = ("关于做好防汛工作的通知\n"
            "1.加强组织领导。各村要落实责任人。\n"
            "2.做好物资储备。\n"
            "3.强化值班值守。\n")
    assert _paths(text) == [["1"], ["2"], ["3"]]


# A heading's characters: none of them a counter word ("个", "项", "年" …) that makes "3个" a quantity.
_HEADING_CHARS = "应急组织指挥保障预警响应处置恢复重建通信物资队伍培训演练监督管理附则信息发布善后评估"
headings = st.text(alphabet=_HEADING_CHARS, min_size=2, max_size=12)
bodies = st.one_of(st.none(), st.text(alphabet=_HEADING_CHARS + "，", min_size=4, max_size=30).map(lambda t: t + "。"))
# An outline of depth 1 to 3: top parts, each with up to three parts, each with up to three.
outlines = st.lists(st.tuples(headings, bodies, st.lists(st.tuples(headings, bodies, st.lists(
    st.tuples(headings, bodies), max_size=3)), max_size=3)), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(outlines, st.sampled_from(["", " ", ". "]), st.sampled_from(["", " "]))
def test_any_outline_of_depth_one_to_three_keeps_every_part_its_path_and_order(outline, top_mark, blank):
    lines, expected = [TITLE.strip()], []

    def part(number: str, mark: str, heading: str, body: str | None, path: list[str]) -> None:
        lines.append(number + mark + heading)
        if body:
            lines.append(body)
        expected.append(path)

    for i, (heading, body, children) in enumerate(outline, start=1):
        top = str(i)
        part(top, top_mark, heading, body, [top])
        for j, (child, child_body, grandchildren) in enumerate(children, start=1):
            second = f"{top}.{j}"
            part(second, blank, child, child_body, [top, second])
            for k, (grandchild, grandchild_body) in enumerate(grandchildren, start=1):
                third = f"{second}.{k}"
                part(third, blank, grandchild, grandchild_body, [top, second, third])
    assert _paths("\n".join(lines) + "\n") == expected
