"""The 指标监测 pages: indicators list, template download, table import with preview, ranking, figure entry."""
from flask import Blueprint

bp = Blueprint("indicators", __name__, url_prefix="/indicators")

from . import routes  # noqa: E402,F401
