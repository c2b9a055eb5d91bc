"""Database set-up that is not a model: SQLite connection settings, upgrades."""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import click
from flask import Flask, current_app
from sqlalchemy import event
from sqlalchemy.engine import Engine

from .extensions import db

# Set by begin_write(): the next SQLite transaction takes the write lock at once.
_immediate: ContextVar[bool] = ContextVar("tracker_sqlite_immediate", default=False)
# Set when the current transaction sent a statement that may write (see READ_ONLY_STATEMENT); cleared at its end.
_wrote: ContextVar[bool] = ContextVar("tracker_transaction_wrote", default=False)

#: A statement that writes nothing: reads, settings and a transaction's own statements. Not SQLite's
#: BEGIN IMMEDIATE (a write use case begins so: ``begin_write``) nor a WITH that inserts, updates or deletes.
#: The warm-up refuses anything else (warmup.ReadOnly); a request whose transaction sent only these ends
#: with a commit (``commit_read_only_requests``).
READ_ONLY_STATEMENT = re.compile(r"^\s*(SELECT|PRAGMA|SHOW|SET|BEGIN\s*$|COMMIT|ROLLBACK|SAVEPOINT|RELEASE"
                                 r"|WITH(?![\s\S]*\b(INSERT|UPDATE|DELETE)\b))\b", re.IGNORECASE)


def configure_sqlite(engine: Engine) -> None:
    """Turn on foreign keys, WAL and a 5 s busy timeout on every SQLite connection.

    Transactions are begun by SQLAlchemy, not by the sqlite3 driver, so that a write
    use case can begin with BEGIN IMMEDIATE (see ``begin_write``). Other databases are
    left as they are. (SECURITY-TESTS.md F5; the recipe is SQLAlchemy's "pysqlite
    serializable" one.)
    """
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # pragma: no cover - exercised by every test
        dbapi_connection.isolation_level = None  # the driver emits no BEGIN of its own
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # pragma: no cover - exercised by every test
        if _immediate.get():
            _immediate.set(False)
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


def commit_read_only_requests(app: Flask) -> None:
    """End each app context (a request, a command) whose transaction only read with COMMIT, not ROLLBACK.

    Flask-SQLAlchemy closes the session after every request, which rolls its transaction back. On
    PostgreSQL, psycopg forgets (and DEALLOCATEs) every statement it has prepared on a connection when
    that connection rolls back (psycopg/_connection_base.py ``_rollback_gen``: ``self._prepared.clear()``),
    so every request planned every statement afresh — about 40 % of the dashboard's server time under
    write load (docs/benchmarks.md items 22–24). A commit keeps them. It changes nothing else: the
    transaction sent only ``READ_ONLY_STATEMENT``s (watched on the engine, cleared at each commit and
    rollback) and the session holds no pending change. Otherwise — an exception, a statement that may
    have written, an object added but not flushed, a session that must roll back — the session is left
    to Flask-SQLAlchemy's rollback as before, so nothing half-done is ever committed here. The commit
    expires nothing: objects read in the context stay readable after it, as after the rollback.
    Registered after ``db.init_app``: Flask runs teardown functions last-registered first.
    """
    engine = db.engine

    @event.listens_for(engine, "before_cursor_execute")
    def _note_write(_conn, _cursor, statement, _parameters, _context, _executemany):  # pragma: no cover - every test
        if not _wrote.get() and not READ_ONLY_STATEMENT.match(statement):
            _wrote.set(True)

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _transaction_ended(_conn):  # pragma: no cover - every test
        _wrote.set(False)

    @app.teardown_appcontext
    def _commit_if_read_only(error: BaseException | None) -> None:
        if error is not None or _wrote.get() or not db.session.registry.has():
            return
        session = db.session()
        if not session.in_transaction() or session.new or session.dirty or session.deleted:
            return
        expire, session.expire_on_commit = session.expire_on_commit, False  # what was read stays readable
        try:
            session.commit()
        except Exception:  # noqa: BLE001 - e.g. a transaction PostgreSQL has aborted: the rollback that follows ends it
            return
        finally:
            session.expire_on_commit = expire


def begin_write() -> None:
    """Start the transaction of a write use case, before it reads what it will change.

    Ends the read transaction the request may hold (nothing may be pending) so that the
    use case reads and writes in one new transaction; on SQLite that transaction begins
    IMMEDIATE, taking the write lock first, so two writers wait for each other (busy
    timeout) instead of failing on a stale snapshot. On PostgreSQL it is a plain BEGIN.
    """
    db.session.commit()
    if db.engine.dialect.name == "sqlite":
        _immediate.set(True)
        db.session.connection()  # begin now, so the flag never outlives this call


@contextmanager
def write_transaction() -> Iterator[None]:
    """Run the block as one write transaction: ``begin_write()``, commit at its end, roll back on any exception.

    For a use case that reads, checks and writes: ``with write_transaction(): ...``. The block's
    reads and writes happen in one transaction, BEGIN IMMEDIATE on SQLite (see ``begin_write``).
    Leaving the block normally commits (a block that wrote nothing commits nothing); an exception
    — a refusal (InvalidInput, PermissionDenied) or a database error — rolls everything back and
    propagates, so nothing is half-written.
    """
    begin_write()
    try:
        yield
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise


def upgrade_database() -> None:
    """Create or upgrade the schema to the newest migration (inside an app context).

    Quiet: Alembic's INFO lines ("Running upgrade …", in English) are not printed, so a first start
    shows the Chinese account list alone; its warnings and errors still reach stderr, and a failed
    migration raises (alembic.util.CommandError, or the database's error). ``flask db upgrade`` keeps
    Alembic's full log (migrations/env.py reads ``config.attributes["quiet"]``).
    """
    from alembic import command

    migrate = current_app.extensions["migrate"]
    config = migrate.migrate.get_config(migrate.directory)
    config.attributes["quiet"] = True
    command.upgrade(config, "head")


MIGRATIONS_DIR = str(Path(__file__).with_name("migrations"))


def attach_migrations(app: Flask) -> object:
    """Attach Flask-Migrate (Alembic) to ``app`` and return ``app.extensions["migrate"]``.

    Alembic and Flask-Migrate take about as long to import as Flask and SQLAlchemy together, and only
    ``flask db …``, ``init-db`` and the tests that migrate need them: ``defer_migrations`` puts a
    stand-in in their place that calls this on first use. Idempotent.
    """
    config = app.extensions.get("migrate")
    if config is not None and not isinstance(config, _DeferredMigrate):
        return config
    from flask_migrate import Migrate

    Migrate().init_app(app, db, directory=MIGRATIONS_DIR, render_as_batch=True)
    return app.extensions["migrate"]


class _DeferredMigrate:
    """``app.extensions["migrate"]`` until Alembic is needed: any attribute read (``directory``, ``db``,
    ``configure_args`` …) attaches the real one (``attach_migrations``) and answers from it."""

    def __init__(self, app: Flask) -> None:
        self._app = app

    def __getattr__(self, name: str):
        return getattr(attach_migrations(self._app), name)


class _DeferredCommandGroup(click.Group):
    """The ``flask db`` group of Flask-Migrate, imported when it is used rather than when the CLI starts
    (``flask --help`` lists it under the same name and help)."""

    def _real(self, ctx: click.Context | None = None) -> click.Group:
        from flask.cli import ScriptInfo

        info = (ctx or click.get_current_context()).ensure_object(ScriptInfo)
        app = info.load_app()
        attach_migrations(app)
        from flask_migrate.cli import db as real

        return real

    def list_commands(self, ctx: click.Context) -> list[str]:
        return self._real(ctx).list_commands(ctx)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        return self._real(ctx).get_command(ctx, name)


def _db_group_callback(directory: str | None, x_arg: tuple[str, ...]) -> None:
    """What Flask-Migrate's own ``db`` group does before a subcommand (flask_migrate/cli.py)."""
    from flask import g

    g.directory = directory
    g.x_arg = x_arg  # read by Migrate.get_config()


def defer_migrations(app: Flask) -> None:
    """Give ``app`` the ``flask db`` commands and ``app.extensions["migrate"]`` without importing Alembic yet."""
    from flask.cli import with_appcontext

    app.extensions["migrate"] = _DeferredMigrate(app)
    app.cli.add_command(_DeferredCommandGroup(
        "db", help="Perform database migrations.", callback=with_appcontext(_db_group_callback), params=[
            click.Option(["-d", "--directory"], default=None,
                         help='Migration script directory (default is "migrations")'),
            click.Option(["-x", "--x-arg"], multiple=True,
                         help="Additional arguments consumed by custom env.py scripts")]))
