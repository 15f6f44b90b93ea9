"""The monthly cost estimator's arithmetic: the one reference the page's script must equal.

A conversation is ``messages`` requests to the API. Each request sends ``input_tokens``
(instructions, history and the new message), of which ``cached_share`` percent is served
from OpenAI's cache, and receives ``output_tokens``. Prices are US$ per 1 million tokens;
a model without a cached-input price bills cached tokens at its input price::

    per message      = (input_tokens × ((100 − cached_share) × input + cached_share × cached)
                        + 100 × output_tokens × output) ÷ (100 × 1,000,000)
    per conversation = messages × per message
    per month        = conversations × per conversation

Everything is computed exactly (``Decimal``, no rounding) and rounded once, for display:

* the monthly cost to cents, ``ROUND_HALF_UP``;
* the cost per conversation to cents, ``ROUND_HALF_UP``; when that cost is under one cent,
  to four decimals instead (``ROUND_HALF_UP``), so that cheap conversations do not read
  "US$0.00";
* the days the minimum prepaid credit lasts, ``minimum_top_up × 30 ÷ monthly cost`` (a 30-day
  month with the same volume every day), rounded *down* to tenths, so it never promises more
  days than the credit gives; none when the monthly cost is zero.

The comparison lists every current model, cheapest first (by the exact cost of one message,
which orders the monthly costs too), equal costs in the order of the model list:
recommended picks first (quality, then economy), then the other current models by input price.

``overrides/assets/javascripts/estimator.js`` computes the same with integers: every price
in millionths of a dollar (:data:`PRICE_DECIMALS`), which the build checks is exact.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, Inexact, localcontext

from babel import Locale
from babel.numbers import format_decimal

from helpcenter.catalog.models import ROLES, Catalog, Model
from helpcenter.pages.formatting import build_day
from helpcenter.site.labels import label

DAYS_PER_MONTH = 30
PRICE_DECIMALS = 6
"""The page's script computes in millionths of a dollar: no price may have more decimals."""

CENT = Decimal("0.01")
SMALL = Decimal("0.0001")
TENTH = Decimal("0.1")


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
    Field("output", "output_tokens", 500, 200_000),
    Field("cached", "cached_share", 50, 100),
)
"""The estimator's numeric inputs, in form order. Each is a whole number from 0 to ``maximum``."""


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
    """Every current model (the chosen one too), cheapest first."""

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


def choices(catalog: Catalog, day: date | None = None) -> list[Choice]:
    """The models a reader can choose, in the order the form lists them: the recommended
    picks of ``day`` (quality, then economy), then every other current model by input price
    (equal prices in catalog order)."""
    day = day or build_day()
    picks = {}
    for role in ROLES:
        picks.setdefault(catalog.pick(role, day).id, role)
    first = [Choice(catalog.get(model_id), role) for model_id, role in picks.items()]
    others = sorted(
        (m for m in catalog.models if m.status == "current" and m.id not in picks),
        key=lambda m: m.pricing.input,
    )
    return first + [Choice(model, None) for model in others]


def estimate(
    catalog: Catalog,
    model_id: str,
    conversations: int,
    messages: int,
    input_tokens: int,
    output_tokens: int,
    cached_share: int,
    *,
    day: date | None = None,
) -> Estimate:
    """The monthly cost of a volume on one current model, and on every other current one.

    Raises ``ValueError`` for an unknown or non-current model and for any input that is not
    a whole number from 0 to its field's maximum (``cached_share`` is a percentage, 0–100).
    """
    values = {
        "conversations": conversations,
        "messages": messages,
        "input_tokens": input_tokens,
        "output_tokens": output_tokens,
        "cached_share": cached_share,
    }
    for field in FIELDS:
        value = values[field.argument]
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{field.argument} must be a whole number, not {value!r}")
        if not 0 <= value <= field.maximum:
            raise ValueError(f"{field.argument} must be from 0 to {field.maximum}, not {value}")
    chosen = catalog.get(model_id)
    if chosen is None or chosen.status != "current":
        raise ValueError(f"{model_id!r} is not a current model of the catalog")

    listed = [choice.model for choice in choices(catalog, day)]
    costs = [_cost(model, **values) for model in listed]
    comparison = tuple(sorted(costs, key=lambda cost: cost.per_message))
    cost = next(cost for cost in costs if cost.model.id == model_id)
    return Estimate(
        cost=cost,
        minimum_top_up=catalog.minimum_top_up,
        days=_days(catalog.minimum_top_up, cost.monthly_exact),
        comparison=comparison,
    )


def _cost(
    model: Model,
    conversations: int,
    messages: int,
    input_tokens: int,
    output_tokens: int,
    cached_share: int,
) -> Cost:
    pricing = model.pricing
    cached = pricing.input if pricing.cached_input is None else pricing.cached_input
    with localcontext() as exact:
        exact.prec = 80
        exact.traps[Inexact] = True  # every step below is exact, or this raises
        per_message = (
            input_tokens * ((100 - cached_share) * pricing.input + cached_share * cached)
            + 100 * output_tokens * pricing.output
        ) / Decimal(100_000_000)
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


def price_problems(catalog: Catalog) -> list[str]:
    """Prices the page's script could not compute exactly (more than six decimals)."""
    unit = Decimal(1).scaleb(-PRICE_DECIMALS)
    problems = []
    if catalog.minimum_top_up != catalog.minimum_top_up.quantize(unit):
        problems.append(
            f"data/models.yml: billing, field minimum_top_up has more than {PRICE_DECIMALS} "
            "decimals; the cost estimator computes in millionths of a dollar"
        )
    for model in catalog.models:
        if model.status != "current":
            continue
        for field in ("input", "cached_input", "output"):
            value = getattr(model.pricing, field)
            if value is not None and value != value.quantize(unit):
                problems.append(
                    f"data/models.yml: model '{model.id}', field pricing.{field} has more than "
                    f"{PRICE_DECIMALS} decimals; the cost estimator computes in millionths "
                    "of a dollar"
                )
    return problems


# What the page shows.


@dataclass(frozen=True)
class ShownCost:
    model_id: str
    name: str
    monthly: str
    per_conversation: str
    chosen: bool


@dataclass(frozen=True)
class Shown:
    monthly: str
    per_conversation: str
    days: str
    comparison: tuple[ShownCost, ...]


def usd(amount: Decimal, locale: str) -> str:
    """An already rounded amount with exactly its decimals: ``US$1.20``, ``US$0.0013``."""
    places = max(2, -amount.as_tuple().exponent)
    return format_decimal(amount, format="US$#,##0." + "0" * places, locale=_babel(locale))


def display(result: Estimate, locale: str) -> Shown:
    """The texts the page shows for ``result`` in ``locale`` (``es_419`` or ``es-419``)."""
    language = Locale.parse(_babel(locale)).language
    return Shown(
        monthly=usd(result.monthly, locale),
        per_conversation=usd(result.per_conversation, locale),
        days=days_text(result.days, language, locale),
        comparison=tuple(
            ShownCost(
                model_id=cost.model.id,
                name=cost.model.name,
                monthly=usd(cost.monthly, locale),
                per_conversation=usd(cost.per_conversation, locale),
                chosen=cost.model.id == result.model.id,
            )
            for cost in result.comparison
        ),
    )


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
