"""Caption synonyms: the one table that maps a caption to a field, for ledgers, task tables and
annotations alike.

A caption names a field in a ledger's header ("牵头单位", "主办单位", "工作内容"), in a Word task
table (任务分工表: "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限") and inside a plan's annotation
("（主办单位：A；协办单位：B；完成时限：…）"). The ledger reader (tracker/ledger/header.py) and the
plan parser (tracker/parsing/tables.py, annotations.py) both read this table, so a caption one of
them knows the other knows too (issue 12: only the ledger knew 主办单位).

Offices name the same column differently. The canonical captions are the tracker's own
(CONTRACTS.md §3, plus the hidden 任务键/版本 and the optional 责任人/备注 of issue #4); each lists
the captions seen for it. Sources: the synonym list of issue #4 (牵头单位/责任单位/主办单位,
完成时限/时间节点/办结时限/截止时间, 具体措施/工作内容/工作事项/任务要求, 进展情况/当前进度/工作动态, …);
GLOSSARY.md (牵头部门, 配合部门/参与单位/协办单位, 下步工作打算, 办理状态); the 重庆 and 潍坊 ledgers the
writer follows; the 杭州江干区 执行台账 (2018: "工作目标及任务要求、工作动态、工作进度"); the 鞍山立山区
task split (2023), where "牵头单位" and "责任单位" stand side by side and 责任单位 are the supporting
units, as CONTRACTS.md §1 also rules; the task tables of the plan corpus (荆州 2022: 具体要求,
时限; tests/corpus; 绍兴 2020: 内容与要求); the State Council's lists of reforms to copy (issue 13: "序号 | 改革举措 |
主要内容 | 指导部门 | 推广范围", the 指导部门 leading each reform); project lists annexed to a plan
(重点项目清单: "项目名称 | 建设内容 | 责任单位 | 建设起止年限", GOLD-README "Deadlines"); issue 13 round 3: 整改
lists (整改任务 | 整改措施 | 整改时限), 民生实事 lists, 考核 tables (考核内容 | 分值), tables that split a task
(任务分解, 细化措施) and 四张清单 (任务清单 | 措施清单 | 责任清单 | 时限清单). Extend the table here and nowhere else;
the 责任人 field's captions are the person words of tracker/vocabulary/persons.py.

Matching is exact after ``normalize_caption`` (no spaces, line breaks or trailing colon), then
again with bracketed remarks removed ("进展情况（截至3月底）" → 进展情况), then without a level or a year
before the caption ("市级牵头单位", "2024年目标任务", "年度工作任务"), then (a report field only) without the period
the report covers ("截至6月底进展", "上半年进展": ``_REPORT_PERIOD_RE``), then by the known caption
that opens a joined one ("工作任务及措施", "责任单位/责任人", "完成时限和要求"); in a header row also by
either word of a joined pair ("任务及措施", "目标和任务", "时限及要求"). Unit and leader captions not listed are
read by their composition, a role and a noun ("协责单位", "牵头县直部门", "包抓领导": ``composed_caption``), and so
are a ledger's progress and next-step captions ("工作推进情况", "下一步工作措施": ``composed_report_caption``). No substring matching:
"完成时限" must not be taken for 完成状态, nor "工作任务完成情况" for 工作任务.
"""

from __future__ import annotations

import re

from .han import HAN_CLASS, simplified
from .persons import is_leader_caption, person_captions
from .units import PERSON_IN_CAPTION_RE

# The fields, by their canonical caption (CONTRACTS.md §3), for code that names a field.
NUMBER, HEADING, TASK = "序号", "重点任务", "具体措施"
LEAD_UNITS, SUPPORTING_UNITS, DEADLINE_FIELD = "牵头单位", "配合单位", "完成时限"
PROGRESS, PROBLEMS, NEXT_STEPS, STATUS = "进展情况", "存在问题", "下步计划", "完成状态"
KEY, VERSION, PERSON, REMARKS = "任务键", "版本", "责任人", "备注"
# The by-unit ledger's columns (issue 15): the unit a row reports for, its part, its report's date.
UNIT, UNIT_ROLE, REPORT_DATE = "单位", "角色", "填报日期"

# Roles of the captions inside a plan's annotation (see ANNOTATION_CAPTIONS).
LEAD, SUPPORTING, RESPONSIBLE, DEADLINE = "lead", "supporting", "responsible", "deadline"

#: A 整改台账's column of the problems a review fed back ("序号 | 巡察反馈问题 | 整改情况 | 整改状态"): the task where the
#: table writes no 整改措施 (红河 2022, ledger corpus 007), else the heading the 整改措施 beside it answers
#: (``problem_heads_measure``).
FEEDBACK_PROBLEM_CAPTIONS = ("反馈问题", "审计反馈问题", "巡视反馈问题", "巡察反馈问题", "督察反馈问题")
#: The column of a 整改台账 that says how a problem is rectified: the task where the table has one (GOLD-README 040).
RECTIFICATION_MEASURE_CAPTIONS = frozenset({"整改措施", "整改举措", "整改内容"})

#: The length of a caption written bare (no remark in brackets), the shortest and the longest a header's captions run
#: together without a separator are cut into ("序号", "牵头负责部门", "完成时限及要求"; tracker/parsing/glued_tables.py).
BARE_CAPTION_CHARS = (2, 10)

#: Captions of a unit column naming the areas (towns, streets) that carry a row, beside or without a department column:
#: lead alone, supporting beside another unit column (``SUPPORTING_WHEN_LEAD_PRESENT``; GOLD-README "fresh44").
_AREA_UNIT_CAPTIONS = ("责任街镇", "责任镇街", "责任乡镇", "责任街道")

#: Canonical caption (the field) -> the captions that mean it (the canonical one first).
CAPTION_SYNONYMS: dict[str, tuple[str, ...]] = {
    "序号": ("序号", "编号", "序列号", "序"),
    "重点任务": ("重点任务", "任务名称", "重点工作", "重点任务名称", "重点工作名称", "改革举措", "主要举措",
             "重点举措", "项目名称",
             # issue 13, round 3
             "整改任务", "改革任务", "工作项目", "任务清单", "问题清单",
             # issue 13, round 4: the item column of 考核 tables (考核项目 | 考核标准 | 分值 | 负责考核部门)
             "考核项目", "考核类别", "评分项目", "考评项目", "考核要点",
             # issue 13, round 6 (branch tables5): the indicator beside a 目标分解表's target column
             # ("序号 | 指标名称 | 2024年预期目标 | 责任单位": the indicator titles the row's target)
             "指标名称", "主要指标", "指标项目",
             # ledger corpus, stop 30 (branch ledgers30b): a 重点项目 progress table's project column
             "工程名称", "工程项目", "项目工程", "建设项目",
             # branch ledgers31: a 民生工程 progress table names its project column by the table's own subject
             # ("民生工程项目 | 进展情况", "部分项目 | 完成情况": the title says which projects)
             "民生工程项目", "民生工程", "部分项目",
             # the upper level of a 考核 table's indicators ("一级指标 | 二级指标 | 分值 | 评分标准"): it groups the rows
             "一级指标",
             # issue 13, branch subrows: the goal a 目标任务分解表's row is named by, over its 工作标准
             # ("序号 | 目标名称 | 工作标准 | 分管领导 | 牵头单位 | 配合单位")
             "目标名称",
             # branch tables6: the 项目 of a 政府工作报告's 目标任务分解表, merged over the rows of its tasks
             # ("序号 | 项目 | 工作任务 | 责任领导 | 责任单位"); alone it is the task column, as every 重点任务 caption
             "项目",
             # branch tables6: a 预期指标 table's indicator column ("指标 | 目标")
             "指标",
             # branch tables29: the upper level's task a city's 落实措施 answer ("序号 | 部署任务 | 落实措施 | 牵头单位":
             # the province's item "1.…" over the city's "（1）…"), like 重点任务 over 具体措施
             "部署任务", "上级部署任务", "省部署任务",
             # branch tables68: a 试点 plan's task merged down over its 细化措施 ("序号 | 试点任务 | 细化措施 | …"), written
             # once on the first of its rows, like 部署任务 over 落实措施
             "试点任务",
             # branch fresh49: a county's 十件民生实事 progress table names each 实事 once, numbered 一、二、…, merged over
             # the rows of its indicators ("序号 | 实事名称 | 指标任务 | 责任单位 | 实施点位 | 完成时限 | 进展情况 | 下步计划")
             "实事名称"),
    "具体措施": ("具体措施", "工作内容", "工作事项", "任务要求", "工作任务", "主要任务", "工作措施", "具体工作",
             "具体任务", "任务内容", "工作目标及任务要求", "主要措施", "具体内容", "具体要求", "主要内容",
             "重点工作任务", "主要工作任务", "工作举措", "具体工作措施", "具体举措", "政策措施", "任务事项",
             "目标与任务", "目标任务", "工作目标与任务", "目标任务内容", "重点工作内容", "内容与要求",
             "工作内容与要求", "任务内容与要求", "具体工作任务", "主要工作内容", "重点事项", "任务措施", "主要工作",
             "建设内容", "主要建设内容", "建设内容及规模", "建设规模及内容", "项目内容", "实施内容", "工作要点",
             "任务要点", "责任事项", "事项名称",
             # issue 13, round 2: task columns of county and city 分工表 and 工作台账
             "主要目标任务", "年度目标任务", "工作目标任务", "工作目标", "年度目标", "目标内容", "细化任务",
             "重点工作事项", "具体工作内容", "具体事项", "落实措施", "推进措施", "工作重点",
             # issue 13, round 3: the task columns of 整改 lists, of tables that split a 重点任务 into
             # its parts (任务分解, 细化措施), of 考核 tables (考核内容 | 分值) and of 四张清单
             "整改措施", "整改内容", "整改事项", "整改要求", "整改举措", "任务分解", "分解任务", "细化措施",
             "细化任务措施", "推进举措", "考核内容", "考核事项", "措施清单",
             # ledger corpus, stop 30 (红河 2022): a 整改台账 lists the problems a review fed back, one a row, each
             # the task its 整改情况 reports on ("序号 | 审计反馈问题 | 整改情况 | 整改状态")
             *FEEDBACK_PROBLEM_CAPTIONS,
             # the 民生实事 lists (大竹县 2016: 序号 | 民生实事 | 责任单位 | 完成时限)
             "民生实事", "民生实事项目", "实事项目", "实事内容",
             # a town's 民生实事 progress table (张家港 乐余 2022: 序号 | 实事工程项目 | 年度目标 | 目前进度 | … | 牵头部门;
             # branch fresh38)
             "实事工程项目",
             # ledger corpus 038 (上海 2024 为民办实事项目完成情况: 序号 | 实事项目名称 | 完成情况 | 占全年计划) and a
             # 项目名称's sub-items (序号 | 项目名称 | 具体项目 | 责任单位: the 具体项目 are the tasks)
             "实事项目名称", "为民办实事项目", "具体项目", "工作任务内容", "任务描述", "任务具体内容",
             "措施内容", "改革事项", "改革内容", "政策内容", "具体目标任务", "建设任务", "攻坚任务", "行动任务",
             "重点行动", "具体行动", "督办事项", "督查事项", "事项内容",
             # ledger corpus, stop 30 (branch ledgers30b): a 常务会议 督办 ledger's items, what the meeting decided
             # ("序号 | 议定事项 | 牵头单位 | 落实状态"), and a 政府工作报告's quantified targets ("量化指标任务 | 负责部门")
             "议定事项", "确定事项", "会议议定事项", "会议确定事项", "会议议定事项内容", "会议确定事项内容",
             "议定事项内容", "交办事项", "量化指标任务", "量化指标", "主要目标任务及指标",
             # a 人大 inspection's table of a 十件实事's single pieces of work ("序号 | 单项工作 | 完成状态"; branch ledgers33)
             "单项工作", "单项任务",
             # branch fresh49: the indicators a 实事名称 is split into ("实事名称 | 指标任务 | 责任单位")
             "指标任务",
             # issue 13, round 4: the criteria of 考核细则 and 评分表 (what a row asks for and how it scores;
             # a date written there is the row's deadline, GOLD-README wave 6)
             "考核标准", "评分标准", "考核指标", "考核细则", "评分细则", "考核内容及评分标准", "考评标准",
             "考评内容", "考核要求", "考核评分标准", "评分办法及标准",
             # issue 13, round 6: the lower levels of a 考核 table's indicators, what a row asks for
             "二级指标", "三级指标",
             # issue 13, round 6 (branch tables5): the target column of a 目标分解表 ("序号 | 2024年预期目标 |
             # 责任单位": the year before it says when, no field; GOLD-README: no deadline of its rows)
             "预期目标", "主要预期目标", "预期目标任务", "发展目标", "目标任务分解",
             # branch subrows: what a 目标任务分解表's row must reach, the work itself ("(1)…要见成效，年内完成…")
             "工作标准",
             # branch tables6: a 政府工作报告's 目标任务分解表 ("序号 | 项目 | 重点工作目标任务 | 牵头领导 | 责任单位")
             "重点工作目标任务",
             # branch tables6: a 预期指标 table's target column ("指标 | 目标"), like 预期目标
             "目标", "目标值"),
    "牵头单位": ("牵头单位", "责任单位", "主办单位", "牵头部门", "责任部门", "主责单位", "牵头责任单位", "主办部门",
             "指导部门", "牵头责任部门", "主要责任单位", "责任主体", "部门分工", "责任分工", "分工部门", "实施单位",
             "承办单位", "落实单位", "责任处室", "责任科室", "牵头实施单位", "牵头组织实施单位", "组织实施单位",
             "具体责任单位", "承担单位", "实施主体",
             # issue 13, round 2: lead columns of county and city 分工表
             "牵头落实单位", "具体落实单位", "责任落实单位", "落实责任单位", "牵头推进单位", "推进单位", "牵头抓总单位",
             "主要负责单位", "责任主体单位", "主体责任单位", "牵头科室", "牵头处室", "相关责任单位",
             # issue 13, round 3
             "主责部门", "整改责任单位", "责任清单", "主办科室", "承办部门", "承办科室",
             # issue 13, round 4: 考核 tables name the department answering for a row (GOLD-README wave 6:
             # 负责考核部门 gives the row's lead units, like 责任单位 alone), and 总牵头单位 over them
             "总牵头单位", "负责考核部门", "负责考核单位", "考核部门", "考核单位", "考核责任单位", "考核责任部门",
             "考核科室", "考评单位", "考评部门", "牵头考核单位", "牵头考核部门", "考核牵头单位",
             # branch fresh44: the towns and streets that carry a district's row ("责任部门(加*号为牵头部门) | 责任街镇":
             # 闵行 2023), lead alone, supporting beside a department column (SUPPORTING_WHEN_LEAD_PRESENT)
             *_AREA_UNIT_CAPTIONS,
             # branch fresh50: a ministry's, a province's or a 党委's own departments (司局, 厅局, 部室) as the unit column
             # of its task table and in its items' annotations ("（牵头司局：办公厅；配合司局：法规司）")
             "牵头司局", "牵头负责司局", "主办司局", "责任司局", "负责司局", "承办司局", "牵头部室", "责任部室"),
    "配合单位": ("配合单位", "协办单位", "配合部门", "参与单位", "协办部门", "参与部门",
             "配合责任单位", "协同单位", "协同部门", "配合责任部门", "协助单位", "协同责任单位",
             "协同责任部门", "参与责任单位", "协作单位", "参加单位", "支持单位", "配合科室",
             # issue 13, round 2
             "配合落实单位", "协助配合单位", "协同配合单位", "配合协办单位", "参与配合单位", "配合处室",
             "其他责任单位", "次要责任单位",
             # issue 13, round 3
             "协办科室", "协办处室", "协同配合部门",
             # branch fresh50: a ministry's other departments of the row ("牵头司局 | 配合司局")
             "配合司局", "协办司局", "参加司局", "参与司局", "配合部室"),
    "完成时限": ("完成时限", "时间节点", "办结时限", "截止时间", "完成时间", "完成期限", "时限要求",
             "办结时间", "时间安排", "完成时限要求", "时间要求", "完成节点", "推进时限", "进度安排",
             "完成时间节点", "时间进度", "计划完成时间", "推进时间", "时间计划", "建设年限", "建设起止年限",
             "起止年限", "建设周期", "实施期限", "实施时间", "完成年限",
             # issue 13: task tables' time columns (GOLD-README "Tables": 建设起止年限) and 整改 lists
             "整改时限", "办结期限", "实施年限", "整改期限",
             # issue 13, round 2
             "进度要求", "时间进度安排", "完成时限要求及进度安排", "时间节点要求", "计划完成时限", "完成期限要求",
             # issue 13, round 3
             "时限清单", "完成时间要求", "时序进度", "进度计划", "完成节点要求",
             # issue 13, deadlines round 3: time columns of 台账 and 清单 (a date or a schedule per row)
             "预计完成时间", "计划完成日期", "完成日期", "截止日期", "办结日期", "工作进度安排", "计划进度",
             "进度时限", "时间节点安排", "完成时限节点", "计划完成期限", "预计完成时限",
             # branch kinds30: a 重点项目 table's time column names the building of the row ("项目名称 | 建设内容 |
             # 责任单位 | 建设时间": "2024", "2024.12", "2024-2025"), the row's deadline like 建设年限 and 实施时间
             "建设时间", "建设期限", "计划建设时间", "计划实施时间",
             # branch fresh62: a schedule's span of months per row ("工作项目 | 起止时间": "2005.1—4", "2005.5—2006.6"),
             # the row's deadline like 起止年限 and 实施时间
             "起止时间", "起止日期"),
    "进展情况": ("进展情况", "当前进度", "目前进度", "工作动态", "工作进展", "进展", "工作进度", "推进情况",
             "落实情况", "完成情况", "工作进展情况", "进展情况及成效",
             # a 重点项目 or 民生实事 table's report of the building (宁海 2022: "项目建设阶段(1-12月份)" over
             # "完成投资 | % | 主要形象进度"; ledger corpus 074); under a plan's caption it is the plan's
             # (``plan_holds_report``: "2022年工作计划" over "投资 | 工程主要形象进度")
             "形象进度", "主要形象进度", "工程形象进度", "工程主要形象进度", "项目形象进度", "形象进度情况"),
    "存在问题": ("存在问题", "遇到的问题", "存在的问题", "困难问题", "困难和问题", "存在困难和问题",
             "问题及困难", "存在问题及困难",
             # branch ledgers32: a 整改台账's problem column (its task where no 整改措施 is written: ledger/header.py)
             "问题描述", "具体问题", "问题表现", "问题内容", "发现问题"),
    "下步计划": ("下步计划", "下一步计划", "工作计划", "下步工作打算", "下一步工作计划", "下步工作计划",
             "下一步打算", "下步打算", "下一步工作打算", "下步措施"),
    "完成状态": ("完成状态", "推进状态", "状态", "办理状态", "任务状态",
             # ledger corpus, stop 30 (branch ledgers30b): 督办 ledgers' 落实状态 (已落实 / 正在落实), 进度状态
             "落实状态", "进度状态", "进展状态", "完成进度状态", "督办状态",
             # ledger corpus, stop 30: a 整改台账's state of each problem (已完成整改, 正在整改)
             "整改状态",
             # a 督查 result of each item as a 督查室 writes it (任务完成较好 / 工作推进缓慢; branch ledgers33)
             "督查结果", "督办结果"),
    "任务键": ("任务键",),
    "版本": ("版本",),
    # persons, never units: the one list of person words (vocabulary/persons.py)
    "责任人": person_captions(),
    "备注": ("备注", "说明"),
    # The by-unit ledger (ledger/layout.py, issue 15): one row per task and unit.
    "单位": ("单位",),
    "角色": ("角色", "单位角色", "承担角色"),
    "填报日期": ("填报日期", "报送日期", "填报时间", "更新日期"),
}

#: Short or vague captions that name a field only where the row is known to be a header: under a
#: group caption of a two-row ledger header (e.g. "责任单位" spanning "牵头" and "配合"), and in a
#: task table's header row (荆州 2022: 时限; "任务 | 牵头 | 配合"). Alone, a ledger's "事项" column
#: is left for the person to map.
SUB_CAPTIONS: dict[str, str] = {
    "牵头": "牵头单位", "主办": "牵头单位", "主责": "牵头单位", "责任": "牵头单位",
    "配合": "配合单位", "协办": "配合单位", "参与": "配合单位", "协责": "配合单位", "协同": "配合单位",
    "时限": "完成时限", "时间": "完成时限",
    "任务": "具体措施", "措施": "具体措施", "内容": "具体措施", "事项": "具体措施",
}

#: Captions of the lead column that mean the supporting units when a 牵头单位-like column is also
#: present (CONTRACTS.md §1: "牵头单位：区发改局 责任单位：…"); alone, they name the lead units.
#: The plan parser gives them the role "responsible" (parsing/annotations.resolve_units).
SUPPORTING_WHEN_LEAD_PRESENT = frozenset({"责任单位", "责任部门", "责任", "部门分工", "责任分工", "分工部门",
                                          "实施单位", "承办单位", "落实单位", "责任处室", "责任科室", "相关责任单位",
                                          "落实责任单位", "责任落实单位", "具体落实单位", "推进单位",
                                          "承办部门", "承办科室",
                                          # a ministry's departments that carry the work out beside its 牵头司局 (fresh50)
                                          "责任司局", "负责司局", "承办司局", "责任部室",
                                          # "牵头单位 | 责任主体与协同单位" (a 民生实事 progress table): the others
                                          "责任主体",
                                          # 考核 tables: lead alone, supporting beside a 牵头 column
                                          # ("总牵头单位 | 考核责任单位")
                                          "负责考核部门", "负责考核单位", "考核部门", "考核单位", "考核责任单位",
                                          "考核责任部门", "考核科室", "考评单位", "考评部门",
                                          # the towns and streets beside a department column (branch fresh44)
                                          *_AREA_UNIT_CAPTIONS})

#: Captions that name a field as a column header only, never inside a plan's sentences: they also
#: open ordinary paragraphs of a plan ("时间安排：分三个阶段…", "申报截止时间：…"), so an
#: annotation caption must not be read there.
COLUMN_ONLY_CAPTIONS = frozenset({"时间安排", "截止时间", "截止日期", "工作进度安排", "计划进度", "时限要求", "完成时限要求", "时间要求", "进度安排",
                                  "时间进度", "时间计划", "推进时间", "建设周期", "实施期限", "实施时间",
                                  "建设时间", "建设期限", "计划建设时间", "计划实施时间",
                                  "建设起止年限", "起止年限", "建设年限", "实施年限", "时序进度", "进度计划",
                                  "起止时间", "起止日期",
                                  # a 考核办法's sentences name the assessed ("考核单位：各乡镇") as often as
                                  # the assessor: the 考核 unit captions count in a table's header only
                                  "负责考核部门", "负责考核单位", "考核部门", "考核单位", "考核责任单位",
                                  "考核责任部门", "考核科室", "考评单位", "考评部门", "牵头考核单位", "牵头考核部门",
                                  "考核牵头单位"})

#: Captions of a deadline written on a line of its own under a measure ("时限要求：年底前",
#: "时间：2023年12月", "时间节点：9月底前完成"): every deadline caption above, the column-only and
#: short ones included, since such a line is read only when its value is a deadline and nothing
#: else (parsing/deadlines.deadline_caption_line; issue 13). "时间安排：分三个阶段…" stays a paragraph.
DEADLINE_LINE_CAPTIONS = frozenset(CAPTION_SYNONYMS[DEADLINE_FIELD]) | frozenset(
    caption for caption, field in SUB_CAPTIONS.items() if field == DEADLINE_FIELD) | {"期限"}

#: Captions of a goal written as a clause inside a measure ("…。工作目标：到2025年建成500个。"), whose years
#: are targets, not the measure's deadline (parsing/deadlines.find_text_deadline passes over the clause; issue 13,
#: deadlines round 3). An item whose whole text is its goal ("二、主要目标：到2025年，…") keeps its target year.
GOAL_CLAUSE_CAPTIONS = frozenset({"目标", "工作目标", "任务目标", "目标任务", "年度目标", "主要目标", "预期目标",
                                  "总体目标", "阶段目标", "阶段性目标", "具体目标", "建设目标", "发展目标",
                                  "工作目标任务", "年度目标任务", "目标要求", "预期成效", "预期效果",
                                  "整改目标",  # a 整改方案's goal (GOLD-README wave 9, 362)
                                  "目标值"})  # a 预期指标 table's target column (branch tables6)

#: A plan's indicator table sent as a ledger ("指标名称 | 目标值 | 预计值 | 完成情况"): the indicator names the row's task and
#: its target value is a figure beside it, no task text (GOLD-README held-out 304, "the 指标名称 cell as written"; ledger/
#: header.py ``_take_indicator_task``, branch ledgers50). A plan's table of the same captions reads the target as the
#: measure under the indicator (branch tables6): the two readers differ in what a row tracks, not in the captions.
INDICATOR_NAME_CAPTIONS = frozenset({"指标名称", "主要指标", "指标项目", "指标"})
TARGET_VALUE_CAPTIONS = frozenset({"目标值"})

#: Captions that open an item's list of measures on a line of their own ("整改措施：" then "1.…" "2.…", a
#: 整改方案's section): the caption lines written after that list (整改时限：…, 责任单位：…) close the item that
#: holds it, not its last measure (parsing/walker.BodyWalker._close_captioned_lists; GOLD-README wave 9).
MEASURES_LIST_CAPTIONS = frozenset({"整改措施", "整改举措", "具体措施", "工作措施", "主要措施", "落实措施",
                                    "推进措施", "具体整改措施", "措施"})

#: Headings of the conditions a call for proposals sets (a 征集 or 申报 notice's "二、征集条件", "（二）申报范围",
#: "三、项目条件和要求"; a 民生实事 征集's "征集范围" lists what a proposal must be): the year a proposal is to be done in
#: that their items name ("项目当年完成、当年见效", "当年完成投资") is a condition, no deadline
#: (parsing/parser.py ``_drop_criteria_times``; GOLD-README "kinds32"). Their words: who sets them, then the nouns.
_CRITERIA_SETTER = r"(?:征集|申报|申请|推荐|遴选|评选|入选|入围|项目|基本|准入|选题|立项)"
_CRITERIA_NOUN = r"(?:条件|范围|标准|原则|资格)"
CRITERIA_HEADING_RE = re.compile(rf"^{_CRITERIA_SETTER}?(?:的)?{_CRITERIA_NOUN}(?:[和及与、]{_CRITERIA_SETTER}?{_CRITERIA_NOUN}|[和及与、]要求)*[：:。]?$")


def is_criteria_heading(title: str | None) -> bool:
    """True when ``title`` (a measure's short title, e.g. "征集条件", "申报范围和条件", "项目条件和要求") heads the
    conditions of a call for proposals (``CRITERIA_HEADING_RE``); "申报要求" (what applicants must do, by when) and
    "征集时间" are no such heading. None or empty: False."""
    return bool(title) and bool(CRITERIA_HEADING_RE.match(re.sub(r"\s+", "", title)))


#: Captions that open a paragraph of an item's own on a line of their own, a goal or a list of measures
#: ("整改目标：…", "整改措施："): never the wrap of the line above (parsing/walker.opens_captioned_paragraph).
PARAGRAPH_CAPTIONS = GOAL_CLAUSE_CAPTIONS | MEASURES_LIST_CAPTIONS

#: Role of a unit or deadline caption inside a plan's annotation ("（牵头单位：A；完成时限：…）"):
#: LEAD, SUPPORTING, RESPONSIBLE (SUPPORTING_WHEN_LEAD_PRESENT), DEADLINE, or PERSON_ROLE for a
#: person's caption (牵头领导, 责任人, 联系人: read, then ignored).
PERSON_ROLE = "person"
ANNOTATION_CAPTIONS: dict[str, str] = {
    caption: (RESPONSIBLE if caption in SUPPORTING_WHEN_LEAD_PRESENT else role)
    for field, role in ((LEAD_UNITS, LEAD), (SUPPORTING_UNITS, SUPPORTING), (DEADLINE_FIELD, DEADLINE))
    for caption in CAPTION_SYNONYMS[field] if caption not in COLUMN_ONLY_CAPTIONS
} | {caption: PERSON_ROLE for caption in CAPTION_SYNONYMS[PERSON]}  # 责任人, 联系人, 牵头领导: persons

#: Duty words written after the units they name, by role: "A牵头，B配合", "A主办，B、C协办" (a plan's
#: annotation, a table's 责任单位 cell, a table's group row "一、县发改局牵头工作（8项）"). The same words
#: open the unit captions composed below ("主办单位", "协责单位"). Read by parsing/annotations.py and
#: parsing/tables.py; extend them here.
LEAD_DUTY_WORDS: tuple[str, ...] = ("总牵头", "牵头", "主办", "主责", "主抓")  # "(省发改委总牵头)": a section's lead (units29)
SUPPORTING_DUTY_WORDS: tuple[str, ...] = ("配合", "参与", "参加", "协助", "协办", "协同", "协责")  # 参加: "A牵头，B等有关部门参加" (fresh35)
#: Duty words of the units that carry the work out, written after them: "由A负责", "由A承办，B、C协办" (a 方案's
#: section opening with who handles its project). Lead when the clauses name no lead, like 责任单位 (RESPONSIBLE);
#: read by parsing/annotations.py (duties written as words, a bare "承办：A；协办：B").
RESPONSIBLE_DUTY_WORDS: tuple[str, ...] = ("负责", "承办")
#: What a group heading says its unit leads, written after the duty word ("一、县发改局牵头工作（8项）", "三、县住建局牵头的
#: 重点工作（共3项）", "七、由县水利局牵头完成的工作（2项）", "十、县市场监管局牵头推进工作", "二、县卫健局牵头的8项任务",
#: "五、县农业农村局牵头工作 8项", "一、县示范区管委会牵头抓总工作【8项】", "二、县发改局牵头工作：共5项"): a verb of carrying the
#: work out, 的, a count, the kind of work, a count in any bracket, after a blank or after a colon (kinds34). A pattern for parsing/tables.py ``group_lead`` (a table's group row and a prose heading alike; GOLD-README
#: "Task tables, round 5", "units29" and "units31").
_GROUP_COUNT = r"(?:共计|合计|共|计)?\s*[0-9０-９一二三四五六七八九十百]+\s*(?:项|件|个|条)"
#: A group line that counts the rows under it at its end ("一是已完成或达到时序进度(91.67%)以上的项目25个", "二、未开工项目（3项）"):
#: in a list of tasks without 序号 it heads the tasks below it (ledger/rows.py ``RowReader._heading_in_task_cell``;
#: GOLD-README held-out 173, branch ledgers50).
COUNTED_GROUP_END_RE = re.compile(rf"{_GROUP_COUNT}\s*[）)】\]]?[。.]?$")
LED_WORK_PATTERN = (
    r"(?:(?:完成|推进|落实|实施|办理|承担|抓好|抓总|组织实施)?的?(?:" + _GROUP_COUNT + r")?"
    r"(?:重点|主要)?(?:工作|任务|事项|项目|实事|民生实事)(?:任务|事项|清单)?|的)?"
    r"\s*(?:[（(【〔\[]\s*" + _GROUP_COUNT + r"\s*(?:工作|任务|事项)?\s*[）)】〕\]]|[：:]?\s*" + _GROUP_COUNT + r")?[。：:]?")

# ---- Unit and leader captions composed of a role and a noun -------------------------------------------
# Offices compose the unit column's caption from a role and a noun for the kind of body: 主办单位 |
# 协办单位, 主责单位 | 协责单位, 牵头处室 | 配合处室, 责任股室, 牵头县直单位; and the leader's (a person's)
# from a role and 领导: 责任领导, 包抓领导, 包联县领导, 主抓领导. The lists above name the common ones;
# the grammar below reads the others (issue 13, round 5: a Word table whose 协责单位 column was read as
# nothing). Exact composition, no substring matching: a role word, an optional level (县直, 市级), a noun.
_LEAD_ROLES = LEAD_DUTY_WORDS + ("主要责任", "主体责任", "牵头负责", "牵头责任", "牵头落实", "牵头推进")
#: Roles of a column that names the lead units alone and the supporting units beside a lead column
#: (SUPPORTING_WHEN_LEAD_PRESENT: "牵头单位 | 责任单位").
#: "负责单位", "负责部门", "具体负责部门" (a 分工表's, a 国务院 量化指标 table's): those who carry the work out, like 责任单位
#: (RESPONSIBLE_DUTY_WORDS; branches units30 and ledgers30b).
_RESPONSIBLE_ROLES = ("责任", "承办", "办理", "落实", "具体责任", "具体承办", "实施", "责任落实", "负责", "具体负责",
                      # "共同责任单位", "联合责任单位": those who answer for the work together, lead alone and supporting
                      # beside a 牵头 caption like 责任单位 (GOLD-README "kinds45")
                      "共同责任", "联合责任")
_SUPPORTING_ROLES = SUPPORTING_DUTY_WORDS + ("协作", "参加", "会办", "支持", "次要责任", "其他责任", "配合责任",
                                             "协同责任", "协同推进", "配合推进", "配合落实", "协助配合", "协同配合")
# "主要协作单位", "主要配合单位" (灵璧 2021, corpus 793): the main ones among those who help, still supporting units
_SUPPORTING_ROLES += tuple("主要" + role for role in ("协作", "配合", "协办", "参与", "协同", "协助"))
# A ministry's or a province's department table names its own departments (司局: 办公厅, 法规司; a 党委's 部室; a
# province's 厅局): "牵头司局 | 配合司局", "牵头负责司局", "责任司局", "责任部室" caption the unit column as 牵头处室 does
# an office's (GOLD-README "fresh50").
_UNIT_NOUNS = ("单位", "部门", "处室", "科室", "股室", "机构", "处", "科", "股", "司局", "司", "部室", "厅局")
_LEVEL = r"(?:[省市区县镇乡](?:级|直))?"
_COMPOSED_UNIT_RE = re.compile(
    "(?P<role>" + "|".join(sorted(_LEAD_ROLES + _RESPONSIBLE_ROLES + _SUPPORTING_ROLES, key=len, reverse=True))
    + ")" + _LEVEL + "(?:" + "|".join(sorted(_UNIT_NOUNS, key=len, reverse=True)) + ")")


# A few words naming the work a unit answers for, before its caption ("问题整改责任单位" in a 督查 问题清单, "项目建设牵头单位",
# "任务落实配合单位"): the unit caption after them says the field, the work before it says none (GOLD-README "fresh35").
_WORK_BEFORE_UNIT_CAPTION_RE = re.compile(r"(?:问题|整改|项目|任务|工作|建设|落实|推进|实施|督办|交办){1,3}(?=.{4}$)")


def _unit_caption_after_work(text: str) -> tuple[str, str] | None:
    """The field of a unit caption written after the work it answers for ("问题整改责任单位" -> ("牵头单位", "责任单位")), or
    None when what follows the words of work is no unit caption (``composed_caption``'s last resort)."""
    work = _WORK_BEFORE_UNIT_CAPTION_RE.match(text)
    if work is None:
        return None
    rest = text[work.end():]
    field = _LOOKUP.get(rest)
    if field in (LEAD_UNITS, SUPPORTING_UNITS):
        return field, rest
    found = _COMPOSED_UNIT_RE.fullmatch(rest)
    return composed_caption(rest) if found is not None else None


def composed_caption(text: str) -> tuple[str, str] | None:
    """The field of a caption composed of a role and a noun ("协责单位", "牵头县直单位", "包抓领导"), as
    (canonical caption, the caption standing for its role), or None.

    Units: a lead role ("主责处室") -> ("牵头单位", "牵头单位"); a responsible role ("责任股室", "承办处室":
    lead alone, supporting beside a lead column) -> ("牵头单位", "责任单位"); a supporting role ("协责单位",
    "配合县直部门") -> ("配合单位", "配合单位"). A leader ("包抓县领导") -> ("责任人", "责任人"): a person."""
    if is_leader_caption(text):  # the person words' own grammar (vocabulary/persons.py)
        return PERSON, PERSON
    found = _COMPOSED_UNIT_RE.fullmatch(text)
    if found is None:
        return _unit_caption_after_work(text)
    role = found.group("role")
    if role in _SUPPORTING_ROLES:
        return SUPPORTING_UNITS, SUPPORTING_UNITS
    return LEAD_UNITS, ("责任单位" if role in _RESPONSIBLE_ROLES else LEAD_UNITS)



# ---- Task captions named after the kind of task ----------------------------------------------------------
# A ledger of 民生实事 or 重点项目 captions its task column after the kind of task it lists, in the office's own words:
# "惠民实事项目", "省重点民生实事项目名称", "区民生实事项目数量" (the column holds the items, one a row), "推进缓慢的项目"
# (a short list of lagging tasks), "重点建设项目名称" (branch ledgers50). The rule is the form, not the list: a few words
# before 实事 (its 项目, 名称 or 数量 after it), a clause ending in 的项目 / 的事项, or "…项目(名称)" / "…事项(名称)" whose
# words name a kind of tracked project (民生, 实事, 重点, 惠民, 为民, or how slowly it goes: 缓慢, 滞后, 慢). Other words
# before 项目 name no kind: "已开工项目", "在建项目" caption counts in a figures table, and "区域项目名称" is two captions
# glued in a plan's table (区域 | 项目名称, parsing/glued_tables.py), which this rule must not read as one.
_TASK_KIND_WORDS = r"(?:民生|实事|重点|惠民|为民|缓慢|滞后|慢)"
_KIND_TASK_CAPTION_RE = re.compile(
    rf"{HAN_CLASS}{{1,10}}?(?:实事(?:项目)?(?:名称|数量)?|的(?:项目|事项)(?:名称)?)"
    rf"|{HAN_CLASS}{{0,8}}?{_TASK_KIND_WORDS}{HAN_CLASS}{{0,4}}?(?:项目|事项)(?:名称)?")


def kind_task_caption(text: str) -> tuple[str, str] | None:
    """The task field of a caption that names the kind of task its column lists ("惠民实事项目", "推进缓慢的项目",
    "省重点民生实事项目名称", "区民生实事项目数量") as ("具体措施", ``text``), as the listed "民生实事项目" is; None for any
    other caption ("已开工项目", "项目类别", "项目个数"). ``text`` is a normalised caption (``normalize_caption``)."""
    if (_KIND_TASK_CAPTION_RE.fullmatch(text) is None or is_investment_caption(text.replace("实事项目数量", ""))
            or _COUNTED_TASKS_RE.fullmatch(text)):
        return None  # "十大民生实事", "10件民生实事": the plan's items, counted (重点任务, ``match_caption``)
    return _LOOKUP["具体措施"], text


# ---- Report-text captions composed of a few words -------------------------------------------------------
# A ledger's progress and next-step columns are captioned in many words: 工作推进情况, 目前进展情况, 项目建设进度,
# 整改落实情况 (what was done); 下一步工作措施, 下步工作安排, 下一步推进思路 (what comes next). Exact composition:
# an optional word of whose or when, a word of doing, a word of state.
_PROGRESS_CAPTION_RE = re.compile(
    r"(?:工作|任务|项目|目前|当前|本月|本期|本季度|截至目前|总体|整体|具体)?"
    # a 整改 公示表's 整改进展情况 / 整改完成情况 (branch ledgers33)
    r"(?:推进|进展|落实|完成|开展|办理|执行|实施|整改|建设|整改落实|推进落实|整改进展|整改完成)(?:情况|进展|进度)"
    r"(?:及成效|及成果|和成效)?")
_NEXT_STEPS_CAPTION_RE = re.compile(r"下一?步(?:工作|推进)?(?:计划|打算|措施|安排|思路|举措|重点)")


def composed_report_caption(text: str) -> tuple[str, str] | None:
    """The field of a ledger's report-text caption composed of a few words ("工作推进情况", "目前进展情况",
    "项目建设进度" -> 进展情况; "下一步工作措施", "下步工作安排" -> 下步计划), as (canonical caption, ``text``),
    or None. Read by ``match_caption`` only (such a caption never stands in a plan's annotation)."""
    if _PROGRESS_CAPTION_RE.fullmatch(text):
        return PROGRESS, text
    if _NEXT_STEPS_CAPTION_RE.fullmatch(text):
        return NEXT_STEPS, text
    return None


def annotation_role(caption: str) -> str | None:
    """The role of ``caption`` inside a plan's annotation ("（主责单位：A；协责单位：B）"): LEAD, SUPPORTING,
    RESPONSIBLE, DEADLINE or PERSON_ROLE (ANNOTATION_CAPTIONS, then a caption composed of a role and a noun,
    ``composed_caption``), or None for a caption of no field ("数据提供单位")."""
    if caption in ANNOTATION_CAPTIONS:
        return ANNOTATION_CAPTIONS[caption]
    found = composed_caption(caption)
    if found is None:
        return None
    field, stands_for = found
    if field == PERSON:
        return PERSON_ROLE
    if field == SUPPORTING_UNITS:
        return SUPPORTING
    return RESPONSIBLE if stands_for in SUPPORTING_WHEN_LEAD_PRESENT else LEAD


# A caption naming the plan's items by their count ("十件大事", "十大民生实事", "八项重点工程", "10件民生实事", "五大行动"):
# the column of the items (branch tables29), like 重点任务.
_COUNTED_TASKS_RE = re.compile(r"(?:[一二三四五六七八九十百两]{1,3}|[0-9]{1,3})\s*(?:件|项|大|个)\s*"
                               r"(?:重大|重点|民生)?(?:大事|实事|好事|工程|行动|任务|工作|事项|项目)")

# The title of a list of works naming it by its count, alone on a line without a number ("沿海开发十大重点争取推进事项", "2024年
# 十项民生实事任务", "全区8项重点改革任务清单"): the count (``_COUNTED_TASKS_RE``'s), then at most a few words, then 事项, 清单 or
# 任务 closing the line (GOLD-README "units66"). A verb of doing before the count makes it a sentence ("全年完成十项任务", "主要包括
# 五个方面任务"), no title.
_COUNTED_LIST_TITLE_RE = re.compile(r"(?!\S*?(?:完成|实施|开展|落实|抓好|做好|办好|围绕|聚焦|包括|共有|分为)\S*?[0-9一二三四五六七八九十百两])"
                                    r"[^\s，,。；;：:！？!?、（）()]{0,16}?(?:[一二三四五六七八九十百两]{1,3}|[0-9]{1,3})\s*(?:件|项|大|个|条)"
                                    r"[^\s，,。；;：:！？!?、（）()]{0,12}?(?:事项|清单|任务)")


def is_counted_list_title(text: str) -> bool:
    """Is ``text`` (one line, stripped) the title of a list of works naming it by its count ("沿海开发十大重点争取推进事项",
    "全区8项重点改革任务清单"), no sentence (no punctuation but blanks)? The body walk (tracker/parsing/walker.py) reads such a
    title, followed by a list restarting at 1, as opening a list of its own at the top, no restart under the part above
    (GOLD-README "units66"). False for a heading without a count ("注意事项", "重点任务")."""
    return bool(_COUNTED_LIST_TITLE_RE.fullmatch((text or "").strip()))


# Longer cell texts are never taken for a caption (room for spaces and a bracketed remark).
_LONGEST_CAPTION = 40
_LOOKUP = {synonym: canonical for canonical, synonyms in CAPTION_SYNONYMS.items()
           for synonym in synonyms}
_SPACES = re.compile(r"\s+")
# A level before a caption ("市级牵头单位", "县级责任单位"): it says whose, no field. Before a unit caption's role word the
# 级 is often left out ("省牵头单位" beside a city's 责任单位, 杭州 2021: the province's lead of a task the city supports).
_UNIT_ROLE_WORDS = "|".join(LEAD_DUTY_WORDS + SUPPORTING_DUTY_WORDS + ("责任",))
# So is the level before a target's caption ("省工作目标 | 嵊州", a city's table of the province's 民生实事 targets).
_LEVEL_PREFIX_RE = re.compile(rf"^(?:省|市|区|县|乡镇|镇|乡)(?:级|(?=(?:{_UNIT_ROLE_WORDS})(?:单位|部门))|"
                              r"(?=工作目标|目标任务|年度目标|工作任务))(?=.{2})")
# A year or "年度" before a caption ("2024年目标任务", "年度工作任务", "年度重点任务"), or the months a progress column
# reports on ("1-10月推进情况", "2024年1—11月进展情况", "6月份完成情况": a 民生实事 progress table's columns): it says
# when, no field.
_PERIOD = r"(?:(?:[0-9]{4}年)?[0-9]{1,2}(?:\s*[-—－–~～至到]\s*[0-9]{1,2})?月份?|[0-9]{4}年度?|本?年度)"
_YEAR_PREFIX_RE = re.compile(rf"^{_PERIOD}(?=.{{2}})")
_PERIOD_RE = re.compile(rf"^{_PERIOD}")
# The period a report text covers, before its caption: months, the whole year or a half ("全年", "上半年"), a quarter
# ("一季度", "前三季度"), or the date the report runs to ("截至6月底进展", "截止9月末完成情况"). Stripped only where a
# report field remains (``PERIOD_FIELDS``): "一季度目标" beside "工作任务" is the quarter's target, not the task.
_REPORT_PERIOD_RE = re.compile(rf"^(?:截[至止])?(?:{_PERIOD}[底末]?|全年|[上下]半年|[第前]?[一二三四1-4]季度)(?=.{{2}})")
#: A period named alone in a header's second row, under a caption it divides: a year ("2023年", "2023", "2024年度"), a
#: quarter ("一季度", "第二季度"), a half ("上半年") or a month ("6月", "6月份"). Read by task tables (a time caption over
#: its periods, parsing/tables.py) and ledgers (工作进展 over 1月 | 2月 | 3月, ``is_period_sub_caption``).
PERIOD_SUB_CAPTION_RE = re.compile(r"(?:[0-9]{4}年?度?|第?[一二三四1-4]季度|[上下]半年|[0-9]{1,2}月份?)")
#: A caption of goals or plans set period by period, spanning one column per period in a header of two rows
#: ("年度目标" over "2018年度 | 2019年度 | 2020年度", "分年度目标" over "2024年 | 2025年 | 2026年", "季度目标" over "一季度 | …"):
#: like a time caption over its periods, each row's time is the period of its last filled cell (GOLD-README "Deadlines",
#: wave 28's 年度目标 over years; "yearcols59"). Besides the goal captions (``GOAL_CLAUSE_CAPTIONS``), the office's words for
#: a schedule split by period. Compared after ``normalize_caption``.
PERIOD_SPAN_CAPTIONS = GOAL_CLAUSE_CAPTIONS | frozenset({
    "分年度目标", "分年度目标任务", "分年度任务", "年度任务", "年度计划", "分年度计划", "分年度实施计划", "年度实施计划",
    "季度目标", "分季度目标", "季度计划", "分季度计划", "月度计划", "分月计划", "推进计划", "进度计划", "实施计划",
    "阶段安排", "年度安排", "分年度安排", "年度进度", "分年度进度", "任务安排"})
#: Captions of performance goals set period by period that stand beside a time caption of the row's own ("工作绩效目标" over
#: "一季度 | … | 四季度" beside "完成时限", a 试点 plan's 任务分解表): the periods stand under such a caption only where the rows
#: say so (a row writing its quarter cells, then its units, then its time; parsing/tables._periods_by_rows); elsewhere
#: it is a column of its own, never a period span (branch tables68). Compared after ``normalize_caption``.
PERIOD_GOAL_CAPTIONS = frozenset({"工作绩效目标", "绩效目标", "年度绩效目标", "季度绩效目标", "绩效目标任务"})
_BRACKETED = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
# A caption joined to a second one ("工作任务及措施", "责任单位/责任人"): the first is the field.
_JOINED_CAPTION_RE = re.compile(r"(.{2,12}?)(?:及|和|与|/|／|、).+")
_JOINED_CHARS = 16
_EDGE_PUNCTUATION = "：:，,。.、*＊ "
# ``simplified`` (the traditional characters of captions and units in their simplified forms) is the vocabulary's
# han.py, so the unit lists (units.py ``is_vague_collective``) read traditional names by the same table.

#: The category column of a table that sums projects by kind, with money in its other cells ("类别 | 项目个数 |
#: 年度计划投资 | 完成投资 | 占年度计划%"; 山东 2021 省重大项目 "领域 | 完成投资 | 占年度计划", ledger corpus 041): each
#: row is a category of projects, read as a task with no unit (ledger/header.py ``_category_header``).
CATEGORY_CAPTIONS = frozenset({"类别", "项目类别", "领域", "分类", "项目分类", "项目类型", "类型", "行业", "行业类别",
                               "产业类别",
                               # projects by level (省级 / 市级 / 县级: a 重点工程 table; branch ledgers33)
                               "层级", "项目层级", "级别", "项目级别",
                               # a 统计局's figures by group: 分组 / 组别 over 门类 and 经济类型 rows (中山 2023
                               # 规模以上工业增加值 by 门类 and by 经济类型, ledger corpus 097; branch ledgers42)
                               "分组", "组别", "门类", "行业门类", "经济类型"}) | frozenset(
    # the same words after the project or its building, as 发改 tables caption them: 项目领域 (山东 2021 省重大项目 by
    # field), 建设性质 (新建 / 续建: 松阳 2025 县重点项目), 项目性质, 所属领域 (ledger corpus 093, 094; branch indicators41)
    f"{owner}{word}" for owner in ("项目", "建设", "所属") for word in ("领域", "性质", "类别", "类型", "分类")) | frozenset(
    # a 重点任务清单's kind of task merged down its group's rows before the 序号 (任务类型 | 序号 | 工作任务 | 推进单位: 旧区改造,
    # 公共空间; branch fresh60)
    f"{owner}{word}" for owner in ("任务", "工作") for word in ("类别", "类型", "分类"))
# The figures of such a table: counts of projects, money invested or planned, shares of the year's plan.
_INVESTMENT_CAPTION_RE = re.compile(r"(?:项目)?(?:个数|数量)|项目数|投资|占(?:年度|全年|年)?计划|完成率|开工率")


def is_investment_caption(text) -> bool:
    """Whether a header cell captions a category table's figures ("项目个数", "年度计划投资（亿元）", "完成投资",
    "占年度计划%", "完成率"): counts, money or shares, never a ledger's field (``CATEGORY_CAPTIONS``)."""
    return isinstance(text, str) and len(text) <= 20 and bool(_INVESTMENT_CAPTION_RE.search(re.sub(r"\s+", "", text)))


# In a header row, a time caption composed of a few words and a noun that says by when ("工作时限", "任务完成时限",
# "落实期限", "计划竣工时间", "整改完成日期"): the row's deadline, like the listed 完成时限 (GOLD-README, deadlines
# round 4). 时限 and 期限 say by when (not a page's 公开时限 or a 有效期限); 时间 and 日期 only after a word of
# finishing (开工时间 is a start).
_COMPOSED_TIME_RE = re.compile(rf"(?!公开|有效|保密|保存|存档|试用|使用){HAN_CLASS}{{1,6}}(?:时限|期限)|{HAN_CLASS}{{0,4}}(?:完成|办结|竣工|完工|截止)(?:时间|日期)")

#: A notice's time caption (a 公告, 通告, 禁火令, 封山令, 禁渔期通告, 大接访公告: "禁火期：", "禁渔时间：", "接访时间：",
#: "封山期限：", "执行时间：", "报名时段：", "开放日期：", "禁捕期间："): a few words, then a noun naming a time or a
#: period. Its value, when it is a period and nothing else, is the item's deadline as written (parsing/deadlines.py
#: ``notice_period``; GOLD-README "notices27"). A page's metadata (发布日期, 成文日期), a term in force (有效期), a
#: time kept (保存期限) and a start (开工时间, 开始日期: when work begins, as a table's 开工时间) are no such caption.
#: Nor is the period a subsidy or a promotion leaves people to act in (消费券使用时间, 申领时间, 领券时间, 补贴期限, 兑付
#:时间, 购房活动时间: when people may buy, claim or spend, not when the office must finish; GOLD-README's rule for a
#: subsidy's period, 314, written for captions by branch kinds37). A bare 活动时间 is an office's campaign as often
#: (855 `一、活动时间` of a 村庄清洁行动): it is refused only beside such a caption (``PROMOTION_TIME_CAPTION``).
#: The nouns that end a time caption: a time, a period or a term (one list for the notice's caption and the refused one).
_TIME_NOUNS = "时间|时段|日期|期限|期间|时限|期"
_PUBLIC_PERIOD_WORDS = "(?<!投入)使用|用券|领取|申领|领券|抢券|兑付|兑换|核销|补贴|补助|消费券|购房|优惠|促销"
_NOT_A_NOTICE_TIME = ("有效|试用|保密|保存|存档|公开|发布|印发|成文|生成|发文|更新|出生|生产|开工|开始|起始|启动|"
                      + _PUBLIC_PERIOD_WORDS)
NOTICE_TIME_CAPTION_RE = re.compile(
    rf"(?!.*(?:{_NOT_A_NOTICE_TIME}))"
    rf"{HAN_CLASS}{{0,8}}(?:{_TIME_NOUNS})")
#: The same caption as a pattern to write before the value it captions, inside a longer pattern ("征集日期" before
#: "自公告发布之日起至2021年11月20日", its colon lost to a blank; branch deadlines29): none of its words may open a word
#: that makes it no notice's time (the lookahead is per character, so the value after it is not looked at).
NOTICE_TIME_CAPTION = rf"(?:(?!{_NOT_A_NOTICE_TIME}){HAN_CLASS}){{0,8}}(?:{_TIME_NOUNS})"
#: A time caption that ``NOTICE_TIME_CAPTION_RE`` refuses (a subsidy's 活动时间, a coupon's 使用时间, a 有效期): its value is
#: no deadline wherever it is written, as a line, inside a sentence ("消费券使用时间：2023年1月20日-3月31日", "活动时间为
#: 2022年6月8日-6月30日"), or as the heading over its period ("一、消费券的发放时间" / "2023年5月份每周五…发放"); parsing/
#: deadlines.py ``_without_refused_periods`` (branch kinds37).
REFUSED_TIME_CAPTION = (rf"(?:{HAN_CLASS}){{0,8}}?(?:{_NOT_A_NOTICE_TIME})(?:{HAN_CLASS}){{0,4}}?"
                        rf"(?:{_TIME_NOUNS})")
#: A campaign's time caption without a word of who acts (活动时间, 活动期间): a promotion's period when the same item
#: captions a period people act in (``REFUSED_TIME_CAPTION``: "活动时间为2022年6月8日-6月30日。抢券及使用时间分为四轮") or
#: names what the promotion gives (``SUBSIDY_NOUNS``: "发放购房补贴…活动时间：…"),
#: else the office's campaign, a deadline as before (855; branch kinds37).
PROMOTION_TIME_CAPTION = r"活动的?(?:时间|时段|日期|期限|期间)"
#: What a subsidy or a promotion gives people (购房补贴, 消费券): an item naming one makes its bare 活动时间 the promotion's.
SUBSIDY_NOUNS = "补贴|补助|消费券|购物券|优惠券"
#: The relief a policy gives a group for a term ("对从事二手车经销的纳税人…减按0.5%征收增值税", "对…充换电设施用电免收需量
#: 电费", "对小微企业…免征…", "对…给予…补贴"): the date before such a clause says how long people benefit, not when the office
#: must finish (parsing/deadlines.py ``_without_refused_periods``; GOLD-README's policy term, 108, and a subsidy's period, 314;
#: branch kinds38).
RELIEF_WORDS = r"减按|减半|免收|免征|免予|免于|暂免|免除|不征收|给予[^，,。；;\n]{0,20}?(?:补贴|补助|奖励|贴息)"
#: What a reward policy gives those who meet its condition ("…获得国内发明专利授权的，每件给予资助1万元", "…通过认定的企业，给予
#: 奖励", "…的，一次性奖励10万元"): a date inside the condition says which applicants qualify, not when the office must finish
#: (parsing/deadlines.py ``_without_refused_periods``, its condition clause; GOLD-README "heldout37c", "lists68").
AWARD_WORDS = r"给予|奖励|资助|补助|补贴|奖补|贴息"


def normalize_caption(text) -> str:
    """Return ``text`` (any cell value) as a comparable caption: "完成\\n时限：" -> "完成时限".

    Removes every whitespace character (full-width spaces and line breaks included) and leading
    or trailing colons, commas, full stops and asterisks ("*序号" marks a required column); the
    traditional characters of captions become simplified ("牽頭單位" -> "牵头单位").
    A non-text value (a number, a date) gives "".
    """
    if not isinstance(text, str):
        return ""
    return simplified(_SPACES.sub("", text).strip(_EDGE_PUNCTUATION))


def match_caption(text, sub_caption: bool = False) -> tuple[str, str] | None:
    """Return (canonical caption, normalised caption) that ``text`` names, or None.

    ``sub_caption`` also accepts the short forms of SUB_CAPTIONS (for a row under a group
    caption). A caption with a bracketed remark matches by what is outside the brackets.
    """
    if not isinstance(text, str) or len(text) > _LONGEST_CAPTION:
        return None  # most data cells: not worth normalising
    caption = normalize_caption(text)
    if not caption:
        return None
    plain = _BRACKETED.sub("", caption).strip(_EDGE_PUNCTUATION)
    level_free = _LEVEL_PREFIX_RE.sub("", plain)  # "市级牵头单位", "县级责任单位": the level says no field
    year_free = _YEAR_PREFIX_RE.sub("", level_free)  # "2024年目标任务", "年度工作任务": the year says none
    for candidate in (caption, plain, level_free, year_free):
        if candidate in _LOOKUP:
            return _LOOKUP[candidate], candidate
        if sub_caption and candidate in SUB_CAPTIONS:
            return SUB_CAPTIONS[candidate], candidate
    for candidate in (caption, plain, level_free, year_free):
        if (found := composed_caption(candidate) or composed_report_caption(candidate)
                or kind_task_caption(candidate)) is not None:
            return found
        if _COUNTED_TASKS_RE.fullmatch(candidate):
            return _LOOKUP["重点任务"], candidate  # "十件大事", "十大民生实事": the plan's items, counted
        if sub_caption and _COMPOSED_TIME_RE.fullmatch(candidate):
            return DEADLINE_FIELD, candidate
    period_free = _REPORT_PERIOD_RE.sub("", plain)  # "截至6月底进展", "上半年进展": the period the report covers
    if period_free != plain and (found := match_caption(period_free, sub_caption)) and found[0] in PERIOD_FIELDS:
        return found
    # "工作任务及措施", "责任单位/责任人", "完成时限和要求": a known caption, then what goes with it
    joined = _JOINED_CAPTION_RE.fullmatch(plain) if len(plain) <= _JOINED_CHARS else None
    if joined and joined.group(1) in _LOOKUP:
        return _LOOKUP[joined.group(1)], joined.group(1)
    if joined and sub_caption:
        # in a header row: "任务及措施", "时限及要求" (a short caption first), "目标和任务", "项目及内容"
        # (a word of no field, then the caption that names the column)
        first, second = joined.group(1), plain[joined.end(1) + 1:]
        for part in (first, second):
            if part in _LOOKUP:
                return _LOOKUP[part], part
            if part in SUB_CAPTIONS:
                return SUB_CAPTIONS[part], part
    return None


#: A time column that says when the responsible unit expects the work done, not when it must be ("预计完成时间", "预计完成
#: 时限", "预计竣工时间", "预期完成时间"; a 重大项目专班's 台账, ledger corpus 208). The caption table above lists some of
#: them under 完成时限, as a plan's text names such a time (tracker/parsing reads plans and is left as it is); a ledger's
#: column of them is a forecast, which the ledger reader keeps as written in the row's extra (as any column of no
#: field) and never takes for the row's deadline (ledger/header.py ``_map_columns``; tests/ledgers/GOLD-README.md, branch ledgers44). A 计划完成时间 is
#: the plan's own date: the deadline, as before.
_FORECAST_CAPTION_RE = re.compile(r"^(?:(?:19|20)\d{2}年)?(?:预计|预期|预估|估计|预测)")


def is_forecast_caption(text) -> bool:
    """True when ``text``, a header cell, names a forecast of when the work will be done rather than its limit
    ("预计完成时间", "预计完成时限（月）", "2024年预计完工时间"; not "计划完成时间", "完成时限"): a caption the table
    maps to 完成时限 (``match_caption``) and whose words open with 预计 / 预期 / 预估 / 估计 / 预测."""
    caption = normalize_caption(text) if isinstance(text, str) else ""
    found = match_caption(text, sub_caption=True) if caption else None
    return bool(found and found[0] == DEADLINE_FIELD and _FORECAST_CAPTION_RE.match(caption))


def is_caption_text(text: str) -> bool:
    """Quick test: is ``text``, stripped, exactly one of the captions (no normalising)?"""
    return text.strip() in _LOOKUP


def assign_column(columns: dict, matched_as: dict, column, found: tuple[str, str]) -> bool:
    """Give ``column`` the field of ``found`` (a ``match_caption`` result) in a header's mapping.

    ``columns`` maps field -> column and ``matched_as`` column -> the caption it matched; both are
    updated. The first column of a field keeps it, except that of two lead columns the one
    written 责任单位 (SUPPORTING_WHEN_LEAD_PRESENT) holds the supporting units (鞍山立山区 2023,
    CONTRACTS.md §1). Returns False when the field was already taken by another column (the
    caller says so and ignores ``column``).
    """
    canonical, caption = found
    taken = columns.get(canonical)
    if taken is None:
        columns[canonical] = column
        matched_as[column] = caption
        return True
    if canonical == LEAD_UNITS and SUPPORTING_UNITS not in columns:
        if caption in SUPPORTING_WHEN_LEAD_PRESENT:
            columns[SUPPORTING_UNITS] = column
            matched_as[column] = caption
            return True
        if matched_as.get(taken) in SUPPORTING_WHEN_LEAD_PRESENT:
            columns[SUPPORTING_UNITS] = taken
            columns[LEAD_UNITS] = column
            matched_as[column] = caption
            return True
    return False


#: Task captions that name a project ("序号 | 实事项目 | 主要内容 | 牵头单位"): each row tracks the project named, and a
#: content column beside it (``PROJECT_CONTENT_CAPTIONS``) says what the project builds, not a measure of its own
#: (``second_task_text``; held-out ledgers of 民生实事, stop 37).
PROJECT_CAPTIONS = frozenset({"实事项目", "民生实事项目", "实事工程项目", "民生实事", "项目"})
PROJECT_CONTENT_CAPTIONS = frozenset({"主要内容", "建设内容", "主要建设内容", "项目内容", "实施内容", "建设内容及规模",
                                      "建设规模及内容", "实事内容"})


def second_task_text(columns: dict, matched_as: dict, column, found: tuple[str, str] | None, written: str) -> bool:
    """Give ``column`` a task field when it is the second column of task text, right of the first: the right one holds
    the measures and the left one groups them. Two task captions ("工作任务 | 具体要求": 荆州 2022; "工作任务 | 具體內容":
    咸阳 2022, ledger corpus 084): the left becomes the 重点任务 (or is dropped when one is already mapped), the right the
    具体措施. Two heading captions and no task caption yet ("重点任务 | 主要举措", "改革任务 | 改革举措": 四川 2022, ledger
    corpus 083): the left stays the 重点任务, the right is the 具体措施; a task caption further right then takes the
    具体措施 from it ("重点任务 | 主要举措 | 具体措施"). ``columns`` (field -> column) and ``matched_as`` (column -> caption)
    are a header's mapping as ``assign_column`` keeps it, columns given left to right; ``written`` is the column's
    caption as written (a two-row header's joined "8月份/目标"). A caption dated by a period ("3月目标", "一季度目标",
    "2024年目标任务", or a period over it: "8月份/目标") is the period's target beside the task (宝山 2022 and 2023,
    ledger corpus 046, 047), never the measures. Returns True when ``column`` was placed (the
    caller then does not ``assign_column`` it); False for any other caption."""
    if found is None or found[0] not in (TASK, HEADING):
        return False
    own = match_caption(str(written).split("/")[0])
    if own is not None and own[0] not in (TASK, HEADING):
        return False  # "完成状态/十项民生工程": a group row merged across under the header lends no column its field
    parts = [_LEVEL_PREFIX_RE.sub("", normalize_caption(part)) for part in str(written).split("/")]
    if any(_REPORT_PERIOD_RE.match(part) or PERIOD_SUB_CAPTION_RE.fullmatch(part) for part in parts):
        return False
    canonical, caption = found
    taken = columns.get(canonical)
    if taken is None:
        return False  # the first column of its field: assign_column's business
    if canonical == TASK:
        if matched_as.get(taken) in PROJECT_CAPTIONS and caption in PROJECT_CONTENT_CAPTIONS:
            return False  # "实事项目 | 主要内容": the project is the task, its content describes it
        columns.setdefault(HEADING, taken)  # a heading already mapped: the earlier task text is dropped
        columns[TASK] = column
        matched_as[column] = caption
        return True
    if TASK in columns:
        return False  # "重点任务 | 具体措施 | 项目名称": the task text is settled
    columns[TASK] = column
    matched_as[column] = caption
    return True


def is_third_unit_column(found: tuple[str, str] | None, caption: str, columns: dict) -> bool:
    """Is a header column captioned ``caption`` (``found``: its ``match_caption``, sub-captions accepted) whose unit field
    the header has given to another column a third unit column, holding more supporting units? So when the header has a
    lead column and a supporting one (``columns``: field -> column, ``match_header``'s or ``assign_column``'s) and the
    caption names units, no person ("牵头单位 | 参与单位 | 责任单位": 责任单位 beside a 牵头 column holds supporting
    units, as alone beside it; GOLD-README wave 10). Read by the task tables (``parsing/tables._add_third_unit_column``)
    and the ledger's header (``ledger/header._assign``)."""
    return (found is not None and found[0] in (LEAD_UNITS, SUPPORTING_UNITS) and LEAD_UNITS in columns
            and SUPPORTING_UNITS in columns and not PERSON_IN_CAPTION_RE.search(normalize_caption(caption)))


#: The report texts a ledger may write once per period, in columns side by side ("1月进展 | 2月进展 | 3月进展").
PERIOD_FIELDS = (PROGRESS, PROBLEMS, NEXT_STEPS)
#: The fields of a row's report, filled in by whoever works on the task (a ledger's 进展情况, 存在问题, 下步计划, 完成状态):
#: the ledger reader takes them as a report; the plan reader knows by them that a header naming no unit or time column is
#: still a task table, a progress table given as a plan (parsing/tables ``_REPORT_COLUMNS``; branch ledgerplans66).
REPORT_FIELDS = (*PERIOD_FIELDS, STATUS)


def is_later_period_column(found: tuple[str, str] | None, caption: str, taken_caption: str) -> bool:
    """Is a ledger column captioned ``caption`` (``found``: its ``match_caption``) one more period of a report text
    whose field an earlier column (captioned ``taken_caption``) already holds? So when both captions say the period
    they report on ("1月进展 | 2月进展 | 3月进展", "2023年进展情况 | 2024年进展情况", or a group caption over month
    sub-captions, "工作进展/1月 | 工作进展/2月": captions as ``ledger/header`` joins them with "/"). Other offices' monthly
    ledgers are kept this way; each row's newest filled period is its current text (``ledger/rows``), where a second
    column of one field is otherwise ignored."""
    return found is not None and found[0] in PERIOD_FIELDS and _says_period(caption) and _says_period(taken_caption)


def _says_period(caption: str) -> bool:
    """Whether a header column's caption (group and sub-caption joined with "/") says the period its report covers in
    one of its parts: "1月进展", "截至6月底进展", "工作进展/1月", "2025年进展情况/截至6月底进展"."""
    return any(_PERIOD_RE.match(part) or _REPORT_PERIOD_RE.match(part)
               or PERIOD_SUB_CAPTION_RE.fullmatch(part) for part in normalize_caption(caption).split("/"))


# A caption naming what is planned for a period, over the columns of the plan's figures ("2022年工作计划", "年度计划",
# "2024年计划", "年度目标"), a bracketed remark after it allowed.
_PLAN_CAPTION_RE = re.compile(r"(?:计划|目标)$")


def plan_holds_report(group_caption, found: tuple[str, str] | None) -> bool:
    """Is a ledger column whose sub-caption names a report text (``found``: its ``match_caption``, 进展情况) under a group
    caption naming a plan (``group_caption`` as written: 下步计划 by ``match_caption``, "2022年工作计划", or any caption
    ending in 计划 or 目标, "年度计划", "年度目标") part of the plan? So it is: "2022年工作计划" over "投资 | 工程主要形象
    进度" is the year's planned investment and planned progress, beside "项目建设阶段(1-12月份)" over "完成投资 | % |
    主要形象进度", what was done (宁海 2022, ledger corpus 074). A plan under a report's caption ("2025年进展情况" over
    "截至6月底进展 | 7月工作计划") stays a plan. ``ledger/header`` gives such a column the group's field where the group
    names 下步计划, else none."""
    if found is None or found[0] != PROGRESS or not isinstance(group_caption, str):
        return False
    caption = _BRACKETED.sub("", normalize_caption(group_caption))
    named = match_caption(group_caption)
    return (named is not None and named[0] == NEXT_STEPS) or bool(_PLAN_CAPTION_RE.search(caption))


def is_dated_report_column(found: tuple[str, str] | None, caption: str, taken_caption: str) -> bool:
    """Is a ledger column captioned ``caption`` (``found``: its ``match_caption``) the report text of its field rather
    than the earlier column captioned ``taken_caption`` that holds the field? So when its caption says the period the
    report covers and the earlier one says none: "具体完成情况 | 2025年进展情况/截至6月底进展" (奉化 2025 民生实事,
    ledger corpus 075: the undated column holds what the year is to complete, "当年完成", the dated one the report to the
    end of June). Two dated columns are periods side by side (``is_later_period_column``); ``ledger/header`` then reads
    the dated column and ignores the undated one, with a warning."""
    return (found is not None and found[0] in PERIOD_FIELDS and _says_period(caption)
            and not _says_period(taken_caption))


def is_part_column(found: tuple[str, str] | None, caption: str, taken_caption: str) -> bool:
    """Is a ledger column captioned ``caption`` (``found``: its ``match_caption``) one part of a report text whose field
    an earlier column (captioned ``taken_caption``) already holds? So when both are sub-captions of one group caption
    and name no period: "本月进展情况/前期手续 | 本月进展情况/在建形象进度" (a 项目进度表's month report in two parts,
    captions as ``ledger/header`` joins them with "/"). Each row's filled parts are its text (``ledger/rows``), where a
    second column of one field is otherwise ignored; periods side by side are ``is_later_period_column``'s."""
    group, _, part = normalize_caption(caption).rpartition("/")
    taken_group, _, taken_part = normalize_caption(taken_caption).rpartition("/")
    return (found is not None and found[0] in PERIOD_FIELDS and bool(group) and group == taken_group
            and part != taken_part and not is_period_sub_caption(part) and not is_period_sub_caption(taken_part))


def problem_heads_measure(taken_caption: str | None, caption: str | None) -> bool:
    """Of two header columns that both name a ledger's task (their ``match_caption`` captions), is one a 整改台账's
    fed-back problem (``FEEDBACK_PROBLEM_CAPTIONS``: "巡察反馈问题") and the other the 整改措施 answering it
    (``RECTIFICATION_MEASURE_CAPTIONS``), in either order? Then the measure is the task and the problem its heading
    (重点任务), as GOLD-README reads a 整改台账 (040: the task is its 整改措施 where the table has one); ``ledger/header``
    maps them so."""
    pair = {taken_caption, caption}
    return bool(pair & set(FEEDBACK_PROBLEM_CAPTIONS)) and bool(pair & RECTIFICATION_MEASURE_CAPTIONS)


def is_period_sub_caption(text) -> bool:
    """Is a header cell a bare period (``PERIOD_SUB_CAPTION_RE``: "1月", "一季度", "上半年", "2024年") — a sub-caption under
    a group caption such as 工作进展, naming the period its column reports on (``is_later_period_column``)?"""
    return bool(PERIOD_SUB_CAPTION_RE.fullmatch(normalize_caption(text)))


#: The task captions that say how a 考核 table's row is scored (``match_header``): the row's task column only
#: when the header names no other ("考核项目 | 考核标准 | 分值 | 负责考核部门"); beside a column of what the row
#: asks for ("考核内容 | 分值 | 评分标准 | 考核单位") that column is the task and these are no field
#: (issue 13, round 6: a page's 考核细则 read its 评分标准 as the tasks).
SCORING_CAPTIONS = frozenset({"考核标准", "评分标准", "考核细则", "评分细则", "考评标准", "考核评分标准",
                              "评分办法及标准"})

#: A 考核 table's points column ("分值", "各项分值", "标准分", "权重（分）"): how many points a row is worth. Beside a task
#: column it makes the header a scoring table's (``is_scoring_header_caption``), read as a task table even when it names
#: no unit or time column (branch tables28: "序号 | 考核项目 | 各项分值 | 考核内容 | 评分标准 | 说明").
_POINTS_CAPTION_RE = re.compile(r"^(?:各项|考核|标准|基本|目标)?(?:分值|分数|赋分|权重|标准分|基本分)(?:[（(]?分[）)]?)?$")


def is_points_caption(text) -> bool:
    """Is ``text`` a 考核 table's points caption (分值, 各项分值, 标准分, 权重, with "(分)"), whose cells are numbers?"""
    return bool(_POINTS_CAPTION_RE.match(normalize_caption(text)))


def is_scoring_header_caption(text) -> bool:
    """Is ``text`` a header cell saying how a 考核 table's rows score: a criteria caption (``SCORING_CAPTIONS``:
    评分标准, 考核标准 …) or a points caption (``is_points_caption``)?"""
    return normalize_caption(text) in SCORING_CAPTIONS or is_points_caption(text)


# Longest caption of its own words taken for the task column of a task table's header (``match_header``).
_TASK_GUESS_CHARS = 12


def rectified_problem_column(columns: dict[str, int], captions) -> int | None:
    """The column holding the tasks of a 整改台账 / 问题清单 written without a 整改措施 column ("序号 | 存在问题 | 责任单位 |
    整改时限 | 整改进展"): its 存在问题 column (``columns``: field -> column, as mapped; ``captions``: the header's captions as
    written), each row being the problem to rectify (ledger GOLD-README, branch ledgers32). Only where no column names the
    task and a caption speaks of 整改 (整改时限, 整改进展, 整改状态 …): in another table a 存在问题 column is the problems met on
    the way. None otherwise. The one rule for the ledger's header (ledger/header.py) and a plan's task table
    (``match_header``; branch ledgerplans66)."""
    if TASK in columns or PROBLEMS not in columns:
        return None
    if not any("整改" in normalize_caption(caption) for caption in captions if isinstance(caption, str)):
        return None
    return columns[PROBLEMS]


def match_header(cells: list) -> tuple[dict[str, int], dict[int, str]] | None:
    """Map the cells of a one-row header (a task table's first row) to fields.

    Returns ({field: index of its cell}, {index: caption matched}) using ``match_caption`` (short
    sub-captions such as 牵头/配合/时限 accepted) and ``assign_column``. Of two task-text columns the
    right one holds the measures and the left one groups them (荆州 2022: "工作任务 | 具体要求");
    the task text falls back to the 重点任务 column when there is no 具体措施-like one, as in
    ledgers; without either, a short caption of the office's own words right after the 序号 and before the
    unit columns is the task column ("序号 | 任务目标 | 责任单位 | 完成时限": the rows' text is there, issue 13
    round 5); without any of these, a 整改台账's 存在问题 column (``rectified_problem_column``, the ledger's rule). None
    when no cell names the task text. Header rows of two lines (merged group
    captions) are the ledger's business: tracker/ledger/header.py.
    """
    columns: dict[str, int] = {}
    matched_as: dict[int, str] = {}
    for index, cell in enumerate(cells):
        found = match_caption(cell, sub_caption=True)
        if found and found[0] == TASK and TASK in columns:
            if found[1] in SCORING_CAPTIONS:
                continue  # "考核内容 | 分值 | 评分标准": how a row scores, beside what it asks for
            if matched_as.get(columns[TASK]) in SCORING_CAPTIONS:
                del matched_as[columns.pop(TASK)]  # "评分标准 | 考核内容" (rare order): the same, leftwards
                assign_column(columns, matched_as, index, found)
                continue
        if found and not second_task_text(columns, matched_as, index, found, cell):
            assign_column(columns, matched_as, index, found)
    if TASK not in columns and HEADING in columns:
        columns[TASK] = columns.pop(HEADING)
    if TASK not in columns and NUMBER in columns and (LEAD_UNITS in columns or SUPPORTING_UNITS in columns):
        # "序号 | 任务目标 | 责任单位 | 完成时限": a caption of its own words right after the 序号, before the
        # unit columns, is the task column (the rows' text goes there); short, no sentence
        after = columns[NUMBER] + 1
        caption = normalize_caption(cells[after]) if after < len(cells) else ""
        if (caption and after not in matched_as and len(caption) <= _TASK_GUESS_CHARS
                and not re.search(r"[。；;，,！？]", caption) and after < min(columns[f] for f in columns if f != NUMBER)):
            columns[TASK] = after
    if TASK not in columns and NUMBER not in columns and (LEAD_UNITS in columns or SUPPORTING_UNITS in columns):
        # "专项整治行业名称 | 时间安排 | 责任单位" (a town's table of one 专项整治 a month, no 序号; branch fresh44): the
        # first caption, of the office's own words, is the task column as after a 序号, when every other caption of
        # the row is a known one (at least two: a unit column and another) and it stands before them. A first caption
        # of the office's words before it is a column grouping the rows ("领域 | 主要目标 | 主要责任单位 | 责任单位", a
        # 目标责任分解书: the 领域 written once for its group, branch fresh65): the second caption is the task column
        at = 1 if len(cells) > 1 and _own_caption(cells, 1, matched_as) and _own_caption(cells, 0, matched_as) else 0
        caption = normalize_caption(cells[at]) if cells else ""
        others = [index for index in range(at + 1, len(cells)) if normalize_caption(cells[index])]
        if (caption and at not in matched_as and len(caption) <= _TASK_GUESS_CHARS
                and not re.search(r"[。；;，,！？：:]", caption)
                and len(others) >= 2 and all(index in matched_as for index in others)):
            columns[TASK] = at
    if rectified_problem_column(columns, cells) is not None:
        # "序号 | 存在问题 | 责任单位 | 整改时限 | 整改进展", no other caption taken for the task: the problems are the tasks
        columns[TASK] = columns.pop(PROBLEMS)
    if TASK not in columns:
        return None
    return columns, matched_as


def _own_caption(cells: list, index: int, matched_as: dict[int, str]) -> bool:
    """Is ``cells[index]`` a header caption of the office's own words (``match_header``'s guesses): written, matched to
    no field, short, no sentence ("领域", "主要目标")?"""
    caption = normalize_caption(cells[index])
    return (bool(caption) and index not in matched_as and len(caption) <= _TASK_GUESS_CHARS
            and not re.search(r"[。；;，,！？：:]", caption))


# ---- The unit list of ``import-units`` (CONTRACTS.md §10, issue 18) -------------------------------
UNIT_NAME, UNIT_PARENT, UNIT_KIND, UNIT_JURISDICTION = "单位名称", "上级单位", "类别", "辖区"

#: Canonical caption of a unit list's column -> the captions that mean it (the canonical one first).
UNIT_LIST_CAPTIONS: dict[str, tuple[str, ...]] = {
    UNIT_NAME: ("单位名称", "单位", "名称", "机构名称", "部门名称", "单位全称"),
    UNIT_PARENT: ("上级单位", "上级", "隶属单位", "上级部门", "主管单位", "所属单位"),
    UNIT_KIND: ("类别", "类型", "单位类型", "单位类别", "性质"),
    UNIT_JURISDICTION: ("辖区", "所属地区", "地区", "行政区划", "区域"),
}
_UNIT_LIST_LOOKUP = {synonym: canonical for canonical, synonyms in UNIT_LIST_CAPTIONS.items()
                     for synonym in synonyms}


def match_unit_list_header(cells: list) -> dict[str, int] | None:
    """Map a unit list's header row (cell values, left to right) to {canonical caption: index}.

    Captions are compared after ``normalize_caption`` and again without bracketed remarks; the
    first column of a field keeps it. None when no cell names 单位名称 (not a unit list's header).
    """
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        caption = normalize_caption(cell)
        for candidate in (caption, _BRACKETED.sub("", caption).strip(_EDGE_PUNCTUATION)):
            if candidate in _UNIT_LIST_LOOKUP:
                columns.setdefault(_UNIT_LIST_LOOKUP[candidate], index)
                break
    return columns if UNIT_NAME in columns else None
