"""A page as its editor wrote it: where its prose, headings, admonitions and links are.

This is not a Markdown renderer. It reads the source the way the checks need it, line by
line, knowing the syntax the site uses: front matter, fenced code, HTML comments and
``<!-- md:… -->`` markers, ``{{ … }}`` placeholders, Material admonitions (``!!! type``),
content tabs, attribute lists (``{ .md-button }``), emoji shortcodes, tables and links.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from helpcenter.checks.problem import Problem

PROSE_FRONT_MATTER_KEYS = ("title", "description")
"""Front matter keys whose values readers see as text; other keys are settings."""

_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_MARKER = re.compile(r"<!--\s*md:(?P<spec>.*?)\s*-->", re.S)
_HEADING = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_ADMONITION = re.compile(
    r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?P<classes>(?:[ \t]+[\w-]+)*)"
    r"(?:[ \t]+\"(?P<title>[^\"]*)\")?[ \t]*$"
)
_TAB = re.compile(r"^[ \t]*===\+?[ \t]+\"(?P<title>[^\"]*)\"[ \t]*$")
_TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_REFERENCE = re.compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:[ \t]*<?(?P<target>[^\s>]+)>?")
_ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:")
_FRONT_KEY = re.compile(r"^(?P<key>[\w-]+):[ \t]*(?P<value>.*)$")

_CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`)")
_PLACEHOLDER = re.compile(r"\{\{(?P<inner>.*?)\}\}")
_KEYS = re.compile(r"\+\+[\w+-]+\+\+")
_AUTOLINK = re.compile(r"<(?P<target>[a-z][a-z0-9+.-]*:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_HTML_TARGET = re.compile(r"\b(?:href|src)=(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)')", re.I)
_LINK = re.compile(
    r"!?\[(?P<text>(?:[^\[\]]|\[[^\[\]]*\])*)\]"
    r"(?:\([ \t]*(?:<(?P<angled>[^>]*)>|(?P<target>[^\s()]*(?:\([^\s()]*\)[^\s()]*)*))"
    r"(?:[ \t]+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?[ \t]*\)|\[(?P<ref>[^\]]*)\])"
)
_ATTRIBUTE = r"(?:[.#][\w-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+))"
_ATTR_LIST = re.compile(r"\{:?[ \t]*" + _ATTRIBUTE + r"(?:[ \t]+" + _ATTRIBUTE + r")*[ \t]*\}")
_URL = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+", re.I)
_DOMAIN = re.compile(
    r"\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|ai|dev|app|co|example)\b(?:/[^\s)\]]*)?", re.I
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_EMOJI = re.compile(r"(?<![\w:]):[a-z0-9_+-]+:(?![\w:])")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]+);", re.I)
_STRONG = re.compile(r"\*\*(?=\S)(?P<a>.+?)(?<=\S)\*\*|(?<!\w)__(?=\S)(?P<b>.+?)(?<=\S)__(?!\w)")
APOSTROPHES = "'\u2019"
"""The apostrophes that may stand inside a word: straight and typographic."""
_CHUNK = re.compile(rf"[\w{APOSTROPHES}-]+")


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


@dataclass(frozen=True)
class Prose:
    """Text a reader sees on one line. ``strong`` is text in bold (``**…**``)."""

    line: int
    text: str
    strong: bool = False


@dataclass
class Page:
    source: str
    headings: list[Heading] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    prose: list[Prose] = field(default_factory=list)
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
                page.prose += _front_matter_prose(lines[1:number], first_line=2)
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
    tab = _TAB.match(text)
    if tab:
        _add_inline(page, tab["title"], number)
        return
    if _TABLE_DELIMITER.match(text) and "|" in text:
        if "|" in previous:
            page.items.append(Item("table", "", number - 1))
        return
    reference = _REFERENCE.match(text)
    if reference:
        page.items.append(Item("link", reference["target"], number))
        return
    if _ABBREVIATION.match(text):
        return
    _add_inline(page, text, number)


def _add_inline(page: Page, text: str, number: int) -> None:
    without_code = _CODE_SPAN.sub(" ", text)
    for placeholder in _PLACEHOLDER.finditer(without_code):
        page.items.append(Item("placeholder", " ".join(placeholder["inner"].split()), number))
    for target in link_targets(without_code):
        page.items.append(Item("link", target, number))
    plain, strong = inline_prose(text)
    if plain.strip():
        page.prose.append(Prose(number, plain))
    page.prose += [Prose(number, bold, strong=True) for bold in strong]


def _front_matter_prose(lines: list[str], first_line: int) -> list[Prose]:
    found = []
    for offset, text in enumerate(lines):
        entry = _FRONT_KEY.match(text)
        if entry and entry["key"] in PROSE_FRONT_MATTER_KEYS:
            value = entry["value"].strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
                value = value[1:-1]
            plain, strong = inline_prose(value)
            found.append(Prose(first_line + offset, plain))
            found += [Prose(first_line + offset, bold, strong=True) for bold in strong]
    return found


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


def inline_prose(text: str) -> tuple[str, list[str]]:
    """The words a reader sees in a line of Markdown, and separately those in bold.

    Code spans, placeholders, comments, keys (``++ctrl+c++``), URLs, e-mail addresses,
    host names (``platform.openai.com/docs``), HTML tags, link targets, attribute lists,
    emoji shortcodes and entities are dropped;
    a link keeps its text.
    """
    text = _COMMENT.sub(" ", text)
    text = _CODE_SPAN.sub(" ", text)
    text = _PLACEHOLDER.sub(" ", text)
    text = _KEYS.sub(" ", text)
    text = _AUTOLINK.sub(" ", text)
    text = _HTML_TAG.sub(" ", text)
    for _ in range(2):  # a link inside an image's text
        text = _LINK.sub(lambda link: f" {link['text']} ", text)
    text = _ATTR_LIST.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _EMAIL.sub(" ", text)
    text = _DOMAIN.sub(" ", text)
    text = _EMOJI.sub(" ", text)
    text = _ENTITY.sub(" ", text)
    strong = [match["a"] or match["b"] for match in _STRONG.finditer(text)]
    plain = _STRONG.sub(" ", text)
    return plain, [bold for bold in strong if bold.strip()]


def words(text: str) -> Iterator[str]:
    """The words of some prose, as a spelling dictionary knows them.

    Hyphenated words are split; anything with a digit or an underscore (``gpt-5``,
    ``insufficient_quota``, ``4o``) is an identifier, not a word; single letters are skipped.
    """
    for chunk in _CHUNK.finditer(text):
        word = chunk.group().strip(APOSTROPHES + "-_")
        if not word or "_" in word or any(character.isdigit() for character in word):
            continue
        for part in word.split("-"):
            part = part.strip(APOSTROPHES)
            if len(part) >= 2:
                yield part
