"""A task's page with its progress history and report form; a liaison's own tasks."""
from flask import Blueprint

bp = Blueprint("tasks", __name__)

from . import routes  # noqa: E402,F401
