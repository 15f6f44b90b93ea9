"""The model catalog loader: a small valid catalog per test, then one thing broken."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from helpcenter.catalog.models import Catalog, catalog_json, load_catalog
from helpcenter.problems import ContentError
from support import content_error, write_yaml
from support import line_of as shared_line_of

SHOWN_AS = "data/models.yml"


def valid_catalog() -> dict:
    """A quality pick, an economy pick and a retired model pointing to the economy pick."""
    return {
        "billing": {
            "currency": "USD",
            "minimum_top_up": 5,
            "source": "https://example.com/billing",
            "verified": date(2026, 11, 22),
        },
        "models": [
            {
                "id": "sol-1",
                "name": "Sol 1",
                "provider": "OpenAI",
                "reasoning": True,
                "pricing": {"input": 2.0, "cached_input": 0.1, "output": 10.0},
                "context_window": 1050000,
                "max_output_tokens": 128000,
                "lifecycle": {"status": "current"},
                "recommended": "quality",
                "good_for": {"es": "Casos complejos.", "en": "Complex cases."},
                "source": "https://example.com/sol-1",
                "verified": date(2026, 11, 22),
            },
            {
                "id": "luna-1",
                "name": "Luna 1",
                "provider": "OpenAI",
                "reasoning": False,
                "pricing": {"input": 0.25, "cached_input": 0.025, "output": 2.0},
                "context_window": 400000,
                "max_output_tokens": 32768,
                "lifecycle": {"status": "current"},
                "recommended": "economy",
                "good_for": {"es": "Preguntas frecuentes.", "en": "Frequent questions."},
                "source": "https://example.com/luna-1",
                "verified": date(2026, 11, 21),
            },
            {
                "id": "old-1",
                "name": "Old 1",
                "provider": "OpenAI",
                "reasoning": False,
                "pricing": {"input": 30.0, "cached_input": None, "output": 60.0},
                "context_window": 8192,
                "max_output_tokens": 8192,
                "lifecycle": {
                    "status": "retired",
                    "shutdown": date(2025, 6, 6),
                    "replacement": "luna-1",
                    "sources": {"shutdown": "https://example.com/deprecations"},
                },
                "good_for": {"es": "Ya no está disponible.", "en": "No longer available."},
                "source": "https://example.com/old-1",
                "verified": date(2026, 11, 22),
                "notes": "Retired.",
            },
        ],
    }


@pytest.fixture(scope="module")
def shared_dir(tmp_path_factory) -> Path:
    """One folder for the module's tests, each writing its own models.yml into it."""
    return tmp_path_factory.mktemp("data")


@pytest.fixture
def data_dir(shared_dir):
    yield shared_dir
    (shared_dir / "models.yml").unlink(missing_ok=True)


def write(data_dir: Path, data: dict | None = None, *, text: str | None = None) -> Path:
    return write_yaml(data_dir, "models.yml", data, text=text)


def model(data: dict, model_id: str) -> dict:
    return next(entry for entry in data["models"] if entry["id"] == model_id)


def line_of(data_dir: Path, words: str, occurrence: int = 1) -> int:
    return shared_line_of(data_dir / "models.yml", words, occurrence)


def load_error(data_dir: Path) -> str:
    return content_error(lambda: load_catalog(data_dir), SHOWN_AS)


# --------------------------------------------------------------------- valid


def test_valid_catalog_loads(data_dir):
    catalog = load_catalog(write(data_dir, valid_catalog()))

    assert isinstance(catalog, Catalog)
    assert [m.id for m in catalog.models] == ["sol-1", "luna-1", "old-1"]
    luna = catalog.get("luna-1")
    assert luna.pricing.input == Decimal("0.25")
    assert luna.pricing.cached_input == Decimal("0.025")
    assert str(luna.pricing.cached_input) == "0.025"
    assert isinstance(luna.pricing.output, Decimal)
    assert luna.verified == date(2026, 11, 21)
    assert type(luna.verified) is date
    assert luna.good_for == {"es": "Preguntas frecuentes.", "en": "Frequent questions."}
    old = catalog.get("old-1")
    assert old.pricing.cached_input is None
    assert old.status == "retired"
    assert old.shutdown == date(2025, 6, 6)
    assert old.replacement == "luna-1"
    assert old.recommended is None
    assert old.notes == "Retired."
    assert catalog.get("sol-1").shutdown is None
    assert catalog.minimum_top_up == 5
    assert catalog.billing.verified == date(2026, 11, 22)
    assert catalog.get("nope") is None


# ---------------------------------------------------------- broken catalogs


def _missing_output(data):
    del model(data, "luna-1")["pricing"]["output"]


def _context_window_text(data):
    model(data, "luna-1")["context_window"] = "many"


def _negative_price(data):
    model(data, "luna-1")["pricing"]["input"] = -0.5


def _price_text(data):
    model(data, "luna-1")["pricing"]["output"] = "cheap"


def _cached_price_text(data):
    model(data, "luna-1")["pricing"]["cached_input"] = "cheap"


def _good_for_without_en(data):
    del model(data, "luna-1")["good_for"]["en"]


def _unknown_status(data):
    model(data, "luna-1")["lifecycle"]["status"] = "sunset"


def _verified_words(data):
    model(data, "luna-1")["verified"] = "last week"


def _retired_without_replacement(data):
    del model(data, "old-1")["lifecycle"]["replacement"]


def _unknown_field(data):
    model(data, "luna-1")["speed"] = "fast"


SCHEMA_CASES = [
    (_missing_output, "luna-1", "pricing.output", "is missing"),
    (_context_window_text, "luna-1", "context_window", "expected a whole number"),
    (_negative_price, "luna-1", "pricing.input", "at least 0"),
    (_price_text, "luna-1", "pricing.output", "expected a number"),
    (_cached_price_text, "luna-1", "pricing.cached_input", "expected a number"),
    (_good_for_without_en, "luna-1", "good_for.en", "is missing"),
    (_unknown_status, "luna-1", "lifecycle.status", "sunset"),
    (_verified_words, "luna-1", "verified", "YYYY-MM-DD"),
    (_retired_without_replacement, "old-1", "lifecycle.replacement", "is missing"),
]


@pytest.mark.parametrize(
    ("breakage", "entry", "field", "expected"),
    SCHEMA_CASES,
    ids=[case[0].__name__.lstrip("_") for case in SCHEMA_CASES],
)
def test_schema_problem_names_file_entry_and_field(data_dir, breakage, entry, field, expected):
    data = valid_catalog()
    breakage(data)

    message = load_error(write(data_dir, data))

    assert message.count("\n") == 0, message
    assert re.match(rf"{SHOWN_AS}:\d+: model '{entry}', field {re.escape(field)} ", message)
    assert expected in message


def test_unknown_field_is_named(data_dir):
    data = valid_catalog()
    _unknown_field(data)
    message = load_error(write(data_dir, data))
    line = line_of(data_dir, "speed: fast")
    assert message == f"{SHOWN_AS}:{line}: model 'luna-1': unknown field(s) speed"


def test_unknown_status_lists_allowed_ones(data_dir):
    data = valid_catalog()
    _unknown_status(data)
    message = load_error(write(data_dir, data))
    assert "expected one of current, deprecated, retired" in message


def test_every_problem_gets_its_own_line(data_dir):
    data = valid_catalog()
    _missing_output(data)
    model(data, "sol-1")["context_window"] = "many"
    lines = load_error(write(data_dir, data)).splitlines()
    assert len(lines) == 2
    assert any("model 'sol-1', field context_window" in line for line in lines)
    assert any("model 'luna-1', field pricing.output is missing" in line for line in lines)


@pytest.mark.parametrize("bad_date", ["2026-13-45", "2026-02-30"])
def test_verified_that_is_not_a_real_date(data_dir, bad_date):
    # Written unquoted, as an editor would: YAML takes it for a timestamp.
    text = yaml.safe_dump(valid_catalog(), sort_keys=False).replace("2026-11-21", bad_date)
    assert f"verified: {bad_date}\n" in text

    message = load_error(write(data_dir, text=text))

    line = line_of(data_dir, f"verified: {bad_date}")
    assert f"{SHOWN_AS}:{line}: model 'luna-1', field verified is \"{bad_date}\"" in message
    assert "expected a date written YYYY-MM-DD" in message


def test_duplicate_id(data_dir):
    data = valid_catalog()
    model(data, "old-1")["id"] = "sol-1"

    message = load_error(write(data_dir, data))

    line = line_of(data_dir, "id: sol-1", occurrence=2)
    assert f"{SHOWN_AS}:{line}: model 'sol-1', field id is used twice" in message


def test_replacement_not_in_catalog(data_dir):
    data = valid_catalog()
    model(data, "old-1")["lifecycle"]["replacement"] = "ghost-9"

    message = load_error(write(data_dir, data))

    line = line_of(data_dir, "replacement: ghost-9")
    assert f"{SHOWN_AS}:{line}: model 'old-1', field lifecycle.replacement is 'ghost-9'" in message
    assert "expected the id of a model in the catalog" in message


def test_replacement_that_is_itself_retired(data_dir):
    data = valid_catalog()
    retired_too = {**model(data, "old-1"), "id": "old-2"}
    retired_too["lifecycle"] = {**retired_too["lifecycle"], "replacement": "old-1"}
    data["models"].append(retired_too)

    message = load_error(write(data_dir, data))

    assert message.count("\n") == 0, message
    line = line_of(data_dir, "replacement: old-1")
    assert f"{SHOWN_AS}:{line}: model 'old-2', field lifecycle.replacement is 'old-1'" in message
    assert "which is retired on " in message and message.endswith("expected a current model")


def test_a_recommended_model_that_retires_hands_over_to_its_replacement(data_dir):
    data = valid_catalog()
    del model(data, "sol-1")["recommended"]
    model(data, "old-1")["recommended"] = "quality"

    catalog = load_catalog(write(data_dir, data), date(2026, 12, 1))

    assert catalog.pick("quality", date(2026, 12, 1)).id == "luna-1"


def test_yaml_syntax_error_gives_the_line(data_dir):
    lines = yaml.safe_dump(valid_catalog(), sort_keys=False).splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if "name: Sol 1" in line)
    lines[number - 1] += ": oops"  # "mapping values are not allowed here"

    message = load_error(write(data_dir, text="\n".join(lines) + "\n"))

    assert message.startswith(f"{SHOWN_AS}:{number}:")
    assert "YAML syntax error" in message
    assert message.count("\n") == 0


@pytest.mark.parametrize("text", ["", "\n", "# only a comment\n"])
def test_empty_file(data_dir, text):
    message = load_error(write(data_dir, text=text))
    assert message == f"{SHOWN_AS} is empty"


def test_missing_file(data_dir):
    with pytest.raises(ContentError, match=r"^data/models\.yml is missing$"):
        load_catalog(data_dir)


def test_file_that_is_not_utf8(data_dir):
    write(data_dir, valid_catalog())
    text = (data_dir / "models.yml").read_text("utf-8")
    assert "está" in text
    (data_dir / "models.yml").write_bytes(text.encode("latin-1"))

    message = load_error(data_dir)

    assert "is not UTF-8 text" in message
    assert f"byte 0xe1 at offset {text.index('á')}" in message
    assert "save it as UTF-8" in message


def test_top_level_that_is_not_a_mapping(data_dir):
    message = load_error(write(data_dir, text="- just\n- a list\n"))
    assert "expected a mapping of fields" in message


# -------------------------------------------------------------- models.json


def test_catalog_json_keeps_the_data_and_exact_prices(data_dir):
    data = valid_catalog()
    for entry in data["models"]:
        entry["lifecycle"].pop("status")  # models.json derives it
    catalog = load_catalog(write(data_dir, data), date(2026, 12, 20))

    text = catalog_json(catalog)

    assert text.endswith("\n")
    assert '"cached_input": 0.025' in text
    assert "0.025000" not in text
    published = json.loads(text, parse_float=Decimal)
    assert published.pop("as_of") == "2026-12-20"
    assert [entry["lifecycle"]["status"] for entry in published["models"]] == [
        "current",
        "current",
        "retired",
    ]
    assert published["models"][2]["lifecycle"]["shutdown"] == "2025-06-06"
    assert published["billing"] == catalog.raw["billing"]
    luna = next(entry for entry in published["models"] if entry["id"] == "luna-1")
    assert luna["pricing"]["cached_input"] == Decimal("0.025")
    assert luna["verified"] == "2026-11-21"
    assert published["models"][2]["pricing"]["cached_input"] is None


def test_a_price_with_more_digits_than_a_table_shows_is_refused_naming_model_and_field(data_dir):
    text = yaml.safe_dump(valid_catalog(), sort_keys=False).replace(
        "0.025", "0.12345678901234567891"
    )

    message = load_error(write(data_dir, text=text))

    assert message == (
        f"{SHOWN_AS}:{line_of(data_dir, '0.12345678901234567891')}: model 'luna-1', field "
        "pricing.cached_input is 0.12345678901234567891; "
        "expected at most 6 decimal places"
    )


# ---------------------------------------------------------- picks and usable_on


def soon_shut(
    data: dict,
    model_id: str,
    shutdown: date,
    replacement: str | None,
    announced: date = date(2026, 11, 10),
) -> None:
    """Announce (on ``announced``) that ``model_id`` shuts down on ``shutdown``."""
    lifecycle = model(data, model_id)["lifecycle"]
    lifecycle.pop("status", None)
    lifecycle["announced"] = announced
    lifecycle["shutdown"] = shutdown
    lifecycle["sources"] = {
        "announced": "https://example.com/n",
        "shutdown": "https://example.com/n",
    }
    if replacement:
        lifecycle["replacement"] = replacement


def test_pick_returns_the_recommended_model(data_dir):
    catalog = load_catalog(write(data_dir, valid_catalog()))
    assert catalog.pick("quality", date(2026, 11, 22)).id == "sol-1"
    assert catalog.pick("economy", date(2026, 11, 22)).id == "luna-1"


def test_pick_moves_to_the_replacement_once_deprecated(data_dir):
    data = valid_catalog()
    soon_shut(data, "sol-1", date(2027, 3, 14), "luna-1")
    catalog = load_catalog(write(data_dir, data), date(2026, 11, 1))

    assert catalog.pick("quality", date(2026, 11, 9)).id == "sol-1"  # not announced yet
    assert catalog.pick("quality", date(2026, 11, 10)).id == "luna-1"  # announced that day


def test_pick_moves_to_the_replacement_within_60_days_even_before_the_announcement(data_dir):
    data = valid_catalog()
    soon_shut(data, "sol-1", date(2027, 1, 14), "luna-1", announced=date(2026, 12, 1))
    catalog = load_catalog(write(data_dir, data), date(2026, 11, 1))

    assert catalog.pick("quality", date(2026, 11, 1)).id == "sol-1"  # 74 days ahead
    assert catalog.pick("quality", date(2026, 11, 22)).id == "luna-1"  # 53 days ahead


@pytest.mark.parametrize("replacement", [None, "luna-1"])
def test_pick_fails_when_neither_is_usable(data_dir, replacement):
    data = valid_catalog()
    soon_shut(data, "sol-1", date(2027, 1, 14), replacement)
    soon_shut(data, "luna-1", date(2027, 1, 1), None)
    catalog = load_catalog(write(data_dir, data), date(2026, 11, 1))

    with pytest.raises(ContentError) as caught:
        catalog.pick("quality", date(2026, 11, 22))

    message = str(caught.value)
    assert message.startswith(f"{SHOWN_AS}: model 'sol-1', field recommended")
    assert "recommend a current model" in message


def test_pick_fails_when_nobody_has_the_role(data_dir):
    data = valid_catalog()
    del model(data, "luna-1")["recommended"]
    catalog = load_catalog(write(data_dir, data))

    with pytest.raises(ContentError, match=r"^data/models\.yml: no model has recommended: economy"):
        catalog.pick("economy", date(2026, 11, 22))


def test_usable_on(data_dir):
    data = valid_catalog()
    soon_shut(data, "sol-1", date(2027, 1, 14), "luna-1", announced=date(2026, 12, 1))
    catalog = load_catalog(write(data_dir, data), date(2026, 11, 1))
    sol, luna, old = (catalog.get(i) for i in ("sol-1", "luna-1", "old-1"))

    assert luna.usable_on(date(2026, 11, 22))
    assert luna.usable_on(date(2099, 1, 1))  # no shutdown date
    assert not old.usable_on(date(2025, 6, 6))  # its shutdown day
    assert sol.usable_on(date(2026, 11, 14))  # shutdown 61 days ahead
    assert not sol.usable_on(date(2026, 11, 15))  # exactly 60 days ahead
    assert not sol.usable_on(date(2026, 12, 1))  # deprecated from the announcement
    assert not sol.usable_on(date(2027, 1, 14))


# ------------------------------------------------------- odd values and keys


def test_replacement_that_is_deprecated(data_dir):
    data = valid_catalog()
    model(data, "luna-1")["lifecycle"] = {
        "announced": "2026-10-01",
        "replacement": "sol-1",
        "sources": {"announced": "https://example.com/notice"},
    }
    model(data, "luna-1").pop("recommended")
    model(data, "old-1")["lifecycle"]["replacement"] = "luna-1"

    write(data_dir, data)
    with pytest.raises(ContentError) as caught:
        load_catalog(data_dir, date(2026, 12, 1))

    assert (
        "model 'old-1', field lifecycle.replacement is 'luna-1', which is deprecated on 2026-12-01"
        in str(caught.value)
    )
    assert load_catalog(data_dir, date(2026, 9, 30)).get("luna-1").status == "current"


def test_replacement_naming_the_model_itself(data_dir):
    data = valid_catalog()
    model(data, "old-1")["lifecycle"]["replacement"] = "old-1"

    message = load_error(write(data_dir, data))

    assert "model 'old-1', field lifecycle.replacement names the model itself" in message


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_a_price_that_is_not_a_finite_number(data_dir, value):
    text = yaml.safe_dump(valid_catalog(), sort_keys=False).replace(
        "input: 2.0", f"input: {value}", 1
    )

    message = load_error(write(data_dir, text=text))

    assert "model 'sol-1', field pricing.input" in message and "expected a number" in message


def test_a_key_that_is_not_text_is_named_without_a_traceback(data_dir):
    text = yaml.safe_dump(valid_catalog(), sort_keys=False).replace(
        "  good_for:\n", "  good_for:\n    no: x\n", 1
    )
    assert "no: x" in text

    message = load_error(write(data_dir, text=text))

    assert message == (
        f"{SHOWN_AS}:{line_of(data_dir, 'good_for:')}: model 'sol-1', field good_for has the "
        "key false; expected a language code "
        "such as es or pt-BR (in quotes when YAML reads it otherwise, as 'no' or 'on')"
    )


def test_an_explicit_tag_with_a_bad_value_is_reported(data_dir):
    text = yaml.safe_dump(valid_catalog(), sort_keys=False).replace(
        "name: Sol 1", "name: !!int abc", 1
    )

    message = load_error(write(data_dir, text=text))

    assert "a value cannot be read" in message


# ---------------------------------------------------------------- cache_write


def test_a_cache_write_price_is_optional_and_exact(data_dir):
    data = valid_catalog()
    model(data, "sol-1")["pricing"]["cache_write"] = 2.5
    catalog = load_catalog(write(data_dir, data))
    assert catalog.get("sol-1").pricing.cache_write == Decimal("2.5")
    assert str(catalog.get("sol-1").pricing.cache_write) == "2.5"
    assert catalog.get("luna-1").pricing.cache_write is None
    published = json.loads(catalog_json(catalog), parse_float=Decimal)
    assert published["models"][0]["pricing"]["cache_write"] == Decimal("2.5")
    assert "cache_write" not in published["models"][1]["pricing"]


def test_a_negative_cache_write_price_is_refused_naming_the_field(data_dir):
    data = valid_catalog()
    model(data, "sol-1")["pricing"]["cache_write"] = -1.25
    message = load_error(write(data_dir, data))
    assert message == (
        f"{SHOWN_AS}:{line_of(data_dir, 'cache_write: -1.25')}: model 'sol-1', field "
        "pricing.cache_write is -1.25; expected a number of at least 0 (or null)"
    )


def _history(data, last: dict) -> None:
    entry = model(data, "sol-1")
    entry["pricing"]["cache_write"] = 2.5
    entry["price_history"] = [
        {"from": "2026-01-01", "input": 3.0, "cached_input": 0.3, "output": 12.0, "source": "a"},
        {"from": "2026-06-01", "input": 2.0, "cached_input": 0.1, "output": 10.0, "source": "b"}
        | last,
    ]


def test_a_last_price_record_without_cache_write_leaves_it_unrecorded(data_dir):
    data = valid_catalog()
    _history(data, {})
    history = load_catalog(write(data_dir, data)).get("sol-1").price_history
    assert [point.pricing.cache_write for point in history] == [None, None]


def test_a_last_price_record_with_another_cache_write_differs_from_pricing(data_dir):
    data = valid_catalog()
    _history(data, {"cache_write": 3.75})
    message = load_error(write(data_dir, data))
    assert message == (
        f"{SHOWN_AS}:{line_of(data_dir, 'price_history:')}: model 'sol-1', field price_history: "
        "the last record (from 2026-06-01) differs from pricing; expected the latest price to "
        "be the one in pricing"
    )


@pytest.mark.parametrize("other_form", ["2026-W48-3", "20261122"])
def test_a_date_in_another_iso_form_is_refused(data_dir, other_form):
    data = valid_catalog()
    model(data, "luna-1")["verified"] = other_form  # a text: dumped in quotes
    message = load_error(write(data_dir, data))
    assert message == (
        f"{SHOWN_AS}:{line_of(data_dir, other_form)}: model 'luna-1', field verified is "
        f'"{other_form}"; expected a date written YYYY-MM-DD'
    )


def test_a_known_difference_whose_value_is_a_long_text_is_refused(data_dir):
    data = valid_catalog()
    model(data, "sol-1")["known_differences"] = [
        {"field": "shutdown", "theirs": "t" * 1001, "reason": "Ours is the notice's date."}
    ]
    message = load_error(write(data_dir, data))
    assert message == (
        f"{SHOWN_AS}:{line_of(data_dir, 'theirs: ' + 't' * 1001)}: model 'sol-1', field "
        "known_differences item 1.theirs has 1,001 characters; expected at most 1,000"
    )


# ------------------------------------------------- facts as the sources give them


def test_the_catalog_has_gpt_6_2_astra_and_sol_cache_writes_as_genai_prices_0_2_5_gives_them():
    # genai-prices 0.2.5 and LiteLLM 1.110.2, read on 2026-12-06
    catalog = load_catalog(Path(__file__).parent.parent / "data", date(2026, 12, 6))
    astra = catalog.get("gpt-6.2-astra")
    assert (astra.name, astra.status, astra.lifecycle.released) == (
        "GPT-6.2 Astra",
        "current",
        date(2026, 11, 17),
    )
    assert (
        astra.pricing.input,
        astra.pricing.cached_input,
        astra.pricing.output,
        astra.pricing.cache_write,
    ) == (Decimal("8"), Decimal("0.4"), Decimal("40"), Decimal("10"))
    assert (astra.context_window, astra.max_output_tokens) == (1050000, 128000)
    assert catalog.get("gpt-6.1-sol").pricing.cache_write == Decimal("2.5")
    assert catalog.get("gpt-6.2-sol").pricing.cache_write == Decimal("2.5")


def _disagreement(followed: date) -> dict:
    return {
        "field": "shutdown",
        "value_followed": followed,
        "other_value": "2025-09-13",
        "other_source": "https://example.com/other",
        "reason": {"es": "El aviso original.", "en": "The original notice."},
    }


def test_a_disagreement_keeps_both_values_and_the_one_followed(data_dir):
    data = valid_catalog()
    model(data, "old-1")["disagreements"] = [_disagreement(date(2025, 6, 6))]
    write(data_dir, data)
    (kept,) = load_catalog(data_dir, date(2026, 12, 6)).get("old-1").disagreements
    assert (kept.value_followed, kept.other_value) == (date(2025, 6, 6), "2025-09-13")
    assert kept.reason["en"] == "The original notice."


def test_a_disagreement_whose_followed_value_is_not_the_catalogs_is_refused(data_dir):
    data = valid_catalog()
    model(data, "old-1")["disagreements"] = [_disagreement(date(2025, 9, 13))]
    write(data_dir, data)
    assert load_error(data_dir) == (
        f"{SHOWN_AS}:{line_of(data_dir, 'value_followed')}: model 'old-1', field "
        "disagreements item 1.value_followed is 2025-09-13, but lifecycle.shutdown is 2025-06-06; "
        "expected the value the site follows"
    )


@pytest.mark.parametrize("other", ["13 September 2024", "2024-9-13", ""])
def test_a_disagreements_other_value_is_a_date_or_none(data_dir, other):
    data = valid_catalog()
    model(data, "old-1")["disagreements"] = [
        {**_disagreement(date(2025, 6, 6)), "other_value": other}
    ]
    write(data_dir, data)
    assert "model 'old-1', field disagreements item 1.other_value " in load_error(data_dir)


@pytest.mark.parametrize(
    ("language", "locale", "expected"),
    [
        (
            "es",
            "es_419",
            "*Las fuentes difieren sobre la fecha de retiro de GPT-3.5 Turbo 16k: seguimos 13 de "
            "junio de 2024; [developers.openai.com/api/docs/deprecations](https://developers."
            "openai.com/api/docs/deprecations) indica 13 de septiembre de 2024. Es la fecha",
        ),
        (
            "en",
            "en_US",
            "*Sources disagree on the shutdown date of GPT-3.5 Turbo 16k: we follow June 13, "
            "2024; [developers.openai.com/api/docs/deprecations](https://developers.openai.com/"
            "api/docs/deprecations) gives September 13, 2024. It is the date",
        ),
        (
            "pt",
            "pt_BR",
            "*As fontes divergem sobre a data de desativação do GPT-3.5 Turbo 16k: seguimos 13 de "
            "junho de 2024; [developers.openai.com/api/docs/deprecations](https://developers."
            "openai.com/api/docs/deprecations) informa 13 de setembro de 2024. É a data",
        ),
    ],
)
def test_the_legacy_table_says_in_one_line_where_sources_disagree(language, locale, expected):
    from helpcenter.pages.pricing import ModelText

    day = date(2026, 12, 6)
    catalog = load_catalog(Path(__file__).parent.parent / "data", day)
    table = ModelText(catalog, language, locale, day).table("legacy", "models.md")
    lines = [line for line in table.splitlines() if "GPT-3.5 Turbo 16k:" in line]
    assert len(lines) == 1
    assert lines[0].startswith(expected)
    alias = [line for line in table.splitlines() if "GPT-5 mini:" in line]
    assert len(alias) == 1
    assert {"es": "que no tiene fecha", "en": "gives no date", "pt": "que não tem data"}[
        language
    ] in alias[0]


def test_a_model_released_after_the_day_is_not_in_the_catalog_of_that_day(data_dir):
    data = valid_catalog()
    model(data, "sol-1")["lifecycle"] = {
        "released": date(2026, 12, 15),
        "sources": {"released": "https://example.com/sol-1"},
    }
    model(data, "sol-1")["recommended"] = None
    model(data, "luna-1")["recommended"] = "quality"
    write(data_dir, data)
    before = load_catalog(data_dir, date(2026, 12, 14))
    assert before.get("sol-1") is None
    assert [entry["id"] for entry in json.loads(catalog_json(before))["models"]] == [
        "luna-1",
        "old-1",
    ]
    assert load_catalog(data_dir, date(2026, 12, 15)).get("sol-1") is not None


def test_a_replacement_not_yet_released_is_refused(data_dir):
    data = valid_catalog()
    model(data, "luna-1")["lifecycle"] = {
        "released": date(2027, 1, 5),
        "sources": {"released": "https://example.com/luna-1"},
    }
    model(data, "luna-1")["recommended"] = None
    write(data_dir, data)
    assert (
        "model 'old-1', field lifecycle.replacement is 'luna-1', which OpenAI releases only on "
        "2027-01-05; expected a model out on 2026-12-06"
    ) in load_error_on(data_dir, date(2026, 12, 6))


def load_error_on(data_dir: Path, day: date) -> str:
    with pytest.raises(ContentError) as caught:
        load_catalog(data_dir, day)
    return str(caught.value)


# ------------------------------------------------------------ service tiers


def test_service_tiers_are_dated_facts_as_genai_prices_0_2_5_gives_them():
    # genai-prices 0.2.5, read 2026-12-06: fast (formerly priority) 2x, ultrafast 3x through
    # 2027-02-28 and 6x from 2027-03-01, batch 0.5x, flex 0.5x where OpenAI publishes it
    catalog = load_catalog(Path(__file__).parent.parent / "data", date(2026, 12, 6))
    tiers = {tier.id: tier for tier in catalog.billing.service_tiers}
    assert list(tiers) == ["fast", "ultrafast", "batch", "flex"]
    assert tiers["fast"].formerly == "Priority"
    on = {
        day: {
            tier_id: tier.multiplier_on(date.fromisoformat(day)) for tier_id, tier in tiers.items()
        }
        for day in ("2026-12-06", "2027-02-28", "2027-03-01")
    }
    assert on["2026-12-06"] == {
        "fast": Decimal("2"),
        "ultrafast": Decimal("3"),
        "batch": Decimal("0.5"),
        "flex": Decimal("0.5"),
    }
    assert on["2027-02-28"]["ultrafast"] == Decimal("3")
    assert on["2027-03-01"]["ultrafast"] == Decimal("6")
    assert tiers["ultrafast"].applies_to == ("gpt-6.2-astra", "gpt-6.2-sol")
    assert "gpt-6.2-astra" not in tiers["flex"].applies_to  # no Flex rate published
    assert "gpt-4.1" not in tiers["fast"].applies_to  # its own rate, 1.75x


def test_a_service_tier_naming_an_unknown_model_is_refused(data_dir):
    data = valid_catalog()
    data["billing"]["service_tiers"] = [
        {
            "id": "fast",
            "name": "Fast",
            "rates": [{"multiplier": 2}],
            "applies_to": ["sol-1", "sol-9"],
            "note": {"es": "Más rápido.", "en": "Faster."},
            "source": "https://example.com/pricing",
            "verified": date(2026, 12, 6),
        }
    ]
    write(data_dir, data)
    assert load_error(data_dir).endswith(
        "service tier 'fast', field applies_to names 'sol-9'; expected the id of a model in the "
        "catalog"
    )


@pytest.mark.parametrize(
    ("language", "locale", "day", "ultrafast"),
    [
        (
            "es",
            "es_419",
            date(2026, 12, 6),
            "3 × el precio estándar hasta el 28 de febrero de 2027; "
            "6 × el precio estándar desde el 1 de marzo de 2027",
        ),
        ("en", "en_US", date(2027, 3, 1), "6 × the standard price"),
        (
            "pt",
            "pt_BR",
            date(2026, 12, 6),
            "3 × o preço padrão até 28 de fevereiro de 2027; "
            "6 × o preço padrão a partir de 1 de março de 2027",
        ),
    ],
)
def test_the_tier_table_gives_the_multipliers_of_the_day(language, locale, day, ultrafast):
    from helpcenter.pages.pricing import ModelText

    catalog = load_catalog(Path(__file__).parent.parent / "data", day)
    table = ModelText(catalog, language, locale, day).table("tiers", "models.md")
    row = next(line for line in table.splitlines() if "<code>ultrafast</code>" in line)
    assert row.split(" | ")[1] == ultrafast
