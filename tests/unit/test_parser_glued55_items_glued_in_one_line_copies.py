"""Items glued together in copies run on in one line (issue 13, branch glued55; dev 1117 and 1120), one invented story
each: a first item glued straight onto its heading's title (`三、推进步骤1.动员部署…`), a lone bracketed first item glued
onto a later heading's title with its own first item glued onto its title (`三、保障措施(一)压实责任,强化督导1.…`), a
heading glued after a printed page's mark (`…。第2页共5页四、…`), the references inside a sentence that stay words
(`第1.2条`, `（一）项`, `（一）季度`, `三、四季度`, `1.5倍`, a year), a time caption paired with another before one 为
(`禁渔时间、禁渔水域为全年、全县河道`) and a plan's title glued onto its preamble (`…工作方案为进一步…`). The outline matrix
(tests/unit/test_parser_outline_matrix.py) holds the item forms in its "glued" layout and its "page mark" fault; these
tell them as an office's copy writes them."""
from __future__ import annotations

from tracker.parsing import parse_plan_text


def _read(text: str) -> list[tuple[tuple[str, ...], str | None]]:
    """Every measure's (path, deadline as written) of the plan ``text``."""
    return [(tuple(m.path), m.deadline) for m in parse_plan_text(text).measures]


def _paths(text: str) -> list[tuple[str, ...]]:
    return [path for path, _ in _read(text)]


def test_a_first_item_glued_onto_its_headings_title_opens_the_list_and_its_stages_keep_their_windows():
    """A village committee's plan for clearing its ditches, as a document site stores it: every break lost, the stages'
    `1.` typed straight after the title `推进步骤` and the kinds' `1.` straight after `（二）清理内容`. Each stage is an item
    of its heading with its own window; the heading has none of its stages' dates."""
    text = ("某村沟渠清淤整治方案为改善村容村貌,特制定本方案。一、整治目标全面清理村内沟渠淤塞问题。二、整治内容(一)整治范围。"
            "村内主干沟渠和支渠。(二)清理内容1.清淤泥。清除沟底淤积的泥沙。2.清杂物。清除沟内垃圾和杂草。三、推进步骤1.动员部署阶段"
            "(3月1日—3月10日),各组完成摸底登记。2.集中清理阶段(3月11日—4月20日),组织村民分段清理。3.验收巩固阶段(4月21日—4月30日),"
            "村委会逐段验收。")
    assert _read(text) == [
        (("一",), None), (("二",), None), (("二", "(一)"), None), (("二", "(二)"), None),
        (("二", "(二)", "1"), None), (("二", "(二)", "2"), None), (("三",), None),
        (("三", "1"), "3月1日—3月10日"), (("三", "2"), "3月11日—4月20日"), (("三", "3"), "4月21日—4月30日")]


def test_a_lone_bracketed_item_glued_onto_a_later_headings_title_holds_the_item_glued_onto_its_own_title():
    """A township's plan for its fire-free spring burning ban ends, as copied, inside its last heading's first sub-item:
    `三、保障措施(一)压实责任,强化督导1.成立…` has no `(二)` after it and a comma in its title, yet `(一)` is the heading's
    item and `1.` is the `(一)`'s."""
    text = ("某乡春季禁烧工作方案为做好春季禁烧工作,制定本方案。一、工作目标全乡不发生露天焚烧。二、工作重点(一)重点区域。"
            "主要道路两侧和林地周边。(二)重点时段。清明前后。三、保障措施(一)压实责任,强化督导1.成立乡禁烧工作专班,由分管领导任组长")
    assert _paths(text) == [("一",), ("二",), ("二", "(一)"), ("二", "(二)"), ("三",), ("三", "(一)"),
                            ("三", "(一)", "1")]


def test_a_heading_glued_after_a_printed_pages_mark_opens_its_item():
    """The copy kept a printed page's foot `第2页共5页` between two headings with no blank either side: the page's end
    was a break, so `四、工作要求` opens its item, and its glued `(一)` with it."""
    text = ("某社区环境卫生评比方案 一、评比对象 各居民小组。二、评比内容 (一)庭院整洁。(二)门前三包。三、评比时间 每月底集中评比一次。"
            "第2页共5页四、工作要求(一)各小组要如实上报评比结果。")
    assert _paths(text) == [("一",), ("二",), ("二", "(一)"), ("二", "(二)"), ("三",), ("四",), ("四", "(一)")]
    # the mark inside a sentence ("…负责全乡第2页共5页禁烧指导…") is no heading's place: nothing follows it to open
    inside = "某乡方案 一、工作要求各村负责全村第2页共5页禁烧的巡查。二、工作纪律严守纪律。"
    assert _paths(inside) == [("一",), ("二",)]


def test_a_number_after_a_headings_few_words_that_is_a_reference_or_a_figure_stays_words():
    """References and figures right after a heading's few words are no glued items: an article cited (`第1.2条`), an
    item cited (`（一）项`), a quarter (`（一）季度`), two quarters (`三、四季度`), a multiple (`1.5倍`) and a year."""
    for heading, words in (("一、执行细则第1.2条", "各村照此执行。"), ("一、落实通知第（一）项", "各村照此执行。"),
                           ("一、抓好调度（一）季度", "末前完成摸底。"), ("一、做好三、四季度", "的巡查工作。"),
                           ("一、补贴提高1.5倍", "由乡财政兑付。"), ("一、目标任务2026年", "完成全部整治。")):
        text = f"某乡2026年工作方案 {heading}{words}二、工作纪律严守纪律。"
        assert _paths(text) == [("一",), ("二",)], heading
    # and a mark after a sentence's words is no item glued onto a title: a title holds no colon, and after a comma only
    # a phrase ("加强领导,明确责任"), no short clause ("抓好保洁，落实（一）岗双责")
    assert _paths("某乡方案 一、工作要求：各村按（一）类标准执行。二、工作纪律严守纪律。") == [("一",), ("二",)]
    assert _paths("某乡方案 一、抓好保洁，落实（一）岗双责制度。二、工作纪律严守纪律。") == [("一",), ("二",)]


def test_a_time_caption_paired_with_another_caption_before_one_wei_reads_the_first_value():
    """A county's fishing ban and a library's reading month each name two things with one 为 (`禁渔时间、禁渔水域为全年、
    全县河道`, `活动时间、地点为4月1日至4月30日、县图书馆`): the values pair with the captions in order, so the time's value,
    the first, is the item's deadline, the whole year (`全年`) included; the place's value is none."""
    def deadline(sentence: str) -> str | None:
        return _read(f"某县方案\n一、工作安排\n（一）时间安排\n按照上级要求，{sentence}")[1][1]

    assert deadline("我县禁渔时间、禁渔水域为全年、全县河道,其中重点巡查时段为汛期。") == "全年"
    assert deadline("本次活动时间、地点为4月1日至4月30日、县图书馆。") == "4月1日至4月30日"
    # the pair's 、 is needed: a time caption whose value runs on with words is not read as a pair
    assert deadline("活动时间、地点为全年各地自定。") is None
    # and a place's caption first gives the time no first place: nothing is read rather than the place
    assert deadline("活动地点、时间为县图书馆、全年。") is None


def test_a_plans_title_glued_onto_its_preambles_purpose_is_the_title():
    """The same site's copy of a town's garbage-sorting plan glues the title onto the preamble's purpose clause
    (`…垃圾分类工作方案为进一步改善…`): the title is read up to its 方案, the preamble stays out of it; a sentence whose
    方案 is followed by 为期 names no title that way."""
    text = ("某镇2026年生活垃圾分类工作方案为进一步改善人居环境,结合本镇实际,制定本方案。一、工作目标全镇行政村分类覆盖率达到"
            "九成。二、工作措施(一)配齐设施1.每个村设置分类收集点。")
    draft = parse_plan_text(text)
    assert draft.title == "某镇2026年生活垃圾分类工作方案"
    assert [tuple(m.path) for m in draft.measures] == [("一",), ("二",), ("二", "(一)"), ("二", "(一)", "1")]
    untitled = parse_plan_text("本次整治方案为期一个月,各村抓紧落实。一、工作目标全镇完成整治。二、工作措施(一)配齐设施。")
    assert untitled.title != "本次整治方案"
