"""What a reader sees and does in a real browser: pages, switcher, search, admonitions."""

from __future__ import annotations

import pytest

from helpcenter.catalog import errors
from support import HTML_LANG, LANGUAGES, OTHERS, ROOT, SITE_LANGUAGES

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
    for start in LANGUAGES:
        for target in LANGUAGES:
            if target == start:
                continue
            page.goto(server + LANGUAGES[start] + url)
            page.locator(".md-header__option .md-select button").hover()
            with page.expect_navigation():
                page.locator(f"a.md-select__link[hreflang='{SITE_LANGUAGES[target].tag}']").click()
            assert page.url == server + LANGUAGES[target] + url
            assert page.locator("html").get_attribute("lang") == HTML_LANG[target]
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("term", ["429", "OpenAI"])
def test_search_returns_only_pages_of_the_reader_language(reader, server, language, term):
    results = search(reader, server, language, term)
    assert results
    for href in results:
        assert href.startswith(server + LANGUAGES[language]), href
        for other in OTHERS:
            if other != language:
                assert not href.startswith(server + LANGUAGES[other]), href


@pytest.mark.parametrize(
    ("url", "kind", "titles"),
    [
        ("billing/", "warning", {"es": "Advertencia", "en": "Warning", "pt": "Aviso"}),
        ("create-api-key/", "danger", {"es": "Peligro", "en": "Danger", "pt": "Perigo"}),
        ("connect-key/", "tip", {"es": "Consejo", "en": "Tip", "pt": "Dica"}),
    ],
)
def test_admonitions_are_visible_with_translated_titles(reader, server, url, kind, titles):
    for language, folder in LANGUAGES.items():
        reader.page.goto(server + folder + url)
        box = reader.page.locator(f"article div.admonition.{kind}").first
        assert box.is_visible()
        assert box.locator(".admonition-title").inner_text().strip() == titles[language]


def pasted_messages(language):
    """Every text a customer may paste for each error, and the errors that list it."""
    catalog = errors.load_errors(ROOT / "data", ROOT / "docs", list(LANGUAGES))
    for error in catalog.errors:
        for message in (*error.messages, error.product_message[language]):
            owners = {
                other.slug
                for other in catalog.errors
                if message in (*other.messages, other.product_message[language])
            }
            yield message, owners


def first_result(page, text):
    """Type ``text`` in the open search box; the first link among the results."""
    box = page.locator("input.md-search__input")
    box.fill("zzqx")
    box.press("End")
    page.wait_for_selector(".md-search-result__list > li", state="detached")
    box.fill(text)
    box.press("End")
    page.wait_for_selector(f"{SEARCH_RESULT}, .hc-error-match a")
    page.wait_for_load_state("networkidle")
    return page.locator(".md-search-result a").first.get_attribute("href")


def finder_first(page, text):
    """Like ``first_result``, but the first link must be the one the error finder shows as its
    match (Material's own results alone often rank the page first too): ``None`` when not."""
    href = first_result(page, text)
    first = page.locator(".md-search-result a").first
    return href if "hc-error-match__link" in (first.get_attribute("class") or "") else None


@pytest.mark.parametrize("language", LANGUAGES)
def test_pasting_an_error_message_puts_its_page_first(reader, server, language):
    page = reader.page
    page.goto(server + LANGUAGES[language])
    misses = []
    for message, owners in pasted_messages(language):
        found = finder_first(page, message)
        first = found and page_of(found, server)
        expected = {LANGUAGES[language] + f"errors/{slug}/" for slug in owners}
        if first not in expected:
            misses.append(f"{message!r} -> {first}, expected {sorted(expected)}")
    assert misses == []
    assert reader.problems == []


def test_a_message_with_other_ids_and_numbers_still_finds_its_page(reader, server):
    page = reader.page
    page.goto(server + "en/")
    pasted = (
        "Rate limit reached for gpt-6-luna in organization org-Zz9Yy8Xx7 on tokens per min (TPM): "
        "Limit 200000, Used 199500, Requested 1200. Please try again in 210ms. "
        "Visit https://platform.openai.com/account/rate-limits to learn more."
    )
    found = finder_first(page, pasted)
    assert found, "the error finder showed no match"
    assert page_of(found, server) == "en/errors/rate-limit-reached/"


def test_an_ordinary_question_shows_no_matching_error(reader, server):
    page = reader.page
    page.goto(server)
    first = first_result(page, "cómo agrego un método de pago")
    assert page.locator(".hc-error-match__label--error").count() == 0
    assert page_of(first, server) == "billing/"
