"""Modules imported on first use, for views whose libraries are slow to import.

``flask --help`` and every worker build the whole app, so every blueprint's module is imported at
start; a view that reads .xlsx or .docx files would pull openpyxl, python-docx and lxml into every
process though most never serve it. ``LazyModule("tracker.services.ledger.importing")`` stands for the
module and imports it the first time one of its attributes is read (also in an ``except`` clause, which
is evaluated only when an exception reaches it). Python caches the import, so later reads cost one
dictionary look-up.
"""
from __future__ import annotations

import importlib
from types import ModuleType


class LazyModule:
    """A module by its dotted ``name``, imported when one of its attributes is first read."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str):
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)

    def __repr__(self) -> str:
        return f"<LazyModule {self._name}{' (imported)' if self._module else ''}>"
