"""Admonition titles in the page's language.

Python-Markdown titles an admonition without a title of its own after its type
("Warning"); a Spanish page needs "Advertencia". Titles an editor wrote are kept.
"""

from __future__ import annotations

import re

from helpcenter.problems import ContentError
from helpcenter.site.labels import labels_for

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


TYPES = frozenset(
    [
        "note",
        "abstract",
        "summary",
        "tldr",
        "info",
        "todo",
        "tip",
        "hint",
        "important",
        "success",
        "check",
        "done",
        "question",
        "help",
        "faq",
        "warning",
        "caution",
        "attention",
        "failure",
        "fail",
        "missing",
        "danger",
        "error",
        "bug",
        "example",
        "quote",
        "cite",
    ]
)
"""The admonition types the theme styles; any other would render as an unstyled note."""
_OPENING = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]+(?P<type>[^\s\"]+)", re.M)
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,}).*?^[ \t]*\1[ \t]*$", re.M | re.S)


def check_types(markdown: str, source: str) -> None:
    """Raise at the first admonition (``!!! type``, ``??? type``) of a type that does not exist."""
    outside_code = _FENCE.sub(lambda match: "\n" * match.group(0).count("\n"), markdown)
    for match in _OPENING.finditer(outside_code):
        kind = match["type"]
        if kind not in TYPES:
            line = outside_code.count("\n", 0, match.start()) + 1
            raise ContentError(
                f"{source}:{line}: admonition type '{kind}' does not exist; expected one of "
                + ", ".join(sorted(TYPES))
            )
