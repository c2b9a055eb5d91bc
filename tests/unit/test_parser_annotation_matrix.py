"""The ways an office writes an item's units and deadline, generated as a matrix (issue 13, branch matrix46).

An item of a plan ("1.推行企业开办一日办结。") is followed by who does it and by when. Offices combine a small set of known
parts in every order: a bracket (（）, (), 〔〕) or none (a line of its own under the item, or after the item's full stop), or
one clause a line under the item, each line bare or in a bracket of its own (branch clauses47), the item's text on one
line or two;
full- or half-width punctuation; the captions of the vocabulary's own table (牵头单位 / 责任单位 / 配合单位 / 协办单位 …)
or no caption at all (`A牵头，B、C配合`, `由A牵头，B配合`, `A、B负责`); a person's clause (牵头领导：王某, 联系人：…), a
deadline clause (完成时限：…, …前完成, 长期坚持, 持续推进, 每季度) and a remark (按职责分工负责, 分步实施, 按月调度)
anywhere among the clauses; lists of one to four units separated by 、, a comma or a space. Each case below is built
from one choice per dimension, and the lead units, supporting units and deadline it must read follow from how it was
built. The names and sentences are invented; the captions come from tracker/vocabulary/captions.py.

Branch captions60 adds where a caption's line breaks when it stands on a line of its own (after its colon, after a separator,
before one, inside a unit's name, a page's number between the name's halves) and a caption written without its colon (a
blank in its place): the list is still the caption's (GOLD-README "captions60").
"""
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.parsing import parse_plan_text
from tracker.vocabulary.units import is_vague_collective
from tracker.vocabulary.captions import (ANNOTATION_CAPTIONS, CAPTION_SYNONYMS, LEAD, LEAD_UNITS, PERSON, RESPONSIBLE,
                                         SUPPORTING, SUPPORTING_UNITS)

BRACKETS = ("（）", "()", "〔〕", "own line", "after stop", "lines")
#: how each line of the "lines" form is written: bare ("牵头单位：A") or in a bracket of its own ("（牵头单位：A）")
LINE_BRACKETS = (None, "（）", "()")
WIDTHS = ("full", "half")
#: "为 role": the role written as a caption after each list's last unit, for the whole list ("A、B为牵头单位，C为配合单位";
#: kinds49)
FORMS = ("captions", "lead and supporting words", "由 lead", "负责", "为 role")
LEAD_CAPTIONS = tuple(c for c in CAPTION_SYNONYMS[LEAD_UNITS] if ANNOTATION_CAPTIONS.get(c) in (LEAD, RESPONSIBLE))
SUPPORTING_CAPTIONS = tuple(c for c in CAPTION_SYNONYMS[SUPPORTING_UNITS] if ANNOTATION_CAPTIONS.get(c) == SUPPORTING)
PERSON_CAPTIONS = CAPTION_SYNONYMS[PERSON]
PERSON_VALUES = ("王某", "副市长李某", "市政府副秘书长", "张某某")
#: deadline clause as written -> the deadline the item must carry
DEADLINES = {"完成时限{colon}2026年6月底前": "2026年6月底前", "2026年6月底前完成": "2026年6月底前",
             "长期坚持": "长期坚持", "持续推进": "持续推进", "每季度": "每季度"}
REMARKS = ("按职责分工负责", "分步实施", "按月调度")
UNIT_NAMES = ("市发展改革委", "县财政局", "区教育体育局", "市政务服务中心", "经开区管委会", "市委组织部（市人才办）",
              "市税务局", "县自然资源和规划局", "市大数据中心", "各县（市、区）人民政府", "市公安局（交警支队）",
              "区住建委", "市委督查办",
              # a two-character remark whose first character is a family name's too (kinds49): the unit's line of work
              "县农业农村局（农机）",
              # an observatory's ending (fresh64)
              "县气象台",
              # a group of areas with its 、 outside brackets, in lists spaced with blanks too (fresh64's limit, lifted by fresh67)
              "各县、特区、区人民政府")
UNIT_SEPARATORS = ("、", "comma", " ")
#: a person written after each unit, with no caption (branch kinds48): none, in a bracket ("A（王某）") or after a blank
#: ("A 王某"); the persons are never units
PERSONS_BESIDE = (None, "bracket", "blank")
BESIDE_NAMES = ("王某", "李某某", "欧阳某", "张三")
#: where the lead caption's line breaks, written on a line of its own (branch captions60): not at all, right after its colon,
#: after the first unit's separator, before it (the separator opening the next line), before the last character of the last
#: unit's name ("市发展改革" / "委"), or there with a page's number between the two halves (a PDF's text copied)
CAPTION_BREAKS = (None, "after colon", "after separator", "before separator", "inside name", "page mark")


@dataclass(frozen=True)
class Case:
    """One way of writing an item's annotation: a choice per dimension (the clauses' places are indexes among them)."""
    bracket: str
    width: str
    form: str
    lead_caption: str
    supporting_caption: str | None
    lead: tuple[str, ...]
    supporting: tuple[str, ...]
    unit_separator: str
    clause_separator: str  # "；" or "，" (their half-width twins when width is half)
    person: tuple[str, str] | None
    deadline: str | None
    remark: str | None
    places: tuple[int, int, int]  # where the person, deadline and remark clauses go among the clauses
    supporting_first: bool = False  # the supporting units' caption written before the lead's
    line_bracket: str | None = None  # the "lines" form: each clause's line in this bracket, or bare
    wrapped: bool = False  # the item's own text runs over two lines
    persons_beside: str | None = None  # a person after each unit: "bracket" ("A（王某）") or "blank" ("A 王某") (kinds48)
    caption_break: str | None = None  # where the lead caption's line breaks (CAPTION_BREAKS; captions60)
    colon_lost: bool = False  # the unit captions written with a blank instead of their colon ("牵头单位 A"; captions60)

    def breaks(self) -> bool:
        """Is the case's caption break written? Only a caption on a bare line of its own breaks (the "own line" form, or
        the "lines" form without brackets), with no person beside its units; a break between units needs two units and a
        separator that is no blank (a blank at a line's end is none): two whole names at a break are left apart
        (GOLD-README "captions60", a known limit). A caption whose colon is lost is broken right after it only on a line
        of its own (the "lines" form): after other clauses on its line, the copy's blank at the line's end is gone and the
        caption runs into its first unit's name (a known limit)."""
        if self.caption_break is None or self.form != "captions" or self.persons_beside is not None:
            return False
        if self.caption_break == "after colon" and self.loses_colons() and self.bracket == "own line":
            return False
        if not (self.bracket == "own line" or (self.bracket == "lines" and self.line_bracket is None)):
            return False
        if self.caption_break in ("after separator", "before separator"):
            return len(self.lead) > 1 and self.unit_separator != " "
        return True

    def loses_colons(self) -> bool:
        """Are the unit captions written without their colon? Only captions on bare lines (a bracket's are written)."""
        return (self.colon_lost and self.form == "captions"
                and (self.bracket == "own line" or (self.bracket == "lines" and self.line_bracket is None)))

    def _broken(self, duty: str, colon: str, unit_sep: str) -> str:
        """The lead caption's clause ``duty`` broken over lines where the case breaks it."""
        caption_end = duty.index(colon) + len(colon) if not self.loses_colons() else duty.index(" ") + 1
        units = self._named(self.lead)
        if self.caption_break == "after colon":
            return duty[:caption_end] + "\n" + duty[caption_end:]
        if self.caption_break in ("after separator", "before separator"):
            cut = caption_end + len(units[0]) + (len(unit_sep) if self.caption_break == "after separator" else 0)
            return duty[:cut] + "\n" + duty[cut:]
        cut = caption_end + len(unit_sep.join(units)) - 1  # before the last unit's last character
        return duty[:cut] + ("\n— 2 —\n" if self.caption_break == "page mark" else "\n") + duty[cut:]

    def _named(self, units: tuple[str, ...]) -> list[str]:
        """The units as written, each with its person beside it when the case writes one."""
        if self.persons_beside is None:
            return list(units)
        half = self.width == "half"
        pair = "()" if half else "（）"
        return [f"{unit}{pair[0]}{BESIDE_NAMES[i % 4]}{pair[1]}" if self.persons_beside == "bracket"
                else f"{unit} {BESIDE_NAMES[i % 4]}" for i, unit in enumerate(units)]

    def punctuation(self) -> tuple[str, str, str]:
        """(colon, clause separator, unit separator) in the case's width."""
        half = self.width == "half"
        colon = ":" if half else "："
        clause = {"；": ";", "，": ","}[self.clause_separator] if half else self.clause_separator
        unit = {"comma": "," if half else "，"}.get(self.unit_separator, self.unit_separator)
        return colon, clause, unit

    def annotation(self) -> str:
        """The annotation as the office writes it, bracket included."""
        colon, clause_sep, unit_sep = self.punctuation()
        comma = "," if self.width == "half" else "，"
        if self.form == "captions":
            written = " " if self.loses_colons() else colon
            duty = [f"{self.lead_caption}{written}{unit_sep.join(self._named(self.lead))}"]
            if self.breaks():
                duty[0] = self._broken(duty[0], written, unit_sep)
            if self.supporting:
                duty.append(f"{self.supporting_caption}{written}{unit_sep.join(self._named(self.supporting))}")
                if self.supporting_first:
                    duty.reverse()
        elif self.form == "负责":
            duty = ["、".join(self._named(self.lead)) + "负责"]
        elif self.form == "为 role":
            duty = ["、".join(self._named(self.lead)) + "为牵头单位"]
            if self.supporting:
                duty[0] += comma + "、".join(self._named(self.supporting)) + "为配合单位"
        else:
            opener = "由" if self.form == "由 lead" else ""
            duty = [opener + "、".join(self._named(self.lead)) + "牵头"]
            if self.supporting:
                duty[0] += comma + "、".join(self._named(self.supporting)) + "配合"
        clauses = list(duty)
        extra = []
        if self.person:
            extra.append((self.places[0], f"{self.person[0]}{colon}{self.person[1]}"))
        if self.deadline:
            extra.append((self.places[1], self.deadline.format(colon=colon)))
        if self.remark:
            extra.append((self.places[2], self.remark))
        for place, clause in extra:
            clauses.insert(min(place, len(clauses)), clause)
        if self.bracket == "lines":  # one clause a line under the item (clauses47)
            pair = self.line_bracket or ("", "")
            return "".join(f"\n{pair[0]}{clause}{pair[1]}" for clause in clauses)
        body = clause_sep.join(clauses)
        if self.bracket == "own line":
            return "\n" + body
        if self.bracket == "after stop":
            return body + "。"
        return self.bracket[0] + body + self.bracket[1]

    def plan(self) -> str:
        """A small plan whose first item carries the annotation, followed by an item carrying none."""
        return "\n".join(["某市2026年优化营商环境重点任务", "一、提升政务服务效能",
                          ("1.推行企业开办一日办结，\n压缩审批时间。" if self.wrapped else "1.推行企业开办一日办结，压缩审批时间。")
                          + self.annotation(),
                          "2.建设惠企政策直达平台。"])

    def expected(self) -> tuple[list[str], list[str], str | None]:
        """The (lead, supporting, deadline) the item must carry."""
        deadline = DEADLINES[self.deadline] if self.deadline else None
        return list(self.lead), list(self.supporting), deadline


def read(case: Case) -> tuple[list[str], list[str], str | None]:
    """What the parser reads for the case's first item (lead, supporting, deadline)."""
    for measure in parse_plan_text(case.plan()).measures:
        if measure.path == ["一", "1"]:
            return measure.lead_units, measure.supporting_units, measure.deadline
    return [], [], None


def make_case(rng: random.Random | None = None, **fixed) -> Case:
    """A case with the ``fixed`` choices and the rest drawn by ``rng`` (or the plainest choice without one)."""
    def pick(name, options):
        if name in fixed:
            return fixed[name]
        return rng.choice(options) if rng else options[0]
    names = list(UNIT_NAMES)
    if rng:
        rng.shuffle(names)
    form = pick("form", FORMS)
    lead_count = pick("lead_count", (1, 2, 3, 4))
    supporting_count = 0 if form == "负责" else pick("supporting_count", (0, 1, 2, 3))
    lead = tuple(fixed.get("lead") or names[:lead_count])
    supporting = () if form == "负责" else tuple(fixed.get("supporting") or names[lead_count:lead_count + supporting_count])
    unit_separator = pick("unit_separator", UNIT_SEPARATORS) if form == "captions" else "、"
    return Case(bracket=pick("bracket", BRACKETS), width=pick("width", WIDTHS), form=form,
                lead_caption=pick("lead_caption", LEAD_CAPTIONS),
                supporting_caption=pick("supporting_caption", SUPPORTING_CAPTIONS),
                lead=lead, supporting=supporting,
                unit_separator=unit_separator, clause_separator=pick("clause_separator", ("；", "，")),
                person=pick("person", (None, None, None, *((c, v) for c in PERSON_CAPTIONS for v in PERSON_VALUES)))
                if not rng or "person" in fixed or rng.random() < 0.5 else None,
                deadline=pick("deadline", (None, *DEADLINES)), remark=pick("remark", (None, *REMARKS)),
                places=pick("places", tuple(itertools.product(range(3), repeat=3))),
                supporting_first=pick("supporting_first", (False, True)),
                line_bracket=pick("line_bracket", LINE_BRACKETS), wrapped=pick("wrapped", (False, True)),
                persons_beside=_beside(pick("persons_beside", PERSONS_BESIDE), form, unit_separator),
                caption_break=pick("caption_break", CAPTION_BREAKS), colon_lost=pick("colon_lost", (False, True)))


def _beside(persons_beside: str | None, form: str, unit_separator: str | None) -> str | None:
    """A person after a blank is written only where blanks do not separate the units themselves."""
    return None if persons_beside == "blank" and form == "captions" and unit_separator == " " else persons_beside


# ---- the small fixed cross-product: every bracket × width × form × clause separator, each with its extras -------

FIXED = [make_case(bracket=b, width=w, form=f, clause_separator=s, lead=("市发展改革委", "县财政局"),
                   supporting=("市税务局", "各县（市、区）人民政府"), lead_caption="牵头单位", supporting_caption="配合单位",
                   unit_separator="、", person=p, deadline=d, remark=r, places=places)
         for b, w, f, s in itertools.product(BRACKETS, WIDTHS, FORMS, ("；", "，"))
         for p, d, r, places in ((None, None, None, (0, 0, 0)),
                                 (("牵头领导", "王某"), "完成时限{colon}2026年6月底前", None, (0, 9, 9)),
                                 (("联系人", "张某某"), "长期坚持", "按月调度", (9, 0, 1)))]
# one clause a line under the item (clauses47): each width × form × line bracket × item over one or two lines, each with
# its extras (the clause separator is the line break); the last extras make the plan's open lines look wrapped at a fixed
# width (parser._join_wrapped_lines): a clause line is no wrap of the clause line above it
FIXED += [make_case(bracket="lines", width=w, form=f, line_bracket=lb, wrapped=wr, lead=("市发展改革委", "县财政局"),
                    supporting=("市税务局", "各县（市、区）人民政府"), lead_caption="牵头单位", supporting_caption="配合单位",
                    unit_separator="、", person=p, deadline=d, remark=r, places=places)
          for w, f, lb, wr in itertools.product(WIDTHS, FORMS, LINE_BRACKETS, (False, True))
          for p, d, r, places in ((None, None, None, (0, 0, 0)),
                                  (("牵头领导", "王某"), "完成时限{colon}2026年6月底前", None, (0, 9, 9)),
                                  (("联系人", "张某某"), "长期坚持", "按月调度", (9, 0, 1)),
                                  (("牵头领导", "副市长李某"), "每季度", "分步实施", (9, 9, 0)),
                                  (("牵头领导", "副市长李某"), "持续推进", "按职责分工负责", (9, 1, 2)))]
# a person after each unit, in a bracket or after a blank (kinds48): every bracket × width × form
FIXED += [make_case(bracket=b, width=w, form=f, persons_beside=pb, lead=("市发展改革委", "市委组织部（市人才办）"),
                    supporting=("县农业农村局（农机）", "各县（市、区）人民政府"), lead_caption="牵头单位", supporting_caption="配合单位",
                    unit_separator="、", person=None, deadline="2026年6月底前完成", remark=None, places=(0, 9, 0))
          for b, w, f, pb in itertools.product(BRACKETS, WIDTHS, FORMS, (None, "bracket", "blank"))]


# a caption's line broken over lines and its colon lost (captions60): lead captions of each shape × break place × colon or
# none × unit separator × width, the caption on a line of its own or one clause a line, with a supporting caption after it
# (every one of the vocabulary's lead captions so read when the branch was made: 13,200 cases, no failure)
BREAK_CAPTIONS = ("牵头单位", "责任单位", "主办单位", "牵头部门", "责任科室", "实施主体", "责任街道")
FIXED += [make_case(bracket=b, width=w, form="captions", line_bracket=None, lead_caption=lc, supporting_caption="配合单位",
                    lead=("市发展改革委", "市政务服务中心", "经开区管委会"), supporting=("市税务局",), unit_separator=sep,
                    person=None, deadline=d, remark=None, places=(0, 9, 0), caption_break=brk, colon_lost=lost)
          for b, w, lc, brk, lost, sep, d in itertools.product(("own line", "lines"), WIDTHS, BREAK_CAPTIONS, CAPTION_BREAKS,
                                                               (False, True), UNIT_SEPARATORS, (None, "完成时限{colon}2026年6月底前"))]


def test_every_bracket_width_and_form_reads_the_units_and_deadline_it_was_written_with():
    """An office writes the same item's who-and-when in each bracket, width and form; each reads the same."""
    failures = [(case.annotation(), got, case.expected()) for case in FIXED if (got := read(case)) != case.expected()]
    assert not failures, f"{len(failures)} of {len(FIXED)} fail, e.g. {failures[:3]}"


@st.composite
def cases(draw) -> Case:
    """A case drawn one dimension at a time (Hypothesis shrinks a failure to its plainest choices)."""
    form = draw(st.sampled_from(FORMS))
    names = draw(st.permutations(UNIT_NAMES))
    lead_count = draw(st.integers(1, 4))
    supporting_count = 0 if form == "负责" else draw(st.integers(0, 3))
    person = draw(st.none() | st.tuples(st.sampled_from(PERSON_CAPTIONS), st.sampled_from(PERSON_VALUES)))
    unit_separator = draw(st.sampled_from(UNIT_SEPARATORS)) if form == "captions" else "、"
    return Case(bracket=draw(st.sampled_from(BRACKETS)), width=draw(st.sampled_from(WIDTHS)), form=form,
                lead_caption=draw(st.sampled_from(LEAD_CAPTIONS)),
                supporting_caption=draw(st.sampled_from(SUPPORTING_CAPTIONS)),
                lead=tuple(names[:lead_count]), supporting=tuple(names[lead_count:lead_count + supporting_count]),
                unit_separator=unit_separator, clause_separator=draw(st.sampled_from(("；", "，"))), person=person,
                deadline=draw(st.none() | st.sampled_from(tuple(DEADLINES))),
                remark=draw(st.none() | st.sampled_from(REMARKS)),
                places=draw(st.tuples(*[st.integers(0, 3)] * 3)), supporting_first=draw(st.booleans()),
                line_bracket=draw(st.sampled_from(LINE_BRACKETS)), wrapped=draw(st.booleans()),
                persons_beside=_beside(draw(st.sampled_from(PERSONS_BESIDE)), form, unit_separator),
                caption_break=draw(st.sampled_from(CAPTION_BREAKS)), colon_lost=draw(st.booleans()))


def known_limit(case: Case) -> bool:
    """The combination the parser is known not to read (found by Hypothesis at stop 48, left): one clause a line, the
    supporting units' line first ("配合单位 县财政局、区教育体育局"), then the lead caption with its colon lost and its line
    broken inside the last unit's name ("牵头单位 市发展改革" / "委"). The cut name alone is no plausible unit, so the colon is
    not put back (annotations.restore_lost_colons), the lead line is taken for the wrap of the supporting line above it and
    its units become supporting ones. ``test_a_lead_caption_without_its_colon_broken_inside_its_name_after_the_supporting_line``
    holds the limit."""
    return (case.bracket == "lines" and case.supporting_first and case.supporting and case.colon_lost
            and case.caption_break == "inside name")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases().filter(lambda case: not known_limit(case)))
def test_any_combination_of_the_known_parts_reads_as_built(case):
    """Any combination of captions, persons, deadlines, remarks, unit lists and punctuation reads as it was built, but
    the known limit (``known_limit``)."""
    assert read(case) == case.expected(), case.annotation()


@pytest.mark.xfail(strict=True, reason="known limit (known_limit): a lead caption without its colon broken inside its "
                                       "name, after the supporting units' line, is read as the wrap of that line")
def test_a_lead_caption_without_its_colon_broken_inside_its_name_after_the_supporting_line():
    case = Case(bracket="lines", width="full", form="captions", lead_caption="牵头单位", supporting_caption="配合单位",
                lead=("市发展改革委",), supporting=("县财政局", "区教育体育局"), unit_separator="、", clause_separator="；",
                person=None, deadline=None, remark=None, places=(0, 0, 0), supporting_first=True, line_bracket=None,
                wrapped=False, persons_beside=None, caption_break="inside name", colon_lost=True)
    assert known_limit(case)
    assert read(case) == case.expected(), case.annotation()


# ---- the rules the matrix found missing, one story each (invented wording) -------------------------------------

def _item(annotation: str) -> tuple[list[str], list[str], str | None]:
    """(lead, supporting, deadline) of an item of a small plan written with ``annotation`` after its full stop."""
    text = "\n".join(["某区2026年背街小巷整治工作要点", "一、补齐设施短板", "1.改造老旧路灯三百盏。" + annotation,
                      "2.增设公共座椅。"])
    measure = next(m for m in parse_plan_text(text).measures if m.path == ["一", "1"])
    return measure.lead_units, measure.supporting_units, measure.deadline


def test_a_time_and_a_way_of_working_written_before_the_captions_leave_the_captions_read():
    """The office puts how long and how often first: "（长期坚持；按月调度；牵头单位：…）"."""
    assert _item("（长期坚持；按月调度；牵头单位：区城管局；配合单位：区供电公司）") == (
        ["区城管局"], ["区供电公司"], "长期坚持")
    # a caption the vocabulary does not know before the units still leaves the bracket unread (kinds45)
    assert _item("（巡查专员：赵某；牵头单位：区城管局）") == ([], [], None)


def test_duties_and_times_written_after_a_persons_name_are_the_items():
    """"（分管领导：钱某；区城管局牵头，区供电公司配合）": the person's caption does not swallow the duties after it."""
    assert _item("（分管领导：钱某；区城管局牵头，区供电公司配合）") == (["区城管局"], ["区供电公司"], None)
    assert _item("（区城管局负责，联系人：孙某，持续推进）") == (["区城管局"], [], "持续推进")
    # a person's own details stay theirs: no unit is made of them
    assert _item("（联系人：孙某，区城管局科员；牵头单位：区城管局）") == (["区城管局"], [], None)


def test_duties_written_after_a_deadlines_caption_are_the_items():
    """"（完成时限：2026年9月底前；区城管局牵头，区供电公司配合）": the deadline's caption holds its first clause only."""
    assert _item("（完成时限：2026年9月底前；区城管局牵头，区供电公司配合）") == (
        ["区城管局"], ["区供电公司"], "2026年9月底前")


def test_how_the_units_share_the_work_beside_a_caption_is_no_unit():
    """"（责任单位：区城管局，按职责分工负责）": the remark names nobody."""
    assert _item("〔责任单位：区城管局，按职责分工负责〕") == (["区城管局"], [], None)


def test_an_annotation_without_a_bracket_reads_across_times_ways_and_persons():
    """After the item's full stop or on a line of its own, the same clauses in any order."""
    assert _item("按月调度，牵头单位：区城管局，配合单位：区供电公司。") == (["区城管局"], ["区供电公司"], None)
    assert _item("\n长期坚持；牵头单位：区城管局") == (["区城管局"], [], "长期坚持")
    assert _item("区城管局牵头，区供电公司配合，联系人：孙某，分步实施。") == (["区城管局"], ["区供电公司"], None)
    assert _item("\n由区城管局负责；督办领导：李某；按职责分工负责") == (["区城管局"], [], None)


def test_a_period_alone_closing_the_items_clauses_is_its_deadline_but_not_a_period_opening_a_sentence():
    """"…区城管局负责，每季度。" reads as "（区城管局负责，每季度）" does; "每季度通报一次" is how often, no deadline."""
    assert _item("区城管局负责，每季度。") == (["区城管局"], [], "每季度")
    assert _item("每季度通报一次进展。") == ([], [], None)


# ---- one predicate for a clause among the units that names none (clauses47) ------------------------------------

def test_a_follow_up_written_among_a_captions_units_is_no_unit_as_it_is_beside_worded_duties():
    """The office writes how often it checks inside the lead units' caption ("牵头单位：区城管局；定期督导"): the same
    follow-up that is passed over beside "区城管局牵头" names no unit under a caption either (one rule, names_no_unit)."""
    assert _item("（牵头单位：区城管局，每季度督查；配合单位：区供电公司）") == (["区城管局"], ["区供电公司"], None)
    assert _item("（牵头单位：区城管局、区供电公司；动态跟踪）") == (["区城管局", "区供电公司"], [], None)
    assert _item("（牵头单位：区城管局；每月通报进展；配合单位：区供电公司）") == (["区城管局"], ["区供电公司"], None)
    assert _item("（区城管局牵头，每月通报进展）") == (["区城管局"], [], None)
    # a body whose name ends like no unit stays a name of the list (kinds44), and a name that ends like one stays too
    assert _item("（牵头单位：区城管局；宁波舟山港）") == (["区城管局", "宁波舟山港"], [], None)
    assert _item("（牵头单位：区城管局；区督查考评办）") == (["区城管局", "区督查考评办"], [], None)


# ---- an annotation written one clause a line under its item (clauses47) -----------------------------------------

def _read_lines(*lines: str) -> dict[tuple[str, ...], tuple[list[str], list[str], str | None]]:
    """{path: (lead, supporting, deadline)} of a small plan whose body is ``lines`` under one heading."""
    text = "\n".join(["某街道2026年老旧小区改造工作安排", "一、改善居住条件", *lines])
    return {tuple(m.path): (m.lead_units, m.supporting_units, m.deadline) for m in parse_plan_text(text).measures}


def test_an_items_clauses_written_one_a_line_are_one_annotation_in_any_order():
    """The office puts each clause on its own line under the item: how often, who leads, who helps, by when, whom to call."""
    assert _read_lines("1.更换小区供水管网，", "同步改造雨污管道。", "按月调度", "牵头单位：街道城建办",
                       "配合单位：街道社区管理办、辖区供水公司", "完成时限：2026年10月底前", "联系人：周某",
                       "2.增设充电车棚。")[("一", "1")] == (
        ["街道城建办"], ["街道社区管理办", "辖区供水公司"], "2026年10月底前")
    # the same in words, the time first and the way of working last
    assert _read_lines("1.更换小区供水管网。", "长期坚持", "由街道城建办牵头，辖区供水公司配合", "分步实施",
                       "2.增设充电车棚。")[("一", "1")] == (["街道城建办"], ["辖区供水公司"], "长期坚持")
    # each line in a bracket of its own
    assert _read_lines("1.更换小区供水管网。", "（街道城建办负责）", "（分步实施）", "（持续推进）", "（分管领导：吴某）",
                       "2.增设充电车棚。")[("一", "1")] == (["街道城建办"], [], "持续推进")


def test_lines_around_an_items_annotation_that_are_no_clause_of_it_keep_their_place():
    """A new item, a heading of the next part or a body paragraph after the clause lines is none of the annotation."""
    read = _read_lines("1.更换小区供水管网。", "牵头单位：街道城建办", "按月调度", "二、完善长效管理",
                       "1.建立物业服务考评制度。")
    assert read[("一", "1")] == (["街道城建办"], [], None)
    assert read[("二",)] == ([], [], None) and read[("二", "1")] == ([], [], None)
    # a paragraph of work that opens like a side clause ("长期坚持问题导向") is the item's words: no deadline
    read = _read_lines("1.更换小区供水管网。", "牵头单位：街道城建办", "长期坚持问题导向，每季度通报一次进展。",
                       "2.增设充电车棚。")
    assert read[("一", "1")] == (["街道城建办"], [], None)
    # side clauses with no unit beside them stay where they were; the next item takes none of them
    read = _read_lines("1.更换小区供水管网。", "街道城建办负责", "持续推进", "2.增设充电车棚。", "按月调度")
    assert read[("一", "1")] == (["街道城建办"], [], "持续推进") and read[("一", "2")] == ([], [], None)


def test_a_clause_line_under_a_long_caption_line_is_no_wrap_of_it():
    """A plan copied from a PDF wraps its long lines; a caption line ending without a stop is then taken for a cut line.
    A side clause on the next line ("分步实施") is the annotation's next clause, never the rest of the last unit's name."""
    body = ["1.更换小区供水管网，对二〇〇〇年以前建成的老旧小区逐栋排查管道老化、渗漏和水压不足的情况并登记",
            "造册，统一更换为不锈钢管材，同步改造雨污管道，确保居民用水安全和排水通畅，群众满意度明显提升。",
            "牵头单位：街道城建办、街道社区管理办、街道财政所、街道应急管理办公室、辖区供水公司、辖区排水公司",
            "分步实施",
            "2.增设充电车棚，在具备条件的小区按照每百户不少于两处的标准建设电动自行车集中停放和充电设施，消除",
            "楼道充电安全隐患，由街道应急管理办公室会同辖区消防救援站开展检查验收，做到建成一处验收一处。"]
    lead, supporting, deadline = _read_lines(*body)[("一", "1")]
    assert lead[-1] == "辖区排水公司" and len(lead) == 6 and not supporting


def test_side_clauses_and_a_persons_clause_before_the_units_caption_on_one_line():
    """"持续推进；按月调度；分管领导：吴某；牵头单位：…" on the line under an item written over two lines: the person's clause
    before the units' caption is a side clause like the others, and the line is the item's annotation."""
    read = _read_lines("1.更换小区供水管网，", "同步改造雨污管道。", "持续推进；按月调度；分管领导：吴某；牵头单位：街道城建办、辖区供水公司",
                       "2.增设充电车棚。")
    assert read[("一", "1")] == (["街道城建办", "辖区供水公司"], [], "持续推进")

def failures_by_dimension(count: int = 2000, seed: int = 46) -> dict[str, dict[str, tuple[int, int]]]:
    """Drawn cases' (failing, total) by each dimension's value: the matrix's figure for a report (not a test)."""
    rng = random.Random(seed)
    tally: dict[str, dict[str, list[int]]] = {}
    for _ in range(count):
        case = make_case(rng)
        failed = read(case) != case.expected()
        for dimension, value in (("bracket", case.bracket), ("width", case.width), ("form", case.form),
                                 ("unit_separator", case.unit_separator), ("clause_separator", case.clause_separator),
                                 ("supporting_first", case.supporting_first), ("lead_count", len(case.lead)), ("supporting_count", len(case.supporting)),
                                 ("person", case.person[0] if case.person else None),
                                 ("deadline", case.deadline), ("remark", case.remark),
                                 ("line_bracket", case.line_bracket if case.bracket == "lines" else "-"),
                                 ("wrapped", case.wrapped), ("persons_beside", case.persons_beside),
                                 ("caption_break", case.caption_break if case.breaks() else "-"),
                                 ("colon_lost", case.loses_colons()),
                                 ("all", "all")):
            cell = tally.setdefault(dimension, {}).setdefault(str(value), [0, 0])
            cell[0] += failed
            cell[1] += 1
    return {d: {v: (f, n) for v, (f, n) in values.items()} for d, values in tally.items()}


if __name__ == "__main__":
    import sys
    for dimension, values in failures_by_dimension(int(sys.argv[1]) if len(sys.argv) > 1 else 2000).items():
        print(dimension, "  ".join(f"{v}={f}/{n}" for v, (f, n) in sorted(values.items())))


# ---- units written before the item's words (branch kinds48) ------------------------------------------------------

#: how an office labels an item with its units before the words: square brackets of each width, or a colon of each width
BEFORE_WORDS = ("【{units}】", "[{units}]", "［{units}］", "{units}：", "{units}:")
BEFORE_UNITS = (("市发展改革委",), ("县财政局", "市税务局"), ("市委组织部（市人才办）", "市公安局（交警支队）", "区住建委"),
                ("县农业农村局（农机）", "县财政局"))


@pytest.mark.parametrize("label, units, persons_beside", [
    (label, units, beside) for label in BEFORE_WORDS for units in BEFORE_UNITS for beside in (None, "bracket", "blank")])
def test_units_written_before_the_items_words_read_as_an_annotation_after_them_does(label, units, persons_beside):
    """"1.【市发展改革委】推行…", "1.县财政局、市税务局：推行…": the label leads, as "（…负责）" after the words would; a
    person beside each unit is left out here too."""
    named = Case(bracket="（）", width="full", form="负责", lead_caption="", supporting_caption=None, lead=units,
                 supporting=(), unit_separator="、", clause_separator="；", person=None, deadline=None, remark=None,
                 places=(0, 0, 0), persons_beside=persons_beside)._named(units)
    text = "\n".join(["某市2026年优化营商环境重点任务", "一、提升政务服务效能",
                      "1." + label.format(units="、".join(named)) + "推行企业开办一日办结。", "2.建设惠企政策直达平台。"])
    read = {tuple(m.path): (m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures}
    assert read[("一", "1")] == (list(units), []) and read[("一", "2")] == ([], [])


# ---- a group's units written on a line of their own before, after or beside a range of its items (branch kinds48) ----

GROUP_LINES = {"lead-in": "以下任务由{duty}：", "closing": "上述任务由{duty}。", "range": "1至2项由{duty}。"}
GROUP_DUTIES = {"市发展改革委牵头，县财政局配合": (["市发展改革委"], ["县财政局"]),
                "市发展改革委、县财政局负责": (["市发展改革委", "县财政局"], []),
                "市委组织部（市人才办） 王某牵头，市税务局配合": (["市委组织部（市人才办）"], ["市税务局"])}


@pytest.mark.parametrize("where, duty", [(where, duty) for where in GROUP_LINES for duty in GROUP_DUTIES])
def test_a_groups_units_on_a_line_of_their_own_reach_its_items_and_only_them(where, duty):
    """The same duties written once for the items 1 and 2 of a part, before them, after them or naming their range: both
    items take them, the part's next list does not."""
    line = GROUP_LINES[where].format(duty=duty)
    items = ["1.推行企业开办一日办结。", "2.建设惠企政策直达平台。"]
    body = [line, *items] if where == "lead-in" else [*items, line]
    text = "\n".join(["某市2026年优化营商环境重点任务", "一、提升政务服务效能", *body, "二、强化要素保障", "1.降低用地成本。"])
    read = {tuple(m.path): (m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures}
    assert read[("一", "1")] == read[("一", "2")] == GROUP_DUTIES[duty], line
    assert read[("二", "1")] == ([], [])


# ---- units written before the item's number (branch kinds49) -----------------------------------------------------

#: how an office labels an item with its units before its number: a bracket of each kind glued to the number
BEFORE_NUMBER = ("（{units}）", "({units})", "【{units}】", "[{units}]", "〔{units}〕")


@pytest.mark.parametrize("label, units, persons_beside", [
    (label, units, beside) for label in BEFORE_NUMBER for units in BEFORE_UNITS for beside in (None, "bracket", "blank")])
def test_units_written_before_the_items_number_read_as_a_label_after_it_does(label, units, persons_beside):
    """"（县财政局）1.推行…", "【市发展改革委】1.推行…": the first item of a list labelled before its number takes the label's
    units, and so does the next item labelled the same way; an item without a label takes none."""
    named = Case(bracket="（）", width="full", form="负责", lead_caption="", supporting_caption=None, lead=units,
                 supporting=(), unit_separator="、", clause_separator="；", person=None, deadline=None, remark=None,
                 places=(0, 0, 0), persons_beside=persons_beside)._named(units)
    text = "\n".join(["某市2026年优化营商环境重点任务", "一、提升政务服务效能",
                      label.format(units="、".join(named)) + "1.推行企业开办一日办结。",
                      label.format(units="县财政局") + "2.建设惠企政策直达平台。", "3.清理拖欠企业账款。"])
    read = {tuple(m.path): (m.lead_units, m.supporting_units) for m in parse_plan_text(text).measures}
    assert read[("一", "1")] == (list(units), []) and read[("一", "2")] == (["县财政局"], [])
    assert read[("一",)] == read[("一", "3")] == ([], [])


# ---- the members of a body named by its kind alone (branch fresh47, development document 1110) ---------------------

def test_the_members_of_a_body_named_by_its_kind_alone_beside_a_named_unit_are_no_unit():
    """"（责任单位：区城管局、联席会议各成员单位）" in any bracket or on a line of its own: 区城管局 leads; which 联席会议 is not
    said, so its members stay in the draft as written but are never a unit (``is_vague_collective``, GOLD-README "fresh47")."""
    for annotation in ("（责任单位：区城管局、联席会议各成员单位）", "(责任单位:区城管局、联席会议各成员单位)",
                       "〔责任单位：区城管局、联席会议各成员单位〕", "\n责任单位：区城管局、联席会议各成员单位",
                       "（区城管局、领导小组各成员单位负责）"):
        lead, supporting, deadline = _item(annotation)
        assert [name for name in lead if not is_vague_collective(name)] == ["区城管局"], annotation
        assert (len(lead), supporting, deadline) == (2, [], None), annotation


#: branch fresh59: the duties opening a heading's body on a line of their own, the heading's words without a stop (1273)
HEADINGS = ("一、交通秩序管理", "（四）交通秩序管理", "(四)交通秩序管理", "1.交通秩序管理")
OPENING_DUTIES = {"由{lead}牵头{c}{sup}配合。": "lead and supporting", "{lead}牵头{c}{sup}配合": "no stop",
                  "由{lead}负责{c}{sup}配合。": "负责", "{lead}会同{sup}负责{c}{other}配合。": "会同"}


@pytest.mark.parametrize("heading", HEADINGS)
@pytest.mark.parametrize("duty", OPENING_DUTIES)
@pytest.mark.parametrize("comma", ("，", ","))
def test_a_duty_line_under_a_heading_without_a_stop_reads_its_lead(heading, duty, comma):
    """Every heading style, worded duty and comma width: the line's first unit leads the heading (GOLD-README "fresh59")."""
    line = duty.format(lead="市公安局", sup="市交通运输局、各区人民政府", other="市城管局", c=comma)
    child = "（1）整治违法停车。" if heading.startswith("1.") else "1.整治违法停车。"
    measures = parse_plan_text("\n".join([heading, line, child])).measures
    top = measures[0]
    assert top.lead_units[:1] == ["市公安局"]
    assert "各区人民政府" in top.lead_units + top.supporting_units
    assert not (measures[1].lead_units or measures[1].supporting_units)
