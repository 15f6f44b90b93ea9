"""What a page view costs: search is paid for only by readers who search."""

from __future__ import annotations

import re

import pytest

from support import LANGUAGES

SEARCH_FILES = re.compile(r"/search/search_index\.json|/workers/search\.|/lunr/")
RESULT = "ol.md-search-result__list > li.md-search-result__item"


def _requests(page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("url", ["", "models/", "errors/insufficient-quota/"])
def test_a_page_view_without_search_loads_nothing_of_search(reader, server, language, url):
    seen = _requests(reader.page)
    reader.page.goto(server + LANGUAGES[language] + url, wait_until="networkidle")
    reader.page.mouse.wheel(0, 600)
    reader.page.wait_for_timeout(500)
    assert [address for address in seen if SEARCH_FILES.search(address)] == []
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_loads_when_the_reader_starts_to_search(reader, server, language):
    page = reader.page
    seen = _requests(page)
    page.goto(server + LANGUAGES[language], wait_until="networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("OpenAI")
    box.press("End")
    page.wait_for_selector(RESULT, timeout=10_000)
    loaded = [address for address in seen if SEARCH_FILES.search(address)]
    index = server + LANGUAGES[language] + "search/search_index.json"
    assert index in loaded
    assert any("/workers/search." in address for address in loaded)
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_opens_from_the_phone_header(browser, server, language):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(server + LANGUAGES[language] + "billing/", wait_until="networkidle")
        page.locator("label.md-header__button[for='__search']").click()
        box = page.locator("input.md-search__input")
        box.fill("429")
        box.press("End")
        page.wait_for_selector(RESULT, timeout=10_000)
    finally:
        context.close()


def test_the_search_shortcut_still_searches(reader, server):
    page = reader.page
    page.goto(server, wait_until="networkidle")
    page.keyboard.press("s")
    page.keyboard.type("clave")
    page.wait_for_selector(RESULT, timeout=10_000)
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_estimator_waits_until_the_reader_comes_near_it(reader, server, language):
    page = reader.page
    page.set_viewport_size({"width": 1280, "height": 100})
    seen = _requests(page)
    page.goto(server + LANGUAGES[language] + "models/", wait_until="networkidle")
    page.wait_for_timeout(300)
    top = page.locator(".hc-estimator").evaluate("form => form.getBoundingClientRect().top")
    assert top > 100 + 300, "the estimator is within the distance at which it starts"
    catalog = server + LANGUAGES[language] + "models.json"
    assert catalog not in seen
    assert page.locator(".hc-estimator__body").is_hidden()
    page.locator(".hc-estimator").scroll_into_view_if_needed()
    page.wait_for_selector(".hc-estimator__body:not([hidden])", timeout=10_000)
    assert catalog in seen
    assert reader.problems == []
