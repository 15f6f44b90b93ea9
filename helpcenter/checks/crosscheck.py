"""An independent cross-check of the model catalog against the data bundled in ``genai-prices``.

Every model's standard prices (input, cached input, output, cache write), context window,
release and shutdown are compared with what the pinned ``genai-prices`` package (a
development dependency, never imported by the site build) bundles for OpenAI on the day of
the check. Each difference is
one line: model, field, ours, theirs.

The guards follow what maintained price projects do when their sources move:

* a model the package does not know is only a warning: missing there is not a removal;
* a difference of more than 10x, a price that crosses zero (free on one side only) or a
  context window the package gives as smaller than ours is flagged louder;
* a disagreement already looked into is recorded in the catalog, in the model's
  ``known_differences`` (field, their value, why), and then passes; a record whose
  difference has gone away is a warning, so that stale records get removed.

The package has no shutdown dates, only a flag for models deprecated but still working:
``shutdown`` compares "a shutdown is known" (ours, with the date) with that flag. It has no
release field either; its notes on a model may say "Released YYYY-MM-DD", which ``released``
compares with ours. A field one side has and the other lacks (a cache-write price, a release
date) is a difference like any other, with ``none`` for the side that lacks it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path

from helpcenter.buildday import build_day
from helpcenter.catalog.models import CATALOG, Model, load_catalog
from helpcenter.checks import yamlnodes
from helpcenter.checks.problem import ERROR, WARNING, Problem, wanted
from helpcenter.problems import ContentError

SHOWN = f"data/{CATALOG}"
PACKAGE = "genai-prices"
PRICE_FIELDS = {
    "pricing.input": "input",
    "pricing.cached_input": "cached_input",
    "pricing.output": "output",
    "pricing.cache_write": "cache_write",
}
FIELDS = (*PRICE_FIELDS, "context_window", "released", "shutdown")
LOUD_RATIO = 10
NONE = "none"
DEPRECATED = "deprecated"


@dataclass(frozen=True)
class Reference:
    """What the package says of one model, in the catalog's units (US$ per 1M tokens)."""

    their_id: str
    input: Decimal | None
    cached_input: Decimal | None
    output: Decimal | None
    context_window: int | None
    deprecated: bool
    cache_write: Decimal | None = None
    released: date | None = None
    """The release date the package's notes give ('Released YYYY-MM-DD'), if any."""


@dataclass(frozen=True)
class Difference:
    model: str
    field: str
    ours: object
    theirs: object
    loud: str | None = None
    """Why the difference is flagged louder, or ``None``."""

    def line(self, source: str) -> str:
        text = (
            f"{self.model}: {self.field}: ours {_shown(self.ours)}, theirs {_shown(self.theirs)} "
            f"({source})"
        )
        return f"{text}: {self.loud.upper()}, check this first" if self.loud else text


def compare(model: Model, reference: Reference) -> list[Difference]:
    """Every field where the catalog's ``model`` and the package's ``reference`` differ."""
    differences = []
    for field, name in PRICE_FIELDS.items():
        ours, theirs = getattr(model.pricing, name), getattr(reference, name)
        if ours != theirs:
            differences.append(
                Difference(model.id, field, ours, theirs, _price_alarm(ours, theirs))
            )
    if reference.context_window is not None and reference.context_window != model.context_window:
        shrinks = reference.context_window < model.context_window
        differences.append(
            Difference(
                model.id,
                "context_window",
                model.context_window,
                reference.context_window,
                "their limit is smaller than ours" if shrinks else None,
            )
        )
    released = model.lifecycle.released
    if released is not None and released != reference.released:
        theirs_released = reference.released.isoformat() if reference.released else NONE
        differences.append(Difference(model.id, "released", released.isoformat(), theirs_released))
    ours_shutdown = model.shutdown.isoformat() if model.shutdown else NONE
    theirs_shutdown = DEPRECATED if reference.deprecated else NONE
    if (model.shutdown is not None) != reference.deprecated:
        differences.append(Difference(model.id, "shutdown", ours_shutdown, theirs_shutdown))
    return differences


def _price_alarm(ours: Decimal | None, theirs: Decimal | None) -> str | None:
    if ours is None or theirs is None:
        return None
    if (ours == 0) != (theirs == 0):
        return "a price crosses zero"
    if ours and theirs and max(ours, theirs) > LOUD_RATIO * min(ours, theirs):
        return f"over {LOUD_RATIO}x apart"
    return None


def cross_check(
    models: Iterable[Model],
    references: Mapping[str, Reference | None],
    known: Mapping[str, Mapping[str, object]],
    source: str,
) -> list[tuple[str, str, str]]:
    """``(model id, severity, message)`` for each unexplained difference, each model the
    package lacks, and each recorded difference that is no longer one."""
    found = []
    for model in models:
        reference = references.get(model.id)
        recorded = dict(known.get(model.id, {}))
        if reference is None:
            found.append(
                (
                    model.id,
                    WARNING,
                    f"{model.id}: not in {source}; nothing compared (a model missing there "
                    "is not a removal)",
                )
            )
            continue
        for difference in compare(model, reference):
            if difference.field in recorded and _same(
                recorded[difference.field], difference.theirs
            ):
                del recorded[difference.field]
                continue
            found.append((model.id, ERROR, difference.line(source)))
        for field, theirs in recorded.items():
            found.append(
                (
                    model.id,
                    WARNING,
                    f"{model.id}: known_differences records {field} (theirs {_shown(theirs)}), "
                    f"but {source} no longer differs that way; remove or update the record",
                )
            )
    return found


def _same(recorded: object, theirs: object) -> bool:
    if isinstance(theirs, Decimal | int) and not isinstance(theirs, bool):
        try:
            return Decimal(str(recorded)) == Decimal(theirs)
        except ArithmeticError:
            return False
    return str(recorded if recorded is not None else NONE) == str(theirs)


def _shown(value: object) -> str:
    if value is None:
        return NONE
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


# Reading the package.


def genai_prices_references(model_ids: Iterable[str], day: date) -> tuple[dict, str]:
    """What ``genai-prices`` bundles for each OpenAI model id, priced as of ``day``; and the
    package's name and version, for messages."""
    from genai_prices import __version__
    from genai_prices.data_snapshot import find_provider_by_id, get_snapshot

    provider = find_provider_by_id(get_snapshot().providers, "openai")
    moment = datetime.combine(day, time(12), tzinfo=UTC)
    references = {}
    for model_id in model_ids:
        info = provider.find_model(model_id) if provider else None
        if info is None:
            references[model_id] = None
            continue
        prices = info.get_prices(moment)
        references[model_id] = Reference(
            their_id=info.id,
            input=_base(getattr(prices, "input_mtok", None)),
            cached_input=_base(getattr(prices, "cache_read_mtok", None)),
            output=_base(getattr(prices, "output_mtok", None)),
            context_window=info.context_window,
            deprecated=bool(info.deprecated),
            cache_write=_base(getattr(prices, "cache_write_mtok", None)),
            released=_released(info.price_comments),
        )
    return references, f"{PACKAGE} {__version__}"


def _released(comments: str | None) -> date | None:
    """The release date the package's notes on a model give, if they give one."""
    found = re.search(r"\bReleased (\d{4}-\d{2}-\d{2})\b", comments or "")
    return date.fromisoformat(found.group(1)) if found else None


def _base(price) -> Decimal | None:
    """The standard (short-context) rate: a tiered price's base."""
    if price is None:
        return None
    return Decimal(getattr(price, "base", price))


# The check.


def check_crosscheck(root: Path, files: Iterable[str] | None = None) -> list[Problem]:
    only = None if files is None else frozenset(files)
    if not wanted(SHOWN, only):
        return []
    day = build_day()
    try:
        catalog = load_catalog(root / "data", day)
    except ContentError as error:
        return [Problem(SHOWN, None, line) for line in str(error).splitlines()]
    try:
        references, source = genai_prices_references((m.id for m in catalog.models), day)
    except ImportError:
        return [
            Problem(
                SHOWN,
                None,
                f"cannot cross-check prices: the {PACKAGE} package is not installed "
                "(make check installs it from requirements/dev.txt)",
            )
        ]
    known = {
        entry["id"]: {
            record["field"]: record.get("theirs") for record in entry["known_differences"]
        }
        for entry in catalog.raw["models"]
        if entry.get("known_differences")
    }
    lines = _model_lines(root / SHOWN)
    return [
        Problem(SHOWN, lines.get(model_id), message, severity)
        for model_id, severity, message in cross_check(catalog.models, references, known, source)
    ]


def _model_lines(path: Path) -> dict[str, int]:
    document, _ = yamlnodes.compose(path, SHOWN)
    return {
        yamlnodes.text(yamlnodes.get(entry, "id")): yamlnodes.line(entry)
        for entry in yamlnodes.items(yamlnodes.get(document, "models"))
    }
