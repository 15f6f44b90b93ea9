"""What overrides/ takes from the theme, recorded: an upgrade that changes it fails here.

overrides/ replaces some of Material's templates and blocks and rewrites what one of them
writes (overrides/main.html, site_meta); helpcenter/pages/markup.py repairs Material's
search dialog by its exact HTML. Each of those rests on the text of the installed theme, so
each is recorded below by the SHA-256 of Material's own text (the block alone for a block).
When an upgrade of mkdocs-material (or of MkDocs, for the sitemap) changes one, this test
names it: compare Material's new text with what overrides/ or markup.py does with it,
adapt them, and record the new digest.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import mkdocs
import pytest

from helpcenter.pages.markup import name_search_dialog
from helpcenter.problems import ContentError
from support import LANGUAGES, ROOT, SITE_URL, run_build

MATERIAL = Path(material.__file__).parent / "templates"
MKDOCS = Path(mkdocs.__file__).parent / "templates"
RECORDED = {
    # (theme folder, template, block): (SHA-256 of its text, what rests on it)
    (MATERIAL, "base.html", "site_meta"): (
        "e306b9472bf91403943802f57b9a77a72eabbd2612dfcf341a7c228d6aa8223f",
        "overrides/main.html rewrites it: removes its <link rel=alternate> to each language's "
        "home and escapes its description, by their exact HTML",
    ),
    (MATERIAL, "base.html", "htmltitle"): (
        "8ebd0d3f80cb7be8baa6a77ed0759e9d08eba8a72047270089a452cd911f83ef",
        "overrides/main.html copies it, escaping the titles",
    ),
    (MATERIAL, "base.html", "extrahead"): (
        "1764749c48ef0bd1131cec225d4475a511abe9b8aaac7f8f20a1eb0df0a18327",
        "overrides/main.html adds the lazy search after it",
    ),
    (MATERIAL, "base.html", "content"): (
        "e7e77c2e082ef76171f8807dccaebedd1bc41af76d4c4ec3d19012eb8636eac1",
        "overrides/main.html puts the notice of an out-of-date translation before it",
    ),
    (MATERIAL, "main.html", None): (
        "9948b55a7bc979c35825df99baba9e6971fca4eb298dea3cdde61e990a2de5e0",
        "overrides/main.html takes its place",
    ),
    (MATERIAL, "404.html", None): (
        "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495",
        "overrides/404.html takes its place (the page in the reader's language)",
    ),
    (MATERIAL, "partials/alternate.html", None): (
        "572b1d4dae611aa5fd65107edec95e44331b6141abf86834ea4dc6c1ddd7241b",
        "overrides/partials/alternate.html takes its place (the switcher lands on the twin)",
    ),
    (MATERIAL, "partials/actions.html", None): (
        "1bcd66d6f428194e9b9842764f0a5f7a5b3679d008e9d2e5b75b5ba344c39073",
        "overrides/partials/actions.html takes its place (copy the page, open it in an assistant)",
    ),
    (MATERIAL, "partials/feedback.html", None): (
        "d47879b262c1d49f66f3572974457844bc5c74542790803a39f121d7655f39cb",
        'overrides/partials/feedback.html takes its place ("Was this page helpful?" without '
        "analytics: a disclosure and a mailto: link to support)",
    ),
    (MATERIAL, "partials/languages/es.html", None): (
        "22775891c6756e3ef75c4ab9e86d59ec8bb82901c46c3bc11d7a73abd1f991f4",
        "overrides/partials/languages/es.html is its copy addressing the reader as tú",
    ),
    (MATERIAL, "partials/search.html", None): (
        "bfd556535abcddb99396ab2a7e3acc2ebcd3f36756007d3969396caa4126be30",
        "helpcenter/pages/markup.py names its dialog by its exact HTML",
    ),
    (MKDOCS, "sitemap.xml", None): (
        "0950766d642ac999c74b68150a39a961a5103bda5e2d9d7747f4c06522c11b18",
        "overrides/sitemap.xml takes its place (every page with its alternates)",
    ),
}
_BLOCK_TAG = re.compile(r"\{%-?\s*(block\s+(?P<name>\w+)|endblock)\b[^%]*-?%\}")


def block(text: str, name: str) -> str:
    """The text of ``{% block name %}…{% endblock %}`` in a template, nested blocks included."""
    depth, start = 0, None
    for tag in _BLOCK_TAG.finditer(text):
        if tag["name"] == name and start is None:
            start = tag.start()
        if start is None:
            continue
        depth += 1 if tag["name"] else -1
        if depth == 0:
            return text[start : tag.end()]
    raise AssertionError(f"no block {name}")


def digest(folder: Path, template: str, name: str | None) -> str:
    text = (folder / template).read_text("utf-8")
    return hashlib.sha256((block(text, name) if name else text).encode("utf-8")).hexdigest()


def test_what_overrides_rest_on_is_the_theme_text_recorded():
    changed = []
    for (folder, template, name), (recorded, why) in RECORDED.items():
        found = digest(folder, template, name)
        if found != recorded:
            where = f"{template} block {name}" if name else template
            changed.append(
                f"{folder.parent.name}'s {where} changed: {why}. Re-check that against the "
                f"new text, then record {found} in tests/test_theme.py"
            )
    assert changed == [], "\n".join(changed)


def test_every_override_of_the_theme_is_recorded():
    overridden = set()
    for path in (ROOT / "overrides").rglob("*"):
        template = path.relative_to(ROOT / "overrides").as_posix()
        for folder in (MATERIAL, MKDOCS):
            if path.is_file() and (folder / template).is_file():
                overridden.add((folder, template, None))
    main = (ROOT / "overrides" / "main.html").read_text("utf-8")
    overridden |= {(MATERIAL, "base.html", tag["name"]) for tag in _BLOCK_TAG.finditer(main)}
    overridden.discard((MATERIAL, "base.html", None))
    missing = sorted(
        f"{template} block {name}" if name else template
        for folder, template, name in overridden - set(RECORDED)
    )
    assert missing == [], (
        f"overrides/ replaces {missing} of the theme without a record in tests/test_theme.py: "
        "add each with the SHA-256 of the theme's text and what rests on it"
    )


def test_the_block_reader_takes_nested_blocks_whole():
    text = "a{% block outer %}b{% block inner %}c{% endblock %}d{% endblock %}e"
    assert (
        block(text, "outer") == "{% block outer %}b{% block inner %}c{% endblock %}d{% endblock %}"
    )
    assert block(text, "inner") == "{% block inner %}c{% endblock %}"


def test_a_search_dialog_the_repair_no_longer_recognises_fails_the_build():
    changed = '<div class="md-search" role="dialog" data-md-component="search"><input>'
    with pytest.raises(ContentError, match=r"helpcenter/pages/markup\.py"):
        name_search_dialog(changed)


HREFLANG = {"es": "es", "en": "en", "pt": "pt-BR"}


def test_the_head_keeps_materials_tags_and_links_each_page_only_to_its_twins(site):
    assert set(HREFLANG) == set(LANGUAGES)
    for language, folder in LANGUAGES.items():
        html = site.html(language, "billing/")
        head = html[: html.index("</head>")]
        assert '<link rel="alternate"' not in head, "Material's links to each language's home"
        hreflang = re.findall(r'<link rel=" alternate" hreflang="([^"]+)" href="([^"]+)"', head)
        assert hreflang == [
            *((HREFLANG[code], f"{SITE_URL}{root}billing/") for code, root in LANGUAGES.items()),
            ("x-default", f"{SITE_URL}billing/"),
        ], language
        assert '<link rel="canonical" href="' + SITE_URL + folder + 'billing/">' in head
        assert '<meta name="generator" content="mkdocs-' in head


def test_materials_author_tag_stays_and_a_description_is_escaped(project):
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("site_url:", "site_author: Equipo de Acme\nsite_url:", 1),
        "utf-8",
    )
    page = project / "docs" / "es" / "help.md"
    text = page.read_text("utf-8")
    assert text.startswith("---\ndescription: ")
    page.write_text(text.replace("description: ", 'description: Dice "hola" & ', 1), "utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    head = (project / "site" / "help" / "index.html").read_text("utf-8").split("</head>")[0]
    assert '<meta name="author" content="Equipo de Acme">' in head
    assert '<meta name="description" content="Dice &#34;hola&#34; &amp; ' in head
    english = (project / "site" / "en" / "help" / "index.html").read_text("utf-8")
    assert '<meta name="author" content="Equipo de Acme">' in english
