"""What a catalog editor would never mean, although each field alone is valid.

These rules compare fields of one entry (cached input dearer than input, an
announcement after the shutdown) or entries of one catalog (two picks for one role,
an error page that would replace another page). Each broken rule is one line naming
the file, the entry and the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

PRICE_DECIMALS = 6
"""Price tables show up to this many decimals; a price with more would be shown rounded."""
RESERVED_ERROR_SLUGS = ("index",)
"""Slugs whose page would replace a page of the errors folder that is not an error."""


def model_problems(entries: list[dict], shown_as: str) -> list[str]:
    problems: list[str] = []
    picks: dict[str, str] = {}
    for entry in entries:
        where = f"{shown_as}: model '{entry['id']}', field"
        pricing = entry["pricing"]
        for field in ("input", "cached_input", "output", "cache_write"):
            problems += _price_digits(pricing.get(field), f"{where} pricing.{field}")
        cached, full = pricing["cached_input"], pricing["input"]
        if cached is not None and cached > full:
            problems.append(
                f"{where} pricing.cached_input is {cached}, above pricing.input {full}; "
                "expected a cached price no higher than the input price"
            )
        if entry["max_output_tokens"] > entry["context_window"]:
            problems.append(
                f"{where} max_output_tokens is {entry['max_output_tokens']}, above "
                f"context_window {entry['context_window']}; expected at most the context window"
            )
        role = entry.get("recommended")
        if role in picks:
            problems.append(
                f"{where} recommended is {role}, already given to model '{picks[role]}'; "
                "expected one model per role"
            )
        elif role:
            picks[role] = entry["id"]
    return problems


def billing_problems(billing: dict, shown_as: str) -> list[str]:
    return _price_digits(billing["minimum_top_up"], f"{shown_as}: billing, field minimum_top_up")


def _price_digits(amount: object, where: str) -> list[str]:
    if not isinstance(amount, Decimal | int) or isinstance(amount, bool):
        return []
    exponent = Decimal(amount).as_tuple().exponent
    if isinstance(exponent, int) and -exponent > PRICE_DECIMALS:
        return [f"{where} is {amount}; expected at most {PRICE_DECIMALS} decimal places"]
    return []


def error_problems(
    entries: list[dict], shown_as: str, docs_root: Path, languages: Sequence[str], folder: str
) -> list[str]:
    """Error slugs whose page would take the address of another page of ``folder``."""
    problems = []
    for entry in entries:
        slug = entry["slug"]
        taken = [
            code
            for code in languages
            if (docs_root / code / folder / f"{slug}.md").exists()
            or (docs_root / code / folder / slug).exists()
        ]
        if slug in RESERVED_ERROR_SLUGS or taken:
            page = f"docs/{taken[0] if taken else languages[0]}/{folder}/{slug}.md"
            problems.append(
                f"{shown_as}: error '{slug}', field slug would replace {page} "
                f"(its address {folder}/{slug}/ is taken); expected another slug"
            )
    return problems
