"""What PostgreSQL costs per request of the closed loop, counted in-process (issue 19, docs/benchmarks.md item 27).

Usage: .venv/bin/python bench/pg_costs.py POSTGRESQL_URL [ROUNDS] [--wire]
       (a copy of the bench data upgraded to this tree: psql … -c "create database copy template wr29_base", then
       DATABASE_URL=… flask --app tracker db upgrade; it files reports)

Signs in as the bench data's supervisor (as bench/write_load.py's clients do) and makes the loop's request kinds in
its order over the 50 sample tasks, ROUNDS (default 8) times: GET ``/tasks/N``, POST a report from it, ``/dashboard``
right after (a miss) and again (a hit), ``/livez``. Prints per kind the mean wall ms, this process's CPU ms and the
database backends' CPU ms (utime + stime from /proc: run it on the database's machine; the tick is 10 ms, hence the
many requests), and their sums per cycle. With ``--wire`` it runs psycopg's Python implementation instead and prints,
for the last sample task, every message each kind sent to the server (a query, a prepare, a prepared statement's
execution): the round trips, which the machine's load cannot change. Compare two trees on copies of the same data,
alternating.
"""
from __future__ import annotations

import collections
import os
import sys
import time
from pathlib import Path

WIRE = "--wire" in sys.argv
if WIRE:
    os.environ["PSYCOPG_IMPL"] = "python"  # before psycopg is imported: its libpq calls can then be watched
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text  # noqa: E402

from bench.backend_cpu import backends_cpu_ms  # noqa: E402
from bench.task_page import VERSION, signed_in_supervisor  # noqa: E402

KINDS = ("GET /tasks/N", "POST /tasks/N", "/dashboard miss", "/dashboard hit", "/livez")
SENDS = ("exec_", "exec_params", "exec_prepared", "prepare", "send_close_prepared", "send_describe_prepared",
         "send_prepare", "send_query", "send_query_params", "send_query_prepared")


def watch_the_wire() -> list[tuple[str, bytes]]:
    """Record every message psycopg's Python libpq wrapper sends (the call's name, its first argument): the list."""
    from psycopg.pq import pq_ctypes

    sent: list[tuple[str, bytes]] = []
    for name in SENDS:
        original = getattr(pq_ctypes.PGconn, name)

        def wrapped(self, *args, _original=original, _name=name, **kwargs):
            sent.append((_name, args[0][:60] if args and isinstance(args[0], bytes) else b""))
            return _original(self, *args, **kwargs)

        setattr(pq_ctypes.PGconn, name, wrapped)
    return sent


def main() -> None:
    arguments = [argument for argument in sys.argv[1:] if argument != "--wire"]
    url, rounds = arguments[0], int(arguments[1]) if len(arguments) > 1 else 8
    sent = watch_the_wire() if WIRE else []
    app, client, facts = signed_in_supervisor(url)
    from tracker.extensions import db

    def backends() -> list[int]:
        with app.app_context():
            return list(db.session.scalars(text("select pid from pg_stat_activity where datname = current_database()")))

    def report(task: int, page: str, words: str):
        return client.post(f"/tasks/{task}", data={"progress": words, "problems": "", "next_steps": "", "status": "",
                                                   "version": VERSION.search(page).group(1)})

    for task in facts.sample_tasks[:10]:  # warm up: kept figures, statements prepared
        client.get(f"/tasks/{task}"), client.get("/dashboard"), client.get("/livez")
    pids = backends()
    totals = {kind: [0.0, 0.0, 0.0, 0] for kind in KINDS}  # wall, CPU, backends' CPU (ms), requests
    wire: dict[str, list] = {}

    def request(kind: str, call):
        sent.clear()
        wall, cpu, backend = time.perf_counter(), time.process_time(), backends_cpu_ms(pids)
        response = call()
        figures = totals[kind]
        figures[2] += backends_cpu_ms(pids) - backend
        figures[1] += (time.process_time() - cpu) * 1000
        figures[0] += (time.perf_counter() - wall) * 1000
        figures[3] += 1
        wire[kind] = list(sent)
        return response

    for n in range(rounds):
        for i, task in enumerate(facts.sample_tasks):
            page = request(KINDS[0], lambda: client.get(f"/tasks/{task}")).get_data(as_text=True)
            assert request(KINDS[1], lambda: report(task, page, f"pg-costs-{n}-{i}")).status_code == 302
            request(KINDS[2], lambda: client.get("/dashboard"))
            request(KINDS[3], lambda: client.get("/dashboard"))
            request(KINDS[4], lambda: client.get("/livez"))
        pids = sorted(set(pids) | set(backends()))  # a connection opened meanwhile
    for kind, (wall, cpu, backend, count) in totals.items():
        print(f"{kind:16s} wall {wall / count:6.2f}  CPU {cpu / count:6.2f}  backends' CPU {backend / count:5.2f} ms")
    cycles = rounds * len(facts.sample_tasks)
    print("per cycle: " + "  ".join(f"{name} {sum(f[j] for f in totals.values()) / cycles:.2f} ms"
                                    for j, name in enumerate(("wall", "CPU", "backends' CPU"))))
    for kind, messages in wire.items() if WIRE else ():
        print(f"{kind}: {len(messages)} messages, {dict(collections.Counter(name for name, _ in messages))}")
        print("    " + " ".join(query.decode(errors="replace") for _, query in messages))


if __name__ == "__main__":
    main()
