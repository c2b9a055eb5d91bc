"""Held-out ledgers 180–184 (stop 40): rows transcribed by hand from real public documents.

Each ``make_NNN`` writes ``tests/ledgers/NNN_name.(xlsx|csv)`` laid out as an office's Excel would hold the
document's rows, and its gold typed by hand before any reader ran on the file (tests/ledgers/GOLD-README.md,
section "Held-out part, stop 40", for the conventions). Rows are quoted from the stored copy of the page named
in ``made_from`` (found with the ``search`` tool, corpus "pages"), cut at the last complete row, with the copy's
ASCII punctuation kept as stored. The layout helpers are the stop-30 ones (heldout30_common.py); nothing here
reads a ledger back.
"""

from __future__ import annotations

from openpyxl import Workbook

from heldout30_common import (
    Row,
    body,
    group_row,
    header,
    line,
    save_ledger,
    title_row,
    widths,
    write_csv,
    write_ledger_gold,
)


def make_180() -> None:
    """沙坪坝区 督查办: 2022年政府工作报告重点任务上半年推进较为滞后的任务 1–4 (the report's 5th is cut in the copy).

    The report writes each task, its half-year result and, in brackets, its 责任单位; the office's 附件2 holds them
    as a table with a 推进状态 column saying what the report says of all seven (`推进较为滞后`).
    """
    stem = "180_shapingba_2022_h1_zhihou"
    url = "https://cqspb.gov.cn/zwgk_235/zfxxgkpt/zfgzbg_121780/zxqk_121782/202209/t20220909_11097999.html"
    title = "2022年区政府工作报告重点工作任务上半年推进较为滞后的任务"
    rows = [
        ("实现数字经济增加值增长7%",
         "1-6月,我区数字经济完成产值1175亿元,同比增长仅为1.2%,与全年目标有较大差距。", "区经济信息委"),
        ("引进德国奔驰内陆分拨中心、大众进口车西南分拨中心,进口整车5000辆以上。",
         "1-6月,铁路口岸完成整车进口1589辆,与全年目标有较大差距。", "国际物流枢纽公司"),
        ("常态化开展“马路办公”,一体推进智慧城市、韧性城市建设,拆除150万平方米违法建筑。",
         "1-6月,累计完成违法建筑拆除33.31万平方米,与全年目标有较大差距。", "区城市管理局(区整违办)"),
        ("拆除新山路沿线10万平方米违法建筑。",
         "1-6月,新山路仅完成违法建筑整治0.75万平方米,与全年目标有较大差距。", "区城市管理局(区整违办)"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "附件2"
    line(ws, 1, "附件2", 5)
    title_row(ws, 2, title, 5, size=14)
    header(ws, 3, ["序号", "重点工作任务", "上半年推进情况", "责任单位", "推进状态"])
    gold: list[Row] = []
    for k, (task, progress, unit) in enumerate(rows, start=1):
        body(ws, 3 + k, [k, task, progress, unit, "推进较为滞后"])
        gold.append(Row(str(k), task, lead=[unit], status="in_progress", progress=progress))
    line(ws, 8, "注:131项重点工作任务中,124项任务正常推进,7项任务推进较为滞后。", 5)
    widths(ws, [6, 40, 44, 20, 12])
    save_ledger(wb, stem, url, title, gold)


def make_181() -> None:
    """沙坪坝区 督查办 附件1: 经济社会发展10项预期目标任务进展情况表, 2021年一季度, rows 1–2 (row 3 is cut):
    CSV in GB18030 with the 附件 line and the title on lines of their own."""
    stem = "181_shapingba_2021_q1_yuqi"
    url = "https://www.cqspb.gov.cn/zwgk_235/zfxxgkpt/zfgzbg_121780/zxqk_121782/202105/t20210507_9253064.html"
    title = "经济社会发展10项预期目标任务进展情况表"
    rows = [
        ("1", "地区生产总值增长6%以上", "区发展改革委", "预计一季度GDP增长20%左右。"),
        ("2", "固定资产投资总额增长8%", "区发展改革委", "预计一季度投资增速20%左右。"),
    ]
    lines = [
        ["附件1", "", "", ""],
        [title, "", "", ""],
        ["序号", "预期目标", "责任单位", "进展情况"],
    ]
    lines += [list(row) for row in rows]
    lines.append(["重庆市沙坪坝区人民政府督查办 2021年4月8日", "", "", ""])
    write_csv(stem, lines, "gb18030")
    gold = [Row(number, target, lead=[unit], progress=progress) for number, target, unit, progress in rows]
    write_ledger_gold(stem, ".csv", url, title, gold)


def make_182() -> None:
    """A 县级市 (the published sample names it `V市`) 创文 督查通报 2022年第9期: 鹿城镇's problems 1–5 (the 6th is
    cut in the copy), laid out as the 问题清单 the 创文办 sends out: a group row `(一)鹿城镇(14个)`, the problems
    with their numbered parts `(1)…(2)…` in one cell, the 镇 as 责任单位 of each, an empty 整改情况."""
    stem = "182_vshi_2022_09_chuangwen"
    url = "https://sucai198.com/qitaziliao/2023/03/50458.html"
    title = "全国文明城市建设工作督查发现问题清单(2022年·第9期)"
    problems = [
        "格林天城一号门外农业银行旁大门公益广告褪色破损。",
        "百水巷桃源湖口的龙泉路税务小区:住户乱拉广告横幅乱粘贴小广告。",
        "丽景花园二期:(1)小区内车辆乱停乱放;(2)小区内杂物、废弃物乱堆乱放;(3)无15分钟生活圈提示牌。",
        "信义花园:(1)小区垃圾桶未盖、桶壁脏污,垃圾满溢;(2)小区内车辆乱停乱放;(3)小区内有飞线现象。",
        "市人民商场住宿区:(1)小区绿化带黄土裸露;(2)楼道口地面破损;(3)小区内车辆乱停乱放;"
        "(4)小区内乱拉线晾晒物品;5.小区内无健身设施。",
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "问题清单"
    title_row(ws, 1, title, 4, size=14)
    line(ws, 2, "督查时间:2022年9月26-30日", 4, align="right")
    header(ws, 3, ["序号", "存在问题", "责任单位", "整改情况"])
    gold: list[Row] = []
    r = group_row(ws, 4, "(一)", "鹿城镇(14个)", 4, gold)
    for k, problem in enumerate(problems, start=1):
        body(ws, r, [f"{k}.", problem, "鹿城镇", None])
        gold.append(Row(str(k), problem, lead=["鹿城镇"]))
        r += 1
    line(ws, r, "V市创建全国文明城市工作指挥部办公室", 4, align="right")
    widths(ws, [7, 64, 12, 16])
    save_ledger(wb, stem, url, title, gold)


def make_183() -> None:
    """连云港 (the site of the city's portal, mirrored) 2019年《政府工作报告》重点目标任务前三季度: the 综合指标类 targets
    1–8 that had not reached their time-proportional progress (the 9th is cut), each with the report's own number
    `(第1项)` written after it, a 推进状态 column (`未达到序时进度`) saying what the page says of them all."""
    stem = "183_lianyungang_2019_q3_gzbg"
    url = "https://llqcyx.com/zglygzfmhwz/zdgz/content/c7461454-931c-47bf-bad9-557521779519.shtml"
    title = "《政府工作报告》重点目标任务前三季度未达到序时进度要求的具体目标"
    rows = [
        ("地区生产总值(第1项)", "增长6.1%,低于目标0.9个百分点。"),
        ("一般公共预算收入(第2项)", "增长3.9%,低于目标11.1个百分点。"),
        ("固定资产投资(第3项)", "增长6%,低于目标3个百分点。"),
        ("工业投资(第4项)", "增长14.6%,低于目标0.4个百分点。"),
        ("社会消费品零售总额(第6项)", "增长6.7%,低于目标1.8个百分点。"),
        ("实际利用外资(第7项)", "实际到资3.73亿美元,完成年度目标的53.3%,低于目标21.7个百分点。"),
        ("外贸进出口总额(第8项)", "预计下降8%左右,低于目标15个百分点。"),
        ("城镇居民人均可支配收入(第11项)", "预计增长8.2%,低于目标0.3个百分点。"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "前三季度"
    title_row(ws, 1, title, 4, size=14)
    line(ws, 2, "市政府督查室 2019年10月", 4, align="right")
    header(ws, 3, ["序号", "目标任务", "前三季度完成情况", "推进状态"])
    gold: list[Row] = []
    r = group_row(ws, 4, "一、", "综合指标类9项(按考核目标统计)", 4, gold)
    for k, (target, result) in enumerate(rows, start=1):
        body(ws, r, [f"{k}.", target, result, "未达到序时进度"])
        gold.append(Row(str(k), target, status="in_progress", progress=result))
        r += 1
    widths(ws, [7, 30, 50, 14])
    save_ledger(wb, stem, url, title, gold)


def make_184() -> None:
    """长沙芙蓉区 城市人居环境局 2021年重点民生实事 城镇老旧小区改造 完成情况公示: the page's one-row table as published
    (`指标名称 | 全年任务目标(个) | 实际完成(个) | 完成进度`), the signature under it."""
    stem = "184_furong_2021_laojiu"
    url = "http://furong.gov.cn/affairs/xxgk/gov1/sjj_12205/notice/202112/t20211215_10395116.html"
    title = "2021年芙蓉区重点民生实事城镇老旧小区项目情况公示"
    wb = Workbook()
    ws = wb.active
    ws.title = "公示"
    title_row(ws, 1, title, 4, size=14)
    header(ws, 2, ["指标名称", "全年任务目标(个)", "实际完成(个)", "完成进度"])
    body(ws, 3, ["开工建设城镇老旧小区", 15, 15, "100%"])
    line(ws, 4, "芙蓉区城市人居环境局", 4, align="right")
    line(ws, 5, "2021年12月15日", 4, align="right")
    widths(ws, [26, 16, 14, 12])
    save_ledger(wb, stem, url, title, [Row(None, "开工建设城镇老旧小区", progress="15")])
