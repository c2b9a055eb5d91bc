"""Builds tests/corpus/508 (page) and 509 (Word): the four 预期指标 of 辽政发〔2024〕3号 (329's items) laid out as a
notice's indicator table in two shapes (branch tables28). Run: python make_508_509_indicators.py tests/corpus"""
import sys

from corpus_files import docx_bytes, fill_table, html_page

NOTICE = ["辽宁省人民政府关于印发《2024年省〈政府工作报告〉重点工作分工方案》的通知",
          "各市人民政府,省政府各厅委、各直属机构:",
          "《2024年省〈政府工作报告〉重点工作分工方案》已经省政府十四届四次全体(扩大)会议审议通过,现印发给你们,请认真贯彻,抓好落实。",
          "2024年全省经济社会发展主要预期指标"]
SIGNATURE = ["辽宁省人民政府", "2024年2月5日"]
# (indicator, measure unit, value)
ITEMS = [("地区生产总值", "%", ["增长5.5", "左右"]), ("一般公共预算收入", "%", ["增长5"]),
         ("规模以上工业增加值", "%", ["增长5.5"]), ("固定资产投资", "%", ["增长10"])]


def page() -> str:
    def td(lines) -> str:
        lines = [lines] if isinstance(lines, str) else lines
        return "<td>" + "<br>".join(lines) + "</td>"
    rows = ["<tr>" + "".join(f"<th>{c}</th>" for c in ["序号", "指标名称", "单位", "指标值", "属性"]) + "</tr>"]
    rows += ["<tr>" + td(str(k)) + td(name) + td(unit) + td(value) + td("预期性") + "</tr>"
             for k, (name, unit, value) in enumerate(ITEMS, start=1)]
    return html_page(NOTICE[0], "<div class=\"nav\">首页 &gt; 政务公开 &gt; 政策文件</div>\n<div class=\"article\">\n"
                     + "".join(f"<p>{p}</p>\n" for p in NOTICE) + "<table border=\"1\">\n" + "\n".join(rows)
                     + "\n</table>\n" + "".join(f"<p>{p}</p>\n" for p in SIGNATURE)
                     + "</div>\n<div class=\"foot\">【打印本页】【关闭窗口】</div>\n")


def word() -> bytes:
    import docx
    document = docx.Document()
    for text in NOTICE:
        document.add_paragraph(text)
    rows = [["主要指标", "计量单位", "预期值", "备注"]] + [[name, unit, "".join(value), ""] for name, unit, value in ITEMS]
    fill_table(document.add_table(rows=len(rows), cols=4), rows)
    for text in SIGNATURE:
        document.add_paragraph(text)
    return docx_bytes(document)


if __name__ == "__main__":
    out = sys.argv[1]
    open(f"{out}/508_liaoning_2024_zhuyao_zhibiao_indicator_page.html", "w", encoding="utf-8").write(page())
    open(f"{out}/509_liaoning_2024_zhuyao_zhibiao_indicator_word.docx", "wb").write(word())
