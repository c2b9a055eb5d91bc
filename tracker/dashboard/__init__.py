"""The home page of each role, the supervisor's dashboard (督办总览) and the bulletin (通报) pages."""
from flask import Blueprint

bp = Blueprint("dashboard", __name__)

from . import routes  # noqa: E402,F401
from . import published  # noqa: E402,F401
