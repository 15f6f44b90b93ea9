"""``llms.txt`` and ``llms-full.txt`` of one language, after the llms.txt proposal.

``llms.txt``: the site's name as H1, its summary as a blockquote, then one H2 section per
navigation section (a page outside any section is a section of its own, under its title)
with one line per page: ``- [Title](twin address): one sentence``. Pages outside the
navigation go last, under ``Optional``, the proposal's name for what a reader may skip.
``llms-full.txt``: the same heading, then every page's twin in that order.

Names, titles and front-matter descriptions are text (``markdown_text``): a description
holding ``[x](javascript:…)`` or ``<img onerror=…>`` is shown as typed, never as a link or a
tag. Only a page's own first paragraph, taken from its twin, is Markdown already.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from helpcenter.escapes import markdown_text

OPTIONAL = "Optional"
"""The proposal's own section name for secondary pages, the same in every language."""


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    """The absolute address of the page's twin."""
    description: str
    """The page's front-matter description, or empty to take its first paragraph."""
    markdown: str
    """The page's twin."""


@dataclass(frozen=True)
class Section:
    title: str
    entries: tuple[Entry, ...]


def index(site_name: str, summary: str, sections: Sequence[Section]) -> str:
    lines = _heading(site_name, summary)
    for section in sections:
        lines += [f"## {markdown_text(section.title)}", ""]
        for entry in section.entries:
            line = f"- [{markdown_text(entry.title)}]({entry.url})"
            if sentence := describe(entry):
                line += f": {sentence}"
            lines.append(line)
        lines.append("")
    return "\n".join(lines)


def full(site_name: str, summary: str, sections: Sequence[Section]) -> str:
    pages = [entry.markdown.strip("\n") for section in sections for entry in section.entries]
    return "\n".join([*_heading(site_name, summary), "\n\n---\n\n".join(pages)]) + "\n"


def _heading(site_name: str, summary: str) -> list[str]:
    lines = [f"# {markdown_text(site_name)}", ""]
    if summary.strip():
        lines += [f"> {markdown_text(summary)}", ""]
    return lines


def describe(entry: Entry) -> str:
    """One sentence about the page, as Markdown: its description (text), or the first
    sentence of its first paragraph."""
    if entry.description:
        return markdown_text(_first_sentence(entry.description))
    return _first_sentence(_first_paragraph(entry.markdown))


def _first_sentence(text: str) -> str:
    text = _one_line(text)
    match = re.match(r"(.+?[.!?])(?:\s|$)", text)
    return match.group(1) if match else text


def _first_paragraph(markdown: str) -> str:
    paragraph: list[str] = []
    for line in markdown.splitlines():
        plain = line.strip()
        if not plain:
            if paragraph:
                break
            continue
        if re.match(r"(#|>|[-*+] |\d+\. |\||```|~~~|---)", plain):
            if paragraph:
                break
            continue
        paragraph.append(plain)
    text = " ".join(paragraph)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[*_`]", "", text)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def group(nav: Sequence, every_page: Sequence[str]) -> list[tuple[str, list[str]]]:
    """The sections of ``llms.txt``, each a title and page paths, from the navigation.

    ``nav`` holds ``("page", title, path)`` and ``("section", title, children)`` items
    (links to other sites are left out by the caller); a nested section's pages belong to
    the top-level section. Pages of ``every_page`` the navigation leaves out come last,
    under ``Optional``. Each page is listed once, where the navigation first shows it.
    """
    seen: set[str] = set()

    def pages(items) -> list[str]:
        found = []
        for kind, _title, content in items:
            if kind == "section":
                found += pages(content)
            elif content not in seen:
                seen.add(content)
                found.append(content)
        return found

    sections = []
    for kind, title, content in nav:
        listed = pages([(kind, title, content)])
        if listed:
            sections.append((title, listed))
    rest = [path for path in every_page if path not in seen]
    if rest:
        sections.append((OPTIONAL, rest))
    return sections
