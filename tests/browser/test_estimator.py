"""The cost estimator in a real browser: the figures it shows are helpcenter.tools.estimate's, in
every language, whether the inputs come from the form, the keyboard or the URL."""

from __future__ import annotations

import dataclasses
import json
import math
import random
from decimal import Decimal
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from babel.numbers import parse_decimal

from helpcenter.buildday import build_day
from helpcenter.catalog import models
from helpcenter.site.labels import label
from helpcenter.tools import estimate
from support import LANGUAGES, LOCALES, ROOT, SITE_LANGUAGES, other_language

NAMES = ("conversations", "messages", "input", "output", "cached", "reasoning")
FORM = ".hc-estimator__body"

# model, conversations, messages, input tokens, output tokens, cached share (%), reasoning tokens
CASES = [
    ("gpt-6.1-terra", 2500, 12, 3200, 220, 35, 0),
    ("gpt-6-astra", 1_000_000, 10, 1500, 150, 50, 350),  # separators; credit lasts < 0.1 day
    ("gpt-5.2", 0, 8, 1500, 150, 50, 350),  # nothing to pay: the credit never runs out
    ("gpt-6.2-sol", 37, 3, 999, 77, 100, 12),  # everything from cache: nothing written
    ("gpt-6-luna", 150_000, 8, 1000, 0, 100, 0),  # exactly one day
    ("gpt-6.1-sol", 1, 1, 25, 0, 0, 0),  # 0.00005 a conversation, half up to US$0.0001
    ("gpt-6-luna", 40, 1, 1000, 0, 0, 0),  # US$0.0050 a month (with cache writes), not US$0.01
    ("gpt-4o", 3000, 9, 2100, 180, 60, 400),  # being retired: no reasoning, beside GPT-6 Luna
    ("gpt-5-mini", 800, 6, 1800, 160, 40, 250),  # being retired, a reasoning model
    ("gpt-6.1-sol", 100_000_000, 1000, 2_000_000, 200_000, 1, 200_000),  # every field largest
]

READ = """root => {
  const text = name => root.querySelector(`[data-estimator-out="${name}"]`).textContent;
  return {
    monthly: text("monthly"),
    per_conversation: text("per-conversation"),
    days: text("days"),
    replacement: text("replacement"),
    tier: text("tier"),
    comparison: Array.from(root.querySelectorAll('[data-estimator-out="comparison"] tbody tr'),
      row => ({
        model_id: row.dataset.model,
        name: row.cells[0].firstChild.textContent,
        monthly: row.cells[1].textContent,
        per_conversation: row.cells[2].textContent,
        chosen: row.getAttribute("aria-current") === "true",
        replacement: row.dataset.role === "replacement",
      })),
  };
}"""

BATCH = """(root, cases) => {
  const form = root;
  const read = %s;
  return cases.map(values => {
    form.elements.model.value = values.model;
    form.elements.tier.value = values.tier;
    for (const name of %s) form.elements[name].value = String(values[name]);
    form.elements.cached.dispatchEvent(new Event("input", { bubbles: true }));
    return read(root);
  });
}""" % (READ, json.dumps(NAMES))  # noqa: UP031 - braces are JavaScript's


@pytest.fixture(scope="module")
def catalog():
    return models.load_catalog(ROOT / "data")


def expected(catalog, language, model_id, *values, tier="standard", day=None):
    result = estimate.estimate(catalog, model_id, *values, tier=tier, day=day or build_day())
    shown = estimate.display(result, LOCALES[language])
    return {
        "monthly": shown.monthly,
        "per_conversation": shown.per_conversation,
        "days": shown.days,
        "replacement": shown.replacement,
        "tier": shown.tier,
        "comparison": [dataclasses.asdict(row) for row in shown.comparison],
    }


def query(model_id, *values):
    return "?" + urlencode({"model": model_id, **dict(zip(NAMES, values, strict=True))})


def open_estimator(reader, server, language, search=""):
    page = reader.page
    page.goto(server + LANGUAGES[language] + "models/" + search)
    page.locator(".hc-estimator").scroll_into_view_if_needed()
    page.wait_for_selector(f"{FORM}:not([hidden])")
    return page


def shown(page):
    return page.locator(".hc-estimator").evaluate(READ)


def fill(page, model_id, *values):
    page.select_option("#hc-estimator-model", model_id)
    for name, value in zip(NAMES, values, strict=True):
        page.fill(f"#hc-estimator-{name}", str(value))


def address(page):
    """The estimator's inputs in the page's URL, as the page itself reads it."""
    params = parse_qs(urlsplit(page.evaluate("location.href")).query)
    return (params["model"][0], *(int(params[name][0]) for name in NAMES))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_shows_what_the_python_reference_computes(reader, server, catalog, language):
    page = open_estimator(reader, server, language)
    assert page.locator(".hc-estimator__needs-js").is_hidden()
    defaults = estimate.defaults()
    start = (catalog.pick("economy", build_day()).id, *defaults.values())
    assert shown(page) == expected(catalog, language, *start)
    assert "?" not in page.evaluate("location.href"), "loading alone leaves the address alone"

    current = {m.id: m.name for m in catalog.models if m.status == "current"}
    for case in CASES:
        fill(page, *case)
        figures = shown(page)
        assert figures == expected(catalog, language, *case), case
        assert address(page) == case
        listed = figures["comparison"]
        chosen = catalog.get(case[0])
        assert {row["model_id"]: row["name"] for row in listed} == {
            **current,
            chosen.id: chosen.name,
        }
        replacement = page.locator('[data-estimator-out="replacement"]')
        if chosen.status == "current":
            assert replacement.is_hidden() and figures["replacement"] == ""
        else:
            assert replacement.is_visible()
            successor = catalog.get(chosen.replacement).name
            assert successor in figures["replacement"]
            assert [row["name"] for row in listed if row["replacement"]] == [successor]
        monthly = [
            parse_decimal(
                row["monthly"].removeprefix("US$").lstrip("\u00a0"),
                locale=LOCALES[language],
                strict=True,
            )
            for row in listed
        ]
        assert monthly == sorted(monthly), "cheapest first"
        assert [row["model_id"] for row in listed if row["chosen"]] == [case[0]]

    page.goto(page.evaluate("location.href"))  # the last estimate's address, as a reader shares it
    page.wait_for_selector(f"{FORM}:not([hidden])")
    assert shown(page) == expected(catalog, language, *CASES[-1])
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_reproduces_an_estimate(reader, server, catalog, language):
    case = ("gpt-6.1-terra", 4321, 9, 2750, 310, 65, 120)
    page = open_estimator(reader, server, language, query(*case) + "#hc-estimator")
    assert page.locator("#hc-estimator-model").input_value() == case[0]
    assert [page.locator(f"#hc-estimator-{name}").input_value() for name in NAMES] == [
        str(value) for value in case[1:]
    ]
    assert shown(page) == expected(catalog, language, *case)
    page.fill("#hc-estimator-messages", "10")
    assert address(page) == (*case[:2], 10, *case[3:])
    assert urlsplit(page.evaluate("location.href")).fragment == "hc-estimator", "the anchor stays"
    assert reader.problems == []


@pytest.mark.parametrize(("start", "target"), [(code, other_language(code)) for code in LANGUAGES])
def test_switching_language_keeps_the_entered_values(reader, server, catalog, start, target):
    case = ("gpt-4.1", 2222, 7, 1800, 420, 40, 333)
    page = open_estimator(reader, server, start)
    fill(page, *case)
    page.locator(".md-header__option .md-select button").hover()
    with page.expect_navigation():
        page.locator(f"a.md-select__link[hreflang='{SITE_LANGUAGES[target].tag}']").click()
    page.wait_for_selector(f"{FORM}:not([hidden])")
    assert page.url.startswith(server + LANGUAGES[target] + "models/")
    assert page.locator("#hc-estimator-model").input_value() == case[0]
    assert [page.locator(f"#hc-estimator-{name}").input_value() for name in NAMES] == [
        str(value) for value in case[1:]
    ]
    assert shown(page) == expected(catalog, target, *case)
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_hundreds_of_random_volumes_agree_with_python(reader, server, catalog, language):
    rng = random.Random(f"estimator-{language}")
    ids = [choice.model.id for choice in estimate.choices(catalog, build_day())]

    def value(field):
        roll = rng.random()
        if roll < 0.1:
            return 0
        if roll < 0.15:
            return field.maximum
        return int(10 ** rng.uniform(0, math.log10(field.maximum)))

    offered = estimate.tiers(catalog, build_day())
    cases = []
    for _ in range(300):
        model_id = rng.choice(ids)
        tier = rng.choice([t.id for t in offered if t.applies(model_id)])
        values = {field.name: value(field) for field in estimate.FIELDS}
        cases.append({"model": model_id, "tier": tier, **values})
    page = open_estimator(reader, server, language)
    figures = page.locator(".hc-estimator").evaluate(BATCH, cases)
    mismatches = [
        (case, got)
        for case, got in zip(cases, figures, strict=True)
        if got
        != expected(
            catalog, language, case["model"], *(case[name] for name in NAMES), tier=case["tier"]
        )
    ]
    assert mismatches == []
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_works_from_the_keyboard_and_says_what_is_wrong(reader, server, catalog, language):
    page = open_estimator(reader, server, language)
    # From the section's permalink, the next stops are the estimator's fields, in order.
    page.locator("h2:has(+ p + .hc-estimator) a.headerlink").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "hc-estimator-model"
    page.keyboard.press("Home")  # the first model: the quality pick
    case = [catalog.pick("quality", build_day()).id]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "hc-estimator-tier"
    page.keyboard.press("ArrowDown")  # from Standard to Fast, which the quality pick has
    assert page.locator("#hc-estimator-tier").input_value() == "fast"
    for name, typed in zip(NAMES, ("2500", "12", "3200", "220", "35", "280"), strict=True):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == f"hc-estimator-{name}"
        page.keyboard.press("Control+A")
        page.keyboard.type(typed)
        case.append(int(typed))
    assert page.locator("#hc-estimator-model").input_value() == case[0]
    assert shown(page) == expected(catalog, language, *case, tier="fast")

    messages = page.locator("#hc-estimator-messages")
    messages.focus()
    page.keyboard.press("Control+A")
    page.keyboard.type("-3")
    error = page.locator("#hc-estimator-messages-error")
    assert error.is_visible()
    assert messages.get_attribute("aria-invalid") == "true"
    assert "hc-estimator-messages-error" in messages.get_attribute("aria-describedby").split()
    status = page.locator(".hc-estimator__summary [data-estimator-out='status']")
    assert status.is_visible()
    assert status.inner_text() == label("estimator.check_fields", language)
    assert page.locator(".hc-estimator__figures").is_hidden()

    page.keyboard.press("Backspace")
    page.keyboard.press("Backspace")
    page.keyboard.type("4")
    assert error.is_hidden() and messages.get_attribute("aria-invalid") is None
    case[2] = 4
    assert shown(page) == expected(catalog, language, *case, tier="fast")
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_prices_come_from_the_published_models_json(reader, server, catalog, language):
    """A models.json with other prices changes the figures: nothing is typed in the script."""

    def other_prices(route):
        data = json.loads(route.fetch().text())
        for model in data["models"]:
            if model["id"] == "gpt-6-luna":
                model["pricing"]["cached_input"] = None
            if model["id"] == "gpt-6.1-terra":
                model["pricing"]["output"] = 7.125
                model["pricing"]["cache_write"] = 3.5
            if model["id"] == "gpt-6.1-sol":
                model["pricing"]["cache_write"] = 2.75
        data["billing"]["minimum_top_up"] = 10
        route.fulfill(json=data)

    reader.page.route("**/models.json", other_prices)
    edited = dataclasses.replace(
        catalog,
        billing=dataclasses.replace(catalog.billing, minimum_top_up=Decimal(10)),
        models=tuple(
            dataclasses.replace(m, pricing=dataclasses.replace(m.pricing, cached_input=None))
            if m.id == "gpt-6-luna"
            else dataclasses.replace(
                m,
                pricing=dataclasses.replace(
                    m.pricing, output=Decimal("7.125"), cache_write=Decimal("3.5")
                ),
            )
            if m.id == "gpt-6.1-terra"
            else dataclasses.replace(
                m, pricing=dataclasses.replace(m.pricing, cache_write=Decimal("2.75"))
            )
            if m.id == "gpt-6.1-sol"
            else m
            for m in catalog.models
        ),
    )
    luna = ("gpt-6-luna", 1000, 8, 1500, 150, 100, 200)
    page = open_estimator(reader, server, language, query(*luna))
    assert shown(page) == expected(edited, language, *luna)
    assert shown(page) != expected(catalog, language, *luna)
    terra = ("gpt-6.1-terra", 777, 6, 1200, 400, 20, 90)
    fill(page, *terra)
    assert shown(page) == expected(edited, language, *terra)
    assert shown(page) != expected(catalog, language, *terra), "cache writes from models.json"
    assert reader.problems == []


def test_when_the_prices_cannot_load_the_page_says_so(reader, server):
    page = reader.page
    page.route("**/models.json", lambda route: route.fulfill(status=503, body="down"))
    page.goto(server + "en/models/", wait_until="networkidle")
    notice = page.locator(".hc-estimator__needs-js")
    notice.wait_for()
    page.wait_for_function(
        "text => document.querySelector('.hc-estimator__needs-js').textContent === text",
        arg=label("estimator.load_failed", "en"),
    )
    assert page.locator(FORM).is_hidden()
    assert all("models.json" in problem or "503" in problem for problem in reader.problems)


def test_without_javascript_the_page_says_the_estimator_needs_it(browser, server, catalog):
    tables = len([kind for kind in models.KINDS if catalog.of_kind(kind)])
    tables += 1 if catalog.billing.service_tiers else 0  # and the service tiers' table
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        for language, folder in LANGUAGES.items():
            page.goto(server + folder + "models/")
            notice = page.locator(".hc-estimator__needs-js")
            assert notice.is_visible()
            assert notice.inner_text() == label("estimator.needs_js", language)
            assert page.locator(FORM).is_hidden()
            assert page.locator("article table").count() == tables  # the prices are still there
    finally:
        context.close()


# What a reader of each language types for three thousand conversations, what is refused
# there (the other locale's grouping, a decimal), and the example the message gives.
TYPED = {
    "es": ("3,000", ["3.000", "8.5", "30,00"], "3000 o 3,000"),
    "en": ("3,000", ["3.000", "8.5", "30,00"], "3000 or 3,000"),
    "pt": ("3.000", ["3,000", "8,5", "30.00"], "3000 ou 3.000"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_numbers_are_read_with_the_readers_thousands_separator(reader, server, catalog, language):
    grouped, refused, example = TYPED[language]
    page = open_estimator(reader, server, language)
    case = ("gpt-6.1-terra", 3000, 12, 3200, 220, 35, 0)
    fill(page, *case)
    page.fill("#hc-estimator-conversations", grouped)
    assert page.locator("#hc-estimator-conversations-error").is_hidden()
    assert shown(page) == expected(catalog, language, *case)
    error = page.locator("#hc-estimator-conversations-error")
    for typed in refused:
        page.fill("#hc-estimator-conversations", typed)
        assert error.is_visible(), typed
        assert example in error.inner_text()


# model, tier, then the volume as in CASES
TIER_CASES = [
    ("gpt-6.2-sol", "ultrafast", 2500, 12, 3200, 220, 35, 180),  # 3x until 2027-02-28
    ("gpt-6.1-terra", "fast", 1000, 8, 1500, 150, 50, 350),
    ("gpt-6-luna", "batch", 40, 1, 1000, 0, 0, 0),  # US$0.0025 a month
    ("gpt-5-mini", "flex", 800, 6, 1800, 160, 40, 250),  # being retired; Terra offers Flex
    ("gpt-6.2-astra", "batch", 100_000_000, 1000, 2_000_000, 200_000, 1, 200_000),
]


def tier_query(model_id, tier, *values):
    return "?" + urlencode(
        {"model": model_id, "tier": tier, **dict(zip(NAMES, values, strict=True))}
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chosen_tier_multiplies_the_figures_as_python_does(reader, server, catalog, language):
    page = open_estimator(reader, server, language)
    assert page.locator("#hc-estimator-tier").input_value() == "standard"
    for model_id, tier, *values in TIER_CASES:
        fill(page, model_id, *values)
        page.select_option("#hc-estimator-tier", tier)
        figures = shown(page)
        assert figures == expected(catalog, language, model_id, *values, tier=tier)
        assert figures != expected(catalog, language, model_id, *values)
        assert parse_qs(urlsplit(page.evaluate("location.href")).query)["tier"] == [tier]
        applies = next(t for t in estimate.tiers(catalog, build_day()) if t.id == tier)
        assert {row["model_id"] for row in figures["comparison"]} <= set(applies.applies_to)

    # A shared link carries the tier.
    model_id, tier, *values = TIER_CASES[0]
    page.goto(server + LANGUAGES[language] + "models/" + tier_query(model_id, tier, *values))
    page.wait_for_selector(f"{FORM}:not([hidden])")
    assert page.locator("#hc-estimator-tier").input_value() == tier
    assert shown(page) == expected(catalog, language, model_id, *values, tier=tier)
    assert reader.problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_tier_is_offered_only_for_the_models_it_applies_to(reader, server, catalog, language):
    case = ("gpt-6.2-sol", 1000, 8, 1500, 150, 50, 350)
    page = open_estimator(reader, server, language)
    fill(page, *case)
    page.select_option("#hc-estimator-tier", "ultrafast")
    disabled = "o => Array.from(o.options).filter(x => x.disabled).map(x => x.value)"
    assert page.locator("#hc-estimator-tier").evaluate(disabled) == ["flex"]
    # Luna has no Ultrafast: the option is not offered and the estimate is at Standard again.
    page.select_option("#hc-estimator-model", "gpt-6-luna")
    assert page.locator("#hc-estimator-tier").evaluate(disabled) == ["ultrafast"]
    assert page.locator("#hc-estimator-tier").input_value() == "standard"
    assert shown(page) == expected(catalog, language, "gpt-6-luna", *case[1:])
    assert (
        shown(page)["tier"]
        == estimate.display(
            estimate.estimate(catalog, "gpt-6-luna", *case[1:], day=build_day()), LOCALES[language]
        ).tier
    )
    # A link naming a tier the model does not have shows the Standard estimate.
    page.goto(
        server + LANGUAGES[language] + "models/" + tier_query("gpt-6-luna", "ultrafast", *case[1:])
    )
    page.wait_for_selector(f"{FORM}:not([hidden])")
    assert page.locator("#hc-estimator-tier").input_value() == "standard"
    assert shown(page) == expected(catalog, language, "gpt-6-luna", *case[1:])
    assert reader.problems == []


def test_the_multiplier_is_the_one_models_json_has_in_force_on_its_day(reader, server, catalog):
    """models.json's as_of picks the rate; its multipliers are what the page multiplies by."""

    def later(route):
        data = json.loads(route.fetch().text())
        data["as_of"] = "2027-03-02"  # Ultrafast is 6x from 2027-03-01
        for tier in data["billing"]["service_tiers"]:
            if tier["id"] == "fast":
                tier["rates"] = [{"multiplier": 2.5}]
        route.fulfill(json=data)

    reader.page.route("**/models.json", later)
    case = ("gpt-6.2-sol", 1000, 8, 1500, 150, 50, 350)
    page = open_estimator(reader, server, "en", tier_query(case[0], "ultrafast", *case[1:]))
    # the same volume at Standard on GPT-6.2 Sol: (1,500 × 130 + 100 × 500 × 10) ÷ 10^8 a message
    # = US$0.00695, × 8,000 = US$55.60 a month; 6x: US$333.60
    figures = shown(page)
    assert figures["monthly"] == "US$333.60"
    assert figures["tier"] == "Service tier: Ultrafast, list prices × 6."
    page.select_option("#hc-estimator-tier", "fast")
    figures = shown(page)
    assert figures["monthly"] == "US$139.00"  # 2.5 × 55.60
    assert figures["tier"] == "Service tier: Fast, list prices × 2.5."
    assert reader.problems == []
