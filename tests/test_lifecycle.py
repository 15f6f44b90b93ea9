"""Lifecycle statuses derived from dated facts and the day, without MkDocs."""

from __future__ import annotations

from datetime import date

import pytest

from helpcenter.catalog.lifecycle import Lifecycle, lifecycle_of, lifecycle_problems

GPT_5_MINI = lifecycle_of(
    {
        "announced": "2026-06-11",
        "shutdown": "2026-12-11",
        "replacement": "gpt-6.1-terra",
        "sources": {"announced": "notice", "shutdown": "notice"},
    }
)


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (date(2026, 6, 10), "current"),
        (date(2026, 6, 11), "deprecated"),
        (date(2026, 12, 1), "deprecated"),
        (date(2026, 12, 10), "deprecated"),
        (date(2026, 12, 11), "retired"),
        (date(2027, 1, 20), "retired"),
    ],
)
def test_status_follows_the_announcement_and_the_shutdown(day, status):
    assert GPT_5_MINI.status_on(day) == status


def test_a_known_shutdown_without_announcement_date_is_deprecated_until_then():
    lifecycle = Lifecycle(shutdown=date(2026, 10, 23), replacement="x")
    assert lifecycle.status_on(date(2020, 1, 1)) == "deprecated"
    assert lifecycle.status_on(date(2026, 10, 23)) == "retired"


def test_no_dates_is_current_forever():
    assert Lifecycle().status_on(date(2099, 12, 31)) == "current"
    assert Lifecycle(released=date(2026, 9, 3)).status_on(date(2026, 9, 3)) == "current"


def test_a_typed_status_that_the_dates_contradict_is_one_line_naming_the_model():
    typed = lifecycle_of(
        {
            "status": "deprecated",
            "announced": "2026-06-11",
            "shutdown": "2026-12-11",
            "replacement": "gpt-6.1-terra",
            "sources": {"announced": "n", "shutdown": "n"},
        }
    )
    problems = lifecycle_problems("gpt-5-mini", typed, date(2026, 12, 20), "data/models.yml")
    assert problems == [
        "data/models.yml: model 'gpt-5-mini', field lifecycle.status is 'deprecated', but on "
        "2026-12-20 its dates (announced 2026-06-11, shutdown 2026-12-11) make it 'retired'; "
        "expected 'retired', or no status: it follows from the dates"
    ]
    assert lifecycle_problems("gpt-5-mini", typed, date(2026, 12, 1), "data/models.yml") == []


def test_every_date_needs_its_source_and_every_source_its_date():
    lifecycle = lifecycle_of({"released": "2026-09-03", "sources": {"shutdown": "somewhere"}})
    assert lifecycle_problems("a", lifecycle, date(2026, 12, 1), "data/models.yml") == [
        "data/models.yml: model 'a', field lifecycle.sources.released is missing; expected "
        "where the released date comes from",
        "data/models.yml: model 'a', field lifecycle.sources.shutdown names the source of a "
        "date the entry does not have; expected lifecycle.shutdown or no source",
    ]


def test_dates_out_of_order_and_a_missing_replacement_are_named():
    lifecycle = lifecycle_of(
        {
            "released": "2027-02-01",
            "announced": "2027-01-20",
            "shutdown": "2027-01-14",
            "sources": {"released": "n", "announced": "n", "shutdown": "n"},
        }
    )
    problems = lifecycle_problems("b", lifecycle, date(2027, 1, 20), "data/models.yml")
    assert problems == [
        "data/models.yml: model 'b', field lifecycle.released is 2027-02-01, after its shutdown "
        "2027-01-14; expected a release before the shutdown",
        "data/models.yml: model 'b', field lifecycle.announced is 2027-01-20, after its "
        "shutdown 2027-01-14; expected an announcement before the shutdown",
        "data/models.yml: model 'b', field lifecycle.replacement is missing; expected the id of "
        "the current model to move to (the model is retired on 2027-01-20)",
    ]


def test_the_estimator_moves_a_model_among_those_being_retired_the_day_it_is_announced(tmp_path):
    import yaml

    from helpcenter.catalog.models import load_catalog
    from helpcenter.pages import estimator_form
    from helpcenter.tools.estimate import choices
    from support import ROOT

    data = yaml.safe_load((ROOT / "data" / "models.yml").read_text("utf-8"))
    sol = next(entry for entry in data["models"] if entry["id"] == "gpt-6.2-sol")
    sol["lifecycle"].update(
        announced="2026-12-15",
        shutdown="2027-06-01",
        replacement="gpt-6.1-sol",
        sources={**sol["lifecycle"]["sources"], "announced": "planted", "shutdown": "planted"},
    )
    (tmp_path / "models.yml").write_text(yaml.safe_dump(data), "utf-8")

    def offered(day):
        catalog = load_catalog(tmp_path, day)
        form = estimator_form.render(catalog, "en", "en_US", day, "docs/en/models.md")
        listed = [choice.model.id for choice in choices(catalog, day)]
        assert all(f'value="{model_id}"' in form for model_id in listed)
        return listed, form

    before, _ = offered(date(2026, 12, 14))
    after, form = offered(date(2026, 12, 15))
    january = ["gpt-4.1", "gpt-4o", "gpt-4.1-mini", "gpt-4o-mini"]  # being retired on 2027-01-14
    assert before == [
        "gpt-6.1-terra",
        "gpt-6-luna",
        "gpt-5.2",
        "gpt-6.2-sol",
        "gpt-6.1-sol",
        "gpt-6.2-astra",
        "gpt-6-astra",
        *january,
    ]
    assert after == [
        "gpt-6.1-terra",
        "gpt-6-luna",
        "gpt-5.2",
        "gpt-6.1-sol",
        "gpt-6.2-astra",
        "gpt-6-astra",
        *january,
        "gpt-6.2-sol",  # shuts down last, on 2027-06-01
    ]
    current, retiring = form.split("<optgroup", 1)
    assert 'value="gpt-6.2-sol"' not in current
    assert '<option value="gpt-6.2-sol" data-replacement="gpt-6.1-sol">' in retiring
