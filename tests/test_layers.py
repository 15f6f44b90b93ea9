"""The package's floors: every import points down (or across one floor), never up.

The order is written here, lowest first; a module may import from its own floor or any
floor below it. README's architecture tables follow the same order.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support import ROOT

FLOORS = (
    # the ground: one-line problems, the build day, the escapers, locale formatting
    (
        "helpcenter.problems",
        "helpcenter.buildday",
        "helpcenter.escapes",
        "helpcenter.localized",
        "helpcenter.wordmatch",
    ),
    ("helpcenter.catalog",),
    ("helpcenter.site",),
    ("helpcenter.tools",),
    ("helpcenter.publish", "helpcenter.checks"),
    ("helpcenter.pages",),
    ("hooks",),
)

KNOWN_UP: set[tuple[str, str]] = set()
"""Arrows up that are still there, each to be removed (never to be added to)."""


def floor(module: str) -> int:
    if module == "helpcenter":
        return 0  # the package's own __init__, a docstring
    for number, names in enumerate(FLOORS):
        if any(module == name or module.startswith(name + ".") for name in names):
            return number
    raise AssertionError(f"{module} is on no floor: add it to FLOORS")


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted((ROOT / "helpcenter").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    for path in sorted((ROOT / "hooks").glob("*.py")):
        found[f"hooks.{path.stem}"] = path
    return found


def imported(path: Path) -> set[str]:
    """The helpcenter modules ``path`` imports, wherever in the file (functions too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "helpcenter":  # from helpcenter import pages
                names.update(f"helpcenter.{a.name}" for a in node.names)
            elif node.module.startswith("helpcenter."):
                names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("helpcenter"))
    return names


def upward(found: dict[str, Path]) -> list[str]:
    arrows = []
    for module, path in found.items():
        for target in sorted(imported(path)):
            if floor(target) > floor(module) and (module, target) not in KNOWN_UP:
                arrows.append(f"{module} imports {target}")
    return arrows


def test_every_import_points_down():
    assert upward(modules()) == []


def test_every_module_is_on_a_floor():
    for module in modules():
        floor(module)


def test_an_arrow_up_is_found(tmp_path):
    """The walk sees an import inside a function, and a module that imports from pages."""
    low = tmp_path / "product.py"
    low.write_text("def f():\n    from helpcenter.pages.markers import expand\n")
    assert upward({"helpcenter.catalog.product": low}) == [
        "helpcenter.catalog.product imports helpcenter.pages.markers"
    ]


def test_the_known_arrows_up_are_still_there():
    """An exception that no longer happens is removed from KNOWN_UP."""
    found = modules()
    for module, target in KNOWN_UP:
        assert target in imported(found[module]), (module, target)


@pytest.mark.parametrize("module", ["helpcenter.buildday", "helpcenter.escapes"])
def test_the_ground_imports_nothing_above_it(module):
    assert imported(modules()[module]) <= {"helpcenter.problems"}
