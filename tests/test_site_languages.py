"""The built site in every language: twins, switcher, hreflang, search, 404, what a reader sees."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from helpcenter.checks.scan import scan_text
from support import (
    HTML_LANG,
    LANGUAGES,
    PRIMARY,
    ROOT,
    SITE_LANGUAGES,
    SITE_URL,
    read_config,
)


def page_title(site, language, url):
    heading = site.article(language, url).h1
    return "".join(heading.find_all(string=True, recursive=False)).strip() or heading.get_text(
        strip=True
    )


def written_pages(language):
    """The page addresses the sources promise for one language, derived from its files: each
    docs/<language>/…/*.md (directory URLs), and one page per error of data/errors.yml."""
    folder = ROOT / "docs" / language
    urls = set()
    for path in folder.rglob("*.md"):
        stem = path.relative_to(folder).with_suffix("").as_posix()
        urls.add(
            ""
            if stem == "index"
            else stem.removesuffix("index")
            if stem.endswith("/index")
            else stem + "/"
        )
    catalog = yaml.safe_load((ROOT / "data" / "errors.yml").read_text("utf-8"))
    return urls | {f"errors/{entry['slug']}/" for entry in catalog["errors"]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_publishes_exactly_the_pages_its_sources_write(site, language):
    assert set(site.pages(language)) == written_pages(language)


def test_the_site_has_the_configured_languages():
    assert len(LANGUAGES) >= 3
    assert {"es", "en", "pt"} <= set(LANGUAGES)


@pytest.mark.parametrize(
    ("url", "kind", "titles"),
    [
        ("create-api-key/", "danger", {"es": "Peligro", "en": "Danger", "pt": "Perigo"}),
        ("billing/", "warning", None),
        ("connect-key/", "tip", {"es": "Consejo", "en": "Tip", "pt": "Dica"}),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_admonitions_render_as_material_admonitions_with_titles_in_the_page_language(
    site, url, kind, titles, language
):
    boxes = site.article(language, url).select(f"div.admonition.{kind}")
    assert boxes, (language, url, kind)
    shown = [box.select_one("p.admonition-title").get_text(strip=True) for box in boxes]
    if titles:
        assert titles[language] in shown


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
def test_no_admonition_keeps_an_english_default_title(site, language):
    english = {"Note", "Info", "Tip", "Warning", "Danger", "Caution", "Important"}
    for url in site.pages(language):
        for title in site.article(language, url).select("p.admonition-title"):
            assert title.get_text(strip=True) not in english, url


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_declares_its_language(site, language):
    for url in site.pages(language):
        assert site.soup(language, url).html["lang"] == HTML_LANG[language], (language, url)


def _everywhere(url: str) -> dict[str, str]:
    """The page at ``url`` in every language, by hreflang."""
    return {each.tag: SITE_URL + each.folder + url for each in SITE_LANGUAGES.values()}


def test_hreflang_tags_are_the_configured_ones():
    assert [each.tag for each in SITE_LANGUAGES.values()][:3] == ["es", "en", "pt-BR"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_lands_on_the_same_page_in_every_language(site, language):
    for url in site.pages(language):
        here = SITE_URL + LANGUAGES[language] + url
        links = site.soup(language, url).select("a.md-select__link")
        assert len(links) == len(LANGUAGES)
        targets = {link["hreflang"]: urljoin(here, link["href"]) for link in links}
        assert targets == _everywhere(url), (language, url)
        names = [link.get_text(strip=True) for link in links]
        assert names == [each["name"] for each in read_config()["extra"]["alternate"]]
        current = [link["hreflang"] for link in links if link.get("aria-current") == "page"]
        assert current == [SITE_LANGUAGES[language].tag]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_head_has_absolute_hreflang_alternates_and_x_default(site, language):
    for url in site.pages(language):
        links = site.soup(language, url).select("head link[hreflang]")
        found = {link["hreflang"]: link["href"] for link in links}
        expected = _everywhere(url)
        assert found == {**expected, "x-default": SITE_URL + url}, (language, url)
        assert all("alternate" in link["rel"] for link in links)


@pytest.mark.parametrize("language", LANGUAGES)
def test_sitemaps_list_every_page_with_its_alternates(site, language):
    entries = site.sitemap(language)
    assert len(entries) == len(site.pages(PRIMARY))
    for entry in entries:
        page = entry["loc"].removeprefix(SITE_URL + LANGUAGES[language])
        assert {key: value for key, value in entry.items() if key != "loc"} == {
            **_everywhere(page),
            "x-default": SITE_URL + page,
        }


# Each language's search language (Lunr's stemmer), as its mkdocs.<code>.yml sets it.
SEARCH_LANG = {"es": "es", "en": "en", "pt": "pt"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_search_index_with_only_its_pages(site, language):
    index = site.search_index(language)
    assert index["config"]["lang"] == [SEARCH_LANG[language]]
    titles = {url: page_title(site, language, url) for url in site.pages(language)}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        assert page in titles, (language, doc["location"])
        if "#" not in doc["location"]:
            assert titles[page] == doc["title"], (language, page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_word_shared_by_every_language_finds_only_that_language_pages(site, language):
    hits = [doc for doc in site.search_index(language)["docs"] if "429" in doc["text"]]
    assert hits
    own_titles = {site.soup(language, url).h1.get_text(strip=True) for url in site.pages(language)}
    for other in LANGUAGES:
        if other == language:
            continue
        other_titles = {site.soup(other, url).h1.get_text(strip=True) for url in site.pages(other)}
        for doc in hits:
            if "#" not in doc["location"]:
                assert doc["title"] in own_titles and doc["title"] not in other_titles - own_titles


# The 404 page's heading and its link home, in each language.
NOT_FOUND = {
    "es": ("No encontramos esta página", "Ir al inicio"),
    "en": ("We can't find this page", "Go to the home page"),
    "pt": ("Não encontramos esta página", "Ir para o início"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_404_page(site, language):
    page = (site.folder(language) / "404.html").read_text("utf-8")
    soup = BeautifulSoup(page, "html.parser")
    assert f'<html lang="{HTML_LANG[language]}"' in page
    assert "404 - Not found" not in page
    heading, home = NOT_FOUND[language]
    assert soup.select_one("article h1").get_text(strip=True).replace("\u2019", "'") == heading
    link = soup.select_one("article a.md-button")
    assert link.get_text(strip=True) == home
    assert link["href"] == "/" + LANGUAGES[language]
    switcher = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
    assert switcher == {each.tag: "/" + each.folder for each in SITE_LANGUAGES.values()}


def test_no_key_like_string_or_double_encoded_text_anywhere_in_the_site(site):
    for path in site.root.rglob("*"):
        if path.suffix in {".html", ".json", ".xml", ".js", ".css", ".txt"}:
            assert scan_text(path.read_text("utf-8"), str(path)) == []


def test_brand_comes_from_the_configuration_only(site, config):
    brand = config["extra"]["product"]["name"]
    assert brand == config["site_name"]
    for language in LANGUAGES:
        for url in site.pages(language):
            assert brand in site.soup(language, url).title.get_text()
    assert brand in site.article("es", "connect-key/").get_text()
    for source in (ROOT / "docs").rglob("*.md"):
        assert brand not in source.read_text("utf-8"), source


def test_no_placeholder_or_marker_survives_the_build(site):
    for language in LANGUAGES:
        for url in site.pages(language):
            text = site.html(language, url)
            assert "{{" not in text and "md:" not in site.article(language, url).get_text(), url


def test_pages_load_nothing_from_other_hosts(site):
    loaded = re.compile(r'<(?:script|img|iframe|source)[^>]+src="([^"]+)"|<link[^>]+href="([^"]+)"')
    for language in LANGUAGES:
        for url in site.pages(language):
            for match in loaded.finditer(site.html(language, url)):
                address = match.group(1) or match.group(2)
                tag = match.group(0)
                if "hreflang" in tag or 'rel="canonical"' in tag:
                    continue
                assert not urlsplit(address).netloc, (language, url, tag)
    for css in site.root.rglob("*.css"):
        assert "@import url(http" not in css.read_text("utf-8"), css


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_says_when_it_last_changed_in_its_language(site, language):
    import subprocess
    from datetime import UTC, datetime

    months = {
        "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
        "diciembre",
        "en": "January February March April May June July August September October November "
        "December",
        "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
        "dezembro",
    }
    written = {
        "es": lambda day, month: f"Actualizado el {day.day} de {month} de {day.year}",
        "en": lambda day, month: f"Updated on {month} {day.day}, {day.year}",
        "pt": lambda day, month: f"Atualizado em {day.day} de {month} de {day.year}",
    }
    stamp = subprocess.run(
        ["git", "log", "-1", "--format=%ct", "--", f"docs/{language}/billing.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    day = datetime.fromtimestamp(int(stamp), tz=UTC).date()
    shown = site.soup(language, "billing/").select_one("aside.md-source-file").get_text(strip=True)
    assert shown == written[language](day, months[language].split()[day.month - 1])
    for url in site.pages(language):
        assert site.soup(language, url).select_one("aside.md-source-file"), url
