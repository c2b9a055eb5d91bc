"""The plan import pages: upload or paste, check and correct the preview, confirm; re-import a revision."""
from flask import Blueprint

bp = Blueprint("imports", __name__)

from . import routes  # noqa: E402,F401
