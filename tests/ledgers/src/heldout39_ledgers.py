"""Held-out ledgers 167–173 (stop 39): rows transcribed by hand from real public documents.

Each ``make_NNN`` writes ``tests/ledgers/NNN_name.(xlsx|csv)`` laid out as an office's Excel would hold
the document's rows, and its gold typed by hand before any reader ran on the file (tests/ledgers/
GOLD-README.md, section "Held-out part, stop 39", for the conventions). Rows are quoted from the stored
copy of the page named in ``made_from`` (found with the ``search`` tool, corpus "pages"), cut at the last
complete row, with the copy's ASCII punctuation kept as stored. The layout helpers are the stop-30 ones
(heldout30_common.py); nothing here reads a ledger back.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font

from heldout30_common import (
    Row,
    body,
    group_row,
    header,
    line,
    merge,
    save_ledger,
    title_row,
    widths,
    write_csv,
    write_ledger_gold,
)


def _lines(units: list[str]) -> str:
    """A unit cell holding one unit per line, as the stored document's cell paragraphs hold them."""
    return "\n".join(units)


def make_167() -> None:
    """常州钟楼区 2021年重大民生实事项目目标任务责任分解表, items 1–3 (item 4's cell is garbled in the copy).

    序号 and 项目名称 merged over item 3's two 主要内容 rows, each with its own 分管领导, 牵头单位 and
    配合单位 (one unit per line in the cell).
    """
    stem = "167_zhonglou_2021_minsheng_fenjie"
    url = "https://1wenmi.com/doc/507125.html"
    title = "2021年重大民生实事项目目标任务责任分解表"
    wb = Workbook()
    ws = wb.active
    ws.title = "民生实事"
    title_row(ws, 1, title, 6)
    header(ws, 2, ["序号", "项目名称", "主要内容", "区政府分管领导", "牵头单位", "配合单位"])
    gold: list[Row] = []
    singles = [
        ("1", "增加教育资源供给",
         "实施新建、改扩建学校重点建设项目12个,计划竣工3个,其中幼儿园7个、小学4个、初中1个;"
         "增加学位5000个,其中幼儿园420个,中小学4580个。",
         "何海平", "教育局", ["经开区", "高新园(邹区镇)", "各街道", "市国有公司"]),
        ("2", "促进就业稳定增长",
         "落实就业优先战略。全区城镇新增就业15000人,失业人员再就业5800人,新增参保大学生5400人,"
         "城乡“零就业家庭”动态清零,城镇登记失业率控制在3%以内;支持成功自主创业2000人,支持大学生创业240人;"
         "开展职业技能补贴培训10000人次。",
         "何海平", "人社局", ["高新园(邹区镇)", "各街道"]),
    ]
    r = 3
    for number, item, content, leader, lead, supporting in singles:
        body(ws, r, [int(number), item, content, leader, lead, _lines(supporting)])
        gold.append(Row(number, item, lead=[lead], supporting=supporting))
        r += 1
    parts = [
        ("完成瞿秋白纪念馆整体提升工程对外开放,完成常州盛宣怀故居(本体)修缮展陈。",
         "何海平", "文体旅局", ["晋陵公司", "轨道公司"]),
        ("推进大庙弄核心区改造、瞿秋白纪念馆周边立面整治及三堡街、西横街、民元里、邮电路、北大街等老城厢道路整治。",
         "芮春祥", "住建局", ["五星街道", "南大街街道", "荷花池街道"]),
    ]
    body(ws, r, [3, "老城厢复兴发展", None, None, None, None])
    body(ws, r + 1, [None, None, None, None, None, None])
    merge(ws, r, 1, r + 1, 1)
    merge(ws, r, 2, r + 1, 2)
    gold.append(Row("3", "老城厢复兴发展", group=True))
    for k, (content, leader, lead, supporting) in enumerate(parts):
        ws.cell(row=r + k, column=3, value=content)
        ws.cell(row=r + k, column=4, value=leader)
        ws.cell(row=r + k, column=5, value=lead)
        ws.cell(row=r + k, column=6, value=_lines(supporting))
        gold.append(Row(f"3.{k + 1}", content, lead=[lead], supporting=supporting))
    widths(ws, [6, 16, 60, 12, 12, 18])
    save_ledger(wb, stem, url, title, gold)


def make_168() -> None:
    """上半年重点工作进展情况统计表(政府), group 一 rows 1–5 (row 6 is cut): a 完成状态 column (序时推进).

    The document as published has its figures blanked with x (a sample of a city's table); they stay so.
    """
    stem = "168_shi_2022_shangbannian_zhongdian"
    url = "https://www.gongwk.com/doc/489008.jhtml"
    title = "上半年重点工作进展情况统计表(政府)"
    rows = [
        ("1", "全市生产总值增长x%。",
         "上半年,市政府逐月召开经济运行分析调度会,市委召开一季度经济运行调度会,分析经济运行情况,安排部署重点工作。"
         "一季度,全市生产总值增长x%。全面落实中央和省、市经济工作会议决策部署,"
         "研究制定《关于促进经济平稳健康发展确保“十四五”开好局起好步的实施意见》等文件。", "市发展改革委"),
        ("2", "社会消费品零售总额增长xx%以上。",
         "全市消费市场持续稳定恢复,一季度实现社会消费品零售总额xx亿元,同比增长x%。"
         "x-x月实现限额以上消费品零售额xx亿元,总量居全省第x位;同比增长x%,与xxxx年同期相比,两年平均增长x%。",
         "市商务局"),
        ("3", "固定资产投资增长xx%以上。",
         "开展县处级领导干部包干县市区调研活动,梳理项目投资堵点和难点,及时掌握投资运行情况,加快推进项目建设。"
         "梳理年内在建项目 计划新开工项目清单 按月排出投资计划及前期工作完成节点,按照节点压茬推进。"
         "x-x月份,全市固定资产投资增长x%。", "市发展改革委"),
        ("4", "进出口总额增长x%以上。",
         "x-x月份,全市累计实现进出口总额x亿美元,同比增长xx%,总量居全省第x位,增幅居全省xx位。", "市商务局"),
        ("5", "城镇新增就业x万人,城镇调查失业率x%以内。",
         "全市城镇新增就业xxxxx人,登记失业率xx%,就业局势总体稳定。", "市人力资源和社会保障局"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "上半年"
    title_row(ws, 1, title, 5)
    header(ws, 2, ["序号", "承担的重点工作", "完成状态", "工作进展情况", "牵头责任单位"])
    gold: list[Row] = []
    r = group_row(ws, 3, "一、", "努力完成全年主要预期目标", 5, gold)
    for number, task, progress, unit in rows:
        body(ws, r, [int(number), task, "序时推进", progress, unit])
        gold.append(Row(number, task, lead=[unit], status="in_progress", progress=progress))
        r += 1
    widths(ws, [6, 30, 10, 70, 18])
    save_ledger(wb, stem, url, title, gold)


def make_169() -> None:
    """荆州 市创文办 8月29日至30日 督查发现问题 (places 1–4 of the page's list; place 5 is cut).

    A 整改台账 of problems: each place's numbered problems in one cell, 问题整改责任单位 and 整改时限 (`3天`,
    `5天`) as the page gives them, an empty 整改情况 column (sent out to be filled).
    """
    stem = "169_jingzhou_chuangwen_wenti"
    url = "http://jingzhou.cjyun.org/p/263877.html"
    title = "8月29日至30日督查组实地督查发现的创文工作相关问题"
    places = [
        ("市科技馆", ["(1)院内电动车未按指定区域停放;", "(2)灭火器过期未更换;",
                  "(3)意见簿投诉记录和回复处理记录不规范。"], "市科技馆", "3天"),
        ("市第二人民医院", ["(1)院内禁烟标识数量不达标;", "(2)宣传牌内容不规范;",
                     "(3)学雷锋志愿服务岗缺乏志愿者信息台账。"], "市卫生健康委员会", "5天"),
        ("市第三人民医院", ["(1)门诊大厅服务窗口未见诚信服务公益宣传;", "(2)院内清洁卫生存在死角,垃圾未及时清运;",
                     "(3)全民阅读活动正在整改;", "(4)院内住宅小区水表箱破损严重;", "(5)院内宣传栏破损。"],
         "市卫生健康委员会", "5天"),
        ("市第五人民医院", ["(1)院内存在摩托车乱停乱放现象;", "(2)门诊大厅内消防设施位置设置不当;",
                     "(3)卫生间通道有小广告;",
                     "(4)住宅小区内墙面破损严重,乱涂乱画现象较多,地面有垃圾,卫生状况较差;",
                     "(5)医院食堂未见禁止吸烟标识;", "(6)创文资料整理不规范,相关创文活动未开展;",
                     "(7)未组织干部职工学习《荆州市文明行为促进条例》。"], "市卫生健康委员会", "5天"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "问题清单"
    title_row(ws, 1, title, 6, size=14)
    line(ws, 2, "市创文办", 6, align="right")
    header(ws, 3, ["序号", "点位", "存在问题", "问题整改责任单位", "整改时限", "整改情况"])
    gold: list[Row] = []
    for r, (place, problems, unit, limit) in enumerate(places, start=4):
        text = "\n".join(problems)
        body(ws, r, [r - 3, place, text, unit, limit, None])
        gold.append(Row(str(r - 3), text, lead=[unit], deadline=limit))
    line(ws, 8, "要求相关责任单位在规定时限内处理整改。", 6)
    widths(ws, [6, 16, 60, 18, 10, 16])
    save_ledger(wb, stem, url, title, gold)


def make_170() -> None:
    """数智贵州建设2026年工作要点, tasks 1–2 (task 3 is cut in its unit cell): CSV in GB18030.

    Task 1's 责任单位 cell ends with a rule for the rows below (`除专门列出外,以下任务均涉及…,不再重复`).
    """
    stem = "170_guizhou_2026_shuzhi"
    url = "https://www.mingjiangtw.com/xinwenzhongxin/20260215/195.html"
    title = "数智贵州建设2026年工作要点"
    group = "各市〔州〕、贵安新区数据管理部门"
    tasks = [
        ("1", "发展以智算为重点的算力产业。加快培育服务器、机架、电源设备等算力硬件制造产业。"
         "大力发展云服务、云计算等算力运营服务产业,持续壮大云服务“首位产业”。培育数据中心运维、安全、算力适配等算力配套产业。"
         "组织开展算力产业供需对接。集聚华为云生态企业累计达到150家。",
         "省大数据局、省工业和信息化厅," + group + "。除专门列出外,以下任务均涉及" + group + ",不再重复",
         ["省大数据局", "省工业和信息化厅", group]),
        ("2", "发展以建设高质量数据集为重点的数据产业。加快推进博彦科技、东软等企业或项目落地见效,培育壮大数据企业矩阵。"
         "支持企业开放数据标注需求,“一企一策”推动已建数据中心数据标注业务落地。"
         "积极争创建设国家数据产业集聚区、数据标注试点。全省从事数据标注人员达到2万人以上。",
         "省大数据局、贵州大数据集团", ["省大数据局", "贵州大数据集团", group]),
    ]
    lines = [
        [title, "", "", ""],
        ["序号", "工作任务", "责任单位", "推进情况"],
    ]
    lines += [[f"{number}.", task, units, ""] for number, task, units, _lead in tasks]
    write_csv(stem, lines, "gb18030")
    gold = [Row(number, task, lead=lead) for number, task, _units, lead in tasks]
    write_ledger_gold(stem, ".csv", url, title, gold)


# 171 (唐山路南 2017 为民办好10件实事) was taken out at the merge of stop 37: development file 087 of branch ledgers39
# was made from the same page in the same hours, so it was no longer unseen.


def make_172() -> None:
    """长子县南漳镇 2023年 镇党委政府谋划的农业项目 (5), laid out as the 镇's 项目推进台账.

    The page gives where each project stands (`目前正在进行土地流转`) and when it is to start and finish; a 完成时限
    column holds the finish where the page names one, as written.
    """
    stem = "172_nanzhang_2023_xiangmu"
    url = ("http://www.zhangzi.gov.cn/zzxxgk/zfxxgk/bmxxgk/xzxx/nzzrmzf/nzgknr/GH/202212/"
           "t20221229_2689474.html")
    title = "南漳镇2023年农业项目推进台账"
    rows = [
        ("(一)", "中药材种植产业园项目", "东王内村", "120万元", "目前正在进行土地流转", "2022年12月开工建设", "2023年5月竣工"),
        ("(二)", "西瓜种植产业园项目", "北漳村", "400万元", "目前正在进行土地流转", "2022年12月开工建设", "2023年3月竣工"),
        ("(三)", "高标准大棚园区项目", "东常村", "500万元", None, "2023年1月开工建设", None),
        ("(四)", "酒村净菜加工项目", None, "1000余万元", None, "2022年12月开工建设", None),
        ("(五)", "南李末村蔬菜保鲜库项目", None, "300余万元", None, "2023年3月开工建设", None),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "农业项目"
    title_row(ws, 1, title, 7)
    line(ws, 2, "填报单位：南漳镇人民政府", 7)
    header(ws, 3, ["序号", "项目名称", "建设地点", "总投资", "进展情况", "计划开工", "完成时限"])
    gold: list[Row] = []
    for r, (number, name, place, invest, progress, start, finish) in enumerate(rows, start=4):
        body(ws, r, [number, name, place, invest, progress, start, finish])
        gold.append(Row(number, name, deadline=finish, progress=progress))
    widths(ws, [7, 24, 12, 12, 22, 20, 16])
    save_ledger(wb, stem, url, title, gold)


ZHANGJIAJIE_DONE = [
    "城镇棚户区改造", "农村危房改造", "困难残疾人生活补贴和重度残疾人护理补贴提标", "提高城乡低保标准和救助水平",
    "救治救助重性精神疾病住院患者", "严重性精神障碍患者救治救助监护奖励", "残疾儿童抢救性康复",
    "农村适龄妇女“两癌”免费检查", "孕产妇免费产前筛查", "新增城镇就业人员", "骨干电商培训", "众创空间",
    "市工人文化宫建设", "城乡义务教育学校建设", "基本消除义务教育超大班额", "市人民医院新院建设",
    "农村饮水安全巩固提升", "改造和完善行政村10千伏及以下配电网项目", "实施自然村通水泥(沥青)路",
    "农村公路安保设施建设", "市中心城区奇峰市场建设", "新增社会治安视频监控摄像头", "市中心城区郊野公园建设",
    "乡镇污水处理厂及配套管网建设", "开展县级饮用水水源地环境整治",
]
ZHANGJIAJIE_SOME = [
    "电商扶贫", "易地扶贫搬迁", "村级综合文化服务中心文体设施配送", "提质改造农村公路", "市中心城区公共停车场建设",
    "市中心城区城市公园建设", "市中心城区垃圾站、公厕新建改建", "中小河流治理", "乡镇农贸市场建设",
    "农村生活垃圾治理", "旅游厕所革命建设",
]


def make_173() -> None:
    """张家界 2018年1-11月 30件省市重点民生实事 (40 projects): CSV in UTF-8 with a BOM, two section lines.

    The page names the projects of two groups (25 done or on schedule, 11 with some progress); the third group's 4
    are not named, so the file holds the two sections only. No 序号, no unit, no progress per project.
    """
    stem = "173_zhangjiajie_2018_11_minsheng"
    url = "https://zjj.rednet.cn/m/content/2018/12/17/4298718.html"
    title = "张家界市1-11月30件省市重点民生实事项目推进情况"
    sections = [
        ("一是已完成或达到时序进度(91.67%)以上的项目25个", ZHANGJIAJIE_DONE),
        ("二是有一定进度的实事项目11个", ZHANGJIAJIE_SOME),
    ]
    lines = [
        [title, ""],
        ["填报单位：市绩效办", ""],
        ["项目名称", "备注"],
    ]
    gold: list[Row] = []
    for heading, names in sections:
        lines.append([heading, ""])
        gold.append(Row(None, heading, group=True))
        for name in names:
            lines.append([name, ""])
            gold.append(Row(None, name))
    lines.append(["注：正在开展相关前期工作的项目4个。", ""])
    write_csv(stem, lines, "utf-8-sig")
    write_ledger_gold(stem, ".csv", url, title, gold)
