"""A model's lifecycle, derived from dated facts and the day a build stands for.

The catalog records what happened and when (``released``, deprecation ``announced``,
``shutdown``); the status a page shows is never typed by hand but follows from those dates:

* before a deprecation is announced: ``current``;
* from the announcement (or, without one, as soon as a shutdown date is known) until the
  day before the shutdown: ``deprecated``;
* from the shutdown day on: ``retired``.

A ``status`` an editor still types is checked against the dates of the build day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

CURRENT, DEPRECATED, RETIRED = "current", "deprecated", "retired"
STATUSES = (CURRENT, DEPRECATED, RETIRED)
DATED_FACTS = ("released", "announced", "shutdown")
"""The lifecycle's dates; each one names its source in ``lifecycle.sources``."""


@dataclass(frozen=True)
class Lifecycle:
    released: date | None = None
    announced: date | None = None
    shutdown: date | None = None
    replacement: str | None = None
    typed_status: str | None = None
    """The ``status`` an editor typed, if any: checked, never used."""
    sources: dict[str, str] = field(default_factory=dict)

    def status_on(self, day: date) -> str:
        if self.shutdown is not None and day >= self.shutdown:
            return RETIRED
        if self.announced is not None:
            return DEPRECATED if day >= self.announced else CURRENT
        return DEPRECATED if self.shutdown is not None else CURRENT


def lifecycle_of(facts: dict) -> Lifecycle:
    """The ``lifecycle`` mapping of a catalog entry (dates as ``YYYY-MM-DD`` text)."""

    def day(name: str) -> date | None:
        return date.fromisoformat(facts[name]) if facts.get(name) else None

    return Lifecycle(
        released=day("released"),
        announced=day("announced"),
        shutdown=day("shutdown"),
        replacement=facts.get("replacement"),
        typed_status=facts.get("status"),
        sources=dict(facts.get("sources") or {}),
    )


def lifecycle_problems(model_id: str, lifecycle: Lifecycle, day: date, shown_as: str) -> list[str]:
    """What contradicts the dates on ``day``: a typed status, a missing source or replacement."""
    where = f"{shown_as}: model '{model_id}', field lifecycle"
    problems = []
    derived = lifecycle.status_on(day)
    if lifecycle.typed_status is not None and lifecycle.typed_status != derived:
        problems.append(
            f"{where}.status is '{lifecycle.typed_status}', but on {day.isoformat()} its dates "
            f"({_dates(lifecycle)}) make it '{derived}'; expected '{derived}', or no status: "
            "it follows from the dates"
        )
    for name in DATED_FACTS:
        if getattr(lifecycle, name) is not None and not lifecycle.sources.get(name):
            problems.append(
                f"{where}.sources.{name} is missing; expected where the {name} date comes from"
            )
    for name in lifecycle.sources:
        if getattr(lifecycle, name, None) is None:
            problems.append(
                f"{where}.sources.{name} names the source of a date the entry does not have; "
                f"expected lifecycle.{name} or no source"
            )
    if lifecycle.released and lifecycle.shutdown and lifecycle.released > lifecycle.shutdown:
        problems.append(
            f"{where}.released is {lifecycle.released.isoformat()}, after its shutdown "
            f"{lifecycle.shutdown.isoformat()}; expected a release before the shutdown"
        )
    if lifecycle.announced and lifecycle.shutdown and lifecycle.announced > lifecycle.shutdown:
        problems.append(
            f"{where}.announced is {lifecycle.announced.isoformat()}, after its shutdown "
            f"{lifecycle.shutdown.isoformat()}; expected an announcement before the shutdown"
        )
    if derived != CURRENT and lifecycle.replacement is None:
        problems.append(
            f"{where}.replacement is missing; expected the id of the current model to move to "
            f"(the model is {derived} on {day.isoformat()})"
        )
    return problems


def _dates(lifecycle: Lifecycle) -> str:
    shown = [
        f"{name} {getattr(lifecycle, name).isoformat()}"
        for name in ("announced", "shutdown")
        if getattr(lifecycle, name) is not None
    ]
    return ", ".join(shown) or "no deprecation or shutdown date"
