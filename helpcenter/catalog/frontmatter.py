"""Front matter that MkDocs could not read.

MkDocs treats a page whose front matter is not valid YAML as having none, and
renders the broken block as text. The build stops instead, naming the page.
"""

from __future__ import annotations

import re

import yaml

from helpcenter.catalog.fields import (
    INVISIBLE_EXPECTED,
    MAX_PHRASE,
    MAX_PHRASES,
    invisible_character,
)
from helpcenter.problems import ContentError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader where PyYAML has it: a page's front matter is read on every build."""
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
"""A page's front matter block (its YAML in the group ``yaml``), the one pattern every reader of
front matter uses."""


def check_front_matter(markdown: str, source: str) -> None:
    """Raise if ``markdown`` (a page as MkDocs handed it on) still starts with a front matter block."""
    block = FRONT_MATTER.match(markdown)
    if not block:
        return
    try:
        data = yaml.load(block["yaml"], Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = f":{mark.line + 2}" if mark else ""
        raise ContentError(
            f"{source}{line}: the front matter is not valid YAML ({error.problem}); "
            "fix it or the page loses its title and description"
        ) from None
    if not isinstance(data, dict):
        raise ContentError(f"{source}: the front matter must be a list of 'key: value' lines")


def front_matter_phrases(markdown: str, source: str) -> tuple[str, ...]:
    """The ``phrases`` of a page's front matter: what readers type looking for the page."""
    block = FRONT_MATTER.match(markdown)
    if not block:
        return ()
    try:
        data = yaml.load(block["yaml"], Loader=_LOADER)
    except yaml.YAMLError:
        return ()  # check_front_matter names the page when MkDocs renders it
    return _phrases(data.get("phrases", []) if isinstance(data, dict) else [], source)


def _phrases(phrases: object, source: str) -> tuple[str, ...]:
    if not isinstance(phrases, list) or not all(
        isinstance(phrase, str) and phrase.strip() for phrase in phrases
    ):
        raise ContentError(
            f"{source}: front matter field phrases must be a list of non-empty texts"
        )
    where = f"{source}: front matter field phrases"
    if len(phrases) > MAX_PHRASES:
        raise ContentError(f"{where} has {len(phrases)} phrases; expected at most {MAX_PHRASES}")
    for phrase in phrases:
        if len(phrase) > MAX_PHRASE:
            raise ContentError(
                f"{where} has a phrase of {len(phrase):,} characters; expected at most {MAX_PHRASE}"
            )
        _visible(phrase, where)
    return tuple(phrases)


def _visible(text: str, where: str) -> None:
    if invisible := invisible_character(text):
        raise ContentError(
            f"{where} holds the invisible character {invisible}; {INVISIBLE_EXPECTED}"
        )


def check_sections(sections: object, source: str) -> dict[str, tuple[str, ...]]:
    """``sections`` of a front matter as anchor -> phrases, or one line saying what is wrong."""
    if not isinstance(sections, dict) or not all(
        isinstance(anchor, str)
        and isinstance(phrases, list)
        and phrases
        and all(isinstance(each, str) and each.strip() for each in phrases)
        for anchor, phrases in sections.items()
    ):
        raise ContentError(
            f"{source}: front matter field sections must map a heading's anchor to a list of "
            "non-empty texts"
        )
    return {anchor: tuple(phrases) for anchor, phrases in sections.items()}


FIELDS = {"title": 200, "description": 1000}
"""Front matter texts a guide may set, with their size limits (and ``phrases``, a list of
texts, which ``front_matter_phrases`` checks)."""
HIDE = frozenset(("navigation", "toc", "footer", "path", "tags", "feedback"))


def check_meta(meta: dict, source: str) -> None:
    """Raise unless the front matter holds only fields this site uses, each of its type.

    The theme writes several front matter fields into every page unescaped or as
    template names (``template``, ``subtitle``, ``status``, ``author``…): a guide may
    only set ``title`` and ``description`` (text), ``phrases`` (texts), ``sections`` (texts per
    heading, :mod:`helpcenter.pages.searchtexts`), ``search`` and ``hide``.
    """
    for key, value in meta.items():
        where = f"{source}: front matter field {key}"
        if key in FIELDS:
            if not isinstance(value, str) or not value.strip():
                raise ContentError(f"{where} must be a text")
            if len(value) > FIELDS[key]:
                raise ContentError(
                    f"{where} has {len(value):,} characters; expected at most {FIELDS[key]:,}"
                )
            _visible(value, where)
        elif key == "search":
            if not isinstance(value, dict) or not set(value) <= {"boost", "exclude"}:
                raise ContentError(f"{where} must be a mapping of boost (a number) or exclude")
            boost = value.get("boost", 1)
            if not isinstance(boost, int | float) or isinstance(boost, bool) or not 0 < boost <= 10:
                raise ContentError(f"{where}.boost must be a number above 0 and at most 10")
        elif key == "phrases":
            _phrases(value, source)
        elif key == "sections":
            check_sections(value, source)
        elif key == "hide":
            if not isinstance(value, list) or not set(value) <= HIDE:
                raise ContentError(f"{where} must be a list of: {', '.join(sorted(HIDE))}")
        else:
            raise ContentError(
                f"{where} is not one this site uses; expected only title, description, "
                "phrases, sections, search, hide"
            )
