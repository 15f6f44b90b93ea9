"""helpcenter.pages.markers, product values and admonition titles."""

import pytest

from helpcenter.catalog.product import product_values
from helpcenter.pages.admonitions import translate_default_titles
from helpcenter.pages.markers import Markers, Page
from helpcenter.problems import ContentError

PAGE = Page(language="es", path="guides/a.md", source="docs/es/guides/a.md")
PRODUCT = {
    "name": "Acme <Chat>",
    "menu": {"settings": {"es": "Configuración", "en": "Settings"}},
    "support": {"email": "help@acme.example"},
}


def markers():
    return Markers(
        values=product_values(PRODUCT, "es", ["es", "en"]),
        inline={"model": lambda arg, page: f"<{arg}@{page.path}>"},
        blocks={"table": lambda args, page: f"TABLE {args}"},
    )


def test_values_kinds_and_blocks_are_replaced():
    text = (
        "Abre **{{ menu.settings }}** en {{product}} y usa {{ model:gpt-x }}.\n\n"
        "<!-- md:table a b -->\n"
    )
    assert markers().expand(text, PAGE) == (
        "Abre **Configuración** en Acme &lt;Chat&gt; y usa <gpt-x@guides/a.md>.\n\n"
        "TABLE ['a', 'b']\n"
    )


def test_email_values_become_mailto_links():
    assert "[help@acme.example](mailto:help@acme.example)" in markers().expand(
        "{{ support.email }}", PAGE
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{{ produkt }}", "docs/es/guides/a.md: unknown placeholder '{{ produkt }}'"),
        ("{{ price:gpt }}", "docs/es/guides/a.md: unknown placeholder kind '{{ price:gpt }}'"),
        ("<!-- md:chart -->", "docs/es/guides/a.md: unknown marker '<!-- md:chart -->'"),
        ("Text <!-- md:table --> inline", "must stand alone on its own line"),
        ("{{ menu settings }}", "cannot read placeholder"),
    ],
)
def test_unknown_or_malformed_markers_name_the_page(text, message):
    with pytest.raises(
        ContentError, match=message.replace("{", r"\{").replace("}", r"\}").replace("(", r"\(")
    ):
        markers().expand(text, PAGE)


def test_a_product_text_missing_in_one_language_is_named():
    with pytest.raises(ContentError, match=r"extra.product.menu.save has no text in en"):
        product_values({"name": "A", "menu": {"save": {"es": "Guardar"}}}, "es", ["es", "en"])


def test_default_admonition_titles_are_translated_and_custom_ones_kept():
    html = (
        '<div class="admonition warning">\n<p class="admonition-title">Warning</p>\n</div>'
        '<div class="admonition tip">\n<p class="admonition-title">Ojo con esto</p>\n</div>'
        '<details class="danger" open="open">\n<summary>Danger</summary>\n</details>'
    )
    out = translate_default_titles(html, "es")
    assert '<p class="admonition-title">Advertencia</p>' in out
    assert '<p class="admonition-title">Ojo con esto</p>' in out
    assert "<summary>Peligro</summary>" in out
    assert translate_default_titles(html, "en") == html


def test_the_search_dialog_gets_the_name_of_its_search_box():
    from helpcenter.pages.markup import name_search_dialog

    html = (
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<input type="text" class="md-search__input" name="query" aria-label="Búsqueda">'
    )
    assert 'role="dialog" aria-label="Búsqueda"' in name_search_dialog(html)
    assert name_search_dialog("<p>no search</p>") == "<p>no search</p>"


def test_front_matter_mkdocs_could_not_read_is_reported_with_its_line():
    from helpcenter.catalog.frontmatter import check_front_matter

    check_front_matter("# Title\n\n---\n\ntext\n", "docs/es/a.md")
    with pytest.raises(ContentError, match=r"docs/es/a.md:\d+: the front matter is not valid YAML"):
        check_front_matter("---\ndescription: [sin cerrar\n---\n# T\n", "docs/es/a.md")
    with pytest.raises(ContentError, match="must be a list of 'key: value' lines"):
        check_front_matter("---\njust text\n---\n# T\n", "docs/es/a.md")


def test_every_label_the_build_writes_exists_in_every_language_with_the_same_fields():
    import string

    from helpcenter.site.labels import LABELS, missing_labels
    from support import LANGUAGES, PRIMARY

    assert len(LABELS) > 100
    for key, texts in LABELS.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(text.strip() for text in texts.values()), key
        fields = {
            language: {name for _, name, _, _ in string.Formatter().parse(text) if name}
            for language, text in texts.items()
        }
        for language in LANGUAGES:
            assert fields[language] == fields[PRIMARY], (key, language)
    for language in LANGUAGES:
        assert missing_labels(language) == []
    assert missing_labels("xx") == ["data/labels/xx.po: no such file (xx)"]
