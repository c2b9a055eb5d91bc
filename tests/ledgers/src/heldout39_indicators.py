"""Held-out indicator tables 174–179 (stop 39): figures transcribed by hand from real public pages.

174–176 are tables the pages publish (a 科技局's 附件 and two 12345 hotline reports), typed cell by cell; 177–179
give their figures in sentences, laid out as the office registering them would keep the table (GOLD-README.md,
section "Held-out part, stop 39"). Gold figures are every entity's value of each registered indicator, converted
to the registered 计量单位; totals, rates and unregistered columns are no figures.
"""

from __future__ import annotations

from openpyxl import Workbook

from heldout30_common import (
    body,
    header,
    line,
    merge,
    save_indicators,
    title_row,
    widths,
    write_csv,
    write_indicator_gold,
)

# 苏州市科学技术局 附件1, rows as stored (None: an empty cell): (主管部门, 应结题验收项目合计, 应结未结, 已完成,
# 到期应结, 已完成, 尚未结题验收项目合计). The row after 相城区科技局 (沧浪区科技局) is cut in the stored copy.
SUZHOU_2008 = [
    ("张家港科技局", 10, 2, 2, 8, 2, 6),
    ("常熟科技局", 15, None, None, 15, 4, 11),
    ("昆山科技局", 6, None, None, 6, None, 6),
    ("吴江科技局", 13, 3, 1, 10, 3, 9),
    ("太仓科技局", 11, 1, None, 10, 7, 4),
    ("高新区科技局", 15, 4, 1, 11, 1, 13),
    ("工业园区科技局", 14, 5, 2, 9, None, 12),
    ("吴中区科技局", 6, None, None, 6, None, 6),
    ("相城区科技局", 6, 1, 1, 5, 2, 3),
]


def make_174() -> None:
    """苏州 2008年市级科技计划应结未结、到期应结项目执行情况统计表 (截至11月底): `其中` merged over four
    sub-captions, two of them `已完成`; empty cells where the page has none; no unit line."""
    stem = "174_suzhou_2008_11_keji"
    url = "http://www.lawyee.com.cn/html/text/lar/172801/17280109.html"
    wb = Workbook()
    ws = wb.active
    ws.title = "附件1"
    line(ws, 1, "附件1:", 7)
    title_row(ws, 2, "2008年市级科技计划应结未结、到期应结项目执行情况统计表", 7, size=14)
    line(ws, 3, "截至11月底", 7, align="right")
    header(ws, 4, ["主管部门", "应结题\n验收项目\n合计", "其中", None, None, None, "尚未结题\n验收项目\n合计"])
    header(ws, 5, [None, None, "应结未结", "已完成", "到期应结", "已完成", None])
    merge(ws, 4, 1, 5, 1)
    merge(ws, 4, 2, 5, 2)
    merge(ws, 4, 3, 4, 6)
    merge(ws, 4, 7, 5, 7)
    figures = []
    for r, row in enumerate(SUZHOU_2008, start=6):
        body(ws, r, list(row))
        name, due, overdue, _done1, _expiring, _done2, open_ = row
        figures.append((name, "应结题验收项目", float(due)))
        if overdue is not None:
            figures.append((name, "应结未结项目", float(overdue)))
        figures.append((name, "尚未结题验收项目", float(open_)))
    line(ws, 15, "苏州市科学技术局", 7, align="right")
    widths(ws, [16, 10, 10, 10, 10, 10, 10])
    save_indicators(wb, stem, url, "2008-11",
                    [("应结题验收项目", "项"), ("应结未结项目", "项"), ("尚未结题验收项目", "项")], figures)


# 宁国 12345热线留言办理4月份情况统计表, rows 1–5 (row 6 开发区 is cut): (单位, 派遣总计, 热线按时, 热线超时, 热线未办结,
# 政民互动按时, 政民互动超时, 政民互动未办结, 按时办结数, 超时办结数, 未办结数, 结案率, 按时结案率, 不满意数, 不满意率).
NINGGUO_2022_04 = [
    ("住建局", 99, 87, 0, 0, 12, 0, 0, 99, 0, 0, "100%", "100%", 8, "9%"),
    ("公安局", 77, 70, 0, 0, 7, 0, 0, 77, 0, 0, "100%", "100%", 6, "9%"),
    ("城管局", 68, 66, 0, 0, 2, 0, 0, 68, 0, 0, "100%", "100%", 5, "8%"),
    ("卫健委", 68, 63, 0, 0, 5, 0, 0, 68, 0, 0, "100%", "100%", 3, "5%"),
    ("市场监督管理局", 41, 39, 0, 0, 2, 0, 0, 41, 0, 0, "100%", "100%", 5, "13%"),
]


def make_175() -> None:
    """宁国 12345热线留言办理4月份情况统计表 (2022): a three-row header, `派遣案件总数` merged over 总计 and two
    channels' 按时办结 / 超时办结 / 未办结, then the totals' own 按时办结数 …, rates as text."""
    stem = "175_ningguo_2022_04_12345"
    url = "https://siseiken.net/News/show/1395742.html"
    wb = Workbook()
    ws = wb.active
    ws.title = "4月份"
    line(ws, 1, "附件", 16)
    title_row(ws, 2, "12345热线留言办理4月份情况统计表", 16, size=14)
    top = ["序号", "单位", "派遣案件总数", None, None, None, None, None, None,
           "按时办结数", "超时办结数", "未办结数", "结案率", "按时结案率", "不满意数", "不满意率"]
    header(ws, 3, top)
    header(ws, 4, [None, None, "总计", "12345热线", None, None, "政民互动", None, None] + [None] * 7)
    header(ws, 5, [None, None, None, "按时办结", "超时办结", "未办结", "按时办结", "超时办结", "未办结"] + [None] * 7)
    for col in (1, 2, 10, 11, 12, 13, 14, 15, 16):
        merge(ws, 3, col, 5, col)
    merge(ws, 3, 3, 3, 9)
    merge(ws, 4, 3, 5, 3)
    merge(ws, 4, 4, 4, 6)
    merge(ws, 4, 7, 4, 9)
    figures = []
    for k, row in enumerate(NINGGUO_2022_04, start=1):
        body(ws, 5 + k, [k] + list(row))
        name, total = row[0], row[1]
        ontime, unhappy = row[8], row[13]
        figures += [(name, "派遣案件总数", float(total)), (name, "按时办结数", float(ontime)),
                    (name, "不满意数", float(unhappy))]
    line(ws, 11, "2022年5月18日", 16, align="right")
    widths(ws, [6, 16] + [9] * 14)
    save_indicators(wb, stem, url, "2022-04",
                    [("派遣案件总数", "件"), ("按时办结数", "件"), ("不满意数", "件")], figures)


# 盘锦 12345 热线 2023年1-4月份 县区、经济区 (traditional, as the mirror stores it): (受理單位, 交辦總量, 辦結率, 滿意率,
# 按時反饋率, 有效回訪率, 知識庫更新總數目, 評分).
PANJIN_2023_04 = [
    ("大窪區", 4226, "98.06%", "99.00%", "100.00%", "100.00%", 10330, "99.3"),
    ("盤山縣", 1922, "98.44%", "98.37%", "100.00%", "100.00%", 10884, "99.2"),
    ("興隆臺區", 6530, "97.95%", "98.44%", "100.00%", "99.96%", 16809, "99.1"),
    ("雙臺子區", 2584, "96.21%", "94.01%", "100.00%", "100.00%", 12814, "97.4"),
    ("高新技術開發區", 22, "100.00%", "100.00%", "100.00%", "100.00%", 2967, "100.00"),
    ("遼濱沿海經濟\n技術開發區", 268, "99.25%", "97.02%", "100.00%", "100.00%", 2026, "99.00"),
]


def make_176() -> None:
    """盘锦 12345 热线 2023年1-4月份 县区、经济区 办理情况, in traditional characters: captions over two lines,
    a name over two lines, rates and a score beside the counts."""
    stem = "176_panjin_2023_04_12345"
    url = "http://m.003gm.com/html/2513/2023-06-09/content-131960.html"
    wb = Workbook()
    ws = wb.active
    ws.title = "縣區、經濟區"
    title_row(ws, 1, "2023年1-4月份縣區、經濟區分布情況", 9, size=14)
    header(ws, 2, ["序號", "受理單位", "交辦總量", "辦結率", "滿意率", "按時\n反饋率", "有效\n回訪率",
                   "知識庫更新總數目", "評分"])
    figures = []
    for k, row in enumerate(PANJIN_2023_04, start=1):
        body(ws, 2 + k, [k] + list(row))
        name = row[0].replace("\n", "")
        figures += [(name, "交办总量", float(row[1])), (name, "知识库更新总数目", float(row[6]))]
    line(ws, 9, "縣區、經濟區辦理情況", 9)
    widths(ws, [6, 16, 10, 10, 10, 10, 10, 14, 8])
    save_indicators(wb, stem, url, "2023-04", [("交办总量", "件"), ("知识库更新总数目", "条")], figures)


def make_177() -> None:
    """湖南 2014年1—6月 在建省重点项目 by stage and by trade (the page's sentences): 合计 first, two section rows,
    counts in 个 and money in 亿元 (registered in 万元), the rate of the year's plan beside them."""
    stem = "177_hunan_2014_06_xiangmu"
    url = "http://www.hunan.gov.cn/hnszf/xxgk/zdxm/201408/t20140805_4865520.html"
    sections = [
        ("按阶段划分", [("投产项目", 46, 442.4, "52.4"), ("续建项目", 136, 335.5, "39.4"),
                   ("新开工项目", 21, 14.5, "13.9")]),
        ("按行业划分", [("现代农业及新农村项目", 11, 53.9, "49.3"), ("产业发展项目", 87, 153.2, "50.1"),
                   ("基础设施项目", 70, 324.0, "40.8"), ("社会发展项目", 35, 261.3, "44.2")]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "1-6月"
    title_row(ws, 1, "2014年1—6月全省在建重点项目完成投资情况", 4, size=14)
    line(ws, 2, "单位：个、亿元、%", 1, start=4, align="right")
    header(ws, 3, ["项目类别", "项目个数", "1—6月完成投资", "为年计划"])
    body(ws, 4, ["全省在建重点项目", 203, 792.4, "44"])
    r = 5
    figures = []
    for heading, rows in sections:
        body(ws, r, [heading, None, None, None])
        merge(ws, r, 1, r, 4)
        r += 1
        for name, count, invest, rate in rows:
            body(ws, r, [name, count, invest, rate])
            figures += [(name, "项目个数", float(count)), (name, "完成投资", round(invest * 10000, 2))]
            r += 1
    line(ws, r, "注：完成投资较去年同期增加50.6亿元，增长6.8%。", 4)
    widths(ws, [22, 10, 16, 10])
    save_indicators(wb, stem, url, "2014-06", [("项目个数", "个"), ("完成投资", "万元")], figures)


def make_178() -> None:
    """濮阳 (the page: 全市) 2020年截至7月底 省、市重点项目 by trade: CSV in GB18030, the unit line inside the
    header's line, 合计 first, 省重点项目 in a 注 line."""
    stem = "178_puyang_2020_07_xiangmu"
    url = "http://pyrb.pyxww.com/content/202009/01/c66986.html"
    rows = [("工业项目", "205.58", "76.17"), ("农业项目", "60.5", "76"), ("城建项目", "145.27", "79.63"),
            ("社会事业项目", "56.91", "68.53"), ("服务业项目", "136.58", "76.62"), ("交通能源项目", "79.27", "51.6")]
    lines = [
        ["截至7月底省、市重点项目分行业完成投资情况", "", ""],
        ["", "", "单位：亿元、%"],
        ["行业", "完成投资", "占年度计划"],
        ["合计", "606.98", "64.1"],
    ]
    lines += [list(row) for row in rows]
    lines.append(["注：全市283个省、市重点项目中，61个省重点项目完成投资274.5亿元，占年度计划的71.2%。", "", ""])
    write_csv(stem, lines, "gb18030")
    figures = [(name, "完成投资", float(value)) for name, value, _rate in rows]
    write_indicator_gold(stem, ".csv", url, "2020-07", [("完成投资", "亿元")], figures)


def make_179() -> None:
    """许昌 2021年百城建设提质工程项目上半年推进情况 by area (the page's sentences): 全市 first, units in the
    captions, money registered in 万元, counts in 个, two rate columns."""
    stem = "179_xuchang_2021_06_baicheng"
    url = "http://xcszjj.xuchang.gov.cn/gzdt/20210708/10c27b20-68ae-423d-8c17-90f6a39e7473.html"
    rows = [
        ("中心城区", 189, 1626.8, 353.2, 95, 29, "65.61%", 188.7, "53.43%"),
        ("4个县(市)", 197, 468.86, 142.38, 128, 31, "80.71%", 81.33, "57.12%"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "上半年"
    title_row(ws, 1, "2021年百城建设提质工程项目上半年推进情况", 9, size=14)
    header(ws, 2, ["区域", "项目数（个）", "概算总投资（亿元）", "年度计划投资（亿元）", "在建项目（个）",
                   "竣工项目（个）", "开工率", "完成投资（亿元）", "占年度计划投资"])
    body(ws, 3, ["全市", 386, 2095.66, 495.58, 223, 60, "73.32%", 270.03, "54.49%"])
    figures = []
    for r, row in enumerate(rows, start=4):
        body(ws, r, list(row))
        name, count, _total, plan, _building, done, _rate, invest, _share = row
        figures += [(name, "项目数", float(count)), (name, "年度计划投资", round(plan * 10000, 2)),
                    (name, "竣工项目", float(done)), (name, "完成投资", round(invest * 10000, 2))]
    widths(ws, [12, 10, 14, 14, 12, 12, 10, 14, 12])
    save_indicators(wb, stem, url, "2021-06",
                    [("项目数", "个"), ("年度计划投资", "万元"), ("竣工项目", "个"), ("完成投资", "万元")], figures)
