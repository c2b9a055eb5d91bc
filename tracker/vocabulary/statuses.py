"""How other offices write a task's 完成状态 (办理状态), as the tracker's status codes.

The tracker's own labels (已交办, 已签收, 推进中, 申请办结, 已办结) belong to the status enum
(tracker/models/enums.py ``TaskStatus``); this table holds the other texts ledgers and forms use for
them, as plain strings (status code = ``TaskStatus`` value), so the pure readers need no model.
Sources: GLOSSARY.md (未启动, 推进中, 已完成 (办结)); the 重庆 and 潍坊 ledgers; the words county and city
ledgers put in their 完成状态/进展状态 columns (序时推进, 按计划推进, 进展滞后, 整改中, 已整改, 已落实, 已销号;
达到序时进度, 未达到目标任务进度, 已完成全年目标任务: the reports on a 政府工作报告's targets and 民生工程),
read by their composition in ``status_synonym``; the words of slow work a 督查 or 民生实事 report writes (进度偏慢,
进展偏慢, 进度较慢, 进度相对缓慢, 推进缓慢, 超过倒排工期计划进度: the work goes on) and of work done well (已完成或超额完成,
任务完成较好), traditional characters read through vocabulary/han.py ``simplified`` (工作推進緩慢, 任務完成較好).
"""

from __future__ import annotations

import re

from .han import simplified

ASSIGNED, ACKNOWLEDGED, IN_PROGRESS = "assigned", "acknowledged", "in_progress"
CLOSE_REQUESTED, CLOSED = "close_requested", "closed"

#: Status text as other offices write it -> status code.
STATUS_SYNONYMS: dict[str, str] = {
    "未启动": ASSIGNED,
    "未开始": ASSIGNED,
    "交办": ASSIGNED,
    "签收": ACKNOWLEDGED,
    "进行中": IN_PROGRESS,
    "正在推进": IN_PROGRESS,
    "推进": IN_PROGRESS,
    "持续推进": IN_PROGRESS,
    "已完成": CLOSED,
    "完成": CLOSED,
    "办结": CLOSED,
    "已办结": CLOSED,
}


# Beyond the listed texts, other offices' ledgers write a status by its composition (issue 13's rule for
# captions, applied to 完成状态): a word of not starting, of work going on (including behind schedule or
# partly done: the task is open), or of being done. Checked in that order, so 未完成 and 基本完成 are open
# and only a plain "done" closes. A bracketed remark is ignored ("已完成（长效推进）" is done).
_REMARK = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
# (未整改: a 整改台账's 整改状态 not yet begun; its 已整改, 整改完成, 整改中, 正在整改, 持续整改 are read by the rules below)
_NOT_STARTED = re.compile(r"^(?:尚|暂|还)?(?:未|没有|待)(?:启动|开始|开展|实施|动工|开工|整改)(?:建设)?$")
_GOING_ON = re.compile(r"推进|进行|实施中|办理中|整改中|落实中|建设中|序时|滞后|延期|基本完成|部分完成|未完成|"
                       r"尚未完成|持续|长期坚持|长效|常态化|正在|正常|有序|按计划|按进度|已启动|启动实施|已开工|"
                       # a 政府工作报告's targets measured against the year's schedule (达到序时进度, 未达到目标任务进度)
                       r"达到.{0,6}进度|"
                       # slow work as a 督查 or 民生实事 report writes it (进度偏慢, 进展较慢, 进度相对缓慢, 推进缓慢) and work
                       # ahead of its schedule (超过倒排工期计划进度): still going on (docs/GLOSSARY.md, status)
                       r"(?:进度|进展|推进|建设|工作)(?:相对|比较)?(?:偏慢|较慢|缓慢|迟缓)|超过.{0,10}进度|"
                       # work under way as a 督办室's monthly report says it (branch ledgers44: 全面展开, 进展加快, 进展顺利)
                       r"展开|铺开|(?:进度|进展|推进|建设|工作)(?:总体)?(?:加快|较快|顺利|良好)|"
                       # a project's building begun (二七区 2016 重大项目: 新开工建设; 已开工 above)
                       r"^(?:已|新|正式|全面|均已)?(?:开工|复工|开复工)(?:建设)?$")
_DONE = re.compile(r"^(?:已|全部|均已|已全部)?(?:提前|超额)?(?:完成|办结|完结|落实|整改|整改完成|完成整改|销号|实现|达成|建成|结束)"
                   # "已完成全年目标任务", "已完成年度任务" (四川 民生工程 reports): the year's whole target, done
                   r"(?:销号|(?:全年|年度)?(?:目标任务|目标|任务))?$")
# Done, said with a judgement: "已完成或超额完成" (a 人大 inspection's 完成状态), "任务完成较好" (a 督查结果): closed.
_DONE_WELL = re.compile(r"^(?:已|全部)?(?:完成或超额完成|超额完成)(?:(?:全年|年度)?(?:目标任务|任务))?$|"
                        r"^(?:任务|工作)?完成(?:较好|良好|很好|情况较好|情况良好)$")
# Done, and kept up from now on: "已完成整改并长期坚持" (红河 2022, the 整改 reports' own category beside 已完成整改 and
# 正在整改): the task is done, what follows is upkeep, so its words of going on do not make it open.
_DONE_AND_KEPT = re.compile(r"^(?P<done>.+?)并(?:长期坚持|持续巩固|持续坚持|长效推进|常态化推进|长期推进|持续推进)$")


# A tick in a 完成状态 column (✓, √, ✔, ☑): done. A cross says nothing the tracker can read (not done? not due?).
_TICK = frozenset("✓√✔☑")
# How far the work went, as a percentage in the status column ("100%", "85%", "完成年度目标任务的100%", "完成阶段目标任务的
# 100%": a 督办室's 十件实事 report, ledger corpus 209): the words before it say what it is a share of.
_PERCENT = re.compile(r"^(?P<words>(?:已)?(?:完成|进度|完成进度|完成率|累计完成)?[^\d%％]{0,12}?)的?"
                      r"(?P<value>\d+(?:\.\d+)?)[%％]$")
# ... a share of a stage, a month, a quarter or the schedule to date, not of the whole task: the task goes on however high
# it is ("完成阶段目标任务的100%", "序时进度的100%", "一季度目标的120%").
_PART_OF_TERM = re.compile(r"阶段|序时|[月季]|半年|当期|时间进度")


def _percent_status(plain: str) -> str | None:
    """The status a percentage in a status column says (``_PERCENT``): of a stage or the schedule to date
    (``_PART_OF_TERM``) the work goes on; of the whole task (bare, or of the year's target) 100% is done (more than 100%
    only with the words saying of what: "完成年度目标任务的120%"; a bare "120%" is none, SECURITY-TESTS E9), 0% not
    started, anything between going on. None when the text is no such percentage (words before it that say no share of
    the work: "开工率80%", "完成率80%" are rates, no state)."""
    found = _PERCENT.match(plain)
    if not found:
        return None
    words, value = found.group("words"), float(found.group("value"))
    if words and (not re.match(r"^(?:已)?(?:完成|进度|累计)", words) or "率" in words):
        return None  # "开工率80%", "完成率80%": a rate, which a 完成状态 does not hold
    if _PART_OF_TERM.search(words):
        return IN_PROGRESS
    if not words and value > 100:
        return None  # "120%" alone: no share of one task (a slip, or a rate); the cell is reported, as before
    if value >= 100:
        return CLOSED
    return ASSIGNED if value == 0 else IN_PROGRESS


def is_share_text(text) -> bool:
    """True when ``text`` is a percentage of the work ("28%", "完成年度目标任务的100%": ``_PERCENT``), which a column
    captioned as the 完成状态 reads as a status (``status_synonym``) but which, in a column of the office's own caption
    ("形象进度(%)": 余姚 2025, ledger corpus 076), is how far the work went, not a state: a reader guessing which column
    holds the statuses leaves such a column alone (ledger/header.py ``_take_status_column``)."""
    if not isinstance(text, str):
        return False
    plain = _REMARK.sub("", simplified("".join(text.split()))).strip("。.，,；;、")
    return _percent_status(plain) is not None


def is_tick(text) -> bool:
    """True when ``text`` is a tick alone (✓, √, ✔, ☑; blanks around it allowed): the mark an office puts in the one
    column of a row's state when its ledger gives each state a column ("已完成 | 正在推进 | 滞后", ledger/header.py
    ``_take_status_choices``; branch ledgers48). Any other text, a number or None: False."""
    return isinstance(text, str) and "".join(text.split()) in _TICK


def status_synonym(text: str) -> str | None:
    """The status code ``text`` stands for ("已完成" -> "closed"), ignoring spaces and a bracketed remark;
    None when it says no status (the caller then tries its own labels or refuses).

    First the listed synonyms (``STATUS_SYNONYMS``), then the composition other offices' ledgers use: not
    started (未启动, 尚未开展, 待启动 -> assigned), going on however it goes (序时推进, 按计划推进, 进展滞后,
    整改中, 基本完成, 未完成, 长期坚持, 进度偏慢, 推进缓慢, 超过倒排工期计划进度 -> in_progress), done (已落实, 已整改,
    完成整改, 已销号, 已完成或超额完成, 任务完成较好 -> closed; traditional forms too: 任務完成較好), done and kept up
    (已完成整改并长期坚持 -> closed: upkeep after the work, not the work going on); work under way as a monthly report
    says it (全面展开, 进展加快, 进展顺利, 新开工建设 -> in_progress); a tick (✓, √ -> closed); a percentage of the work
    (``_percent_status``: 100% -> closed, 0% -> assigned, 60% or 完成阶段目标任务的100% -> in_progress).
    A liaison's "done" is still only a 申请办结: the workflow decides that, not this table."""
    if not isinstance(text, str):
        return None
    plain = simplified("".join(text.split()))
    if plain in STATUS_SYNONYMS:
        return STATUS_SYNONYMS[plain]
    plain = _REMARK.sub("", plain).strip("。.，,；;、")
    if plain in _TICK:
        return CLOSED
    if (share := _percent_status(plain)) is not None:
        return share
    if not plain or len(plain) > 12:
        return None
    if plain in STATUS_SYNONYMS:
        return STATUS_SYNONYMS[plain]
    if _NOT_STARTED.match(plain):
        return ASSIGNED
    kept = _DONE_AND_KEPT.match(plain)
    if kept and _DONE.match(kept.group("done")):
        return CLOSED
    if _GOING_ON.search(plain):
        return IN_PROGRESS
    if _DONE.match(plain) or _DONE_WELL.match(plain):
        return CLOSED
    return None
