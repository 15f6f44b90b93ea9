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
    reference = re.compile(
        rf"(?<=[\"'(])(?:(?P<here>{re.escape(here)})|(?P<dots>(?:\.\./)*)(?:\./)?)"
        rf"(?P<url>(?:{folders})/[^\"'?#)\s]+)(?=[\"'?#)])"
    )

    def repoint(match: re.Match) -> str:
        if match["url"] not in urls:
            return match[0]
        if match["here"]:
            return root + match["url"]
        return match["dots"] + up + match["url"]

    def point(html: str) -> str:
        return reference.sub(repoint, html)

    return point


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
