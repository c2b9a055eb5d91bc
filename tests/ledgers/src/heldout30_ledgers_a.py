"""Held-out ledgers 100–105 (stop 30): rows transcribed by hand from real public documents.

Each ``make_NNN`` writes ``tests/ledgers/NNN_name.(xlsx|csv)`` laid out as an office's Excel would
hold the document's rows, and its gold typed by hand (see tests/ledgers/GOLD-README.md, stop-30
section, for the conventions).
"""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook

from heldout30_common import (
    CENTER,
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


def make_100() -> None:
    """岳阳楼区 2017年1-8月省重点民生实事完成情况表: 序号 and 项目名称 merged over sub-items."""
    stem = "100_yueyanglou_minsheng_2017"
    url = "http://honglinkj.com/yylq/21487/21498/21517/content_904163.html"
    title = "岳阳楼区2017年1-8月省重点民生实事完成情况表"
    # (序号, 项目名称, 具体项目 or None, 责任单位, 目标任务, 完成情况, 完成率, 备注)
    single = [
        ("1", "精准扶贫：农村饮用水安全巩固提升", "农林水务局", "1300人", 700, "54%", "已解决700人（贫困人口）的饮水问题"),
        ("2", "新增城镇就业", "人社局", 8950, 7356, "82%", None),
        ("3", "建设农村公办幼儿园（所）", "教育局", "2所", None, "70%",
         "累计完成项目的70%；两所幼儿园已完成项目工程主体建设部分。"),
        ("4", "城市棚户区改造（户）", "房产分局", "7699套", 4629, "60%", None),
        ("5", "新增养老服务床位", "民政局", "71个", 55, "77%", None),
        ("6", "残疾儿童抢救性康复", "残联", "73人", 73, "100%", None),
        ("7", "孕产妇产前免费筛查", "卫生局", "3600人", 3436, "95%", None),
        ("8", "新增社会治安视频监控摄像头", "区公安分局", "100个", None, None, "设备购进中"),
    ]
    grouped = [
        ("9", "深化机关事业单位养老保险制度改革和提高城乡低保补助标准", [
            ("完成在职参保人数6300人", "区人社局", "6300人", 7558, "119%", None),
            ("完成征缴基金10000万元", "区人社局", "10000万", 7965, "80%", None),
            ("城市低保、农村低保补差水平月均分别达到300元/人、140元/人", "区民政局", "100%", "100%", None,
             "城市低保：300.1元/月，农村低保：154.33元/月"),
        ]),
        ("10", "实事“质量强市”战略和食品安全“扫雷”行动", [
            ("培养省、市名牌产品各一个", "区质监分局", 2, None, None,
             "申报省名牌产品5家。其中旅游服务单位2家、现已完成现场评审。食品企业1家、饲料企业1家、纸业企业1家；市名牌产品2家。"),
            ("开展食品安全“九查九扫”", "区食药监管局", 11098, 14001, "126%",
             "年初计划监督检查11098家，未包含未发证的食品经营者4572家（其中：①不需发证的初级农产品经营者1989家，"
             "②拆迁范围不能发证的2136家，③午托237家，④私家厨房58家，⑤小作坊152家），实际全年需监督检查15670家。"),
        ]),
        ("11", "文化惠民", [
            ("送戏曲下乡20场", "区文体新局", 20, 29, "145%", None),
        ]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "1-8月完成情况"
    ncols = 8
    title_row(ws, 1, title, ncols)
    line(ws, 2, "填报单位（盖章）：区实事办", 4)
    line(ws, 2, "填报时间：", 2, start=6, align="right")
    ws.cell(row=2, column=8, value=dt.date(2017, 8, 24)).number_format = "yyyy年m月d日"
    header(ws, 3, ["序号", "省重点民生实事项目名称", None, "责任单位", "目标任务", "1- 8月实际完成情况",
                   "1-8月实际完成率%", "备注"])
    merge(ws, 3, 2, 3, 3)
    gold: list[Row] = []
    r = 4
    for number, name, unit, target, done, rate, note in single:
        body(ws, r, [int(number), name, None, unit, target, done, rate, note])
        merge(ws, r, 2, r, 3)
        gold.append(Row(number, name, lead=[unit], progress=None if done is None else str(done)))
        r += 1
    for number, name, subs in grouped:
        first = r
        gold.append(Row(number, name, group=True))
        for k, (sub, unit, target, done, rate, note) in enumerate(subs, start=1):
            body(ws, r, [int(number) if k == 1 else None, name if k == 1 else None, sub, unit, target, done, rate, note])
            gold.append(Row(f"{number}.{k}", sub, lead=[unit], progress=None if done is None else str(done)))
            r += 1
        if r - 1 > first:
            merge(ws, first, 1, r - 1, 1)
            merge(ws, first, 2, r - 1, 2)
    for row in ws.iter_rows(min_row=4, max_row=r - 1, min_col=1, max_col=1):
        row[0].alignment = CENTER
    widths(ws, [6, 26, 30, 13, 11, 12, 11, 48])
    ws.freeze_panes = "A4"
    save_ledger(wb, stem, url, title, gold)


def make_101() -> None:
    """六安市 2017年1至7月民生工程部分项目进展 (CSV, GB18030, as a county office saves it)."""
    stem = "101_luan_minsheng_2017_07"
    url = "http://wxrb.luaninfo.com/p/a.aspx?id=11118&t=3&time=2017-08-11"
    title = "六安市2017年1至7月民生工程部分项目进展情况"
    items = [
        ("1", "农村道路畅通工程", "市交通局", "建设进度相对较慢的县区为舒城县。"),
        ("2", "农村饮水安全巩固提升工程", "市水利局", "未完成建设任务的县区为舒城县。"),
        ("3", "特困人员供养及生活无着人员救助", "市民政局", "生活无着人员社会救助，市本级完成进度较慢。"),
        ("4", "城乡困难群体法律援助", "市司法局", "全市未完成援助任务的县区为舒城县、霍山县。"),
        ("5", "水利薄弱环节治理三年行动", "市水利局",
         "中小河流治理，全市未完成基本建成任务的县区为舒城县；小型病险水库除险加固，全市未开工建设的县区为舒城县。"),
        ("6", "棚户区改造", "市住建委", "新开工，完成进度相对较慢的为开发区和市本级。"),
    ]
    lines = [[title, "", "", ""], ["填报单位：六安市民生办", "", "", ""], ["序号", "项目名称", "牵头部门", "1-7月进展情况"]]
    lines += [list(item) for item in items]
    lines.append(["注：各县区民生工程实施进度综合排名：第一名金寨县；第二名霍邱县；第三名金安区、裕安区；第五名叶集区；"
                  "第六名开发区；第七名霍山县；第八名舒城县。", "", "", ""])
    write_csv(stem, lines, "gb18030")
    gold = [Row(n, name, lead=[unit], progress=text) for n, name, unit, text in items]
    write_ledger_gold(stem, ".csv", url, title, gold)


def make_102() -> None:
    """六安市 2021年1至9月份民生工程实施进度: a second sheet with the counties' ranking."""
    stem = "102_luan_minsheng_2021_09"
    url = "https://ht.luaninfo.com/laxw/gggs/content_130406"
    title = "六安市1至9月份民生工程实施进度通报"
    items = [
        ("1", "技能培训提升", "市退役军人局", "其中，退役军人技能培训提升进度较慢的为叶集区。"),
        ("2", "养老服务和智慧养老", "市民政局", "其中，高龄津贴发放进度较慢的为霍邱县。"),
        ("3", "棚户区和老旧小区改造", "市住建局",
         "其中，棚户区改造新开工进度较慢的为舒城县、金安区、霍邱县、叶集区；棚户区改造基本建成进度较慢的为霍邱县。"),
        ("4", "“四好农村路”建设", "市交通局",
         "其中，农村公路提质改造工程进度较慢的为舒城县、金安区；农村公路养护提升工程进度较慢的为裕安区、金安区、霍邱县。"),
        ("5", "农作物秸秆产业化利用", "市农业农村局",
         "其中，标准化收储中心建设进度较慢的为霍山县；秸秆产业化利用进度较慢的为舒城县、叶集区。"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "部分项目进展"
    title_row(ws, 1, title, 4)
    line(ws, 2, "（2021年33项民生工程）", 4, align="center")
    header(ws, 3, ["序号", "民生工程项目", "牵头单位", "1至9月份进展情况"])
    for k, item in enumerate(items, start=4):
        body(ws, k, [int(item[0]), item[1], item[2], item[3]])
    line(ws, 10, "六安市民生办", 4, align="right")
    widths(ws, [6, 24, 16, 70])
    ranking = wb.create_sheet("县区综合排名")
    header(ranking, 1, ["排名", "县区"])
    for k, county in enumerate(["金寨县", "裕安区", "霍山县", "金安区", "霍邱县", "舒城县", "叶集区"], start=1):
        body(ranking, k + 1, [k, county])
    save_ledger(wb, stem, url, title, [Row(n, name, lead=[u], progress=p) for n, name, u, p in items])


def make_103() -> None:
    """六安市 2021年1至8月份: CSV (UTF-8 with BOM), 进展情况 over two month columns, the older one empty."""
    stem = "103_luan_minsheng_2021_08"
    url = "https://ht.luaninfo.com/laxw/gggs/content_128307"
    title = "六安市1至8月份民生工程实施进度通报"
    items = [
        ("1", "学前教育促进", "市教体局", "其中，8月份督查暗访发现问题整改不到位的为舒城县。"),
        ("2", "中小学及中职学校教师培训", "市教体局", "其中，中小学教师培训进度较慢的为叶集区。"),
        ("3", "城市社区卫生机构和村卫生室标准化建设", "市卫健委", "其中，8月份督查暗访发现问题整改不到位的为叶集区。"),
    ]
    lines = [
        [title, "", "", "", ""],
        ["序号", "项目名称", "牵头单位", "进展情况", ""],
        ["", "", "", "1至7月", "1至8月"],
    ]
    lines += [[n, name, unit, "", text] for n, name, unit, text in items]
    lines.append(["", "", "", "", "六安市民生办"])
    write_csv(stem, lines, "utf-8-sig")
    write_ledger_gold(stem, ".csv", url, title, [Row(n, name, lead=[u], progress=p) for n, name, u, p in items])


def make_104() -> None:
    """旬阳县 2018年县政府第4次常务会议议定事项落实情况: 已落实 / 正在落实 group rows, 牵头 | 配合."""
    stem = "104_xunyang_changwu_2018"
    url = "http://8.134.116.66:6068/Content-1373634.html"
    title = "县政府第4次常务会议议定事项落实情况"
    done = "已落实"
    doing = "正在落实"
    groups = [
        ("一", "已落实事项（3件）", [
            ("1", "由县编办、发改局负责，调整充实县优化提升营商环境工作领导小组及各类专项工作组、办公室，明确各成员单位职责。",
             "县编办、发改局", ["县编办", "发改局"], None, [], done,
             "已印发了《关于成立县优化提升营商环境工作八个办公室和四个工作组的通知》（旬政办发〔2018〕52号），明确了职责任务。"),
            ("2", "关于2018年重点项目建设推进问题，项目办、政府督查室要盯住项目建设进度不放，对进度滞后的要挂牌督办、跟踪督办。",
             "项目办、政府督查室", ["项目办", "政府督查室"], None, [], done,
             "已对全县31个重点项目一季度进展情况进行巡察，并在全县范围内进行了通报，针对存在的问题，逐项目列出任务清单，"
             "明确时间节点、工作任务。对推进缓慢的中医院迁建、第三小学等项目发出督办函，限期整改，跟踪督办。"),
            ("3", "关于2016年冬季退役士兵安置问题，由县人社局、民政局、编办负责，抓紧做好安置工作。",
             "县人社局、民政局、编办", ["县人社局", "民政局", "编办"], None, [], done,
             "5月16日，县安置办、编办和人社局以旬安办发〔2018〕1号文件下发安置通知，目前安置人员介绍信已全部开出。"),
        ]),
        ("二", "正在落实事项（12件）", [
            ("1", "由县编办、发改局负责，依据省市方案，结合我县实际，尽快出台我县优化提升营商环境工作实施方案。",
             "县编办、发改局", ["县编办", "发改局"], None, [], doing,
             "已拟定了《旬阳县优化提升营商环境十大行动落实方案（意见征求稿）》，待领导小组会议讨论通过后报县政府审定。"),
            ("2", "由县编办、发改局牵头，考评办配合，抓紧制定我县优化提升营商环境工作考核办法。",
             "县编办、发改局", ["县编办", "发改局"], "考评办", ["考评办"], doing,
             "已草拟了《旬阳县2018年优化提升营商环境工作考核办法》，待市上考核办法印发后，根据我县实际情况修改完善报县政府审定。"),
            ("3", "《关于积极推进毛绒玩具创意产业发展的实施意见》，由县人社局负责，修改完善后按程序印发实施。",
             "县人社局", ["县人社局"], None, [], doing, "已修改完善，正按程序送审。"),
        ]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "议定事项"
    ncols = 6
    title_row(ws, 1, title, ncols)
    line(ws, 2, "会议时间：2018年5月4日", 3)
    line(ws, 2, "截止时间：2018年5月25日", 3, start=4, align="right")
    header(ws, 3, ["序号", "议定事项", "牵头单位", "配合单位", "落实状态", "落实情况"])
    r = 4
    gold: list[Row] = []
    status_of = {done: "closed", doing: "in_progress"}
    for gnum, gname, items in groups:
        r = group_row(ws, r, gnum, gname, ncols, gold)
        for num, text, lead_cell, lead, supp_cell, supp, state, progress in items:
            body(ws, r, [num, text, lead_cell, supp_cell, state, progress])
            gold.append(Row(num, text, lead=lead, supporting=supp, status=status_of[state], progress=progress))
            r += 1
    widths(ws, [6, 46, 18, 10, 10, 60])
    save_ledger(wb, stem, url, title, gold)


def make_105() -> None:
    """紫阳县 2024年第五次县政府常务会议确定事项汇总表: no 序号 column, 办理状态, a remark column."""
    stem = "105_ziyang_changwu_2024"
    url = "https://www.zyx.gov.cn/Content-2717260.html"
    title = "2024年第五次县政府常务会议确定事项汇总表"
    items = [
        ("严格落实全县重点项目前期工作计划，按时完成项目前期工作，提高项目成熟度。", "县发改局", ["县发改局"],
         "截至目前，紫阳民歌艺术中心、公共体育场等30个重点项目已完成前期论证工作，下余87个项目前期工作推进中"),
        ("紧盯超长期国债项目6月底前开工、12月底前完工的时间节点，夯实责任、强化措施，加快推进项目实施。",
         "县自然资源局、县水利局、县农业农村局", ["县自然资源局", "县水利局", "县农业农村局"],
         "截至目前，县自然资源局负责国债项目5个，开工2个，未开工3个，县农业农村局负责国债项目1个未开工"),
        ("切实抓好汉江宿集紫阳茶宿项目建设。", "县文旅广电局", ["县文旅广电局"],
         "截至目前，18家茶宿项目，达到验收标准8家，正在建设11家。"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "确定事项"
    title_row(ws, 1, title, 5)
    line(ws, 2, "填报单位：县政府督查室", 3)
    line(ws, 2, "截止2024年6月10日", 2, start=4, align="right")
    header(ws, 3, ["确定事项", "责任单位", "办理状态", "落实情况", "备注"])
    for k, (text, unit_cell, units, progress) in enumerate(items, start=4):
        body(ws, k, [text, unit_cell, "正在办理", progress, "需要加快推进落实"])
    widths(ws, [50, 22, 10, 60, 16])
    notes = wb.create_sheet("总体情况")
    notes["A1"] = ("2024年第五次县政府常务会议确定事项43件，截止2024年6月10日，已完成16件，占37%；正在办理27件，占63%。")
    notes.column_dimensions["A"].width = 100
    gold = [Row(None, text, lead=units, status="in_progress", progress=p) for text, _cell, units, p in items]
    save_ledger(wb, stem, url, title, gold)
