"""The shapes of the JSON API (CONTRACTS.md §6), as marshmallow schemas: one definition for both ends.

The request schemas (``TaskQuery``, ``NewReport``) validate what a caller sends (routes.py calls
``load``) and are what the OpenAPI document (openapi.py, generated with apispec's marshmallow
plugin) says about it: a limit written here is enforced and documented at once. The response
schemas only document: routes.py builds the bodies, and tests/system/test_api_schemathesis.py
checks every answer against this document with Schemathesis.

Limits and where they come from: ids at most 2^31 − 1 (tracker/ids.py); report texts at most
MAX_REPORT_CHARS (services/workflow/progress.py); the search text at most MAX_QUERY_CHARS
(services/figures/facts.py); statuses and lights from their enums (tracker/models).
"""
from __future__ import annotations

from datetime import date

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate

from ..ids import MAX_ID, parse_id
from ..models import SignoffState, TaskStatus
from ..services.figures.facts import LEVELS, MAX_QUERY_CHARS
from ..services.figures.lights import Light
from ..services.workflow.progress import MAX_REPORT_CHARS

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_PAGE = 10**6

STATUSES = [status.value for status in TaskStatus]
SIGNOFF_STATES = [state.value for state in SignoffState]
SIGNOFF_KINDS = ["report", "close", "extension"]  # services/workflow/signoff.Kind
LIGHTS = [light.value for light in Light]


def _char_class(characters: str) -> str:
    """``characters`` as the inside of a regex character class, each as \\uXXXX (read alike by
    Python's re, ECMA-262 and Rust's regex, so the document means what the server checks)."""
    return "".join(f"\\u{ord(c):04x}" for c in characters)


#: What ``str.strip()`` removes (services/workflow/progress.add_report strips the texts), plus NUL,
#: which PostgreSQL cannot store in a text column.
_BLANK = _char_class(sorted({chr(c) for c in range(0x10000) if chr(c).isspace()}))
_NUL = "\\u0000"
#: No NUL anywhere.
NO_NUL = f"^[^{_NUL}]*$"
#: No NUL anywhere and at least one character that is not blank (the required 进展情况).
NOT_BLANK = f"^[^{_NUL}]*[^{_NUL}{_BLANK}][^{_NUL}]*$"


class Id(fields.Field):
    """A row id or number: an integer 0..MAX_ID (tracker/ids.parse_id), from JSON or a query string."""

    def _deserialize(self, value, attr, data, **kwargs) -> int:
        if isinstance(value, bool):
            raise ValidationError("not an id")
        number = parse_id(value) if isinstance(value, (int, str)) else None
        if number is None or (isinstance(value, str) and value != value.strip()):
            raise ValidationError("not an id")
        return number


class Day(fields.Date):
    """A date written 2026-10-31 (ISO 8601, what the dashboard's date filters read)."""

    def _deserialize(self, value, attr, data, **kwargs) -> date:
        if not isinstance(value, str):
            raise ValidationError("not a date")
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValidationError("not a date") from None


def _query(field: fields.Field, description: str, expect: str) -> fields.Field:
    field.metadata.update(description=description, expect=expect)
    return field


class TaskQuery(Schema):
    """The query string of ``GET /tasks``: the dashboard's filters (TaskFilters) and the page."""

    class Meta:
        unknown = EXCLUDE  # other parameters (a cache buster) are ignored

    plan = _query(Id(validate=validate.Range(0, MAX_ID)), "方案编号", "方案编号（非负整数）")
    unit = _query(Id(validate=validate.Range(0, MAX_ID)), "单位编号：该单位牵头或配合的任务", "单位编号（非负整数）")
    status = _query(fields.String(validate=validate.OneOf(STATUSES)), "办理状态", "、".join(STATUSES) + " 之一")
    light = _query(fields.String(validate=validate.OneOf(LIGHTS)), "灯色", "、".join(LIGHTS) + " 之一")
    due_from = _query(Day(), "完成时限不早于（YYYY-MM-DD）", "2026-10-31 这样的日期")
    due_to = _query(Day(), "完成时限不晚于（YYYY-MM-DD）", "2026-10-31 这样的日期")
    q = _query(fields.String(validate=[validate.Length(max=MAX_QUERY_CHARS), validate.Regexp(NO_NUL)]),
               "在任务名称、内容和进展报送中搜索（包含该文字即匹配）", f"至多 {MAX_QUERY_CHARS} 字的文字")
    level = _query(fields.String(validate=validate.OneOf(list(LEVELS))),
                   "层级：measures 只列方案任务，subtasks 只列分解的子任务；不填为全部", "measures、subtasks 之一")
    page = _query(Id(validate=validate.Range(1, MAX_PAGE)), "页码，从 1 开始", f"1 到 {MAX_PAGE} 之间的整数")
    per_page = _query(Id(validate=validate.Range(1, MAX_PER_PAGE)), f"每页条数，默认 {DEFAULT_PER_PAGE}",
                      f"1 到 {MAX_PER_PAGE} 之间的整数")


def _text(caption: str, required: bool = False) -> fields.String:
    pattern = NOT_BLANK if required else NO_NUL
    hint = "必填，不能只有空白" if required else "可为空"
    return fields.String(required=required, allow_none=not required,
                         validate=[validate.Length(min=1 if required else 0, max=MAX_REPORT_CHARS),
                                   validate.Regexp(pattern)],
                         metadata={"description": f"{caption}（{hint}，至多 {MAX_REPORT_CHARS} 字，不含 NUL 字符）",
                                   "caption": caption, "expect": f"至多 {MAX_REPORT_CHARS} 字的文字（{hint}）"})


class Figure(fields.Float):
    """A JSON number (a figure of an indicator, a report's 完成值), or null (left empty); never a string or a
    boolean; NaN and infinities refused. The range is each field's ``validate``."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValidationError("not a number")
        try:
            return super()._deserialize(value, attr, data, **kwargs)
        except OverflowError:
            raise ValidationError("too large") from None


#: The largest 完成值 a report may carry (in the task's target_unit), as for indicator figures.
MAX_ACHIEVED = 1e15


class NewReport(Schema):
    """The body of ``POST /tasks/{task_id}/reports``: a progress report (进展报送)."""

    class Meta:
        unknown = EXCLUDE

    progress = _text("进展情况", required=True)
    problems = _text("存在问题")
    next_steps = _text("下步计划")
    status = fields.String(
        allow_none=True, validate=validate.OneOf(["", *STATUSES]),
        metadata={"caption": "办理状态", "expect": "、".join(STATUSES) + " 之一（或空、null）",
                  "description": "可选：同时修改办理状态，只能是该任务 settable_statuses 中的一项（规则同网页；申请办结须在"
                                 "网页填写办结说明）。空字符串或 null：不修改"})
    achieved_value = Figure(
        allow_none=True, validate=validate.Range(-MAX_ACHIEVED, MAX_ACHIEVED),
        metadata={"caption": "完成值", "expect": f"绝对值不超过 {MAX_ACHIEVED:g} 的数字（或 null）",
                  "description": "可选：量化任务（target_value 不为 null）截至目前的完成值，与 target_unit 同一计量单位，"
                                 "如网页进展表单的“完成值”；null：不填。任务没有目标值时填写 → 409"})


# --- Indicators (指标监测, issue 16; CONTRACTS.md §8) ----------------------------------------------

#: A month written YYYY-MM (tracker/indicators/derived.PERIOD: the same pattern, ASCII digits only).
PERIOD_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])$"
#: The ranking keys of ``by`` (tracker/indicators/ranking.RANK_KEYS).
RANK_BY = ["yoy", "ytd", "target"]
#: The largest figure accepted (in the indicator's 计量单位): beyond any real balance, below float overflow.
MAX_FIGURE = 1e15
MAX_INDICATOR_NAME = 100
MAX_UNIT_NAME = 200


class FullMatch(validate.Regexp):
    """A Regexp validator matching the whole value, as JSON Schema's ``pattern`` with ^…$ means it
    (Python's ``$`` also matches before a final newline: "2024-07\n" would pass ``re.match``)."""

    def __call__(self, value):
        if self.regex.fullmatch(value) is None:
            raise ValidationError(self._format_error(value))
        return value


def _period(required: bool = True) -> fields.String:
    return fields.String(required=required, validate=FullMatch(PERIOD_PATTERN),
                         metadata={"description": "期间（月份）YYYY-MM，如 2024-07", "caption": "期间",
                                   "expect": "YYYY-MM 格式的月份，如 2024-07"})


def _by() -> fields.String:
    return fields.String(validate=validate.OneOf(RANK_BY),
                         metadata={"description": "排名依据：yoy 同比增速（默认）、ytd 比年初增减、target 序时完成率",
                                   "caption": "排名依据", "expect": "、".join(RANK_BY) + " 之一"})


class IndicatorPeriodQuery(Schema):
    """The query string of ``GET /indicators/figures``: the month."""

    class Meta:
        unknown = EXCLUDE

    period = _period()


class IndicatorRankingQuery(IndicatorPeriodQuery):
    """The query string of ``GET /indicators/ranking``: month, indicator name and ``by``."""

    indicator = fields.String(required=True, validate=[validate.Length(min=1, max=MAX_INDICATOR_NAME),
                                                       validate.Regexp(NO_NUL)],
                              metadata={"description": "指标名称（见 GET /indicators）", "caption": "指标",
                                        "expect": f"至多 {MAX_INDICATOR_NAME} 字的指标名称"})
    by = _by()


class IndicatorOverallQuery(IndicatorPeriodQuery):
    """The query string of ``GET /indicators/overall``: month and ``by``."""

    by = _by()


class NewFigures(Schema):
    """The body of ``POST /indicators/figures``: one entity's figures of one month."""

    class Meta:
        unknown = EXCLUDE

    unit = fields.String(required=True, validate=[validate.Length(min=1, max=MAX_UNIT_NAME), validate.Regexp(NOT_BLANK)],
                         metadata={"description": "填报单位名称（单位名录中的名称或别名）", "caption": "填报单位",
                                   "expect": f"至多 {MAX_UNIT_NAME} 字的单位名称"})
    period = _period()
    values = fields.Dict(keys=fields.String(), values=Figure(allow_none=True, validate=validate.Range(0, MAX_FIGURE)),
                         required=True,
                         metadata={"description": "指标名称 → 数值（指标的计量单位，0 以上；null 表示不填）",
                                   "caption": "指标数值", "expect": f"对象：指标名称 → 0 到 {MAX_FIGURE:g} 的数字或 null"})


class NewSubtask(Schema):
    """The body of ``POST /tasks/{task_id}/subtasks``: split the task for one unit (CONTRACTS.md §6, issue 18)."""

    class Meta:
        unknown = EXCLUDE

    unit = fields.String(required=True, validate=[validate.Length(min=1, max=200), validate.Regexp(NOT_BLANK)],
                         metadata={"caption": "单位", "expect": "单位名录中的单位名称或别名（组：分解给其全部下级单位）",
                                   "description": "承办子任务的单位：单位名录中的名称或别名；填“组”（如 各区县〔自治县〕人民政府）"
                                                  "则分解给其全部下级单位"})
    title = fields.String(allow_none=True, validate=[validate.Length(max=500), validate.Regexp(NO_NUL)],
                          metadata={"caption": "任务名称", "expect": "至多 500 字的文字（可为空：沿用原任务）",
                                    "description": "可选：子任务名称，默认沿用原任务"})
    deadline = fields.String(allow_none=True, validate=[validate.Length(max=200), validate.Regexp(NO_NUL)],
                             metadata={"caption": "完成时限", "expect": "如 2026-12-31 或 2026年12月底前（可为空：沿用原任务）",
                                       "description": "可选：完成时限（不得晚于原任务），默认沿用原任务"})


# --- Responses (documentation only; routes.py builds them) ---------------------------------------

def _nullable(field_class, **kwargs):
    return field_class(allow_none=True, **kwargs)


class Error(Schema):
    """Every error of the API: ``{"error": message}`` (CONTRACTS.md §6)."""

    error = fields.String(required=True, metadata={"description": "说明错在哪里、该怎么办（中文）"})
    incident = _nullable(fields.String, metadata={"description": "系统出错时的事件编号，请告诉管理员"})


class Task(Schema):
    """TASK of CONTRACTS.md §6 (plus number, text, status_label, last_report_on, url)."""

    id = fields.Integer(required=True)
    plan_id = fields.Integer(required=True)
    path = fields.List(fields.String(), required=True, metadata={"example": ["一", "（三）"]})
    number = fields.String(required=True, metadata={"example": "一（三）"})
    title = fields.String(required=True)
    text = fields.String(required=True)
    lead_units = fields.List(fields.String(), required=True)
    supporting_units = fields.List(fields.String(), required=True)
    deadline = _nullable(fields.String, required=True, metadata={"description": "完成时限原文"})
    due_date = _nullable(fields.Date, required=True)
    status = fields.String(required=True, validate=validate.OneOf(STATUSES))
    status_label = fields.String(required=True, metadata={"example": "推进中"})
    light = fields.String(required=True, validate=validate.OneOf(LIGHTS))
    last_report_on = _nullable(fields.Date, required=True, metadata={
        "description": "最近一次报送的填报日期（台账给出的填报日期，否则为报送当天，北京时间）；无报送为 null"})
    target_value = _nullable(fields.Float, required=True, metadata={
        "description": "目标值：量化任务的考核目标（计量单位见 target_unit）；不是量化任务为 null"})
    target_unit = _nullable(fields.String, required=True, metadata={
        "description": "目标值的计量单位，如“家”“亿元”；可为 null"})
    parent_id = _nullable(fields.Integer, required=True,
                          metadata={"description": "分解来源：本任务是由哪项任务分解出的子任务（否则为 null）"})
    url = fields.Url(required=True)


class Report(Schema):
    """REPORT of CONTRACTS.md §6; ``created_at`` in Beijing time with its offset."""

    id = fields.Integer(required=True)
    task_id = fields.Integer(required=True)
    unit = _nullable(fields.String, required=True)
    author = _nullable(fields.String, required=True, metadata={"description": "用户名"})
    created_at = fields.DateTime(required=True, metadata={"description": "北京时间，带 +08:00"})
    reported_on = fields.Date(required=True, metadata={
        "description": "填报日期：台账给出的填报日期，否则为报送当天（北京时间）"})
    progress = fields.String(required=True)
    problems = fields.String(required=True)
    next_steps = fields.String(required=True)
    achieved_value = _nullable(fields.Float, required=True, metadata={
        "description": "完成值：量化任务截至该次报送的完成值（任务 target_unit 的计量单位）；未填为 null"})
    signoff_state = _nullable(fields.String, validate=validate.OneOf(SIGNOFF_STATES), metadata={
        "description": "单位负责人审核签发（本单位设置须经领导签发时）：draft 待签发（只有本单位可见，不计入报送）、"
                       "signed 已签发、returned 已退回；null：无需签发"})
    signed_by = _nullable(fields.String, metadata={"description": "签发（或退回）的单位负责人的用户名"})
    signed_at = _nullable(fields.DateTime, metadata={"description": "签发（或退回）时间，北京时间；报送及时率按签发时间计"})
    signoff_note = _nullable(fields.String, metadata={"description": "退回理由"})


class Signoff(Schema):
    """An item of a unit that waits for (or had) its unit leader's sign-off (审核签发, issue 18)."""

    kind = fields.String(required=True, validate=validate.OneOf(SIGNOFF_KINDS),
                         metadata={"description": "report 进展报送、close 办结申请、extension 延期申请"})
    id = fields.Integer(required=True)
    task_id = fields.Integer(required=True)
    unit = _nullable(fields.String, required=True)
    author = _nullable(fields.String, required=True, metadata={"description": "报送的联络员的用户名"})
    created_at = fields.DateTime(required=True, metadata={"description": "北京时间，带 +08:00"})
    summary = fields.String(required=True, metadata={"description": "内容（进展情况、办结说明或延期理由）"})
    signoff_state = fields.String(required=True, validate=validate.OneOf(SIGNOFF_STATES))
    signed_by = _nullable(fields.String, required=True)
    signed_at = _nullable(fields.DateTime, required=True)
    signoff_note = _nullable(fields.String, required=True, metadata={"description": "退回理由"})


class SignoffList(Schema):
    """The answer of ``GET /signoffs``: ``items`` (Signoff, oldest first) and ``next`` (always null: one page)."""

    items = fields.List(fields.Nested(Signoff), required=True)
    next = _nullable(fields.Url, required=True, metadata={"description": "下一页的地址，没有下一页时为 null"})


class SignoffReturn(Schema):
    """The body of ``POST /signoffs/{kind}/{item_id}/return``: the reason (退回理由, required)."""

    class Meta:
        unknown = EXCLUDE

    reason = _text("退回理由", required=True)


class Rollup(Schema):
    """The roll-up of a task's sub-tasks (issue 18): how many, reported at least once, closed, red."""

    total = fields.Integer(required=True)
    reported = fields.Integer(required=True)
    closed = fields.Integer(required=True)
    red = fields.Integer(required=True)


class TaskWithReports(Task):
    """A task, its reports (newest first), its sub-tasks with their roll-up and what the caller may do on it now."""

    subtasks = fields.List(fields.Nested(Task), required=True, metadata={"description": "由本任务分解出的子任务"})
    rollup = fields.Nested(Rollup, required=True)

    reports = fields.List(fields.Nested(Report), required=True)
    actions = fields.List(fields.String(), required=True, metadata={
        "description": "调用者现在可办理的事项（流转规则表的 action，如 report、request_close；已办结但本期进展仍须报送的任务，督办部门另有 remind）"})
    settable_statuses = fields.List(fields.String(validate=validate.OneOf(STATUSES)), required=True,
                                    metadata={"description": "报送时 status 可选的办理状态"})


class Plan(Schema):
    """PLAN of ``GET /plans``: a plan's 文号, 发文机关, 印发日期 (YYYY-MM-DD), its reporting rule (``report_cycle`` code,
    ``report_day`` as periods.report_due reads it: a day of the month, of the quarter's last month, or a weekday
    1–7 with 1 = Monday; ``warning_days`` in days) and the count of its tasks the caller sees.
    """

    id = fields.Integer(required=True)
    title = fields.String(required=True)
    doc_number = _nullable(fields.String, required=True)
    issuer = _nullable(fields.String, required=True)
    issued_on = _nullable(fields.Date, required=True)
    report_cycle = fields.String(required=True, validate=validate.OneOf(["weekly", "monthly", "quarterly"]))
    report_day = fields.Integer(required=True, metadata={"description": "报送日：按月为每月第几日，按季度为季末月第几日，按周为星期几（1 为周一，7 为周日）"})
    warning_days = fields.Integer(required=True, metadata={"description": "到期前几天亮黄灯"})
    task_count = fields.Integer(required=True, metadata={"description": "调用者可见的任务数"})


class Unit(Schema):
    """UNIT of ``GET /units``: a live unit of the registry with its aliases (other names ledgers use)."""

    id = fields.Integer(required=True)
    name = fields.String(required=True)
    aliases = fields.List(fields.String(), required=True)


_NEXT = {"description": "下一页的地址，没有下一页时为 null"}


class TaskPage(Schema):
    """The answer of ``GET /tasks``: one page of TASK ``items``, the URL of the ``next`` page (null on the last),
    ``total`` tasks matching, ``page`` and ``per_page`` (1–200).
    """

    items = fields.List(fields.Nested(Task), required=True)
    next = _nullable(fields.Url, required=True, metadata=_NEXT)
    total = fields.Integer(required=True, metadata={"description": "符合条件的任务总数"})
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)


class PlanList(Schema):
    """The answer of ``GET /plans``: every plan in ``items``, ``next`` always null (one page)."""

    items = fields.List(fields.Nested(Plan), required=True)
    next = _nullable(fields.Url, required=True, metadata=_NEXT)


class UnitList(Schema):
    """The answer of ``GET /units``: every live unit in ``items``, ``next`` always null (one page)."""

    items = fields.List(fields.Nested(Unit), required=True)
    next = _nullable(fields.Url, required=True, metadata=_NEXT)


class PublishedBulletin(Schema):
    """A published 通报 (发布通报): one version of a period's bulletin as the supervising office issued it
    (services/figures/publishing.describe), with its address and its files."""

    id = fields.Integer(required=True)
    period = fields.String(required=True, metadata={"description": "期间：2026-10（月）或 2026-Q4（季度），同命令 bulletin --period",
                                                    "example": "2026-10"})
    period_label = fields.String(required=True, metadata={"example": "2026年10月"})
    version = fields.Integer(required=True, metadata={"description": "版次：同一期间第几次发布，从 1 起"})
    version_label = fields.String(required=True, metadata={"example": "第2版"})
    latest = fields.Boolean(required=True, metadata={"description": "是否为该期间的最新版本（已被后发的版本替代时为 false）"})
    title = fields.String(required=True)
    number = fields.String(required=True, metadata={"description": "通报文号"})
    as_of = fields.Date(required=True, metadata={"description": "统计截至日期"})
    published_at = fields.DateTime(required=True, metadata={"description": "发布时间，北京时间，带 +08:00"})
    published_by = _nullable(fields.String, required=True, metadata={"description": "发布人的用户名"})
    published_by_name = _nullable(fields.String, required=True, metadata={"description": "发布人的姓名"})
    url = fields.Url(required=True)
    files = fields.Dict(keys=fields.String(validate=validate.OneOf(["docx", "xlsx"])), values=fields.Url(),
                        required=True, metadata={"description": "下载地址：docx 为 Word 文件，xlsx 为 Excel 文件，均为发布时生成的原文件"})


class PublishedBulletinWithSummary(PublishedBulletin):
    """One published 通报 with its opening paragraph (``summary``) as published."""

    summary = fields.String(required=True, metadata={"description": "通报的总体情况段落（发布时的内容）"})


class PublishedBulletinOutcome(PublishedBulletin):
    """The answer of ``POST /bulletins`` (发布通报): the version published, or, when the figures are those of the
    newest version already published, that version (``repeated``, nothing new stored)."""

    replaces = _nullable(fields.Integer, required=True,
                         metadata={"description": "本次发布替代的版次（第一次发布、或未重复发布时为 null）"})
    repeated = fields.Boolean(required=True, metadata={
        "description": "true：数据与已发布的最新版本完全相同，没有发布新的版次（返回的就是那一版，状态 200）"})
    message = fields.String(required=True, metadata={"description": "办理结果，与网页“发布通报”后的提示相同"})


#: A period the API publishes: a month or a quarter (CONTRACTS.md §7, as ``bulletin --period`` takes it), its year
#: within tracker/periods.MIN_YEAR–MAX_YEAR (1900–2999), ASCII digits only.
BULLETIN_PERIOD_PATTERN = "^(19[0-9]{2}|2[0-9]{3})-(0[1-9]|1[0-2]|Q[1-4])$"
#: A bulletin's fingerprint (services/figures/publishing.fingerprint): a SHA-256 digest in lower-case hex.
BULLETIN_FINGERPRINT_PATTERN = "^[0-9a-f]{64}$"


def _bulletin_period(description: str) -> fields.String:
    """The required ``period`` field of a 通报 request (``2026-10`` a month, ``2026-Q4`` a quarter; BULLETIN_PERIOD_PATTERN),
    its caption and example shared, ``description`` saying what the period is for."""
    return fields.String(required=True, validate=FullMatch(BULLETIN_PERIOD_PATTERN), metadata={
        "caption": "期间", "expect": "2026-10（月）或 2026-Q4（季度）", "example": "2026-10", "description": description})


class NewBulletinPublication(Schema):
    """The body of ``POST /bulletins``: publish the 通报 of one period (发布通报, as the web and ``bulletin --publish``)."""

    class Meta:
        unknown = EXCLUDE

    period = _bulletin_period("要发布的期间：2026-10（月）或 2026-Q4（季度），同命令 bulletin --period；尚未开始的期间 → 409")
    fingerprint = fields.String(validate=FullMatch(BULLETIN_FINGERPRINT_PATTERN), metadata={
        "caption": "预览指纹", "expect": "GET /bulletins/preview 返回的 fingerprint（64 位十六进制）",
        "example": "9f2c" + "0" * 60,
        "description": "可选：核对过的通报预览的指纹（GET /bulletins/preview 的 fingerprint，同网页“发布通报”表单所带的）。"
                       "带上时，只有通报内容与预览时相同才发布，预览之后数据有变化 → 409，不发布；"
                       "不带时发布此刻计算出的通报"})


class BulletinPreview(Schema):
    """The answer of ``GET /bulletins/preview``: the 通报 of a period as computed now (what the web page /bulletin
    shows), with the ``fingerprint`` that ``POST /bulletins`` takes to publish exactly this."""

    period = fields.String(required=True, metadata={"example": "2026-10"})
    period_label = fields.String(required=True, metadata={"example": "2026年10月"})
    title = fields.String(required=True)
    number = fields.String(required=True, metadata={"description": "通报文号"})
    as_of = fields.Date(required=True, metadata={"description": "统计截至日期"})
    summary = fields.String(required=True, metadata={"description": "通报的总体情况段落"})
    demo_note = fields.String(required=True, metadata={
        "description": "通报的数字计入了演示数据（系统首次启动时生成的进展报送）时的说明，同网页和文件所印；真实数据为空字符串"})
    headlines = fields.List(fields.Dict(keys=fields.String(), values=fields.String()), required=True, metadata={
        "description": "总体情况的各项数字：caption（指标）、value（数值，如 42.9%）"})
    fingerprint = fields.String(required=True, metadata={
        "description": "本预览的指纹（64 位十六进制）：发布时作为 POST /bulletins 的 fingerprint，确保发布的就是这份"})
    published_versions = fields.Integer(required=True, metadata={"description": "本期已发布的版本数（0：尚未发布）"})


class BulletinPreviewQuery(Schema):
    """The query of ``GET /bulletins/preview``: the period (as ``POST /bulletins`` takes it)."""

    class Meta:
        unknown = EXCLUDE

    period = _bulletin_period("要预览的期间：2026-10（月）或 2026-Q4（季度）；尚未开始的期间 → 409")


class PublishedBulletinList(Schema):
    """The answer of ``GET /bulletins``: the published 通报, newest first; ``next`` always null (one page)."""

    items = fields.List(fields.Nested(PublishedBulletin), required=True)
    next = _nullable(fields.Url, required=True, metadata=_NEXT)


def load(schema: Schema, data, where: str) -> dict:
    """Validate ``data`` with ``schema``; return the loaded values or raise ValueError with one
    Chinese sentence naming the first bad field, what was received and what is expected.
    ``where``: "参数" for a query string, "字段" for a JSON body."""
    try:
        return schema.load(data)
    except ValidationError as error:
        name = sorted(error.messages)[0] if isinstance(error.messages, dict) and error.messages else ""
        field = schema.fields.get(name)
        if field is None:
            raise ValueError(f"请求{where}无法读取：请对照接口文档 /api/v1/openapi.json 改正后重新提交。") from None
        caption = field.metadata.get("caption", "")
        label = f"{where} {name}" + (f"（{caption}）" if caption else "")
        value = data.get(name) if hasattr(data, "get") else None
        if name not in data:
            raise ValueError(f"请求缺少{label}，请补上后重新提交。") from None
        if isinstance(field, fields.String) and value is not None and not isinstance(value, str):
            raise ValueError(f"{label} 应为字符串，收到 {type(value).__name__}。") from None
        shown = str(value)
        shown = shown if len(shown) <= 40 else shown[:40] + "……"
        raise ValueError(f"{label} 应为{field.metadata.get('expect', '有效的值')}，收到“{shown}”。") from None
