"""Text from data is text in every context it lands in, rendered by the site's own Markdown.

Each hostile string goes through the escaping function of its context, then through
Python-Markdown with the extensions of mkdocs.yml; what comes out must hold exactly the
context's own elements, and the string as its text.
"""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from helpcenter.catalog.product import check_brand, product_texts, product_values
from helpcenter.escapes import filled_text, markdown_code, markdown_prose, markdown_text
from helpcenter.pages import admonitions, safety
from helpcenter.pages.markers import Markers, Page
from helpcenter.problems import ContentError

EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.emoji",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
    "pymdownx.keys",
    "pymdownx.superfences",
    "pymdownx.tabbed",
]
HOSTILE = [
    "<script>alert(1)</script>",
    "\"'><img src=x onerror=alert(1)>",
    "</title><svg onload=alert(1)>",
    "</script><script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![pixel](https://tracker.example/p.png)",
    "<https://evil.example>",
    "**bold** _em_ `code` ~~del~~",
    "x { onclick=alert(1) }",
    "Acme | Chat",
    "++ctrl+alt+del++",
    ":smile: :+1:",
    "a :smile: b :heart:",
    "# not a heading",
    "- not a list",
    "1. not a list",
    "> not a quote",
    ": not a definition",
    "??? note not details",
    "!!! danger not an admonition",
    '=== "not a tab"',
    "~~~ not a fence",
    "*[HTML]: not an abbreviation",
    "{{ product }} {{ model:gpt-x }} {{ }}",
    "<!-- md:pricing reasoning -->",
    "a\u202eevil\u202c b\u2066c\u2069",
    "line one\nline two\n\n    indented code",
    "\\*backslashes\\* \\\\",
    "&amp; &lt;b&gt; &#60;",
]
MD = markdown.Markdown(extensions=EXTENSIONS)


def render(text: str) -> BeautifulSoup:
    MD.reset()
    return BeautifulSoup(MD.convert(text), "html.parser")


def literal(text: str) -> str:
    return " ".join(text.split())


def tags(soup: BeautifulSoup) -> list[str]:
    return sorted(tag.name for tag in soup.find_all(True))


CONTEXTS = {
    "paragraph": ("{}", ["p"]),
    "heading": ("# {}", ["h1"]),
    "bold": ("**{}**", ["p", "strong"]),
    "link text": ("[{}](https://example.com/)", ["a", "p"]),
    "list item": ("1. {}", ["li", "ol"]),
    "table cell": (
        "| a | b |\n| - | - |\n| {} | z |",
        ["table", "tbody", "td", "td", "th", "th", "thead", "tr", "tr"],
    ),
}


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("context", CONTEXTS)
def test_markdown_text_stays_literal_in_every_markdown_context(context, hostile):
    template, expected_tags = CONTEXTS[context]
    soup = render(template.format(markdown_text(hostile)))
    assert tags(soup) == expected_tags
    element = soup.find(expected_tags[0] if context != "table cell" else "td")
    if context == "bold":
        element = soup.find("strong")
    if context == "link text":
        assert element["href"] == "https://example.com/"
    assert element.get_text() == literal(hostile)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_markdown_code_stays_literal(hostile):
    soup = render(f"Code: {markdown_code(hostile)}")
    assert tags(soup) == ["code", "p"]
    assert soup.code.get_text() == literal(hostile)


VALUES = {"product": markdown_text("Acme <b>|</b>"), "menu.save": markdown_text("Guardar")}


@pytest.mark.parametrize(
    "hostile", [h for h in HOSTILE if "{{" not in h and "](javascript" not in h]
)
def test_catalog_prose_keeps_bold_and_links_but_nothing_else(hostile):
    prose = f"Haz clic en **{{{{ menu.save }}}}** ([guía](../billing.md)). {hostile}"
    soup = render(markdown_prose(prose, VALUES, "W"))
    assert soup.strong.get_text() == "Guardar"
    links = soup.find_all("a")
    assert links[0]["href"] == "../billing.md"
    assert not soup.find_all(["script", "img", "svg", "kbd", "abbr", "details", "table", "h1"])
    assert all(not name.startswith("on") for tag in soup.find_all(True) for name in tag.attrs)
    assert all(link["href"] in ("../billing.md", "https://tracker.example/p.png") for link in links)


@pytest.mark.parametrize(
    "link", ["[x](javascript:alert(1))", "[x]( JavaScript:alert(1))", "[x]: data:text/html,x"]
)
def test_catalog_prose_refuses_links_that_are_not_https_or_mailto(link):
    with pytest.raises(ContentError) as caught:
        markdown_prose(
            f"Mira {link} ahora.", VALUES, "data/errors.yml: error 'x', field meaning.es"
        )
    assert str(caught.value).startswith("data/errors.yml: error 'x', field meaning.es links ")
    assert str(caught.value).endswith("; expected an https:, mailto: or relative link")


def test_catalog_prose_fills_placeholders_once_and_shows_markers_as_text():
    prose = "Abre {{ product }}. <!-- md:pricing reasoning --> `{{ product }}`"
    soup = render(markdown_prose(prose, VALUES, "W"))
    assert soup.p.get_text() == "Abre Acme <b>|</b>. <!-- md:pricing reasoning --> {{ product }}"
    assert filled_text("Usa {{ product }}.", {"product": "A <b>"}, "W") == "Usa A <b>."


@pytest.mark.parametrize(
    ("prose", "message"),
    [
        (
            "Usa {{ produkt }}.",
            "data/errors.yml: error 'x', field steps.es item 2 has unknown placeholder "
            "'{{ produkt }}' (known: {{ menu.save }}, {{ product }})",
        ),
        (
            "Usa {{ model:gpt-x }}.",
            "data/errors.yml: error 'x', field steps.es item 2 has a placeholder that cannot "
            "be read: '{{ model:gpt-x }}'",
        ),
        (
            "Usa {{ product.",
            "data/errors.yml: error 'x', field steps.es item 2 has a placeholder that cannot "
            "be read: '{{ product.'",
        ),
    ],
)
def test_a_placeholder_the_prose_cannot_fill_is_named_by_entry_and_field(prose, message):
    with pytest.raises(ContentError) as caught:
        markdown_prose(prose, VALUES, "data/errors.yml: error 'x', field steps.es item 2")
    assert str(caught.value) == message


# ------------------------------------------------------------------------- markers

PAGE = Page(language="es", path="a.md", source="docs/es/a.md")


def test_what_a_placeholder_or_marker_writes_is_never_expanded_again():
    markers = Markers(
        values={"product": "{{ menu.save }}", "menu.save": "Guardar"},
        inline={"model": lambda arg, page: "<!-- md:table -->"},
        blocks={"table": lambda args, page: "| {{ product }} |\n<!-- md:table -->"},
    )
    text = "{{ product }} {{ model:x }}\n<!-- md:table -->\n"
    assert markers.expand(text, PAGE) == (
        "{{ menu.save }} <!-- md:table -->\n| {{ product }} |\n<!-- md:table -->\n"
    )


# ------------------------------------------------------------------------ product


def product(**changes) -> dict:
    data = {"name": "Acme Chat", "support": {"email": "help@acme.example"}}
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            product(support={"email": "x](javascript:alert(1))"}),
            "mkdocs.yml: extra.product.support.email is 'x](javascript:alert(1))'; "
            "expected an e-mail address such as help@example.com",
        ),
        (
            product(support={"email": "javascript:alert(1)//@x.com"}),
            "mkdocs.yml: extra.product.support.email is 'javascript:alert(1)//@x.com'; "
            "expected an e-mail address such as help@example.com",
        ),
        (
            product(support={"status_url": "javascript:alert(1)"}),
            "mkdocs.yml: extra.product.support.status_url is 'javascript:alert(1)'; "
            "expected an https:// address",
        ),
        (
            product(menu={"save": {"es": "Guar\ndar", "en": "Save"}}),
            "mkdocs.yml: extra.product.menu.save holds the control character U+000A; "
            "expected one line of plain text",
        ),
        (
            product(menu={"save": {"es": "G" * 201, "en": "Save"}}),
            "mkdocs.yml: extra.product.menu.save has 201 characters; expected at most 200",
        ),
        (
            product(menu={"save": True}),
            "mkdocs.yml: extra.product.menu.save must be a text or a list of texts",
        ),
        (
            product(menu={"save": {"es": "Guar\u200bdar", "en": "Save"}}),
            "mkdocs.yml: extra.product.menu.save holds the invisible character U+200B (ZERO WIDTH "
            "SPACE); expected text without bidirectional controls, zero-width or other invisible "
            "characters",
        ),
    ],
)
def test_a_bad_product_value_is_refused_where_it_enters(data, message):
    with pytest.raises(ContentError) as caught:
        product_texts(data, "es", ["es", "en"])
    assert str(caught.value) == message


def test_product_values_are_literal_markdown_and_the_email_a_mailto_link():
    values = product_values(product(name="Acme | <Chat>"), "es", ["es", "en"])
    assert values["product"] == "Acme \\| &lt;Chat&gt;"
    assert values["support.email"] == "[help@acme.example](mailto:help@acme.example)"


@pytest.mark.parametrize(
    "brand", ["<script>alert(1)</script>", 'Acme" onmouseover="x', "A & B", "Acme\nChat", ""]
)
def test_a_brand_the_theme_would_write_as_markup_is_refused(brand):
    with pytest.raises(ContentError) as caught:
        check_brand(brand)
    message = str(caught.value)
    assert message.startswith("mkdocs.yml: site_name")
    assert "\n" not in message


@pytest.mark.parametrize("brand", ["Acme Chat", "Acme | Chat", "Acme's Chat", "Ácme {{ x }}"])
def test_a_plain_brand_is_accepted(brand):
    check_brand(brand)


def test_a_brand_with_a_right_to_left_override_is_refused():
    with pytest.raises(ContentError) as caught:
        check_brand("Acme \u202etahC")
    assert str(caught.value) == (
        "mkdocs.yml: site_name holds the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE); "
        "expected text without bidirectional controls, zero-width or other invisible characters"
    )


# --------------------------------------------------------------------- safety net


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ("<p>x</p><script>alert(1)</script>", "a <script> element"),
        ('<script type="module">x</script>', "a <script> element"),
        ('<img src="x" onerror="alert(1)">', "an onerror attribute on <img>"),
        ('<a href="javascript:alert(1)">x</a>', "a link to 'javascript:alert(1)'"),
        ('<a href=" JaVa&#x09;Script:alert(1)">x</a>', "a link to ' JaVa\\tScript:alert(1)'"),
        ('<a href="\x01javascript:alert(1)">x</a>', "a link to '\\x01javascript:alert(1)'"),
        ('<a href="data:text/html,x">x</a>', "a link to 'data:text/html,x'"),
        ('<form action="vbscript:x"></form>', "a link to 'vbscript:x'"),
        ('<img srcset="a.png 1x, javascript:x 2x">', "a link to 'a.png 1x, javascript:x 2x'"),
        ('<iframe src="https://a.example"></iframe>', "a <iframe> element"),
        ('<base href="https://evil.example/">', "a <base> element"),
        ('<svg><a xlink:href="javascript:x">x</a></svg>', "a link to 'javascript:x'"),
    ],
)
def test_the_safety_net_names_what_could_run(html, found):
    assert safety.unsafe_html(html) == found


def test_the_safety_net_lets_text_links_and_page_data_through():
    html = (
        '<p><a href="https://a.example/x">a</a> <a href="../b/#c">b</a> <a href="#top">c</a>'
        ' <a href="mailto:help@acme.example">d</a> &lt;script&gt;onload=x javascript:x</p>'
        '<script type="application/json">{"a": 1}</script><img src="../i.svg" alt="">'
    )
    assert safety.unsafe_html(html) is None


# --------------------------------------------------------------------- admonitions


@pytest.mark.parametrize(
    ("markdown_text_", "message"),
    [
        (
            "# T\n\n!!! warnign\n    x\n",
            "docs/es/a.md:3: admonition type 'warnign' does not exist; expected one of",
        ),
        ('# T\n\n???+ Tip "t"\n    x\n', "docs/es/a.md:3: admonition type 'Tip' does not exist"),
    ],
)
def test_an_unknown_admonition_type_is_named_with_its_line(markdown_text_, message):
    with pytest.raises(ContentError) as caught:
        admonitions.check_types(markdown_text_, "docs/es/a.md")
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


def test_known_admonitions_and_examples_in_code_pass():
    admonitions.check_types(
        '!!! warning "Ojo"\n    x\n\n??? tip\n    y\n\n```text\n!!! warnign\n```\n', "docs/es/a.md"
    )


# --------------------------------------------------------------------- front matter


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        (
            {"template": "redirect.html"},
            "docs/es/a.md: front matter field template is not one this site uses; "
            "expected only title, description, phrases, sections, search, hide",
        ),
        (
            {"subtitle": "<script>alert(1)</script>"},
            "docs/es/a.md: front matter field subtitle is not one this site uses; "
            "expected only title, description, phrases, sections, search, hide",
        ),
        ({"title": ["a"]}, "docs/es/a.md: front matter field title must be a text"),
        (
            {"title": "Pagos \u202e"},
            "docs/es/a.md: front matter field title holds the invisible character U+202E "
            "(RIGHT-TO-LEFT OVERRIDE); expected text without bidirectional controls, zero-width "
            "or other invisible characters",
        ),
        (
            {"phrases": ["mi clave\u2060"]},
            "docs/es/a.md: front matter field phrases holds the invisible character U+2060 "
            "(WORD JOINER); expected text without bidirectional controls, zero-width or other "
            "invisible characters",
        ),
        (
            {"description": "d" * 1001},
            "docs/es/a.md: front matter field description has 1,001 characters; "
            "expected at most 1,000",
        ),
        (
            {"search": {"boost": 1e9}},
            "docs/es/a.md: front matter field search.boost must be a number above 0 and at most 10",
        ),
        (
            {"hide": ["navigation", "everything"]},
            "docs/es/a.md: front matter field hide must be a list of: "
            "feedback, footer, navigation, path, tags, toc",
        ),
    ],
)
def test_front_matter_holds_only_the_fields_this_site_uses(meta, message):
    from helpcenter.catalog.frontmatter import check_meta

    with pytest.raises(ContentError) as caught:
        check_meta(meta, "docs/es/a.md")
    assert str(caught.value) == message


def test_front_matter_the_site_uses_passes():
    from helpcenter.catalog.frontmatter import check_meta

    check_meta({"title": "T", "description": "D", "search": {"boost": 3}, "hide": ["toc"]}, "x")


@pytest.mark.parametrize("hostile", HOSTILE)
def test_json_for_a_page_script_cannot_end_its_element(hostile):
    import json

    from helpcenter.escapes import script_json

    html = f'<script type="application/json">{script_json({"text": hostile})}</script>'
    soup = BeautifulSoup(html, "html.parser")
    assert tags(soup) == ["script"]
    assert json.loads(soup.script.string) == {"text": hostile}
    assert not {"<", ">", "&"} & set(script_json({"text": hostile}))


# ------------------------------------------- llms.txt, twins and diagrams: data is text


def test_llms_txt_shows_a_hostile_description_and_title_as_typed():
    from helpcenter.publish import llms

    hostile = llms.Entry(
        title="<b>T</b> [x]",
        url="https://h.example/a/index.md",
        description="Paga [aquí](javascript:alert(1)) <img src=x onerror=alert(1)>",
        markdown="# A\n",
    )
    index = llms.index("Acme *Chat* #1", "<i>Hi</i>", [llms.Section("S *1*", (hostile,))])
    assert index == (
        "# Acme \\*Chat\\* \\#1\n\n> &lt;i&gt;Hi&lt;/i&gt;\n\n## S \\*1\\*\n\n"
        "- [&lt;b&gt;T&lt;/b&gt; \\[x\\]](https://h.example/a/index.md): "
        "Paga \\[aquí\\](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;\n"
    )
    soup = BeautifulSoup(markdown.markdown(index), "html.parser")
    assert [link["href"] for link in soup.select("a")] == ["https://h.example/a/index.md"]
    assert not soup.select("img, b, i")
    assert "Paga [aquí](javascript:alert(1)) <img src=x onerror=alert(1)>" in soup.get_text()


MENU = {"es": "Guardar *ya* [beta] #1 <b>&"}


def diagram(name: str) -> str:
    from helpcenter.pages import diagrams

    menu = {
        key: {"es": f"{key} {MENU['es']}"}
        for key in ("settings", "integrations", "openai", "api_key", "organization_id")
    }
    menu |= {key: MENU for key in ("save", "test", "connected", "model")}
    texts = product_texts({"name": "Acme *Chat* #1 <b>&", "menu": menu}, "es", ["es"])
    return diagrams.render([name], "es", texts, "docs/es/index.md")


@pytest.mark.parametrize("name", ["setup-path", "paste-where"])
def test_diagram_text_is_escaped_for_xml_and_never_for_markdown(name):
    figure = diagram(name)
    assert "\\" not in figure
    svg = BeautifulSoup(figure, "html.parser")
    shown = svg.get_text(" ")
    assert not svg.select("b")
    if name == "paste-where":
        assert [text.get_text() for text in svg.select("text[text-anchor][font-size='14']")] == [
            MENU["es"],
            MENU["es"],
        ]
    else:
        assert "Acme *Chat* #1 <b>&" in svg.select_one("desc").get_text()
    assert "Acme *Chat* #1 <b>&" in shown


def test_a_twin_shows_a_diagram_as_markdown_text():
    from helpcenter.publish import twins

    place = twins.Place("es", "connect-key.md", "https://h.example/")
    twin = twins.to_markdown(diagram("paste-where") + "\n", place)
    assert twin.startswith(
        "**Dónde pegas cada dato en Acme \\*Chat\\* \\#1 &lt;b&gt;&amp;.** La pantalla settings Guardar "
        "\\*ya\\* \\[beta\\] \\#1 &lt;b&gt;&amp; ›"
    )
    assert "<b>" not in twin


def test_an_ip_address_that_is_not_one_is_refused():
    data = product(network={"outgoing_ips": ["203.0.113.10", "203.0.113.300"]})
    with pytest.raises(ContentError) as caught:
        product_texts(data, "es", ["es", "en"])
    assert str(caught.value) == (
        "mkdocs.yml: extra.product.network.outgoing_ips item 2 is '203.0.113.300'; expected an "
        "IP address such as 192.0.2.10 or a range such as 192.0.2.0/28"
    )
    texts = product_texts(
        product(network={"outgoing_ips": ["52.1.2.3", "2600:1f18::/64"]}), "es", ["es", "en"]
    )
    assert texts["network.outgoing_ips"] == ("52.1.2.3", "2600:1f18::/64")


def test_example_values_are_named_one_line_each():
    from helpcenter.catalog.product import example_values

    data = product(
        name="Acme Chat",
        network={"outgoing_ips": ["52.1.2.3", "198.51.100.7", "2001:db8::1"]},
        support={"email": "help@acme.example", "status_url": "https://status.example.com/x"},
    )
    texts = product_texts(data, "es", ["es", "en"])
    assert example_values(texts, "Acme Chat", "https://help.test/") == [
        "mkdocs.yml: site_name is 'Acme Chat', a placeholder brand; expected the product's real "
        "name",
        "mkdocs.yml: extra.product.support.email is help@acme.example, on a domain reserved for "
        "examples; expected the product's real address",
        "mkdocs.yml: extra.product.support.status_url is https://status.example.com/x, on a "
        "domain reserved for examples; expected the product's real address",
        "mkdocs.yml: extra.product.network.outgoing_ips item 2 is 198.51.100.7, a documentation "
        "address (RFC 5737); expected the product's real address",
        "mkdocs.yml: extra.product.network.outgoing_ips item 3 is 2001:db8::1, a documentation "
        "address (RFC 3849); expected the product's real address",
        "mkdocs.yml: site_url is https://help.test/, on a domain reserved for examples; expected "
        "the site's real address (set SITE_URL)",
    ]
    real = product(
        name="Brisa", network={"outgoing_ips": ["52.1.2.3"]}, support={"email": "help@brisa.io"}
    )
    real_texts = product_texts(real, "es", ["es", "en"])
    assert example_values(real_texts, "Brisa", "https://help.brisa.io/") == []
