"""Sign in and out (Flask-Login), sessions, password changes."""
from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import routes, sessions  # noqa: E402,F401
