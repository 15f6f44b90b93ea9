"""What the catalogs become in the built site: prices, recommendation, models.json, error pages."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpcenter.buildday import build_day
from helpcenter.catalog import errors, models
from helpcenter.site.labels import label
from support import LANGUAGES, ROOT, SITE_URL


@pytest.fixture(scope="module")
def catalog():
    return models.load_catalog(ROOT / "data")


@pytest.fixture(scope="module")
def error_catalog():
    return errors.load_errors(ROOT / "data", ROOT / "docs", list(LANGUAGES))


def table_rows(site, language, url):
    """Each row of each table of a page, as the list of its cells' text."""
    rows = []
    for tr in site.article(language, url).select("table tr"):
        rows.append([cell.get_text(" ", strip=True) for cell in tr.find_all(["td", "th"])])
    return rows


GOLDEN_ROWS = {
    "es": {
        "gpt-6.2-astra": {  # genai-prices 0.2.5, read 2026-12-06
            "Entrada": "US$8.00",
            "Entrada en caché": "US$0.40",
            "Salida": "US$40.00",
            "Escritura en caché": "US$10.00",
            "Contexto (tokens)": "1,050,000",
        },
        "gpt-6-astra": {
            "Entrada": "US$10.00",
            "Entrada en caché": "US$1.00",
            "Salida": "US$50.00",
            "Contexto (tokens)": "1,050,000",
        },
        "gpt-5.2": {
            "Entrada": "US$1.75",
            "Entrada en caché": "US$0.175",
            "Salida": "US$14.00",
            "Escritura en caché": "Como entrada",  # no cache-write price: a miss bills as input
            "Contexto (tokens)": "400,000",
        },
        "gpt-4": {
            "Estado": "Retirado",
            "Fecha de retiro": "Se retiró el 23 de octubre de 2026",
            "Reemplazo": "GPT-6.1 Sol gpt-6.1-sol",
            "Entrada": "US$30.00",
            "Entrada en caché": "No aplica",
            "Salida": "US$60.00",
        },
    },
    "en": {
        "gpt-6.2-astra": {  # genai-prices 0.2.5, read 2026-12-06
            "Input": "US$8.00",
            "Cached input": "US$0.40",
            "Output": "US$40.00",
            "Cache write": "US$10.00",
            "Context (tokens)": "1,050,000",
        },
        "gpt-6-astra": {
            "Input": "US$10.00",
            "Cached input": "US$1.00",
            "Output": "US$50.00",
            "Context (tokens)": "1,050,000",
        },
        "gpt-5.2": {
            "Input": "US$1.75",
            "Cached input": "US$0.175",
            "Output": "US$14.00",
            "Cache write": "As input",
            "Context (tokens)": "400,000",
        },
        "gpt-4": {
            "Status": "Retired",
            "Shutdown date": "Shut down on October 23, 2026",
            "Replacement": "GPT-6.1 Sol gpt-6.1-sol",
            "Input": "US$30.00",
            "Cached input": "Not available",
            "Output": "US$60.00",
        },
    },
}
"""Rows of the models page as a reader sees them, written out by hand from data/models.yml
(a retired model's row does not change with the build day)."""


TIER_HEADER = {"es": "Nivel de servicio", "en": "Service tier", "pt": "Nível de serviço"}


def test_the_models_page_has_the_service_tiers_table(site):
    expected = {  # genai-prices 0.2.5, read 2026-12-06; the site's build day is after it
        "es": ["Fast fast antes Priority", "2 × el precio estándar"],
        "en": ["Fast fast formerly Priority", "2 × the standard price"],
        "pt": ["Fast fast antes Priority", "2 × o preço padrão"],
    }
    for language, (tier, price) in expected.items():
        tables = site.article(language, "models/").select("table")
        [table] = [
            t
            for t in tables
            if t.select_one("thead th").get_text(strip=True) == TIER_HEADER[language]
        ]
        first = [td.get_text(" ", strip=True) for td in table.select("tbody tr")[0].find_all("td")]
        assert first[:2] == [tier, price]
        assert len(table.select("tbody tr")) == 4


def rows_by_model(site, language):
    """Each model's row of each table of the models page, as {column header: cell text}
    (the service tiers' table aside)."""
    found = {}
    for table in site.article(language, "models/").select("table"):
        headers = [th.get_text(" ", strip=True) for th in table.select("thead th")]
        if headers[0] in TIER_HEADER.values():
            continue
        for tr in table.select("tbody tr"):
            cells = [td.get_text(" ", strip=True) for td in tr.find_all("td")]
            model_id = cells[0].split()[-1]
            found.setdefault(model_id, {}).update(zip(headers, cells, strict=True))
    return found


@pytest.mark.parametrize("language", GOLDEN_ROWS)
def test_price_tables_show_the_golden_rows_in_the_page_locale(site, catalog, language):
    rows = rows_by_model(site, language)
    assert set(rows) == {model.id for model in catalog.models}
    for model_id, expected in GOLDEN_ROWS[language].items():
        shown = {header: rows[model_id].get(header) for header in expected}
        assert shown == expected, model_id


def test_prices_are_written_with_the_digits_of_the_catalog(site, catalog):
    text = site.article("en", "models/").get_text()
    for model in catalog.models:
        if model.status == "current":
            assert f"US${model.pricing.input:,.2f}".rstrip("0") in text or (
                f"US${model.pricing.input}" in text
            )
    assert "US$0.025" in site.article("es", "models/").get_text()
    # Brazilian Portuguese writes the decimal comma and the thousands point.
    assert "US$\u00a00,025" in site.article("pt", "models/").get_text()
    assert "400.000" in site.article("pt", "models/").get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_deprecated_or_retired_model_shows_its_shutdown_and_replacement(
    site, catalog, language
):
    rows = table_rows(site, language, "models/")
    for model in catalog.models:
        if model.status == "current":
            continue
        row = next(r for r in rows if model.id in r[0].split() and not r[1].startswith("US$"))
        assert row[1] == label(f"status.{model.status}", language)
        assert row[3].endswith(model.replacement)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_price_table_says_when_its_prices_were_verified(site, catalog, language):
    article = site.article(language, "models/")
    verified = label("pricing.verified", language).split("{")[0]
    tables = article.select("table")
    notes = [p for p in article.find_all("p") if p.get_text().startswith(verified)]
    # the price tables, and the service tiers' table with its own note
    assert len(tables) == len([kind for kind in models.KINDS if catalog.of_kind(kind)]) + 1
    assert len(notes) >= len(tables) - 1
    tiers_verified = label("pricing.tiers_verified", language).split("{")[0]
    assert [p for p in article.find_all("p") if p.get_text().startswith(tiers_verified)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_recommendation_names_only_models_usable_for_the_next_60_days(site, catalog, language):
    tip = site.article(language, "models/").select_one("div.admonition.tip")
    named = {code.get_text() for code in tip.select("li code")}
    assert named, "the tip names no model"
    for model_id in named:
        model = catalog.get(model_id)
        assert model.status == "current"
        assert model.shutdown is None or model.shutdown > build_day() + timedelta(days=60)
    # data/models.yml marks them recommended: quality and economy; neither has a shutdown date.
    assert named == {"gpt-6.1-terra", "gpt-6-luna"}


def test_models_json_is_the_catalog(site, catalog):
    for language in LANGUAGES:
        published = json.loads(
            (site.folder(language) / "models.json").read_text("utf-8"), parse_float=Decimal
        )
        assert re.fullmatch(r"\d+\.\d+\.\d+", published.pop("version"))
        assert published.pop("as_of") == site.day.isoformat()
        statuses = {m["id"]: m["lifecycle"].pop("status") for m in published["models"]}
        assert statuses == {model.id: model.status for model in catalog.models}
        assert published == catalog.raw
        assert (site.folder(language) / "models.schema.json").is_file()
    raw = (site.root / "models.json").read_text("utf-8")
    assert "0.025" in raw and "0.025000" not in raw


CURRENCY = re.compile(r"US\$|\$\s?\d|\d\s?(USD|dólares|dollars)\b|USD\s?\d", re.I)
GENERATED = re.compile(r"<!-- md:.*?-->|\{\{.*?\}\}")


def test_no_guide_types_a_price_or_a_model_name_by_hand(catalog):
    names = {model.name for model in catalog.models} | {model.id for model in catalog.models}
    for source in (ROOT / "docs").rglob("*.md"):
        text = GENERATED.sub("", source.read_text("utf-8"))
        assert not CURRENCY.search(text), (source, CURRENCY.search(text).group(0))
        for name in names:
            assert not re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w.-])", text), (source, name)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_error_has_a_page_with_its_messages_verdict_and_steps(site, error_catalog, language):
    for error in error_catalog.errors:
        article = site.article(language, f"errors/{error.slug}/")
        blocks = [code.get_text().strip() for code in article.select(".error-message code")]
        for message in error.messages:
            assert message in blocks, (error.slug, message)
        assert label(f"verdict.{error.verdict}", language) in article.get_text()
        steps = article.select("ol > li")
        assert len(steps) == len(error.steps[language]), error.slug
        assert error.title[language] in article.h1.get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_errors_index_lists_every_error(site, error_catalog, language):
    index = site.article(language, "errors/")
    linked = {urlsplit(a["href"]).path.strip("./").rstrip("/") for a in index.select("table a")}
    assert linked == {error.slug for error in error_catalog.errors}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_search_index_holds_every_error_message_on_that_error_page(
    site, error_catalog, language
):
    docs = site.search_index(language)["docs"]
    for error in error_catalog.errors:
        page = f"errors/{error.slug}/"
        text = " ".join(doc["text"] for doc in docs if doc["location"].split("#")[0] == page)
        for message in error.messages:
            words = re.sub(r"\s+", " ", message)
            assert words in re.sub(r"\s+", " ", text) or _escaped(words) in text, (page, message)


def _escaped(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_guides_link_to_error_pages_through_markers(site):
    for language in LANGUAGES:
        links = site.article(language, "billing/").select(
            'a[href*="errors/credit-balance-exhausted"]'
        )
        assert links, language


def test_every_link_the_templates_write_resolves(site):
    """Links the theme and overrides/ write around each page's content (navigation, header,
    footer, language switcher). Links in the content itself are the build's to check
    (mkdocs.yml, validation), and tests/test_build_edits.py shows it does."""
    checked = 0
    for language, folder in LANGUAGES.items():
        for url in site.pages(language):
            here = SITE_URL + folder + url
            soup = BeautifulSoup(site.html(language, url), "html.parser")
            for content in soup.select("article.md-content__inner"):
                content.decompose()
            for anchor in soup.select("a[href]"):
                target = urljoin(here, anchor["href"])
                if not target.startswith(SITE_URL):
                    continue
                path, _, fragment = target.removeprefix(SITE_URL).partition("#")
                file = (
                    site.root / path / "index.html" if not Path(path).suffix else site.root / path
                )
                assert file.is_file(), (language, url, anchor["href"])
                if fragment:
                    assert f'id="{fragment}"' in file.read_text("utf-8"), (url, anchor["href"])
                checked += 1
    assert checked > 200


def test_text_from_data_is_escaped(tmp_path):
    from helpcenter.escapes import markdown_text

    assert (
        markdown_text("<script>alert(1)</script> | x")
        == "&lt;script&gt;alert(1)&lt;/script&gt; \\| x"
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("url", ["errors/model-not-found/", "errors/rate-limit-reached/"])
def test_a_model_quoted_in_an_error_message_brings_no_model_notice(site, language, url):
    # Their example messages name gpt-4 and gpt-4o; the pages are about errors, not models.
    page = site.article(language, url)
    assert page.select_one("div.admonition.warning") is None
    assert label("notice.title", language) not in page.get_text()
    assert label("notice.title_retired", language) not in page.get_text()


def test_each_language_publishes_the_messages_its_search_box_recognises(site, error_catalog):
    for language in LANGUAGES:
        data = json.loads((site.folder(language) / "errors" / "messages.json").read_text("utf-8"))
        assert data["label"] == label("finder.label", language)
        by_url = {entry["url"]: entry for entry in data["errors"]}
        for error in error_catalog.errors:
            entry = by_url[f"{error.slug}/"]
            assert entry["messages"] == [*error.messages, error.product_message[language]]
            assert error.title[language] in entry["title"]
            assert (site.folder(language) / "errors" / error.slug / "index.html").is_file()
