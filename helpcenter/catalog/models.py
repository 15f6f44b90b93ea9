"""The model catalog (``data/models.yml``): loaded, validated and queried.

Beyond what the schema can say, a catalog is checked for duplicate ids, for replacements
that are not current models of the catalog, and for lifecycles whose dates contradict a
typed status or lack their sources (:mod:`helpcenter.catalog.lifecycle`). A catalog stands for one
day, the build day: every model's ``status`` is the one its dates give on that day.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from helpcenter.catalog.catalog_rules import billing_problems, model_problems
from helpcenter.catalog.datafile import entry_namer, load_valid
from helpcenter.catalog.lifecycle import CURRENT, Lifecycle, lifecycle_of, lifecycle_problems
from helpcenter.pages.formatting import build_day
from helpcenter.problems import ContentError

CATALOG = "models.yml"
SCHEMA = "models.schema.json"
_ENTRY = entry_namer("models", "id", "model")
KINDS = ("reasoning", "standard", "legacy")
ROLES = ("quality", "economy")
SAFE_DAYS = 60
"""A model shutting down within this many days of the build is never recommended."""


@dataclass(frozen=True)
class Pricing:
    input: Decimal
    cached_input: Decimal | None
    output: Decimal
    cache_write: Decimal | None = None
    """Input written to the prompt cache, where OpenAI publishes its price; else billed as input."""


@dataclass(frozen=True)
class PricePoint:
    """A price valid from a day (until the next point's), with where that comes from."""

    valid_from: date
    pricing: Pricing
    source: str


@dataclass(frozen=True)
class Model:
    id: str
    name: str
    provider: str
    reasoning: bool
    pricing: Pricing
    context_window: int
    max_output_tokens: int
    lifecycle: Lifecycle
    status: str
    """Derived from ``lifecycle`` for the catalog's day."""
    recommended: str | None
    good_for: dict[str, str]
    source: str
    verified: date
    notes: str
    price_history: tuple[PricePoint, ...] = ()
    """Dated prices, oldest first; the last one is ``pricing``."""

    @property
    def shutdown(self) -> date | None:
        return self.lifecycle.shutdown

    @property
    def announced(self) -> date | None:
        return self.lifecycle.announced

    @property
    def replacement(self) -> str | None:
        return self.lifecycle.replacement

    def in_table(self, kind: str) -> bool:
        """The price tables show current models only; ``legacy`` every one going or gone, so
        that a model appears in one table of the page."""
        if kind == "legacy":
            return self.status != CURRENT
        return self.status == CURRENT and self.reasoning == (kind == "reasoning")

    def usable_on(self, day: date) -> bool:
        """Current on ``day``, and not shutting down within ``SAFE_DAYS`` of it."""
        return self.lifecycle.status_on(day) == CURRENT and (
            self.shutdown is None or self.shutdown > day + timedelta(days=SAFE_DAYS)
        )


@dataclass(frozen=True, eq=False)
class Catalog:
    models: tuple[Model, ...]
    minimum_top_up: Decimal
    billing_source: str
    billing_verified: date
    raw: dict
    """The file's data as loaded, for models.json."""
    day: date
    """The day the models' statuses stand for."""

    def get(self, model_id: str) -> Model | None:
        return self._by_id.get(model_id)

    @cached_property
    def _by_id(self) -> dict[str, Model]:
        return {model.id: model for model in self.models}

    def of_kind(self, kind: str) -> list[Model]:
        return [model for model in self.models if model.in_table(kind)]

    def pick(self, role: str, day: date) -> Model:
        """The model recommended for ``role`` on ``day``; its replacement if it is no longer usable."""
        chosen = next((model for model in self.models if model.recommended == role), None)
        if chosen is None:
            raise ContentError(f"data/{CATALOG}: no model has recommended: {role}")
        if chosen.usable_on(day):
            return chosen
        successor = self.get(chosen.replacement) if chosen.replacement else None
        if successor and successor.usable_on(day):
            return successor
        raise ContentError(
            f"data/{CATALOG}: model '{chosen.id}', field recommended: {role} pick is "
            f"{chosen.status} or shuts down within {SAFE_DAYS} days; recommend a current model"
        )


def load_catalog(data_dir: Path, day: date | None = None) -> Catalog:
    """The catalog as it stands on ``day`` (the build day when not given)."""
    day = day or build_day()
    data = load_valid(data_dir, CATALOG, SCHEMA, _ENTRY)
    problems = _consistency_problems(data["models"], f"data/{CATALOG}", day)
    problems += model_problems(data["models"], f"data/{CATALOG}")
    problems += billing_problems(data["billing"], f"data/{CATALOG}")
    if problems:
        raise ContentError("\n".join(problems))
    billing = data["billing"]
    return Catalog(
        models=tuple(_model(entry, day) for entry in data["models"]),
        minimum_top_up=Decimal(billing["minimum_top_up"]),
        billing_source=billing["source"],
        billing_verified=date.fromisoformat(billing["verified"]),
        raw=data,
        day=day,
    )


def _consistency_problems(entries: list[dict], shown_as: str, day: date) -> list[str]:
    problems = []
    by_id: dict[str, dict] = {}
    statuses: dict[str, str] = {}
    for entry in entries:
        if entry["id"] in by_id:
            problems.append(
                f"{shown_as}: model '{entry['id']}', field id is used twice; ids must be unique"
            )
        by_id[entry["id"]] = entry
        lifecycle = lifecycle_of(entry["lifecycle"])
        statuses[entry["id"]] = lifecycle.status_on(day)
        problems += lifecycle_problems(entry["id"], lifecycle, day, shown_as)
        problems += _price_history_problems(entry, shown_as)
    for entry in entries:
        replacement = entry["lifecycle"].get("replacement")
        if replacement is None:
            continue
        target = by_id.get(replacement)
        if target is None:
            problems.append(
                f"{shown_as}: model '{entry['id']}', field lifecycle.replacement is "
                f"'{replacement}'; expected the id of a model in the catalog"
            )
        elif replacement == entry["id"]:
            problems.append(
                f"{shown_as}: model '{entry['id']}', field lifecycle.replacement names the model "
                "itself; expected another, current model"
            )
        elif statuses[replacement] != CURRENT and statuses[entry["id"]] != CURRENT:
            problems.append(
                f"{shown_as}: model '{entry['id']}', field lifecycle.replacement is "
                f"'{replacement}', which is {statuses[replacement]} on {day.isoformat()}; "
                "expected a current model"
            )
    return problems


def _price_history_problems(entry: dict, shown_as: str) -> list[str]:
    history = entry.get("price_history") or []
    if not history:
        return []
    where = f"{shown_as}: model '{entry['id']}', field price_history"
    problems = []
    days = [record["from"] for record in history]
    if days != sorted(set(days)):
        problems.append(f"{where} has dates out of order or twice; expected the oldest first")
    if _pricing(history[-1]) != _pricing(entry["pricing"]):
        problems.append(
            f"{where}: the last record (from {history[-1]['from']}) differs from pricing; "
            "expected the latest price to be the one in pricing"
        )
    return problems


def _pricing(prices: dict) -> Pricing:
    return Pricing(
        input=Decimal(prices["input"]),
        cached_input=None if prices["cached_input"] is None else Decimal(prices["cached_input"]),
        output=Decimal(prices["output"]),
        cache_write=None if prices.get("cache_write") is None else Decimal(prices["cache_write"]),
    )


def _model(entry: dict, day: date) -> Model:
    lifecycle = lifecycle_of(entry["lifecycle"])
    return Model(
        id=entry["id"],
        name=entry["name"],
        provider=entry["provider"],
        reasoning=entry["reasoning"],
        pricing=_pricing(entry["pricing"]),
        context_window=entry["context_window"],
        max_output_tokens=entry["max_output_tokens"],
        lifecycle=lifecycle,
        status=lifecycle.status_on(day),
        recommended=entry.get("recommended"),
        good_for=dict(entry["good_for"]),
        source=entry["source"],
        verified=date.fromisoformat(entry["verified"]),
        notes=entry.get("notes", ""),
        price_history=tuple(
            PricePoint(date.fromisoformat(record["from"]), _pricing(record), record["source"])
            for record in entry.get("price_history") or ()
        ),
    )


def catalog_json(catalog: Catalog) -> str:
    """The catalog as published in ``models.json``: the YAML's own structure, valid against its schema.

    Each model's ``lifecycle.status`` is the one derived for the catalog's day, which
    ``as_of`` gives. Prices are written as JSON numbers with the catalog's exact digits
    (``0.025``), never as a binary-float approximation.
    """
    published = {**catalog.raw, "as_of": catalog.day.isoformat()}
    published["models"] = [
        {
            **entry,
            "lifecycle": {**entry["lifecycle"], "status": catalog.get(entry["id"]).status},
        }
        for entry in catalog.raw["models"]
    ]
    return json.dumps(published, indent=2, ensure_ascii=False, default=_exact_number) + "\n"


def _exact_number(value: object) -> float:
    if isinstance(value, Decimal):
        number = float(value)
        if Decimal(repr(number)) != value:
            raise ContentError(f"data/{CATALOG}: {value} has more digits than a price can have")
        return number
    raise TypeError(f"cannot publish {type(value).__name__} in models.json")
