"""The JSON API under /api/v1/ (CONTRACTS.md §6): bearer tokens only, the web pages' permissions."""
from flask import Blueprint

from ..extensions import csrf

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# Requests carry a bearer token, never a session cookie, so a cross-site form cannot act for a user:
# CSRF tokens are not needed here, and only here.
csrf.exempt(bp)

from . import routes  # noqa: E402,F401
