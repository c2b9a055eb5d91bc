"""One paginator for every paged list: Flask-SQLAlchemy's ``Pagination`` (``db.paginate``).

``paginate(select, page, per_page)``: a page of a SELECT, cut in SQL by ``db.paginate``.
``paginate_list(items, page, per_page)``: a page of a list already in memory (a plan's lines in
document order, the dashboard's facts when a light filter needs every task's light first), as
the same ``Pagination`` class, so views and templates read ``page``, ``pages``, ``total``,
``items``, ``has_next`` the same way whatever the source. Pages of the web pages clamp ``page`` to
1..last page (a stale link to page 99 of a list that shrank shows the last page, not an empty one or
a 404); ``clamp=False`` (the dashboard list and the API) gives an empty page past the end instead.
"""
from __future__ import annotations

from typing import Any, Sequence

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select

from .extensions import db


def _last_page(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def paginate(query: Select, page: int, per_page: int, clamp: bool = True) -> Pagination:
    """Return page ``page`` (from 1; clamped to the last page unless ``clamp`` is False) of ``query``,
    ``per_page`` rows a page.

    ``query``: a SELECT with its ORDER BY; items are its first column (``db.paginate`` semantics:
    ORM entities for ``select(Task)``, ids for ``select(Task.id)``). Two queries (rows, count),
    three when ``page`` is past the end.
    """
    found = db.paginate(query, page=max(1, page), per_page=per_page, max_per_page=None, error_out=False)
    last = _last_page(found.total or 0, per_page)
    if clamp and found.page > last:
        found = db.paginate(query, page=last, per_page=per_page, max_per_page=None, error_out=False)
    return found


class ListPagination(Pagination):
    """Flask-SQLAlchemy's Pagination over a list in memory (``items=`` the whole list)."""

    def _query_items(self) -> list[Any]:
        items = self._query_args["items"]
        return list(items[self._query_offset:self._query_offset + self.per_page])

    def _query_count(self) -> int:
        return len(self._query_args["items"])


def paginate_list(items: Sequence[Any], page: int, per_page: int, clamp: bool = True) -> Pagination:
    """Return page ``page`` (from 1; clamped to the last page unless ``clamp`` is False) of ``items``,
    ``per_page`` a page."""
    page = max(1, page)
    if clamp:
        page = min(page, _last_page(len(items), per_page))
    return ListPagination(page=page, per_page=per_page, max_per_page=None, error_out=False, items=items)
