"""The cost estimator's reference arithmetic (helpcenter.tools.estimate), computed by hand.

Prices of the catalog's current models, US$ per 1M tokens (input / cached input / output):
GPT-6 Luna 0.10 / 0.01 / 0.50, GPT-6.1 Terra 1 / 0.05 / 5, GPT-6.2 Sol and GPT-6.1 Sol
2 / 0.10 / 10, GPT-5.2 1.75 / 0.175 / 14, GPT-6 Astra 10 / 1 / 50, all reasoning models.
Cache writes: Luna 0.125, Terra 1.25, GPT-6.2 Sol 2.50, Astra 12.50 (GPT-6.1 Sol and GPT-5.2
have none). Being retired on 2026-11-22: GPT-5 mini and nano (2026-12-11), GPT-4.1, GPT-4o
(2.50 / 1.25 / 10, no reasoning), GPT-4.1 mini and GPT-4o mini (2027-01-14). Minimum top-up
US$5.

The rounding and ordering tests use the catalog without its cache-write prices (``catalog``),
so that their arithmetic stays short; ``real`` is the catalog as it is.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from helpcenter.catalog import models
from helpcenter.pages import estimator_form
from helpcenter.problems import ContentError
from helpcenter.tools import estimate as est
from support import LOCALES, ROOT

TODAY = date(2026, 11, 22)
DEFAULT = {
    "conversations": 1000,
    "messages": 8,
    "input_tokens": 1500,
    "output_tokens": 150,
    "cached_share": 50,
    "reasoning_tokens": 0,
}


@pytest.fixture(scope="module")
def real():
    return models.load_catalog(ROOT / "data")


@pytest.fixture(scope="module")
def catalog(real):
    return dataclasses.replace(
        real,
        models=tuple(
            dataclasses.replace(m, pricing=dataclasses.replace(m.pricing, cache_write=None))
            for m in real.models
        ),
    )


def run(catalog, model_id="gpt-6-luna", **values):
    return est.estimate(catalog, model_id, **{**DEFAULT, **values}, day=TODAY)


def with_prices(catalog, model_id, **prices):
    models_ = tuple(
        dataclasses.replace(m, pricing=dataclasses.replace(m.pricing, **prices))
        if m.id == model_id
        else m
        for m in catalog.models
    )
    return dataclasses.replace(catalog, models=models_)


def test_the_form_lists_recommended_picks_first_then_the_others_by_input_price(catalog):
    listed = est.choices(catalog, TODAY)
    assert [(c.model.id, c.role) for c in listed] == [
        ("gpt-6.1-terra", "quality"),
        ("gpt-6-luna", "economy"),
        ("gpt-5.2", None),  # 1.75
        ("gpt-6.2-sol", None),  # 2.00, before 6.1 Sol as in the catalog
        ("gpt-6.1-sol", None),  # 2.00
        ("gpt-6.2-astra", None),  # 8.00
        ("gpt-6-astra", None),  # 10.00
        ("gpt-5-mini", None),  # being retired, by shutdown: 2026-12-11
        ("gpt-5-nano", None),
        ("gpt-4.1", None),  # 2027-01-14, in catalog order
        ("gpt-4o", None),
        ("gpt-4.1-mini", None),
        ("gpt-4o-mini", None),
    ]
    assert [c.retiring for c in listed] == [False] * 7 + [True] * 6


def test_the_default_volume_on_luna(catalog):
    # per message: (1,500 × (50 × 0.10 + 50 × 0.01) + 100 × 150 × 0.50) ÷ 10^8 = 0.0001575
    result = run(catalog)
    assert result.cost.per_message == Decimal("0.0001575")
    assert result.cost.per_conversation_exact == Decimal("0.00126")
    assert result.cost.monthly_exact == Decimal("1.26")
    assert result.monthly == Decimal("1.26")
    assert result.per_conversation == Decimal("0.0013")  # under a cent: four decimals
    assert result.days == Decimal("119.0")  # 5 × 30 ÷ 1.26 = 119.04…
    shown = est.display(result, "es_419")
    assert (shown.monthly, shown.per_conversation, shown.days) == (
        "US$1.26",
        "US$0.0013",
        "119 días",
    )
    shown = est.display(result, "en-US")
    assert (shown.monthly, shown.per_conversation, shown.days) == (
        "US$1.26",
        "US$0.0013",
        "119 days",
    )


def test_the_default_volume_on_terra_rounds_days_down(catalog):
    # per message: (1,500 × 52.5 + 75,000) ÷ 10^8 = 0.0015375; a conversation 0.0123
    result = run(catalog, "gpt-6.1-terra")
    assert result.monthly == Decimal("12.30")
    assert result.per_conversation == Decimal("0.01")  # a cent or more: cents
    assert result.days == Decimal("12.1")  # 150 ÷ 12.30 = 12.195…, down, not to 12.2
    shown = est.display(result, "en_US")
    assert (shown.monthly, shown.per_conversation, shown.days) == (
        "US$12.30",
        "US$0.01",
        "12.1 days",
    )


def test_the_comparison_is_every_current_model_cheapest_first(catalog):
    result = run(catalog, "gpt-6.1-terra")
    assert [(c.model.id, c.monthly, c.per_conversation) for c in result.comparison] == [
        ("gpt-6-luna", Decimal("1.26"), Decimal("0.0013")),
        ("gpt-6.1-terra", Decimal("12.30"), Decimal("0.01")),
        ("gpt-6.2-sol", Decimal("24.60"), Decimal("0.02")),  # equal costs keep the form's order
        ("gpt-6.1-sol", Decimal("24.60"), Decimal("0.02")),
        ("gpt-5.2", Decimal("28.35"), Decimal("0.03")),  # 0.02835 per conversation
        # 8 × (1,500 × (50 × 8 + 50 × 0.40) ÷ 100 + 150 × 40) ÷ 10^6 = 0.0984
        ("gpt-6.2-astra", Decimal("98.40"), Decimal("0.10")),
        ("gpt-6-astra", Decimal("126.00"), Decimal("0.13")),  # 0.126
    ]
    shown = est.display(result, "es_419").comparison
    assert [row.chosen for row in shown] == [False, True, False, False, False, False, False]
    assert shown[0] == est.ShownCost("gpt-6-luna", "GPT-6 Luna", "US$1.26", "US$0.0013", False)
    current = {m.id for m in catalog.models if m.status == "current"}
    assert {c.model.id for c in result.comparison} == current


def test_amounts_round_half_up(catalog):
    # 50 messages of 1,000 uncached input tokens on Luna: 50 × 0.0001 = 0.005
    result = run(
        catalog, conversations=50, messages=1, input_tokens=1000, output_tokens=0, cached_share=0
    )
    assert result.monthly == Decimal("0.0050")  # under a cent: four decimals, not US$0.01
    assert result.per_conversation == Decimal("0.0001")
    # one message of 500 tokens: 0.00005 per conversation, half up to 0.0001
    result = run(
        catalog, conversations=1, messages=1, input_tokens=500, output_tokens=0, cached_share=0
    )
    assert result.per_conversation == Decimal("0.0001")
    assert result.monthly == Decimal("0.0001")  # half up at four decimals, not US$0.00
    assert result.days == Decimal("3000000.0")  # 150 ÷ 0.00005
    assert est.display(result, "es_419").days == "3,000,000 días"


def test_a_month_under_a_cent_shows_what_it_costs(catalog):
    # 30 messages of 1,000 uncached input tokens on Luna: 30 × 0.0001 = 0.003
    result = run(
        catalog, conversations=30, messages=1, input_tokens=1000, output_tokens=0, cached_share=0
    )
    assert est.display(result, "en_US").monthly == "US$0.0030"
    assert est.display(result, "es_419").comparison[0].monthly == "US$0.0030"


def test_cost_per_conversation_below_a_twentieth_of_a_cent_reads_zero_cents(catalog):
    result = run(
        catalog, conversations=1, messages=1, input_tokens=400, output_tokens=0, cached_share=0
    )  # 0.00004
    assert result.per_conversation == Decimal("0.00")
    assert est.display(result, "en_US").per_conversation == "US$0.00"


def test_cost_per_conversation_just_under_a_cent_reads_in_cents(catalog):
    # 19,920 output tokens on Luna: 0.00996, which is 0.0100 at four decimals
    result = run(
        catalog, conversations=1, messages=1, input_tokens=0, output_tokens=19_920, cached_share=0
    )
    assert result.cost.per_conversation_exact == Decimal("0.00996")
    assert result.per_conversation == Decimal("0.01")
    assert est.display(result, "en_US").per_conversation == "US$0.01"


def test_no_conversations_cost_nothing_and_the_credit_never_runs_out(catalog):
    result = run(catalog, conversations=0)
    assert result.monthly == Decimal("0.00")
    assert result.per_conversation == Decimal("0.0013")  # still what one conversation costs
    assert result.days is None
    assert [c.model.id for c in result.comparison][:2] == ["gpt-6-luna", "gpt-6.1-terra"]
    assert est.display(result, "es_419").days == "No se agota: el costo es cero"
    assert est.display(result, "en_US").monthly == "US$0.00"


def test_no_messages_keep_the_comparison_in_price_order(catalog):
    result = run(catalog, "gpt-6-astra", messages=0)
    assert result.monthly == 0 and result.days is None
    assert result.comparison[0].model.id == "gpt-6-luna"
    assert result.comparison[-1].model.id == "gpt-6-astra"


def test_everything_served_from_cache(catalog):
    # (1,500 × 100 × 0.01 + 100 × 150 × 0.50) ÷ 10^8 = 0.00009 per message
    result = run(catalog, cached_share=100)
    assert result.cost.per_message == Decimal("0.00009")
    assert result.monthly == Decimal("0.72")
    assert result.per_conversation == Decimal("0.0007")  # 0.00072
    assert result.days == Decimal("208.3")  # 150 ÷ 0.72 = 208.33…


def test_a_model_without_a_cached_price_bills_cached_tokens_as_input(catalog):
    no_cache = with_prices(catalog, "gpt-6-luna", cached_input=None)
    # (1,500 × 100 × 0.10 + 7,500) ÷ 10^8 = 0.000225 per message, whatever is cached
    for share in (0, 50, 100):
        result = est.estimate(no_cache, "gpt-6-luna", 1000, 8, 1500, 150, share, 0, day=TODAY)
        assert result.cost.per_message == Decimal("0.000225")
        assert result.monthly == Decimal("1.80")


def test_one_day_is_singular_and_less_than_a_tenth_says_so(catalog):
    # 1,500,000 messages of 1,000 uncached tokens on Luna: US$150 a month, US$5 a day
    result = run(
        catalog,
        conversations=150_000,
        messages=10,
        input_tokens=1000,
        output_tokens=0,
        cached_share=0,
    )
    assert result.monthly == Decimal("150.00") and result.days == Decimal("1.0")
    assert est.display(result, "es_419").days == "1 día"
    assert est.display(result, "en_US").days == "1 day"
    # a million conversations on Astra: US$157,500 a month; the credit lasts 0.00095 days
    result = run(catalog, "gpt-6-astra", conversations=1_000_000, messages=10)
    assert result.days == Decimal("0.0")
    shown = est.display(result, "en_US")
    assert shown.monthly == "US$157,500.00"
    assert shown.days == "Less than 0.1 days"
    assert est.display(result, "es_419").days == "Menos de 0.1 días"


def test_the_largest_volume_stays_exact(catalog):
    limits = {field.argument: field.maximum for field in est.FIELDS}
    result = est.estimate(catalog, "gpt-5.2", **{**limits, "cached_share": 33}, day=TODAY)
    per_message = (
        Decimal(2_000_000) * (67 * Decimal("1.75") + 33 * Decimal("0.175"))
        + 100 * (200_000 + 200_000) * 14  # reply and reasoning, both at their largest
    ) / 100_000_000
    assert result.cost.monthly_exact == per_message * 1000 * 100_000_000


@pytest.mark.parametrize(
    ("argument", "value"),
    [
        ("conversations", -1),
        ("messages", -8),
        ("input_tokens", -1500),
        ("output_tokens", -1),
        ("cached_share", -1),
        ("cached_share", 101),
        ("conversations", 100_000_001),
        ("conversations", 1.5),
        ("messages", "8"),
        ("input_tokens", True),
        ("output_tokens", None),
        ("reasoning_tokens", -1),
        ("reasoning_tokens", 200_001),
    ],
)
def test_inputs_must_be_whole_numbers_within_their_range(catalog, argument, value):
    with pytest.raises(ValueError, match=argument):
        run(catalog, **{argument: value})


@pytest.mark.parametrize("model_id", ["gpt-4", "gpt-3.5-turbo", "no-such-model"])
def test_a_model_already_shut_down_cannot_be_estimated(catalog, model_id):
    with pytest.raises(ValueError, match=model_id):
        run(catalog, model_id)


@pytest.mark.parametrize("field", ["input", "cached_input", "output", "cache_write"])
def test_prices_the_page_script_cannot_compute_exactly_cannot_be_built(catalog, field):
    """The page's script computes in millionths of a dollar; the catalog's shape refuses more."""
    with_prices(catalog, "gpt-6-luna", **{field: Decimal("0.123456")})
    with pytest.raises(ValidationError, match="decimal_places"):
        with_prices(catalog, "gpt-6-luna", **{field: Decimal("0.1234567")})


def test_the_marker_takes_no_arguments(catalog):
    with pytest.raises(
        ContentError, match=r"docs/en/models\.md: 'md:estimator' takes no arguments"
    ):
        estimator_form.render(catalog, "en", "en_US", TODAY, "docs/en/models.md", ["luna"])


def test_the_form_escapes_text_from_data(catalog):
    models_ = tuple(
        dataclasses.replace(m, name="<b>Luna</b> & co") if m.id == "gpt-6-luna" else m
        for m in catalog.models
    )
    html = estimator_form.render(
        dataclasses.replace(catalog, models=models_), "en", "en_US", TODAY, "docs/en/models.md"
    )
    assert "&lt;b&gt;Luna&lt;/b&gt; &amp; co (recommended if cost comes first)</option>" in html
    assert (
        "(shuts down on December 11, 2026; replacement: &lt;b&gt;Luna&lt;/b&gt; &amp; co)" in html
    )
    assert "<b>" not in html


def test_cache_misses_are_billed_at_the_cache_write_price_of_the_catalog(real):
    result = run(real, "gpt-6-luna")
    # (1,500 × (50 × 0.125 + 50 × 0.01) + 100 × 150 × 0.50) ÷ 10^8 = 0.00017625
    assert result.cost.per_message == Decimal("0.00017625")
    assert result.monthly == Decimal("1.41")  # 8,000 messages
    by_id = {cost.model.id: cost.per_message for cost in result.comparison}
    # Terra: (1,500 × (50 × 1.25 + 50 × 0.05) + 75,000) ÷ 10^8
    assert by_id["gpt-6.1-terra"] == Decimal("0.001725")
    # Both Sol models write at 2.50 (genai-prices 0.2.5, LiteLLM 1.110.2): the same cost
    assert by_id["gpt-6.2-sol"] == Decimal("0.00345")  # 1,500 × 130 + 150,000
    assert by_id["gpt-6.1-sol"] == Decimal("0.00345")
    # GPT-6.2 Astra: (1,500 × (50 × 10 + 50 × 0.40) + 100 × 150 × 40) ÷ 10^8 = 0.0138
    assert by_id["gpt-6.2-astra"] == Decimal("0.0138")


def test_with_everything_from_the_cache_nothing_is_written(real, catalog):
    for model_id in ("gpt-6-luna", "gpt-6-astra"):
        written = run(real, model_id, cached_share=100).cost.per_message
        assert written == run(catalog, model_id, cached_share=100).cost.per_message


def test_a_model_without_a_cached_price_writes_nothing_to_the_cache(real):
    no_cache = with_prices(real, "gpt-6-luna", cached_input=None)
    # every input token at 0.10, although Luna has a cache-write price
    assert run(no_cache, cached_share=0).cost.per_message == Decimal("0.000225")


def test_reasoning_tokens_are_billed_as_output_on_reasoning_models_only(catalog):
    thinking = run(catalog, "gpt-6-luna", reasoning_tokens=350)
    plain = run(catalog, "gpt-6-luna")
    assert thinking.cost.per_message - plain.cost.per_message == Decimal("0.000175")  # 350 × 0.5
    # GPT-4o has no reasoning: (1,500 × (50 × 2.50 + 50 × 1.25) + 100 × 150 × 10) ÷ 10^8
    for reasoning in (0, 350, 200_000):
        gpt_4o = run(catalog, "gpt-4o", reasoning_tokens=reasoning)
        assert gpt_4o.cost.per_message == Decimal("0.0043125")


def test_a_model_being_retired_is_compared_with_its_replacement(catalog):
    result = run(catalog, "gpt-4o", reasoning_tokens=350)
    assert result.monthly == Decimal("34.50")  # 0.0043125 × 8,000
    assert result.per_conversation == Decimal("0.03")  # 0.0345
    assert result.days == Decimal("4.3")  # 150 ÷ 34.50 = 4.34…
    assert result.replacement.model.id == "gpt-6-luna"
    # Luna: (1,500 × 5.5 + 100 × (150 + 350) × 0.50) ÷ 10^8 × 8,000 = 2.66
    assert result.replacement.monthly == Decimal("2.66")
    ids = [cost.model.id for cost in result.comparison]
    current = [m.id for m in catalog.models if m.status == "current"]
    assert sorted(ids) == sorted([*current, "gpt-4o"]), "the current models and the chosen one"
    assert ids.index("gpt-6-luna") < ids.index("gpt-4o")
    shown = est.display(result, "es_419")
    assert shown.replacement == (
        "El mismo volumen en su reemplazo, GPT-6 Luna, costaría US$2.66 al mes."
    )
    assert [row.model_id for row in shown.comparison if row.replacement] == ["gpt-6-luna"]
    assert [row.model_id for row in shown.comparison if row.chosen] == ["gpt-4o"]
    en = est.display(result, "en_US")
    assert (
        en.replacement
        == "The same volume on its replacement, GPT-6 Luna, would cost US$2.66 a month."
    )
    # a current model has no replacement to show
    current_choice = est.display(run(catalog, "gpt-6-luna"), "en_US")
    assert current_choice.replacement == ""
    assert not any(row.replacement for row in current_choice.comparison)


def test_the_form_groups_the_models_being_retired_after_the_current_ones(catalog):
    html = estimator_form.render(catalog, "es", "es_419", TODAY, "docs/es/models.md")
    current, retiring = html.split('<optgroup label="Se retiran (para comparar con su reemplazo)">')
    assert "gpt-4o" not in current.split("<select", 1)[1]
    assert (
        '<option value="gpt-4o" data-replacement="gpt-6-luna">GPT-4o (se retira el 14 de enero '
        "de 2027; reemplazo: GPT-6 Luna)</option>"
    ) in retiring
    assert retiring.index('value="gpt-5-mini"') < retiring.index('value="gpt-4.1"')
    assert 'value="gpt-4"' not in html  # shut down: nothing to compare


# Service tiers (billing.service_tiers, OpenAI's pricing page read on 2026-12-06): Fast 2x,
# Ultrafast 3x until 2027-02-28 and 6x from 2027-03-01 (GPT-6.2 models only), Batch 0.5x,
# Flex 0.5x (not for the GPT-6.2 models). Every price of the model is multiplied alike.


def test_fast_doubles_every_price_of_the_month(real):
    # Terra at Standard: (1,500 × (50 × 1.25 + 50 × 0.05) + 100 × 150 × 5) ÷ 10^8 = 0.001725
    # a message; at Fast 2 × 0.001725 = 0.00345; 8,000 messages: US$27.60
    result = run(real, "gpt-6.1-terra", tier="fast")
    assert result.cost.per_message == Decimal("0.00345")
    assert result.monthly == Decimal("27.60")
    assert result.per_conversation == Decimal("0.03")  # 0.0276
    assert result.days == Decimal("5.4")  # 150 ÷ 27.60 = 5.43…
    assert (result.tier.id, result.tier.multiplier) == ("fast", Decimal(2))
    assert run(real, "gpt-6.1-terra").monthly == Decimal("13.80")  # Standard, for comparison
    shown = est.display(result, "es_419")
    assert (shown.monthly, shown.tier) == (
        "US$27.60",
        "Nivel de servicio: Fast, precios de lista × 2.",
    )


def test_batch_halves_every_price_and_rounds_the_half_cent_up(real):
    # Luna at Standard: 0.00017625 a message; at Batch 0.000088125; 8,000 messages 0.705
    result = run(real, "gpt-6-luna", tier="batch")
    assert result.cost.per_message == Decimal("0.000088125")
    assert result.cost.monthly_exact == Decimal("0.705")
    assert result.monthly == Decimal("0.71")
    shown = {code: est.display(result, locale) for code, locale in LOCALES.items()}
    assert shown["en"].tier == "Service tier: Batch, list prices × 0.5."
    assert (
        shown["es"].tier == "Nivel de servicio: Batch, precios de lista × 0.5."
    )  # es-419: a point
    assert shown["pt"].tier == "Nível de serviço: Batch, preços de tabela × 0,5."
    assert shown["pt"].monthly == "US$\xa00,71"


def test_standard_is_the_list_prices_and_says_so(real):
    result = run(real, "gpt-6-luna")
    assert (result.tier.id, result.tier.multiplier) == ("standard", Decimal(1))
    assert result.monthly == Decimal("1.41")
    assert est.display(result, "en_US").tier == "Service tier: Standard, list prices × 1."


@pytest.mark.parametrize(
    ("day", "monthly"),
    [
        # GPT-6.2 Sol at Standard: (1,500 × (50 × 2.50 + 50 × 0.10) + 100 × 150 × 10) ÷ 10^8
        # = 0.00345 a message, US$27.60 for 8,000
        (date(2026, 12, 6), "82.80"),  # 3 × 27.60
        (date(2027, 2, 28), "82.80"),  # the last day at 3x
        (date(2027, 3, 1), "165.60"),  # 6 × 27.60 from March 1
        (date(2027, 3, 2), "165.60"),
    ],
)
def test_ultrafast_costs_what_is_in_force_on_the_build_day(real, day, monthly):
    result = est.estimate(real, "gpt-6.2-sol", **DEFAULT, tier="ultrafast", day=day)
    assert result.monthly == Decimal(monthly)
    times = "6" if day >= date(2027, 3, 1) else "3"
    assert est.display(result, "en_US").tier == f"Service tier: Ultrafast, list prices × {times}."


def test_the_comparison_lists_only_the_models_the_tier_applies_to(real):
    result = est.estimate(real, "gpt-6.2-sol", **DEFAULT, tier="ultrafast", day=TODAY)
    assert [cost.model.id for cost in result.comparison] == ["gpt-6.2-sol", "gpt-6.2-astra"]
    flex = run(real, "gpt-6-luna", tier="flex")
    assert {cost.model.id for cost in flex.comparison} == {
        "gpt-6-luna",
        "gpt-6.1-terra",
        "gpt-5.2",
        "gpt-6.1-sol",
        "gpt-6-astra",
    }


@pytest.mark.parametrize(
    ("model_id", "tier"),
    [
        ("gpt-6-luna", "ultrafast"),  # GPT-6.2 models only
        ("gpt-6.2-sol", "flex"),  # OpenAI publishes no Flex rate for GPT-6.2
        ("gpt-4o", "fast"),  # its own Fast rates, not modelled
        ("gpt-6-luna", "priority"),  # Fast's former name, not a tier of the catalog
        ("gpt-6-luna", "default"),
    ],
)
def test_a_tier_that_does_not_apply_to_the_model_is_refused(real, model_id, tier):
    with pytest.raises(ValueError, match=repr(tier)):
        run(real, model_id, tier=tier)


def test_the_form_offers_the_tiers_of_the_build_day_for_the_default_model(real):
    html = estimator_form.render(real, "en", "en_US", TODAY, "docs/en/models.md")
    assert (
        '<select id="hc-estimator-tier" name="tier" aria-describedby="hc-estimator-tier-hint">'
        '<option value="standard" data-name="Standard" selected>Standard (prices × 1)</option>'
        '<option value="fast" data-name="Fast" data-models="gpt-5.2 gpt-6-astra gpt-6-luna '
        'gpt-6.1-sol gpt-6.1-terra gpt-6.2-astra gpt-6.2-sol">Fast (prices × 2)</option>'
        '<option value="ultrafast" data-name="Ultrafast" data-models="gpt-6.2-astra gpt-6.2-sol"'
        " disabled>Ultrafast (prices × 3)</option>"
    ) in html
    later = estimator_form.render(real, "pt", "pt_BR", date(2027, 3, 2), "docs/pt/models.md")
    assert "Ultrafast (preços × 6)</option>" in later
    assert "Batch (preços × 0,5)</option>" in later
