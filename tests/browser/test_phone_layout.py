"""Pages read on a 390 px phone: nothing wider than the screen, the errors index as readable
cards, codes wrapping only between words, copy buttons clear of the text, wide tables with
their last column within reach."""

from __future__ import annotations

import pytest

from support import LANGUAGES, phone_page

PHONE = {"width": 390, "height": 844}

# Every element of the article wider than the viewport, or sticking out of it, except inside
# a table's scrolling frame (which scrolls on its own without widening the page).
OVERFLOWING = """
() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const element of document.querySelectorAll("article *")) {
    if (element.closest(".md-typeset__scrollwrap")) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > width + 0.5 || box.left < -0.5) {
      const text = (element.textContent || "").trim().slice(0, 60);
      out.push(`${element.tagName.toLowerCase()}.${element.className}: ${text}`);
    }
  }
  return out;
}
"""


@pytest.fixture
def phone(browser, server):
    with phone_page(browser, PHONE) as page:
        yield page


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "url",
    ["errors/", "errors/billing-hard-limit-reached/", "errors/rate-limit-reached/", "models/"],
)
def test_nothing_is_wider_than_a_phone(phone, server, language, url):
    phone.goto(server + LANGUAGES[language] + url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert phone.evaluate(OVERFLOWING) == []
    if url.startswith("errors/") and url != "errors/":
        # An error page's tables (its details, with the source's address) fit without scrolling.
        frames = phone.locator("article .md-typeset__scrollwrap")
        assert frames.count() >= 1
        for frame in frames.all():
            assert frame.evaluate("f => f.scrollWidth <= f.clientWidth + 1"), url


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_errors_index_is_a_card_per_error_with_every_value_named(phone, server, language):
    phone.goto(server + LANGUAGES[language] + "errors/")
    rows = phone.locator(".hc-error-index tbody tr")
    assert rows.count() >= 20
    for row in rows.all():
        cells = row.locator("td")
        verdict = cells.last
        assert verdict.is_visible()
        box = verdict.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        for cell in cells.all():
            if not cell.is_visible():
                continue
            label = cell.get_attribute("data-label")
            shown = cell.evaluate("c => getComputedStyle(c, '::before').content")
            assert label in shown, (label, shown)
        status = cells.first.inner_text().strip()
        assert row.inner_text().count(status) == 1, row.inner_text()


# For each word of a code (the text between two <wbr>), how many lines it takes.
WORD_LINES = """
code => [...code.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(node => {
  const range = document.createRange();
  range.selectNodeContents(node);
  const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
  return [node.textContent, tops.size];
})
"""


@pytest.mark.parametrize("width", [PHONE["width"], 320])
@pytest.mark.parametrize("language", LANGUAGES)
def test_error_codes_wrap_only_between_words(browser, server, language, width):
    with phone_page(browser, {"width": width, "height": 800}) as page:
        page.goto(server + LANGUAGES[language] + "errors/")
        codes = page.locator(".hc-error-index td code")
        assert codes.count() >= 15
        for code in codes.all():
            box = code.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, code.inner_text()
            for word, lines in code.evaluate(WORD_LINES):
                assert lines == 1, word


# Whether the copy button of a message block covers any visible character of its text
# (spaces at a line's end hang past the edge in pre-wrap text, invisibly, so they don't count).
COVERED = """
pre => {
  const button = pre.querySelector(".md-code__nav, .md-clipboard");
  if (!button) return "no copy button";
  const b = button.getBoundingClientRect();
  const walker = document.createTreeWalker(pre.querySelector("code"), NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      if (/\\s/.test(node.data[i])) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      for (const r of range.getClientRects()) {
        if (r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top)
          return `covers "${node.data[i]}" at ${Math.round(r.left)},${Math.round(r.top)}`;
      }
    }
  }
  return "";
}
"""


@pytest.mark.parametrize("width", [PHONE["width"], 1280])
@pytest.mark.parametrize("url", ["errors/rate-limit-reached/", "errors/model-overloaded/"])
def test_the_copy_button_never_covers_a_message(browser, server, url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for language, folder in LANGUAGES.items():
        page.goto(server + folder + url)
        page.wait_for_load_state("networkidle")
        blocks = page.locator(".error-message pre")
        assert blocks.count() >= 2
        for block in blocks.all():
            assert block.evaluate(COVERED) == "", (language, url)
    context.close()


@pytest.mark.parametrize(
    ("language", "heading"), [("es", "Ideal para"), ("en", "Good for"), ("pt", "Indicado para")]
)
def test_the_good_for_column_of_the_models_tables_is_read_next_to_the_model(
    phone, server, language, heading
):
    phone.goto(server + LANGUAGES[language] + "models/")
    tables = phone.locator("article table", has=phone.locator("th", has_text=heading))
    assert tables.count() >= 1  # the current tables; a kind with no current model has none
    for table in tables.all():
        wrapper = table.locator("xpath=ancestor::div[contains(@class, 'md-typeset__scrollwrap')]")
        wrapper.evaluate("w => { w.scrollLeft = w.scrollWidth; }")
        phone.wait_for_timeout(100)
        good_for = table.locator("th", has_text=heading).bounding_box()
        model = table.locator("tbody tr").first.locator("td").first.bounding_box()
        assert good_for["x"] >= 0 and good_for["x"] + good_for["width"] <= PHONE["width"] + 0.5
        assert 0 <= model["x"] < PHONE["width"] / 2, model


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_estimator_comparing_a_model_being_retired_fits_a_phone(phone, server, language):
    # The longest option (a model being retired, its shutdown and its replacement) is chosen.
    search = "?model=gpt-4.1-mini&conversations=100000000&messages=1000&input=2000000"
    phone.goto(server + LANGUAGES[language] + "models/" + search + "#hc-estimator")
    phone.wait_for_selector(".hc-estimator__body:not([hidden])")
    assert phone.locator("#hc-estimator-model").input_value() == "gpt-4.1-mini"
    assert phone.locator('[data-estimator-out="replacement"]').is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert phone.evaluate(OVERFLOWING) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_changed_is_a_card_per_change_on_a_phone(phone, server, language):
    phone.goto(server + LANGUAGES[language] + "changes/")
    rows = phone.locator("article .hc-changes tbody tr")
    assert rows.count() >= 5
    table_height = phone.evaluate(
        "document.querySelector('article .hc-changes').getBoundingClientRect().height"
    )
    for row in rows.all()[:5]:
        # Each change's cells stack, each as wide as its card: no column squeezed to a
        # word or two per line.
        widths = row.locator("td").evaluate_all(
            "cells => cells.map(c => c.getBoundingClientRect().width)"
        )
        card = row.evaluate("r => r.getBoundingClientRect().width")
        assert all(width >= card * 0.9 for width in widths), (widths, card)
    assert phone.evaluate(OVERFLOWING) == []
    # Stacked cards of a date, a model, the change and its source: about 220-240 px each at
    # this width (the squeezed table of old needed 6,000 px for fewer changes).
    assert table_height / rows.count() < 250, (table_height, rows.count())


# Each model ID of the price tables, as the lines it is laid out on.
MODEL_ID_LINES = """
() => Array.from(document.querySelectorAll("article td > [id^='model-']"), (anchor) => {
  const code = anchor.parentElement.querySelector(":scope > code");
  return [code.textContent, code.getClientRects().length];
})
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_model_ids_never_break_at_their_hyphens(phone, server, language):
    phone.goto(server + LANGUAGES[language] + "models/")
    ids = phone.evaluate(MODEL_ID_LINES)
    assert len(ids) >= 10
    assert [model for model, lines in ids if lines != 1] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_estimators_fields_fit_the_phone(phone, server, language):
    phone.goto(server + LANGUAGES[language] + "models/")
    form = phone.locator("#hc-estimator")
    form.scroll_into_view_if_needed()
    select = phone.locator("#hc-estimator-model")
    select.wait_for(state="visible", timeout=10_000)
    fieldset = form.locator("fieldset").first.evaluate("f => f.getBoundingClientRect().right")
    for control in form.locator("input, select").all():
        if control.is_visible():
            right = control.evaluate("c => c.getBoundingClientRect().right")
            assert right <= fieldset + 0.5, control.get_attribute("id")
