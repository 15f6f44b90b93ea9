"""Text from data made literal in each output context: one function per context
(Markdown text, Markdown prose with placeholders, code, link targets, JSON in a script
element, SVG). Nothing here knows of pages, catalogs or MkDocs."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from urllib.parse import quote

from helpcenter.problems import ContentError

_BREAKABLE_SPACE = re.compile(r"[^\S\u00a0\u202f]+")
"""Runs of white space other than the no-break spaces (U+00A0, U+202F)."""


def _one_line(text: str) -> str:
    return _BREAKABLE_SPACE.sub(" ", text).strip(" ")


def markdown_text(text: str) -> str:
    """Text from data, literal wherever Markdown puts it: a paragraph, a heading, a table cell,
    link text, bold. No raw HTML, no table breaks, no emphasis, links, images, attribute lists
    (``{ onclick=… }``), keys (``++ctrl++``), emoji (``:smile:``) or block syntax at its start;
    line breaks become spaces, since a value always stands on one line of the page; a
    no-break space stays (``US$\u00a05`` in pt-BR keeps its sign and number together)."""
    escaped = html.escape(_one_line(text), quote=False).translate(_MARKDOWN_BACKSLASH)
    return _quiet_start(_EMOJI.sub("&#58;", escaped))


def markdown_prose(text: str, values: Mapping[str, str], where: str) -> str:
    """Markdown prose from data (``**bold**``, ``[links](…)``, `` `code` ``): its
    ``{{ placeholders }}`` filled once from ``values`` (Markdown already), everything else
    kept from acting as HTML, attributes, images, keys, tables, markers or placeholders.
    ``where`` names the field for the one-line error about an unknown placeholder."""
    parts = _CODE_SPAN.split(" ".join(text.split()))
    pieces = []
    for at in range(0, len(parts), 3):
        pieces.append(_prose_piece(parts[at], values, where))
        if at + 2 < len(parts):
            pieces.append(parts[at + 1] + parts[at + 2] + parts[at + 1])
    return _quiet_start("".join(pieces))


def filled_text(text: str, values: Mapping[str, str], where: str) -> str:
    """Plain text from data with its ``{{ placeholders }}`` filled once from plain ``values``,
    for contexts that escape it themselves (an attribute, JSON)."""
    return _prose_piece(text, values, where, escape=False)


def _prose_piece(text: str, values: Mapping[str, str], where: str, escape: bool = True) -> str:
    out, last = [], 0
    literal = _prose_literal if escape else _unfilled
    for match in _PLACEHOLDER.finditer(text):
        out.append(literal(text[last : match.start()], where))
        name = match["name"]
        if name not in values:
            known = ", ".join(f"{{{{ {key} }}}}" for key in sorted(values))
            raise ContentError(
                f"{where} has unknown placeholder {match.group(0)!r} (known: {known})"
            )
        out.append(values[name])
        last = match.end()
    out.append(literal(text[last:], where))
    return "".join(out)


def _prose_literal(text: str, where: str) -> str:
    for link in _LINK_TARGET.finditer(text):
        if link["scheme"].lower() not in ("https", "mailto"):
            raise ContentError(
                f"{where} links {link['target']}; expected an https:, mailto: or relative link"
            )
    escaped = html.escape(_unfilled(text, where), quote=False).translate(_PROSE_BACKSLASH)
    return _EMOJI.sub("&#58;", escaped)


def _unfilled(text: str, where: str) -> str:
    if stray := _STRAY_PLACEHOLDER.search(text):
        raise ContentError(f"{where} has a placeholder that cannot be read: {stray.group(0)!r}")
    return text


def _quiet_start(text: str) -> str:
    """Keep the first character from opening a block (list, definition, details, tabs, fence)."""
    match = _BLOCK_START.match(text)
    if not match:
        return text
    at = match.end() - 1
    return f"{text[:at]}&#{ord(text[at])};{text[at + 1 :]}"


_MARKDOWN_BACKSLASH = str.maketrans({char: "\\" + char for char in "\\`*_{}[]#|!+"})
_PROSE_BACKSLASH = str.maketrans({char: "\\" + char for char in "{}|!+"})
_EMOJI = re.compile(r":(?=[\w+-]+:)")
_BLOCK_START = re.compile(r"\d+[.)]|[-:?~=]")
_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
_PLACEHOLDER = re.compile(r"\{\{\s*(?P<name>[a-z_][\w.]*)\s*\}\}")
_LINK_TARGET = re.compile(r"\](?:\(\s*<?|:\s*)(?P<target>(?P<scheme>[A-Za-z][\w+.-]*):[^)\s>]*)")
_STRAY_PLACEHOLDER = re.compile(r"\{\{.*?(?:\}\}|$)|\}\}")


def markdown_code(text: str) -> str:
    """Text from data shown as code. A Markdown code span would end at the first backtick
    in the text and let the rest be read as Markdown and raw HTML; here every character
    Markdown could act on is an entity, so the text stays literal."""
    return f"<code>{html.escape(' '.join(text.split())).translate(_MARKDOWN_ENTITIES)}</code>"


_MARKDOWN_ENTITIES = str.maketrans({char: f"&#{ord(char)};" for char in "`*_[]\\|~+:{}"})


def markdown_url(url: str) -> str:
    """A URL from data, safe as a Markdown link target: characters that could end the
    target or start HTML (``)``, ``<``, ``"``, spaces, backticks…) are percent-encoded."""
    return quote(url, safe=_URL_SAFE)


_URL_SAFE = "-._~:/?#[]@!$&'*+,;=%"


def script_json(data: object) -> str:
    """``data`` as JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or
    ``&`` can end the element or open a comment, whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def svg_text(text: str) -> str:
    """Text from data inside SVG (an element's text or an attribute value): escaped for XML,
    and nothing else. SVG is not Markdown, so ``*``, ``[`` or ``#`` stay as typed."""
    return html.escape(text, quote=True)
