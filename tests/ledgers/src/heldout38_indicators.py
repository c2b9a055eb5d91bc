"""Held-out indicator tables 162–166 (stop 38): figures transcribed by hand from real public pages.

None of these pages holds a table an office could download: each gives its figures in sentences, laid
out here as the office that registered them would keep the table (GOLD-README.md, section "Held-out
part, stop 38"). Gold figures are every entity's value of each registered indicator, converted to the
registered 计量单位; totals and rates are no figures.
"""

from __future__ import annotations

from openpyxl import Workbook

from heldout30_common import (
    body,
    header,
    line,
    save_indicators,
    title_row,
    widths,
    write_csv,
    write_indicator_gold,
)

# 荆州 市污染防治攻坚指挥部办公室's weekly 大气污染防治突出问题 counts: (责任单位, 已完成整改, 未完成整改).
# The page names 住建局 in its first list and 市住建局 in its second; the table writes the one body once.
JINGZHOU_07 = [
    ("荆州区", 17, 2), ("沙市区", 12, 3), ("开发区", 14, 0), ("高新区", 1, 0), ("文旅区", 5, 1),
    ("市住建局", 2, 5), ("市禁烧办", 1, 0), ("市城投公司", 0, 2),
]
JINGZHOU_08 = [
    ("荆州区", 30, 5), ("沙市区", 29, 1), ("开发区", 18, 1), ("文旅区", 6, 3), ("高新区", 1, 0),
    ("市住建局", 8, 1), ("市城投公司", 2, 0), ("市交管局", 0, 1),
]


def _counts(rows) -> list[tuple[str, str, float]]:
    """Figures of 已完成整改 / 未完成整改 (个) for each 责任单位 row."""
    figures = []
    for unit, done, undone in rows:
        figures += [(unit, "已完成整改", float(done)), (unit, "未完成整改", float(undone))]
    return figures


def make_162() -> None:
    """荆州 2019年7月1日至7月7日 大气污染防治突出问题 by 责任单位: zeros, 合计 last, 单位：个."""
    stem = "162_jingzhou_2019_07_daqi"
    url = "http://jingzhou.cjyun.org/p/260036.html"
    wb = Workbook()
    ws = wb.active
    ws.title = "7月1日-7日"
    title_row(ws, 1, "2019年7月1日至7月7日大气污染防治突出问题整改情况统计表", 4, size=14)
    line(ws, 2, "单位：个", 1, start=4, align="right")
    header(ws, 3, ["责任单位", "发现问题", "已完成整改", "未完成整改"])
    r = 4
    for unit, done, undone in JINGZHOU_07:
        body(ws, r, [unit, done + undone, done, undone])
        r += 1
    body(ws, r, ["合计", 65, 52, 13])
    line(ws, r + 1, "市污染防治攻坚指挥部办公室（无人机巡查和现场督查）", 4)
    widths(ws, [14, 11, 12, 12])
    save_indicators(wb, stem, url, "2019-07", [("已完成整改", "个"), ("未完成整改", "个")], _counts(JINGZHOU_07))


def make_163() -> None:
    """荆州 2019年8月6日至8月11日 大气污染防治突出问题 by 责任单位: CSV in GB18030, 合计 last."""
    stem = "163_jingzhou_2019_08_daqi"
    url = "http://m-jingzhou.cjyun.org/p/262483.html"
    lines = [
        ["8月6日至8月11日大气污染防治突出问题整改情况", "", "", ""],
        ["填报单位：市污染防治攻坚指挥部办公室", "", "", "单位：个"],
        ["责任单位", "发现问题", "已完成整改", "未完成整改"],
    ]
    lines += [[unit, str(done + undone), str(done), str(undone)] for unit, done, undone in JINGZHOU_08]
    lines.append(["合计", "106", "94", "12"])
    write_csv(stem, lines, "gb18030")
    write_indicator_gold(stem, ".csv", url, "2019-08", [("已完成整改", "个"), ("未完成整改", "个")],
                         _counts(JINGZHOU_08))


def make_164() -> None:
    """2016年1-6月 原保险保费收入 by kind of company and of business (亿元), registered in 万元."""
    stem = "164_baofei_2016_06_yewu"
    url = "https://m.huize.com/study/detail-235682.html"
    sections = [
        ("按公司类型", [("产险公司", 4632.01, "8.51"), ("寿险公司", 14180.74, "50.32")]),
        ("按业务类型", [("产险业务", 4301.97, "7.07"), ("寿险业务", 11761.02, "45.02"),
                   ("健康险业务", 2359.33, "89.37"), ("意外险业务", 390.49, "18.75")]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "1-6月"
    title_row(ws, 1, "2016年1-6月原保险保费收入情况", 3, size=14)
    line(ws, 2, "单位：亿元、%", 1, start=3, align="right")
    header(ws, 3, ["项目", "原保险保费收入", "同比增长（%）"])
    body(ws, 4, ["原保险保费收入合计", 18812.82, "37.29"])
    r = 5
    figures = []
    for heading, rows in sections:
        body(ws, r, [heading, None, None])
        r += 1
        for name, value, rate in rows:
            body(ws, r, ["  " + name, value, rate])
            ws.cell(row=r, column=2).number_format = "0.00"
            figures.append((name, "原保险保费收入", round(value * 10000, 2)))
            r += 1
    line(ws, r, "数据来源：相关机构对1-6月保险数据的统计", 3)
    widths(ws, [22, 16, 14])
    save_indicators(wb, stem, url, "2016-06", [("原保险保费收入", "万元")], figures)


def make_165() -> None:
    """2018年1-5月 原保险保费收入 by business (亿元): CSV in UTF-8 with a BOM, negative rates, 合计 last."""
    stem = "165_baofei_2018_05_yewu"
    url = "http://www.qinglongs.com/qlwxw/9729.html"
    rows = [("财产保险业务", "4474.77", "13.10"), ("寿险业务", "11735.1", "-14.45"),
            ("健康保险业务", "2448.79", "9.32"), ("意外保险业务", "444.35", "17.55")]
    lines = [
        ["2018年1-5月保险业原保险保费收入（按业务）", "", ""],
        ["", "", "单位：亿元"],
        ["业务类别", "原保险保费收入", "同比增长(%)"],
    ]
    lines += [list(row) for row in rows]
    lines.append(["合计", "19103.02", "-5.86"])
    lines.append(["注：财产保险公司原保费收入4961.28亿元,寿险公司原保费收入14141.71亿元。", "", ""])
    write_csv(stem, lines, "utf-8-sig")
    figures = [(name, "原保险保费收入", float(value)) for name, value, _rate in rows]
    write_indicator_gold(stem, ".csv", url, "2018-05", [("原保险保费收入", "亿元")], figures)


def make_166() -> None:
    """常州武进区 2020年1-3月 重大/重点项目 by level: no total row, 完成投资 registered in 万元."""
    stem = "166_wujin_2020_03_xiangmu"
    url = "http://haisufink.com/ns_news/244158684410299"
    rows = [("省重大项目", 4, 1.0, "5.7%"), ("结转市重点项目", 41, 17.4, "15.9%"), ("区重点项目", 135, 27.8, "14.8%")]
    wb = Workbook()
    ws = wb.active
    ws.title = "1-3月"
    title_row(ws, 1, "武进区2020年重大项目1-3月推进情况", 4, size=14)
    header(ws, 2, ["项目类别", "项目数（个）", "1-3月累计完成投资（亿元）", "投资完成率"])
    for r, values in enumerate(rows, start=3):
        body(ws, r, list(values))
    line(ws, 6, "注：省重大项目中实施项目3个，2个已开工建设。", 4)
    widths(ws, [16, 13, 24, 12])
    figures = []
    for name, count, invest, _rate in rows:
        figures += [(name, "项目数", float(count)), (name, "完成投资", round(invest * 10000, 2))]
    save_indicators(wb, stem, url, "2020-03", [("项目数", "个"), ("完成投资", "万元")], figures)
