"""A model's lifecycle, derived from dated facts and the day a build stands for.

The catalog records what happened and when (``released``, deprecation ``announced``,
``shutdown``); the status a page shows is never typed by hand but follows from those dates:

* before a deprecation is announced: ``current``;
* from the announcement (or, without one, as soon as a shutdown date is known) until the
  day before the shutdown: ``deprecated``;
* from the shutdown day on: ``retired``.

A ``status`` an editor still types is checked against the dates of the build day.
"""

from collections.abc import Callable, Sequence
from datetime import date

from pydantic import Field, TypeAdapter
from pydantic.dataclasses import dataclass

from helpcenter.catalog.fields import SHAPE, Text, day, one_of, text

CURRENT, DEPRECATED, RETIRED = "current", "deprecated", "retired"
STATUSES = (CURRENT, DEPRECATED, RETIRED)
DATED_FACTS = ("released", "announced", "shutdown")
"""The lifecycle's dates; each one names its source in ``lifecycle.sources``."""
SOURCED = (*DATED_FACTS, "named_replacement")
"""The facts of a lifecycle that name their source in ``lifecycle.sources``."""


_TypedStatus = one_of(*STATUSES)
_Released = day("The day the provider released the model.")
_Announced = day("The day the provider announced the deprecation.")
_Shutdown = day("Announced shutdown date: from this day on, requests fail.")
_Replacement = text(
    description="id of the catalog model to move to; required once the model is deprecated."
)
_NamedReplacement = text(
    pattern=r"^[a-z0-9][a-z0-9.:-]*$",
    expected="expected a model's API name as OpenAI wrote it",
    description="The replacement OpenAI named when it announced the deprecation, as it wrote "
    "it (a model's API name, in the catalog or not); the site's current recommendation is "
    "'replacement'.",
)
_Fact = one_of(*SOURCED)


@dataclass(frozen=True, config=SHAPE)
class Lifecycle:
    """Dated facts; the status follows from them and the build day (current before the
    announcement, deprecated until the shutdown, retired from the shutdown day)."""

    typed_status: _TypedStatus | None = Field(default=None, alias="status")
    """Leave it out: it is derived from the dates. In models.json, the status on as_of. Typed
    in data/models.yml (checked, never used), it must agree with the dates on the build day."""
    released: _Released | None = None
    announced: _Announced | None = None
    shutdown: _Shutdown | None = None
    replacement: _Replacement | None = None
    named_replacement: _NamedReplacement | None = None
    sources: dict[_Fact, Text] = Field(
        default_factory=dict, json_schema_extra={"propertyNames": {"enum": list(SOURCED)}}
    )
    """Where each date (and the replacement OpenAI named) comes from: an address, and which
    notice when there are several."""

    def status_on(self, day: date) -> str:
        if self.shutdown is not None and day >= self.shutdown:
            return RETIRED
        if self.announced is not None:
            return DEPRECATED if day >= self.announced else CURRENT
        return DEPRECATED if self.shutdown is not None else CURRENT


def lifecycle_of(facts: dict) -> Lifecycle:
    """The ``lifecycle`` mapping of a catalog entry (dates as ``YYYY-MM-DD`` text)."""
    return TypeAdapter(Lifecycle).validate_python(facts)


def lifecycle_problems(
    model_id: str, lifecycle: Lifecycle, day: date, where: str | Callable[[Sequence], str]
) -> list[str]:
    """What contradicts the dates on ``day``: a typed status, a missing source or replacement.

    ``where`` names the file, or gives the file and line of a path below the lifecycle.
    """

    def field(*path: str) -> str:
        place = where if isinstance(where, str) else where(path)
        return f"{place}: model '{model_id}', field lifecycle.{'.'.join(path)}"

    problems = []
    derived = lifecycle.status_on(day)
    if lifecycle.typed_status is not None and lifecycle.typed_status != derived:
        problems.append(
            f"{field('status')} is '{lifecycle.typed_status}', but on {day.isoformat()} its dates "
            f"({_dates(lifecycle)}) make it '{derived}'; expected '{derived}', or no status: "
            "it follows from the dates"
        )
    for name in SOURCED:
        if getattr(lifecycle, name) is not None and not lifecycle.sources.get(name):
            what = (
                "the replacement OpenAI named"
                if name == "named_replacement"
                else (f"the {name} date")
            )
            problems.append(
                f"{field('sources', name)} is missing; expected where {what} comes from"
            )
    for name in lifecycle.sources:
        if getattr(lifecycle, name, None) is None:
            problems.append(
                f"{field('sources', name)} names the source of a date the entry does not have; "
                f"expected lifecycle.{name} or no source"
            )
    if lifecycle.released and lifecycle.shutdown and lifecycle.released > lifecycle.shutdown:
        problems.append(
            f"{field('released')} is {lifecycle.released.isoformat()}, after its shutdown "
            f"{lifecycle.shutdown.isoformat()}; expected a release before the shutdown"
        )
    if lifecycle.announced and lifecycle.shutdown and lifecycle.announced > lifecycle.shutdown:
        problems.append(
            f"{field('announced')} is {lifecycle.announced.isoformat()}, after its shutdown "
            f"{lifecycle.shutdown.isoformat()}; expected an announcement before the shutdown"
        )
    if derived != CURRENT and lifecycle.replacement is None:
        problems.append(
            f"{field('replacement')} is missing; expected the id of the current model to move to "
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
