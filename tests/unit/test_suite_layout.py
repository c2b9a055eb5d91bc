"""The test suite's own rules (README, Tests): test modules live in their tier and never import each other.

Shared code goes to tests/helpers, fixtures to a conftest.py; a test module that imports another one
runs that module's tests' imports (and, with pytest-xdist, its module state) in a second copy.
"""
from __future__ import annotations

import ast

from tests.helpers.paths import ROOT

TESTS = ROOT / "tests"


def imported_modules(path) -> set[str]:
    """Every module named by an import statement of the file at ``path`` (top level or inside functions)."""
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def is_test_module(name: str) -> bool:
    return name.startswith("tests.") and (name.rsplit(".", 1)[-1].startswith("test_")
                                          or name.rsplit(".", 1)[-1] == "conftest")


def test_suite_no_module_imports_a_test_module_or_a_conftest():
    wrong = {str(path.relative_to(TESTS)): sorted(name for name in imported_modules(path) if is_test_module(name))
             for path in sorted(TESTS.rglob("*.py"))}
    wrong = {path: names for path, names in wrong.items() if names}
    assert not wrong, (f"test code importing test modules: {wrong}; move what they need into tests/helpers "
                       "(fixtures into a conftest.py) and import it from there.")


def test_suite_every_test_module_is_in_a_tier_folder():
    outside = sorted(str(p.relative_to(TESTS)) for p in TESTS.rglob("test_*.py")
                     if p.relative_to(TESTS).parts[0] not in ("unit", "web", "system"))
    assert not outside, f"test modules outside tests/unit, tests/web, tests/system: {outside}"
