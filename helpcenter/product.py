"""The product's name, menu labels and support contacts, as placeholder values.

They live once, under ``extra.product`` in ``mkdocs.yml``: a leaf is either one
text for every language, a mapping with one text per language, or a list of texts
(such as IP addresses), shown as code separated by commas.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from helpcenter.formatting import markdown_code
from helpcenter.problems import ContentError


def product_values(
    product: Mapping | None, language: str, languages: Sequence[str]
) -> dict[str, str]:
    """Placeholder values in one language: ``product``, ``menu.settings``, ``support.email``…"""
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
            values[path] = _text(path, node[language])
        elif isinstance(node, Mapping):
            for key, child in node.items():
                walk(child, f"{path}.{key}" if path else str(key))
        elif isinstance(node, str | int | float):
            values[path] = _text(path, str(node))
        elif isinstance(node, list) and node and all(isinstance(item, str) for item in node):
            values[path] = ", ".join(markdown_code(item) for item in node)
        else:
            raise ContentError(
                f"mkdocs.yml: extra.product.{path} must be a text or a list of texts"
            )

    walk(product, "")
    values["product"] = values.pop("name")
    return values


def _text(path: str, value: str) -> str:
    escaped = html.escape(value, quote=False)
    if path.endswith("email"):
        return f"[{escaped}](mailto:{escaped})"
    return escaped
