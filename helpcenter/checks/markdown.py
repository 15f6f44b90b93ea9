"""A page's shape as its editor wrote it, for the parity check: headings, admonitions,
tables, code blocks, links, markers and placeholders, each with its line.

This is not a Markdown renderer, and it does not read prose (spelling is pyspelling's,
with its own Markdown filter). It reads the source line by line, knowing the syntax the
site uses: front matter, fenced code, HTML comments and ``<!-- md:… -->`` markers,
``{{ … }}`` placeholders, Material admonitions (``!!! type``), content tabs, tables and links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from helpcenter.checks.problem import Problem

_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_MARKER = re.compile(r"<!--\s*md:(?P<spec>.*?)\s*-->", re.S)
_HEADING = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_ADMONITION = re.compile(
    r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?P<classes>(?:[ \t]+[\w-]+)*)"
    r"(?:[ \t]+\"(?P<title>[^\"]*)\")?[ \t]*$"
)
_TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_REFERENCE = re.compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:[ \t]*<?(?P<target>[^\s>]+)>?")
_CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)")
_PLACEHOLDER = re.compile(r"\{\{(?P<inner>.*?)\}\}")
_AUTOLINK = re.compile(r"<(?P<target>[a-z][a-z0-9+.-]*:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>", re.I)
_HTML_TARGET = re.compile(r"\b(?:href|src)=(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)')", re.I)
_LINK = re.compile(
    r"!?\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"(?:\([ \t]*(?:<(?P<angled>[^>]*)>|(?P<target>[^\s()]*(?:\([^\s()]*\)[^\s()]*)*))"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*\)|\[(?P<ref>[^\]]*)\])"
)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int

    def __str__(self) -> str:
        return f"{'#' * self.level} {self.text}"


@dataclass(frozen=True)
class Item:
    """Something a page's twin must have too.

    ``kind`` is ``admonition`` (value: its type), ``table``, ``code`` (a fenced block,
    value: its language), ``link`` (value: the target), ``marker`` (value: ``pricing
    reasoning``) or ``placeholder`` (value: ``menu.settings``).
    """

    kind: str
    value: str
    line: int


@dataclass
class Page:
    source: str
    headings: list[Heading] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def last_written_line(self, before: int) -> int:
        """The last non-blank line above line ``before`` (0 when there is none)."""
        number = min(before, len(self.lines) + 1) - 1
        while number > 0 and not self.lines[number - 1].strip():
            number -= 1
        return number


def read(path: Path, source: str) -> tuple[str | None, list[Problem]]:
    """A page's text, or the problem that it is not UTF-8 (the scan check names the byte)."""
    try:
        return path.read_text(encoding="utf-8"), []
    except UnicodeDecodeError:
        return None, [Problem(source, None, "is not UTF-8 text: save it as UTF-8")]


def parse(markdown: str, source: str) -> Page:
    """Read one page; ``source`` is the name messages give it (``docs/es/billing.md``)."""
    lines = markdown.splitlines()
    page = Page(source=source, lines=lines)
    visible = list(lines)

    start = 0
    if lines and lines[0].rstrip() == "---":
        for number in range(1, len(lines)):
            if lines[number].rstrip() in ("---", "..."):
                for index in range(number + 1):
                    visible[index] = ""
                start = number + 1
                break

    fence = None
    for index in range(start, len(lines)):
        text = lines[index]
        opening = _FENCE.match(text)
        if fence is None and opening:
            fence = opening["fence"]
            language = text[opening.end() :].strip().split(" ")[0].lstrip(".{")
            page.items.append(Item("code", language, index + 1))
            visible[index] = ""
        elif fence is not None:
            closing = text.strip()
            if closing and set(closing) == {fence[0]} and len(closing) >= len(fence):
                fence = None
            visible[index] = ""

    joined = "\n".join(visible)
    for marker in _MARKER.finditer(joined):
        page.items.append(
            Item(
                "marker",
                " ".join(marker["spec"].split()),
                joined.count("\n", 0, marker.start()) + 1,
            )
        )
    joined = _COMMENT.sub(lambda match: "\n" * match.group(0).count("\n"), joined)
    visible = joined.split("\n")

    previous = ""
    for index, text in enumerate(visible):
        number = index + 1
        if not text.strip():
            previous = text
            continue
        _read_line(page, text, number, previous)
        previous = text
    page.items.sort(key=lambda item: item.line)
    return page


def _read_line(page: Page, text: str, number: int, previous: str) -> None:
    heading = _HEADING.match(text)
    if heading:
        title = heading["text"] or ""
        page.headings.append(Heading(len(heading["hashes"]), title, number))
        _add_inline(page, title, number)
        return
    admonition = _ADMONITION.match(text)
    if admonition:
        page.items.append(Item("admonition", admonition["kind"].lower(), number))
        _add_inline(page, admonition["title"] or "", number)
        return
    if _TABLE_DELIMITER.match(text) and "|" in text:
        if "|" in previous:
            page.items.append(Item("table", "", number - 1))
        return
    reference = _REFERENCE.match(text)
    if reference:
        page.items.append(Item("link", reference["target"], number))
        return
    _add_inline(page, text, number)


def _add_inline(page: Page, text: str, number: int) -> None:
    without_code = _CODE_SPAN.sub(" ", text)
    for placeholder in _PLACEHOLDER.finditer(without_code):
        page.items.append(Item("placeholder", " ".join(placeholder["inner"].split()), number))
    for target in link_targets(without_code):
        page.items.append(Item("link", target, number))


def link_targets(text: str) -> list[str]:
    """Every link and image target in a line of Markdown (code spans already removed)."""
    targets = []
    for link in _LINK.finditer(text):
        target = link["angled"] if link["angled"] is not None else link["target"]
        if target:
            targets.append(target)
    targets += [match["target"] for match in _AUTOLINK.finditer(text)]
    targets += [match["dq"] or match["sq"] for match in _HTML_TARGET.finditer(text)]
    return targets
