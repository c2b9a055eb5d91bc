"""Row ids and numbers read from a URL, a query string or a form: at most 2^31 − 1.

The models' ids and versions are ``Integer`` columns: 64-bit on SQLite, but 32-bit INTEGER on
PostgreSQL. Python's int is unbounded, so ``/tasks/99999999999999999999999`` or
``?plan=1e30-in-digits`` reached the driver and failed there with OverflowError: a 500 (issue 14
item 10, SECURITY-TESTS H6); on PostgreSQL anything past 2^31 − 1 failed the same way
("integer out of range", found by Schemathesis with ``?unit=324331149773943424``). Every
number from the outside goes through here: a route's ``<int:…>`` (IdConverter, registered as
Flask's "int" converter) does not match past MAX_ID, so the answer is 404; a filter or form
value past it is "not a number" to its reader (parse_id).
"""
from __future__ import annotations

import json
import re

from flask.json.provider import DefaultJSONProvider
from werkzeug.routing import IntegerConverter

#: The largest id or number accepted from a request: PostgreSQL's INTEGER (the smaller of the two databases).
MAX_ID = 2**31 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(text: object) -> int | None:
    """``text`` (a str, or anything whose str() is digits) as an int in 0..MAX_ID, or None when it
    is not plain ASCII digits (a sign, spaces inside, "²", "１") or is larger."""
    text = str(text).strip() if text is not None else ""
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if number <= MAX_ID else None


class IdConverter(IntegerConverter):
    """Flask's ``<int:…>`` bounded to MAX_ID: a larger number does not match the route (404)."""

    def __init__(self, map, *args, **kwargs) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


class BoundedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, with a body nested too deep for the parser (RecursionError: 100,000 "[")
    treated as invalid JSON, so ``request.get_json`` answers 400 (or None when silent), not 500."""

    def loads(self, s, **kwargs):
        """``json.loads`` of ``s``; ValueError (invalid JSON, so 400) for a body nested too deep for the parser."""
        try:
            return json.loads(s, **kwargs)
        except RecursionError:
            raise ValueError("JSON nested too deep") from None
