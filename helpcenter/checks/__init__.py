"""The checks a pull request must pass besides the tests, as plain functions.

Each check takes the project's root folder (and optionally the project-relative files a
run is limited to) and returns a list of ``Problem``: file, line, message, severity.
``python -m helpcenter.checks [names…]`` runs them (see ``__main__``).

Each idea is checked in one place. What the build can check, it checks, and nothing here
repeats it: links between pages and their anchors (``validation`` in mkdocs.yml, which
``--strict`` turns into failures), every page existing in every language
(``hooks/languages.py``), the catalogs' fields and the pages their texts link to (the
loaders of ``helpcenter.catalog``, naming entry and field). What only a pull request needs
is here: the shape of each page against its twins (``parity``), spelling, secrets and broken
characters (``scan``), freshness, and the cross-check with another source of prices.
Tests test these owners with planted problems; they do not check the same thing again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from helpcenter.checks.crosscheck import check_crosscheck
from helpcenter.checks.freshness import check_freshness
from helpcenter.checks.parity import check_parity
from helpcenter.checks.problem import ERROR, WARNING, Problem
from helpcenter.checks.scan import check_scan
from helpcenter.checks.spelling import check_spelling

Check = Callable[..., list[Problem]]

CHECKS: dict[str, tuple[Check, str]] = {
    "spelling": (
        check_spelling,
        "spelling of pages and catalog texts in every language (pyspelling)",
    ),
    "parity": (check_parity, "each page and its twin: headings, admonitions, tables, links…"),
    "scan": (check_scan, "key-like strings and double-encoded text in docs/ and data/"),
    "freshness": (check_freshness, "catalog entries verified more than 90 / 120 days ago"),
    "crosscheck": (
        check_crosscheck,
        "catalog prices, context windows and shutdowns against the genai-prices package",
    ),
}

__all__ = ["CHECKS", "ERROR", "WARNING", "Problem", "run_checks"]


def run_checks(
    names: Iterable[str], root: Path, files: Iterable[str] | None = None
) -> dict[str, list[Problem]]:
    """The problems each named check finds under ``root``."""
    return {name: CHECKS[name][0](root, files) for name in names}
