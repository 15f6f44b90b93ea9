"""Numbers, amounts and dates written the way the page's locale writes them (Babel)."""

from __future__ import annotations

import html
import os
from datetime import UTC, date, datetime
from decimal import Decimal
from urllib.parse import quote

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


def markdown_code(text: str) -> str:
    """Text from data shown as code. A Markdown code span would end at the first backtick
    in the text and let the rest be read as Markdown and raw HTML; here every character
    Markdown could act on is an entity, so the text stays literal."""
    return f"<code>{html.escape(text).translate(_MARKDOWN_ENTITIES)}</code>"


_MARKDOWN_ENTITIES = str.maketrans({char: f"&#{ord(char)};" for char in "`*_[]\\|~"})


def markdown_url(url: str) -> str:
    """A URL from data, safe as a Markdown link target: characters that could end the
    target or start HTML (``)``, ``<``, ``"``, spaces, backticks…) are percent-encoded."""
    return quote(url, safe=_URL_SAFE)


_URL_SAFE = "-._~:/?#[]@!$&'*+,;=%"


def build_day() -> date:
    """The day the build stands for: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return datetime.now(tz=UTC).date()
