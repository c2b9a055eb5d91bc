"""Ledger import pages: upload, preview with column mapping, confirm, result, list and revert."""
from flask import Blueprint

bp = Blueprint("ledger_imports", __name__, url_prefix="/imports")

from . import routes  # noqa: E402,F401
