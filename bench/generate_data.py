"""Fill a database with the bench data set: 200 units, 50 plans, 10,000 tasks, 100,000 progress reports.

The schema is created by the app's own migrations (``flask db upgrade``); the rows are written
with bulk inserts (SQLAlchemy Core ``insert()`` with a list of rows: executemany / multi-row
VALUES), not object by object, in one transaction. The data are shaped like a province's plans:

- units: city departments, districts and counties and their bureaus, popular in Zipf fashion
  (the 市发展改革委 leads far more tasks than a county's 金融办);
- plans: one large 任务分工方案 (a fifth of all tasks) and 49 plans of varied size, each a tree of
  headings 一、 → measures （一） → sub-measures 1. (about a fifth of the measures have some);
- tasks (every measure): leaves get one or two lead units and up to four supporting units,
  deadlines spread from ten months ago to thirteen months ahead (one in ten 长期坚持, no date),
  and a status that fits the deadline (most past-due tasks closed, most open ones 推进中);
- progress reports: dated over the last 12 months, filed by the lead or a supporting unit's
  liaison, ids in date order (the app reads the highest id as the latest report).

Accounts, all with the password ``BENCH_PASSWORD`` (printed): ``duban`` (督办, 市金融办) and one
liaison per unit, ``u001`` … ``u200`` (u001 is the unit assigned most tasks).

Run from the repository root (the database must be empty or new; a SQLite path or any URL):

    python bench/generate_data.py /tmp/bench.sqlite
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:54329/tracker_bench python bench/generate_data.py

``--scale 0.1`` makes a tenth of everything (units stay 200) for a quick try.
"""
from __future__ import annotations

import argparse
import calendar
import os
import random
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, func, insert, inspect, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from werkzeug.security import generate_password_hash  # noqa: E402

from tracker.models import (  # noqa: E402
    Assignment, AssignmentRole, Plan, ProgressReport, ReportCycle, Role, Task, TaskStatus, Unit, User,
)
from tracker.parsing.docx_numbering import chinese_number  # noqa: E402

BENCH_PASSWORD = "bench-password-2024"
SUPERVISOR = "duban"
SUPERVISING_OFFICE = "市金融办"

CITY = """市发展改革委 市财政局 市经济信息委 市商务委 市住房城乡建委 市规划自然资源局 市交通局 市农业农村委
市生态环境局 市教委 市科技局 市人力社保局 市卫生健康委 市市场监管局 市国资委 人行重庆营管部 重庆银保监局
重庆证监局 市金融办 市公安局 市民政局 市司法局 市城市管理局 市水利局 市文化旅游委 市应急局 市审计局 市统计局 市医保局
市林业局 市大数据发展局 市政府口岸物流办 市能源局 市药监局 市知识产权局 重庆市税务局 重庆海关
市通信管理局 市退役军人事务局 市体育局 市信访办 市机关事务局 市中小企业局 市外经贸委 市工商联""".split()
DISTRICTS = """渝中区 大渡口区 江北区 沙坪坝区 九龙坡区 南岸区 北碚区 渝北区 巴南区 万州区 涪陵区 黔江区 长寿区
江津区 合川区 永川区 南川区 綦江区 大足区 璧山区 铜梁区 潼南区 荣昌区 开州区 梁平区 武隆区 城口县 丰都县
垫江县 忠县 云阳县 奉节县 巫山县 巫溪县 石柱县 秀山县 酉阳县 彭水县""".split()
BUREAUS = ["政府", "发展改革委", "财政局", "金融办", "商务委"]

VERBS = ["加快推进", "深入开展", "全面落实", "持续优化", "建立健全", "着力加强", "稳步推进", "积极培育", "大力发展", "统筹做好"]
OBJECTS = ["普惠金融服务", "中小企业融资担保体系", "农村产权抵押融资试点", "地方金融风险排查", "营商环境评价",
           "重大项目审批流程", "产业园区基础设施", "科技型企业知识价值信用贷款", "跨境贸易便利化", "政府债务风险防控",
           "社会信用体系建设", "生态环境保护督察整改", "城乡融合发展试验区", "数字政府建设", "民营经济发展",
           "防汛抗旱和安全生产", "乡村振兴重点帮扶", "国有企业改革", "稳外贸稳外资", "就业创业服务"]
DONE = ["已召开专题会议研究部署", "已完成第一阶段排查", "已印发实施细则", "已建立工作台账并按月调度",
        "已完成年度目标任务的{p}%", "已督促相关区县完成自查", "已召开现场推进会", "已形成阶段性工作报告"]
PROBLEMS = ["", "", "部分区县进度滞后", "资金到位不及时", "跨部门协调难度较大", "基层人手不足"]
NEXT = ["下一步将继续加强督促指导", "下一步将开展专项督查", "下一步将完善考核评价机制", "下一步将加快推进剩余工作"]


def unit_names(count: int) -> list[str]:
    """Return ``count`` distinct unit names: city departments, districts, then district bureaus."""
    names = list(CITY) + [d + "政府" for d in DISTRICTS]
    names += [d + b for b in BUREAUS[1:] for d in DISTRICTS]
    if count > len(names):
        raise ValueError(f"at most {len(names)} units")
    return names[:count]


@dataclass
class Counts:
    """How much to generate; ``scaled`` keeps the 200 units and shrinks the rest."""

    units: int = 200
    plans: int = 50
    tasks: int = 10_000
    reports: int = 100_000

    def scaled(self, factor: float) -> "Counts":
        return Counts(self.units, max(2, round(self.plans * factor)), max(50, round(self.tasks * factor)),
                      max(100, round(self.reports * factor)))


@dataclass
class BenchFacts:
    """What a benchmark needs to know about a bench database (read back from it, see ``bench_facts``)."""

    supervisor: str
    liaison: str
    password: str
    largest_plan: int
    typical_plan: int
    sample_tasks: list[int] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def plan_sizes(plans: int, tasks: int, rng: random.Random) -> list[int]:
    """Split ``tasks`` over ``plans``: the first plan holds a fifth, the rest vary from 0.3x to 1.7x."""
    large = tasks // 5
    weights = [rng.uniform(0.3, 1.7) for _ in range(plans - 1)]
    rest = [max(3, int((tasks - large) * w / sum(weights))) for w in weights]
    rest[-1] += tasks - large - sum(rest)
    return [large] + rest


def month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def build(counts: Counts, seed: int, today: date, now: datetime) -> dict[str, list[dict]]:
    """Return the rows of every table, keyed by table name, with explicit ids (an empty database)."""
    rng = random.Random(seed)
    names = unit_names(counts.units)
    units = [{"id": i + 1, "name": n, "created_at": now} for i, n in enumerate(names)]
    popularity = [1 / (rank + 1) ** 0.9 for rank in range(len(units))]
    office_id = names.index(SUPERVISING_OFFICE) + 1
    password_hash = generate_password_hash(BENCH_PASSWORD, method="scrypt")  # one hash: 201 would take a minute
    users = [{"id": 1, "username": SUPERVISOR, "password_hash": password_hash, "display_name": f"{SUPERVISING_OFFICE}（督办）",
              "role": Role.SUPERVISOR, "unit_id": office_id, "active": True, "created_at": now}]
    users += [{"id": i + 2, "username": f"u{i + 1:03d}", "password_hash": password_hash,
               "display_name": f"{u['name']}联络员", "role": Role.LIAISON, "unit_id": u["id"], "active": True,
               "created_at": now} for i, u in enumerate(units)]
    liaison_of = {u["unit_id"]: u["id"] for u in users[1:]}

    plans, tasks, assignments = [], [], []
    for p, size in enumerate(plan_sizes(counts.plans, counts.tasks, rng)):
        plan_id = p + 1
        issued = today - timedelta(days=rng.randint(60, 700))
        plans.append({"id": plan_id, "title": f"{rng.choice(DISTRICTS[:10] + ['重庆市'])}{rng.choice(OBJECTS)}"
                      f"{'重点任务分工方案' if p == 0 else rng.choice(['实施方案', '工作方案', '三年行动计划'])}（{plan_id}）",
                      "doc_number": f"渝府办发〔{issued.year}〕{plan_id}号", "issuer": "重庆市人民政府办公厅",
                      "issued_on": issued, "source_name": None, "source_text": "", "created_at": now,
                      "warning_days": 15, "report_cycle": ReportCycle.MONTHLY, "report_day": 25})
        headings = max(3, min(60, size // 12))
        per_heading = max(2, min(99, size // headings))
        position, h = 0, 0
        while position < size:
            h += 1
            heading = _task(len(tasks) + 1, plan_id, None, [chinese_number(h)], chinese_number(h) + "、", 1, position,
                            f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}", rng, today, leaf=False)
            tasks.append(heading)
            position += 1
            for m in range(1, rng.randint(max(1, per_heading // 2), min(99, per_heading * 3 // 2)) + 1):
                if position >= size:
                    break
                subs = rng.randint(2, 6) if rng.random() < 0.2 else 0
                token = f"（{chinese_number(m)}）"
                measure = _task(len(tasks) + 1, plan_id, heading["id"], heading["path"] + [token], token, 2, position,
                                None, rng, today, leaf=not subs)
                tasks.append(measure)
                position += 1
                for s in range(1, subs + 1):
                    if position >= size:
                        break
                    tasks.append(_task(len(tasks) + 1, plan_id, measure["id"], measure["path"] + [str(s)], f"{s}.", 3,
                                       position, None, rng, today, leaf=True))
                    position += 1
    for task in tasks:
        if not task.pop("_leaf"):
            continue
        chosen = []
        while len(chosen) < (1 if rng.random() < 0.75 else 2) + rng.choice([0, 0, 1, 1, 2, 3, 4]):
            unit_id = rng.choices(range(1, len(units) + 1), popularity)[0]
            if unit_id not in chosen:
                chosen.append(unit_id)
        leads = 1 if rng.random() < 0.75 or len(chosen) < 2 else 2
        assignments += [{"task_id": task["id"], "unit_id": u, "role": AssignmentRole.LEAD if i < leads else
                         AssignmentRole.SUPPORTING, "position": i} for i, u in enumerate(chosen)]
    for i, row in enumerate(assignments):
        row["id"] = i + 1

    # Reports go to tasks that have been worked on, in proportion to a per-task activity.
    units_of: dict[int, list[tuple[int, bool]]] = {}
    for a in assignments:
        units_of.setdefault(a["task_id"], []).append((a["unit_id"], a["role"] is AssignmentRole.LEAD))
    active = [t["id"] for t in tasks if t["id"] in units_of and t["status"] is not TaskStatus.ASSIGNED]
    activity = [rng.uniform(0.2, 3.0) for _ in active]
    stamps = sorted(now - timedelta(seconds=rng.uniform(0, 365 * 86400)) for _ in range(counts.reports))
    reports = []
    for i, (task_id, created) in enumerate(zip(rng.choices(active, activity, k=counts.reports), stamps)):
        leads = [u for u, lead in units_of[task_id] if lead]
        unit_id = rng.choice(leads) if rng.random() < 0.7 else rng.choice(units_of[task_id])[0]
        reports.append({"id": i + 1, "task_id": task_id, "unit_id": unit_id, "author_id": liaison_of[unit_id],
                        "created_at": created,
                        "progress": f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(DONE).format(p=rng.randint(30, 95))}。",
                        "problems": rng.choice(PROBLEMS), "next_steps": rng.choice(NEXT) + "。"})
    return {"unit": units, "user": users, "plan": plans, "task": tasks, "assignment": assignments,
            "progress_report": reports}


def _task(task_id, plan_id, parent_id, path, number, level, position, title, rng, today, leaf) -> dict:
    """One task row; leaves get a deadline and a status fitting it."""
    text = f"{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(VERBS)}{rng.choice(OBJECTS)}，确保取得实效。"
    deadline = due = None
    status = TaskStatus.IN_PROGRESS if not leaf else None
    if leaf:
        if rng.random() < 0.1:
            deadline = "长期坚持"
        else:
            due = month_end(today + timedelta(days=rng.randint(-300, 400)))
            deadline = f"{due.year}年{due.month}月底前"
        overdue = due is not None and due < today
        statuses, weights = ((list(TaskStatus), [5, 5, 30, 10, 50]) if overdue else
                             (list(TaskStatus), [15, 15, 60, 3, 7]))
        status = rng.choices(statuses, weights)[0]
    return {"id": task_id, "key": uuid.uuid4().hex, "plan_id": plan_id, "parent_id": parent_id, "path": path,
            "number": number, "level": level, "position": position, "title": title or text.split("，")[0],
            "text": text, "deadline": deadline, "due_date": due, "status": status, "version": 1, "_leaf": leaf}


def plan_text(headings: int, items: int, seed: int = 7) -> str:
    """Return the text of a plan of ``headings`` headings 一、 of ``items`` measures （一） each, annotated.

    Each measure names a lead unit and a supporting unit among the city departments and a
    deadline, as `import-plan` reads them; for imports of a known size (tests, fault drills).
    At most 99 headings and 99 items (Chinese numerals).
    """
    rng = random.Random(seed)
    lines = ["重庆市重点任务分工方案（测试）", "渝府办发〔2024〕99号", "重庆市人民政府办公厅", "2024年3月1日"]
    for h in range(1, headings + 1):
        lines.append(f"{chinese_number(h)}、{rng.choice(VERBS)}{rng.choice(OBJECTS)}")
        for i in range(1, items + 1):
            lead, support = rng.sample(CITY[:20], 2)
            lines.append(f"（{chinese_number(i)}）{rng.choice(VERBS)}{rng.choice(OBJECTS)}，{rng.choice(VERBS)}"
                         f"{rng.choice(OBJECTS)}。（牵头单位：{lead}；配合单位：{support}；完成时限：2025年底前）")
    return "\n".join(lines) + "\n"


TABLES = {"unit": Unit, "user": User, "plan": Plan, "task": Task, "assignment": Assignment,
          "progress_report": ProgressReport}


def database_url(target: str) -> str:
    """Return an SQLAlchemy URL for ``target``: a URL as it is, else a path to a SQLite file."""
    return target if "://" in target else f"sqlite:///{Path(target).resolve()}"


def create_schema(url: str) -> None:
    """Create or upgrade the schema of ``url`` with the app's migrations."""
    from tracker import create_app
    from tracker.database import upgrade_database
    from tracker.extensions import db

    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-generate"})
    with app.app_context():
        upgrade_database()
        db.engine.dispose()


def generate(url: str, counts: Counts = Counts(), seed: int = 7, quiet: bool = False) -> BenchFacts:
    """Create the schema in the empty database ``url`` and fill it with the bench data set.

    Returns the facts benchmarks need (see ``bench_facts``). Raises RuntimeError when the
    database already holds users or plans. Prints the time taken unless ``quiet``.
    """
    say = (lambda *a: None) if quiet else print
    started = time.perf_counter()
    create_schema(url)
    engine = create_engine(url)
    with engine.connect() as connection:
        if connection.scalar(select(func.count()).select_from(User.__table__)) or \
                connection.scalar(select(func.count()).select_from(Plan.__table__)):
            raise RuntimeError(f"{make_url(url).render_as_string()}: the database is not empty; give a new one")
    schema_done = time.perf_counter()
    now = datetime.utcnow().replace(microsecond=0)
    rows = build(counts, seed, date.today(), now)
    built = time.perf_counter()
    with engine.begin() as connection:
        for name, model in TABLES.items():
            table = model.__table__
            batch = 5000
            for start in range(0, len(rows[name]), batch):
                connection.execute(insert(table), rows[name][start:start + batch])
        if engine.dialect.name == "postgresql":  # explicit ids: move the sequences past them
            for name in TABLES:
                connection.execute(text(f"SELECT setval(pg_get_serial_sequence('\"{name}\"', 'id'), "
                                        f"(SELECT coalesce(max(id), 1) FROM \"{name}\"))"))
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
    else:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("ANALYZE")
    done = time.perf_counter()
    say(f"bench data on {engine.dialect.name}: " + ", ".join(f"{len(v):,} {k}" for k, v in rows.items()))
    say(f"time: schema {schema_done - started:.1f} s, rows built {built - schema_done:.1f} s, "
        f"inserted {done - built:.1f} s, total {done - started:.1f} s")
    facts = bench_facts(engine)
    engine.dispose()
    return facts


def bench_facts(engine) -> BenchFacts:
    """Read back from a bench database: accounts, the largest and a typical plan, sample tasks, row counts."""
    with engine.connect() as c:
        sizes = c.execute(select(Task.plan_id, func.count()).group_by(Task.plan_id).order_by(func.count().desc(),
                                                                                           Task.plan_id)).all()
        busiest = c.execute(select(Assignment.unit_id).group_by(Assignment.unit_id)
                            .order_by(func.count().desc(), Assignment.unit_id).limit(1)).scalar()
        liaison = c.scalar(select(User.username).where(User.unit_id == busiest, User.role == Role.LIAISON)
                           .order_by(User.id).limit(1))
        per_task = (select(ProgressReport.task_id, func.count().label("n")).group_by(ProgressReport.task_id)
                    .order_by(ProgressReport.task_id).subquery())
        sample = c.scalars(select(per_task.c.task_id).where(per_task.c.n >= 5).order_by(per_task.c.task_id)).all()
        counts = {name: c.scalar(select(func.count()).select_from(model.__table__)) for name, model in TABLES.items()}
    step = max(1, len(sample) // 50)
    return BenchFacts(supervisor=SUPERVISOR, liaison=liaison or "", password=BENCH_PASSWORD,
                      largest_plan=sizes[0][0], typical_plan=sizes[len(sizes) // 2][0],
                      sample_tasks=list(sample[::step][:50]), counts=counts)


def has_bench_data(url: str) -> bool:
    """Return True when ``url`` already holds the bench accounts (so it can be reused)."""
    engine = create_engine(url)
    try:
        if not inspect(engine).has_table("user"):
            return False
        with engine.connect() as c:
            return c.scalar(select(func.count()).select_from(User.__table__).where(User.username == "u001")) == 1
    finally:
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", nargs="?", default=os.environ.get("DATABASE_URL"),
                        help="SQLite file or database URL (default: DATABASE_URL)")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of plans, tasks and reports (default 1)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not args.target:
        parser.error("give a SQLite path or a database URL, or set DATABASE_URL")
    facts = generate(database_url(args.target), Counts().scaled(args.scale), args.seed)
    print(f"accounts (password for all: {facts.password}): supervisor {facts.supervisor}; liaisons u001 … "
          f"u{facts.counts['unit']:03d} (one per unit; {facts.liaison} has the most tasks)")
    print(f"largest plan: /plans/{facts.largest_plan}, typical plan: /plans/{facts.typical_plan}")


if __name__ == "__main__":
    main()
