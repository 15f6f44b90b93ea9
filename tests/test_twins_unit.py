"""Markdown twins and llms.txt, from literal Markdown, without a build."""

from __future__ import annotations

import pytest

from helpcenter.publish import llms, twins

ROOT = "https://help.example/en/"


def twin(markdown: str, path: str = "guide.md", language: str = "en") -> str:
    return twins.to_markdown(markdown, twins.Place(language, path, ROOT))


def test_addresses_of_twins():
    assert twins.twin_url("index.md") == "index.md"
    assert twins.twin_url("models.md") == "models/index.md"
    assert twins.twin_url("errors/index.md") == "errors/index.md"
    assert twins.twin_url("errors/timeout.md") == "errors/timeout/index.md"


def test_admonition_becomes_a_blockquote_with_its_title():
    source = '# T\n\n!!! danger "Keep it secret"\n\n    Line one.\n\n    - item\n\nAfter.\n'
    assert twin(source) == ("# T\n\n> **Keep it secret**\n>\n> Line one.\n>\n> - item\n\nAfter.\n")


def test_default_title_is_in_the_pages_language():
    assert (
        twin("!!! warning\n    Careful.\n", language="es") == "> **Advertencia**\n>\n> Careful.\n"
    )
    assert twin("!!! warning\n    Careful.\n", language="en") == "> **Warning**\n>\n> Careful.\n"


def test_collapsible_and_empty_titles_and_nesting():
    source = '???+ note "More"\n    Outer.\n\n    !!! tip ""\n        Inner.\n'
    assert twin(source) == "> **More**\n>\n> Outer.\n>\n> > Inner.\n"


def test_fenced_code_is_copied_exactly():
    source = "``` { .text .error-message }\n!!! not an admonition { .x }\n[a](b.md) {{ x }}\n```\n"
    assert twin(source) == "```text\n!!! not an admonition { .x }\n[a](b.md) {{ x }}\n```\n"


def test_attribute_lists_icons_and_wrappers_go():
    source = (
        '<div class="grid cards" markdown>\n\n'
        "-   :material-key-plus:{ .lg .middle } **Key**\n\n"
        "[Go](billing.md){ .md-button .md-button--primary }\n\n"
        "## Heading { #custom-id }\n\n</div>\n"
    )
    assert twin(source) == (
        "-   **Key**\n\n[Go](https://help.example/en/billing/index.md)\n\n## Heading\n"
    )


def test_links_point_at_twins_and_absolute_addresses():
    source = (
        "[a](../billing.md#card) [b](index.md) [c](timeout.md) [d](#here) "
        "[e](https://x.example/p) [f](mailto:a@b.example) ![g](../img/d.svg)\n"
        "[ref]: ../models.md\n"
    )
    assert twin(source, path="errors/index.md") == (
        "[a](https://help.example/en/billing/index.md#card) "
        "[b](https://help.example/en/errors/index.md) "
        "[c](https://help.example/en/errors/timeout/index.md) [d](#here) "
        "[e](https://x.example/p) [f](mailto:a@b.example) "
        "![g](https://help.example/en/img/d.svg)\n"
        "[ref]: https://help.example/en/models/index.md\n"
    )


def test_html_code_becomes_a_code_span_and_breaks_a_space():
    source = (
        "| **GPT** <br><code>gpt&#95;x</code> | <code>a|b</code> |\n"
        "Text <code>&#96;tick&#96;</code> and <code>&lt;b&gt;</code>.\n"
    )
    assert twin(source) == "| **GPT** `gpt_x` | `a\\|b` |\nText `` `tick` `` and `<b>`.\n"


def test_the_estimator_form_becomes_a_sentence():
    source = '## Estimate\n\n<form class="hc-estimator" id="hc-estimator"><p>x</p><select></select></form>\n'
    result = twin(source, path="models.md", language="es")
    assert result == (
        "## Estimate\n\nEl estimador de costo mensual es un formulario interactivo: úsalo en la "
        "página web, en https://help.example/en/models/#hc-estimator.\n"
    )


def entry(title, url, description="", markdown="# X\n"):
    return llms.Entry(title=title, url=url, description=description, markdown=markdown)


def test_sections_follow_the_navigation_and_the_rest_is_optional():
    nav = [
        ("page", "Home", "index.md"),
        ("section", "Start", [("page", "A", "a.md"), ("section", "Deep", [("page", "B", "b.md")])]),
        ("page", "Again", "a.md"),
        ("section", "Empty", []),
    ]
    every = ["index.md", "a.md", "b.md", "hidden/api.md"]
    assert llms.group(nav, every) == [
        ("Home", ["index.md"]),
        ("Start", ["a.md", "b.md"]),
        ("Optional", ["hidden/api.md"]),
    ]


def test_index_and_full_files():
    sections = [
        llms.Section(
            "Start",
            (
                entry("A [1]", "https://h/a/index.md", "Does A. Then more.", "# A\n\nText.\n"),
                entry("B", "https://h/b/index.md", "", "# B\n\n> quote\n\nFirst *one*. Next.\n"),
            ),
        )
    ]
    assert llms.index("Site", "Summary\nhere.", sections) == (
        "# Site\n\n> Summary here.\n\n## Start\n\n"
        "- [A \\[1\\]](https://h/a/index.md): Does A.\n"
        "- [B](https://h/b/index.md): First one.\n"
    )
    assert llms.full("Site", "Summary", sections) == (
        "# Site\n\n> Summary\n\n# A\n\nText.\n\n---\n\n# B\n\n> quote\n\nFirst *one*. Next.\n"
    )


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("# T\n\n1. step\n\nA [link](x.md) and `code`. B.\n", "A link and code."),
        ("# T\n", ""),
    ],
)
def test_description_from_the_first_paragraph(markdown, expected):
    assert llms.describe(entry("T", "u", "", markdown)) == expected


def test_an_html_table_becomes_a_markdown_table():
    page = (
        "Intro.\n\n<table markdown>\n<thead><tr><th>Status</th><th>Code</th></tr></thead>\n"
        '<tbody markdown>\n<tr markdown><td data-label="Status" markdown="span">429</td>'
        '<td data-label="Code" markdown="span"><code>rate_<wbr>limit</code></td></tr>\n'
        "</tbody>\n</table>\n\nAfter.\n"
    )
    assert twin(page) == (
        "Intro.\n\n| Status | Code |\n| --- | --- |\n| 429 | `rate_limit` |\n\nAfter.\n"
    )


def test_a_diagram_becomes_its_text_and_an_anchor_disappears():
    page = (
        '<figure class="hc-diagram"><svg role="img"><title id="t">Setup path</title>'
        '<desc id="d">Account, key, payment, product.</desc><rect/></svg>'
        "<figcaption>Setup path</figcaption></figure>\n\n"
        '| <span id="model-x"></span>X | 1 |\n'
    )
    assert twin(page) == ("**Setup path.** Account, key, payment, product.\n\n| X | 1 |\n")
