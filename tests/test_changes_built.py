"""The built "What changed" pages and Atom feeds, on the days of tests/test_calendar_builds.py."""

from __future__ import annotations

import feedparser
import pytest

from support import LANGUAGES, PRIMARY, SITE_URL

DAYS = ("2026-12-01", "2026-12-20", "2027-01-20")
ENTRIES = {"2026-12-01": 24, "2026-12-20": 26, "2027-01-20": 30}
"""Releases (7) and announcements (11), plus the shutdowns up to the day (6, 8, 12)."""
WHAT_CHANGED = {"es": "Qué cambió", "en": "What changed", "pt": "O que mudou"}
FEED_TITLE = {
    "es": "Acme Chat: cambios en modelos y precios de OpenAI",
    "en": "Acme Chat: OpenAI model and price changes",
    "pt": "Acme Chat: mudanças nos modelos e preços da OpenAI",
}
NEWEST = {
    ("es", "2026-12-01"): "GPT-6.2 Astra: modelo nuevo",  # released the same day as GPT-6.2 Sol
    ("es", "2026-12-20"): "GPT-5 mini: modelo retirado",
    ("es", "2027-01-20"): "GPT-4.1: modelo retirado",
    ("en", "2026-12-01"): "GPT-6.2 Astra: new model",  # released the same day as GPT-6.2 Sol
    ("en", "2026-12-20"): "GPT-5 mini: model shut down",
    ("en", "2027-01-20"): "GPT-4.1: model shut down",
    ("pt", "2026-12-01"): "GPT-6.2 Astra: modelo novo",  # released the same day as GPT-6.2 Sol
    ("pt", "2026-12-20"): "GPT-5 mini: modelo desativado",
    ("pt", "2027-01-20"): "GPT-4.1: modelo desativado",
}


def feed(site, language):
    parsed = feedparser.parse((site.folder(language) / "changes.xml").read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.version == "atom10"
    return parsed


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("day", DAYS)
def test_each_language_has_a_valid_atom_feed_of_the_day(dated_site, day, language):
    parsed = feed(dated_site(day), language)
    assert parsed.feed.title == FEED_TITLE[language]
    assert len(parsed.entries) == ENTRIES[day]
    assert parsed.entries[0].title == NEWEST[(language, day)]
    root = SITE_URL + LANGUAGES[language]
    assert parsed.feed.links[0].href == root + "changes.xml"
    assert all(entry.link.startswith(root + "models/#model-") for entry in parsed.entries)


def test_entry_ids_are_stable_across_rebuilds_and_days(dated_site):
    for language in LANGUAGES:
        ids = {day: [entry.id for entry in feed(dated_site(day), language).entries] for day in DAYS}
        assert set(ids["2026-12-01"]) < set(ids["2026-12-20"]) < set(ids["2027-01-20"])
        assert len(set(ids["2027-01-20"])) == len(ids["2027-01-20"])
        assert (
            f"tag:help.acme-chat.example,2026:{language}/gpt-5-mini/shutdown/2026-12-11"
            in ids["2026-12-20"]
        )
    a = (dated_site("2026-12-20").folder("es") / "changes.xml").read_bytes()
    assert a == (dated_site("2026-12-20").folder("es") / "changes.xml").read_bytes()


@pytest.mark.parametrize("day", DAYS)
def test_every_entry_links_to_a_row_that_exists_on_the_models_page(dated_site, day):
    site = dated_site(day)
    for language in LANGUAGES:
        page = site.soup(language, "models/")
        for entry in feed(site, language).entries:
            anchor = entry.link.split("#", 1)[1]
            row = page.find(id=anchor)
            assert row is not None and row.find_parent("tr") is not None, anchor
        links = site.article(language, "changes/").select("tbody tr td:nth-of-type(2) a")
        assert len(links) == ENTRIES[day]
        for link in links:
            assert link["href"].startswith("../models/#model-")
            assert page.find(id=link["href"].split("#", 1)[1]) is not None


@pytest.mark.parametrize("day", DAYS)
def test_the_what_changed_pages_are_twins(dated_site, day):
    site = dated_site(day)
    pages = {language: site.article(language, "changes/") for language in LANGUAGES}
    primary = [a["href"] for a in pages[PRIMARY].select("tbody a")]
    for language, article in pages.items():
        assert [a["href"] for a in article.select("tbody a")] == primary, language
        assert len(article.select("tbody tr")) == ENTRIES[day], language
        assert article.h1.get_text(strip=True).rstrip("¶") == WHAT_CHANGED[language]
    for language in LANGUAGES:
        nav = site.soup(language, "").select("nav.md-nav--primary a.md-nav__link")
        assert any(a.get("href", "").rstrip("/").endswith("changes") for a in nav), language


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_models_and_changes_pages_link_the_feed_in_their_head(dated_site, language):
    site = dated_site("2026-12-20")
    for url in ("models/", "changes/"):
        links = site.soup(language, url).select('head link[type="application/atom+xml"]')
        assert len(links) == 1, url
        assert "alternate" in links[0]["rel"]
        assert links[0]["href"] == "../changes.xml"
        assert links[0]["title"] == FEED_TITLE[language]
    assert not site.soup(language, "billing/").select('head link[type="application/atom+xml"]')
    body_link = site.article(language, "changes/").select_one('a[href="../changes.xml"]')
    assert body_link is not None
