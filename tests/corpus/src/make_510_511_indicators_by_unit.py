"""Builds tests/corpus/510 (page) and 511 (Word): 丽水 2023's 主要预期目标 (464's items 1, 2, 3, 5, 7, 8; item 5's two targets
on two rows) laid out as an indicator table naming the department each target is set for (branch tables28).
Run: python make_510_511_indicators_by_unit.py tests/corpus"""
import sys

from corpus_files import docx_bytes, fill_table, html_page

TITLE = "市政府工作报告重点工作责任分解(2023年)"
HEADER = ["序号", "单位", "指标名称", "计量单位", "目标值"]
ROWS = [("市发改委", "生产总值增长", "%", "6以上"), ("市经信局", "规上工业增加值增长", "%", "8"),
        ("市科技局", "研发投入强度", "%", "2.3"), ("市商务局", "社会消费品零售总额增长", "%", "5"),
        ("市商务局", "外贸出口增长", "%", "5"), ("市财政局", "一般公共预算收入", "", "与经济增长基本同步"),
        ("市发改委", "居民消费价格涨幅", "%", "3以内")]


def page() -> str:
    trs = ["<tr>" + "".join(f"<td><b>{c}</b></td>" for c in HEADER) + "</tr>"]
    for k, (unit, name, measure, value) in enumerate(ROWS, start=1):
        unit_cell = "" if k == 5 else (f"<td rowspan=\"2\">{unit}</td>" if k == 4 else f"<td>{unit}</td>")
        trs.append(f"<tr><td>{k}</td>{unit_cell}<td>{name}</td><td>{measure}</td><td>{value}</td></tr>")
    return html_page(TITLE, "<div class=\"nav\">首页 &gt; 政务公开</div>\n<div class=\"article\">\n<p>" + TITLE + "</p>\n"
                     "<table border=\"1\">\n" + "\n".join(trs) + "\n</table>\n</div>\n")


def word() -> bytes:
    import docx
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
    fill_table(table, [HEADER] + [[str(k), "" if k == 5 else unit, name, measure, value]
                                  for k, (unit, name, measure, value) in enumerate(ROWS, start=1)])
    table.cell(4, 1).merge(table.cell(5, 1))
    return docx_bytes(document)


if __name__ == "__main__":
    out = sys.argv[1]
    open(f"{out}/510_lishui_2023_yuqi_mubiao_by_unit_indicator_page.html", "w", encoding="utf-8").write(page())
    open(f"{out}/511_lishui_2023_yuqi_mubiao_by_unit_indicator_word.docx", "wb").write(word())
