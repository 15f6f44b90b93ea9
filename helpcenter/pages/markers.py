"""Placeholders and markers that pages use instead of typing facts by hand.

Two forms, both replaced before Markdown is rendered:

* inline placeholders: ``{{ product }}``, ``{{ menu.settings }}`` (a value), or
  ``{{ model:gpt-5-mini }}``, ``{{ error:insufficient-quota }}`` (a kind and an argument);
* block markers on a line of their own: ``<!-- md:pricing reasoning -->``.

An unknown name, kind or marker stops the build with a line naming the page.

Expansion is one pass over the page: what a placeholder or marker writes (a model's
name, an error's title, a price table) is never read again for placeholders or
markers, so text from data that looks like one stays text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from helpcenter.problems import ContentError

_ANY = re.compile(
    r"(?P<block>^[ \t]*<!--\s*md:(?P<block_name>[\w-]+)(?P<args>(?:[ \t]+[\w.:-]+)*)\s*-->[ \t]*$)"
    r"|(?P<stray_block><!--\s*md:(?s:.*?)-->)"
    r"|(?P<inline>\{\{\s*(?P<name>[a-z_][\w.]*)(?::(?P<arg>[^\s{}]+))?\s*\}\})"
    r"|\{\{.*?\}\}",
    re.M,
)
"""Block markers, inline placeholders, and anything resembling either (an error), in one pass."""


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
        return _ANY.sub(lambda match: self._one(match, page), markdown)

    def _one(self, match: re.Match, page: Page) -> str:
        if match["block"]:
            return self._block(match, page)
        if match["inline"]:
            return self._inline(match, page)
        if match["stray_block"]:
            raise ContentError(
                f"{page.source}: marker {match.group(0)!r} must stand alone on its own line"
            )
        raise ContentError(f"{page.source}: cannot read placeholder {match.group(0)!r}")

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
        name, args = match["block_name"], match["args"].split()
        if name not in self.blocks:
            known = ", ".join(f"md:{marker}" for marker in sorted(self.blocks))
            raise ContentError(
                f"{page.source}: unknown marker {match.group(0).strip()!r} (known: {known})"
            )
        return self.blocks[name](args, page)
