"""A 实施步骤 / 时间安排 section's stages carry a window, written in some form and in some place, over numbered items that
write no time of their own (issue 13, branch stages58; GOLD-README "stages58", round 3's stage heading, deadlines30's colon,
wave 28's comma). The window is the stage's deadline and passes to the items under it that write none; an item writing its
own time keeps it; the next stage's items take the next stage's window, and a later section's items nothing.

The stories are invented (no corpus document's wording); the matrix crosses stage word × window form × place × the items.
"""
from __future__ import annotations

import itertools

from tests.helpers.time_cells import deadlines_by_path
from tracker.parsing import parse_plan_text


def _read(lines: list[str]) -> dict[tuple[str, ...], tuple[str | None, str | None]]:
    """{path: (deadline as written, due date as ISO)} of the plan written as ``lines``."""
    return deadlines_by_path("\n".join(lines))


PLAN_HEAD = ["某区背街小巷环境提升专项行动方案", "为改善街巷面貌，制定本方案。", "一、工作目标", "完成全区背街小巷整治。", "二、实施步骤"]
PLAN_TAIL = ["三、保障措施", "（一）加强组织领导。", "各街道要明确专人负责。", "某区人民政府办公室", "2026年2月10日"]


# ---- the stories ---------------------------------------------------------------------------------------------------

def test_a_stage_whose_window_follows_a_comma_dates_the_items_under_it_and_no_later_ones():
    """A street office writes `（一）摸底排查阶段，2026年3月1日—3月31日。` and lists its steps: both steps are due on the last day;
    the second stage's step takes the second window; the safeguards section after the steps takes nothing."""
    got = _read(PLAN_HEAD + ["（一）摸底排查阶段，2026年3月1日—3月31日。", "1.逐巷登记破损路面和杂物堆放点。",
                             "2.形成问题清单。", "（二）集中整治阶段，2026年4月1日—8月31日。", "1.分片清理杂物，修补路面。"]
                 + PLAN_TAIL)
    assert got[("二", "（一）")] == got[("二", "（一）", "1")] == got[("二", "（一）", "2")] == ("2026年3月1日—3月31日", "2026-03-31")
    assert got[("二", "（二）", "1")] == ("2026年4月1日—8月31日", "2026-08-31")
    assert got[("三", "（一）")] == (None, None)


def test_a_stage_whose_window_follows_a_full_stop_and_counts_its_steps_dates_them():
    """`（三）回访巩固阶段。9月1日至10月15日。共有两个环节：` over `1、…` `2、…`: the lead-in counting the steps is no work of the
    stage's own, so the window passes to both; the plan's signature gives the year."""
    got = _read(PLAN_HEAD + ["（三）回访巩固阶段。9月1日至10月15日。共有两个环节：", "1、入户回访居民。", "2、整理回访意见。"]
                 + PLAN_TAIL)
    assert got[("二", "（三）", "1")] == got[("二", "（三）", "2")] == ("9月1日至10月15日", "2026-10-15")


def test_a_stage_named_by_two_phrases_joined_by_a_comma_is_a_stage():
    """`一、动员部署，宣传发动阶段（5月20日前）` names its stage in two phrases: its steps are due by then."""
    got = _read(["某局窗口服务作风评议方案", "一、动员部署，宣传发动阶段（5月20日前）", "1、成立评议小组。", "2、印发评议方案。",
                 "二、查找问题，集中评议阶段（5月21日至7月31日）", "1、发放评议表。", "某局", "2026年5月6日"])
    assert got[("一", "1")] == got[("一", "2")] == ("5月20日前", "2026-05-20")
    assert got[("二", "1")] == ("5月21日至7月31日", "2026-07-31")


def test_a_heading_that_is_only_a_window_dates_the_steps_under_it_but_a_year_alone_does_not():
    """Under 二、实施步骤 an office heads each stage by its months alone (`（一）2026年3月—4月`): a stage named by its time, whose
    steps are due at its end. A year alone (`（一）2026年：`) stays a period heading: its items keep their own times."""
    got = _read(PLAN_HEAD + ["（一）2026年3月—4月", "1.完成街巷摸底。", "（二）2026年5月—9月", "1.完成改造施工。"] + PLAN_TAIL)
    assert got[("二", "（一）", "1")] == ("2026年3月—4月", "2026-04-30")
    assert got[("二", "（二）", "1")] == ("2026年5月—9月", "2026-09-30")
    years = _read(PLAN_HEAD + ["（一）2026年：", "1.完成街巷摸底。", "2.6月底前完成施工招标。"] + PLAN_TAIL)
    assert years[("二", "（一）", "1")] == (None, None)
    assert years[("二", "（一）", "2")] == ("6月底前", "2026-06-30")


def test_a_dash_typed_as_two_hyphens_in_a_stages_bracket_is_the_span():
    """A copy types the stage's dash as `--` (or `——`): the span as written, due at its end."""
    for dash in ("--", "——"):
        got = _read(PLAN_HEAD + [f"（一）自查自改阶段（6月{dash}8月）", "各街道对照清单自查。"] + PLAN_TAIL)
        assert got[("二", "（一）")] == (f"6月{dash}8月", "2026-08-31")


def test_a_page_opening_inside_a_plan_keeps_its_stages_at_the_top_and_the_next_part_is_no_child_of_them():
    """A site's page 2 opens at the plan's `（二）` stage: `（二）`, `（三）` are top-level items with their windows, and the
    `四、保障措施` after them is the next part, its `（一）` under it, not under `（三）`."""
    got = _read(["（二）集中整改阶段（2026年5月—7月）", "各单位逐项整改问题。", "（三）验收总结阶段（2026年8月）",
                 "区专项办组织验收。", "四、保障措施", "（一）加强督查。各单位要定期通报进度。"])
    assert list(got) == [("（二）",), ("（三）",), ("四",), ("四", "（一）")]
    assert got[("（二）",)] == ("2026年5月—7月", "2026-07-31")


def test_a_page_opening_at_a_fifth_step_keeps_the_steps_at_the_top_and_the_stage_after_them_too():
    """A page opens at step `5、` of a stage begun on the page before, then `（三）` opens the next stage with its own steps:
    `5`, `6` and `（三）` are top-level, `（三）`'s `1、` is its child."""
    got = _read(["各党支部要做好记录。", "5、汇总评议结果。党支部集体研究后形成意见。", "6、反馈评议意见。党支部向本人书面反馈。",
                 "（三）整改落实阶段（10月）", "1、制定整改清单。"])
    assert list(got) == [("5",), ("6",), ("（三）",), ("（三）", "1")]
    assert got[("（三）", "1")][0] == "10月"


def test_a_pages_text_in_one_layout_cell_closed_by_its_pipe_is_read_as_the_plan():
    """A law site stores the page's text in one cell of its layout table: a lone `|` above, the text run on in one line closed
    by ` |`. The pipe is layout: the items and their stage windows read as prose."""
    body = ("[接上页] （三）加强信息报送 各单位要每月报送工作进展，重大情况随时报告，确保信息及时准确。 四、时间安排 "
            "（一）部署阶段（6月） 各单位制定具体方案，明确责任分工。 （二）整治阶段（7月-9月） 各单位集中开展整治。 |")
    got = _read(["|", body])
    assert got[("四", "（一）")] == ("6月", None)
    assert got[("四", "（二）")] == ("7月-9月", None)


def test_a_preview_copied_without_its_file_name_joins_its_long_chunks_cut_inside_sentences():
    """A model-text site shows a plan in chunks of a fixed length numbered `1、` `2、` at a line's start, and the copy lost the
    page's head with the file's name: chunks that each run long and stop inside a sentence are one text, the plan's own
    `一、` `1、` items are read in it (a chunk's cut between `1` and `、` closed up), and its stages pass their windows."""
    chunk = "各科室要对照评议标准认真查摆，逐条列出问题清单，明确整改责任人和整改时限，做到问题不查清不放过、整改不到位不放过。"
    first = ("1、某局窗口服务评议工作方案 一、动员部署，宣传发动阶段（5月20日前） 1、成立评议小组。" + chunk * 2
             + " 2、印发评议方案。" + chunk + " 二、查找问题，集中评议阶段（5月21日至7月31日） 1")
    second = "2、、发放评议表。" + chunk * 3 + " 2、召开评议会。各科室要"
    got = _read([first, second])
    assert list(got) == [("一",), ("一", "1"), ("一", "2"), ("二",), ("二", "1"), ("二", "2")]
    assert got[("二", "1")][0] == "5月21日至7月31日"
    short = _read(["1、成立领导小组", "2、制定工作方案", "3、开展督查"])  # a list of short headings stays a list
    assert list(short) == [("1",), ("2",), ("3",)]


def test_a_cut_off_date_after_a_verb_names_what_is_counted_not_a_deadline():
    """`做好截止2025年底固定资产台账的登记` names the date the ledgers count up to; `截至2026年底，建成…` opening its clause is
    still a target like 到 (GOLD-README round 2)."""
    got = _read(["某街道资产清理方案", "一、工作任务", "1.清理资产。做好截止2025年底固定资产、合同台账的登记、更新。",
                 "2.建设档案室。截至2026年底，建成标准化档案室。"])
    assert got[("一", "1")][0] is None
    assert got[("一", "2")][0] == "2026年底"


# ---- the matrix: stage word × window form × place × the items -------------------------------------------------------

#: how the stage is named (the colon place is left out where the name itself holds a colon)
STAGE_WORDS = {"阶段": "集中整治阶段", "第N阶段": "第二阶段：集中整治", "comma name": "排查摸底，集中整治阶段", "期": "攻坚期"}
#: window forms: (as written, due date); year-less forms take the signature's year (2026)
WINDOW_FORMS = {
    "span of months": ("2026年4月—6月", "2026-06-30"),
    "span of days": ("2026年4月1日至6月30日", "2026-06-30"),
    "旬 span": ("4月上旬至6月下旬", "2026-06-30"),
    "half-width dash": ("4月1日-6月30日", "2026-06-30"),
    "month": ("2026年5月", "2026-05-31"),
    "by a date": ("2026年6月底前", "2026-06-30"),
}
PLACES = ("bracket", "colon", "comma", "full stop", "own line", "whole heading")
WINDOW_ONLY = ("span of months", "span of days", "旬 span", "half-width dash")  # a heading that is a window is a span


def _stage_lines(word: str, form: str, place: str) -> list[str]:
    name, (value, _) = STAGE_WORDS[word], WINDOW_FORMS[form]
    return {"bracket": [f"（一）{name}（{value}）"], "colon": [f"（一）{name}：{value}"], "comma": [f"（一）{name}，{value}。"],
            "full stop": [f"（一）{name}。{value}。"], "own line": [f"（一）{name}", f"时间：{value}"],
            "whole heading": [f"（一）{value}"]}[place]


def _valid(word: str, form: str, place: str) -> bool:
    if place == "colon" and "：" in STAGE_WORDS[word]:
        return False
    if place == "whole heading":
        return word == "阶段" and form in WINDOW_ONLY  # the heading names no stage word: one word axis value suffices
    if place in ("comma", "full stop", "colon") and word == "第N阶段":
        return False  # `第二阶段：集中整治，V。` is a named stage with work after its colon: the window goes in its bracket
    return True


CASES = [c for c in itertools.product(STAGE_WORDS, WINDOW_FORMS, PLACES) if _valid(*c)]


def test_every_stage_word_window_form_and_place_dates_the_items_without_a_time_and_only_them():
    """Each stage, whatever its word, window form and place, dates its step that writes no time with its window and leaves
    its step writing `9月底前完成` with that time; the next stage's step takes the next window; the section after takes none."""
    wrong = []
    for word, form, place in CASES:
        value, due = WINDOW_FORMS[form]
        lines = (PLAN_HEAD + _stage_lines(word, form, place)
                 + ["1.组织力量清理街巷杂物。", "2.9月底前完成破损路面修补。", "（二）总结验收阶段（2026年12月）", "1.形成总结报告。"]
                 + PLAN_TAIL)
        got = _read(lines)
        expected = {("二", "（一）"): (value, due), ("二", "（一）", "1"): (value, due), ("二", "（一）", "2"): ("9月底前", "2026-09-30"),
                    ("二", "（二）", "1"): ("2026年12月", "2026-12-31"), ("三", "（一）"): (None, None)}
        if any(got.get(path) != want for path, want in expected.items()):
            wrong.append(((word, form, place), {p: got.get(p) for p in expected}))
    assert len(CASES) > 100
    assert not wrong, f"{len(wrong)} of {len(CASES)}: {wrong[:3]}"


def test_a_compilations_header_and_its_pieces_number_are_not_the_title():
    """A model-text site heads its compilation `工作方案精选5篇` and numbers the first piece `工作方案 1`: the title is the piece's
    own, `工作方案` (GOLD-README fresh47's compilation header)."""
    draft = parse_plan_text("\n".join(["工作方案精选5篇", "工作方案 1", "为做好街巷整治，制定本方案。", "一、工作目标", "完成整治。"]))
    assert draft.title == "工作方案"
