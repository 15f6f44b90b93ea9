"""Pasted API errors and readers' questions in the real search box, and the lookup address.

Every paste comes from tests/pastes.py (the real openai SDK); the page expected first is
the error the paste was generated from, in the reader's language. One page load per
language: the rest is typed into the search box or run through the page's own finder.
"""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from helpcenter.catalog import errors
from helpcenter.tools import errorfinder
from pastes import QUESTIONS, TEAPOT, pastes
from questions import QUESTIONS as ASKED
from questions import RATE, accepted
from support import LANGUAGES, ROOT

FIRST_LINK = ".md-search-result a"
SETTLED = """() => {
  const input = document.querySelector("input.md-search__input");
  const value = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")
    .get.call(input).trim();
  const box = document.querySelector(".hc-error-match");
  return value.length > 0 && box !== null && box.dataset.query === value;
}"""
PAGE_FINDER = """async (texts) => {
  const base = JSON.parse(document.getElementById("__config").textContent).base;
  const response = await fetch(new URL(`${base}/errors/messages.json`, location.href));
  const data = await response.json();
  const finder = new helpcenterErrorMatch.Finder(data);
  const ignored = new Set(data.search_ignored);
  return texts.map((text) => ({
    ...finder.find(text),
    query: helpcenterErrorMatch.searchQuery(text, ignored),
  }));
}"""
TYPED_FORMS = (
    "bare message",
    "product message",
    "product message of the other language",
    "SDK str(exc)",
    "SDK traceback last line",
    "SDK 1.x traceback last line",
    "raw JSON body",
    "other ids and numbers",
    "httpx2 cause, last line",
    "1.x era line 1",
    "1.x era line 2",
    "1.x era line 3",
    "1.x era line 4",
)
"""Forms typed into the search box; every other form goes through the page's finder."""


@pytest.fixture(scope="module")
def catalog():
    return errors.load_errors(ROOT / "data", ROOT / "docs", list(LANGUAGES))


def open_search(reader, server, language):
    page = reader.page
    page.goto(server + LANGUAGES[language])
    page.locator(".md-search__input").click()
    return page


def shown_first(page, text: str, anchor: bool = False) -> str:
    """Type ``text`` in the open search box; the path of the first link shown (and its
    ``#anchor`` when ``anchor``)."""
    box = page.locator("input.md-search__input")
    box.fill(text)
    box.press("End")
    page.wait_for_function(SETTLED, timeout=10_000)
    href = page.locator(FIRST_LINK).first.get_attribute("href")
    path = "/" + href.split("://", 1)[1].split("/", 1)[1]
    return path if anchor else path.split("#")[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_form_of_every_error_shows_its_page_first(reader, server, catalog, language):
    page = open_search(reader, server, language)
    generated = list(pastes(catalog, language))
    folder = "/" + LANGUAGES[language]

    in_page = page.evaluate(PAGE_FINDER, [paste.text for paste in generated])
    data = json.loads(page.evaluate("async () => (await fetch('errors/messages.json')).text()"))
    reference = errorfinder.Finder(data)
    wrong, twins = [], []
    for paste, result in zip(generated, in_page, strict=True):
        # A variant's forms (its own status) are tests/test_error_finder.py's expected failure.
        missed = result["match"] not in paste.slugs or result["kind"] != "error"
        if missed and "(variant" not in paste.form:
            wrong.append(f"{paste.form}: {paste.text[:80]!r} -> {result}")
        python = reference.find(paste.text)
        if (python.match, python.kind, list(python.candidates)) != (
            result["match"],
            result["kind"],
            result["candidates"],
        ) or result["query"] != errorfinder.search_query(paste.text):
            twins.append(f"{paste.text[:80]!r}: page {result}, reference {python}")
    assert wrong == []
    assert twins == []

    typed = [paste for paste in generated if paste.form in TYPED_FORMS]
    assert len(typed) >= 4 * len(catalog.errors)
    misses = []
    for paste in typed:
        first = shown_first(page, paste.text)
        # The page must come first because the finder matched it, not because Material's
        # own search happens to rank it first (it does for most messages, finder or not).
        matched = page.locator(".hc-error-match").get_attribute("data-match")
        expected = {f"{folder}errors/{slug}/" for slug in paste.slugs}
        if first not in expected or matched not in paste.slugs:
            misses.append(
                f"{paste.form}: {paste.text[:80]!r} -> {first} (finder: {matched!r}), "
                f"expected {expected}"
            )
    assert misses == []
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_readers_questions_show_the_right_page_first(reader, server, language):
    page = open_search(reader, server, language)
    folder = "/" + LANGUAGES[language]
    wrong = {}
    for question, target in QUESTIONS[language].items():
        expected = folder + (target.removeprefix("../") if "/" in target else f"errors/{target}/")
        first = shown_first(page, question, anchor="#" in target)
        if first != expected:
            wrong[question] = (first, expected)
    assert wrong == {}
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_readers_own_questions_put_an_answer_first_and_no_error_box(
    reader, server, catalog, language
):
    page = open_search(reader, server, language)
    folder = "/" + LANGUAGES[language]
    statuses = {error.slug: error.status for error in catalog.errors}
    wrong, boxed = [], []
    for item in ASKED[language]:
        first = shown_first(page, item["q"], anchor=True).removeprefix(folder)
        if not accepted(first, item["a"], statuses):
            wrong.append(f"{item['q']!r} -> {first}, expected {item['a']}")
        looks_like_an_error = any(target.startswith("status:") for target in item["a"])
        if not looks_like_an_error and page.locator(".hc-error-candidates").count():
            boxed.append(item["q"])
    assert 1 - len(wrong) / len(ASKED[language]) >= RATE, wrong
    assert boxed == []
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bare_status_shows_its_own_errors(reader, server, catalog, language):
    page = open_search(reader, server, language)
    folder = "/" + LANGUAGES[language]
    for query, status in (("429", 429), ("error 429", 429), ("erro 500", 500)):
        first = shown_first(page, query).removeprefix(folder + "errors/").strip("/")
        assert catalog.get(first).status == status, query
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_paste_with_unknown_tokens_still_shows_materials_results(reader, server, language):
    page = open_search(reader, server, language)
    pasted = (
        'openai.BadRequestError: Error code: 400 - {"error": {"message": "Unsupported value '
        'for zqxv_frobnicate: the model does not support it", "type": "invalid_request_error", '
        '"param": "zqxv_frobnicate", "code": "unsupported_value"}}'
    )
    shown_first(page, pasted)
    page.wait_for_selector("ol.md-search-result__list > li", timeout=10_000)
    assert page.locator("ol.md-search-result__list > li").count() > 0
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_paste_that_matches_nothing_shows_candidates(reader, server, catalog, language):
    page = open_search(reader, server, language)
    folder = "/" + LANGUAGES[language]
    first = shown_first(page, TEAPOT)
    candidates = page.locator(".hc-error-candidates a")
    assert candidates.count() == 3
    assert page.locator(".hc-error-match__label--error").count() == 0
    slugs = [first.removeprefix(folder + "errors/").strip("/")]
    assert catalog.get(slugs[0]) is not None
    text = candidates.first.inner_text()
    assert catalog.get(slugs[0]).title[language] in text
    assert ":" in text  # the verdict, "Qué hacer: …"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lookup_address_resolves_every_code(reader, server, catalog, language):
    page = reader.page
    root = server + LANGUAGES[language]
    codes = [error.code for error in catalog.errors if error.code]
    for error in catalog.errors:
        if not error.code or codes.count(error.code) > 1:
            continue
        page.goto(f"{root}errors/lookup/?code={quote(error.code)}")
        page.wait_for_url(f"{root}errors/{error.slug}/", timeout=10_000)
        assert page.locator("html").get_attribute("lang") == language
    # unsupported_value is two errors told apart by their param: the code alone names neither.
    page.goto(f"{root}errors/lookup/?code=unsupported_value")
    page.wait_for_url(f"{root}errors/?q=*", timeout=10_000)
    page.goto(f"{root}errors/lookup/?status=429&type=insufficient_quota")
    page.wait_for_url(f"{root}errors/insufficient-quota/", timeout=10_000)
    page.goto(f"{root}errors/lookup/?status=429&type=tokens")
    page.wait_for_url(f"{root}errors/rate-limit-reached/", timeout=10_000)
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unknown_code_lands_on_the_index_with_candidates(reader, server, catalog, language):
    page = reader.page
    root = server + LANGUAGES[language]
    page.goto(f"{root}errors/lookup/?code=zz_not_a_code&status=429")
    page.wait_for_url(f"{root}errors/?q=*", timeout=10_000)
    page.wait_for_selector(".hc-error-candidates a", timeout=10_000)
    hrefs = [a.get_attribute("href") for a in page.locator(".hc-error-candidates a").all()]
    assert len(hrefs) == 3
    for href in hrefs:
        slug = href.rstrip("/").rsplit("/", 1)[1]
        assert catalog.get(slug).status == 429
    assert reader.problems == []
