"""Short township and county pages whose items run together (branch fresh61, GOLD-README "fresh61").

A township office pastes its 应急预案 from the county's site. Two shapes of such pages lost measures:

- the page shows its 目录 (the outline's headings listed, sometimes with page numbers) before the body: the office
  wants the body's parts once, the 目录 being navigation (GOLD-README "Decimal outlines");
- the site's text extraction ran the whole decimal outline into one line or a few long lines
  (``1 总则 1.1 编制目的 为了… 1.2 编制依据 … 1.3 适用范围 (1)… (2)…``): the office wants the same parts as when the outline is
  written one part a line, while the numbers inside its sentences (``1.5 亿元``, ``24 小时``, a page's ``— 1 —``, a
  section cited ``按 1.2 规定``) stay text.

The wording is invented for these tests (none of it is in the corpus)."""
from __future__ import annotations

import pytest

from tracker.parsing import parse_plan_text


def _paths(text: str) -> list[list[str]]:
    return [m.path for m in parse_plan_text(text).measures]


OUTLINE_PATHS = [["1"], ["1", "1.1"], ["1", "1.2"], ["1", "1.3"], ["1", "1.3", "(1)"], ["1", "1.3", "(2)"],
                 ["2"], ["2", "2.1"], ["2", "2.2"]]

BODY = ("1 总则\n"
        "1.1 编制目的\n"
        "为及时处置辖区内的山洪灾害，保障群众生命财产安全，制定本预案。\n"
        "1.2 编制依据\n"
        "依据有关法律法规和县级预案，结合本镇实际。\n"
        "1.3 工作原则\n"
        "(1)以人为本，预防为主。把保障群众生命安全放在首位。\n"
        "(2)属地管理，分级负责。各村按照职责做好先期处置。\n"
        "2 组织体系\n"
        "2.1 镇防汛指挥部\n"
        "镇防汛指挥部负责全镇山洪灾害防御的统一指挥。\n"
        "2.2 村级组织\n"
        "各村成立防汛工作组，实行 24 小时值班。\n")


@pytest.mark.parametrize("caption", ["目录", "目 录", "目  录", "目錄"])
def test_a_table_of_contents_before_the_body_gives_no_parts(caption):
    contents = (f"{caption}\n1 总则\n1.1 编制目的\n1.2 编制依据\n1.3 工作原则\n2 组织体系\n2.1 镇防汛指挥部\n"
                "2.2 村级组织\n")
    text = "青溪镇山洪灾害防御应急预案\n" + contents + BODY
    assert _paths(text) == OUTLINE_PATHS


def test_contents_with_page_numbers_and_leaders_give_no_parts():
    contents = ("目  录\n1 总则……………………1\n1.1 编制目的……………1\n1.2 编制依据……………1\n1.3 工作原则……………2\n"
                "2 组织体系……………………3\n2.1 镇防汛指挥部………3\n2.2 村级组织……………4\n")
    assert _paths("青溪镇山洪灾害防御应急预案\n" + contents + BODY) == OUTLINE_PATHS


def test_a_contents_caption_without_a_repeated_body_is_left_as_it_is():
    # no body repeats the first entry: nothing tells the entries from the plan's parts, they are read as before
    text = "青溪镇山洪灾害防御应急预案\n目录\n1 总则\n1.1 编制目的\n1.2 编制依据\n"
    assert _paths(text) == [["1"], ["1", "1.1"], ["1", "1.2"]]


def test_the_word_contents_inside_an_item_is_no_caption():
    text = ("青溪镇政务公开工作方案\n一、公开目录\n各村按照目录公开事项。\n二、公开方式\n通过公开栏公开。\n")
    assert _paths(text) == [["一"], ["二"]]


def _one_line(text: str, joint: str = " ") -> str:
    return joint.join(line for line in text.split("\n") if line)


@pytest.mark.parametrize("joint", [" ", "\u3000", "  "])
def test_a_whole_decimal_outline_on_one_line_reads_as_written_one_part_a_line(joint):
    assert _paths("青溪镇山洪灾害防御应急预案\n" + BODY) == OUTLINE_PATHS
    assert _paths("青溪镇山洪灾害防御应急预案 " + _one_line(BODY, joint)) == OUTLINE_PATHS


def test_an_outline_in_a_few_long_lines_reads_as_written_one_part_a_line():
    lines = [line for line in BODY.split("\n") if line]
    text = "青溪镇山洪灾害防御应急预案\n" + " ".join(lines[:6]) + "\n" + " ".join(lines[6:]) + "\n"
    assert _paths(text) == OUTLINE_PATHS


# Numbers inside the sentences of a one-line outline, each written after a blank and before words, as a PDF's text has
# them: a quantity, a count of hours, a page's number, a section cited out of turn, a version.
INSIDE = ["投入 1.5 亿元用于", "实行 24 小时值班", "协调联 — 1 — 动", "按 1.2 规定执行", "推广 2.0 版平台", "在 3 个工作日内"]


@pytest.mark.parametrize("inside", INSIDE)
def test_numbers_inside_the_sentences_of_a_one_line_outline_stay_text(inside):
    body = BODY.replace("结合本镇实际。", f"结合本镇实际，{inside}。").replace("统一指挥。", f"统一指挥，{inside}。")
    assert _paths("青溪镇山洪灾害防御应急预案 " + _one_line(body)) == OUTLINE_PATHS


def test_a_sentence_with_a_few_figures_after_blanks_is_no_outline():
    text = ("青溪镇2024年防汛工作要点\n一、目标\n全年投入 1.5 亿元，新建 2 座泵站，完成 3 条河道清淤，实行 24 小时值班。\n"
            "二、措施\n加强巡查。\n")
    assert _paths(text) == [["一"], ["二"]]


# A document site shows a plan's pages as captions and counters over its text, then the text run together in one line.
SITE_CHROME = ("文库首页\n收藏本文档到个人中心\n登录后可以下载全文\n\n{title}免费阅读\n\n"
               "{title}_第1页\n1/9\n{title}_第2页\n2/9\n{title}_第3页\n3/9\n")
RUN_TOGETHER = ("{title}一、总体要求(一)工作目标。全面提升辖区山洪灾害防御能力，确保群众生命财产安全。"
                "(二)基本原则。坚持以人为本、预防为主，坚持属地管理、分级负责。"
                "(三)防御重点。主要包括以下方面:1.山洪沟道。主要包括辖区内的山洪沟和小流域。"
                "2.危险区域。主要包括沿河村组和低洼地带。3.重点部位。主要包括学校、卫生院和敬老院。"
                "(四)适用范围。本方案适用于全镇山洪灾害的防御工作。二、组织领导")
RUN_PATHS = [["一"], ["一", "(一)"], ["一", "(二)"], ["一", "(三)"], ["一", "(三)", "1"], ["一", "(三)", "2"],
             ["一", "(三)", "3"], ["一", "(四)"], ["二"]]


@pytest.mark.parametrize("label", ["{title}_第{n}页", "{title}第{n}页", "{title}-第{n}页"])
def test_a_document_sites_page_captions_do_not_swallow_the_first_items(label):
    title = "青溪镇山洪灾害防御工作方案"
    chrome = SITE_CHROME.format(title=title)
    for n in (1, 2, 3):
        chrome = chrome.replace(f"{title}_第{n}页", label.format(title=title, n=n))
    assert _paths(chrome + RUN_TOGETHER.format(title=title)) == RUN_PATHS
    assert _paths(RUN_TOGETHER.format(title=title)) == RUN_PATHS
