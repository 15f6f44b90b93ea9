"""The built site's Markdown twins and llms files, against its HTML pages and sitemaps."""

from __future__ import annotations

import re

import markdown as python_markdown
import pytest
from bs4 import BeautifulSoup

from support import LANGUAGES, SITE_URL

LINE = re.compile(r"^- \[(?P<title>(?:\\.|[^\]])+)\]\((?P<url>[^)\s]+)\)(?::\s(?P<text>.+))?$")
LEFTOVERS = [
    ("a placeholder", re.compile(r"\{\{|\}\}")),
    ("a marker", re.compile(r"<!--")),
    ("an admonition", re.compile(r"^\s*(?:!!!|\?\?\?)", re.M)),
    ("an attribute list", re.compile(r"\{\s*:?\s*[.#][\w-]+")),
    ("an icon shortcode", re.compile(r":(?:material|octicons)-")),
    (
        "HTML",
        re.compile(
            r"<(?:form|input|select|script|div|code|br|p|span|details|table|tr|td|svg|figure|wbr)\b",
            re.I,
        ),
    ),
]
KEY_LIKE = re.compile(r"sk-[A-Za-z0-9_-]{8,}")


def twin_text(site, language: str, url: str) -> str:
    return (site.folder(language) / url / "index.md").read_text("utf-8")


def outside_code(markdown: str) -> list[str]:
    lines, fence = [], None
    for line in markdown.splitlines():
        opening = re.match(r"^\s*(`{3,}|~{3,})", line)
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        elif fence is None:
            lines.append(line)
    return lines


def twin_headings(markdown: str) -> list[tuple[int, str]]:
    headings = []
    for line in outside_code(markdown):
        match = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if match:
            text = BeautifulSoup(python_markdown.markdown(match.group(2)), "html.parser")
            headings.append((len(match.group(1)), text.get_text().strip()))
    return headings


def html_headings(site, language: str, url: str) -> list[tuple[int, str]]:
    article = BeautifulSoup(str(site.article(language, url)), "html.parser")
    for anchor in article.select("a.headerlink"):
        anchor.decompose()
    return [
        (int(tag.name[1]), tag.get_text().strip())
        for tag in article.find_all(re.compile(r"^h[1-6]$"))
    ]


def local_file(site, url: str):
    """The built file an absolute address of the site stands for."""
    assert url.startswith(SITE_URL), url
    path = url.removeprefix(SITE_URL).split("#")[0]
    target = site.root / path
    return target / "index.html" if path == "" or path.endswith("/") else target


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_a_twin_linked_from_its_head(site, language):
    for url in site.pages(language):
        assert (site.folder(language) / url / "index.md").is_file(), f"{language}: /{url}"
        links = site.soup(language, url).select('head link[type="text/markdown"]')
        assert [link.get("rel") for link in links] == [["alternate"]], f"{language}: /{url}"
        assert links[0]["href"] == "index.md", f"{language}: /{url}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_twins_have_the_headings_of_their_pages(site, language):
    for url in site.pages(language):
        expected = html_headings(site, language, url)
        assert expected, f"{language}: /{url} has no headings"
        assert twin_headings(twin_text(site, language, url)) == expected, f"{language}: /{url}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_twins_are_plain_markdown(site, language):
    for url in site.pages(language):
        text = twin_text(site, language, url)
        plain = "\n".join(outside_code(text))
        for what, pattern in LEFTOVERS:
            found = pattern.search(plain)
            assert not found, f"{language}: /{url}index.md holds {what}: {found.group(0)!r}"
        assert not KEY_LIKE.search(text), f"{language}: /{url}index.md holds a key-like string"


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_in_twins_resolve(site, language):
    for url in site.pages(language):
        for target in re.findall(r"\]\((\S+?)\)", twin_text(site, language, url)):
            if target.startswith(SITE_URL):
                assert local_file(site, target).is_file(), f"{language}: /{url} links {target}"
            else:
                assert re.match(r"(https?://|mailto:|#)", target), f"{language}: /{url}: {target}"


def test_twins_carry_the_catalog_not_the_form(site):
    spanish = twin_text(site, "es", "models/")
    assert "| Modelo | Entrada |" in spanish
    assert "> **¿Qué modelo elijo?**" in spanish
    assert "https://help.acme-chat.example/models/#hc-estimator" in spanish
    english = twin_text(site, "en", "errors/insufficient-quota/")
    assert "| HTTP status | 429 |" in english
    assert "```text\nYou exceeded your current quota" in english


def llms_lines(site, language: str, name: str) -> list[str]:
    return (site.folder(language) / name).read_text("utf-8").splitlines()


@pytest.mark.parametrize("language", LANGUAGES)
def test_llms_txt_lists_every_page_once(site, language):
    lines = llms_lines(site, language, "llms.txt")
    assert lines[0] == "# Acme Chat"
    assert lines[2].startswith("> ") and len(lines[2]) > 20
    entries = [LINE.match(line) for line in lines if line.startswith("- ")]
    assert all(entries), [line for line in lines if line.startswith("- ")]
    listed = [entry["url"] for entry in entries]
    base = SITE_URL + LANGUAGES[language]
    expected = [base + url + "index.md" for url in site.pages(language)]
    assert sorted(listed) == sorted(expected)
    assert len(set(listed)) == len(listed)
    for entry in entries:
        assert local_file(site, entry["url"]).is_file(), entry["url"]
        assert entry["text"] and entry["text"].endswith((".", "?", "!")), entry.group(0)
    sections = [line for line in lines if line.startswith("## ")]
    assert len(sections) == len(set(sections)), sections


@pytest.mark.parametrize("language", LANGUAGES)
def test_llms_full_holds_every_twin_in_the_order_of_llms_txt(site, language):
    full = (site.folder(language) / "llms-full.txt").read_text("utf-8")
    assert full.startswith("# Acme Chat\n\n> ")
    position = 0
    base = SITE_URL + LANGUAGES[language]
    for line in llms_lines(site, language, "llms.txt"):
        if entry := LINE.match(line):
            url = entry["url"].removeprefix(base).removesuffix("index.md")
            text = twin_text(site, language, url).strip("\n")
            found = full.find(text, position)
            assert found >= position, f"{language}: {entry['url']} missing or out of order"
            position = found + len(text)
