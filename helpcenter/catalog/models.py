"""The model catalog (``data/models.yml``): loaded, validated and queried.

The shapes below (:class:`CatalogFile` and the classes it holds) are the one definition of
the file: they validate it, and ``data/models.schema.json`` is generated from them
(:mod:`helpcenter.catalog.schemas`). Every text is given in each language of the site.
Beyond what a shape can say, a catalog is checked for duplicate ids, for replacements
that are not current models of the catalog, and for lifecycles whose dates contradict a
typed status or lack their sources (:mod:`helpcenter.catalog.lifecycle`). A catalog stands for one
day, the build day: every model's ``status`` is the one its dates give on that day.
"""

import dataclasses
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, Strict, WithJsonSchema
from pydantic.dataclasses import dataclass as shape
from pydantic_core import PydanticCustomError

from helpcenter.buildday import build_day
from helpcenter.catalog.catalog_rules import model_problems
from helpcenter.catalog.datafile import entry_namer, language_problems, load_valid, placer
from helpcenter.catalog.fields import (
    MAX_TEXT,
    SHAPE,
    Amount,
    Day,
    Tokens,
    Url,
    amount,
    day,
    one_of,
    text,
    texts,
)
from helpcenter.catalog.lifecycle import CURRENT, Lifecycle, lifecycle_problems
from helpcenter.problems import ContentError

CATALOG = "models.yml"
_ENTRY = entry_namer("models", "id", "model")
KINDS = ("reasoning", "standard", "legacy")
ROLES = ("quality", "economy")
SAFE_DAYS = 60
"""A model shutting down within this many days of the build is never recommended."""
_CACHE_WRITE = amount(
    "US$ per 1M tokens written to the prompt cache, when OpenAI bills cache writes "
    "(typically above input)."
)
_CACHED_INPUT = amount("US$ per 1M cached input tokens; null when the model has none.")


@shape(frozen=True, config=SHAPE)
class Pricing:
    """US$ per 1M tokens, standard tier."""

    input: Amount
    cached_input: _CACHED_INPUT | None
    output: Amount
    cache_write: _CACHE_WRITE | None = None


@shape(frozen=True, config=SHAPE)
class PricePoint:
    """A price valid from a day (until the next record's), with where that comes from."""

    valid_from: Annotated[Day, Field(alias="from")]
    input: Amount
    cached_input: _CACHED_INPUT | None
    output: Amount
    source: text(description="Where this price and its date come from.")
    cache_write: _CACHE_WRITE | None = None

    @property
    def pricing(self) -> Pricing:
        return Pricing(self.input, self.cached_input, self.output, self.cache_write)


def _theirs(value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str | type(None)):
        raise PydanticCustomError("number_or_text", "number_or_text")
    if isinstance(value, str) and len(value) > MAX_TEXT:
        raise PydanticCustomError("string_too_long", "string_too_long", {"max_length": MAX_TEXT})
    return value


@shape(frozen=True, config=SHAPE)
class KnownDifference:
    """A disagreement with the genai-prices package already looked into."""

    field: one_of(
        "pricing.input",
        "pricing.cached_input",
        "pricing.output",
        "pricing.cache_write",
        "context_window",
        "released",
        "shutdown",
    )
    theirs: Annotated[
        Any,
        BeforeValidator(_theirs),
        WithJsonSchema(
            {
                "type": ["number", "string", "null"],
                "description": "The package's value; 'none' for no shutdown, 'deprecated' for "
                "its flag.",
            }
        ),
    ]
    reason: text(description="Why ours stands, and where that comes from.")


DISPUTABLE = ("released", "announced", "shutdown")
"""The dated facts on which sources may disagree; the page says so in one line."""


@shape(frozen=True, config=SHAPE)
class Disagreement:
    """Sources that disagree on one dated fact of the model: the value the site follows
    (the one in lifecycle), the other value and where it comes from, and why."""

    field: one_of(*DISPUTABLE, description="The lifecycle date the sources disagree on.")
    value_followed: day("The value the site follows; it equals the model's lifecycle date.")
    other_value: text(
        10,
        pattern=r"^(\d{4}-\d{2}-\d{2}|none)$",
        expected="expected the other source's date (YYYY-MM-DD), or 'none' when it gives none",
        description="The other source's date (YYYY-MM-DD), or 'none' when it gives none.",
    )
    other_source: Url
    """Where the other value comes from."""
    reason: texts()
    """Why the site follows its value, in every language of the site."""


@shape(frozen=True, config=SHAPE)
class ModelEntry:
    """A model of the catalog, as data/models.yml gives it."""

    id: text(
        pattern=r"^[a-z0-9][a-z0-9.:-]*$",
        expected="expected the model's API name (lowercase letters, digits, '.', ':' and '-')",
        description="The model's API name.",
    )
    name: text(100, description="Display name, as the provider writes it.")
    provider: one_of("OpenAI", description="Who serves the model; the product only calls OpenAI.")
    reasoning: Annotated[bool, Strict()]
    """Whether it is a reasoning model."""
    pricing: Pricing
    context_window: Tokens
    max_output_tokens: Tokens
    lifecycle: Lifecycle
    good_for: texts()
    """What the model suits, in every language of the site, by language code (es, en…)."""
    source: Url
    verified: Day
    recommended: (
        one_of(*ROLES, description="Our pick for customer-service conversations.") | None
    ) = None
    notes: text(4000, blank=True) = ""
    price_history: tuple[PricePoint, ...] = ()
    """Dated prices, oldest first: each is valid from its day until the next one's; the last
    one equals pricing. Each record after the first is a price change on the 'What changed'
    page and in its feed."""
    known_differences: tuple[KnownDifference, ...] = ()
    """Disagreements with the genai-prices package (make check) already looked into: the
    cross-check passes on them while the package still says exactly 'theirs'."""
    disagreements: tuple[Disagreement, ...] = ()
    """Dated facts the sources disagree on: both values, the one the site follows and why;
    the price table says so in one line."""


@shape(frozen=True, config=SHAPE)
class Model(ModelEntry):
    """A model as the build day sees it: its entry and the status its dates give that day."""

    status: str = CURRENT
    """Derived from ``lifecycle`` for the catalog's day."""

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


@shape(frozen=True, config=SHAPE)
class TierRate:
    """A tier's multiplier of the standard prices, in force from a day until a day."""

    multiplier: amount("Times the standard price (0.5 half, 2 double).")
    valid_from: Annotated[Day | None, Field(alias="from")] = None
    """First day it applies; none: since before the catalog recorded it."""
    until: Day | None = None
    """Last day it applies; none: no end announced."""


@shape(frozen=True, config=SHAPE)
class ServiceTier:
    """A way of processing requests that OpenAI bills at other rates than the standard ones."""

    id: text(
        pattern=r"^[a-z][a-z0-9-]*$",
        expected="expected the tier's name in the API (lowercase letters, digits and '-')",
        description="The tier's name in the API (service_tier), or 'batch' for the Batch API.",
    )
    name: text(100, description="The tier's name as OpenAI shows it.")
    rates: tuple[TierRate, ...]
    """Its multipliers, oldest first; empty when it has its own rates that the catalog does
    not model."""
    applies_to: tuple[text(), ...]
    """The catalog's models billed at these multipliers (the others have their own rates or
    no such tier)."""
    note: texts()
    """What a reader needs to know about it, in every language of the site."""
    source: Url
    verified: Day
    formerly: text(100, description="Its former name, if it had one.") | None = None

    def multiplier_on(self, day: date) -> Decimal | None:
        """The multiplier in force on ``day``; none when the catalog models none that day."""
        for rate in self.rates:
            starts = rate.valid_from is None or rate.valid_from <= day
            if starts and (rate.until is None or day <= rate.until):
                return rate.multiplier
        return None


@shape(frozen=True, config=SHAPE)
class Billing:
    """Facts about paying OpenAI that pages quote."""

    currency: one_of("USD")
    minimum_top_up: amount("Smallest prepaid credit purchase, in US$.")
    source: Url
    verified: Day
    service_tiers: tuple[ServiceTier, ...] = ()
    """Service tiers and the Batch API, billed at multiples of the standard prices."""


@shape(frozen=True, config=SHAPE)
class CatalogFile:
    """Prices (US$ per 1M tokens, standard tier), limits and lifecycle of the OpenAI models the
    help center documents. The source of data/models.yml and of the published models.json."""

    billing: Billing
    models: Annotated[tuple[ModelEntry, ...], Field(min_length=1)]
    as_of: (
        day(
            "Only in the published models.json: the day its lifecycle statuses stand for (the "
            "build day)."
        )
        | None
    ) = None


@dataclass(frozen=True, eq=False)
class Catalog:
    models: tuple[Model, ...]
    billing: Billing
    raw: dict
    """The file's data as loaded, for models.json."""
    day: date
    """The day the models' statuses stand for."""

    @property
    def minimum_top_up(self) -> Decimal:
        return self.billing.minimum_top_up

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


def load_catalog(
    data_dir: Path, day: date | None = None, languages: Sequence[str] | None = None
) -> Catalog:
    """The catalog as it stands on ``day`` (the build day when not given).

    Every text must be given in each of ``languages`` (the site's) and in no other; without
    them, in each language the catalog's texts use.
    """
    day = day or build_day()
    shown_as = f"data/{CATALOG}"
    data, catalog = load_valid(data_dir, CATALOG, CatalogFile, _ENTRY)
    where = placer(data_dir / CATALOG, shown_as)
    problems = language_problems(catalog, data, where, _ENTRY, languages)
    problems += _consistency_problems(catalog.models, where, day)
    problems += model_problems(catalog.models, where)
    problems += _tier_problems(catalog, where)
    if problems:
        raise ContentError("\n".join(problems))
    offered = [entry for entry in catalog.models if released_by(entry, day)]
    models = tuple(
        Model(
            **{**_fields(entry), "pricing": price_on(entry, day)},
            status=entry.lifecycle.status_on(day),
        )
        for entry in offered
    )
    by_id = {entry["id"]: entry for entry in data["models"]}
    raw = {
        **data,
        "models": [
            by_id[entry.id] if model.pricing == entry.pricing else _raw_on(by_id[entry.id], model)
            for entry, model in zip(offered, models, strict=True)
        ],
    }
    return Catalog(models=models, billing=catalog.billing, raw=raw, day=day)


def _tier_problems(catalog: CatalogFile, where: Callable[[Sequence], str]) -> list[str]:
    """Service tiers that name a model the catalog does not have."""
    ids = {entry.id for entry in catalog.models}
    problems = []
    for number, tier in enumerate(catalog.billing.service_tiers):
        for index, model_id in enumerate(tier.applies_to):
            if model_id not in ids:
                at = where(("billing", "service_tiers", number, "applies_to", index))
                problems.append(
                    f"{at}: service tier '{tier.id}', field applies_to names '{model_id}'; "
                    "expected the id of a model in the catalog"
                )
    return problems


def released_by(entry: ModelEntry, day: date) -> bool:
    """Whether the model is out on ``day``: a model released later is not offered yet
    (no table, recommendation, estimator choice or models.json entry before its day)."""
    released = entry.lifecycle.released
    return released is None or released <= day


def price_on(entry: ModelEntry, day: date) -> Pricing:
    """The price in force on ``day``: the latest price record that has started by then (a
    record dated later is not the price yet); ``pricing`` when there is no history or every
    record has started."""
    started = [record for record in entry.price_history if record.valid_from <= day]
    if not entry.price_history or len(started) == len(entry.price_history) or not started:
        return entry.pricing
    return started[-1].pricing


def _raw_on(entry: dict, model: Model) -> dict:
    """The loaded entry with the price in force on the catalog's day."""
    pricing = {
        name: getattr(model.pricing, name)
        for name in ("input", "cached_input", "output", "cache_write")
        if name != "cache_write" or model.pricing.cache_write is not None
    }
    return {**entry, "pricing": pricing}


def _fields(entry: ModelEntry) -> dict:
    return {field.name: getattr(entry, field.name) for field in dataclasses.fields(entry)}


def _consistency_problems(
    entries: Sequence[ModelEntry], where: Callable[[Sequence], str], day: date
) -> list[str]:
    """Ids twice, lifecycles their dates contradict, price histories, replacements that are
    not current models of the catalog. ``where(path)``: the file and line of a path."""
    problems = []
    ids: set[str] = set()
    statuses = {entry.id: entry.lifecycle.status_on(day) for entry in entries}
    by_id = {entry.id: entry for entry in entries}
    for number, entry in enumerate(entries):
        at = lambda *field, number=number: where(("models", number, *field))  # noqa: E731
        if entry.id in ids:
            problems.append(
                f"{at('id')}: model '{entry.id}', field id is used twice; ids must be unique"
            )
        ids.add(entry.id)
        problems += lifecycle_problems(
            entry.id, entry.lifecycle, day, lambda path, at=at: at("lifecycle", *path)
        )
        problems += _price_history_problems(entry, at("price_history"))
        replacement = entry.lifecycle.replacement
        if replacement is None:
            continue
        field = f"{at('lifecycle', 'replacement')}: model '{entry.id}', field lifecycle.replacement"
        if replacement not in statuses:
            problems.append(
                f"{field} is '{replacement}'; expected the id of a model in the catalog"
            )
        elif not released_by(by_id[replacement], day) and statuses[entry.id] != CURRENT:
            problems.append(
                f"{field} is '{replacement}', which OpenAI releases only on "
                f"{by_id[replacement].lifecycle.released.isoformat()}; expected a model out on "
                f"{day.isoformat()}"
            )
        elif replacement == entry.id:
            problems.append(f"{field} names the model itself; expected another, current model")
        elif statuses[replacement] != CURRENT and statuses[entry.id] != CURRENT:
            problems.append(
                f"{field} is '{replacement}', which is {statuses[replacement]} on "
                f"{day.isoformat()}; expected a current model"
            )
    return problems


def _price_history_problems(entry: ModelEntry, shown_as: str) -> list[str]:
    """The records are in order, and the last one is today's price (a record without a
    cache-write price leaves that price unrecorded)."""
    history = entry.price_history
    if not history:
        return []
    where = f"{shown_as}: model '{entry.id}', field price_history"
    problems = []
    days = [record.valid_from for record in history]
    if days != sorted(set(days)):
        problems.append(f"{where} has dates out of order or twice; expected the oldest first")
    last = history[-1].pricing
    if last.cache_write is None:
        last = dataclasses.replace(last, cache_write=entry.pricing.cache_write)
    if last != entry.pricing:
        problems.append(
            f"{where}: the last record (from {history[-1].valid_from.isoformat()}) differs from "
            "pricing; expected the latest price to be the one in pricing"
        )
    return problems


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
