"""The kinds of value a catalog holds, each with its limits, once.

Every catalog's shape (:mod:`helpcenter.catalog.models`, :mod:`helpcenter.catalog.errors`,
:mod:`helpcenter.catalog.redirects`) is built from these types. Each type validates the
editor's value, tells what is wrong in structured error data (a type and its limits, never
a sentence to parse) and describes itself in the JSON Schema generated for editors
(:mod:`helpcenter.catalog.schemas`). Prices are exact ``Decimal``; dates are ``date``
written ``YYYY-MM-DD``; texts hold no control characters other than line breaks and tabs,
and no invisible format characters (:func:`invisible_character`, the one rule every text
field of the site follows: catalogs, ``extra.product``, the brand, front matter).

A text in the site's languages (:data:`Texts`) is a mapping from language code to text: the
shape accepts any language code, and the catalog's loader holds the keys to the languages the
site is built in, so adding a language changes no code and no schema.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    Strict,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

SHAPE = ConfigDict(
    extra="forbid", validate_by_name=True, validate_by_alias=True, use_attribute_docstrings=True
)
"""Every shape refuses fields it does not define and reads fields by their YAML name; a
field's docstring is its description in the generated schema."""
MAX_TEXT = 1000
"""The most characters a text may have unless its field says otherwise."""
PRICE_DECIMALS = 6
"""Price tables show up to this many decimals; a price with more would be shown rounded."""
LANGUAGE = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
"""A language code as ``extra.alternate`` gives it (``es``, ``en``, ``pt``, ``pt-BR``)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_FORMAT = (
    r"\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    r"\ufeff\ufff9-\ufffb"
)
"""The invisible format characters of the Basic Multilingual Plane the JSON Schema names (it
is a hint for editors; :func:`invisible_character` is the rule)."""
_PLAIN = rf"[^\x00-\x08\x0b-\x1f\x7f{_FORMAT}]*"
_JOINERS = frozenset("\u200c\u200d")
INVISIBLE_EXPECTED = (
    "expected text without bidirectional controls, zero-width or other invisible characters"
)


def invisible_character(value: str) -> str | None:
    """The first invisible format character of ``value``, told as ``U+202E (RIGHT-TO-LEFT
    OVERRIDE)``; None when it has none.

    These are Unicode's format characters (category Cf): bidirectional controls (U+202A to
    U+202E, U+2066 to U+2069), zero-width spaces and joiners, the byte order mark, soft
    hyphens and the like. They show nothing, yet reverse what a reader sees (a model name
    read backwards) or make two texts that look alike differ (an error code the lookup then
    misses). The one exception is the zero-width non-joiner and joiner (U+200C, U+200D)
    between two letters of a script that spells words with them (Arabic, Persian, the Indic
    scripts: every script from U+0600 on), where they are part of the word; Latin, Greek and
    Cyrillic, below U+0600, never need them. The site's languages use none of them, so this
    only matters for a language added later.
    """
    if value.isascii():
        return None
    for at, char in enumerate(value):
        if unicodedata.category(char) != "Cf":
            continue
        if char in _JOINERS and 0 < at < len(value) - 1:
            before, after = value[at - 1], value[at + 1]
            if all(ord(c) >= 0x600 and unicodedata.category(c)[0] in "LM" for c in (before, after)):
                continue
        return f"U+{ord(char):04X} ({unicodedata.name(char, 'FORMAT CHARACTER')})"
    return None


def _fail(kind: str, **context: Any):
    """A structured validation error: ``kind`` and its ``context`` make the message."""
    raise PydanticCustomError(kind, kind, context)


@dataclass(frozen=True)
class PerLanguage:
    """Marks a field whose value is a mapping language → text (or list of texts).

    ``every``: every language of the site needs one; otherwise a language may go without.
    """

    every: bool = True


def text(
    limit: int = MAX_TEXT,
    *,
    pattern: str | None = None,
    expected: str = "",
    blank: bool = False,
    description: str | None = None,
) -> Any:
    """A text of at most ``limit`` characters, not blank unless ``blank``; matching
    ``pattern`` when given (``expected`` says what it must look like)."""
    matcher = re.compile(pattern) if pattern else None

    def check(value: str) -> str:
        if control := _CONTROL.search(value):
            _fail("control_character", character=f"U+{ord(control.group()):04X}")
        if invisible := invisible_character(value):
            _fail("invisible_character", character=invisible)
        if not blank and not value.strip():
            _fail("blank_text")
        if matcher and not matcher.search(value):
            _fail("text_pattern", expected=expected)
        return value

    schema: dict[str, Any] = {"type": "string", "maxLength": limit}
    if not blank:
        schema["minLength"] = 1
    # One pattern says everything a plain text must be: no control character, and not blank.
    schema["pattern"] = pattern or (f"^{_PLAIN}$" if blank else rf"^(?=[\s\S]*\S){_PLAIN}$")
    if description or expected:
        told = description or expected.removeprefix("expected ")
        schema["description"] = told[0].upper() + told[1:]
    return Annotated[
        str,
        Strict(),
        Field(max_length=limit),
        AfterValidator(check),
        WithJsonSchema(schema),
    ]


def one_of(*values: str, description: str | None = None) -> Any:
    """One of ``values``, told with the allowed ones when it is not."""

    def check(value: object) -> object:
        if not isinstance(value, str) or value not in values:
            _fail("one_of", values=values)
        return value

    schema: dict[str, Any] = {"enum": list(values)}
    if description:
        schema["description"] = description
    return Annotated[str, BeforeValidator(check), WithJsonSchema(schema)]


def _number(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        _fail("number_type")
    return Decimal(value)


def _places(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > PRICE_DECIMALS:
        _fail("decimal_places", places=PRICE_DECIMALS)
    return value


def amount(description: str = "US$, at most 6 decimal places.") -> Any:
    """An exact amount of US$ (a price or a top-up): 0 to 10,000, at most 6 decimals."""
    return Annotated[
        Decimal,
        BeforeValidator(_number),
        Field(ge=0, le=10000),
        AfterValidator(_places),
        WithJsonSchema(
            {"type": "number", "minimum": 0, "maximum": 10000, "description": description}
        ),
    ]


Amount = amount()


def _day(value: object) -> date:
    if type(value) is date:
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    _fail("date_format")


def day(description: str = "A date, YYYY-MM-DD.") -> Any:
    return Annotated[
        date,
        BeforeValidator(_day),
        PlainSerializer(date.isoformat),
        WithJsonSchema(
            {
                "type": "string",
                "format": "date",
                "pattern": r"^\d{4}-\d{2}-\d{2}$",
                "description": description,
            }
        ),
    ]


Day = day()
Url = text(pattern=r"^https://\S+$", expected="expected an https:// address")
Text = text()
Tokens = Annotated[int, Strict(), Field(ge=1)]
Language = Annotated[str, Strict(), Field(pattern=LANGUAGE)]


def texts(item: Any = Text, *, every: bool = True) -> Any:
    """The same text (``item``) in the site's languages, keyed by language code; the field's
    docstring describes it."""
    return Annotated[
        dict[Language, item],
        PerLanguage(every),
        Field(json_schema_extra={"additionalProperties": False}),
    ]


Texts = texts()


MAX_PHRASE = 100
"""The most characters a reader's phrase may have: what someone types in a search box."""
MAX_PHRASES = 10
"""The most phrases an error or a page may give in one language."""
Phrases = Annotated[tuple[text(MAX_PHRASE), ...], Field(min_length=1, max_length=MAX_PHRASES)]
