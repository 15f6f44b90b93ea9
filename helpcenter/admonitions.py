"""Admonition titles in the page's language.

Python-Markdown titles an admonition without a title of its own after its type
("Warning"); a Spanish page needs "Advertencia". Titles an editor wrote are kept.
"""

from __future__ import annotations

import re

from helpcenter.labels import labels_for

_ADMONITION = re.compile(
    r'(<div class="admonition (?P<type>[\w-]+)[^"]*">\s*<p class="admonition-title">)'
    r"(?P<title>[^<]*)(</p>)"
)
_DETAILS = re.compile(
    r'(<details class="(?P<type>[\w-]+)[^"]*"(?: open(?:="open")?)?>\s*<summary>)'
    r"(?P<title>[^<]*)(</summary>)"
)


def translate_default_titles(html: str, language: str) -> str:
    titles = labels_for(language, "admonition.")

    def replace(match: re.Match) -> str:
        kind = match["type"]
        if kind in titles and match["title"] == kind.capitalize():
            return match.group(1) + titles[kind] + match.group(4)
        return match.group(0)

    return _DETAILS.sub(replace, _ADMONITION.sub(replace, html))
