"""The last line of defence: a page's HTML may not run script or link anywhere but https/mailto.

Text from data is escaped where it enters the page (helpcenter.escapes), so nothing
here should ever fire for it; this check catches what escaping missed and what a guide
writes by hand (raw HTML, a ``javascript:`` link), and names the page.

Every page of every build goes through it, so it has two ways of reading a page that give
the same answer. The exact one is Python's ``HTMLParser``, tag by tag in Python. The fast
one reads a page whose every tag is well formed (``<name attr="value" …>``, the only
shape Markdown writes) with a few regular expressions run over the whole page at once,
and answers only "nothing found": a page it cannot vouch for (any tag of another shape,
a ``<`` inside a quoted value, a ``<script>``, an ``on…`` attribute, a URL with a
scheme) is read by the exact one, which names what it found.
"""

from __future__ import annotations

import functools
import re
from html import unescape
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


_SPACE = "[\\t\\n\\f\\r ]"
_NAME = "[a-zA-Z_:@][-\\w:.@]*"
_VALUE = "\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+"
_TAG_START = re.compile("<[a-zA-Z]")
"""Where ``HTMLParser`` may start a tag: nowhere else."""
_WELL_FORMED_TAG = re.compile(
    rf"<([a-zA-Z][a-zA-Z0-9-]*)((?:{_SPACE}+{_NAME}(?:{_SPACE}*={_SPACE}*(?:{_VALUE}))?)*)"
    rf"{_SPACE}*/?>"
)
"""A start tag of one reading only: a name, then attributes each after white space."""
_ATTRIBUTE = re.compile(rf"{_SPACE}+({_NAME})(?:{_SPACE}*={_SPACE}*({_VALUE}))?")


@functools.lru_cache(maxsize=8192)
def unsafe_html(html: str) -> str | None:
    """What in ``html`` could run script or load a page elsewhere, told briefly; None if nothing.

    Remembered by content: a ``mkdocs serve`` rebuild sees mostly the same pages again."""
    if _plainly_safe(html):
        return None
    return exact_unsafe_html(html)


def _plainly_safe(html: str) -> bool:
    """True only if ``exact_unsafe_html`` finds nothing in ``html``; False when unsure.

    When every place a tag can start begins a well-formed tag, those tags are all the
    tags ``HTMLParser`` reads (a ``<`` inside a quoted value makes the counts differ),
    and their attributes read the same with one expression over all of them at once.
    """
    tags = _WELL_FORMED_TAG.findall(html)
    if len(tags) != len(_TAG_START.findall(html)):
        return False
    names = {name.lower() for name, _ in tags}
    if names & FORBIDDEN_TAGS:
        return False
    if "script" in names and not all(
        (dict(_attributes(attributes)).get("type") or "").lower() in SCRIPT_TYPES
        for name, attributes in tags
        if name.lower() == "script"
    ):
        return False
    for name, value in _attributes(" ".join(attributes for _, attributes in tags)):
        if name.startswith("on"):
            return False
        if name in URL_ATTRIBUTES and value and ":" in value and not _allowed(name, value):
            return False
    return True


def _attributes(text: str) -> list[tuple[str, str]]:
    """The attributes of well-formed tags' ``text`` as ``HTMLParser`` reports them: names in
    lower case, values without their quotes and with character references read."""
    found = []
    for name, value in _ATTRIBUTE.findall(text):
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        found.append((name.lower(), unescape(value) if "&" in value else value))
    return found


def exact_unsafe_html(html: str) -> str | None:
    """``unsafe_html`` read tag by tag with ``HTMLParser``: the reference, and what names
    the problem."""
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
