"""helpcenter.pages.guides, helpcenter.pages.diagrams, list values of the product, the errors legend."""

from __future__ import annotations

import re
from datetime import date

import pytest

from helpcenter.catalog.errors import ApiError, ErrorCatalog, Messages
from helpcenter.catalog.product import product_values
from helpcenter.pages import diagrams
from helpcenter.pages.errorpages import ErrorText
from helpcenter.pages.guides import GuideTitles
from helpcenter.pages.markers import Markers
from helpcenter.problems import ContentError

VALUES = {
    "product": "Acme <Chat>",
    "menu.settings": "Ajustes",
    "menu.integrations": "Integraciones",
    "menu.openai": "OpenAI",
    "menu.api_key": "Clave",
    "menu.organization_id": "Organización",
    "menu.model": "Modelo",
    "menu.save": "Guardar",
    "menu.test": "Probar",
    "menu.connected": "Listo",
}


def read(pages, values=None):
    titles = GuideTitles()
    titles.read(pages, Markers(values=values or {"product": "Acme"}), "es")
    return titles


def test_titles_come_from_the_first_heading_with_placeholders_filled():
    titles = read(
        [
            ("a.md", "---\ndescription: x\n---\n\n# Conecta {{ product }}\n\n## Otra\n"),
            ("sub/b.md", "Texto\n\n# Segunda ##\n"),
            ("c.md", "Sin título\n"),
        ]
    )
    assert titles.titles == {"a.md": "Conecta Acme", "sub/b.md": "Segunda"}
    assert titles.title("a.md#seccion", "docs/es/x.md") == "Conecta Acme"


def test_links_are_relative_to_the_page_and_keep_the_anchor():
    titles = read([("a.md", "# Uno\n"), ("errors/b.md", "# Dos\n")])
    assert titles.link("a.md#parte", "errors/b.md", "w") == "[Uno](../a.md#parte)"
    assert titles.link("errors/b.md", "a.md", "w") == "[Dos](errors/b.md)"


def test_an_unknown_guide_names_the_page_and_the_known_guides():
    titles = read([("a.md", "# Uno\n")])
    with pytest.raises(ContentError, match=r"docs/es/x\.md: no guide 'zz\.md'.*known: a\.md"):
        titles.title("zz.md", "docs/es/x.md")


def test_a_list_in_the_product_block_becomes_code_separated_by_commas():
    product = {"name": "Acme", "network": {"hosts": ["203.0.113.1", "2001:db8::`x"]}}
    values = product_values(product, "es", ["es", "en"])
    assert values["network.hosts"] == (
        "<code>203.0.113.1</code>, <code>2001&#58;db8&#58;&#58;&#96;x</code>"
    )


@pytest.mark.parametrize("bad", [[], [1, 2], {"a": [None]}])
def test_other_product_values_are_refused_with_their_path(bad):
    with pytest.raises(ContentError, match=r"extra\.product\.network\.\w+.*text"):
        product_values({"name": "Acme", "network": {"ips": bad}}, "es", ["es", "en"])


@pytest.mark.parametrize("name", ["setup-path", "paste-where"])
@pytest.mark.parametrize("language", ["es", "en"])
def test_diagrams_are_labelled_images_without_external_references(name, language):
    figure = diagrams.render([name], language, VALUES, "docs/es/x.md")
    assert figure.startswith('<figure class="hc-diagram"><svg ') and "\n" not in figure
    title = re.search(r'<title id="([^"]+)">([^<]+)</title>', figure)
    desc = re.search(r'<desc id="([^"]+)">([^<]+)</desc>', figure)
    assert f'aria-labelledby="{title[1]} {desc[1]}"' in figure
    assert 'role="img"' in figure
    assert "Acme &lt;Chat&gt;" in figure and "<Chat>" not in figure
    assert not re.search(r"href|src=|url\(|#[0-9a-fA-F]{3,6}\b", figure)
    assert "{" not in re.sub(r"var\(--[\w-]+\)", "", figure)


def test_where_each_value_goes_is_drawn_with_the_product_labels():
    figure = diagrams.render(["paste-where"], "es", VALUES, "w")
    texts = " ".join(re.findall(r">([^<>]+)<", figure))
    for value in ("Ajustes › Integraciones › OpenAI", "Clave", "Organización", "Guardar"):
        assert value in texts, value


@pytest.mark.parametrize("args", [[], ["nope"], ["setup-path", "extra"]])
def test_an_unknown_diagram_names_the_page_and_the_known_ones(args):
    with pytest.raises(ContentError, match=r"docs/es/x\.md: md:diagram takes one of paste-where"):
        diagrams.render(args, "es", VALUES, "docs/es/x.md")


def error(slug, verdict, legacy=False, verbatim=True):
    return ApiError(
        slug=slug,
        status=429,
        type=None,
        code=slug.replace("-", "_"),
        title={"es": slug, "en": slug},
        messages=Messages(current="Message", older=(), verbatim=verbatim, legacy=legacy),
        sdk_exception="RateLimitError",
        product_message={"es": "m", "en": "m"},
        meaning={"es": "m", "en": "m"},
        verdict=verdict,
        steps={"es": ("a",), "en": ("a",)},
        guides=(),
        related=(),
        source="https://example.com/a",
        verified=date(2026, 11, 1),
    )


def text(*errors):
    titles = {"rate-limits.md": "Límites", "help.md": "Ayuda", "billing.md": "Pago"}
    titles |= {"usage.md": "Uso"}
    values = {"product": "Acme"}
    return ErrorText(ErrorCatalog(errors=errors), "es", "es_419", titles, values, values)


def test_the_legend_lists_only_the_verdicts_in_use_in_a_fixed_order_with_the_table_words():
    rendered = text(error("b", "ask-openai"), error("a", "retry-later"), error("c", "retry-later"))
    legend = rendered.legend("errors/index.md").splitlines()
    assert [re.match(r"- \*\*(.+?)\.\*\*", line)[1] for line in legend] == [
        "Espera y vuelve a intentar",
        "Pídelo a OpenAI o al propietario de tu organización",
    ]
    assert "[Límites](../rate-limits.md)" in legend[0]
    table = rendered.index("errors/index.md")
    for verdict in ("Espera y vuelve a intentar", "Pídelo a OpenAI o al propietario"):
        assert verdict in table


def test_a_legacy_error_is_introduced_in_the_past():
    page = text(error("old", "add-credit", legacy=True)).page(error("old", "add-credit", True))
    assert "Esto respondía antes la API" in page
    assert "responde hoy" not in page


def test_codes_in_the_index_may_wrap_only_after_underscores():
    table = text(error("credit-balance-exhausted", "add-credit")).index("errors/index.md")
    assert "<code>credit&#95;<wbr>balance&#95;<wbr>exhausted</code>" in table
    assert 'data-label="Código" markdown="span"' in table


def test_price_sources_are_one_short_line_grouped_by_host():
    from helpcenter.pages.pricing import _source_links

    line = _source_links(
        [
            "https://developers.openai.com/api/docs/models/gpt-x",
            "https://developers.openai.com/api/docs/models/gpt-y/",
            "https://help.openai.com/en/articles/1-a_b",
        ]
    )
    assert line == (
        "developers.openai.com: [gpt-x](https://developers.openai.com/api/docs/models/gpt-x), "
        "[gpt-y](https://developers.openai.com/api/docs/models/gpt-y/); "
        "help.openai.com: [1-a\\_b](https://help.openai.com/en/articles/1-a_b)"
    )
