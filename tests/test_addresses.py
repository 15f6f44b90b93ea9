"""Addresses that never break: the recorded list, the redirect map and its pages."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from helpcenter.catalog.redirects import Redirect, load_redirects
from helpcenter.problems import ContentError
from helpcenter.publish import published, redirects
from support import LANGUAGES, ROOT, SITE_URL, assert_clean_failure, run_build, write_yaml

# ------------------------------------------------------------------- the built site


def test_every_recorded_address_is_published(site):
    now = set(published.addresses(site.root))
    lost = [a for a in published.read_record(ROOT / "data" / "published.txt") if a not in now]
    assert lost == [], f"no longer published: {lost}"


def test_every_published_address_is_recorded(site):
    recorded = set(published.read_record(ROOT / "data" / "published.txt"))
    new = [address for address in published.addresses(site.root) if address not in recorded]
    assert new == [], f"not in data/published.txt (run 'make published'): {new}"


def test_the_record_covers_every_kind_of_address(site):
    recorded = set(published.read_record(ROOT / "data" / "published.txt"))
    for folder in ["/" + each for each in LANGUAGES.values()]:
        for address in (
            "",
            "index.md",
            "models/",
            "models/index.md",
            "errors/insufficient-quota/",
            "errors/insufficient-quota/index.md",
            "models.json",
            "models.schema.json",
            "llms.txt",
            "llms-full.txt",
            "sitemap.xml",
        ):
            assert folder + address in recorded, folder + address
    assert not [address for address in recorded if "/assets/" in address or "search/" in address]


# ------------------------------------------------------------------------ units


def test_addresses_of_a_built_tree(tmp_path):
    for name in [
        "index.html",
        "index.md",
        "sitemap.xml",
        "sitemap.xml.gz",
        "404.html",
        "assets/javascripts/bundle.js",
        "assets/x.json",
        "search/search_index.json",
        "a/index.html",
        "a/index.md",
        "a/feed.xml",
        "models.json",
        "en/sitemap.xml",
        "en/search/search_index.json",
        "en/a/b/index.html",
        "en/llms.txt",
    ]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", "utf-8")
    assert published.addresses(tmp_path) == [
        "/",
        "/a/",
        "/a/feed.xml",
        "/a/index.md",
        "/en/a/b/",
        "/en/llms.txt",
        "/en/sitemap.xml",
        "/index.md",
        "/models.json",
        "/sitemap.xml",
    ]


def test_lost_addresses_keep_the_records_order():
    assert published.lost(["/b/", "/a/", "/c/"], ["/c/", "/d/"]) == ["/b/", "/a/"]


def redirect_map(tmp_path, entries):
    return write_yaml(tmp_path, "redirects.yml", {"redirects": entries})


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (
            [{"from": "a.md", "to": "b.md"}, {"from": "a.md", "to": "c.md"}],
            "data/redirects.yml:4: redirect 'a.md', field from is listed twice; "
            "each old page needs one entry",
        ),
        (
            [{"from": "a.md", "to": "b.md"}, {"from": "b.md", "to": "c.md"}],
            "data/redirects.yml:3: redirect 'a.md', field to: b.md is itself redirected; "
            "point it at c.md",
        ),
        (
            [{"from": "a.md", "to": "a.md"}],
            "data/redirects.yml:3: redirect 'a.md', field to: a page cannot redirect to itself",
        ),
        (
            [{"from": "../a.md", "to": "b.md"}],
            "data/redirects.yml:2: redirect '../a.md', field from is \"../a.md\"",
        ),
        (
            [{"from": "a.md"}],
            "data/redirects.yml:2: redirect 'a.md', field to is missing",
        ),
    ],
)
def test_a_bad_map_fails_in_one_line(tmp_path, entries, expected):
    with pytest.raises(ContentError) as failure:
        load_redirects(redirect_map(tmp_path, entries))
    assert str(failure.value).startswith(expected), str(failure.value)
    assert "\n" not in str(failure.value)


def test_a_map_must_leave_a_gone_page_for_an_existing_one():
    moves = [Redirect("old.md", "new.md"), Redirect("x.md", "gone.md")]
    assert redirects.problems(moves, {"old.md", "new.md", "x/y.md"}, "docs/en") == [
        "data/redirects.yml: redirect 'old.md', field from: docs/en/old.md is still a page; "
        "remove the redirect or the page",
        "data/redirects.yml: redirect 'x.md', field to: gone.md is not a page of docs/en; "
        "expected the page that replaced it, in every language",
    ]


def test_a_redirect_may_not_take_an_address_the_site_publishes():
    moves = [
        Redirect("billing/index.md", "help.md"),
        Redirect("errors.md", "help.md"),
        Redirect("en.md", "help.md"),
        Redirect("pt/keys.md", "help.md"),
        Redirect("gone.md", "help.md"),
    ]
    pages = {"billing.md", "errors/index.md", "help.md"}
    found = redirects.problems(moves, pages, "docs/es", other_roots=["en/", "pt/"], files={"gone"})
    assert found == [
        "data/redirects.yml: redirect 'billing/index.md', field from: its address /billing/ "
        "is the page docs/es/billing.md; expected the path of a page that no longer exists",
        "data/redirects.yml: redirect 'errors.md', field from: its address /errors/ is the "
        "page docs/es/errors/index.md; expected the path of a page that no longer exists",
        "data/redirects.yml: redirect 'en.md', field from: its address /en/ is inside another "
        "language's site (/en/); expected the path of a page that no longer exists",
        "data/redirects.yml: redirect 'pt/keys.md', field from: its address /pt/keys/ is "
        "inside another language's site (/pt/); expected the path of a page that no longer "
        "exists",
        "data/redirects.yml: redirect 'gone.md', field from: its address /gone/ is the "
        "published file /gone; expected the path of a page that no longer exists",
    ]


def test_the_record_of_published_addresses_is_required(tmp_path):
    with pytest.raises(ContentError) as failure:
        published.read_record(tmp_path / "published.txt")
    assert str(failure.value) == (
        "data/published.txt is missing: it records every address the site publishes so that "
        "none is lost; create it with 'make published'"
    )


def test_the_files_of_a_language_are_read_from_the_record():
    recorded = ["/", "/llms.txt", "/billing/", "/billing/index.md", "/en/", "/en/llms.txt"]
    assert published.files_under(recorded, "/en/") == {"llms.txt"}
    assert published.files_under(recorded, "/") == {"llms.txt", "billing/index.md", "en/llms.txt"}


def test_redirect_pages_escape_what_they_show():
    move = Redirect("keys/old.md", "errors/new.md")
    page = redirects.html_page(move, "en", "https://h.example/en/", 'A <b> & "c"', "S&S")
    soup = BeautifulSoup(page, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../../errors/new/"
    assert soup.select_one('link[rel="canonical"]')["href"] == "https://h.example/en/errors/new/"
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert soup.select_one("p a").get_text() == 'A <b> & "c"'
    assert soup.title.get_text() == "This page has moved · S&S"
    assert redirects.markdown_page(move, "es", "https://h.example/", "T [x]") == (
        "# Esta página cambió de lugar\n\n"
        "Ahora está en [T \\[x\\]](https://h.example/errors/new/index.md).\n"
    )


# --------------------------------------------------- renaming a page in a scratch copy


def rename_page(project: Path, old: str, new: str) -> None:
    """Move ``docs/*/old`` to ``new`` and point every link, nav entry and catalog at it."""
    for language in LANGUAGES:
        (project / "docs" / language / old).rename(project / "docs" / language / new)
    sources = [*project.glob("mkdocs*.yml"), project / "data" / "errors.yml"]
    for path in [*sources, *(project / "docs").rglob("*.md")]:
        text = path.read_text("utf-8")
        path.write_text(text.replace(old, new), "utf-8")


def test_renaming_a_page_without_a_redirect_names_the_lost_addresses(project):
    rename_page(project, "create-account.md", "sign-up.md")
    result = run_build(project, project / "site")
    assert_clean_failure(
        result,
        "data/published.txt: /create-account/ is no longer published",
        "data/published.txt: /en/create-account/index.md is no longer published",
        "add an entry to data/redirects.yml",
    )


def test_with_a_redirect_the_old_address_lands_on_the_new_page(project):
    rename_page(project, "create-account.md", "sign-up.md")
    (project / "data" / "redirects.yml").write_text(
        "redirects:\n  - from: create-account.md\n    to: sign-up.md\n", "utf-8"
    )
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    for language, folder in LANGUAGES.items():
        old = site / folder / "create-account" / "index.html"
        soup = BeautifulSoup(old.read_text("utf-8"), "html.parser")
        refresh = soup.select_one('meta[http-equiv="refresh"]')["content"]
        assert refresh.startswith("0; url=")
        old_url = SITE_URL + folder + "create-account/"
        landing = urljoin(old_url, refresh.removeprefix("0; url="))
        assert landing == SITE_URL + folder + "sign-up/"
        assert (site / folder / "sign-up" / "index.html").is_file()
        assert soup.select_one('link[rel="canonical"]')["href"] == landing
        assert soup.html["lang"] == language
        heading = BeautifulSoup(
            (site / folder / "sign-up" / "index.html").read_text("utf-8"), "html.parser"
        ).h1
        heading.select_one("a.headerlink").decompose()
        assert soup.select_one("p a").get_text() == heading.get_text().strip()
        twin = (site / folder / "create-account" / "index.md").read_text("utf-8")
        assert f"]({SITE_URL}{folder}sign-up/index.md)" in twin
        sitemap = (site / folder / "sitemap.xml").read_text("utf-8")
        assert "create-account" not in sitemap and "sign-up/" in sitemap
        index = json.loads((site / folder / "search" / "search_index.json").read_text("utf-8"))
        assert not [doc for doc in index["docs"] if doc["location"].startswith("create-account")]
        assert "create-account" not in (site / folder / "llms.txt").read_text("utf-8")


def test_a_redirect_to_a_missing_page_fails_naming_it(project):
    (project / "data" / "redirects.yml").write_text(
        "redirects:\n  - from: old-page.md\n    to: no-such-page.md\n", "utf-8"
    )
    assert_clean_failure(
        run_build(project, project / "site"),
        "data/redirects.yml: redirect 'old-page.md', field to: no-such-page.md is not a page "
        "of docs/es",
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("billing/index.md", "its address /billing/ is the page docs/es/billing.md"),
        ("en.md", "its address /en/ is inside another language's site (/en/)"),
    ],
)
def test_a_redirect_over_a_published_address_fails_in_one_line(project, source, expected):
    (project / "data" / "redirects.yml").write_text(
        f"redirects:\n  - from: {source}\n    to: help.md\n", "utf-8"
    )
    result = run_build(project, project / "site")
    assert_clean_failure(result, f"data/redirects.yml: redirect '{source}', field from: {expected}")
    errors = [line for line in (result.stdout + result.stderr).splitlines() if "ERROR" in line]
    assert len(errors) == 1, errors


def test_a_build_without_the_record_of_addresses_fails_naming_it(project):
    (project / "data" / "published.txt").unlink()
    result = run_build(project, project / "site")
    assert_clean_failure(result, "data/published.txt is missing", "'make published'")
    errors = [line for line in (result.stdout + result.stderr).splitlines() if "ERROR" in line]
    assert len(errors) == 1, errors
