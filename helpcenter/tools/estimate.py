"""The monthly cost estimator's arithmetic: the one reference the page's script must equal.

A conversation is ``messages`` requests to the API. Each request sends ``input_tokens``
(instructions, history and the new message), of which ``cached_share`` percent is read from
OpenAI's prompt cache; the rest is a cache miss, written to the cache for the next request.
It receives ``output_tokens`` of reply and, from a reasoning model only, ``reasoning_tokens``
more, billed as output. Prices are US$ per 1 million tokens::

    per message      = (input_tokens × ((100 − cached_share) × write + cached_share × cached)
                        + 100 × (output_tokens + reasoning) × output) ÷ (100 × 1,000,000)
    per conversation = messages × per message
    per month        = conversations × per conversation

all multiplied by the chosen service tier's multiplier in force on the build day
(``billing.service_tiers``: Fast 2, Batch 0.5, …; Standard 1), which multiplies every price
of the model alike. A tier is offered only for the models its ``applies_to`` names, and only
while the catalog records a multiplier for the day.

where ``cached`` is the model's cached-input price, ``write`` its cache-write price
(``pricing.cache_write``), ``reasoning`` is ``reasoning_tokens`` for a reasoning model and 0
for any other. A model without a cache-write price bills a miss at its input price; a model
without a cached-input price bills all its input at the input price.

Everything is computed exactly (``Decimal``, no rounding) and rounded once, for display:

* the monthly cost to cents, ``ROUND_HALF_UP``;
* the cost per conversation to cents, ``ROUND_HALF_UP``; when that cost is under one cent,
  to four decimals instead (``ROUND_HALF_UP``), so that cheap conversations do not read
  "US$0.00" (the monthly cost too);
* the days the minimum prepaid credit lasts, ``minimum_top_up × 30 ÷ monthly cost`` (a 30-day
  month with the same volume every day), rounded *down* to tenths, so it never promises more
  days than the credit gives; none when the monthly cost is zero.

The reader chooses a current model or, to compare it with its replacement, one being retired
(deprecated: announced, not yet shut down). The comparison lists every current model, and the
chosen one when it is being retired, cheapest first (by the exact cost of one message, which
orders the monthly costs too), equal costs in the order of the form: recommended picks first
(quality, then economy), then the other current models by input price, then the models being
retired by shutdown date.

``overrides/assets/javascripts/estimator.js`` computes the same with integers: every price
in millionths of a dollar, exact because the catalog's shape refuses a price with more than
``helpcenter.catalog.fields.PRICE_DECIMALS`` decimals.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, Inexact, localcontext

from babel import Locale
from babel.numbers import format_decimal

from helpcenter.buildday import build_day
from helpcenter.catalog.lifecycle import CURRENT, DEPRECATED
from helpcenter.catalog.models import ROLES, Catalog, Model, ServiceTier
from helpcenter.localized import money
from helpcenter.site.labels import label, say

DAYS_PER_MONTH = 30

CENT = Decimal("0.01")
SMALL = Decimal("0.0001")
TENTH = Decimal("0.1")

PREFIX = "hc-estimator"
"""The estimator's name in HTML: the form's class, the prefix of its fields' ids and the
anchor that links to it (the Markdown twins link there instead of copying the form)."""

STANDARD = "standard"
"""The form's value for the standard prices (no service tier)."""


@dataclass(frozen=True)
class Field:
    name: str
    """The form field's name and the URL query parameter."""
    argument: str
    """The argument of :func:`estimate` it fills."""
    default: int
    maximum: int


FIELDS = (
    Field("conversations", "conversations", 1_000, 100_000_000),
    Field("messages", "messages", 8, 1_000),
    Field("input", "input_tokens", 1_500, 2_000_000),
    Field("output", "output_tokens", 150, 200_000),
    Field("cached", "cached_share", 50, 100),
    Field("reasoning", "reasoning_tokens", 350, 200_000),
)
"""The estimator's numeric inputs, in form order. Each is a whole number from 0 to ``maximum``."""


@dataclass(frozen=True)
class Tier:
    """A service tier the estimator prices with: its id, name and multiplier on the day."""

    id: str
    name: str
    multiplier: Decimal
    applies_to: frozenset[str] | None
    """The models it is offered for; ``None``: every model (Standard)."""

    def applies(self, model_id: str) -> bool:
        return self.applies_to is None or model_id in self.applies_to


def tiers(catalog: Catalog, day: date | None = None) -> list[Tier]:
    """Standard, then each service tier of the catalog with a multiplier in force on ``day``,
    in catalog order (a tier with only its own rates, or none that day, is not offered)."""
    day = day or build_day()
    listed = [Tier(STANDARD, "Standard", Decimal(1), None)]
    for tier in catalog.billing.service_tiers:
        multiplier = tier.multiplier_on(day)
        if multiplier is not None:
            listed.append(_tier(tier, multiplier))
    return listed


def _tier(tier: ServiceTier, multiplier: Decimal) -> Tier:
    return Tier(tier.id, tier.name, multiplier, frozenset(tier.applies_to))


@dataclass(frozen=True)
class Cost:
    """One model priced for the volume."""

    model: Model
    per_message: Decimal
    per_conversation_exact: Decimal
    monthly_exact: Decimal

    @property
    def monthly(self) -> Decimal:
        return _shown_amount(self.monthly_exact)

    @property
    def per_conversation(self) -> Decimal:
        return _shown_amount(self.per_conversation_exact)


def _shown_amount(exact: Decimal) -> Decimal:
    """Rounded to cents, half up; to four decimals when that is under one cent, so that a
    small volume shows what it costs instead of US$0.01 or US$0.00."""
    small = exact.quantize(SMALL, ROUND_HALF_UP)
    if 0 < small < CENT:
        return small
    return exact.quantize(CENT, ROUND_HALF_UP)


@dataclass(frozen=True)
class Estimate:
    cost: Cost
    """The chosen model."""
    minimum_top_up: Decimal
    days: Decimal | None
    """Days the minimum prepaid credit lasts, rounded down to tenths; ``None`` when free."""
    comparison: tuple[Cost, ...]
    """Every current model, and the chosen one, cheapest first."""
    replacement: Cost | None = None
    """The replacement's cost, when the chosen model is being retired and has one (and the
    tier applies to it)."""
    tier: Tier = Tier(STANDARD, "Standard", Decimal(1), None)
    """The service tier every cost is priced at."""

    @property
    def model(self) -> Model:
        return self.cost.model

    @property
    def monthly(self) -> Decimal:
        return self.cost.monthly

    @property
    def per_conversation(self) -> Decimal:
        return self.cost.per_conversation


@dataclass(frozen=True)
class Choice:
    model: Model
    role: str | None
    """``quality`` or ``economy`` for the recommended picks."""

    @property
    def retiring(self) -> bool:
        """Being retired: offered to compare it with its replacement."""
        return self.model.status == DEPRECATED


def choices(catalog: Catalog, day: date | None = None) -> list[Choice]:
    """The models a reader can choose, in the order the form lists them: the recommended
    picks of ``day`` (quality, then economy), then every other current model by input price,
    then the models being retired by shutdown date (equal values in catalog order)."""
    day = day or build_day()
    picks = {}
    for role in ROLES:
        picks.setdefault(catalog.pick(role, day).id, role)
    first = [Choice(catalog.get(model_id), role) for model_id, role in picks.items()]
    others = sorted(
        (m for m in catalog.models if m.status == CURRENT and m.id not in picks),
        key=lambda m: m.pricing.input,
    )
    retiring = sorted(
        (m for m in catalog.models if m.status == DEPRECATED),
        key=lambda m: (m.shutdown is None, m.shutdown or date.max),
    )
    return first + [Choice(model, None) for model in others + retiring]


def estimate(
    catalog: Catalog,
    model_id: str,
    conversations: int,
    messages: int,
    input_tokens: int,
    output_tokens: int,
    cached_share: int,
    reasoning_tokens: int,
    *,
    tier: str = STANDARD,
    day: date | None = None,
) -> Estimate:
    """The monthly cost of a volume on one model of the form, and on every current one the
    service ``tier`` applies to, at that tier's multiplier on ``day``.

    Raises ``ValueError`` for a model the form does not offer (unknown, or already shut down),
    for a tier the catalog does not offer that day or that does not apply to the model, and
    for any input that is not a whole number from 0 to its field's maximum (``cached_share``
    is a percentage, 0–100).
    """
    values = {
        "conversations": conversations,
        "messages": messages,
        "input_tokens": input_tokens,
        "output_tokens": output_tokens,
        "cached_share": cached_share,
        "reasoning_tokens": reasoning_tokens,
    }
    for field in FIELDS:
        value = values[field.argument]
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{field.argument} must be a whole number, not {value!r}")
        if not 0 <= value <= field.maximum:
            raise ValueError(f"{field.argument} must be from 0 to {field.maximum}, not {value}")
    listed = choices(catalog, day)
    chosen = next((choice for choice in listed if choice.model.id == model_id), None)
    if chosen is None:
        raise ValueError(
            f"{model_id!r} is not a current model of the catalog, nor one being retired"
        )

    offered = {t.id: t for t in tiers(catalog, day)}
    if tier not in offered:
        raise ValueError(f"{tier!r} is not a service tier the catalog offers that day")
    priced = offered[tier]
    if not priced.applies(model_id):
        raise ValueError(f"service tier {tier!r} does not apply to {model_id!r}")

    compared = [
        c.model
        for c in listed
        if (not c.retiring or c.model.id == model_id) and priced.applies(c.model.id)
    ]
    costs = {model.id: _cost(model, priced.multiplier, **values) for model in compared}
    comparison = tuple(sorted(costs.values(), key=lambda cost: cost.per_message))
    cost = costs[model_id]
    replacement = None
    if chosen.retiring and chosen.model.replacement in costs:
        replacement = costs[chosen.model.replacement]
    return Estimate(
        cost=cost,
        minimum_top_up=catalog.minimum_top_up,
        days=_days(catalog.minimum_top_up, cost.monthly_exact),
        comparison=comparison,
        replacement=replacement,
        tier=priced,
    )


def _cost(
    model: Model,
    multiplier: Decimal,
    conversations: int,
    messages: int,
    input_tokens: int,
    output_tokens: int,
    cached_share: int,
    reasoning_tokens: int,
) -> Cost:
    pricing = model.pricing
    if pricing.cached_input is None:
        cached = write = pricing.input
    else:
        cached = pricing.cached_input
        write = pricing.input if pricing.cache_write is None else pricing.cache_write
    billed_output = output_tokens + (reasoning_tokens if model.reasoning else 0)
    with localcontext() as exact:
        exact.prec = 80
        exact.traps[Inexact] = True  # every step below is exact, or this raises
        per_message = (
            (
                input_tokens * ((100 - cached_share) * write + cached_share * cached)
                + 100 * billed_output * pricing.output
            )
            * multiplier
            / Decimal(100_000_000)
        )
        per_conversation = messages * per_message
        monthly = conversations * per_conversation
    return Cost(model, per_message, per_conversation, monthly)


def _days(minimum_top_up: Decimal, monthly: Decimal) -> Decimal | None:
    if monthly == 0:
        return None
    with localcontext() as exact:
        exact.prec = 80
        tenths = (minimum_top_up * DAYS_PER_MONTH * 10) // monthly  # exact, truncated
        return tenths.scaleb(-1).quantize(TENTH, ROUND_DOWN)


# What the page shows.


@dataclass(frozen=True)
class ShownCost:
    model_id: str
    name: str
    monthly: str
    per_conversation: str
    chosen: bool
    replacement: bool = False
    """The chosen model's replacement, when the chosen one is being retired."""


@dataclass(frozen=True)
class Shown:
    monthly: str
    per_conversation: str
    days: str
    comparison: tuple[ShownCost, ...]
    tier: str
    """The tier and multiplier the figures use."""
    replacement: str = ""
    """What the same volume costs a month on the replacement, with its name; empty when the
    chosen model is current (or has no replacement)."""


def usd(amount: Decimal, locale: str) -> str:
    """An already rounded amount with exactly its decimals: ``US$1.20``, ``US$0.0013``
    (``US$ 1,20`` in pt-BR: the locale's CLDR currency spacing)."""
    places = max(2, -amount.as_tuple().exponent)
    return money(amount, _babel(locale), least=places, most=places)


def display(result: Estimate, locale: str) -> Shown:
    """The texts the page shows for ``result`` in ``locale`` (``es_419`` or ``es-419``)."""
    language = Locale.parse(_babel(locale)).language
    replacement = result.replacement
    return Shown(
        monthly=usd(result.monthly, locale),
        per_conversation=usd(result.per_conversation, locale),
        days=days_text(result.days, language, locale),
        tier=tier_text(result.tier, language, locale),
        comparison=tuple(
            ShownCost(
                model_id=cost.model.id,
                name=cost.model.name,
                monthly=usd(cost.monthly, locale),
                per_conversation=usd(cost.per_conversation, locale),
                chosen=cost.model.id == result.model.id,
                replacement=replacement is not None and cost.model.id == replacement.model.id,
            )
            for cost in result.comparison
        ),
        replacement=""
        if replacement is None
        else say(
            "estimator.replacement_cost",
            language,
            name=replacement.model.name,
            amount=usd(replacement.monthly, locale),
        ),
    )


def tier_text(tier: Tier, language: str, locale: str) -> str:
    return say(
        "estimator.tier_used", language, tier=tier.name, times=times(tier.multiplier, locale)
    )


def times(multiplier: Decimal, locale: str) -> str:
    """A multiplier as the reader writes it: ``2``, ``0,5``."""
    return format_decimal(multiplier, format="#,##0.######", locale=_babel(locale))


def days_text(days: Decimal | None, language: str, locale: str) -> str:
    if days is None:
        return label("estimator.days_never", language)
    if days == 0:
        return label("estimator.days_under", language).format(days=_days_number(TENTH, locale))
    key = "estimator.days_one" if days == 1 else "estimator.days_other"
    return label(key, language).format(days=_days_number(days, locale))


def _days_number(days: Decimal, locale: str) -> str:
    return format_decimal(days, format="#,##0.#", locale=_babel(locale))


def _babel(locale: str) -> str:
    return locale.replace("-", "_")


def defaults() -> Mapping[str, int]:
    """The form's starting values, by :func:`estimate` argument."""
    return {field.argument: field.default for field in FIELDS}
