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
``toc``: accents and punctuation dropped, words joined by hyphens, ``_1`` for a repeat). A
heading that holds a placeholder ("Qué envía {{ product }} en cada respuesta") is keyed by
its anchor without the placeholder (``que-envia-en-cada-respuesta``), so renaming the
product or a menu label never breaks the front matter; the link still goes to the built
page's anchor.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import yaml
from markdown.extensions.toc import slugify, unique

from helpcenter.catalog.frontmatter import FRONT_MATTER, check_sections, front_matter_phrases
from helpcenter.problems import ContentError
from helpcenter.tools import errorfinder

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_HEADING = re.compile(r"^(#{2,3})[ \t]+(?P<text>.+?)[ \t]*#*[ \t]*$", re.M)
_FENCE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$", re.M | re.S)
_PLACEHOLDER = re.compile(r"\{\{\s*([\w.:/-]+)\s*\}\}")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TARGET = re.compile(r"\]\([^)]*\)")
_ATTRIBUTES = re.compile(r"\{\s*[:.#][^}]*\}")
_ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+", re.M)
_DIGIT = re.compile(r"[0-9]")
_EMPHASIS = re.compile(r"[*`]+")


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    phrases: tuple[str, ...] = ()
    body: str = ""
    """The words of the section's own text, up to the next heading (:func:`body_words`)."""


@dataclass(frozen=True)
class SearchTexts:
    phrases: tuple[str, ...]
    sections: tuple[Section, ...]
    excluded: bool = False
    """The page's front matter keeps it out of search (``search: {exclude: true}``)."""
    description: str = ""
    """The page's front matter description."""
    body: str = ""
    """The words of the page's text before its first section (:func:`body_words`)."""
    boost: float = 1
    """The page's front matter weight in search (``search: {boost: 0.5}``): a hub of links to
    other pages gets less than 1, so its text weighs less than a topic page's."""


def search_texts(markdown: str, source: str, values: Mapping[str, str]) -> SearchTexts:
    """The guide's phrases and sections; ``values`` fills placeholders in headings (plain text)."""
    body = FRONT_MATTER.sub("", markdown, count=1)
    body = _FENCE.sub("", body)
    used: set[str] = set()
    steady: set[str] = set()
    found = []
    headings = list(_HEADING.finditer(body))
    for number, match in enumerate(headings):
        heading = _PLACEHOLDER.sub(lambda m: values.get(m[1], ""), match["text"])
        heading = " ".join(heading.split())
        anchor = unique(slugify(heading, "-"), used)
        key = unique(slugify(" ".join(_PLACEHOLDER.sub(" ", match["text"]).split()), "-"), steady)
        end = headings[number + 1].start() if number + 1 < len(headings) else len(body)
        found.append((anchor, key, heading, body_words(body[match.end() : end])))
    intro = body_words(body[: headings[0].start()] if headings else body)
    given, excluded, description, boost = _front_matter(markdown, source)
    keys = {key: anchor for anchor, key, _, _ in found}
    keys.update({anchor: anchor for anchor, _, _, _ in found})
    for key in given:
        if key not in keys:
            named = ", ".join(dict.fromkeys(key for _, key, _, _ in found)) or "none"
            raise ContentError(
                f"{source}: front matter field sections names '{key}', which is no heading's "
                f"anchor of the page (anchors: {named})"
            )
    phrases: dict[str, list[str]] = {}
    for key, texts in given.items():
        phrases.setdefault(keys[key], []).extend(texts)
    return SearchTexts(
        phrases=front_matter_phrases(markdown, source),
        sections=tuple(
            Section(anchor, heading, tuple(phrases.get(anchor, ())), text)
            for anchor, _, heading, text in found
        ),
        excluded=excluded,
        description=_PLACEHOLDER.sub(lambda m: values.get(m[1], ""), description),
        body=intro,
        boost=boost,
    )


def body_words(markdown: str) -> str:
    """The words of a stretch of a guide, as the search box compares them: lower case without
    accents, one space between words, in their order (a reader's phrase of several words
    still reads as one), no numbers, links' targets, markers, attribute lists or placeholders
    (a placeholder names a product, a label or another page, and is filled only when the
    site is built, so the reference and the built site read the same words)."""
    text = _COMMENT.sub(" ", markdown)
    text = _PLACEHOLDER.sub(" ", text)
    text = _TARGET.sub("]", text)
    text = _ATTRIBUTES.sub(" ", text)
    text = _ADMONITION.sub(" ", text)
    text = _EMPHASIS.sub(" ", text)
    return " ".join(
        word for word in errorfinder.tokens(text) if not _DIGIT.search(word) and len(word) > 1
    )


def _front_matter(
    markdown: str, source: str
) -> tuple[dict[str, tuple[str, ...]], bool, str, float]:
    """The front matter's section phrases, whether it keeps the page out of search, its
    description and its search weight."""
    block = FRONT_MATTER.match(markdown)
    if not block:
        return {}, False, "", 1
    try:
        data = yaml.load(block["yaml"], Loader=_LOADER)
    except yaml.YAMLError:
        return {}, False, "", 1  # check_front_matter names the page when MkDocs renders it
    if not isinstance(data, dict):
        return {}, False, "", 1
    search = data.get("search")
    excluded = isinstance(search, dict) and search.get("exclude") is True
    boost = search.get("boost", 1) if isinstance(search, dict) else 1
    description = data.get("description")
    return (
        check_sections(data.get("sections", {}), source),
        excluded,
        description if isinstance(description, str) else "",
        boost if isinstance(boost, int | float) and not isinstance(boost, bool) else 1,
    )
