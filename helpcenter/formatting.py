"""Numbers, amounts and dates written the way the page's locale writes them (Babel)."""

from __future__ import annotations

import html
import os
from datetime import UTC, date, datetime
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal


def money(amount: Decimal | int, locale: str) -> str:
    """US dollars with every digit the catalog gives (at least two decimals): ``US$0.025``."""
    return format_decimal(amount, format="US$#,##0.00####", locale=locale)


def whole_money(amount: Decimal | int, locale: str) -> str:
    """US dollars without decimals when there are none: ``US$5``."""
    return format_decimal(amount, format="US$#,##0.####", locale=locale)


def tokens(count: int, locale: str) -> str:
    return format_decimal(count, locale=locale)


def long_date(day: date, locale: str) -> str:
    return format_date(day, "long", locale=locale)


def markdown_text(text: str) -> str:
    """Text from data, made safe to drop into Markdown: no HTML, no table breaks."""
    return html.escape(text, quote=False).replace("|", "\\|")


def build_day() -> date:
    """The day the build stands for: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return datetime.now(tz=UTC).date()
