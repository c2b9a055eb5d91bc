"""Held-out ledgers 106–113 (stop 30): rows transcribed by hand from real public documents.

Same conventions as heldout30_ledgers_a: cells as the document writes them, gold typed by hand.
"""

from __future__ import annotations

from openpyxl import Workbook

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


def make_106() -> None:
    """国务院 2016年《政府工作报告》量化指标任务落实情况, in traditional characters as the page has it."""
    stem = "106_guowuyuan_lianghua_2016"
    url = "http://jxqcjlb.com/lianghui/news/2017-03/02/content_40390272.htm"
    title = "2016年《政府工作報告》量化指標任務落實情況"
    items = [
        ("國內生產總值增長6.5%—7%。", "國家發展改革委", "去年國內生產總值增長6.7%。"),
        ("居民消費價格漲幅3%左右。", "發展改革委", "去年居民消費價格漲幅為2.0%。"),
        ("城鎮新增就業1000萬人以上。", "人力資源社會保障部", "去年全國城鎮新增就業1314萬人，完成目標任務的131.4%。"),
        ("城鎮登記失業率4.5%以內。", "人社部", "去年末城鎮登記失業率為4.02%，低于4.5%的控制目標。"),
        ("單位國內生產總值能耗下降3.4%以上。", "發展改革委", "去年單位國內生產總值能耗下降5%。"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "量化指標"
    title_row(ws, 1, title, 3)
    header(ws, 2, ["量化指標任務", "負責單位", "完成情況"])
    gold: list[Row] = []
    group_row(ws, 3, None, "主要預期目標完成良好", 3, gold, first_col=0)
    for k, item in enumerate(items, start=4):
        body(ws, k, list(item))
    widths(ws, [40, 22, 52])
    gold += [Row(None, text, lead=[unit], progress=done) for text, unit, done in items]
    save_ledger(wb, stem, url, title, gold)


def make_107() -> None:
    """城厢区 2022年为民办实事1-8月份进展: 完成状态 已完成 / 滞后, section rows, 序号 as the page numbers."""
    stem = "107_chengxiang_weimin_2022"
    url = "https://www.chengxiang.gov.cn/zwgk/wmbss/202211/t20221118_1775567.htm"
    title = "2022年省、市、区三级为民办实事项目1-8月份进展情况"
    section_1 = [
        ("5", "提高困难群体高血压糖尿病门诊指定用药报销比例", "已完成", None),
        ("11", "实施高素质农民培训工程", "已完成", None),
        ("26", "实施保障性安居工程", "已完成", None),
        ("21", "建设城区生活垃圾分类屋（亭）", "已完成", None),
        ("32", "道路交通安全隐患整治", "已完成", None),
        ("3", "实施近视防控教室照明改造工程", "滞后", "正在开展编制招标文件"),
        ("6", "实施女性人乳头瘤病毒（HPV）疫苗免费接种项目试点", "滞后", "预计9月份开始接种工作"),
        ("23", "综合治理海漂垃圾", "滞后", "推动“美丽海岸带”建设2公里未启动"),
        ("28", "城乡福道建设", "滞后", "凤凰福道完成实施方案及招商文件编制，征迁正在推进"),
        ("30", "实施安全应急保障提升工程", "滞后", "打造2个安全主题公园示范点正着手准备开展招标建设和物资采购工作"),
    ]
    section_2 = [
        ("第一实验幼儿园建设工程", "已竣工"),
        ("新冠病毒核酸检测实验室能力建设项目", "已初步投入使用"),
        ("妇女之家儿童之家和社区家长学校建设", "已完成"),
        ("城区生活垃圾分类项目", "已全部完工"),
        ("农村公路安保工程", "已完工"),
        ("学园南街与肖厝路交叉口红绿灯新建项目", "已完成"),
        ("交通安全教育基地提升及事故多发路段治理项目", "已完成"),
    ]
    status_of = {"已完成": "closed", "滞后": "in_progress"}
    wb = Workbook()
    ws = wb.active
    ws.title = "1-8月"
    ncols = 4
    title_row(ws, 1, title, ncols)
    line(ws, 2, "区政府督查室", ncols, align="right")
    header(ws, 3, ["序号", "项目名称", "完成状态", "进展情况"])
    r = 4
    gold: list[Row] = []
    r = group_row(ws, r, "一", "省市两级为民办实事", ncols, gold)
    for number, name, state, progress in section_1:
        body(ws, r, [number, name, state, progress])
        gold.append(Row(number, name, status=status_of[state], progress=progress))
        r += 1
    r = group_row(ws, r, "二", "区级为民办实事", ncols, gold)
    for name, progress in section_2:
        body(ws, r, [None, name, "已完成", progress])
        gold.append(Row(None, name, status="closed", progress=progress))
        r += 1
    line(ws, r + 1, "注：其他项目正按序时推进。", ncols)
    widths(ws, [6, 44, 10, 56])
    save_ledger(wb, stem, url, title, gold)


def make_108() -> None:
    """重庆市 2015年25件重点民生实事上半年进度: no 序号, periods as 完成时限, a note under the table."""
    stem = "108_chongqing_minsheng_2015"
    url = "http://fzggw.cq.gov.cn/zwxx/xwbd/202003/t20200319_5756150_wap.html"
    title = "2015年25件重点民生实事上半年主要进度"
    items = [
        ("2606个撤并村通公路", "2013—2017年",
         "上半年已完成建设4022公里，新解决1075个撤并村通公路。累计解决了2585个撤并村通公路，占总计划的99.2%。"),
        ("解决人畜饮水最困难地区500万人饮水安全", "2013—2017年",
         "上半年已建成工程1419处，解决了59.6万人的饮水安全问题。累计解决了498.1万人的饮水安全问题，占总计划的99.6%。"),
        ("完成7.4万口山坪塘整治", "2013—2017年", "上半年已全部完工。全市7.4万口山坪塘整治工作已提前完成总目标任务。"),
        ("农村贫困地区义务教育学生营养餐实现全覆盖", "2013—2017年",
         "上半年，14个试点区县稳步推进，惠及学生88.27万人，实现了农村义务教育学生全覆盖。"),
        ("50万人高山生态扶贫搬迁", "2013—2017年",
         "上半年已完成搬迁安置6.4万人。累计下达搬迁计划53.8万人，累计完成搬迁安置42.3万人，占总计划的84.6%。"),
        ("3000公里农村公路危险路段安装安全保障设施", "2015—2017年", "上半年已完成610公里。"),
        ("2000个行政村环境连片整治", "2013—2017年",
         "上半年各项目均已开工，总体进展顺利。累计完成了650个行政村整治工作，占总计划的32.5%。"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "上半年"
    title_row(ws, 1, title, 3)
    line(ws, 2, "填报单位（盖章）：", 2)
    line(ws, 2, "填报时间：2015年7月", 1, start=3, align="right")
    header(ws, 3, ["重点民生实事", "完成时限", "上半年进展情况"])
    for k, item in enumerate(items, start=4):
        body(ws, k, list(item))
    end = 4 + len(items)
    line(ws, end + 1, "注：2015年25件重点民生实事计划总投资277亿元，上半年实际完成投资156.92亿元，占全年计划投资的56.6%。"
         "其中，中央专项资金38.15亿元，市级财政24.21亿元，区县投入80.01亿元。", 3)
    ws.row_dimensions[end + 1].height = 36
    widths(ws, [36, 14, 70])
    save_ledger(wb, stem, url, title, [Row(None, name, deadline=period, progress=p) for name, period, p in items])


def make_109() -> None:
    """2016年《政府工作报告》量化指标 (人民政协网 page): loose rows, then a section row 七、 with its own 1, 2."""
    stem = "109_guowuyuan_lianghua_2016b"
    url = "https://www.rmzxb.com.cn/c/2017-03-01/1372754_4.shtml"
    title = "2016年《政府工作报告》量化指标完成情况"
    before = [
        ("3", "新增高效节水灌溉面积2000万亩", "水利部", "实际新增高效节水灌溉面积达2182万亩。"),
        ("4", "新建改建农村公路20万公里", "交通运输部", "2016年，实际完成新建改建农村公路29.256万公里。"),
    ]
    section = [
        ("1", "中央财政扶贫资金增长43.4%", "财政部", "2016年，中央财政扶贫资金已下达660.95亿元，同比增长43.4%。"),
        ("2", "完成1000万以上农村贫困人口脱贫任务，其中易地扶贫搬迁建设200万人以上", "国家扶贫办",
         "2016年，完成1240万农村贫困人口脱贫任务，完成249万人的易地扶贫搬迁建设任务。"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "量化指标"
    title_row(ws, 1, title, 4, size=14)
    header(ws, 2, ["序号", "量化指标", "负责部门", "完成情况"])
    gold: list[Row] = []
    r = 3
    for item in before + [None] + section:
        if item is None:  # the section row between the loose rows and the section's own
            r = group_row(ws, r, "七、", "实施脱贫攻坚工程", 4, gold)
            continue
        body(ws, r, [int(item[0]), item[1], item[2], item[3]])
        gold.append(Row(item[0], item[1], lead=[item[2]], progress=item[3]))
        r += 1
    widths(ws, [6, 44, 14, 56])
    save_ledger(wb, stem, url, title, gold)


def make_110() -> None:
    """宣城市 2020年1-11月份《政府工作报告》部分目标任务: 完成状态 达到 / 未达到序时进度, two sections."""
    stem = "110_xuancheng_gzbg_2020"
    url = "https://www.xuancheng.gov.cn/OpennessContent/show/2044556.html"
    title = "2020年1-11月份宣城市《政府工作报告》部分目标任务完成情况"
    sections = [
        ("一", "主要经济指标任务进展情况", [
            ("1", "战略性新兴产业产值", "达到序时进度"),
            ("2", "固定资产投资", "未达到序时进度"),
            ("3", "财政收入", "未达到序时进度"),
            ("4", "规上工业增加值", "未达到序时进度"),
        ]),
        ("二", "量化指标任务进展情况", [
            ("1", "“交通建设提升年”活动完成投资80亿元", "未达到序时进度"),
            ("2", "普惠性幼儿园覆盖率达80%", "未达到序时进度"),
            ("3", "公办幼儿园覆盖率达50%", "未达到序时进度"),
            ("4", "新建安置区5个", "未达到序时进度"),
            ("5", "新增限上商贸流通企业100户", "未达到序时进度"),
        ]),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "1-11月"
    title_row(ws, 1, title, 3, size=13)
    line(ws, 2, "（进展情况占比低于91.7%或增幅低于目标任务的，为未达到序时进度）", 3, align="center")
    header(ws, 3, ["序号", "目标任务", "完成状态"])
    r = 4
    gold: list[Row] = []
    for gnum, gname, items in sections:
        r = group_row(ws, r, gnum, gname, 3, gold)
        for num, name, state in items:
            body(ws, r, [num, name, state])
            gold.append(Row(num, name, status="in_progress"))
            r += 1
    line(ws, r + 1, "宣城市人民政府（办公室）  2020-12-24", 3, align="right")
    widths(ws, [6, 44, 18])
    save_ledger(wb, stem, url, title, gold)


def make_111() -> None:
    """灌云县 2019年县政府工作报告三季度完成情况: no 序号, 完成情况 by quarter columns, only 三季度 filled."""
    stem = "111_guanyun_gzbg_2019"
    url = "http://www.guanyun.gov.cn/gyxzf/gsgg/content/1bbcd6da-4ff8-4724-b7ae-54239c220f9a.html"
    title = "2019年县政府工作报告三季度完成情况"
    items = [
        ("国家卫生县城和卫生乡镇创建", "已通过验收"),
        ("骏达环保", "已提前完成"),
        ("智慧园区", "已提前完成"),
        ("化工区防护林", "已提前完成"),
        ("临海新材料", "已生产"),
        ("星铃新材料", "已生产"),
        ("鹰游新立成毛绒", "已生产"),
        ("新飞雁毛毯", "已生产"),
        ("开山岛党性教育基地", "有序推进"),
        ("脱贫攻坚", "有序推进"),
        ("景区建设", "有序推进"),
        ("罡阳汽车工业园建设", "有序推进"),
        ("连淮扬镇铁路灌云站综合客运枢纽建设", "有序推进"),
        ("山前安置小区一期项目", "未达序时"),
        ("妇幼保健院建设", "未达序时"),
        ("北部新城医院项目", "未达序时"),
        ("灌云中专异地迁建", "未达序时"),
        ("潮河湾木屋酒店建设", "未达序时"),
        ("实际利用外资", "未达序时"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "三季度"
    title_row(ws, 1, title, 4)
    line(ws, 2, "县政府督查室  第八期", 4, align="right")
    header(ws, 3, ["目标任务", "完成情况", None, None])
    header(ws, 4, [None, "一季度", "二季度", "三季度"])
    merge(ws, 3, 1, 4, 1)
    merge(ws, 3, 2, 3, 4)
    for k, (name, done) in enumerate(items, start=5):
        body(ws, k, [name, None, None, done])
    widths(ws, [36, 12, 12, 14])
    other = wb.create_sheet("报送情况")
    other["A1"] = "未按要求报送相关材料"
    other["A2"] = "小伊乡"
    other["A3"] = "同兴镇"
    save_ledger(wb, stem, url, title, [Row(None, name, progress=done) for name, done in items])


def make_112() -> None:
    """四川省 2015年十项民生工程及20件民生大事前三季度: two section rows, 完成状态 only where the page gives one."""
    stem = "112_sichuan_minsheng_2015_09"
    url = "http://f.china.com.cn/2015-10/30/content_36934403.htm"
    title = "2015年十项民生工程及20件民生大事前三季度进展情况"
    done = "已完成全年目标任务"
    late = "未达到目标任务进度"
    sections = [
        ("一", "十项民生工程", [
            ("贫困残疾人扶贫解困", None,
             "9月，我省扶持农村贫困残疾人发展生产或改善生活状况新增85466人，达565965人，为目标任务的565.97%。"),
            ("促进高校毕业生就业", None,
             "7、8月在“促进高校毕业生就业”项目中，相关部门按800元标准，对15036名城乡低保家庭和残疾毕业生发放求职补贴，"
             "实现应补尽补；2012级藏区“9+3”毕业生初次就业率高达99.28%。"),
            ("农村通村公路建设", done, "9月，全省新增建成农村通村公路1991.7公里。"),
            ("志愿服务队伍建设", done, "全省招募西部计划志愿者3153人，占目标任务的210.2%。"),
            ("食品安全", late, None),
            ("安全社区建设", late, None),
            ("耕地质量建设", late, None),
            ("饮用水源地整治", late, None),
            ("文化基础设施建设", late, None),
        ]),
        ("二", "20件民生大事", [
            ("为边远贫困地区农村教师建设1万套周转房", None, "已开工建设的农村教师周转房达9149套，大幅超过目标任务。"),
            ("为1万名贫困白内障患者实施免费复明手术", None, "9月全省实施复明手术新增1203例，达8878例。"),
            ("全面实现全省无电村通电", late, None),
            ("全省每个县建成1个残疾人服务中心", late, None),
        ]),
    ]
    status_of = {done: "closed", late: "in_progress", None: None}
    wb = Workbook()
    ws = wb.active
    ws.title = "前三季度"
    title_row(ws, 1, title, 4, size=14)
    line(ws, 2, "省政府督查室", 4, align="right")
    header(ws, 3, ["序号", "项目", "完成状态", "进展情况"])
    r = 4
    gold: list[Row] = []
    for gnum, gname, items in sections:
        r = group_row(ws, r, gnum, gname, 4, gold)
        for name, state, progress in items:
            body(ws, r, [None, name, state, progress])
            gold.append(Row(None, name, status=status_of[state], progress=progress))
            r += 1
    widths(ws, [6, 36, 18, 70])
    save_ledger(wb, stem, url, title, gold)


def make_113() -> None:
    """四川省 2015年4月新增完成全年目标任务的民生小项: plain UTF-8 CSV (no BOM), a 所属工程 column."""
    stem = "113_sichuan_minsheng_2015_04"
    url = "http://cndongbu.cn/tj/052826264.html"
    title = "4月新增完成全年目标任务的民生小项"
    items = [
        ("城市低保对象累计月人均补助", "社会保障工程", "4月城市低保对象累计月人均补助新增18元，达到236元，占目标任务的102.61%"),
        ("农村低保对象累计月人均补助", "社会保障工程", "农村低保对象累计月人均补助新增15元，达到118元，占目标任务的107.27%"),
        ("参合农民住院政策范围内医疗费用报销比例", "社会保障工程",
         "参合农民住院政策范围内医疗费用报销比例达到75.72%，占目标任务的100.96%"),
        ("巩固退耕还林成果", "生态环境工程", "4月新增巩固退耕还林成果1183.61万亩，达到1336.41万亩，占目标任务的100%"),
    ]
    lines = [[title, "", "", ""], ["民生小项", "所属工程", "1-4月进展情况", "完成状态"]]
    lines += [[name, group, progress, "已完成全年目标任务"] for name, group, progress in items]
    lines.append(["来源：省政府督查室", "", "", ""])
    write_csv(stem, lines, "utf-8")
    write_ledger_gold(stem, ".csv", url, title,
                      [Row(None, name, status="closed", progress=p) for name, _g, p in items])


def make_114() -> None:
    """三明市一区（页面称“我区”） 2010年1-8月重点项目: a project ledger, 进展 for some rows, 状态 滞后 for others, totals in a note."""
    stem = "114_sanming_qu_zhongdianxiangmu_2010"
    url = "http://www.smsy.gov.cn/ztzl/yxml/ztzl/dg150tdhwdzyzt/zdxmjszy/201009/t20100918_975046.htm"
    title = "1-8月份重点项目建设进展情况"
    ahead = ["三明宾馆重建", "闽新新型建材生产", "城市物流园基础建设", "徐碧新城住宅建设", "天尊短流程铸造技改",
             "汽车综合服务集中区建设"]
    behind = ["三明一品农林产品仓储", "华油仓储", "三明汽车维修中心"]
    wb = Workbook()
    ws = wb.active
    ws.title = "1-8月"
    title_row(ws, 1, title, 4)
    line(ws, 2, "填报单位：重点项目建设战役指挥部办公室", 2)
    line(ws, 2, "2010年9月18日", 2, start=3, align="right")
    header(ws, 3, ["序号", "项目名称", "1-8月进展", "状态"])
    r = 4
    gold: list[Row] = []
    for k, name in enumerate(ahead + behind, start=1):
        progress = "完成年计划70%以上" if name in ahead else None
        state = "滞后" if name in behind else None
        body(ws, r, [k, name, progress, state])
        gold.append(Row(str(k), name, status="in_progress" if state else None, progress=progress))
        r += 1
    line(ws, r + 1, "说明：1-8月份完成重点项目固定资产投资23.68亿元，占年计划74%，超序时进度7.33个百分点。"
         "针对滞后项目，指挥部要求要形成推进方案，明确挂包领导协调、责任单位跟进。", 4)
    ws.row_dimensions[r + 1].height = 40
    widths(ws, [6, 28, 22, 10])
    save_ledger(wb, stem, url, title, gold)


def make_115() -> None:
    """全县重点项目建设情况通报: categories as tasks, money cells as text with their units, 项目进展情况."""
    stem = "115_quanxian_zhongdianxiangmu"
    url = "https://max.book118.com/html/2021/0125/7021002061003046.shtm"
    title = "全县重点项目建设情况通报"
    items = [
        ("1", "十大重点工程项目", "42.1亿元", "17.4亿元", "7.5亿元", "43%",
         "县级10个重点项目中1个已完工、8个在建、1个未开工。"),
        ("2", "十大重点调度招商兴工项目", None, "200610万元", "63807万元", "31.8%",
         "目前10个项目中1个已完工、5个在建、4个未开工。"),
        ("3", "十大城市建设工程项目", None, "69940万元", "45451.7万元", "65%", "26个项目中5个已完工、12个在建、9个未开工。"),
    ]
    wb = Workbook()
    ws = wb.active
    ws.title = "重点项目"
    title_row(ws, 1, title, 7)
    header(ws, 2, ["序号", "项目类别", "计划总投资", "年度计划投资", "已完成投资", "占年度计划", "项目进展情况"])
    for k, item in enumerate(items, start=3):
        body(ws, k, list(item))
    line(ws, 7, "“七个十”重点项目和六大片区重点项目共计100个，年度计划投资达到391818.41万元，已完成投资189357.7万元，"
         "占年度计划的48.3%。", 7)
    widths(ws, [6, 26, 12, 14, 14, 10, 44])
    save_ledger(wb, stem, url, title, [Row(n, name, progress=p) for n, name, *_m, p in items])
