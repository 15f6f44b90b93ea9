"""The safety net's fast reading gives the same answer as its exact one, on any input.

``helpcenter.pages.safety.unsafe_html`` first reads a page with regular expressions over
the whole page and falls back to ``HTMLParser`` when it cannot vouch for it. These tests
compare it with the exact reading on hostile fragments and on many random mixes of the
pieces that make HTML ambiguous; and check that Markdown's own output takes the fast way,
which is the point of having it.
"""

from __future__ import annotations

import random

import markdown
import pytest

from helpcenter.pages import safety

PIECES = [
    "<a",
    "<A",
    "<img",
    "<p",
    "<script",
    "<SCRIPT",
    "<style>",
    "</style>",
    "<iframe",
    "<meta",
    "<svg",
    "<!--",
    "-->",
    "<!",
    "</a>",
    "<",
    ">",
    "/>",
    "/",
    " ",
    "  ",
    "\t",
    "\n",
    "\x0b",
    "\x0c",
    "\x85",
    "\xa0",
    "\x00",
    "=",
    "==",
    '"',
    "'",
    "`",
    ",",
    "href",
    "HREF",
    "src",
    "srcset",
    "xlink:href",
    "action",
    "title",
    "class",
    "onclick",
    "ONLOAD",
    "on",
    "type",
    "application/json",
    "javascript:x",
    "JaVa&#x09;Script:x",
    "&#106;avascript:x",
    "&colon;",
    "&#58;",
    "&#x3a;",
    ":",
    "data:x",
    "https://a.example/",
    "mailto:a@b.example",
    "../b/",
    "#top",
    "x",
    "1x",
    "2x",
    "&amp;",
    "&lt;a onclick=x&gt;",
    "\x01",
]
"""What random fragments are made of: tag openers, quotes, white space of every kind,
attribute names that matter and some that do not, URLs with and without schemes, and
character references that hide a colon or a letter."""

HOSTILE = [
    '<a title=">" onclick="x">a</a>',
    '<a b"c d="x>" onclick=y>',
    "<a title='a href=\"b' onclick='c\"'>x</a>",
    '<!-- <a title=" --> <a onclick=x> "> -->',
    '<style><a title="</style><a onclick=x>">',
    '<a href="jav&#x61;script:x">x</a>',
    '<a href="java&#10;script:x">x</a>',
    "<a href=javascript:x>x</a>",
    "<a href = 'javascript:x'>x</a>",
    '<a HREF="JAVASCRIPT:x">x</a>',
    '<img src=x ONERROR="x">',
    "<img/src=x onerror=x>",
    "<img src=x\x0bonerror=x>",
    "<img src=x\x85onerror=x>",
    '<img srcset="a.png 1x,javascript:x 2x">',
    '<a href="&#x6A;avascript&colon;x">x</a>',
    "<script type=application/json>{}</script><script>x</script>",
    "<svg><a xlink:href=javascript:x>x</a></svg>",
    "<p onmouseover>x</p>",
    "<a href='mailto:a@b.example' onfocus=x>",
    '<script type="application/json" type=module>{}</script>',
    '<script type="application/json">{}</script><script type=text/javascript>x</script>',
]


@pytest.mark.parametrize("html", HOSTILE)
def test_hostile_fragments_read_as_the_exact_reading_says(html):
    assert safety.exact_unsafe_html(html) is not None
    assert safety.unsafe_html(html) == safety.exact_unsafe_html(html)


def test_random_fragments_read_as_the_exact_reading_says():
    generator = random.Random(13)
    unsafe = 0
    for _ in range(20_000):
        html = "".join(generator.choice(PIECES) for _ in range(generator.randint(1, 24)))
        exact = safety.exact_unsafe_html(html)
        assert safety.unsafe_html(html) == exact, repr(html)
        unsafe += exact is not None
    assert unsafe > 1_000  # the mix does reach what the net must catch


def test_random_well_formed_tags_read_as_the_exact_reading_says():
    """Fragments that are mostly well formed, so that the fast reading decides many."""
    generator = random.Random(17)
    names = ["href", "src", "title", "onclick", "srcset", "class", "xlink:href", "Href", "type"]
    values = [
        "x",
        "../b/",
        "javascript:x",
        "https://a.example",
        "a.png 1x, data:x 2x",
        "&#58;x",
        "mailto:a@b.example",
        "#c",
        "J&#x41;vascript:x",
        "",
    ]
    fast = 0
    for _ in range(5_000):
        tags = []
        for _ in range(generator.randint(1, 6)):
            attributes = "".join(
                f" {generator.choice(names)}{generator.choice(['=', ' = ', '='])}"
                + generator.choice(['"{}"', "'{}'", "{}"]).format(generator.choice(values))
                for _ in range(generator.randint(0, 3))
            )
            tags.append(f"<{generator.choice(['a', 'img', 'P', 'script'])}{attributes}>text</a>")
        html = "".join(tags)
        exact = safety.exact_unsafe_html(html)
        assert safety.unsafe_html(html) == exact, repr(html)
        fast += safety._plainly_safe(html)
    assert fast > 500


def test_markdown_output_takes_the_fast_reading():
    text = (
        '# Title {: #top }\n\nA [link](../b/#c), [out](https://a.example/x "t"), '
        "<mailto:help@acme.example>, `<script>` and **bold**.\n\n"
        '| a | b |\n| --- | --- |\n| [x](x.md) | ![i](i.svg){ width="20" } |\n\n'
        '<div class="grid cards" markdown>\n\n- one\n\n</div>\n'
    )
    html = markdown.markdown(text, extensions=["attr_list", "tables", "md_in_html", "toc"])
    assert safety.exact_unsafe_html(html) is None
    assert safety._plainly_safe(html)
