"""The outline of a plan, generated as a matrix (issue 13: where an item starts and ends, branch outlinematrix53).

A plan numbers its items in two to four levels with a small set of known marks (一、 （一） (一) 1. 1、 （1） ① 一是 第一，
第一部分 第X条), nested in the usual orders and in unusual ones (1. directly under 一、, （1） under 一、). Offices and copies
vary a few more things around those marks: the punctuation after the number (`1﹒`, `1．`, `1 .`, a half-width `(1)`, a
blank after the mark or none); the layout of the lines (one item a line, an item over two lines, the deepest items run
together in their parent's paragraph, the whole copy on one line, with blanks between its items or with none, each
heading's title glued to its first item, a blank line between lines); the faults of a copy (a number doubled, a number
skipped, a page that starts mid-list, the last item cut in its first sentence or after a complete heading, a page
number, a printed page's mark or a running header between lines, a line that opens with a year, a span of months or
a figure that is no number); and what surrounds the items (a title, a 文号, a cover notice with its own numbered
requirements, an attachment list, a signature, a speech's `同志们：`). Each case is built from one choice per axis; its
measures' paths follow from how it was built (GOLD-README "Paths", "What counts as a measure", and its "outlinematrix53"
section), and each measure's text holds its own item's words and no other item's. Names and sentences are invented.

Run as a script it prints the drawn cases' failures by axis value (the figure docs/benchmarks.md reports):
``.venv/bin/python -m tests.unit.test_parser_outline_matrix 1000``.
"""
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import matrix
from tracker.parsing import parse_plan_text
from tracker.vocabulary.numbering import chinese_numeral

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

#: a mark's style -> (the mark as written for n, before the punctuation and blank axes apply)
MARKS = {
    "一、": lambda n: f"{chinese_numeral(n)}、",
    "（一）": lambda n: f"（{chinese_numeral(n)}）",
    "(一)": lambda n: f"({chinese_numeral(n)})",
    "1.": lambda n: f"{n}.",
    "1、": lambda n: f"{n}、",
    "（1）": lambda n: f"（{n}）",
    "①": lambda n: _CIRCLED[n - 1],
    "一是": lambda n: f"{chinese_numeral(n)}是",
    "第一，": lambda n: f"第{chinese_numeral(n)}，",
    "第一部分": lambda n: f"第{chinese_numeral(n)}部分",
    "第X条": lambda n: f"第{chinese_numeral(n)}条",
}
#: the orders of levels offices use, the usual ones first, then the unusual (1. or （1） directly under 一、, ① under
#: （一）, a speech's 一是 under 一、, 第一， opening a speech's parts, a statute's articles with their items)
ORDERS = (("一、", "（一）", "1.", "（1）"), ("一、", "（一）", "1、", "①"), ("第一部分", "一、", "（一）", "1."),
          ("一、", "1."), ("一、", "（1）"), ("（一）", "1、"), ("一、", "(一)", "1."), ("一、", "（一）", "①"),
          ("1.", "（1）"), ("一、", "一是"), ("第一，", "一是"), ("第X条", "（一）"))
DEPTHS = (1, 2, 3, 4)
#: how the arabic marks are punctuated: 1. as itself, or 1﹒ 1． "1 ." and a half-width (1)
PUNCTUATION = ("as is", "1﹒", "1．", "1 .", "(1)")
BLANKS = (False, True)  # a blank after each mark (never after 一是 and 第一，, which run into their words)
#: "glued": a document site's copy run on in one line with no blank between its items: each heading's title runs straight
#: into its first item's mark ("一、强化产业支撑（一）优化营商环境1.新建…。2.…"; branch glued55), the frame around the items
#: parted by blanks as in "one line"
LAYOUTS = ("lines", "wrapped", "run together", "one line", "blank lines", "glued")
#: "page mark": a printed page's "第3页共8页" between two items (glued to both in a "glued" copy)
FAULTS = (None, "doubled", "skipped", "mid-list", "cut in a sentence", "cut after a heading", "page number",
          "running header", "year opening a line", "months opening a line", "figure opening a line", "page mark")
SURROUNDINGS = ("title", "文号", "cover notice", "attachment list", "signature", "speech")

TITLE = "某县2026年产业园区提质增效工作方案"
#: distinct words for each item (headings and leaves), so a measure's text can be told from its neighbours'
HEADINGS = ("强化产业支撑", "优化营商环境", "完善配套功能", "提升治理水平", "加快数字转型", "夯实要素保障", "深化开放合作",
            "推进绿色发展", "壮大市场主体", "健全服务体系", "激发创新活力", "培育特色集群")
LEAVES = ("新建园区支路两条", "改造老旧雨污管网", "建设职工公寓一栋", "增设公共停车场", "推行容缺受理办法", "开通项目代办专线",
          "清理闲置低效用地", "盘活标准厂房存量", "组建产业投资基金", "举办银企对接活动", "建设智慧园区平台", "布设物联感知终端",
          "引进链主企业三家", "培育专精特新企业", "建立项目周调度制度", "完善亩均效益评价", "推广光伏屋顶应用", "实施企业技改奖补",
          "开展招商推介活动", "设立人才服务驿站", "建设检验检测中心", "打造跨境电商园区", "扩建污水处理厂", "完善消防供水管网")
#: words written after a line break inside an item, opening a line with a figure that is no number (the fault's kind)
FIGURE_LINES = {"year opening a line": "2025年已开工的项目加快建设", "months opening a line": "1-10月未完工的部分抓紧收尾",
                "figure opening a line": "3.5万元以下的零星工程简化程序"}
WRAP = "做到早谋划、早部署"  # the second line of an item over two lines (or its second clause)
PAGE_MARK = "第3页共8页"  # a printed page's mark a copy keeps between two items
CUT = "推动园区企业上市挂牌，对首发上市的企业给予"  # the last item cut inside its first sentence: no measure


@dataclass(frozen=True)
class Case:
    """One way of writing a plan's outline: a choice per axis."""
    order: tuple[str, ...]
    depth: int
    punctuation: str
    blank: bool
    layout: str
    fault: str | None
    surrounding: str

    # -- the tree ------------------------------------------------------------------------------------------------
    def styles(self) -> tuple[str, ...]:
        """The marks' styles of the case's levels, top first."""
        return self.order[:self.depth]

    def valid(self) -> bool:
        """Is this combination written by an office? (a run together needs two levels at least, and its deepest level
        marks a run; 一是 and 第一， are written only as they are)."""
        styles = self.styles()
        if self.depth > len(self.order):
            return False
        if self.layout == "run together" and self.depth < 2:
            return False
        if self.fault == "mid-list" and styles[0] in ("第一，", "第一部分", "第X条"):
            return False
        if self.fault == "doubled" and styles[-1] not in ("（一）", "(一)", "（1）"):  # a stutter of a bracketed mark
            return False
        return True

    def _numbers(self, level: int, count: int) -> list[int]:
        """The numbers of a list of ``count`` items at ``level`` (0 is the top), as the fault writes them."""
        if level == 0 and self.fault == "skipped":
            return [1, *range(3, count + 2)]
        if level == 0 and self.fault == "mid-list":
            return list(range(12, 12 + count))
        return list(range(1, count + 1))

    def mark(self, style: str, n: int) -> str:
        """The mark of item ``n`` in ``style``, with the case's punctuation and blank."""
        mark = MARKS[style](n)
        if style == "1." and self.punctuation in ("1﹒", "1．", "1 ."):
            mark = f"{n}{self.punctuation[1:]}"
        if style == "（1）" and self.punctuation == "(1)":
            mark = f"({n})"
        if self.blank and style not in ("一是", "第一，"):
            mark += " "
        return mark

    def next_top_mark(self) -> str:
        """The mark of the top-level item after the last one (a heading the copy cut after)."""
        return self.mark(self.styles()[0], self._numbers(0, 3 if self.depth == 1 else 2)[-1] + 1)

    def items(self) -> list[tuple[tuple[str, ...], str, str, bool]]:
        """Every item in document order: (path, mark as written, its words, is it a leaf)."""
        out: list[tuple[tuple[str, ...], str, str, bool]] = []
        counters = {"heading": 0, "leaf": 0}

        def walk(level: int, parent: tuple[str, ...]) -> None:
            styles = self.styles()
            leaf = level == len(styles) - 1
            count = 3 if leaf else 2
            for n in self._numbers(level, count):
                style = styles[level]
                mark = self.mark(style, n)
                token = token_of(mark)
                kind = "leaf" if leaf else "heading"
                words = (LEAVES if leaf else HEADINGS)[counters[kind] % len(LEAVES if leaf else HEADINGS)]
                counters[kind] += 1
                out.append(((*parent, token), mark, words, leaf))
                if not leaf:
                    walk(level + 1, (*parent, token))
        walk(0, ())
        return out

    # -- the document -------------------------------------------------------------------------------------------
    def body(self) -> list[str]:
        """The lines of the plan's items as the layout and the fault write them."""
        items = self.items()
        figure_at = len(items) // 2  # the item whose second line opens with a figure
        doubled_at = next(k for k, item in enumerate(items) if item[3]) + 1  # the second item of the first deepest list
        frame = {"page number": "- 3 -", "running header": TITLE, "page mark": PAGE_MARK}.get(self.fault)
        lines: list[str] = []
        for i, (path, mark, words, leaf) in enumerate(items):
            written_mark = mark
            if self.fault == "doubled" and i == doubled_at:
                written_mark = mark.rstrip() + mark  # the copy's stutter: (二)(二)
            inside = frame and i == figure_at and leaf and self.layout != "run together"
            if frame and i == figure_at and not inside:
                lines.append(frame)  # a page break between two items
            if leaf and self.layout == "run together":
                run = f"{written_mark}{words}，{WRAP}"
                siblings_left = i + 1 < len(items) and items[i + 1][3] and len(items[i + 1][0]) == len(path)
                lines[-1] += run + ("；" if siblings_left else "。")
            elif leaf:
                second = FIGURE_LINES.get(self.fault) if i == figure_at else None
                if second or self.layout == "wrapped" or inside:
                    # over two lines: the second opens with a figure, or is the wrap, or comes after a page break
                    lines += [f"{written_mark}{words}，", *([frame] if inside else []), f"{second or WRAP}。"]
                else:
                    lines.append(f"{written_mark}{words}，{WRAP}。")
            else:
                is_parent_of_run = self.layout == "run together" and len(path) == self.depth - 1
                lines.append(f"{written_mark}{words}" + ("。" if is_parent_of_run else ""))
        if self.fault == "cut in a sentence":
            lines.append(f"{self.mark(self.styles()[-1], self._numbers(self.depth - 1, 3)[-1] + 1)}{CUT}")
        if self.fault == "cut after a heading":
            lines.append(f"{self.next_top_mark()}{HEADINGS[-1]}")
        return lines

    def document(self) -> str:
        """The whole copy: the surrounding lines, the items, then the layout applied to every line."""
        before: list[str] = []
        after: list[str] = []
        if self.fault == "mid-list":
            before = ["关于加快园区建设的有关工作落实到位。"]  # the end of the item before the page
        elif self.surrounding == "title":
            before = [TITLE]
        elif self.surrounding == "文号":
            before = ["某政办发〔2026〕12号", TITLE]
        elif self.surrounding == "cover notice":
            before = ["某县人民政府办公室关于印发某县2026年产业园区提质增效工作方案的通知", "各乡镇人民政府，县政府各部门：",
                      "现将《某县2026年产业园区提质增效工作方案》印发给你们，请结合实际认真贯彻落实。有关要求如下：",
                      "一、提高思想认识。各单位要把园区提质增效摆在突出位置。", "二、加强督促检查。县政府督查室定期通报进展。",
                      "某县人民政府办公室", "2026年3月2日", TITLE]
        elif self.surrounding == "attachment list":
            before = [TITLE]
            after = ["附件：1.园区重点项目清单", "2.园区提质增效责任分工表"]
        elif self.surrounding == "signature":
            before = [TITLE]
            after = ["某县人民政府办公室", "2026年3月2日"]
        elif self.surrounding == "speech":
            before = ["在全县园区提质增效工作会议上的讲话", "同志们：", "今天召开会议，主要任务是部署今年园区工作。下面，我讲几点意见。"]
        if self.fault in ("cut in a sentence", "cut after a heading"):
            after = []  # the copy ends where it was cut
        if self.layout == "glued":
            return " ".join([*before, "".join(self.body()), *after])
        lines = [*before, *self.body(), *after]
        if self.layout == "one line":
            return " ".join(lines)
        if self.layout == "blank lines":
            return "\n\n".join(lines)
        return "\n".join(lines)

    def expected(self) -> list[tuple[tuple[str, ...], str]]:
        """Every measure's (path, its own words) the copy must read."""
        out = [(path, words) for path, _, words, _ in self.items()]
        if self.fault == "cut after a heading":
            out.append(((token_of(self.next_top_mark()),), HEADINGS[-1]))
        return out


def token_of(mark: str) -> str:
    """A path token from a mark as written (GOLD-README "Paths": no whitespace, one trailing 、 . ． ， ﹒ dropped)."""
    token = "".join(mark.split())
    return token[:-1] if token[-1:] in "、.．，﹒" else token


def read(case: Case) -> list[tuple[tuple[str, ...], str]]:
    """What the parser reads: each measure's (path, text)."""
    return [(tuple(m.path), m.text) for m in parse_plan_text(case.document()).measures]


ALL_WORDS = (*HEADINGS, *LEAVES, CUT)


def differs(case: Case) -> bool:
    """Does the parser read ``case`` otherwise than it was built? Paths must be equal, each measure's text must hold its
    own item's words and no other item's."""
    got, want = read(case), case.expected()
    if [path for path, _ in got] != [path for path, _ in want]:
        return True
    for (_, text), (_, words) in zip(got, want):
        if words not in text or any(other in text for other in ALL_WORDS if other != words and other not in words):
            return True
    return False


AXES = {"order": ORDERS, "depth": DEPTHS, "punctuation": PUNCTUATION, "blank": BLANKS, "layout": LAYOUTS,
        "fault": FAULTS, "surrounding": SURROUNDINGS}


def make_case(rng: random.Random) -> Case:
    """A valid case drawn one axis at a time by ``rng``."""
    while True:
        case = Case(**{axis: rng.choice(values) for axis, values in AXES.items()})
        if case.valid():
            return case


#: the layouts that put the whole copy on one line
ONE_LINE = ("one line", "glued")
#: the kinds of case the parser does not read as built yet: name -> (why, which cases). The fixed cross-product's
#: failures are asserted exactly, kind by kind (KNOWN_FIXED_FAILURES); Hypothesis draws the cases outside these kinds.
KNOWN_LIMITS = {
    "one line, a part, an article or 第一，": (
        "a copy on one line (blanks between its items or, \"glued\", none) whose top level is 第一部分, 第X条 or 第一，: "
        "these marks open no glued item after a blank or a heading's title "
        "(parser._glue_candidates takes the structure styles 一、 （一） 1. （1） ① only; a regulation's articles open "
        "after a clause's end, _split_rule_lines), so the second part runs on in the first",
        lambda c: c.layout in ONE_LINE and c.order[0] in ("第一部分", "第X条", "第一，")),
    "one line, a cover notice": (
        "a copy on one line holding a cover notice with its own 一、二、 before the plan: the plan's 一、 after the "
        "notice's 二、 is no next number, so the plan's first items run on in the notice's last",
        lambda c: c.layout in ONE_LINE and c.surrounding == "cover notice"),
    "one line, a copy fault": (
        "a copy on one line with a fault of its numbering or its pages (a number doubled or skipped, a list begun "
        "mid-way, a page's frame or a figure between the items, the last item cut): a glued item is read only as the "
        "next number of its list after a sentence's end (GOLD-README runon34), which each fault breaks; a printed page's "
        "mark \"第3页共8页\" is no longer among them: it stands for the page's break, glued or not (branch glued55)",
        lambda c: c.layout in ONE_LINE and c.fault not in (None, "cut after a heading", "page mark")),
    "one line, a 文号 before the title": (
        "a copy on one line opening with its 文号 and title (\"某政办发〔2026〕12号 某县…方案 一、…\"): in some orders the "
        "second top-level heading is not parted from the first's last item and runs on in it; found by the lead drawing "
        "6,000 cases at stop 40's close (9 of 33 such cases failed, none of the fixed cases; all other drawn cases outside "
        "the limits read right), left for the next stop",
        lambda c: c.layout in ONE_LINE and c.surrounding == "文号"),
}
#: failing cases of the fixed cross-product by known limit (a case that starts passing changes the count: update it)
KNOWN_FIXED_FAILURES = {"one line, a part, an article or 第一，": 16, "one line, a cover notice": 0,
                        "one line, a copy fault": 0, "one line, a 文号 before the title": 0}


def limit_of(case: Case) -> str | None:
    """The known limit ``case`` falls under, or None."""
    return next((name for name, (_, applies) in KNOWN_LIMITS.items() if applies(case)), None)


def _fixed() -> list[Case]:
    """The fixed cross-product: every order at every depth × every layout; every order × every fault; every order × every
    surrounding; every punctuation × blank × layout on the usual order (each at its plainest choice elsewhere)."""
    plain = dict(punctuation="as is", blank=False, layout="lines", fault=None, surrounding="title")
    cases = [Case(order=o, depth=d, **{**plain, "layout": lay}) for o, d, lay in itertools.product(ORDERS, DEPTHS, LAYOUTS)
             if d <= len(o)]
    cases += [Case(order=o, depth=min(3, len(o)), **{**plain, "fault": f}) for o, f in itertools.product(ORDERS, FAULTS)]
    cases += [Case(order=o, depth=min(3, len(o)), **{**plain, "surrounding": s})
              for o, s in itertools.product(ORDERS, SURROUNDINGS)]
    cases += [Case(order=ORDERS[0], depth=4, **{**plain, "punctuation": p, "blank": b, "layout": lay})
              for p, b, lay in itertools.product(PUNCTUATION, BLANKS, LAYOUTS)]
    return list(dict.fromkeys(c for c in cases if c.valid()))


FIXED = _fixed()


def test_every_order_depth_layout_fault_and_surrounding_reads_as_built():
    """An office writes the same outline in each order of marks, layout, copy fault and frame; each reads as it was
    built, but the known limits, whose failures are counted exactly kind by kind."""
    failing: dict[str | None, list[Case]] = {}
    for case in FIXED:
        if differs(case):
            failing.setdefault(limit_of(case), []).append(case)
    assert not failing.get(None), f"{len(failing[None])} of {len(FIXED)} fail outside the known limits: {failing[None][:3]}"
    assert {name: len(failing.get(name, [])) for name in KNOWN_LIMITS} == KNOWN_FIXED_FAILURES


@st.composite
def cases(draw) -> Case:
    """A case drawn one axis at a time (Hypothesis shrinks a failure to its plainest choices)."""
    return Case(**{axis: draw(st.sampled_from(values)) for axis, values in AXES.items()})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(cases().filter(lambda case: case.valid() and limit_of(case) is None))
def test_any_combination_of_the_known_parts_reads_as_built(case):
    """Any combination of marks, punctuation, layout, fault and frame outside the known limits reads as it was built."""
    assert not differs(case), case.document()


# ---- the rules the matrix found missing, one story each (invented wording) -------------------------------------

def _paths(text: str) -> list[tuple[str, ...]]:
    """Every measure's path of the plan ``text``."""
    return [tuple(m.path) for m in parse_plan_text(text).measures]


def test_a_last_item_cut_inside_its_first_sentence_after_items_written_as_sentences_is_cut_off():
    """A town's stored copy of its river-cleaning plan ends inside the first sentence of item （4）, whose three items before
    it are sentences closed by 。: the cut item is cut off the file (no measure), whatever the style of its number; a last
    line with no clause in it ("（4）加强汛期巡查") may be a complete heading and stays."""
    head = ["某镇2026年河道保洁工作方案", "一、落实保洁责任", "（1）划定河段保洁范围，逐段明确保洁人员。",
            "（2）配齐打捞船只和工具，做到随脏随捞。", "（3）建立保洁日志，每日记录巡河情况。"]
    for last in ("（4）推行河道保洁市场化，对连续三年考核优秀的", "4.推行河道保洁市场化，对连续三年考核优秀的",
                 "④推行河道保洁市场化，对连续三年考核优秀的", "（四）推行河道保洁市场化，对连续三年考核优秀的"):
        number = last[:last.index("推")]
        lines = [line.replace("（1）", {"4.": "1.", "④": "①", "（四）": "（一）"}.get(number, "（1）"))
                 .replace("（2）", {"4.": "2.", "④": "②", "（四）": "（二）"}.get(number, "（2）"))
                 .replace("（3）", {"4.": "3.", "④": "③", "（四）": "（三）"}.get(number, "（3）")) for line in head]
        paths = _paths("\n".join([*lines, last]))
        assert len(paths) == 4 and paths[-1][0] == "一", (last, paths)
    assert _paths("\n".join([*head, "（4）加强汛期巡查"]))[-1] == ("一", "（4）")


def test_a_blank_typed_after_each_mark_of_a_copy_on_one_line_still_opens_the_items():
    """A site's copy of a street's lighting plan lost its line breaks and types a blank after every mark
    ("一、 补齐照明短板 （一） 更换路灯…。 （二） …"): the marks open the items as they do without the blank."""
    text = ("某街道2026年背街小巷照明提升方案 一、 补齐照明短板 （一） 更换老旧路灯八十盏。 （二） 增设庭院灯三十盏。 "
            "（三） 修复损坏灯杆十二根。 二、 完善管护机制 （一） 建立报修台账。 （二） 落实巡查人员。 （三） 公开报修电话。")
    assert _paths(text) == [("一",), ("一", "（一）"), ("一", "（二）"), ("一", "（三）"),
                            ("二",), ("二", "（一）"), ("二", "（二）"), ("二", "（三）")]
    # a figure after the blank stays a figure: "1. 5亿元" is no item's words
    assert ("一", "1") not in _paths("某街道方案 一、 补齐照明短板。 投入资金合计 1. 5亿元，分年度安排。")


def test_a_list_of_attachments_glued_after_the_last_item_of_a_copy_on_one_line_is_no_item():
    """The same copy ends with its attachments on the same line ("…公开报修电话。 附件：1.路灯点位表 2.…"): the files it
    lists are no items of the last one."""
    text = ("某街道2026年背街小巷照明提升方案 一、补齐照明短板 （一）更换老旧路灯八十盏。 （二）增设庭院灯三十盏。 "
            "（三）修复损坏灯杆十二根。 附件：1.路灯点位表 2.维修责任人名单")
    read = {tuple(m.path): m.text for m in parse_plan_text(text).measures}
    assert list(read) == [("一",), ("一", "（一）"), ("一", "（二）"), ("一", "（三）")]
    assert read[("一", "（三）")] == "修复损坏灯杆十二根。"


def failures_by_axis(count: int = 1000, seed: int = 53) -> dict[str, dict[str, tuple[int, int]]]:
    """Drawn cases' (failing, total) by each axis's value: the matrix's figure for a report (not a test)."""
    return matrix.failures_by_axis(make_case, differs, limit_of, AXES, count, seed,
                                   shown=lambda axis, value: "/".join(value) if axis == "order" else value)


def fixed_failures_by_axis() -> dict[str, dict[str, tuple[int, int]]]:
    """The fixed cross-product's (failing, total) by each axis's value."""
    tally: dict[str, dict[str, list[int]]] = {}
    for case in FIXED:
        failed = differs(case)
        for axis in [*AXES, "all"]:
            value = getattr(case, axis, "all")
            value = "/".join(value) if axis == "order" else value
            cell = tally.setdefault(axis, {}).setdefault(str(value), [0, 0])
            cell[0] += failed
            cell[1] += 1
    return {a: {v: (f, n) for v, (f, n) in values.items()} for a, values in tally.items()}


if __name__ == "__main__":
    import sys
    print("fixed cross-product")
    for axis, values in fixed_failures_by_axis().items():
        print(" ", axis, "  ".join(f"{v}={f}/{n}" for v, (f, n) in sorted(values.items())))
    print("drawn")
    for axis, values in failures_by_axis(int(sys.argv[1]) if len(sys.argv) > 1 else 1000).items():
        print(" ", axis, "  ".join(f"{v}={f}/{n}" for v, (f, n) in sorted(values.items())))
