"""Freshness of the catalogs: prices, models and errors checked against OpenAI lately.

Every model of ``data/models.yml``, its ``billing`` section and every entry of
``data/errors.yml`` carry the date someone last checked them against their ``source``
(``verified:``). Older than 90 days is a warning; older than 120 days an error. Days are
counted from the build's day (``build_day``: today in UTC, or ``SOURCE_DATE_EPOCH`` when it is
set), the one clock of the build and the checks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from helpcenter.buildday import build_day
from helpcenter.checks import yamlnodes
from helpcenter.checks.problem import ERROR, WARNING, Problem, wanted

WARN_AFTER_DAYS = 90
FAIL_AFTER_DAYS = 120
CATALOGS = {
    "data/models.yml": (("billing", None), ("models", "id")),
    "data/errors.yml": (("errors", "slug"),),
}
"""For each catalog, its dated parts: a mapping (name ``None``) or a list and its entries' name."""
_WHAT = {"billing": "billing", "models": "model", "errors": "error"}


def check_freshness(
    root: Path, files: Iterable[str] | None = None, on: date | None = None
) -> list[Problem]:
    """Every ``verified`` date of the catalogs that is older than allowed on ``on`` (today)."""
    on = on or build_day()
    only = None if files is None else frozenset(files)
    problems = []
    for shown, parts in CATALOGS.items():
        if not wanted(shown, only):
            continue
        document, unreadable = yamlnodes.compose(root / shown, shown)
        problems += unreadable
        for key, name_field in parts:
            part = yamlnodes.get(document, key)
            entries = [part] if name_field is None else yamlnodes.items(part)
            for entry in entries:
                if entry is None:
                    continue
                name = (
                    key if name_field is None else yamlnodes.text(yamlnodes.get(entry, name_field))
                )
                label = _WHAT[key] if name_field is None else f"{_WHAT[key]} '{name}'"
                problem = _stale(shown, label, entry, on)
                if problem:
                    problems.append(problem)
    return problems


def _stale(shown: str, label: str, entry, on: date) -> Problem | None:
    verified = yamlnodes.get(entry, "verified")
    if verified is None:
        line = yamlnodes.line(entry)
        return Problem(shown, line, f"{label} has no 'verified:' date (YYYY-MM-DD)")
    line = yamlnodes.line(verified)
    written = yamlnodes.text(verified) or ""
    try:
        checked = date.fromisoformat(written)
    except ValueError:
        return Problem(shown, line, f"{label}: verified '{written}' is not a date (YYYY-MM-DD)")
    age = (on - checked).days
    if age <= WARN_AFTER_DAYS:
        return None
    source = yamlnodes.text(yamlnodes.get(entry, "source"))
    against = f" against {source}" if source else ""
    limit, severity = (
        (FAIL_AFTER_DAYS, ERROR) if age > FAIL_AFTER_DAYS else (WARN_AFTER_DAYS, WARNING)
    )
    return Problem(
        shown,
        line,
        f"{label} verified {checked.isoformat()}, {age} days ago (more than {limit}): "
        f"check it{against} and set verified to the day you did",
        severity,
    )
