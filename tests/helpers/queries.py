"""Count the SQL statements a piece of work sends, for the tests that hold a page's query count constant."""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import event

from tracker.extensions import db


def count_statements(app, action: Callable[[], object], into: list[str] | None = None) -> int:
    """Return how many SQL statements ``action()`` sends to the database of ``app``; ``into``, when given, receives
    their texts."""
    statements = into if into is not None else []
    with app.app_context():
        engine = db.engine

    def record(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return len(statements)
