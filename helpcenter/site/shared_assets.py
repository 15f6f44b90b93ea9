"""One copy of the theme's files for every language.

Every language is built with the same theme, so each build would copy the same CSS,
JavaScript and images into its own folder (``site/assets/`` and ``site/en/assets/``), and a
reader who switches language would download them again under another address. The
primary build keeps them; the other languages do not copy them and their pages point at
the primary build's copy instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def depth(language_root: str) -> int:
    """How many folders a language's root is below the site's root (``/en/`` → 1)."""
    return len([part for part in language_root.split("/") if part])


def pointer(asset_urls: Iterable[str], language_root: str, site_path: str = "/"):
    """A function that makes a page of the language at ``language_root`` use the primary
    build's copy of each of ``asset_urls`` (theme files, such as
    ``assets/stylesheets/main.css``); ``site_path`` is the path of the site's root on its
    host (``/``, or ``/docs/`` for a site served below a folder).

    A page refers to a theme file either relatively (``../assets/x.css`` from
    ``/en/billing/``) or, on the 404 page, by absolute path (``/en/assets/x.css``); both
    are pointed one language root higher. Other references, such as a file of the
    language's own docs, are left alone.
    """
    urls = set(asset_urls)
    if not urls or depth(language_root) == 0:
        return lambda html: html
    folders = "|".join(sorted({re.escape(url.split("/", 1)[0]) for url in urls}))
    up = "../" * depth(language_root)
    here = site_path.rstrip("/") + "/" + language_root.strip("/") + "/"
    root = site_path.rstrip("/") + "/"
    # A page is long and holds few references: find each at its folder (plain text that
    # the search skips to), then read the address from there and what comes before it.
    folder = re.compile(rf"(?:{folders})/")
    address = re.compile(rf"(?:{folders})/[^\"'?#)\s]+(?=[\"'?#)])")

    def point(html: str) -> str:
        pieces, last = [], 0
        for found in folder.finditer(html):
            match = address.match(html, found.start())
            if found.start() < last or not match:
                continue
            start = _reference_start(html, match.start(), here)
            if start is None:
                continue
            if match[0] not in urls:  # a reference, but to a file of the language's own
                pieces.append(html[last : match.end()])
                last = match.end()
                continue
            pieces.append(html[last:start])
            if html.startswith(here, start):
                pieces.append(root)
            else:  # the ``../`` stay and a ``./`` goes: ``../`` n times, then maybe ``./``
                dots = html[start : match.start()]
                pieces.append(dots[: len(dots) - len(dots) % 3] + up)
            pieces.append(match[0])
            last = match.end()
        if not pieces:
            return html
        pieces.append(html[last:])
        return "".join(pieces)

    return point


_OPENERS = ('"', "'", "(")


def _reference_start(html: str, url_start: int, here: str) -> int | None:
    """Where the reference whose theme file's path starts at ``url_start`` starts, right
    after its quote or parenthesis: at the language's root (``/en/``), or at the ``../``
    (any number) and then ``./`` (at most one) before the path; None when it is no such
    reference."""
    start = url_start - len(here)
    if start >= 1 and html.startswith(here, start) and html[start - 1] in _OPENERS:
        return start
    start = url_start
    if start >= 2 and html.startswith("./", start - 2) and not html.startswith("../", start - 3):
        start -= 2
    while start >= 3 and html.startswith("../", start - 3):
        start -= 3
    return start if start >= 1 and html[start - 1] in _OPENERS else None


_STEMMER = re.compile(
    r"^assets/javascripts/lunr/(?:min/lunr\.(?P<code>[\w-]+)\.min\.js|(?P<extra>wordcut|tinyseg)\.js)$"
)
_KEPT = {"stemmer.support", "multi"}


def unused_search_files(asset_urls: Iterable[str], search_languages: Iterable[str]) -> list[str]:
    """The theme's search stemmers (and word segmenters) for languages the site does not
    search in: the theme ships one for each language it knows; a page loads only its own."""
    wanted = set(search_languages) | _KEPT
    unused = []
    for url in asset_urls:
        match = _STEMMER.match(url)
        if match and (match["extra"] or match["code"] not in wanted):
            unused.append(url)
    return unused
