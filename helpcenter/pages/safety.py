"""The last line of defence: a page's HTML may not run script or link anywhere but https/mailto.

Text from data is escaped where it enters the page (helpcenter.pages.formatting), so nothing
here should ever fire for it; this check catches what escaping missed and what a guide
writes by hand (raw HTML, a ``javascript:`` link), and names the page.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

URL_ATTRIBUTES = frozenset(
    [
        "href",
        "src",
        "action",
        "formaction",
        "poster",
        "data",
        "cite",
        "background",
        "xlink:href",
        "srcset",
    ]
)
SCHEMES = frozenset(("https", "http", "mailto", ""))
"""Schemes a link may use (``""``: an address on this site). ``http`` stays for links that
browsers upgrade; data never brings one in (its URLs must be https)."""
FORBIDDEN_TAGS = frozenset(
    ["iframe", "object", "embed", "base", "frame", "frameset", "applet", "meta", "link"]
)
SCRIPT_TYPES = frozenset(("application/json",))
"""The only scripts a page body holds: data for the page's own scripts."""


def unsafe_html(html: str) -> str | None:
    """What in ``html`` could run script or load a page elsewhere, told briefly; None if nothing."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: str | None = None

    def handle_starttag(self, tag, attrs):
        if self.found:
            return
        named = dict(attrs)
        if tag in FORBIDDEN_TAGS:
            self.found = f"a <{tag}> element"
        elif tag == "script" and (named.get("type") or "").lower() not in SCRIPT_TYPES:
            self.found = "a <script> element"
        for name, value in attrs:
            if self.found:
                return
            if name.startswith("on"):
                self.found = f"an {name} attribute on <{tag}>"
            elif name in URL_ATTRIBUTES and value and not _allowed(name, value):
                self.found = f"a link to {value[:60]!r}"

    handle_startendtag = handle_starttag


def _allowed(name: str, value: str) -> bool:
    urls = (
        [part.split()[0] for part in value.split(",") if part.strip()]
        if name == "srcset"
        else [value]
    )
    for url in urls:
        cleaned = "".join(char for char in url if ord(char) > 0x20).lower()
        scheme = urlsplit(cleaned).scheme if ":" in cleaned.split("/")[0] else ""
        if scheme not in SCHEMES:
            return False
    return True
