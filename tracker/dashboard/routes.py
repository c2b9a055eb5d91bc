"""Home (by role), the dashboard with filters, charts and ranking, and the bulletin's page and downloads."""
from __future__ import annotations

import operator
from dataclasses import dataclass, replace
from typing import NamedTuple

from flask import abort, current_app, render_template, request, url_for
from flask_login import current_user, login_required
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup, escape
from sqlalchemy import literal_column, select, union_all

from .. import clock
from ..downloads import bad_export_options, export_options, send_download
from ..extensions import db
from ..gate import requires, sees_everything
from ..models import Plan, TaskStatus, Unit
from ..periods import parse_period, period_containing
from ..bulletin.model import CLOSED_CAPTIONS, MISSING_CAPTIONS, OVERDUE_CAPTIONS, RANKING_CAPTIONS
from ..indicators import TASK_SCHEDULE_RULE
from ..indicators.ranking import NOTE_CAPTION
from ..services.figures.bulletin import build_bulletin, bulletin_filename, indicators_left_out
from ..services.figures.publishing import (HOME_LIMIT, bulletin_fingerprint, preparing_period, published_bulletins,
                                          versions_of)
from ..services.permissions import can_publish_bulletin
from ..services.figures.quantified import quantified_tasks
from ..services.figures.dashboard import COUNT_RULES, build_dashboard, liaison_home, list_tasks
from ..services.errors import InvalidInput
from ..services.inbox import badge_read
from ..services.ledger.uploads import pending_uploads
from ..services.figures.facts import LEVELS, TaskFilters
from ..services.figures.lights import Light
from ..services.plans.store import task_lines
from ..services.figures.cache import Snapshot, changes_since, figures_cache, snapshot_with
from ..services.figures.ranking import RULES, SORTS, no_ranking_note
from ..services.scope import task_units_query, viewer_scope
from ..supervision.inbox import keep_badge_counts
from . import bp

PER_PAGE = 50
BULLETIN_MESSAGE = "通报只能由督办部门生成。"
#: The columns of the 通报's tables (tracker/bulletin/model's *_CAPTIONS) folded away on a phone held upright (cells of
#: class .phone-fold, tracker.css; a wider screen, a phone turned sideways and print show them), so that no table
#: scrolls sideways at 390 px: the ranking keeps 排名, 单位 and the figures it ranks on (按期办结率, then 报送及时率:
#: services/figures/ranking.RULES), a list of tasks its 序号, 任务, 牵头单位 and days, the 欠账 list its 指标, 机构,
#: 计量单位, 序时完成率 and 欠账 (a bare amount needs its unit beside it).
#: The 通报's 并列 column folds too: tied units read the same number under 排名 (workflow54).
PHONE_FOLDED_CAPTIONS = frozenset({NOTE_CAPTION, "牵头任务", "已办结", "应报送", "按时", "迟报", "未报", "逾期任务", "所属方案",
                                   "完成时限", "本月数", "年度目标", "序时目标", "完成数"})


@bp.route("/")
@login_required
def home():
    """The right home for each role: the dashboard for the supervising office and leaders, the unit's tasks
    for a liaison (with the newest published 通报, services/figures/publishing.HOME_LIMIT of them)."""
    if current_user.sees_everything:
        return dashboard()
    if current_user.unit_id is None:
        abort(403)
    return render_template("dashboard/liaison_home.html", home=liaison_home(current_user, clock.beijing_today()),
                           Light=Light, uploads=pending_uploads(current_app.instance_path, current_user.id),
                           bulletins=published_bulletins(current_user, HOME_LIMIT))


@bp.route("/dashboard")
@requires(sees_everything, "督办总览只对督办部门和领导开放；联络员请在首页查看本单位任务。")
def dashboard():
    filters, problems = TaskFilters.from_args(request.args)
    sort = request.args.get("sort", "completion")
    if sort not in SORTS:
        sort = "completion"
    page = request.args.get("page", "1")
    page = int(page) if page.isdigit() else 1
    return render_template("dashboard/index.html",
                           body=dashboard_body(clock.beijing_today(), filters, problems, sort, page))


#: How many dashboard bodies a process keeps (one per day, viewer's scope and request's arguments, each only at the
#: latest data it was rendered at: about 0.6 MB with its parts on the bench data, so at most ~10 MB a worker); the
#: least recently asked for goes first.
BODY_SIZE = 16
BODY = "dashboard bodies"


@dataclass(frozen=True)
class KeptBody:
    """A dashboard body as rendered at ``snapshot`` (``dashboard_body``), with the parts that may outlive it: the
    filter form's ``choices`` (``filter_choices``) and the ``head`` they were rendered in, the task list's lines
    (``rows``: the HTML of the ``shown`` tasks, (id, light, plan id) of each line of the page in order) and its
    section (``tasks``) for ``total`` tasks, and the quantified tasks' section (``quantified``) with the ids of every
    quantified task it lists (``quantified_ids``; None when it was cut at ``QUANTIFIED_LIMIT`` lines)."""

    snapshot: Snapshot
    html: Markup
    choices: tuple[list, list]
    head: Markup
    shown: tuple
    rows: Markup
    total: int
    tasks: Markup
    quantified_ids: frozenset[int] | None
    quantified: Markup


#: At most this many quantified tasks are listed (services/figures/quantified.quantified_tasks).
QUANTIFIED_LIMIT = 200


def dashboard_body(today, filters: TaskFilters, problems: list[str], sort: str, page: int) -> Markup:
    """Return the HTML of the dashboard's body (everything under the top bar: dashboard/_body_parts.html and the
    figures, dashboard/_figures.html) for the current user as of Beijing date ``today``, with ``filters`` (and the
    ``problems`` met reading them), the ranking's ``sort`` and page ``page`` of the task list.

    Kept per process under the day, the viewer's scope (services/scope.viewer_scope: whoever may open the dashboard
    sees every task, but the key says so rather than assume it), where the app is mounted and the normalised
    arguments, with the data's fingerprint it was rendered at (services/figures/cache.snapshot, which every write
    moves: models/tally.py and the journal): the same fingerprint, the same body, returned as it is without
    reading the figures, the task list, the filter choices or the quantified tasks again. Any other fingerprint
    renders it again, the figures brought forward (build_dashboard), and with the parts the changes written since
    cannot have moved (``cache.changes_since``) taken from the kept body: the filter choices and the form unless a
    plan was added or a unit added or renamed; the task list's lines and section when the page lists the same tasks
    with the same lights and none of them was journalled or reported on since (``Changes.journalled``) and no unit
    renamed; the quantified tasks unless a target was set (``Changes.targets``), a task reshaped, or one of them
    journalled or reported on. The body holds nothing of one user (the top bar, its badges, the CSRF token of its
    sign-out form and the flashed messages are base.html's, rendered on every request), so it is never another
    user's page. With a filter on, the task list comes right under the form, before the figures (on a phone the
    figures are screens long). Under write load about half the requests of a worker find the data as the worker last rendered
    them (issue 19, docs/benchmarks.md item 17).
    """
    # The snapshot and the top bar's badges in one statement: a round trip less on every dashboard (item 31).
    statement, parameters, counted = badge_read(current_user)
    snap, badges = snapshot_with(statement, parameters)
    keep_badge_counts(counted(badges))
    args = tuple(sorted(filters.as_args().items()))
    key = (today, viewer_scope(current_user), request.script_root, args, sort, page, tuple(problems))
    kept_bodies = figures_cache().companion(BODY, BODY_SIZE)
    kept: KeptBody | None = kept_bodies.peek(key, count=False)
    kept_bodies.tally(hit=kept is not None and kept.snapshot == snap)
    if kept is not None and kept.snapshot == snap:
        return kept.html
    changes = changes_since(kept.snapshot, snap) if kept is not None else None
    parts = current_app.jinja_env.get_template("dashboard/_body_parts.html").module
    board = build_dashboard(current_user, today, filters, sort, snap=snap)
    filter_args = filters.as_args()
    if changes is not None and not changes.renamed and not changes.new_plans:
        (plans, units), head = kept.choices, kept.head
    else:
        plans, units = filter_choices()
        head = Markup(parts.head(today, filters, sort, problems, plans, units, period_containing("monthly", today),
                                 filter_args, list(TaskStatus), list(Light), LEVELS, options_html, filters.describe()))
    listing = list_tasks(current_user, today, filters, page, PER_PAGE, facts=board.facts, load=_not_yet)
    shown = tuple((fact.id, fact.light, fact.plan_id) for fact in listing.facts)
    if changes is not None and not changes.renamed and shown == kept.shown and \
            changes.journalled.isdisjoint(fact.id for fact in listing.facts):
        rows = kept.rows
        tasks = kept.tasks if listing.total == kept.total else None
    else:
        listing = replace(listing, tasks=task_lines([fact.id for fact in listing.facts]))
        rows, tasks = task_rows_html(listing, dict(plans)), None
    if tasks is None:
        tasks = Markup(parts.task_section(listing, rows, filter_args))
    if changes is not None and kept.quantified_ids is not None and not changes.targets and not changes.reshaped \
            and changes.journalled.isdisjoint(kept.quantified_ids):
        quantified_ids, quantified = kept.quantified_ids, kept.quantified
    else:
        lines = quantified_tasks(current_user, today, filters.plan_id, limit=QUANTIFIED_LIMIT)
        quantified = Markup(parts.quantified_section(lines, TASK_SCHEDULE_RULE))
        quantified_ids = frozenset(line.task_id for line in lines) if len(lines) < QUANTIFIED_LIMIT else None
    if filter_args:  # a filter is on: the list asked for comes first, under the form, not after the figures
        body = head + Markup("\n\n") + tasks + Markup("\n\n") + figures_html(board) + Markup("\n") + quantified
    else:
        body = head + Markup("\n\n") + figures_html(board) + Markup("\n") + quantified + Markup("\n\n") + tasks
    kept_bodies.put(key, KeptBody(snap, body, (plans, units), head, shown, rows, listing.total, tasks, quantified_ids,
                                  quantified), count=False)
    return body


def _not_yet(task_ids: list[int]) -> dict:
    """``list_tasks``' loader when the lines may be kept (``dashboard_body``): nothing read yet."""
    return {}


def filter_choices() -> tuple[list, list]:
    """Return the filter form's choices: (every plan's (id, title) by id, every unit holding tasks (id, name) by name:
    services/scope.task_units_query, so no 金融机构 of an indicator table), read in one statement (a round trip less
    on PostgreSQL, issue 19)."""
    kind = literal_column("0").label("kind")
    plans = select(kind, Plan.id, Plan.title, Plan.id.label("position"), literal_column("''").label("name"))
    units = task_units_query(literal_column("1"), Unit.id, Unit.name, literal_column("0"), Unit.name)
    rows = db.session.execute(union_all(plans, units).order_by("kind", "position", "name")).all()
    choices: tuple[list, list] = ([], [])
    for row in rows:
        choices[row[0]].append(row)
    return [Choice(row[1], row[2]) for row in choices[0]], [Choice(row[1], row[2]) for row in choices[1]]


#: How many filter lists' HTML ``options_html`` keeps per process (a few lists of a few selections); when full it
#: starts again.
OPTIONS_HTML_SIZE = 64
OPTIONS_HTML = "tracker_dashboard_options_html"


def options_html(choices: list, selected: int | None) -> Markup:
    """Return the ``<option>`` elements of the filter form's list of ``choices`` (``Choice``: the plans or the units
    of ``filter_choices``), the one whose id is ``selected`` marked selected.

    Kept per process for the choices and the selection (equal values give the same HTML, so it is never stale):
    the 250 options of the bench data were a third of the page template's work on every request (issue 19)."""
    key = (tuple(choices), selected)
    kept = current_app.extensions.setdefault(OPTIONS_HTML, {})
    html = kept.get(key)
    if html is None:
        html = Markup("").join(
            Markup('<option value="{}"{}>{}</option>').format(choice.id, Markup(" selected") if selected == choice.id
                                                             else "", choice.title) for choice in choices)
        if len(kept) >= OPTIONS_HTML_SIZE:
            kept.clear()
        kept[key] = html
    return html


class Choice(NamedTuple):
    """One choice of the filter form: a plan (id, title) or a unit (id, name: ``name`` and ``title`` are the same)."""

    id: int
    title: str

    @property
    def name(self) -> str:
        return self.title


def figures_html(board) -> Markup:
    """Return the HTML of the dashboard's figures (dashboard/_figures.html) for ``board``.

    Rendered once per board: the board comes from the figures cache (services/figures_cache), so the
    HTML is kept with it, for the same data, day, filters and sort. A board brought forward after a change
    (services/figures/dashboard._patched) keeps the lines it did not touch as the same objects, so the lines of
    its tables (``rows_html``) and the units' chart (``chart_json``) are found by those objects rather than
    rendered again (issue 19: the figures' HTML after a change).
    """
    if "figures" not in board.rendered:
        from ..services.seed import demo_figures_note, demo_reports_between

        first = board.trend[0].period.start if board.trend else board.period.start  # the oldest month it shows
        board.rendered["figures"] = Markup(render_template(
            "dashboard/_demo_note.html", note=demo_figures_note(demo_reports_between(first, board.today), False)))
        board.rendered["figures"] += Markup(render_template(
            "dashboard/_figures.html", board=board, statuses=list(TaskStatus), Light=Light, rules=RULES,
            count_rules=COUNT_RULES, filter_args=board.filters.as_args(), closed=TaskStatus.CLOSED,
            close_requested=TaskStatus.CLOSE_REQUESTED,
            charts=chart_json(board), rows_html=rows_html,
            ranked_lines=[line for line in board.ranking if line.rankable],
            unranked=[line.unit for line in board.ranking if not line.rankable],
            no_ranking_note=no_ranking_note(board.ranking)))
    return board.rendered["figures"]


#: How many tables' joined lines ``rows_html`` keeps per process (the 3 tables of a few boards); when full it
#: starts again.
ROWS_JOINED_SIZE = 64
ROWS_JOINED = "tracker_dashboard_rows_joined"


def rows_html(kind: str, rows, plan_links: bool = False, last=None) -> Markup:
    """Return the HTML of ``rows`` (lines of one of the dashboard's tables, in order), each line by ``row_html``,
    joined in Python rather than in a template loop, then the line ``last`` (the total line of a count table)
    if given; empty Markup when there is no line.

    The joined lines are kept per process for the line objects themselves (a board's lines are never changed
    once built, see ``row_html``; the entry holds them, so their ids cannot be reused meanwhile): after a report
    the patched board keeps most tables' lines as they were, and their HTML is found at once instead of the 450
    lines being looked up and joined again (issue 19, the dashboard under write load). ``last`` is joined apart:
    the total line is a new object on every patched board."""
    rows = tuple(rows)
    root = request.script_root
    by_object = current_app.extensions.setdefault(ROW_HTML_BY_OBJECT, {})
    kept = current_app.extensions.setdefault(ROW_HTML, {})
    joined = current_app.extensions.setdefault(ROWS_JOINED, {})
    key = (kind, plan_links, root, tuple(map(id, rows)))
    held = joined.get(key)
    if held is not None and all(map(operator.is_, held[0], rows)):
        html = held[1]
    else:
        html = Markup("\n".join(_row_html(kind, row, plan_links, root, by_object, kept) for row in rows))
        if len(joined) >= ROWS_JOINED_SIZE:
            joined.clear()
        joined[key] = (rows, html)
    if last is None:
        return html
    line = _row_html(kind, last, plan_links, root, by_object, kept)
    return html + Markup("\n") + line if rows else line


#: How many lines' HTML ``row_html`` keeps per process (the 50 plans, 200 units and 200 ranking lines of a few
#: boards); when full it starts again.
ROW_HTML_SIZE = 5000
ROW_HTML = "tracker_dashboard_row_html"
ROW_HTML_BY_OBJECT = "tracker_dashboard_row_html_by_object"


def row_html(kind: str, row, plan_links: bool = False) -> Markup:
    """Return the HTML of one line of the dashboard's tables (dashboard/_rows.html: ``kind`` "count", a
    ``CountRow`` of the counts by plan or unit, or "rank", a ``RankRow`` of the ranking).

    Kept per process for the values the line shows (every field of the row, and where the page is
    mounted), so that a board patched after a report (services/figures/dashboard._patched, a few lines
    moved) renders only the lines that changed; equal values give the same HTML, so it is never stale.

    A line is first looked up by the row object itself: a board's rows are never changed once it is built
    (build_dashboard; ``_patched`` copies the count and ranking lines it moves, or whose rank moves, and keeps the
    others as they were), so the same object shows the same values; the entry holds the object, so its id cannot be
    reused meanwhile. (Building a count line's key, its dicts keyed by enums, was most of this function's time on a
    board of 250 lines; after a report the 200 ranking lines were keyed again on every patched board.)
    """
    return _row_html(kind, row, plan_links, request.script_root,
                     current_app.extensions.setdefault(ROW_HTML_BY_OBJECT, {}),
                     current_app.extensions.setdefault(ROW_HTML, {}))


def _row_html(kind: str, row, plan_links: bool, root: str, by_object: dict, kept: dict) -> Markup:
    """``row_html`` with the process's two stores and the mount point already looked up (``rows_html`` does it
    once for a table's lines)."""
    held = by_object.get(id(row))
    if held is not None and held[0] is row and held[1] == (kind, plan_links, root):
        return held[2]
    if kind == "count":
        key = (kind, plan_links, root, row.key, row.label, row.total, tuple(row.by_status.items()),
               tuple(row.by_light.items()), row.overdue, row.unreported)
    else:
        key = (kind, tuple(row.__dict__.items()))
    html = kept.get(key)
    if html is None:
        rows = current_app.jinja_env.get_template("dashboard/_rows.html").module
        html = Markup(rows.count_row(row, list(TaskStatus), Light, plan_links) if kind == "count" else rows.rank_row(row))
        if len(kept) >= ROW_HTML_SIZE:
            kept.clear()
        kept[key] = html
    if len(by_object) >= ROW_HTML_SIZE:
        by_object.clear()
    by_object[id(row)] = (row, (kind, plan_links, root), html)
    return html


#: How many task lines' HTML ``task_rows_html`` keeps per process (a few pages of a few boards); when full it starts
#: again.
TASK_ROW_HTML_SIZE = 2000
TASK_ROW_HTML = "tracker_dashboard_task_row_html"


def task_rows_html(listing, plan_titles: dict[int, str]) -> Markup:
    """Return the HTML of the task list's lines (dashboard/_task_rows.html) of ``listing`` (a TaskPage whose tasks
    are services/plans/store.PlanLine read with their latest reports: ``task_lines``) and ``plan_titles``
    {plan id: title}.

    Each line is kept per process for the values it shows (light, plan title, 序号, name, units, deadline, status,
    latest report and where the page is mounted): equal values give the same HTML, so it is never stale; after a
    change only the lines whose values moved are rendered again. Before the first line of each plan (in the list's
    order) comes its heading row, shown on a phone only, where the cards leave out their 方案.
    """
    kept = current_app.extensions.setdefault(TASK_ROW_HTML, {})
    rows = None
    parts = []
    previous = None
    for fact in listing.facts:
        line = listing.tasks[fact.id]
        report = line.latest
        title = plan_titles.get(fact.plan_id, "")
        if title != previous:  # on a phone the cards of one plan come under one heading (_macros.plan_group)
            rows = rows or current_app.jinja_env.get_template("dashboard/_task_rows.html").module
            parts.append(Markup(rows.plan_heading(title)))
            previous = title
        key = (request.script_root, line.id, fact.light, title, tuple(line.path), line.title, line.text,
               tuple(line.lead_units), tuple(line.supporting_units), line.due_date, line.deadline, line.status,
               (report.created_at, report.unit_name, report.progress) if report else None)
        html = kept.get(key)
        if html is None:
            rows = rows or current_app.jinja_env.get_template("dashboard/_task_rows.html").module
            html = Markup(rows.task_row(fact, line, title, report))
            if len(kept) >= TASK_ROW_HTML_SIZE:
                kept.clear()
            kept[key] = html
        parts.append(html)
    return Markup("\n".join(parts))


@bp.route("/dashboard/ledger.<any(xlsx, csv):fmt>")
@requires(sees_everything, "督办总览只对督办部门和领导开放；联络员请在“本单位任务”导出本单位台账。")
def dashboard_ledger(fmt: str):
    """导出当前列表: the ledger of every task of the dashboard's list for the same query arguments
    (plan, unit, status, light, due_from, due_to, q), all pages, as .xlsx or .csv; ``layout`` and
    ``columns`` as on the plan page. Open to whom the dashboard is open."""
    from ..services.ledger.export import export_task_list  # openpyxl: only for an export

    filters, _problems = TaskFilters.from_args(request.args)  # unreadable values are left out, as on the page
    try:
        export = export_task_list(current_user, filters, "." + fmt, export_options(), clock.beijing_today())
    except InvalidInput as error:
        return bad_export_options(error)
    return send_download(export.content, export.filename)


LIGHT_COLOURS = {Light.RED: "#dc3545", Light.YELLOW: "#ffc107", Light.GREEN: "#198754"}


def chart_specs(board) -> dict[str, dict]:
    """Return the data of the dashboard's charts, as static/js/charts.js reads them from ``data-chart``."""
    return {"lights": _lights_spec(board), "units": _units_spec(board.by_unit), **_trend_specs(board)}


def _lights_spec(board) -> dict:
    lights = [Light.RED, Light.YELLOW, Light.GREEN]
    return {"type": "doughnut", "labels": [light.label for light in lights],
            "series": [{"label": "任务数", "data": [board.total.by_light[light] for light in lights],
                        "colors": [LIGHT_COLOURS[light] for light in lights]}]}


def _units_spec(by_unit) -> dict:
    lights = [Light.RED, Light.YELLOW, Light.GREEN]
    return {"type": "bar", "stacked": True, "labels": [row.label for row in by_unit],
            "series": [{"label": light.label, "data": [row.by_light[light] for row in by_unit],
                        "color": LIGHT_COLOURS[light]} for light in lights]}


def _trend_specs(board) -> dict[str, dict]:
    months = [point.period.label for point in board.trend]
    return {
        "rates": {"type": "line", "percent": True, "labels": months, "series": [
            {"label": "按期办结率", "data": [p.completion_rate for p in board.trend], "color": "#0d6efd"},
            {"label": "报送及时率", "data": [p.punctuality for p in board.trend], "color": "#6f42c1"}]},
        "counts": {"type": "bar", "labels": months, "series": [
            {"label": "当月办结", "data": [p.closed for p in board.trend], "color": "#198754"},
            {"label": "月末逾期", "data": [p.overdue for p in board.trend], "color": "#dc3545"},
            {"label": "报送进展条数", "data": [p.reports for p in board.trend], "color": "#0dcaf0"}]},
    }


UNITS_CHART = "tracker_dashboard_units_chart"


def chart_json(board) -> dict[str, Markup]:
    """Return ``chart_specs(board)`` as JSON made safe for HTML, as the ``tojson`` filter writes it.

    The units' chart (200 units on the bench data) is kept per process for the line objects of ``board.by_unit``
    (the last one asked for: a patched board keeps them unless a report moved one of its lights), as ``rows_html``
    keeps the tables' lines; the others are a few numbers."""
    env = current_app.jinja_env

    def as_json(spec: dict) -> Markup:
        return htmlsafe_json_dumps(spec, dumps=env.policies["json.dumps_function"], **env.policies["json.dumps_kwargs"])

    by_unit = tuple(board.by_unit)
    held = current_app.extensions.get(UNITS_CHART)
    if held is None or len(held[0]) != len(by_unit) or not all(map(operator.is_, held[0], by_unit)):
        held = current_app.extensions[UNITS_CHART] = (by_unit, as_json(_units_spec(by_unit)))
    return {"lights": as_json(_lights_spec(board)), "units": held[1],
            **{name: as_json(spec) for name, spec in _trend_specs(board).items()}}


class BadPeriod(Exception):
    """The ``period`` argument could not be read; the message says how to write it."""


@bp.errorhandler(BadPeriod)
@bp.errorhandler(InvalidInput)
def bad_period(error: Exception):
    """A period the page cannot show (unreadable, not begun, a week the year lacks) as 400 with the reason; on the
    通报 pages also the way on: the bulletins of last month (the one usually wanted: the month just ended) and of this
    month, instead of 返回首页 alone and the address bar to edit."""
    ways = []
    if (request.endpoint or "").startswith("dashboard.bulletin"):
        this_month = period_containing("monthly", clock.beijing_today())
        ways = [(url_for("dashboard.bulletin", period=month.key), f"打开{month.label}通报")
                for month in (this_month.previous(), this_month)]
    return render_template("error.html", code=400, title="期间无效", message=str(error), ways=ways), 400


def _period_or_400():
    """The 通报's period: the ``period`` argument (400, BadPeriod, when unreadable), else the month the office is most
    likely preparing (services/figures/publishing.preparing_period: on 6 December, November until it is published)."""
    text = request.args.get("period")
    if not text:
        return preparing_period(clock.beijing_today()).period
    try:
        return parse_period(text)
    except ValueError as error:
        raise BadPeriod(str(error)) from None


@bp.route("/bulletin")
@requires(sees_everything, BULLETIN_MESSAGE)
def bulletin():
    """``/bulletin?period=2026-11``: the 通报 of a month or quarter as computed now; without ``period`` the month the
    office is most likely preparing, the page saying which and why (``opened_on``) and how to ask for another."""
    preparing = None if request.args.get("period") else preparing_period(clock.beijing_today())
    period = preparing.period if preparing else _period_or_400()
    return bulletin_page(period, preparing.reason if preparing else None)


def bulletin_page(period, opened_on: str | None = None, typed: str | None = None, refusal: str | None = None,
                  status: int = 200):
    """The 通报 page of ``period`` (a tracker/periods.Period) as computed now: ``opened_on`` says why this period was
    opened when none was asked for; ``typed`` and ``refusal``: a period sent that could not be used (发布通报 with a
    period unreadable or not begun, dashboard/published.publish_bulletin), shown in the 期间 field with the reason
    beside it, answered with ``status`` (422)."""
    data = build_bulletin(current_user, period, clock.beijing_today())
    return render_template("dashboard/bulletin.html", bulletin=data, rules=RULES, tables=bulletin_tables_html(data),
                           indicators_left_out=indicators_left_out(data, period),
                           folded=PHONE_FOLDED_CAPTIONS, versions=versions_of(period.key),
                           can_publish=can_publish_bulletin(current_user), seen=bulletin_fingerprint(data),
                           opened_on=opened_on, typed=typed, refusal=refusal), status


def bulletin_tables_html(data) -> Markup:
    """Return the HTML of the bulletin's sections 二 to 五 (dashboard/_bulletin_tables.html: the ranking and the
    lists of units and tasks, thousands of lines on a large database) for ``data``.

    Rendered once per kept bulletin (services/figures/bulletin.py keeps the task part, and its ``rendered``
    dict, while the data it was computed from hold), as the dashboard's figures are (``figures_html``).
    """
    if "tables" not in data.rendered:
        captions = {"ranking": RANKING_CAPTIONS, "missing": MISSING_CAPTIONS, "overdue": OVERDUE_CAPTIONS,
                    "closed": CLOSED_CAPTIONS}
        bodies = {name: Markup("".join(bulletin_row_html(row, phone_folds(captions[name])) for row in rows))
                  for name, rows in (("ranking", data.ranking_rows()), ("missing", data.missing_rows()),
                                     ("overdue", data.overdue_rows()), ("closed", data.closed_rows()))}
        # joined here: a Jinja loop over thousands of lines costs more
        data.rendered["tables"] = Markup(render_template("dashboard/_bulletin_tables.html", bulletin=data,
                                                         bodies=bodies, captions=captions,
                                                         folded=PHONE_FOLDED_CAPTIONS))
    return data.rendered["tables"]


#: How many lines of the bulletin's tables a process keeps (a bulletin of the bench data has about 3,300; when
#: full it starts again).
BULLETIN_ROW_HTML_SIZE = 20000
BULLETIN_ROW_HTML = "tracker_bulletin_row_html"


def phone_folds(captions: list[str]) -> tuple[bool, ...]:
    """Return, per caption of a 通报 table, whether a phone held upright folds that column away
    (PHONE_FOLDED_CAPTIONS)."""
    return tuple(caption in PHONE_FOLDED_CAPTIONS for caption in captions)


def bulletin_row_html(row: list, folds: tuple[bool, ...] = ()) -> Markup:
    """Return the HTML of one line of the bulletin's tables (``<tr>`` with one ``<td>`` per value of ``row``, as
    printed: tracker/bulletin/model.Bulletin's ``*_rows``; a cell whose ``folds`` flag is true is of class
    .phone-fold, ``phone_folds``), kept per process for the values it shows, so that a bulletin computed again after
    a change renders only the lines that changed (as ``row_html`` does for the dashboard); equal values give the same
    HTML, so it is never stale."""
    key = (tuple(row), folds)
    kept = current_app.extensions.setdefault(BULLETIN_ROW_HTML, {})
    html = kept.get(key)
    if html is None:
        cells = (f'<td class="phone-fold">{escape(value)}</td>' if fold else f"<td>{escape(value)}</td>"
                 for value, fold in zip(row, folds or (False,) * len(row)))
        html = Markup("<tr>" + "".join(cells) + "</tr>")
        if len(kept) >= BULLETIN_ROW_HTML_SIZE:
            kept.clear()
        kept[key] = html
    return html


def _bulletin_download(extension: str):
    """The bulletin of the asked period (``_period_or_400``) as a download: ``extension`` "docx" or "xlsx"."""
    from .. import bulletin as writers  # python-docx and openpyxl load only when a file is asked for

    period = _period_or_400()
    data = build_bulletin(current_user, period, clock.beijing_today())
    return send_download(getattr(writers, f"write_{extension}")(data), bulletin_filename(data, extension))


@bp.route("/bulletin.docx")
@requires(sees_everything, BULLETIN_MESSAGE)
def bulletin_docx():
    return _bulletin_download("docx")


@bp.route("/bulletin.xlsx")
@requires(sees_everything, BULLETIN_MESSAGE)
def bulletin_xlsx():
    return _bulletin_download("xlsx")


@bp.app_template_filter("percent")
def percent_filter(value: float | None) -> str:
    """Format a fraction as a percentage with one decimal ("42.9%"), "—" when there is none."""
    from ..bulletin import percent

    return percent(value)
