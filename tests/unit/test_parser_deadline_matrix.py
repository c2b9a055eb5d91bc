"""Where and how a prose plan writes an item's deadline, generated as a matrix (issue 13, branch deadlinematrix52).

A plan's item says by when it is due in a handful of known places: inside the item's annotation bracket beside its
units; in a bracket of its own after the item's words; on a caption line under the item (`完成时限：`, `时间节点：`,
`时间：`); in a clause closing the sentence (`…，2026年6月底前完成。`); at the item's opening (`年底前，建成…`); as a
stage of a 时间安排 section, its time in brackets (`（一）动员部署阶段（2026年3月—4月）`); or in the body of a heading
(`一、主要目标` / `到2026年，…`). Each place takes the written forms GOLD-README lists (full dates, `9月底前`, `年底前`,
`年内`, quarters, halves, spans, `即日起至…`, `长期坚持`, `每季度`, `持续推进`, `以前`/`之前`, full-width digits and
dashes, a blank typed inside). The plan is dated by a signature, by its 文号's year only, or not at all; it may hold a
distractor (a title naming the plan's period, a year naming an edition, `每年`, a goal's target year, a date in the
preamble, a second deadline later in the item); and the item is numbered 一、/（一）/1./（1）/一是. Each case is built from
one choice per axis; its deadline as written and its due date follow from GOLD-README "Deadlines" (the rule each axis
follows is cited beside it; where the README was silent the choice is written under "deadlinematrix52" there).
Names and sentences are invented.

Run as a script it prints the drawn cases' failures by axis value (the figure docs/benchmarks.md reports):
``.venv/bin/python -m tests.unit.test_parser_deadline_matrix 1000``.
"""
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text

YEAR = 2026  # the year of issue, whether from the signature or from the 文号


@dataclass(frozen=True)
class Form:
    """A written deadline: ``value`` as written (GOLD-README: the shortest time expression, verbs and 于/在/到 dropped),
    the words that follow it closing a clause (``verb``), and the month and day it is due ((0, 0) when it names no
    calendar day), with ``dated`` when its year is written (else the year of issue gives it, when known)."""
    value: str
    verb: str
    due: tuple[int, int]
    dated: bool
    standing: bool = False  # a standing or recurring form: a clause or caption value, never an opening or a stage
    year: int = YEAR  # the year a dated form writes
    prefix: str = ""  # a preposition written before it and dropped from the value (到)

    @property
    def written(self) -> str:
        return self.prefix + self.value


#: GOLD-README "Deadlines": due_date is the last day the deadline allows (月底: the month's last day; 年底, 年内: 12-31);
#: year-less forms take the year of issue (signature or 文号, wave 5); standing and recurring forms have none (round 3).
FORMS: dict[str, Form] = {
    "full date": Form("2026年6月30日前", "完成", (6, 30), True),
    "月底前": Form("9月底前", "完成", (9, 30), False),
    "年底前": Form("年底前", "完成", (12, 31), False),
    "年内": Form("年内", "完成", (12, 31), False),  # 130: 今年内 due the year's last day
    "quarter": Form("第三季度", "完成", (9, 30), False),  # wave 4: a part of the year opening a clause
    "half": Form("上半年", "完成", (6, 30), False),  # round 2: 2023年上半年 → 2023年上半年
    "quarter 前": Form("2026年第三季度前", "完成", (0, 0), True),  # stop 29's rule: 前 of a quarter, no due date
    "span of months": Form("2026年7月至12月", "完成", (12, 31), True),  # wave 4: a span is due on its last day
    "span of days": Form("7月15日-22日", "完成", (7, 22), False),  # wave 4: a year-less end takes the year before it
    "即日起至": Form("即日起至2026年9月30日", "", (9, 30), True),  # round 2: without 自/从
    "长期坚持": Form("长期坚持", "", (0, 0), False, True),
    "每季度": Form("每季度", "", (0, 0), False, True),  # round 3: a recurring period alone, as a clause or caption value
    "持续推进": Form("持续推进", "", (0, 0), False, True),
    "以前": Form("2026年10月31日以前", "完成", (10, 31), True),  # round 2: 12月31日以前 keeps 以前
    "之前": Form("10月底之前", "完成", (10, 31), False),
    "full-width digits": Form("２０２６年６月底前", "完成", (6, 30), True),  # kept as written (as 952's ２０００年)
    "full-width dash": Form("2026年7月—9月", "完成", (9, 30), True),
    "blank inside": Form("2026年 6月底前", "完成", (6, 30), True),  # wave 5: a blank typed inside is kept
    "到 year end": Form("2027年底", "", (12, 31), True, year=2027, prefix="到"),  # `2023年底` from 到2023年底
}
#: where the deadline stands (see the module's docstring)
WHERES = ("annotation", "own bracket", "caption 完成时限", "caption 时间节点", "caption 时间", "closing clause", "opening",
          "stage", "heading body")
ISSUES = ("signature", "文号", "none")
DISTRACTORS = ("none", "period title", "edition", "每年", "goal year", "preamble date", "two deadlines")
NUMBERINGS = ("一、", "（一）", "1.", "（1）", "一是")

WORDS = "建成企业开办一网通办平台，实现营业执照、印章刻制、涉税事项一次办结"
PLAIN = "完善惠企政策直达机制，推行免申即享"
LEAD = "市市场监管局"


def _numbers(numbering: str) -> tuple[str, str, str]:
    """(first item's number as written, second's, the first's path token) in the numbering."""
    return {"一、": ("一、", "二、", "一"), "（一）": ("（一）", "（二）", "（一）"), "1.": ("1.", "2.", "1"),
            "（1）": ("（1）", "（2）", "（1）"), "一是": ("一是", "二是", "一是")}[numbering]


@dataclass(frozen=True)
class Case:
    """One way of writing an item's deadline: a choice per axis."""
    where: str = "closing clause"
    form: str = "full date"
    issue: str = "signature"
    distractor: str = "none"
    numbering: str = "1."

    def valid(self) -> bool:
        """Whether an office writes the combination (a standing form opens no item and dates no stage; a clause that
        names the period alone, `…，每季度。`, is none: round 3 reads a period in a sentence as no deadline)."""
        form = FORMS[self.form]
        if form.standing and self.where in ("opening", "stage", "heading body"):
            return False
        if self.form == "每季度" and self.where == "closing clause":
            return False
        if self.form == "即日起至" and self.where in ("closing clause", "opening", "heading body"):
            return False  # in prose an event's span is a campaign's deadline or a policy's term by its words (round 2)
        if self.distractor == "two deadlines" and self.where not in ("closing clause", "opening"):
            return False
        if self.where == "heading body" and self.numbering == "一是":
            return False  # 一是 opens a clause of a paragraph, never a heading line
        return True

    # ---- the plan -------------------------------------------------------------------------------------------------

    def _item(self) -> list[str]:
        """The first item's lines, its number as written excluded."""
        form = FORMS[self.form]
        words = WORDS
        if self.distractor == "edition":
            words = "对照《2025年版市场准入负面清单》，" + words
        if self.distractor == "每年":
            words += "，每年开展一次评估"
        goal = "工作目标：到2028年覆盖全市。" if self.distractor == "goal year" else ""
        second = "；12月底前全面推开" if self.distractor == "two deadlines" else ""
        clause = form.written + form.verb
        # in a bracket a point closed by 前 takes its verb (`（牵头单位：A；2023年底前完成）`), any other form stands bare
        # (`（A牵头，2024—2025年）`, `（A，长期坚持）`: round 3)
        bracketed = clause if form.value.endswith("前") else form.written
        where = self.where
        if where == "annotation":
            return [f"{words}。{goal}（牵头单位：{LEAD}；{bracketed}）"]
        if where == "own bracket":
            return [f"{words}。{goal}（{bracketed}）"]
        if where.startswith("caption "):
            return [f"{words}。{goal}", f"{where.split()[1]}：{form.written}"]
        if where == "closing clause":
            return [f"{words}，{clause}{second}。{goal}"]
        if where == "opening":
            return [f"{form.written}，{words}{second}。{goal}"]
        raise ValueError(where)

    def lines(self) -> list[str]:
        """The plan's lines."""
        first, second, _ = _numbers(self.numbering)
        title = ("某市2026—2028年优化营商环境提升行动方案" if self.distractor == "period title"
                 else "某市优化营商环境提升行动方案")
        lines = [title]
        if self.issue == "文号":
            lines.append("某政办发〔2026〕5号")
        lines.append("2025年12月，市委全会对优化营商环境作出部署。为抓好落实，制定本方案。"
                     if self.distractor == "preamble date" else "为持续优化营商环境，制定本方案。")
        top = self.numbering == "一、"
        if self.where == "stage":
            value = FORMS[self.form].value
            if not top:
                lines += ["一、重点任务", "推进企业开办便利化改革。", "二、时间安排"]
            lines += [f"{first}动员部署阶段（{value}）。{WORDS}。",
                      f"{second}总结提升阶段（2027年3月底前）。{PLAIN}。"]
        elif self.where == "heading body":
            if not top:
                lines.append("一、总体要求")
            lines += [f"{first}主要目标", f"{FORMS[self.form].written}，{WORDS}。", f"{second}{PLAIN}。"]
        else:
            if not top:
                lines.append("一、重点任务")
            item = self._item()
            lines += [first + item[0], *item[1:], f"{second}{PLAIN}。"]
        if self.issue == "signature":
            lines += ["某市人民政府办公室", "2026年2月10日"]
        return lines

    def plan(self) -> str:
        return "\n".join(self.lines())

    def path(self) -> list[str]:
        """The first item's path: under 一、 unless the item is numbered 一、 itself; a stage under 二、时间安排."""
        token = _numbers(self.numbering)[2]
        if self.numbering == "一、":
            return [token]
        return ["二" if self.where == "stage" else "一", token]

    def expected(self) -> tuple[str | None, str | None]:
        """(deadline as written, due date) of the first item."""
        form = FORMS[self.form]
        value = form.value
        if self.form in ("quarter", "half") and self.where in ("opening", "heading body"):
            # `上半年，…` without its year after a comma stays none (GOLD-README deadlines30): the item's later deadline is
            # its first
            if self.distractor == "two deadlines":
                return "12月底前", f"{YEAR}-12-31" if self.issue != "none" else None
            return None, None
        if form.due == (0, 0):
            return value, None
        year = form.year if form.dated else YEAR if self.issue != "none" else None
        if year is None:
            return value, None
        return value, f"{year}-{form.due[0]:02d}-{form.due[1]:02d}"


def read(case: Case) -> tuple[str | None, str | None]:
    """What the parser reads for the case's first item (deadline as written, due date as ISO), or a note when the
    item is not found at its path."""
    for measure in parse_plan_text(case.plan()).measures:
        if measure.path == case.path():
            return measure.deadline, measure.due_date.isoformat() if measure.due_date else None
    return ("no item", None)


AXES = {"where": WHERES, "form": tuple(FORMS), "issue": ISSUES, "distractor": DISTRACTORS, "numbering": NUMBERINGS}


def make_case(rng: random.Random) -> Case:
    """A valid case drawn one axis at a time."""
    while True:
        case = Case(**{axis: rng.choice(values) for axis, values in AXES.items()})
        if case.valid():
            return case


#: the kinds the parser does not read yet: name -> (reason, which cases); a failure outside them fails the tests
KNOWN_LIMITS: dict[str, tuple[str, object]] = {
    "an event's span in a bracket": (
        "`即日起至2026年9月30日` as a bracket's clause (beside units, alone after the item, a stage's time) is no deadline "
        "clause: prose reads it only opening a campaign's clause",
        lambda c: c.form == "即日起至" and c.where in ("annotation", "own bracket", "stage")),
    "到 a year's end as a clause": (
        "`到2027年底` beside units or after a bare `时间：` caption: 到 is read before a date in prose and after 完成时限, "
        "not as a clause of its own",
        lambda c: c.form == "到 year end" and c.where in ("annotation", "caption 时间")),
    "a span ending in a day alone in prose": (
        "`7月15日-22日完成` closing a sentence or opening a heading's body: the prose forms want a date on both sides",
        lambda c: c.form == "span of days" and c.where in ("closing clause", "heading body")),
    "a span opening a heading's body": (
        "`2026年7月至12月，…` as the paragraph under a heading line: the body gives a target year or a time by (前), "
        "never a span",
        lambda c: c.where == "heading body" and c.form in ("span of months", "full-width dash")),
}
#: failing cases of the fixed cross-product by known limit (a case that starts passing changes the count: update it)
KNOWN_FIXED_FAILURES: dict[str, int] = {"an event's span in a bracket": 3, "到 a year's end as a clause": 2,
                                        "a span ending in a day alone in prose": 2, "a span opening a heading's body": 2}


def limit_of(case: Case) -> str | None:
    """The known limit ``case`` falls under, or None."""
    return next((name for name, (_, applies) in KNOWN_LIMITS.items() if applies(case)), None)


def _fixed() -> list[Case]:
    """The fixed cross-product: every place × every form (dated by a signature, plainly numbered), every place × issue
    × numbering, and every place × distractor."""
    cases = [Case(where=w, form=f) for w, f in itertools.product(WHERES, FORMS)]
    cases += [Case(where=w, issue=i, numbering=n, form="月底前") for w, i, n in itertools.product(WHERES, ISSUES, NUMBERINGS)]
    cases += [Case(where=w, distractor=d) for w, d in itertools.product(WHERES, DISTRACTORS)]
    seen: set[Case] = set()
    return [c for c in cases if c.valid() and not (c in seen or seen.add(c))]


FIXED = _fixed()


def test_every_place_form_issue_distractor_and_numbering_reads_as_built():
    """An office writes the same item's deadline in each place, each form, dated or not, with each distractor and each
    numbering; each reads as it was built, but the known limits, whose failures are counted exactly kind by kind."""
    failing: dict[str | None, list[Case]] = {}
    for case in FIXED:
        if read(case) != case.expected():
            failing.setdefault(limit_of(case), []).append(case)
    outside = failing.get(None, [])
    assert not outside, f"{len(outside)} of {len(FIXED)} fail outside the known limits: " + "; ".join(
        f"{c} read {read(c)}" for c in outside[:3])
    assert {name: len(failing.get(name, [])) for name in KNOWN_LIMITS} == KNOWN_FIXED_FAILURES


@st.composite
def cases(draw) -> Case:
    """A case drawn one axis at a time (Hypothesis shrinks a failure to its plainest choices)."""
    return Case(**{axis: draw(st.sampled_from(values)) for axis, values in AXES.items()})


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(cases().filter(lambda case: case.valid() and limit_of(case) is None))
def test_any_combination_of_place_form_issue_distractor_and_numbering_reads_as_built(case):
    """Any combination outside the known limits reads as it was built."""
    assert read(case) == case.expected(), case


def failures_by_axis(count: int = 1000, seed: int = 52) -> dict[str, dict[str, tuple[int, int]]]:
    """Drawn cases' (failing, total) by each axis's value: the matrix's figure for a report (not a test)."""
    rng = random.Random(seed)
    tally: dict[str, dict[str, list[int]]] = {}
    for _ in range(count):
        case = make_case(rng)
        try:
            failed = read(case) != case.expected()
        except Exception:  # noqa: BLE001 - a raise is a failure of the case, counted like any other
            failed = True
        for axis in [*AXES, "limit", "all"]:
            value = (limit_of(case) or "outside") if axis == "limit" else getattr(case, axis, "all")
            cell = tally.setdefault(axis, {}).setdefault(str(value), [0, 0])
            cell[0] += failed
            cell[1] += 1
    return {a: {v: (f, n) for v, (f, n) in values.items()} for a, values in tally.items()}


if __name__ == "__main__":
    import sys
    if len(sys.argv) > 2 and sys.argv[2] == "fixed":
        for c in FIXED:
            got = read(c)
            if got != c.expected():
                print(c, "read", got, "expected", c.expected())
    for axis, values in failures_by_axis(int(sys.argv[1]) if len(sys.argv) > 1 else 1000).items():
        print(axis, "  ".join(f"{v}={f}/{n}" for v, (f, n) in sorted(values.items())))
