"""What the catalogs render into Markdown, without MkDocs."""

from datetime import date
from decimal import Decimal

import pytest
import yaml

from helpcenter.catalog import errors, models
from helpcenter.localized import money
from helpcenter.pages.errorpages import ErrorText
from helpcenter.pages.pricing import ModelText
from helpcenter.problems import ContentError
from helpcenter.tools.estimate import usd
from support import LANGUAGES, ROOT

TODAY = date(2026, 11, 22)
VALUES = {"product": "Acme", "menu.settings": "Ajustes", "menu.integrations": "Integraciones"}
VALUES |= {f"menu.{key}": key for key in ("openai", "api_key", "save", "test", "organization_id")}


def model(model_id, status="current", **extra):
    entry = {
        "id": model_id,
        "name": model_id.upper(),
        "provider": "OpenAI",
        "reasoning": True,
        "pricing": {"input": 1.25, "cached_input": None, "output": 10},
        "context_window": 1000,
        "max_output_tokens": 100,
        "lifecycle": {"status": status},
        "good_for": {"es": "Para <script>alert(1)</script> todo.", "en": "For | everything."},
        "source": "https://platform.openai.com/docs/pricing",
        "verified": "2026-11-01",
    }
    entry.update(extra)
    return entry


@pytest.fixture
def catalog(tmp_path):
    data = {
        "billing": {
            "currency": "USD",
            "minimum_top_up": 5,
            "source": "https://help.openai.com/x",
            "verified": "2026-11-22",
        },
        "models": [
            model("a-1", recommended="quality"),
            model(
                "b-1",
                recommended="economy",
                lifecycle={"shutdown": "2026-12-01", "sources": {"shutdown": "x"}},
            ),
            model("b-2"),
            model(
                "old-1",
                lifecycle={"shutdown": "2026-01-01", "sources": {"shutdown": "x"}},
            ),
        ],
    }
    data["models"][1]["lifecycle"]["replacement"] = "b-2"
    data["models"][3]["lifecycle"]["replacement"] = "b-2"
    (tmp_path / "models.yml").write_text(yaml.safe_dump(data), "utf-8")
    return models.load_catalog(tmp_path, TODAY)


def test_tables_escape_text_from_data_and_format_per_locale(catalog):
    es = ModelText(catalog, "es", "es_419", TODAY).table("reasoning", "docs/es/models.md")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in es and "<script>" not in es
    assert "US$1.25" in es and "US$10.00" in es and "1,000" in es
    assert "Precios verificados el 1 de noviembre de 2026" in es
    en = ModelText(catalog, "en", "en_US", TODAY).table("reasoning", "docs/en/models.md")
    assert "For \\| everything." in en and "November 1, 2026" in en


def test_legacy_table_shows_shutdown_and_replacement(catalog):
    table = ModelText(catalog, "en", "en_US", TODAY).table("legacy", "x.md")
    row = next(line for line in table.splitlines() if "<code>old-1</code>" in line)
    assert "Retired" in row and "January 1, 2026" in row and "<code>b-2</code>" in row


def test_legacy_table_shows_a_cache_write_price_only_when_a_model_has_one(catalog, tmp_path):
    table = ModelText(catalog, "en", "en_US", TODAY).table("legacy", "x.md")
    assert "Cache write" not in table
    data = yaml.safe_load((tmp_path / "models.yml").read_text("utf-8"))
    data["models"][1]["pricing"] = {
        "input": 1.25,
        "cached_input": 0.125,
        "output": 10,
        "cache_write": 1.5625,
    }
    (tmp_path / "models.yml").write_text(yaml.safe_dump(data), "utf-8")
    written = models.load_catalog(tmp_path, TODAY)
    table = ModelText(written, "en", "en_US", TODAY).table("legacy", "x.md").splitlines()
    head = next(line for line in table if line.startswith("| Model"))
    assert head.rstrip(" |").endswith("| Cache write")
    rows = {line.split("<code>")[1].split("</code>")[0]: line for line in table if "<code>" in line}
    assert rows["b-1"].rstrip(" |").endswith("| US$1.5625")  # deprecated: the estimator uses it
    assert rows["old-1"].rstrip(" |").endswith("| Not available")  # no cached price


def test_recommendation_skips_a_deprecated_pick(catalog):
    tip = ModelText(catalog, "en", "en_US", TODAY).recommendation("x.md")
    assert "<code>a-1</code>" in tip and "<code>b-2</code>" in tip
    assert "<code>b-1</code>" not in tip


def test_notice_warns_only_about_models_going_away(catalog):
    text = ModelText(catalog, "es", "es_419", TODAY)
    assert text.notice(["a-1"]) == ""
    notice = text.notice(["old-1", "a-1", "old-1"])
    assert notice.startswith("!!! warning") and notice.count("OLD-1") == 1 and "B-2" in notice


def test_an_unknown_table_fails_naming_the_page(catalog):
    with pytest.raises(ContentError, match=r"docs/es/models\.md: unknown table 'md:pricing cheap'"):
        ModelText(catalog, "es", "es_419", TODAY).table("cheap", "docs/es/models.md")


def test_a_table_without_current_models_says_so(catalog):
    es = ModelText(catalog, "es", "es_419", TODAY).table("standard", "docs/es/models.md")
    assert es == (
        "Hoy no hay modelos vigentes de este tipo. Los que quedan están en la tabla de "
        "modelos en desuso y retirados."
    )
    en = ModelText(catalog, "en", "en_US", TODAY).table("standard", "docs/en/models.md")
    assert en.startswith("There are no current models of this kind today.")


def test_error_pages_render_messages_verbatim_and_text_escaped():
    catalog = errors.load_errors(ROOT / "data", ROOT / "docs", list(LANGUAGES))
    first = catalog.errors[0]
    text = ErrorText(catalog, "es", "es_419", {"billing.md": "Agrega crédito"}, values=VALUES)
    page = text.page(first)
    assert first.current_message in page
    assert page.count("# ") >= 1 and f"# {text.title(first)}" in page
    link = text.link(first.slug, "billing.md", "docs/es/billing.md")
    assert link.endswith(f"(errors/{first.slug}.md)")
    with pytest.raises(ContentError, match=r"docs/es/billing\.md: unknown error 'nope'"):
        text.link("nope", "billing.md", "docs/es/billing.md")


def test_mentions_are_the_models_a_page_names_through_placeholders_only(catalog):
    text = ModelText(catalog, "en", "en_US", TODAY)
    page = "Use {{ model:a-1 }} or {{model:b-1}}, then {{ model:a-1 }}. The model `old-1` fails."
    assert text.mentions(page) == ["a-1", "b-1"]


@pytest.mark.parametrize(
    "schema",
    ["models.schema.json", "errors.schema.json", "redirects.schema.json", "words.schema.json"],
)
def test_the_catalog_schemas_are_valid_json_schemas(schema):
    import json

    import jsonschema

    document = json.loads((ROOT / "data" / schema).read_text("utf-8"))
    jsonschema.validators.validator_for(document).check_schema(document)


def test_the_notice_goes_right_after_the_page_title(catalog):
    text = ModelText(catalog, "en", "en_US", TODAY)
    page = "# Title\n\nBody naming {{ model:old-1 }}.\n"
    result = text.with_notice(page, text.mentions(page))
    assert result.startswith("# Title\n\n!!! warning") and result.endswith("{{ model:old-1 }}.\n")
    assert text.with_notice("# Title\n", ["a-1"]) == "# Title\n"


def test_urls_and_codes_from_data_cannot_inject_html(catalog, tmp_path):
    import markdown

    hostile = "https://a.example/)<script>alert(1)</script>"
    data = yaml.safe_load((ROOT / "data" / "errors.yml").read_text("utf-8"))
    entry = data["errors"][0]
    entry["source"], entry["type"] = hostile, "x`<img src=x onerror=alert(1)>`"
    (tmp_path / "errors.yml").write_text(yaml.safe_dump(data), "utf-8")
    with pytest.raises(ContentError, match=r"field type is .*; expected it as the API's response"):
        errors.load_errors(tmp_path, ROOT / "docs", list(LANGUAGES))
    entry["type"] = "x_1"
    (tmp_path / "errors.yml").write_text(yaml.safe_dump(data), "utf-8")
    error_catalog = errors.load_errors(tmp_path, ROOT / "docs", list(LANGUAGES))
    page = ErrorText(error_catalog, "en", "en_US", {}, values=VALUES).page(error_catalog.errors[0])
    html = markdown.markdown(page, extensions=["tables", "pymdownx.superfences"])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html

    models_data = yaml.safe_load((tmp_path / "models.yml").read_text("utf-8"))
    for entry in models_data["models"]:
        entry["source"] = hostile
    (tmp_path / "models.yml").write_text(yaml.safe_dump(models_data), "utf-8")
    catalog = models.load_catalog(tmp_path, TODAY)
    table = ModelText(catalog, "en", "en_US", TODAY).table("reasoning", "x")
    assert "<script>" not in markdown.markdown(table, extensions=["tables"])


def test_a_label_is_said_in_its_language_with_its_fields_filled():
    from helpcenter.site.labels import say

    assert say("recommend.title", "es") == "¿Qué modelo elijo?"
    assert say("recommend.prices", "en", input="US$1", output="US$2") == (
        "US$1 per 1M input tokens and US$2 per 1M output tokens."
    )


def test_the_schemas_in_data_are_the_ones_the_shapes_generate():
    from helpcenter.catalog import schemas

    assert schemas.stale() == []


def test_a_stale_schema_is_named_with_the_command_that_writes_it(tmp_path):
    from helpcenter.catalog import schemas

    for name in schemas.SHAPES:
        (tmp_path / name).write_text(schemas.text(name), encoding="utf-8")
    (tmp_path / "errors.schema.json").write_text("{}\n", encoding="utf-8")
    assert schemas.stale(tmp_path) == [
        "data/errors.schema.json differs from its shape; run: make schemas"
    ]


@pytest.mark.parametrize("name", ["models", "errors", "redirects"])
def test_each_catalog_meets_the_schema_its_editors_see(name):
    import json

    import jsonschema

    from helpcenter.catalog.datafile import load_yaml

    schema = json.loads((ROOT / "data" / f"{name}.schema.json").read_text("utf-8"))
    data = load_yaml(ROOT / "data" / f"{name}.yml", f"data/{name}.yml")
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(data)][:3] == []


@pytest.mark.parametrize(
    ("locale", "amount", "whole"),
    [
        # CLDR's currency patterns: es-419 and en-US join the sign to the number, pt-BR puts
        # a no-break space between them.
        ("es_419", "US$0.025", "US$5"),
        ("en_US", "US$0.025", "US$5"),
        ("pt_BR", "US$\u00a00,025", "US$\u00a05"),
    ],
)
def test_money_is_spaced_as_the_locales_currency_pattern(locale, amount, whole):
    assert money(Decimal("0.025"), locale) == amount
    assert money(5, locale, least=0) == whole
    assert usd(Decimal("0.0250"), locale) == amount.replace("025", "0250")
