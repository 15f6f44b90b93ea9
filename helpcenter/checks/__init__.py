"""The checks a pull request must pass besides the tests, as plain functions.

Each check takes the project's root folder (and optionally the project-relative files a
run is limited to) and returns a list of ``Problem``: file, line, message, severity.
``python -m helpcenter.checks [names…]`` runs them (see ``__main__``).
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
