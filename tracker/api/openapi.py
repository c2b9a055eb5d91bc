"""The OpenAPI 3 document of the JSON API, served at /api/v1/openapi.json (CONTRACTS.md §6)."""
from __future__ import annotations

VERSION = "1.0.0"


def _error(description: str) -> dict:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _list_of(ref: str) -> dict:
    return {"type": "object", "required": ["items", "next"], "properties": {
        "items": {"type": "array", "items": {"$ref": ref}},
        "next": {"type": ["string", "null"], "format": "uri", "description": "下一页的地址，没有下一页时为 null"}}}


FILTERS = [
    ("plan", "integer", "方案编号"),
    ("unit", "integer", "单位编号：该单位牵头或配合的任务"),
    ("status", "string", "办理状态：assigned、acknowledged、in_progress、close_requested、closed"),
    ("light", "string", "灯色：green、yellow、red"),
    ("due_from", "string", "完成时限不早于（YYYY-MM-DD）"),
    ("due_to", "string", "完成时限不晚于（YYYY-MM-DD）"),
    ("q", "string", "在任务名称、内容和进展报送中搜索（包含该文字即匹配）"),
    ("page", "integer", "页码，从 1 开始"),
    ("per_page", "integer", "每页条数，1–200，默认 50"),
]

TASK = {
    "type": "object",
    "required": ["id", "plan_id", "path", "title", "lead_units", "supporting_units", "deadline", "due_date",
                 "status", "light"],
    "properties": {
        "id": {"type": "integer"}, "plan_id": {"type": "integer"},
        "path": {"type": "array", "items": {"type": "string"}, "example": ["一", "（三）"]},
        "number": {"type": "string", "example": "一（三）"},
        "title": {"type": "string"}, "text": {"type": "string"},
        "lead_units": {"type": "array", "items": {"type": "string"}},
        "supporting_units": {"type": "array", "items": {"type": "string"}},
        "deadline": {"type": ["string", "null"], "description": "完成时限原文"},
        "due_date": {"type": ["string", "null"], "format": "date"},
        "status": {"type": "string", "enum": ["assigned", "acknowledged", "in_progress", "close_requested", "closed"]},
        "status_label": {"type": "string", "example": "推进中"},
        "light": {"type": "string", "enum": ["green", "yellow", "red"]},
        "last_report_on": {"type": ["string", "null"], "format": "date"},
        "url": {"type": "string", "format": "uri"},
    },
}

REPORT = {
    "type": "object",
    "required": ["id", "task_id", "unit", "author", "created_at", "progress", "problems", "next_steps"],
    "properties": {
        "id": {"type": "integer"}, "task_id": {"type": "integer"},
        "unit": {"type": ["string", "null"]}, "author": {"type": ["string", "null"], "description": "用户名"},
        "created_at": {"type": "string", "format": "date-time", "description": "北京时间，带 +08:00"},
        "progress": {"type": "string"}, "problems": {"type": "string"}, "next_steps": {"type": "string"},
    },
}


def openapi_document(server_url: str) -> dict:
    """Return the OpenAPI 3.1 document with ``server_url`` (…/api/v1) as its server."""
    task_id = {"name": "task_id", "in": "path", "required": True, "schema": {"type": "integer"}}
    unauthorised = _error("缺少令牌，或令牌无效、已吊销")
    return {
        "openapi": "3.1.0",
        "info": {"title": "督办台账 API", "version": VERSION,
                 "description": "令牌用 `flask --app tracker create-token 用户名` 生成，请求头带 "
                                "`Authorization: Bearer 令牌`；令牌的权限与该用户在网页上的权限相同。"},
        "servers": [{"url": server_url}],
        "security": [{"bearer": []}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
                "Task": TASK,
                "TaskWithReports": {"allOf": [{"$ref": "#/components/schemas/Task"}, {
                    "type": "object", "required": ["reports"],
                    "properties": {"reports": {"type": "array", "items": {"$ref": "#/components/schemas/Report"}},
                                   "actions": {"type": "array", "items": {"type": "string"},
                                               "description": "调用者现在可办理的事项（流转规则表的 action，如 "
                                                              "report、request_close）"},
                                   "settable_statuses": {"type": "array", "items": {"type": "string"},
                                                         "description": "报送时 status 可选的办理状态"}}}]},
                "Report": REPORT,
                "NewReport": {"type": "object", "required": ["progress"], "properties": {
                    "progress": {"type": "string", "description": "进展情况（必填，至多 5000 字）"},
                    "problems": {"type": "string", "description": "存在问题"},
                    "next_steps": {"type": "string", "description": "下步计划"},
                    "status": {"type": "string", "description": "可选：同时修改办理状态，只能是该任务 settable_statuses "
                                                                 "中的一项（规则同网页；申请办结须在网页填写办结说明）"}}},
                "Plan": {"type": "object", "properties": {
                    "id": {"type": "integer"}, "title": {"type": "string"}, "doc_number": {"type": ["string", "null"]},
                    "issuer": {"type": ["string", "null"]}, "issued_on": {"type": ["string", "null"], "format": "date"},
                    "report_cycle": {"type": "string", "enum": ["weekly", "monthly", "quarterly"]},
                    "report_day": {"type": "integer"}, "warning_days": {"type": "integer"},
                    "task_count": {"type": "integer", "description": "调用者可见的任务数"}}},
                "Unit": {"type": "object", "properties": {
                    "id": {"type": "integer"}, "name": {"type": "string"},
                    "aliases": {"type": "array", "items": {"type": "string"}}}},
            },
        },
        "paths": {
            "/tasks": {"get": {
                "summary": "调用者可见的任务（筛选条件同督办总览）",
                "parameters": [{"name": n, "in": "query", "required": False, "schema": {"type": t}, "description": d}
                               for n, t, d in FILTERS],
                "responses": {"200": {"description": "一页任务", "content": {"application/json": {
                    "schema": _list_of("#/components/schemas/Task")}}},
                    "400": _error("筛选条件无法识别"), "401": unauthorised}}},
            "/tasks/{task_id}": {"get": {
                "summary": "一项任务及其全部进展报送（新的在前）", "parameters": [task_id],
                "responses": {"200": {"description": "任务", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/TaskWithReports"}}}},
                    "401": unauthorised, "404": _error("任务不存在或调用者无权查看")}}},
            "/tasks/{task_id}/reports": {"post": {
                "summary": "报送进展（以调用者所在单位的名义）", "parameters": [task_id],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/NewReport"}}}},
                "responses": {"201": {"description": "已报送", "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Report"}}}},
                    "400": _error("内容不完整或过长"), "401": unauthorised,
                    "403": _error("调用者不能在该任务上报送（不写入任何内容）"),
                    "404": _error("任务不存在或调用者无权查看")}}},
            "/plans": {"get": {"summary": "方案", "responses": {"200": {"description": "全部方案", "content": {
                "application/json": {"schema": _list_of("#/components/schemas/Plan")}}}, "401": unauthorised}}},
            "/units": {"get": {"summary": "单位名录", "responses": {"200": {"description": "全部单位", "content": {
                "application/json": {"schema": _list_of("#/components/schemas/Unit")}}}, "401": unauthorised}}},
            "/indicators": {"get": {"summary": "指标（名称、计量单位、类型 stock/flow、方向、频率）", "responses": {
                "200": {"description": "全部指标"}, "401": unauthorised}}},
            "/indicators/figures": {
                "get": {"summary": "某月的指标数据（联络员只见本单位）",
                        "parameters": [{"name": "period", "in": "query", "required": True,
                                        "schema": {"type": "string", "pattern": "^\\d{4}-\\d{2}$"}}],
                        "responses": {"200": {"description": "items: entity, indicator, unit, period, value"},
                                      "400": _error("期间格式不对"), "401": unauthorised}},
                "post": {"summary": "填报一家机构某月的指标数据（权限同网页：联络员只能填报本单位）",
                         "requestBody": {"required": True, "content": {"application/json": {"schema": {
                             "type": "object", "required": ["unit", "period", "values"], "properties": {
                                 "unit": {"type": "string"}, "period": {"type": "string"},
                                 "values": {"type": "object", "additionalProperties": {"type": ["number", "null"]}}}}}}},
                         "responses": {"201": {"description": "已保存"}, "400": _error("内容有误"),
                                       "401": unauthorised, "403": _error("不能填报该单位的数据（不写入任何内容）")}}},
            "/indicators/ranking": {"get": {
                "summary": "某指标某月的排名（字段同命令 indicator-ranking，CONTRACTS §8）",
                "parameters": [{"name": n, "in": "query", "required": r, "schema": {"type": "string"}}
                               for n, r in (("period", True), ("indicator", True), ("by", False))],
                "responses": {"200": {"description": "items 按名次排列"}, "400": _error("期间或排名依据有误"),
                              "401": unauthorised, "404": _error("没有该指标")}}},
            "/openapi.json": {"get": {"summary": "本文档", "security": [],
                                      "responses": {"200": {"description": "OpenAPI 文档"}}}},
        },
    }
