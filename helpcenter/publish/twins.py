"""A page's Markdown twin: what the page says, as plain Markdown for assistants and the product.

The twin starts from the page's Markdown once placeholders and markers are expanded (so it
holds the same facts as the HTML) and turns what only Python-Markdown and Material
understand into plain Markdown:

* admonitions and collapsible blocks (``!!! tip "Title"``, ``??? note``) become blockquotes
  that start with their title in bold, the default title in the page's language;
* attribute lists (``{ .md-button }``) and icon shortcodes (``:material-key:``) go away, a
  fenced block's first class becomes its language;
* layout wrappers (``<div class="grid cards" markdown>``) go away, their content stays, and
  the cost estimator's form becomes a sentence linking to the page where it works;
* a diagram becomes its title in bold and its description, as text;
* ``<br>`` inside table cells becomes a space;
* links to other pages become absolute addresses of their twins, other relative links
  (images, files) absolute addresses of the site.

Fenced code is copied exactly.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from helpcenter.escapes import markdown_text
from helpcenter.site.labels import label, labels_for
from helpcenter.tools.estimate import PREFIX as ESTIMATOR

TWIN = "index.md"
"""A twin's file name inside the page's folder: ``/models/`` has ``/models/index.md``."""

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_ADMONITION = re.compile(
    r"^(?P<indent>[ \t]*)(?P<mark>!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)"
    r'(?:[ \t]+(?P<classes>[\w -]*?))?(?:[ \t]*"(?P<title>[^"]*)")?[ \t]*$'
)
_ATTR_LIST = re.compile(
    r"[ \t]*\{:?[ \t]*(?:[.#][\w-]+|[\w-]+=(?:\"[^\"]*\"|\S+))"
    r"(?:[ \t]+(?:[.#][\w-]+|[\w-]+=(?:\"[^\"]*\"|\S+)))*[ \t]*\}"
)
_ICON = re.compile(r":(?:material|octicons|fontawesome|simple)-[\w-]+:(?:\{[^}]*\})?[ \t]*")
_WRAPPER = re.compile(
    r"^[ \t]*(?:<(?:div|section|figure)\b[^>]*\bmarkdown\b[^>]*>|</(?:div|section|figure)>)[ \t]*$"
)
_ESTIMATOR_FORM = re.compile(rf'<form class="{ESTIMATOR}"[^>]*>.*?</form>', re.S)
_HTML_CODE = re.compile(r"<code>(?P<code>[^<]*)</code>")
_BREAK = re.compile(r"[ \t]*<br\s*/?>[ \t]*")
_LINK = re.compile(r"(?P<open>\]\()(?P<target>[^)\s]+)(?P<rest>(?:[ \t]+\"[^\"]*\")?\))")
_REFERENCE = re.compile(r"^(?P<open>[ \t]*\[[^\]]+\]:[ \t]*)(?P<target>\S+)(?P<rest>.*)$")
_SCHEME = re.compile(r"^[a-zA-Z][\w+.-]*:")
_WORD_BREAK = re.compile(r"<wbr\s*/?>")
_ANCHOR = re.compile(r'<span id="[^"<>]*"></span>')
_HTML_TABLE = re.compile(r"^[ \t]*<table\b[^>]*>.*?</table>[ \t]*$", re.S | re.M)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S)
_CELL = re.compile(r"<t([hd])\b[^>]*>(.*?)</t[hd]>", re.S)
_DIAGRAM = re.compile(
    r'<figure class="hc-diagram">.*?<title\b[^>]*>(?P<title>.*?)</title>'
    r"<desc\b[^>]*>(?P<desc>.*?)</desc>.*?</figure>",
    re.S,
)


@dataclass(frozen=True)
class Place:
    """Where a page lives, to resolve its links."""

    language: str
    path: str
    """The page's source path below its language folder (``errors/index.md``)."""
    root_url: str
    """The absolute URL of the language's home, with its final slash."""


def page_url(path: str) -> str:
    """The directory-style URL of the page at source ``path``, relative to the language root."""
    stem = path[: -len(".md")] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    else:
        stem += "/"
    return "" if stem == "/" else stem


def twin_url(path: str) -> str:
    """The twin's address of the page at source ``path``, relative to the language root."""
    return page_url(path) + TWIN


@functools.lru_cache(maxsize=8192)
def to_markdown(markdown: str, place: Place) -> str:
    """The twin of a page whose expanded Markdown is ``markdown``; remembered by content, as
    a ``mkdocs serve`` rebuild sees mostly the same pages again."""
    markdown = _ESTIMATOR_FORM.sub(lambda _: _estimator_sentence(place), markdown)
    markdown = _ANCHOR.sub("", _WORD_BREAK.sub("", markdown))
    markdown = _DIAGRAM.sub(_diagram_text, markdown)
    markdown = _HTML_TABLE.sub(_markdown_table, markdown)
    lines = _convert(markdown.splitlines(), place, labels_for(place.language, "admonition."))
    text = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) + "\n"


def _diagram_text(diagram: re.Match) -> str:
    """A diagram as its title in bold and its description; SVG text is text in Markdown."""
    title, desc = (markdown_text(html.unescape(diagram[name])) for name in ("title", "desc"))
    return f"**{title}.** {desc}"


def _markdown_table(table: re.Match) -> str:
    """A table the page writes in HTML (to give its cells attributes) as a Markdown table;
    its cells hold Markdown already, one line each."""
    rows = [
        [(kind, " ".join(text.split())) for kind, text in _CELL.findall(row)]
        for row in _ROW.findall(table[0])
    ]
    rows = [row for row in rows if row]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    header = rows[0] if all(kind == "h" for kind, _ in rows[0]) else None
    body = rows[1:] if header else rows
    lines = [
        "| " + " | ".join(text for _, text in header or [("h", "")] * width) + " |",
        "|" + " --- |" * width,
    ]
    lines += ["| " + " | ".join(text for _, text in row) + " |" for row in body]
    return "\n".join(lines)


def _estimator_sentence(place: Place) -> str:
    url = urljoin(place.root_url, page_url(place.path)) + f"#{ESTIMATOR}"
    return label("twin.estimator", place.language).format(url=url)


def _convert(lines: list[str], place: Place, titles: dict[str, str]) -> list[str]:
    """Each line converted; every expression runs only on lines holding what it needs
    (a fence's backticks or tildes, an admonition's marks, a tag's ``<``), as most lines
    are plain text."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line) if "```" in line or "~~~" in line else None
        if fence:
            end = _fence_end(lines, index, fence)
            info = fence["info"].strip()
            out.append(fence["indent"] + fence["fence"] + _fence_language(info))
            out.extend(lines[index + 1 : end + 1])
            index = end + 1
            continue
        admonition = _ADMONITION.match(line) if "!!!" in line or "???" in line else None
        if admonition:
            body, index = _indented_block(lines, index + 1, len(admonition["indent"]) + 4)
            out.extend(_blockquote(admonition, body, titles, place))
            continue
        if "<" in line and _WRAPPER.match(line):
            index += 1
            continue
        out.append(_inline(line, place))
        index += 1
    return out


def _fence_end(lines: list[str], start: int, fence: re.Match) -> int:
    closing = re.compile(rf"^[ \t]*{re.escape(fence['fence'][0])}{{{len(fence['fence'])},}}[ \t]*$")
    for index in range(start + 1, len(lines)):
        if closing.match(lines[index]):
            return index
    return len(lines) - 1


def _fence_language(info: str) -> str:
    """``{ .text .error-message }`` → ``text``; ``python title="x"`` → ``python``."""
    if info.startswith("{"):
        first = re.search(r"\.([\w-]+)", info)
        return first.group(1) if first else ""
    return info.split()[0] if info else ""


def _indented_block(lines: list[str], start: int, indent: int) -> tuple[list[str], int]:
    """The lines indented by ``indent`` or more (and blank lines between them), dedented."""
    body: list[str] = []
    index = start
    while index < len(lines):
        line = lines[index]
        if line.strip() == "":
            body.append("")
        elif len(line) - len(line.lstrip(" ")) >= indent:
            body.append(line[indent:])
        else:
            break
        index += 1
    while body and body[-1] == "":
        body.pop()
        index -= 1
    return body, index


def _blockquote(admonition: re.Match, body: list[str], titles, place: Place) -> list[str]:
    indent = admonition["indent"]
    kind = admonition["type"]
    title = admonition["title"]
    if title is None:
        title = titles.get(kind, kind.capitalize())
    quoted = []
    if title.strip():
        quoted += [f"**{title.strip()}**", ""]
    while body and body[0] == "":
        body = body[1:]
    for line in _convert(body, place, titles):
        if line or (quoted and quoted[-1]):
            quoted.append(line)
    while quoted and not quoted[-1]:
        quoted.pop()
    result = [f"{indent}> {line}".rstrip() for line in quoted]
    return ["", *result, ""]


def _inline(line: str, place: Place) -> str:
    if ":" in line:
        line = _ICON.sub("", line)
    if "<code>" in line:
        in_table = line.lstrip().startswith("|")
        line = _HTML_CODE.sub(lambda match: _code_span(match["code"], in_table), line)
    if "{" in line:
        line = _skip_code(line, lambda text: _ATTR_LIST.sub("", text))
    if "<br" in line:
        line = _BREAK.sub(" ", line)
    reference = _REFERENCE.match(line) if "]:" in line else None
    if reference:
        return reference["open"] + _absolute(reference["target"], place) + reference["rest"]
    if "](" not in line:
        return line
    return _skip_code(
        line,
        lambda text: _LINK.sub(
            lambda m: m["open"] + _absolute(m["target"], place) + m["rest"], text
        ),
    )


def _code_span(escaped: str, in_table: bool) -> str:
    """A Markdown code span holding what ``<code>`` showed, whatever backticks it holds."""
    text = html.unescape(escaped)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    if in_table:
        text = text.replace("|", "\\|")
    return f"{fence}{text}{fence}"


def _skip_code(line: str, change) -> str:
    """``change`` applied to the parts of ``line`` outside inline code spans."""
    parts = re.split(r"(`+[^`]*`+)", line)
    return "".join(part if index % 2 else change(part) for index, part in enumerate(parts))


def _absolute(target: str, place: Place) -> str:
    """A link's target as an absolute address; a page's, that of its twin."""
    if target.startswith("#") or _SCHEME.match(target):
        return target
    path, _, anchor = target.partition("#")
    if path.startswith("/"):
        return urljoin(place.root_url, target)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(place.path), path))
    if path.endswith(".md"):
        address = twin_url(joined)
    else:
        address = joined + ("/" if path.endswith("/") and joined != "." else "")
        address = "" if address in (".", "./") else address
    return urljoin(place.root_url, address) + (f"#{anchor}" if anchor else "")
