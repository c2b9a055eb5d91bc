"""Builds tests/corpus/506 (page) and 507 (Word) from the same rows (branch tables28). Run: python make_506_507_examined_unit.py tests/corpus"""
# Builds tests/corpus/506 (page) and 507 (Word) from the same rows: 温州 2013 条线工作考核细则 items laid out in the
# shape of a county's 考核细则 (tables28).
import sys

from corpus_files import docx_bytes, html_page

HEADER = ["序号", "考核项目", "各项分值", "考核内容", "评分标准", "说明"]
S1 = ["一、", "殡葬改革与社会养老服务体系建设", "100", "", "", ""]
ROWS1 = [
 ["1", "私坟“禁新”、整改工作", "30", ["严禁任何形式的新建、翻新、扩建私坟。"], ["每月进行一次明察暗访,按照发现的新建、翻新、扩建私坟进行排名,第一名得基本分30分,名次每减1位减基本分5%。", "年终按照12个月的得分数取平均值。"], ""],
 ["2", "骨灰流向跟踪管理工作", "10", ["全面推行骨灰流向跟踪管理,骨灰跟踪管理率达到100%。"], ["根据《骨灰安放流向跟踪管理月报表》实行每月一排名,按照排名赋分,第一名得基本分10分,名次每减1位减基本分5%。", "年终按照12个月的得分数取平均值。"], ""],
 ["3", "私坟生态化改造、私坟迁移工作", "20", ["完成“四边区域”(即公路边、铁路边、河边、山边)500米范围内坟墓治理率90%。"], ["根据全年私坟生态化改造、私坟迁移的数量排名,按照排名赋分,第一名得基本分20分,名次每减1位减基本分5%。"], ""],
 ["4", "公墓建设工作", "20", ["完成2013年度公墓建设任务,确保年底前投入使用。"], ["根据《公墓建设进度表》每个季度一排名,按排名赋分,第一名得基本分20分,名次每减1位减基本分5%。", "年终按四个季度的得分数取平均值。"], ""],
 ["5", "社区居家养老服务照料中心建设", "20", ["社区居家养老服务照料中心城市覆盖100%,农村覆盖50%,其余社区均启动。"], ["按标准和任务数完成社区居家养老服务照料中心建设,城市覆盖率达100%的,得4分,否则不得分;农村覆盖率达50%的,得8分,否则不得分。"], ""],
]
S2 = ["二、", "B类条线工作", "140", "", "", ""]
# (序号, unit, points, content lines, criteria lines): the unit's cell merged over its items, 重点考核部门 over all
ROWS2 = [
 ["1", "市委办公室", "20", ["党委信息报送工作:日常信息报送、紧急信息报送等工作情况等。"], ["按《2013年全市党委系统信息工作考核办法》进行考核赋分。"]],
 ["2", "市委办公室", "15", ["机要工作:密码通信、密码管理、信息化密码保障及信息化等工作情况。"], ["按《温州市机要工作考评实施细则》进行考核赋分。"]],
 ["3", "市委办公室", "15", ["保密安全保障工作:", "①失泄密案件查处率达到100%,发生失泄密事件的按密级和份数扣分;", "②重点涉密单位检查率达到100%;", "③定密工作开展情况,重点单位定密范围一览表制定率达到100%;", "④涉密单位培训覆盖率达到100%;", "⑤保密管理数字化和岗位责任制落实情况;", "⑥“三网”平台监管、建设、维护、升级情况;", "⑦完成省市部署的年度任务情况;", "⑧保密工作保障情况。"], ["按《2013年度县(市、区)保密工作目标管理考评办法》进行考核赋分。"]],
 ["4", "市委办公室", "50", ["工作测评。"], ["测评办法另行制订。"]],
 ["5", "市府办公室", "20", ["政务信息:", "①信息来稿被采用后计分。", "②各县(市、区)、各单位全年考核标准分。", "③具体计分办法和全年考核标准分,按温州市人民政府办公室《关于调整政务信息工作计分考核办法的通知》文件执行。"], ["①按全年(截至11月底,12月纳入下年度考核)累计得分/全年考核标准分进行排名。", "②县(市、区)按排名赋分,第一名为满分,每降1位减0.5分。", "③未完成考核标准分的,酌情减分。"]],
]

def page() -> str:
    def td(lines, **attrs):
        lines = [lines] if isinstance(lines, str) else lines
        a = "".join(f' {k}="{v}"' for k, v in attrs.items())
        return f"<td{a}>" + ("".join(f"<p>{l}</p>" for l in lines) if any(lines) else "<p>&nbsp;</p>") + "</td>"
    trs = ["<tr>" + "".join(td(c) for c in HEADER) + "</tr>", "<tr>" + "".join(td(c) for c in S1) + "</tr>"]
    trs += ["<tr>" + "".join(td(c) for c in row) + "</tr>" for row in ROWS1]
    trs.append("<tr>" + "".join(td(c) for c in S2) + "</tr>")
    seen = set()
    for k, (number, unit, points, content, criteria) in enumerate(ROWS2):
        cells = [td(number)]
        if k == 0:
            cells.append(td("重点考核部门", rowspan=len(ROWS2)))
        if unit not in seen:
            seen.add(unit)
            cells.append(td(unit, rowspan=sum(1 for r in ROWS2 if r[1] == unit)))
        cells += [td(points), td(content), td(criteria), td("")]
        trs.append("<tr>" + "".join(cells) + "</tr>")
    return html_page("2013年度条线工作考核细则", "<div class=\"top\"><a href=\"/\">首页</a> | <a href=\"/system/\">政策文件</a></div>\n"
            "<div class=\"location\">您所在的位置: 温州督考网 &gt; 政策文件 &gt; 市单项工作考绩文件</div>\n"
            "<div class=\"content\">\n<p>温州市考绩委员会办公室文件</p>\n"
            "<p>温州市考绩委员会办公室关于印发《2013年度县(市、区)考绩法》重点项目分项和条线工作考核细则的通知</p>\n"
            "<p align=\"center\"><strong>2013年度条线工作考核细则</strong></p>\n<table border=\"1\" cellspacing=\"0\">\n<tbody>\n"
            + "\n".join(trs) + "\n</tbody>\n</table>\n<p>温州市考绩委员会办公室</p>\n<p>2013年4月17日</p>\n</div>\n"
            "<div class=\"foot\">【打印本页】【关闭窗口】</div>\n")

def word() -> bytes:
    import docx
    document = docx.Document()
    for text in ["温州市考绩委员会办公室关于印发《2013年度县(市、区)考绩法》重点项目分项和条线工作考核细则的通知", "2013年度条线工作考核细则"]:
        document.add_paragraph(text)
    rows = [HEADER + [""], S1 + [""]] + [[r[0], r[1], r[2], "\n".join(r[3]), "\n".join(r[4]), r[5], ""] for r in ROWS1]
    rows.append(S2 + [""])
    firsts = {u: min(i for i, r in enumerate(ROWS2) if r[1] == u) for _, u, *_ in ROWS2}
    rows += [[n, "重点考核部门" if i == 0 else "", u if firsts[u] == i else "", p, "\n".join(c), "\n".join(k), ""]
             for i, (n, u, p, c, k) in enumerate(ROWS2)]
    table = document.add_table(rows=len(rows), cols=7)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text:
                first, *rest = text.split("\n")
                cell = table.cell(r, c)
                cell.text = first
                for line in rest:
                    cell.add_paragraph(line)
    # the header and section one write six columns: the last caption and cells merged over the seventh
    for r in range(0, 2 + len(ROWS1) + 1):
        table.cell(r, 5).merge(table.cell(r, 6))
    base = 2 + len(ROWS1) + 1
    table.cell(base, 1).merge(table.cell(base + len(ROWS2) - 1, 1))
    table.cell(base, 2).merge(table.cell(base + 3, 2))
    document.add_paragraph("温州市考绩委员会办公室")
    document.add_paragraph("2013年4月17日")
    return docx_bytes(document)

if __name__ == "__main__":
    out = sys.argv[1]
    open(f"{out}/506_wenzhou_2013_tiaoxian_kaohe_xize_examined_unit_page.html", "w", encoding="utf-8").write(page())
    open(f"{out}/507_wenzhou_2013_tiaoxian_kaohe_xize_examined_unit_word.docx", "wb").write(word())
