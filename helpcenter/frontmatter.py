"""Front matter that MkDocs could not read.

MkDocs treats a page whose front matter is not valid YAML as having none, and
renders the broken block as text. The build stops instead, naming the page.
"""

from __future__ import annotations

import re

import yaml

from helpcenter.problems import ContentError

_BLOCK = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def check_front_matter(markdown: str, source: str) -> None:
    """Raise if ``markdown`` (a page as MkDocs handed it on) still starts with a front matter block."""
    block = _BLOCK.match(markdown)
    if not block:
        return
    try:
        data = yaml.safe_load(block["yaml"])
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
    block = _BLOCK.match(markdown)
    if not block:
        return ()
    try:
        data = yaml.safe_load(block["yaml"])
    except yaml.YAMLError:
        return ()  # check_front_matter names the page when MkDocs renders it
    phrases = data.get("phrases", []) if isinstance(data, dict) else []
    if not isinstance(phrases, list) or not all(
        isinstance(phrase, str) and phrase.strip() for phrase in phrases
    ):
        raise ContentError(
            f"{source}: front matter field phrases must be a list of non-empty texts"
        )
    return tuple(phrases)
