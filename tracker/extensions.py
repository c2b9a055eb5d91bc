"""Flask extensions, created once here and attached to the app in ``create_app``."""
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints, so that Alembic migrations can alter them on every database
# (SQLite batch mode and PostgreSQL alike).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base carrying the constraint naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


# The ORM; every model derives from db.Model.
db = SQLAlchemy(model_class=Base)
# Schema changes, only through migrations kept in tracker/migrations.
# Session login of users (the web pages).
login_manager = LoginManager()


def __getattr__(name: str):
    """``csrf``, the CSRF protection of every form and POST (Flask-WTF ``CSRFProtect``), made on first use
    (PEP 562): the web part uses it (create_app's configure_web, the API's exemption), while a command of
    the command line that serves no page does not import Flask-WTF and WTForms (issue 19)."""
    if name != "csrf":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from flask_wtf.csrf import CSRFProtect

    globals()["csrf"] = protect = CSRFProtect()
    return protect
