"""Placeholders and markers that pages use instead of typing facts by hand.

Two forms, both replaced before Markdown is rendered:

* inline placeholders: ``{{ product }}``, ``{{ menu.settings }}`` (a value), or
  ``{{ model:gpt-5-mini }}``, ``{{ error:insufficient-quota }}`` (a kind and an argument);
* block markers on a line of their own: ``<!-- md:pricing reasoning -->``.

An unknown name, kind or marker stops the build with a line naming the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from helpcenter.problems import ContentError

_INLINE = re.compile(r"\{\{\s*(?P<name>[a-z_][\w.]*)(?::(?P<arg>[^\s{}]+))?\s*\}\}")
_LOOSE_INLINE = re.compile(r"\{\{.*?\}\}")
_BLOCK = re.compile(
    r"^[ \t]*<!--\s*md:(?P<name>[\w-]+)(?P<args>(?:[ \t]+[\w.:-]+)*)\s*-->[ \t]*$", re.M
)
_ANY_BLOCK = re.compile(r"<!--\s*md:.*?-->", re.S)


@dataclass(frozen=True)
class Page:
    """What a marker needs to know of the page it stands in."""

    language: str
    path: str
    """The page's path below its language folder, as MkDocs' ``src_uri`` (``errors/index.md``)."""
    source: str
    """The file an editor would open, for messages (``docs/es/errors/index.md``)."""


Inline = Callable[[str, Page], str]
Block = Callable[[list[str], Page], str]


class Markers:
    def __init__(
        self,
        values: Mapping[str, str],
        inline: Mapping[str, Inline] | None = None,
        blocks: Mapping[str, Block] | None = None,
    ):
        self.values = dict(values)
        self.inline = dict(inline or {})
        self.blocks = dict(blocks or {})

    def expand(self, markdown: str, page: Page) -> str:
        markdown = _BLOCK.sub(lambda match: self._block(match, page), markdown)
        if stray := _ANY_BLOCK.search(markdown):
            raise ContentError(
                f"{page.source}: marker {stray.group(0)!r} must stand alone on its own line"
            )
        markdown = _INLINE.sub(lambda match: self._inline(match, page), markdown)
        if stray := _LOOSE_INLINE.search(markdown):
            raise ContentError(f"{page.source}: cannot read placeholder {stray.group(0)!r}")
        return markdown

    def _inline(self, match: re.Match, page: Page) -> str:
        name, arg = match["name"], match["arg"]
        if arg is None:
            if name in self.values:
                return self.values[name]
            known = ", ".join(sorted(self.values))
            raise ContentError(
                f"{page.source}: unknown placeholder {match.group(0)!r} (known: {known})"
            )
        if name in self.inline:
            return self.inline[name](arg, page)
        known = ", ".join(f"{{{{ {kind}:… }}}}" for kind in sorted(self.inline))
        raise ContentError(
            f"{page.source}: unknown placeholder kind {match.group(0)!r} (known: {known})"
        )

    def _block(self, match: re.Match, page: Page) -> str:
        name, args = match["name"], match["args"].split()
        if name not in self.blocks:
            known = ", ".join(f"md:{marker}" for marker in sorted(self.blocks))
            raise ContentError(
                f"{page.source}: unknown marker {match.group(0).strip()!r} (known: {known})"
            )
        return self.blocks[name](args, page)
