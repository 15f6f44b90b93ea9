"""The model catalog (``data/models.yml``): loaded, validated and queried.

Beyond what the schema can say, a catalog is checked for duplicate ids and for
replacements that are not current models of the catalog.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from helpcenter.catalog_rules import billing_problems, model_problems
from helpcenter.datafile import entry_namer, load_valid
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


@dataclass(frozen=True)
class Model:
    id: str
    name: str
    provider: str
    reasoning: bool
    pricing: Pricing
    context_window: int
    max_output_tokens: int
    status: str
    shutdown: date | None
    replacement: str | None
    recommended: str | None
    good_for: dict[str, str]
    source: str
    verified: date
    notes: str

    def in_table(self, kind: str) -> bool:
        """Price tables show every model that still answers; ``legacy`` every one going or gone."""
        if kind == "legacy":
            return self.status != "current"
        return self.status != "retired" and self.reasoning == (kind == "reasoning")

    def usable_on(self, day: date) -> bool:
        """Current, and not shutting down within ``SAFE_DAYS`` of ``day``."""
        return self.status == "current" and (
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


def load_catalog(data_dir: Path) -> Catalog:
    data = load_valid(data_dir, CATALOG, SCHEMA, _ENTRY)
    problems = _consistency_problems(data["models"], f"data/{CATALOG}")
    problems += model_problems(data["models"], f"data/{CATALOG}")
    problems += billing_problems(data["billing"], f"data/{CATALOG}")
    if problems:
        raise ContentError("\n".join(problems))
    billing = data["billing"]
    return Catalog(
        models=tuple(_model(entry) for entry in data["models"]),
        minimum_top_up=Decimal(billing["minimum_top_up"]),
        billing_source=billing["source"],
        billing_verified=date.fromisoformat(billing["verified"]),
        raw=data,
    )


def _consistency_problems(entries: list[dict], shown_as: str) -> list[str]:
    problems = []
    by_id: dict[str, dict] = {}
    for entry in entries:
        if entry["id"] in by_id:
            problems.append(
                f"{shown_as}: model '{entry['id']}', field id is used twice; ids must be unique"
            )
        by_id[entry["id"]] = entry
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
        elif target["lifecycle"]["status"] != "current":
            problems.append(
                f"{shown_as}: model '{entry['id']}', field lifecycle.replacement is "
                f"'{replacement}', which is {target['lifecycle']['status']}; expected a current model"
            )
        if entry.get("recommended") and entry["lifecycle"]["status"] != "current":
            problems.append(
                f"{shown_as}: model '{entry['id']}', field recommended is set on a "
                f"{entry['lifecycle']['status']} model; expected only on current models"
            )
    return problems


def _model(entry: dict) -> Model:
    lifecycle = entry["lifecycle"]
    pricing = entry["pricing"]
    return Model(
        id=entry["id"],
        name=entry["name"],
        provider=entry["provider"],
        reasoning=entry["reasoning"],
        pricing=Pricing(
            input=Decimal(pricing["input"]),
            cached_input=None
            if pricing["cached_input"] is None
            else Decimal(pricing["cached_input"]),
            output=Decimal(pricing["output"]),
        ),
        context_window=entry["context_window"],
        max_output_tokens=entry["max_output_tokens"],
        status=lifecycle["status"],
        shutdown=date.fromisoformat(lifecycle["shutdown"]) if "shutdown" in lifecycle else None,
        replacement=lifecycle.get("replacement"),
        recommended=entry.get("recommended"),
        good_for=dict(entry["good_for"]),
        source=entry["source"],
        verified=date.fromisoformat(entry["verified"]),
        notes=entry.get("notes", ""),
    )


def catalog_json(catalog: Catalog) -> str:
    """The catalog as published in ``models.json``: the YAML's own structure, valid against its schema.

    Prices are written as JSON numbers with the catalog's exact digits (``0.025``),
    never as a binary-float approximation.
    """
    return json.dumps(catalog.raw, indent=2, ensure_ascii=False, default=_exact_number) + "\n"


def _exact_number(value: object) -> float:
    if isinstance(value, Decimal):
        number = float(value)
        if Decimal(repr(number)) != value:
            raise ContentError(f"data/{CATALOG}: {value} has more digits than a price can have")
        return number
    raise TypeError(f"cannot publish {type(value).__name__} in models.json")
