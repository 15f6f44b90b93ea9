"""The product's name, menu labels and support contacts, as placeholder values.

They live once, under ``extra.product`` in ``mkdocs.yml``: a leaf is either one
text for every language, a mapping with one text per language, or a list of texts
(such as IP addresses), shown as code separated by commas. Each text is plain text
(at most ``MAX_VALUE`` characters, no control characters); a key ending in ``email``
must be an e-mail address and one ending in ``url`` an https address, checked here,
where they enter, because pages turn them into links.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from helpcenter.catalog.fields import INVISIBLE_EXPECTED, invisible_character
from helpcenter.pages.formatting import markdown_code, markdown_text, markdown_url
from helpcenter.problems import ContentError

MAX_VALUE = 200
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_HTTPS = re.compile(r"https://[^\s<>\"'`\\]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
BRAND_FORBIDDEN = '<>&"'
"""Characters the brand (``site_name``) may not hold: the theme writes it unescaped."""


def product_texts(
    product: Mapping | None, language: str, languages: Sequence[str]
) -> dict[str, str]:
    """Plain placeholder values in one language: ``product``, ``menu.settings``, ``support.email``…"""
    if not isinstance(product, Mapping) or not product.get("name"):
        raise ContentError("mkdocs.yml: extra.product.name must give the product's name")
    values: dict[str, str] = {}

    def walk(node, path: str):
        if isinstance(node, Mapping) and set(node) & set(languages):
            missing = [code for code in languages if not node.get(code)]
            if missing:
                raise ContentError(
                    f"mkdocs.yml: extra.product.{path} has no text in {', '.join(missing)}"
                )
            values[path] = _checked(path, node[language])
        elif isinstance(node, Mapping):
            for key, child in node.items():
                walk(child, f"{path}.{key}" if path else str(key))
        elif isinstance(node, str | int | float) and not isinstance(node, bool):
            values[path] = _checked(path, str(node))
        elif isinstance(node, list) and node and all(isinstance(item, str) for item in node):
            values[path] = tuple(
                _checked(f"{path} item {n}", item) for n, item in enumerate(node, 1)
            )
        else:
            raise ContentError(
                f"mkdocs.yml: extra.product.{path} must be a text or a list of texts"
            )

    walk(product, "")
    values["product"] = values.pop("name")
    return values


def product_values(
    product: Mapping | None, language: str, languages: Sequence[str]
) -> dict[str, str]:
    """The same values as Markdown: literal text; an e-mail address as its ``mailto:`` link."""
    return markdown_values(product_texts(product, language, languages))


def markdown_values(texts: Mapping[str, str]) -> dict[str, str]:
    values = {}
    for name, text in texts.items():
        if isinstance(text, tuple):
            values[name] = ", ".join(markdown_code(item) for item in text)
        elif name.endswith("email"):
            values[name] = f"[{markdown_text(text)}](mailto:{markdown_url(text)})"
        else:
            values[name] = markdown_text(text)
    return values


def _checked(path: str, value: object) -> str:
    text = value if isinstance(value, str) else str(value)
    where = f"mkdocs.yml: extra.product.{path}"
    if len(text) > MAX_VALUE:
        raise ContentError(f"{where} has {len(text):,} characters; expected at most {MAX_VALUE}")
    if control := _CONTROL.search(text):
        raise ContentError(
            f"{where} holds the control character U+{ord(control.group()):04X}; "
            "expected one line of plain text"
        )
    if invisible := invisible_character(text):
        raise ContentError(
            f"{where} holds the invisible character {invisible}; {INVISIBLE_EXPECTED}"
        )
    if path.endswith("email") and not _EMAIL.fullmatch(text):
        raise ContentError(
            f"{where} is {text!r}; expected an e-mail address such as help@example.com"
        )
    if path.endswith("url") and not _HTTPS.fullmatch(text):
        raise ContentError(f"{where} is {text!r}; expected an https:// address")
    return text


def check_brand(site_name: object) -> None:
    """The brand as ``site_name``: the theme writes it unescaped into every page's header,
    navigation label, ``aria-label`` and ``<title>``, so it must be plain text there."""
    if not isinstance(site_name, str) or not site_name.strip():
        raise ContentError("mkdocs.yml: site_name must give the product's name")
    if invisible := invisible_character(site_name):
        raise ContentError(
            f"mkdocs.yml: site_name holds the invisible character {invisible}; {INVISIBLE_EXPECTED}"
        )
    bad = sorted({char for char in site_name if char in BRAND_FORBIDDEN})
    if bad or _CONTROL.search(site_name) or len(site_name) > MAX_VALUE:
        raise ContentError(
            f"mkdocs.yml: site_name is {site_name[:MAX_VALUE]!r}; expected the product's name as "
            f"one line of plain text (at most {MAX_VALUE} characters, without "
            f"{' '.join(BRAND_FORBIDDEN)}): the theme writes it into every page unescaped"
        )
