"""The product's name, menu labels and support contacts, as placeholder values.

They live once, under ``extra.product`` in ``mkdocs.yml``: a leaf is either one
text for every language, a mapping with one text per language, or a list of texts
(such as IP addresses), shown as code separated by commas. Each text is plain text
(at most ``MAX_VALUE`` characters, no control characters); a key ending in ``email``
must be an e-mail address, one ending in ``url`` an https address and one ending in
``ips`` a list of IP addresses or ranges (read by :mod:`ipaddress`), checked here, where they
enter, because pages turn them into links and customers paste them into allow-lists.

Until the product's team fills them in, the values are examples (documentation addresses,
``.example`` domains, the placeholder brand): :func:`example_values` names them, so that a
release build (``HELPCENTER_RELEASE=1``, ``make release``) refuses them while previews and
tests keep working with them.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from helpcenter.catalog.fields import INVISIBLE_EXPECTED, invisible_character
from helpcenter.escapes import markdown_code, markdown_text, markdown_url
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
    if path.split(" item ")[0].endswith("ips"):
        try:
            ipaddress.ip_network(text)
        except ValueError:
            raise ContentError(
                f"{where} is {text!r}; expected an IP address such as 192.0.2.10 or a range "
                "such as 192.0.2.0/28"
            ) from None
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


RELEASE = "HELPCENTER_RELEASE"
"""Set to ``1`` for a release build (``make release``): example values are refused."""
DOCUMENTATION_NETWORKS = {
    "RFC 5737": tuple(
        ipaddress.ip_network(net) for net in ("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24")
    ),
    "RFC 3849": (ipaddress.ip_network("2001:db8::/32"),),
}
"""Address ranges reserved for documentation: no server ever has one of them."""
EXAMPLE_DOMAINS = ("example", "test", "invalid", "localhost")
"""Top-level domains reserved by RFC 2606 and RFC 6761: no mail or site is ever there."""
EXAMPLE_HOSTS = ("example.com", "example.net", "example.org")
PLACEHOLDER_BRANDS = ("acme",)
"""Words of a brand that stands for "some company" in examples."""


def example_values(texts: Mapping[str, object], site_name: str, site_url: str) -> list[str]:
    """One line per example value a release must not ship: documentation IP addresses in
    ``extra.product``, addresses on reserved domains (its e-mail and URLs, and ``site_url``),
    and a placeholder brand as ``site_name``."""
    found = []
    brands = {"site_name": site_name}
    if texts.get("product", site_name) != site_name:
        brands["extra.product.name"] = str(texts["product"])
    for key, brand in brands.items():
        if any(word in PLACEHOLDER_BRANDS for word in re.findall(r"\w+", brand.lower())):
            found.append(
                f"mkdocs.yml: {key} is {brand!r}, a placeholder brand; expected the product's "
                "real name"
            )
    for path, value in texts.items():
        if path == "product":
            continue
        where = f"mkdocs.yml: extra.product.{path}"
        items = value if isinstance(value, tuple) else (value,)
        for number, item in enumerate(items, 1):
            at = f"{where} item {number}" if isinstance(value, tuple) else where
            if path.endswith("ips") and (rfc := _documentation_range(item)):
                found.append(
                    f"{at} is {item}, a documentation address ({rfc}); expected the product's "
                    "real address"
                )
            elif (path.endswith("email") or path.endswith("url")) and _example_host(item):
                found.append(
                    f"{at} is {item}, on a domain reserved for examples; expected the "
                    "product's real address"
                )
    if _example_host(site_url):
        found.append(
            f"mkdocs.yml: site_url is {site_url}, on a domain reserved for examples; expected "
            "the site's real address (set SITE_URL)"
        )
    return found


def _documentation_range(text: str) -> str | None:
    try:
        network = ipaddress.ip_network(text)
    except ValueError:
        return None
    for rfc, ranges in DOCUMENTATION_NETWORKS.items():
        if any(network.version == each.version and network.subnet_of(each) for each in ranges):
            return rfc
    return None


def _example_host(address: str) -> bool:
    host = address.rpartition("@")[2] if "@" in address and "//" not in address else ""
    host = (host or urlsplit(address).hostname or "").lower().rstrip(".")
    return host.rsplit(".", 1)[-1] in EXAMPLE_DOMAINS or any(
        host == each or host.endswith("." + each) for each in EXAMPLE_HOSTS
    )
