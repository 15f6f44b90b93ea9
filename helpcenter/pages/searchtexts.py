"""What the search box knows of a guide: its phrases and its sections.

A question lands on the section that answers it when there is one: each ``##`` and ``###``
heading of a guide is a section, found by its own words and by the phrases the guide's
front matter gives it (``sections``: the heading's anchor and a list of texts)::

    phrases:
      - "change my key"
    sections:
      remove-the-key-from-the-integration:
        - "disconnect OpenAI"

Anchors are the ones the page's table of contents gives its headings (Python-Markdown's
``toc``: accents and punctuation dropped, words joined by hyphens, ``_1`` for a repeat).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import yaml
from markdown.extensions.toc import slugify, unique

from helpcenter.catalog.frontmatter import check_sections, front_matter_phrases
from helpcenter.problems import ContentError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BLOCK = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"^(#{2,3})[ \t]+(?P<text>.+?)[ \t]*#*[ \t]*$", re.M)
_FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.M | re.S)
_PLACEHOLDER = re.compile(r"\{\{\s*([\w.-]+)\s*\}\}")


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchTexts:
    phrases: tuple[str, ...]
    sections: tuple[Section, ...]
    excluded: bool = False
    """The page's front matter keeps it out of search (``search: {exclude: true}``)."""
    description: str = ""
    """The page's front matter description."""


def search_texts(markdown: str, source: str, values: Mapping[str, str]) -> SearchTexts:
    """The guide's phrases and sections; ``values`` fills placeholders in headings (plain text)."""
    body = _BLOCK.sub("", markdown, count=1)
    body = _FENCE.sub("", body)
    used: set[str] = set()
    found = []
    for match in _HEADING.finditer(body):
        heading = _PLACEHOLDER.sub(lambda m: values.get(m[1], ""), match["text"])
        heading = " ".join(heading.split())
        anchor = unique(slugify(heading, "-"), used)
        found.append((anchor, heading))
    given, excluded, description = _front_matter(markdown, source)
    anchors = [anchor for anchor, _ in found]
    for anchor in given:
        if anchor not in anchors:
            raise ContentError(
                f"{source}: front matter field sections names '{anchor}', which is no heading's "
                f"anchor of the page (anchors: {', '.join(anchors) or 'none'})"
            )
    return SearchTexts(
        phrases=front_matter_phrases(markdown, source),
        sections=tuple(
            Section(anchor, heading, tuple(given.get(anchor, ()))) for anchor, heading in found
        ),
        excluded=excluded,
        description=_PLACEHOLDER.sub(lambda m: values.get(m[1], ""), description),
    )


def _front_matter(markdown: str, source: str) -> tuple[dict[str, tuple[str, ...]], bool, str]:
    """The front matter's section phrases, and whether it keeps the page out of search."""
    block = _BLOCK.match(markdown)
    if not block:
        return {}, False, ""
    try:
        data = yaml.load(block["yaml"], Loader=_LOADER)
    except yaml.YAMLError:
        return {}, False, ""  # check_front_matter names the page when MkDocs renders it
    if not isinstance(data, dict):
        return {}, False, ""
    search = data.get("search")
    excluded = isinstance(search, dict) and search.get("exclude") is True
    description = data.get("description")
    return (
        check_sections(data.get("sections", {}), source),
        excluded,
        description if isinstance(description, str) else "",
    )
