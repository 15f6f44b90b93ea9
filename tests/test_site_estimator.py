"""The cost estimator as built into the models page, read without JavaScript."""

from __future__ import annotations

import json

import pytest

from helpcenter.buildday import build_day
from helpcenter.catalog import models
from helpcenter.localized import money
from helpcenter.site.labels import label
from helpcenter.tools import estimate
from support import LANGUAGES, ROOT
from support import LOCALES as SITE_LOCALES

HEADINGS = {
    "es": "Calcula tu costo mensual",
    "en": "Estimate your monthly cost",
    "pt": "Calcule seu custo mensal",
}
LOCALES = {code: locale.replace("_", "-") for code, locale in SITE_LOCALES.items()}
"""The form's locale, as a browser's Intl reads it (es-419)."""


@pytest.fixture(scope="module")
def catalog():
    return models.load_catalog(ROOT / "data")


def estimator(site, language):
    return site.article(language, "models/").select_one("form.hc-estimator")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_estimator_has_its_own_section_right_after_which_model_to_choose(site, language):
    article = site.article(language, "models/")
    sections = [h2.get_text(strip=True).rstrip("¶") for h2 in article.find_all("h2")]
    assert sections[1] == HEADINGS[language]
    assert article.select_one("div.admonition.tip").find_next("h2") == article.find_all("h2")[1]
    box = estimator(site, language)
    assert box.find_previous("h2") == article.find_all("h2")[1]
    assert box.find_next("h2") == article.find_all("h2")[2]
    assert box.find_previous("p").get_text().strip(), "no introduction before the form"


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_page_lists_the_current_models_and_says_what_is_missing(
    site, catalog, language
):
    box = estimator(site, language)
    notice = box.select_one(".hc-estimator__needs-js")
    assert notice.get_text(strip=True) == label("estimator.needs_js", language)
    assert not notice.has_attr("hidden")
    body = box.select_one(".hc-estimator__body")
    assert body.has_attr("hidden"), "fields that cannot compute stay hidden"

    select = box.select_one("select#hc-estimator-model")
    options = select.select("option")
    listed = estimate.choices(catalog, build_day())
    assert [option["value"] for option in options] == [choice.model.id for choice in listed]
    assert {option["value"] for option in select.find_all("option", recursive=False)} == {
        model.id for model in catalog.models if model.status == "current"
    }
    group = select.select_one("optgroup")
    assert group["label"] == label("estimator.retiring", language)
    assert {option["value"] for option in group.select("option")} == {
        model.id for model in catalog.models if model.status == "deprecated"
    }
    for option, choice in zip(options, listed, strict=True):
        text = option.get_text()
        assert text.startswith(choice.model.name), text
        if choice.role:
            assert label(f"estimator.pick.{choice.role}", language) in text
        if choice.retiring:
            successor = catalog.get(choice.model.replacement)
            assert option["data-replacement"] == successor.id
            assert text.endswith(f"{successor.name})"), text
        else:
            assert not option.has_attr("data-replacement")
    assert [option["value"] for option in options if option.has_attr("selected")] == [
        catalog.pick("economy", build_day()).id
    ]
    assert [choice.role for choice in listed[:2]] == ["quality", "economy"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_field_has_a_label_a_hint_and_its_default(site, language):
    box = estimator(site, language)
    fieldset = box.select_one("fieldset")
    assert fieldset.legend.get_text(strip=True) == label("estimator.legend", language)
    controls = fieldset.select("select, input")
    assert [control["name"] for control in controls] == ["model", "tier"] + [
        field.name for field in estimate.FIELDS
    ]
    for control in controls:
        assert box.select_one(f'label[for="{control["id"]}"]').get_text(strip=True)
        hint = box.select_one(f"#{control['aria-describedby']}")
        assert hint.get_text(strip=True)
    for field in estimate.FIELDS:
        control = fieldset.select_one(f'input[name="{field.name}"]')
        assert control["value"] == str(field.default)
        assert control["data-max"] == str(field.maximum)
        assert control["inputmode"] == "numeric"
        error = box.select_one(f"#hc-estimator-{field.name}-error")
        assert error.has_attr("hidden") and error.get_text(strip=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_results_region_is_empty_live_and_the_script_has_its_words(site, catalog, language):
    box = estimator(site, language)
    assert box["data-locale"] == LOCALES[language]
    assert box["data-days-per-month"] == str(estimate.DAYS_PER_MONTH)
    summary = box.select_one(".hc-estimator__summary")
    assert summary["aria-live"] == "polite"
    assert [dd.get_text() for dd in summary.select("dd")] == ["", "", ""]
    replacement = summary.select_one('[data-estimator-out="replacement"]')
    assert replacement.has_attr("hidden") and replacement.get_text() == ""
    assert box.select_one('[data-estimator-out="comparison"]').get_text() == ""
    words = json.loads(box.select_one('script[type="application/json"]').string)
    assert words["chosen"] == label("estimator.chosen", language)
    assert words["days_under"] == estimate.days_text(0, language, LOCALES[language])
    assert all(isinstance(text, str) and text for text in words.values())
    scripts = [tag["src"] for tag in site.soup(language, "models/").select("script[src]")]
    assert any(src.endswith("assets/javascripts/estimator.js") for src in scripts)


def test_the_estimator_types_no_price_into_its_script():
    script = (ROOT / "overrides" / "assets" / "javascripts" / "estimator.js").read_text("utf-8")
    catalog = models.load_catalog(ROOT / "data")
    for model in catalog.models:
        assert model.id not in script and model.name not in script, model.id
    assert "US$" in script  # the currency's sign, as the tables write it; no amount


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_finds_the_section_by_its_introduction_not_by_the_form(site, language):
    docs = site.search_index(language)["docs"]
    section = next(doc for doc in docs if doc["title"] == HEADINGS[language])
    assert section["text"].startswith("<p>") and section["text"].count("<p>") == 1
    every = " ".join(doc["text"] for doc in docs)
    for key in ("estimator.conversations_hint", "estimator.needs_js", "estimator.monthly"):
        assert label(key, language) not in every, key


PICKS = {
    "es": {"quality": "si priorizas la calidad", "economy": "si priorizas el costo"},
    "en": {"quality": "if quality comes first", "economy": "if cost comes first"},
    "pt": {"quality": "se a qualidade vem primeiro", "economy": "se o custo vem primeiro"},
}
OVERCLAIMS = {
    "es": ["mejor calidad", "la mejor", "el mejor"],
    "en": ["best quality", "the best"],
    "pt": ["melhor qualidade", "o melhor", "a melhor"],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_picks_say_what_they_favour_as_the_recommendation_does_never_best(site, language):
    article = site.article(language, "models/")
    tip = article.select_one("div.admonition.tip").get_text(" ", strip=True).lower()
    for role, option in zip(
        ("quality", "economy"), estimator(site, language).select("option")[:2], strict=True
    ):
        words = PICKS[language][role]
        assert words in tip, role
        assert words in option.get_text(), option
    text = article.get_text(" ", strip=True).lower()
    for claim in OVERCLAIMS[language]:
        assert claim not in text, claim


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_note_gives_the_cache_write_prices_the_tables_do_not_show(site, catalog, language):
    note = estimator(site, language).select_one(".hc-estimator__note").get_text(" ", strip=True)
    priced = [m for m in catalog.models if m.pricing.cache_write is not None]
    assert {m.id for m in priced} >= {
        "gpt-6.2-astra",
        "gpt-6-astra",
        "gpt-6.2-sol",
        "gpt-6.1-sol",
        "gpt-6.1-terra",
        "gpt-6-luna",
    }
    written = {  # the catalog's cache-write prices, as each language writes an amount
        "es": ["GPT-6 Astra US$12.50", "GPT-6.2 Sol US$2.50", "GPT-6.1 Terra US$1.25"],
        "en": ["GPT-6 Astra US$12.50", "GPT-6.2 Sol US$2.50", "GPT-6.1 Terra US$1.25"],
        "pt": [
            "GPT-6 Astra US$\u00a012,50",
            "GPT-6.2 Sol US$\u00a02,50",
            "GPT-6.1 Terra US$\u00a01,25",
        ],
    }
    luna = {
        "es": "GPT-6 Luna US$0.125",
        "en": "GPT-6 Luna US$0.125",
        "pt": "GPT-6 Luna US$\u00a00,125",
    }
    for shown in [*written[language], luna[language]]:
        assert shown in note, shown
    sol = {
        "es": "GPT-6.1 Sol US$2.50",
        "en": "GPT-6.1 Sol US$2.50",
        "pt": "GPT-6.1 Sol US$\u00a02,50",
    }
    astra = {
        "es": "GPT-6.2 Astra US$10.00",
        "en": "GPT-6.2 Astra US$10.00",
        "pt": "GPT-6.2 Astra US$\u00a010,00",
    }
    assert sol[language] in note  # genai-prices 0.2.5 and LiteLLM 1.110.2
    assert astra[language] in note


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_tier_choice_offers_the_tiers_of_the_build_day_for_their_models(
    site, catalog, language
):
    select = estimator(site, language).select_one("select#hc-estimator-tier")
    options = select.select("option")
    # billing.service_tiers on 2026-12-06, in the catalog's order, Standard first
    assert [(o["value"], o["data-name"]) for o in options] == [
        ("standard", "Standard"),
        ("fast", "Fast"),
        ("ultrafast", "Ultrafast"),
        ("batch", "Batch"),
        ("flex", "Flex"),
    ]
    assert [o["value"] for o in options if o.has_attr("selected")] == ["standard"]
    assert not options[0].has_attr("data-models"), "Standard applies to every model"
    models_of = {o["value"]: set(o["data-models"].split()) for o in options[1:]}
    assert models_of["ultrafast"] == {"gpt-6.2-astra", "gpt-6.2-sol"}
    assert "gpt-6.2-sol" not in models_of["flex"] and "gpt-6-luna" in models_of["flex"]
    assert "gpt-4o" not in models_of["batch"] and "gpt-5-mini" in models_of["batch"]
    economy = catalog.pick("economy", build_day()).id
    assert [o["value"] for o in options if o.has_attr("disabled")] == [
        value for value, ids in models_of.items() if economy not in ids
    ]
    half = "0,5" if language == "pt" else "0.5"  # es-419 writes a decimal point
    assert [o.get_text().rsplit("× ", 1)[1] for o in options] == [
        "1)",
        "2)",
        "3)",  # 3x until 2027-02-28
        f"{half})",
        f"{half})",
    ]


def _cells(article, model):
    """The cells of ``model``'s row in the page's price tables (its first cell links it)."""
    rows = [
        row
        for row in article.select("table tr")
        if row.find("td") and model.name in row.find("td").get_text()
    ]
    assert rows, model.id
    return [cell.get_text(" ", strip=True) for row in rows for cell in row.find_all("td")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_price_tables_show_every_price_the_estimator_uses(site, catalog, language):
    """A reader reproduces an estimate by hand from the tables: every price of every model the
    form offers, the cache write where it bills misses, and each tier's multiplier."""
    article = site.article(language, "models/")
    locale = SITE_LOCALES[language]
    for choice in estimate.choices(catalog, build_day()):
        pricing = choice.model.pricing
        used = [pricing.input, pricing.output]
        if pricing.cached_input is not None:
            used.append(pricing.cached_input)
            if pricing.cache_write is not None:
                used.append(pricing.cache_write)
        cells = _cells(article, choice.model)
        for price in used:
            assert money(price, locale) in cells, (choice.model.id, price)
    table = next(
        table
        for table in article.select("table")
        if "ultrafast" in table.get_text() and "Batch" in table.get_text()
    )
    for tier in estimate.tiers(catalog, build_day())[1:]:
        row = next(row for row in table.select("tr") if f"{tier.id}" in row.get_text(" "))
        shown = estimate.times(tier.multiplier, locale)
        assert shown in row.find_all("td")[1].get_text(), (tier.id, shown)
