"""The tracker: follow the implementation of policy plans (see README.md).

``create_app`` builds the Flask application in small ``configure_*`` steps; the web part (``configure_web``:
pages, templates, error pages, security headers) is built when first needed where Flask's command line
loads the app only to run one of its commands (application.py).
"""
from __future__ import annotations

from typing import Any

from flask import Flask

from .application import pause_collector_while_loading

pause_collector_while_loading()  # a one-command process: no collections while loading (until create_app's end)

import config as environment  # noqa: E402  (not ``settings``: tracker.settings is the typed Settings object)

from .database import MIGRATIONS_DIR  # noqa: F401,E402  (its old home: `from tracker import MIGRATIONS_DIR` keeps working)
from .extensions import db, login_manager  # noqa: E402


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Return a configured app; ``test_config`` overrides settings (tests, scripts).

    Defaults: the embedded SQLite database and the generated secret key, both in
    ``instance/`` (see config.py); ``DATABASE_URL`` and ``SECRET_KEY`` override them.
    The web part (``configure_web``) is built at once, except when Flask's command line loads the app
    to find a command (``flask --app tracker export-ledger …``): then before the first request or URL
    (application.py; issue 19: a command loads only what it uses).
    """
    from .application import TrackerFlask, loaded_to_find_a_command, resume_collector

    try:
        folder = environment.instance_dir()
        app = TrackerFlask(__name__, instance_path=str(folder.resolve()), instance_relative_config=True)
        configure_numbers(app)
        app.config.from_object(environment.Config)
        app.config["SQLALCHEMY_DATABASE_URI"] = environment.default_database_url(folder)
        if environment.is_production():
            app.config.update(environment.production_settings())
        if test_config:
            app.config.update(test_config)
        if not app.config.get("SECRET_KEY"):
            app.config["SECRET_KEY"] = environment.load_or_create_secret_key(folder)
        configure_proxy(app)
        configure_extensions(app)
        configure_logging(app)
        configure_templates(app)
        if loaded_to_find_a_command():  # this process runs one command of the command line
            app.defer_web(configure_web)
            from .cli import end_process_quickly

            end_process_quickly(app)
        else:
            configure_web(app)
        configure_cli(app)
        return app
    finally:
        resume_collector()  # a one-command process: the collector paused while loading runs again


def configure_web(app: Flask) -> None:
    """Add what serving pages needs: CSRF protection, the blueprints, the error pages and the security
    headers."""
    from .extensions import csrf

    csrf.init_app(app)
    configure_blueprints(app)
    configure_errors(app)
    configure_security(app)


def configure_numbers(app: Flask) -> None:
    """Bound ``<int:…>`` route ids to 64 bits and refuse JSON nested too deep (tracker/ids.py);
    must run before any route is added."""
    from .ids import BoundedJSONProvider, IdConverter

    app.url_map.converters["int"] = IdConverter
    app.json = BoundedJSONProvider(app)


def configure_proxy(app: Flask) -> None:
    """Trust ``PROXY_HOPS`` reverse proxies' X-Forwarded-* headers (werkzeug ProxyFix); none by default."""
    hops = int(app.config.get("PROXY_HOPS", 0))
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_prefix=hops)


def configure_extensions(app: Flask) -> None:
    """Attach the database, migrations and login to ``app`` (CSRF protection: configure_web)."""
    from . import models  # noqa: F401  (register the tables before migrations look at them)
    from .database import commit_read_only_requests, configure_sqlite, defer_migrations

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        # Fail a request after 5 s when the database server cannot be reached, instead of hanging.
        options = dict(app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {}))
        options["connect_args"] = {"connect_timeout": 5, **options.get("connect_args", {})}
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = options
    db.init_app(app)
    defer_migrations(app)
    login_manager.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine)
        commit_read_only_requests(app)


def configure_blueprints(app: Flask) -> None:
    """Register the pages."""
    from .api import bp as api_bp
    from .admin import bp as admin_bp
    from .auth import bp as auth_bp
    from .dashboard import bp as dashboard_bp
    from .health import bp as health_bp
    from .imports import bp as imports_bp
    from .ledger_imports import bp as ledger_imports_bp
    from .plans import bp as plans_bp
    from .supervision import bp as supervision_bp
    from .indicator_pages import bp as indicators_bp
    from .tasks import bp as tasks_bp

    app.register_blueprint(admin_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(health_bp)
    app.register_blueprint(imports_bp)
    app.register_blueprint(ledger_imports_bp)
    app.register_blueprint(plans_bp)
    app.register_blueprint(tasks_bp)
    app.register_blueprint(dashboard_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(supervision_bp)
    app.register_blueprint(indicators_bp)


def configure_templates(app: Flask) -> None:
    """Add the template filters (Beijing time, Chinese dates) and globals."""
    from .templating import register

    register(app)


def configure_errors(app: Flask) -> None:
    """Show Chinese error pages; roll back the session after an unexpected error."""
    from .errors import register

    register(app)


def configure_logging(app: Flask) -> None:
    """Send the tracker's log lines to stderr (security.configure_logging), for the commands too."""
    from .security import configure_logging as configure

    configure(app)


def configure_security(app: Flask) -> None:
    """Send the security headers (CSP, nosniff, no-store for signed-in users), cache versioned static files,
    and give memory back after a large upload (memory.py)."""
    from . import memory, static_assets
    from .security import register

    register(app)
    static_assets.register(app)
    memory.register(app)


def configure_cli(app: Flask) -> None:
    """Add the command-line interface of CONTRACTS.md."""
    from .cli import register

    register(app)
