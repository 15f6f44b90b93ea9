"""What a reader sees and does in a real browser: pages, switcher, search, admonitions."""

from __future__ import annotations

import pytest
from support import LANGUAGES


SEARCH_RESULT = "ol.md-search-result__list > li.md-search-result__item > a.md-search-result__link"


def search(reader, server, language, text):
    """Type ``text`` in the search box of the language's home; the result links, in order."""
    page = reader.page
    page.goto(server + LANGUAGES[language])
    box = page.locator("input.md-search__input")
    box.fill(text)
    box.press("End")  # the search listens to key presses, which fill() does not send
    page.wait_for_selector(SEARCH_RESULT, timeout=10_000)
    return [link.get_attribute("href") for link in page.locator(SEARCH_RESULT).all()]


def page_of(href, server):
    return href.removeprefix(server).split("#")[0].split("?")[0]


def test_every_page_loads_cleanly_and_only_from_the_local_server(reader, server, site):
    for language, folder in LANGUAGES.items():
        for url in site.pages(language):
            reader.page.goto(server + folder + url, wait_until="networkidle")
    assert reader.problems == []


@pytest.mark.parametrize("url", ["connect-key/", "models/", "errors/insufficient-quota/"])
def test_language_switcher_lands_on_the_twin_page(reader, server, url):
    page = reader.page
    for start, target in (("es", "en"), ("en", "es")):
        page.goto(server + LANGUAGES[start] + url)
        page.locator(".md-header__option .md-select button").hover()
        with page.expect_navigation():
            page.locator(f"a.md-select__link[hreflang='{target}']").click()
        assert page.url == server + LANGUAGES[target] + url
        assert page.locator("html").get_attribute("lang") == target
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("term", ["429", "OpenAI"])
def test_search_returns_only_pages_of_the_reader_language(reader, server, language, term):
    results = search(reader, server, language, term)
    assert results
    for href in results:
        if language == "en":
            assert href.startswith(server + "en/"), href
        else:
            assert not href.startswith(server + "en/"), href


@pytest.mark.parametrize(
    ("url", "kind", "titles"),
    [
        ("billing/", "warning", {"es": "Advertencia", "en": "Warning"}),
        ("create-api-key/", "danger", {"es": "Peligro", "en": "Danger"}),
        ("connect-key/", "tip", {"es": "Consejo", "en": "Tip"}),
    ],
)
def test_admonitions_are_visible_with_translated_titles(reader, server, url, kind, titles):
    for language, folder in LANGUAGES.items():
        reader.page.goto(server + folder + url)
        box = reader.page.locator(f"article div.admonition.{kind}").first
        assert box.is_visible()
        assert box.locator(".admonition-title").inner_text().strip() == titles[language]
