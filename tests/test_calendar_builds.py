"""The site built on three days: before, between and after the shutdowns of 2026-12-11 and
2027-01-14. Every expected value is written out here, from the dates in the catalog's notes."""

from __future__ import annotations

import json

import jsonschema
import pytest

from support import LANGUAGES

DAYS = ("2026-12-01", "2026-12-20", "2027-01-20")

REASONING = [
    "gpt-6.2-astra",
    "gpt-6-astra",
    "gpt-6.2-sol",
    "gpt-6.1-sol",
    "gpt-6.1-terra",
    "gpt-6-luna",
    "gpt-5.2",
]
RETIRED_BEFORE = [
    "gpt-4-1106-preview",
    "gpt-4",
    "gpt-4.1-nano",
    "gpt-3.5-turbo",
    "gpt-4-32k",
    "gpt-3.5-turbo-16k",
]
"""Retired before all three days, latest shutdown first."""
JANUARY = ["gpt-4.1", "gpt-4o", "gpt-4.1-mini", "gpt-4o-mini"]
DECEMBER = ["gpt-5-mini", "gpt-5-nano"]

LEGACY = {
    "2026-12-01": DECEMBER + JANUARY + RETIRED_BEFORE,
    "2026-12-20": JANUARY + DECEMBER + RETIRED_BEFORE,
    "2027-01-20": JANUARY + DECEMBER + RETIRED_BEFORE,
}
DEPRECATED_ON = {
    "2026-12-01": set(DECEMBER + JANUARY),
    "2026-12-20": set(JANUARY),
    "2027-01-20": set(),
}
STATUS_WORD = {
    "es": {"deprecated": "En desuso", "retired": "Retirado"},
    "en": {"deprecated": "Deprecated", "retired": "Retired"},
    "pt": {"deprecated": "Descontinuado", "retired": "Desativado"},
}
SHUTDOWN_CELL = {
    ("es", "deprecated", "2026-12-11"): "Se retira el 11 de diciembre de 2026",
    ("es", "retired", "2026-12-11"): "Se retiró el 11 de diciembre de 2026",
    ("es", "deprecated", "2027-01-14"): "Se retira el 14 de enero de 2027",
    ("es", "retired", "2027-01-14"): "Se retiró el 14 de enero de 2027",
    ("en", "deprecated", "2026-12-11"): "Shuts down on December 11, 2026",
    ("en", "retired", "2026-12-11"): "Shut down on December 11, 2026",
    ("en", "deprecated", "2027-01-14"): "Shuts down on January 14, 2027",
    ("en", "retired", "2027-01-14"): "Shut down on January 14, 2027",
    ("pt", "deprecated", "2026-12-11"): "Será desativado em 11 de dezembro de 2026",
    ("pt", "retired", "2026-12-11"): "Desativado em 11 de dezembro de 2026",
    ("pt", "deprecated", "2027-01-14"): "Será desativado em 14 de janeiro de 2027",
    ("pt", "retired", "2027-01-14"): "Desativado em 14 de janeiro de 2027",
}
EMPTY_STANDARD = {
    "es": "Hoy no hay modelos vigentes de este tipo. Los que quedan están en la tabla de "
    "modelos en desuso y retirados.",
    "en": "There are no current models of this kind today. The remaining ones are in the "
    "table of deprecated and retired models.",
    "pt": "Hoje não há modelos atuais deste tipo. Os que restam estão na tabela de "
    "modelos descontinuados e desativados.",
}
AS_OF = {
    ("es", "2026-12-01"): "Estado de los modelos al 1 de diciembre de 2026",
    ("es", "2026-12-20"): "Estado de los modelos al 20 de diciembre de 2026",
    ("es", "2027-01-20"): "Estado de los modelos al 20 de enero de 2027",
    ("en", "2026-12-01"): "Model status as of December 1, 2026",
    ("en", "2026-12-20"): "Model status as of December 20, 2026",
    ("en", "2027-01-20"): "Model status as of January 20, 2027",
    ("pt", "2026-12-01"): "Status dos modelos em 1 de dezembro de 2026",
    ("pt", "2026-12-20"): "Status dos modelos em 20 de dezembro de 2026",
    ("pt", "2027-01-20"): "Status dos modelos em 20 de janeiro de 2027",
}
NOTICES = {
    ("es", "usage", "2026-12-01"): (
        "Modelo en desuso",
        "OpenAI retirará GPT-5 mini el 11 de diciembre de 2026. Cambia a GPT-6.1 Terra antes "
        "de esa fecha.",
    ),
    ("es", "usage", "2026-12-20"): (
        "Modelo retirado",
        "OpenAI retiró GPT-5 mini el 11 de diciembre de 2026: las solicitudes a ese modelo "
        "fallan. Usa GPT-6.1 Terra.",
    ),
    ("es", "rotate-key", "2026-12-20"): (
        "Modelo en desuso",
        "OpenAI retirará GPT-4o el 14 de enero de 2027. Cambia a GPT-6 Luna antes de esa fecha.",
    ),
    ("es", "rotate-key", "2027-01-20"): (
        "Modelo retirado",
        "OpenAI retiró GPT-4o el 14 de enero de 2027: las solicitudes a ese modelo fallan. "
        "Usa GPT-6 Luna.",
    ),
    ("en", "usage", "2026-12-01"): (
        "Model going away",
        "OpenAI will shut down GPT-5 mini on December 11, 2026. Move to GPT-6.1 Terra before then.",
    ),
    ("en", "usage", "2026-12-20"): (
        "Retired model",
        "OpenAI shut down GPT-5 mini on December 11, 2026: requests to it fail. Use GPT-6.1 Terra.",
    ),
    ("en", "rotate-key", "2026-12-20"): (
        "Model going away",
        "OpenAI will shut down GPT-4o on January 14, 2027. Move to GPT-6 Luna before then.",
    ),
    ("en", "rotate-key", "2027-01-20"): (
        "Retired model",
        "OpenAI shut down GPT-4o on January 14, 2027: requests to it fail. Use GPT-6 Luna.",
    ),
    ("pt", "usage", "2026-12-01"): (
        "Modelo descontinuado",
        "A OpenAI vai desativar o GPT-5 mini em 11 de dezembro de 2026. Mude para o GPT-6.1 "
        "Terra antes dessa data.",
    ),
    ("pt", "usage", "2026-12-20"): (
        "Modelo desativado",
        "A OpenAI desativou o GPT-5 mini em 11 de dezembro de 2026: as solicitações a esse "
        "modelo falham. Use o GPT-6.1 Terra.",
    ),
    ("pt", "rotate-key", "2026-12-20"): (
        "Modelo descontinuado",
        "A OpenAI vai desativar o GPT-4o em 14 de janeiro de 2027. Mude para o GPT-6 Luna antes "
        "dessa data.",
    ),
    ("pt", "rotate-key", "2027-01-20"): (
        "Modelo desativado",
        "A OpenAI desativou o GPT-4o em 14 de janeiro de 2027: as solicitações a esse modelo "
        "falham. Use o GPT-6 Luna.",
    ),
}
for _language in LANGUAGES:
    # GPT-4o's deprecation was announced on 2026-10-14: the same notice on 2026-12-01.
    NOTICES[(_language, "rotate-key", "2026-12-01")] = NOTICES[
        (_language, "rotate-key", "2026-12-20")
    ]
    # GPT-5 mini stays retired.
    NOTICES[(_language, "usage", "2027-01-20")] = NOTICES[(_language, "usage", "2026-12-20")]

ESTIMATOR = [
    "gpt-6.1-terra",
    "gpt-6-luna",
    "gpt-5.2",
    "gpt-6.2-sol",
    "gpt-6.1-sol",
    "gpt-6.2-astra",
    "gpt-6-astra",
]
"""The picks (quality, economy), then the other current models by input price."""
ESTIMATOR_RETIRING = {
    "2026-12-01": DECEMBER + JANUARY,
    "2026-12-20": JANUARY,
    "2027-01-20": [],
}
"""The models being retired on each day, by shutdown date, to compare with their replacement."""
SHUTDOWNS = {
    **dict.fromkeys(DECEMBER, "2026-12-11"),
    **dict.fromkeys(JANUARY, "2027-01-14"),
}


TIER_HEADER = ("Nivel de servicio", "Service tier", "Nível de serviço")


def tables(site, language, tiers=False):
    """Each price table of the models page as its rows (header left out), cells as text;
    with ``tiers``, the service tiers' table instead."""
    article = site.article(language, "models/")
    return [
        [
            [td.get_text(" ", strip=True) for td in tr.find_all("td")]
            for tr in table.select("tbody tr")
        ]
        for table in article.select("table")
        if (table.select_one("thead th").get_text(strip=True) in TIER_HEADER) == tiers
    ]


def ids(rows):
    return [row[0].split()[-1] for row in rows]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("day", DAYS)
def test_tables_list_each_model_once_where_its_status_on_the_day_puts_it(dated_site, day, language):
    site = dated_site(day)
    reasoning, legacy = tables(site, language)
    assert ids(reasoning) == REASONING
    assert ids(legacy) == LEGACY[day]
    article = site.article(language, "models/").get_text(" ", strip=True)
    assert EMPTY_STANDARD[language] in article
    assert AS_OF[(language, day)] in article
    for row in legacy:
        model_id = row[0].split()[-1]
        status = "deprecated" if model_id in DEPRECATED_ON[day] else "retired"
        assert row[1] == STATUS_WORD[language][status], (model_id, row)
        if model_id in SHUTDOWNS:
            assert row[2] == SHUTDOWN_CELL[(language, status, SHUTDOWNS[model_id])], row


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("day", DAYS)
def test_no_sentence_uses_the_future_for_a_model_already_shut_down(dated_site, day, language):
    text = dated_site(day).article(language, "models/").get_text(" ", strip=True)
    future = {
        "es": "Se retira el 11 de diciembre de 2026",
        "en": "Shuts down on December 11",
        "pt": "Será desativado em 11 de dezembro de 2026",
    }
    assert (future[language] in text) == (day == "2026-12-01")
    january = {
        "es": "Se retira el 14 de enero de 2027",
        "en": "Shuts down on January 14",
        "pt": "Será desativado em 14 de janeiro de 2027",
    }
    assert (january[language] in text) == (day != "2027-01-20")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("day", DAYS)
def test_recommendation_offers_current_models_and_the_estimator_those_being_retired_too(
    dated_site, day, language
):
    site = dated_site(day)
    article = site.article(language, "models/")
    tip = article.select_one("div.admonition.tip")
    assert [code.get_text() for code in tip.select("li code")] == ["gpt-6.1-terra", "gpt-6-luna"]
    select = article.select_one("#hc-estimator-model")
    options = [option["value"] for option in select.find_all("option", recursive=False)]
    assert options == ESTIMATOR
    retiring = [option["value"] for option in select.select("optgroup option")]
    assert retiring == ESTIMATOR_RETIRING[day]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("page", ["usage", "rotate-key"])
def test_a_guide_naming_a_model_warns_in_the_tense_of_the_day(dated_site, day, language, page):
    notice = dated_site(day).article(language, f"{page}/").select_one("div.admonition.warning")
    expected = NOTICES[(language, page, day)]
    assert notice is not None
    title = notice.select_one(".admonition-title").get_text(strip=True)
    items = [li.get_text(" ", strip=True) for li in notice.select("li")]
    assert (title, items) == (expected[0], [expected[1]])


@pytest.mark.parametrize("day", DAYS)
def test_models_json_carries_the_status_of_the_day_and_the_dates(dated_site, day):
    site = dated_site(day)
    for language in LANGUAGES:
        published = json.loads((site.folder(language) / "models.json").read_text("utf-8"))
        assert published["as_of"] == day
        lifecycles = {model["id"]: model["lifecycle"] for model in published["models"]}
        for model_id in REASONING:
            assert lifecycles[model_id]["status"] == "current"
        for model_id in LEGACY[day]:
            expected = "deprecated" if model_id in DEPRECATED_ON[day] else "retired"
            assert lifecycles[model_id]["status"] == expected, model_id
        for model_id, shutdown in SHUTDOWNS.items():
            assert lifecycles[model_id]["shutdown"] == shutdown
        assert lifecycles["gpt-5-mini"]["announced"] == "2026-06-11"
        assert lifecycles["gpt-4o"]["announced"] == "2026-10-14"
        assert lifecycles["gpt-6-astra"]["released"] == "2026-09-03"
        schema = json.loads((site.folder(language) / "models.schema.json").read_text("utf-8"))
        jsonschema.Draft202012Validator(schema).validate(published)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_replacement_links_to_its_row_in_a_price_table(dated_site, language):
    article = dated_site("2027-01-20").article(language, "models/")
    legacy = article.select("table")[-1]
    links = [row.select("td")[3].a["href"] for row in legacy.select("tbody tr")]
    assert len(links) == len(LEGACY["2027-01-20"])
    for href in links:
        target = article.find(id=href.removeprefix("#"))
        assert target is not None and target.find_parent("table") is not legacy, href


def test_a_typed_status_the_dates_contradict_stops_the_build_naming_the_model(project):
    from support import assert_clean_failure, run_build

    catalog = project / "data" / "models.yml"
    text = catalog.read_text("utf-8")
    old = "    lifecycle:\n      shutdown: 2026-12-11\n      replacement: gpt-6.1-terra\n"
    assert text.count(old) == 1
    catalog.write_text(text.replace(old, old + "      status: deprecated\n"), "utf-8")
    rows = catalog.read_text("utf-8").splitlines()
    line = next(n for n, row in enumerate(rows, 1) if row == "      status: deprecated")
    result = run_build(project, project / "site", SOURCE_DATE_EPOCH="1797724800")  # 2026-12-20
    assert_clean_failure(
        result,
        f"data/models.yml:{line}: model 'gpt-5-mini', field lifecycle.status is 'deprecated', "
        "but on "
        "2026-12-20 its dates (announced 2026-06-11, shutdown 2026-12-11) make it 'retired'; "
        "expected 'retired', or no status: it follows from the dates",
    )
    assert (project / "site" / "index.html").exists() is False


# ------------------------------------------- dated facts after the build day


PLANTED_RELEASE = """
  - id: gpt-7-nova
    name: GPT-7 Nova
    provider: OpenAI
    reasoning: true
    pricing:
      input: 0.75
      cached_input: 0.07
      output: 3.00
    context_window: 1050000
    max_output_tokens: 128000
    lifecycle:
      released: 2026-12-15
      sources:
        released: "https://example.com/gpt-7-nova (planted)"
    good_for:
      es: "Un modelo plantado."
      en: "A planted model."
      pt: "Um modelo plantado."
    source: https://example.com/gpt-7-nova
    verified: 2026-12-06
"""
PLANTED_PRICES = """    price_history:
      - from: 2026-09-22
        input: 0.10
        cached_input: 0.01
        output: 0.50
        source: "https://example.com/luna-launch (planted)"
      - from: 2026-12-15
        input: 0.08
        cached_input: 0.008
        output: 0.40
        source: "https://example.com/luna-cut (planted)"
"""


@pytest.fixture(scope="module")
def future_site(tmp_path_factory):
    """``future_site(day)``: the site built on ``day`` from a catalog holding a model released
    on 2026-12-15 and a GPT-6 Luna price that starts that day (0.08 / 0.008 / 0.40)."""
    from datetime import datetime

    from support import Site, copy_project, run_build

    built = {}

    def build(day):
        if day not in built:
            project = copy_project(tmp_path_factory.mktemp("future") / "project")
            path = project / "data" / "models.yml"
            text = path.read_text("utf-8")
            luna = text.index("  - id: gpt-6-luna\n")
            end = text.index("\n  - id: ", luna + 1)
            # the price from the 15th is the catalog's pricing: the last record equals it
            entry = text[luna:end].replace("input: 0.10\n", "input: 0.08\n", 1)
            entry = entry.replace("cached_input: 0.01\n", "cached_input: 0.008\n", 1)
            entry = entry.replace("output: 0.50\n", "output: 0.40\n", 1)
            text = text[:luna] + entry.rstrip("\n") + "\n" + PLANTED_PRICES + text[end:]
            text = text.rstrip("\n") + "\n" + PLANTED_RELEASE
            path.write_text(text, "utf-8")
            epoch = str(int(datetime.fromisoformat(f"{day}T00:00:00+00:00").timestamp()))
            result = run_build(project, project / "site", SOURCE_DATE_EPOCH=epoch)
            assert result.returncode == 0, result.stdout + result.stderr
            built[day] = Site(root=project / "site", log=result.stdout)
        return built[day]

    return build


def _luna_row_and_offers(site, language):
    reasoning = tables(site, language)[0]
    luna = next(row for row in reasoning if "gpt-6-luna" in row[0])
    article = site.article(language, "models/")
    select = article.select_one("#hc-estimator-model")
    offered = [option["value"] for option in select.find_all("option")]
    published = json.loads((site.folder(language) / "models.json").read_text("utf-8"))
    return luna, offered, published


def test_a_model_released_after_the_build_day_is_not_offered_until_its_day(future_site):
    for language in LANGUAGES:
        _, offered, published = _luna_row_and_offers(future_site("2026-12-10"), language)
        assert not any(
            "gpt-7-nova" in row[0]
            for table in tables(future_site("2026-12-10"), language)
            for row in table
        )
        assert "gpt-7-nova" not in offered
        assert "gpt-7-nova" not in [model["id"] for model in published["models"]]
        changes_page = future_site("2026-12-10").article(language, "changes/").get_text()
        assert "GPT-7 Nova" not in changes_page
        _, offered, published = _luna_row_and_offers(future_site("2026-12-20"), language)
        assert "gpt-7-nova" in offered
        assert "gpt-7-nova" in [model["id"] for model in published["models"]]


def test_a_price_that_starts_after_the_build_day_is_not_the_current_one(future_site):
    # before the 15th: 0.10 / 0.01 / 0.50; from the 15th: 0.08 / 0.008 / 0.40
    for language, before, after in [
        ("es", ["US$0.10", "US$0.01", "US$0.50"], ["US$0.08", "US$0.008", "US$0.40"]),
        ("en", ["US$0.10", "US$0.01", "US$0.50"], ["US$0.08", "US$0.008", "US$0.40"]),
    ]:
        luna, _, published = _luna_row_and_offers(future_site("2026-12-10"), language)
        assert luna[1:4] == before
        prices = next(m for m in published["models"] if m["id"] == "gpt-6-luna")["pricing"]
        assert (prices["input"], prices["cached_input"], prices["output"]) == (0.1, 0.01, 0.5)
        luna, _, published = _luna_row_and_offers(future_site("2026-12-20"), language)
        assert luna[1:4] == after
        prices = next(m for m in published["models"] if m["id"] == "gpt-6-luna")["pricing"]
        assert (prices["input"], prices["cached_input"], prices["output"]) == (0.08, 0.008, 0.4)


@pytest.mark.parametrize("day", DAYS)
def test_the_tier_table_lists_current_models_only(dated_site, day):
    # GPT-5 mini and GPT-5 nano (Batch and Flex at half price) are being retired from
    # 2026-06-11: the tier table names current models only, on every day
    for language in LANGUAGES:
        [rows] = tables(dated_site(day), language, tiers=True)
        batch = next(row for row in rows if row[0].split()[1] == "batch")
        assert "GPT-5 mini" not in batch[2] and "GPT-6.2 Astra" in batch[2]
        ultrafast = next(row for row in rows if row[0].split()[1] == "ultrafast")
        assert ultrafast[2] == "GPT-6.2 Astra, GPT-6.2 Sol"
