"""Accessibility (axe-core) in light and dark schemes, and the site at a phone's width."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from support import LANGUAGES, phone_page

SAMPLE = [
    "",
    "create-account/",
    "create-api-key/",
    "billing/",
    "connect-key/",
    "rotate-key/",
    "usage/",
    "models/",
    "changes/",
    "errors/",
    "errors/insufficient-quota/",
    "errors/model-not-found/",
    "help/",
    "rate-limits/",
    "key-problems/",
    "data-privacy/",
    "404.html",  # a template of its own, not a page: repairs to pages must reach it too
]
PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_serious_accessibility_violation(browser, server, axe, language, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = []
    for url in SAMPLE:
        page.goto(server + LANGUAGES[language] + url)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"][:3]]
                found.append(
                    f"{url or 'home'}: {violation['id']} ({violation['impact']}) {targets}"
                )
    context.close()
    assert found == [], "\n".join(found)


@pytest.fixture
def phone(browser, server):
    with phone_page(browser, PHONE) as page:
        yield page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_navigation_drawer_opens_on_a_phone(phone, server, language):
    phone.goto(server + LANGUAGES[language] + "billing/")
    drawer = phone.locator("nav.md-nav--primary")
    assert not drawer.is_visible() or drawer.bounding_box()["x"] < 0
    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.wait_for_timeout(400)
    box = drawer.bounding_box()
    assert drawer.is_visible() and box["x"] >= 0
    assert drawer.locator("a[href='../help/']").first.is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("url", ["models/", "changes/", "errors/", "create-api-key/"])
def test_tables_scroll_inside_the_page_instead_of_widening_it(phone, server, language, url):
    phone.goto(server + LANGUAGES[language] + url)
    page_width = phone.evaluate("document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"]
    for table in phone.locator("article table").all():
        wrapper = table.locator("xpath=ancestor::div[contains(@class, 'md-typeset__scrollwrap')]")
        assert wrapper.count() == 1
        overflow = wrapper.evaluate("element => getComputedStyle(element).overflowX")
        assert overflow in ("auto", "scroll")
