"""One copy of the theme's files serves every language."""

from __future__ import annotations

import random
import re
from urllib.parse import urljoin

import pytest

from helpcenter.site import shared_assets
from helpcenter.site.shared_assets import depth, pointer, unused_search_files
from support import LANGUAGES, OTHERS, PRIMARY, SITE_URL

CSS = "assets/stylesheets/main.1234.min.css"


def test_relative_and_absolute_references_point_one_language_root_higher():
    point = pointer([CSS, "assets/javascripts/bundle.js"], "/en/")
    page = (
        f'<link href="../{CSS}"><script src="../assets/javascripts/bundle.js"></script>'
        f'<link href="{CSS}?v=1"><a href="/en/{CSS}">x</a>'
        '{"search": "../assets/javascripts/bundle.js"}'
    )
    assert point(page) == (
        f'<link href="../../{CSS}"><script src="../../assets/javascripts/bundle.js"></script>'
        f'<link href="../{CSS}?v=1"><a href="/{CSS}">x</a>'
        '{"search": "../../assets/javascripts/bundle.js"}'
    )


def test_other_files_and_longer_names_are_left_alone():
    point = pointer([CSS], "/en/")
    kept = (
        '<img src="../assets/images/diagram.svg"><link href="../assets/stylesheets/main.1234.min.css.map">'
        f'<a href="https://example.com/{CSS}">'
    )
    assert point(kept) == kept


def test_a_site_below_a_folder_keeps_its_folder():
    assert pointer([CSS], "/en/", "/docs/")(f'"/docs/en/{CSS}"') == f'"/docs/{CSS}"'
    assert depth("/") == 0 and depth("/pt-br/") == 1
    assert pointer([CSS], "/")(f'"{CSS}"') == f'"{CSS}"'


def test_only_the_stemmers_of_the_site_languages_are_published():
    urls = [
        "assets/javascripts/lunr/min/lunr.es.min.js",
        "assets/javascripts/lunr/min/lunr.de.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/min/lunr.multi.min.js",
        "assets/javascripts/lunr/wordcut.js",
        "assets/javascripts/bundle.js",
    ]
    assert unused_search_files(urls, ["es", "en"]) == [
        "assets/javascripts/lunr/min/lunr.de.min.js",
        "assets/javascripts/lunr/wordcut.js",
    ]


def _theme_references(site, language, url):
    soup = site.soup(language, url)
    base = SITE_URL + LANGUAGES[language] + url
    found = [urljoin(base, tag["href"]) for tag in soup.select("link[rel=stylesheet]")]
    found += [urljoin(base, tag["src"]) for tag in soup.select("script[src]")]
    return sorted(found)


@pytest.mark.parametrize("language", OTHERS)
def test_every_language_uses_the_primary_copy_of_the_theme(site, language):
    assert not (site.folder(language) / "assets").exists()
    for url in ("", "billing/", "errors/insufficient-quota/"):
        primary, other = (
            _theme_references(site, PRIMARY, url),
            _theme_references(site, language, url),
        )
        assert primary and other == primary
        for address in other:
            path = address.removeprefix(SITE_URL).split("?")[0]
            assert (site.root / path).is_file(), address
    not_found = (site.folder(language) / "404.html").read_text("utf-8")
    folder = LANGUAGES[language]
    assert 'href="/assets/stylesheets/' in not_found and f"/{folder}assets/" not in not_found


# The stemmers the site's pages load: Spanish and Portuguese (English is Lunr's own).
STEMMERS = {"lunr.es.min.js", "lunr.pt.min.js", "lunr.stemmer.support.min.js", "lunr.multi.min.js"}


def test_the_site_publishes_the_stemmers_of_its_languages_only(site):
    published = {path.name for path in (site.root / "assets/javascripts/lunr/min").iterdir()}
    assert published == STEMMERS


def _one_expression_pointer(asset_urls, language_root, site_path="/"):
    """What ``pointer`` did as one regular expression over the whole page (slower, since
    it tries a look-behind at every character): the reference it must agree with."""
    urls = set(asset_urls)
    folders = "|".join(sorted({re.escape(url.split("/", 1)[0]) for url in urls}))
    up = "../" * shared_assets.depth(language_root)
    here = site_path.rstrip("/") + "/" + language_root.strip("/") + "/"
    root = site_path.rstrip("/") + "/"
    reference = re.compile(
        rf"(?<=[\"'(])(?:(?P<here>{re.escape(here)})|(?P<dots>(?:\.\./)*)(?:\./)?)"
        rf"(?P<url>(?:{folders})/[^\"'?#)\s]+)(?=[\"'?#)])"
    )

    def repoint(match):
        if match["url"] not in urls:
            return match[0]
        if match["here"]:
            return root + match["url"]
        return match["dots"] + up + match["url"]

    return lambda html: reference.sub(repoint, html)


@pytest.mark.parametrize(
    ("language_root", "site_path"), [("/en/", "/"), ("/en/", "/docs/"), ("/pt/br/", "/")]
)
def test_pointing_agrees_with_one_expression_on_random_text(language_root, site_path):
    css, js = "assets/stylesheets/main.css", "assets/javascripts/bundle.js"
    pieces = ['"', "'", "(", ")", "../", "./", ".", "/", "/en/", "/docs/en/", "/pt/br/",
              "en/", css, js, css + "x", "assets/", "assets", "?", "#", " ", "x"]  # fmt: skip
    ours = shared_assets.pointer([css, js], language_root, site_path)
    reference = _one_expression_pointer([css, js], language_root, site_path)
    generator = random.Random(11)
    changed = 0
    for _ in range(30_000):
        html = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 12)))
        assert ours(html) == reference(html), repr(html)
        changed += ours(html) != html
    assert changed > 300  # the mix does reach references to repoint
