"""The supervising office's pages: reminders (催办) and their print form, missing reports, plan settings."""
from flask import Blueprint

bp = Blueprint("supervision", __name__)

from . import inbox, routes  # noqa: E402,F401
