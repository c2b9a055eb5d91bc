"""Admin pages: user accounts (admin) and the unit registry (admin, supervisor)."""
from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from . import routes  # noqa: E402,F401
