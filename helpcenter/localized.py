"""Numbers, amounts of money and dates written the way a locale writes them (Babel): the
one place that formats US dollars, for the pages, the estimator and the reference tables."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal


def money_affixes(locale: str) -> tuple[str, str]:
    """What comes before and after a US-dollar amount in ``locale``: the currency sign
    ``US$`` placed and spaced as the locale's CLDR currency pattern places its own sign
    (Babel): ``("US$", "")`` in es-419 and en-US (``US$5``), ``("US$\u00a0", "")`` in pt-BR
    (``US$ 5``, with a no-break space)."""
    pattern = Locale.parse(locale).currency_formats["standard"]
    return pattern.prefix[0].replace("¤", "US$"), pattern.suffix[0].replace("¤", "US$")


def usd_pattern(number: str, locale: str) -> str:
    """A Babel number pattern (``#,##0.00``) with the US-dollar sign of ``locale`` around it."""
    before, after = money_affixes(locale)
    return f"{before}{number}{after}"


def money(amount: Decimal | int, locale: str, *, least: int = 2, most: int = 6) -> str:
    """US dollars, the one way the site writes them: at least ``least`` and at most ``most``
    decimals. By default every digit the catalog gives, at least two (``US$0.025``,
    ``US$ 0,025`` in pt-BR); ``least=0`` for an amount without decimals when there are none
    (``US$5``, ``US$ 5``); ``least=most`` for an amount already rounded to that many
    decimals (``US$0.0050``)."""
    decimals = "." + "0" * least + "#" * (most - least) if most else ""
    return format_decimal(amount, format=usd_pattern("#,##0" + decimals, locale), locale=locale)


def tokens(count: int, locale: str) -> str:
    return format_decimal(count, locale=locale)


def long_date(day: date, locale: str) -> str:
    return format_date(day, "long", locale=locale)
