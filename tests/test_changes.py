"""The catalog's history: entries, their words in both languages, and the Atom feed, without MkDocs."""

from __future__ import annotations

from datetime import date

import feedparser
import pytest
import yaml

from helpcenter.catalog.models import load_catalog
from helpcenter.pages.changes import ChangeText, changes, source_urls, wants_feed
from helpcenter.problems import ContentError
from helpcenter.publish.feed import Entry, Feed, atom
from support import ROOT


def catalog_with(tmp_path, day, edit=None):
    """The real catalog, edited by ``edit(data)``, as it stands on ``day``."""
    folder = tmp_path / f"data-{day.isoformat()}"
    folder.mkdir()
    data = yaml.safe_load((ROOT / "data" / "models.yml").read_text("utf-8"))
    if edit:
        edit(data)
    (folder / "models.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    return load_catalog(folder, day)


def model(data, model_id):
    return next(entry for entry in data["models"] if entry["id"] == model_id)


def luna_got_cheaper(data):
    luna = model(data, "gpt-6-luna")
    luna["price_history"] = [
        {
            "from": "2026-09-22",
            "input": 0.20,
            "cached_input": 0.02,
            "output": 0.50,
            "source": "https://example.com/launch (planted)",
        },
        {
            "from": "2026-12-15",
            "input": 0.10,
            "cached_input": 0.01,
            "output": 0.50,
            "cache_write": 0.125,
            "source": "https://example.com/price-cut (planted)",
        },
    ]


def test_entries_are_newest_first_and_only_up_to_the_day(tmp_path):
    listed = changes(catalog_with(tmp_path, date(2026, 12, 20)))
    assert [(c.day.isoformat(), c.kind, c.model.id) for c in listed[:6]] == [
        ("2026-12-11", "shutdown", "gpt-5-mini"),
        ("2026-12-11", "shutdown", "gpt-5-nano"),
        ("2026-11-17", "released", "gpt-6.2-astra"),
        ("2026-11-17", "released", "gpt-6.2-sol"),
        ("2026-10-26", "released", "gpt-6.1-terra"),
        ("2026-10-23", "shutdown", "gpt-4-1106-preview"),
    ]
    assert listed[-1].key == "gpt-3.5-turbo-16k/announced/2023-11-06"
    assert len(listed) == 26
    earlier = changes(catalog_with(tmp_path, date(2026, 12, 1)))
    assert len(earlier) == 24
    assert earlier[0].key == "gpt-6.2-astra/released/2026-11-17"
    later = changes(catalog_with(tmp_path, date(2027, 1, 20)))
    assert [c.key for c in later[:4]] == [
        "gpt-4.1/shutdown/2027-01-14",
        "gpt-4o/shutdown/2027-01-14",
        "gpt-4.1-mini/shutdown/2027-01-14",
        "gpt-4o-mini/shutdown/2027-01-14",
    ]


def test_a_price_change_is_an_entry_from_its_day_in_both_languages(tmp_path):
    before = changes(catalog_with(tmp_path, date(2026, 12, 14), luna_got_cheaper))
    assert "price" not in {change.kind for change in before}
    catalog = catalog_with(tmp_path, date(2026, 12, 15), luna_got_cheaper)
    [price] = [change for change in changes(catalog) if change.kind == "price"]
    assert price.key == "gpt-6-luna/price/2026-12-15"
    assert ChangeText(catalog, "es", "es_419").sentence(price) == (
        "Nuevo precio de GPT-6 Luna por 1 M de tokens: entrada, de US$0.20 a US$0.10; "
        "entrada en caché, de US$0.02 a US$0.01."
    )
    assert ChangeText(catalog, "en", "en_US").sentence(price) == (
        "New price of GPT-6 Luna per 1M tokens: input, from US$0.20 to US$0.10; "
        "cached input, from US$0.02 to US$0.01."
    )


def test_a_price_history_must_end_with_the_current_price(tmp_path):
    def wrong(data):
        luna_got_cheaper(data)
        model(data, "gpt-6-luna")["price_history"][-1]["output"] = 0.60

    with pytest.raises(ContentError) as caught:
        catalog_with(tmp_path, date(2026, 12, 20), wrong)
    written = (tmp_path / "data-2026-12-20" / "models.yml").read_text("utf-8").splitlines()
    line = next(n for n, row in enumerate(written, 1) if row.strip() == "price_history:")
    assert str(caught.value) == (
        f"data/models.yml:{line}: model 'gpt-6-luna', field price_history: the last record (from "
        "2026-12-15) differs from pricing; expected the latest price to be the one in pricing"
    )


def test_sentences_of_lifecycle_entries(tmp_path):
    catalog = catalog_with(tmp_path, date(2027, 1, 20))
    by_key = {change.key: change for change in changes(catalog)}
    es, en = ChangeText(catalog, "es", "es_419"), ChangeText(catalog, "en", "en_US")
    announced = by_key["gpt-4o/announced/2026-10-14"]
    assert es.sentence(announced) == (
        "OpenAI anunció el retiro de GPT-4o para el 14 de enero de 2027. "
        "Reemplazo que indicó OpenAI: GPT-6 Luna."
    )
    assert en.sentence(announced) == (
        "OpenAI announced the shutdown of GPT-4o for January 14, 2027. "
        "Replacement OpenAI named: GPT-6 Luna."
    )
    shutdown = by_key["gpt-4o/shutdown/2027-01-14"]
    assert en.sentence(shutdown) == (
        "OpenAI shut down GPT-4o: requests to it fail. Replacement OpenAI named: GPT-6 Luna."
    )
    released = by_key["gpt-6-astra/released/2026-09-03"]
    assert es.sentence(released) == "OpenAI lanzó GPT-6 Astra."


def test_the_page_table_links_each_entry_to_the_models_row(tmp_path):
    catalog = catalog_with(tmp_path, date(2026, 12, 20))
    table = ChangeText(catalog, "es", "es_419").table("changes.md")
    lines = table.splitlines()
    assert lines[0].endswith("[feed Atom](changes.xml) con tu lector de feeds.")
    assert lines[2:4] == ['<div class="hc-changes" markdown>', ""]
    assert lines[4] == "| Fecha | Modelo | Qué cambió | Fuente |"
    assert lines[6] == (
        "| 11 de diciembre de 2026 | [GPT-5 mini](models.md#model-gpt-5-mini) | "
        "**Modelo retirado.** OpenAI retiró GPT-5 mini: las solicitudes a ese modelo fallan. "
        "OpenAI indicó entonces gpt-5.6-terra como reemplazo; hoy recomendamos GPT-6.1 Terra. | "
        "[developers.openai.com/api/docs/deprecations](https://developers.openai.com/api/docs/deprecations) |"
    )
    assert len(lines) == 6 + 26 + 2 and lines[-2:] == ["", "</div>"]
    nested = ChangeText(catalog, "en", "en_US").table("news/changes.md")
    assert "(../models.md#model-gpt-5-mini)" in nested and "(../changes.xml)" in nested


def test_data_strings_are_escaped_on_the_page_and_in_the_feed(tmp_path):
    hostile = 'Evil <script>alert(1)</script> & "quotes" | pipe'

    def rename(data):
        model(data, "gpt-5-mini")["name"] = hostile
        model(data, "gpt-5-mini")["lifecycle"]["sources"]["shutdown"] = "<b>bold</b> & no address"

    catalog = catalog_with(tmp_path, date(2026, 12, 20), rename)
    text = ChangeText(catalog, "en", "en_US")
    table = text.table("changes.md")
    assert "<script>" not in table and "<b>" not in table
    assert 'Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" \\| pipe' in table
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; no address" in table
    # The catalog refuses control characters; the feed still replaces any that reach it.
    parsed = feedparser.parse(text.feed("https://help.acme-chat.example/en/", "Acme <Chat>\x01"))
    assert not parsed.bozo, parsed.bozo_exception
    assert parsed.feed.title == "Acme <Chat>\ufffd: OpenAI model and price changes"
    first = parsed.entries[0]
    assert first.title == 'Evil <script>alert(1)</script> & "quotes" | pipe: model shut down'
    assert first.summary.endswith("Source: <b>bold</b> & no address")


def test_the_feed_is_atom_with_stable_ids_and_dates_of_the_entries():
    about = Feed(
        key="es/changes",
        title="Cambios",
        subtitle="Todo",
        language="es-419",
        self_url="https://help.acme-chat.example/changes.xml",
        page_url="https://help.acme-chat.example/changes/",
        author="Acme Chat",
        day=date(2026, 12, 20),
    )
    entries = [
        Entry("es/a/shutdown/2026-12-11", "A", "https://x.example/m/#a", date(2026, 12, 11), "S"),
        Entry("es/b/released/2026-11-17", "B", "https://x.example/m/#b", date(2026, 11, 17), "T"),
    ]
    parsed = feedparser.parse(atom(about, entries))
    assert (parsed.bozo, parsed.version) == (False, "atom10")
    assert parsed.feed.id == "tag:help.acme-chat.example,2026:es/changes"
    assert parsed.feed.updated == "2026-12-11T00:00:00Z"
    assert parsed.feed.language == "es-419"
    assert [entry.id for entry in parsed.entries] == [
        "tag:help.acme-chat.example,2026:es/a/shutdown/2026-12-11",
        "tag:help.acme-chat.example,2026:es/b/released/2026-11-17",
    ]
    assert parsed.entries[1].link == "https://x.example/m/#b"
    assert atom(about, entries) == atom(about, entries)
    empty = feedparser.parse(atom(about, []))
    assert not empty.bozo and empty.feed.updated == "2026-12-20T00:00:00Z"


def test_source_urls_and_feed_pages():
    assert source_urls(
        "https://a.example/x (notice), and https://b.example/y. Again https://a.example/x"
    ) == ["https://a.example/x", "https://b.example/y"]
    assert source_urls("OpenAI's notice of 2024-06-06") == []
    assert wants_feed("# Models\n\n<!-- md:pricing legacy -->\n")
    assert wants_feed("<!-- md:changes -->")
    assert not wants_feed("# Guide\n\nThe md:pricing marker is explained elsewhere.\n")


def test_the_changes_marker_takes_no_arguments(tmp_path):
    text = ChangeText(catalog_with(tmp_path, date(2026, 12, 1)), "es", "es_419")
    with pytest.raises(ContentError) as caught:
        text.table("changes.md", "docs/es/changes.md", ["newest"])
    assert str(caught.value) == "docs/es/changes.md: 'md:changes' takes no arguments, got 'newest'"


@pytest.mark.parametrize(
    ("key", "language", "locale", "expected"),
    [
        # OpenAI's notice of 2026-04-22 named gpt-5.6-sol; GPT-6.1 Sol is today's pick
        (
            "gpt-4/announced/2026-04-22",
            "es",
            "es_419",
            "OpenAI anunció el retiro de GPT-4 para el 23 de octubre de 2026. OpenAI indicó "
            "entonces gpt-5.6-sol como reemplazo; hoy recomendamos GPT-6.1 Sol.",
        ),
        (
            "gpt-4/announced/2026-04-22",
            "en",
            "en_US",
            "OpenAI announced the shutdown of GPT-4 for October 23, 2026. OpenAI named "
            "gpt-5.6-sol as the replacement at the time; today we recommend GPT-6.1 Sol.",
        ),
        # OpenAI's notice of 2024-06-06 named gpt-4o, itself deprecated since
        (
            "gpt-4-32k/shutdown/2025-06-06",
            "pt",
            "pt_BR",
            "A OpenAI desativou o GPT-4-32K: as solicitações a esse modelo falham. Na época, a "
            "OpenAI indicou gpt-4o como substituto; hoje recomendamos o GPT-6 Luna.",
        ),
        # OpenAI's deprecations page of 2026-04-22 named gpt-4.1-mini for gpt-3.5-turbo
        (
            "gpt-3.5-turbo/announced/2026-04-22",
            "es",
            "es_419",
            "OpenAI anunció el retiro de GPT-3.5 Turbo para el 23 de octubre de 2026. OpenAI "
            "indicó entonces gpt-4.1-mini como reemplazo; hoy recomendamos GPT-6.1 Terra.",
        ),
        # OpenAI's notice of 2023-11-06 named gpt-3.5-turbo-1106, not a 2026 model
        (
            "gpt-3.5-turbo-16k/announced/2023-11-06",
            "en",
            "en_US",
            "OpenAI announced the shutdown of GPT-3.5 Turbo 16k for June 13, 2024. OpenAI named "
            "gpt-3.5-turbo-1106 as the replacement at the time; today we recommend GPT-6.1 Terra.",
        ),
    ],
)
def test_history_tells_the_replacement_openai_named_then_apart_from_todays(
    tmp_path, key, language, locale, expected
):
    catalog = catalog_with(tmp_path, date(2026, 12, 6))
    by_key = {change.key: change for change in changes(catalog)}
    assert ChangeText(catalog, language, locale).sentence(by_key[key]) == expected


def test_without_a_named_replacement_only_todays_recommendation_is_told(tmp_path):
    def forget(data):
        lifecycle = model(data, "gpt-4")["lifecycle"]
        del lifecycle["named_replacement"], lifecycle["sources"]["named_replacement"]

    catalog = catalog_with(tmp_path, date(2026, 12, 6), forget)
    by_key = {change.key: change for change in changes(catalog)}
    assert ChangeText(catalog, "en", "en_US").sentence(by_key["gpt-4/shutdown/2026-10-23"]) == (
        "OpenAI shut down GPT-4: requests to it fail. Today we recommend GPT-6.1 Sol."
    )


def test_a_named_replacement_without_its_source_is_refused(tmp_path):
    def unsourced(data):
        del model(data, "gpt-4")["lifecycle"]["sources"]["named_replacement"]

    with pytest.raises(
        ContentError, match=r"field lifecycle\.sources\.named_replacement is missing"
    ):
        catalog_with(tmp_path, date(2026, 12, 6), unsourced)
