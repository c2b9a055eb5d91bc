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
_NOT_STARTED = re.compile(r"^(?:尚|暂|还)?(?:未|没有|待)(?:启动|开始|开展|实施|动工|开工|整改)$")
_GOING_ON = re.compile(r"推进|进行|实施中|办理中|整改中|落实中|建设中|序时|滞后|延期|基本完成|部分完成|未完成|"
                       r"尚未完成|持续|长期坚持|长效|常态化|正在|正常|有序|按计划|按进度|已启动|启动实施|已开工|"
                       # a 政府工作报告's targets measured against the year's schedule (达到序时进度, 未达到目标任务进度)
                       r"达到.{0,6}进度|"
                       # slow work as a 督查 or 民生实事 report writes it (进度偏慢, 进展较慢, 进度相对缓慢, 推进缓慢) and work
                       # ahead of its schedule (超过倒排工期计划进度): still going on (docs/GLOSSARY.md, status)
                       r"(?:进度|进展|推进|建设|工作)(?:相对|比较)?(?:偏慢|较慢|缓慢|迟缓)|超过.{0,10}进度")
_DONE = re.compile(r"^(?:已|全部|均已|已全部)?(?:提前|超额)?(?:完成|办结|完结|落实|整改|整改完成|完成整改|销号|实现|达成|建成|结束)"
                   # "已完成全年目标任务", "已完成年度任务" (四川 民生工程 reports): the year's whole target, done
                   r"(?:销号|(?:全年|年度)?(?:目标任务|目标|任务))?$")
# Done, said with a judgement: "已完成或超额完成" (a 人大 inspection's 完成状态), "任务完成较好" (a 督查结果): closed.
_DONE_WELL = re.compile(r"^(?:已|全部)?(?:完成或超额完成|超额完成)(?:(?:全年|年度)?(?:目标任务|任务))?$|"
                        r"^(?:任务|工作)?完成(?:较好|良好|很好|情况较好|情况良好)$")
# Done, and kept up from now on: "已完成整改并长期坚持" (红河 2022, the 整改 reports' own category beside 已完成整改 and
# 正在整改): the task is done, what follows is upkeep, so its words of going on do not make it open.
_DONE_AND_KEPT = re.compile(r"^(?P<done>.+?)并(?:长期坚持|持续巩固|持续坚持|长效推进|常态化推进|长期推进|持续推进)$")


def status_synonym(text: str) -> str | None:
    """The status code ``text`` stands for ("已完成" -> "closed"), ignoring spaces and a bracketed remark;
    None when it says no status (the caller then tries its own labels or refuses).

    First the listed synonyms (``STATUS_SYNONYMS``), then the composition other offices' ledgers use: not
    started (未启动, 尚未开展, 待启动 -> assigned), going on however it goes (序时推进, 按计划推进, 进展滞后,
    整改中, 基本完成, 未完成, 长期坚持, 进度偏慢, 推进缓慢, 超过倒排工期计划进度 -> in_progress), done (已落实, 已整改,
    完成整改, 已销号, 已完成或超额完成, 任务完成较好 -> closed; traditional forms too: 任務完成較好), done and kept up
    (已完成整改并长期坚持 -> closed: upkeep after the work, not the work going on).
    A liaison's "done" is still only a 申请办结: the workflow decides that, not this table."""
    if not isinstance(text, str):
        return None
    plain = simplified("".join(text.split()))
    if plain in STATUS_SYNONYMS:
        return STATUS_SYNONYMS[plain]
    plain = _REMARK.sub("", plain).strip("。.，,；;、")
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
