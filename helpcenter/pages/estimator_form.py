"""The cost estimator's HTML (``<!-- md:estimator -->``), in the page's language.

Without JavaScript the reader sees one sentence saying the estimator needs it; the fields,
already listing the models and holding the default values, stay hidden until
``overrides/assets/javascripts/estimator.js`` has loaded the prices from ``models.json``.
Everything the script writes comes from here too (the JSON at the end), so that the
script holds no words of its own, no prices and no model names. The models being retired
come last, in their own group, each naming its shutdown and its replacement
(``data-replacement``), which the results show beside it. The service tiers follow the
model: Standard, then each tier the catalog prices on the build day, naming the models it
applies to (``data-models``); the script offers a tier only for those models and reads its
multiplier from ``models.json``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from helpcenter.catalog.models import Catalog
from helpcenter.escapes import script_json
from helpcenter.localized import long_date, money, tokens, usd_pattern
from helpcenter.problems import ContentError
from helpcenter.site.labels import label, say
from helpcenter.tools.estimate import (
    DAYS_PER_MONTH,
    FIELDS,
    PREFIX,
    STANDARD,
    Choice,
    choices,
    days_text,
    tiers,
    times,
)


def render(
    catalog: Catalog,
    language: str,
    locale: str,
    day: date,
    where: str,
    args: Sequence[str] = (),
) -> str:
    if args:
        raise ContentError(f"{where}: 'md:estimator' takes no arguments, got {' '.join(args)!r}")

    def text(key: str, **values: str) -> str:
        words = label(f"estimator.{key}", language)
        return html.escape(words.format(**values) if values else words)

    listed = choices(catalog, day)
    economy = next((choice.model.id for choice in listed if choice.role == "economy"), None)
    options, retiring = [], []
    for choice in listed:
        model = choice.model
        name = html.escape(model.name)
        attributes = f'value="{html.escape(model.id)}"'
        if choice.role:
            name += f" ({text(f'pick.{choice.role}')})"
        if model.id == economy:
            attributes += " selected"
        if choice.retiring:
            successor = catalog.get(model.replacement) if model.replacement else None
            replacement = successor.name if successor else "—"
            if model.shutdown:
                note = text(
                    "retiring_option",
                    date=long_date(model.shutdown, locale),
                    replacement=replacement,
                )
            else:
                note = text("retiring_undated", replacement=replacement)
            name += f" ({note})"
            if successor:
                attributes += f' data-replacement="{html.escape(successor.id)}"'
        (retiring if choice.retiring else options).append(f"<option {attributes}>{name}</option>")
    if retiring:
        options.append(f'<optgroup label="{text("retiring")}">{"".join(retiring)}</optgroup>')

    fields = [
        _field(
            "model",
            text("model"),
            text("model_hint"),
            f'<select id="{PREFIX}-model" name="model" aria-describedby="{PREFIX}-model-hint">'
            + "".join(options)
            + "</select>",
        )
    ]
    tier_options = []
    for tier in tiers(catalog, day):
        attributes = f'value="{html.escape(tier.id)}" data-name="{html.escape(tier.name)}"'
        if tier.id == STANDARD:
            attributes += " selected"
        else:
            attributes += f' data-models="{html.escape(" ".join(sorted(tier.applies_to)))}"'
            if not tier.applies(economy or ""):
                attributes += " disabled"
        option = text("tier_option", tier=tier.name, times=times(tier.multiplier, locale))
        tier_options.append(f"<option {attributes}>{option}</option>")
    fields.append(
        _field(
            "tier",
            text("tier"),
            text("tier_hint"),
            f'<select id="{PREFIX}-tier" name="tier" aria-describedby="{PREFIX}-tier-hint">'
            + "".join(tier_options)
            + "</select>",
        )
    )
    for field in FIELDS:
        control = (
            f'<input id="{PREFIX}-{field.name}" name="{field.name}" type="text" '
            f'inputmode="numeric" autocomplete="off" spellcheck="false" value="{field.default}" '
            f'data-max="{field.maximum}" aria-describedby="{PREFIX}-{field.name}-hint">'
        )
        error = text(
            "invalid",
            minimum=tokens(0, locale),
            maximum=tokens(field.maximum, locale),
            plain="3000",
            grouped=tokens(3000, locale),
        )
        fields.append(
            _field(field.name, text(field.name), text(f"{field.name}_hint"), control, error)
        )

    summary = [
        ("monthly", text("monthly")),
        ("per-conversation", text("per_conversation")),
        ("days", text("top_up", amount=money(catalog.minimum_top_up, locale, least=0))),
    ]
    rows = "".join(
        f'<div class="{PREFIX}__figure"><dt>{term}</dt><dd data-estimator-out="{name}"></dd></div>'
        for name, term in summary
    )
    script_text = {
        "model": label("estimator.model", language),
        "monthly": label("estimator.monthly", language),
        "per_conversation": label("estimator.per_conversation", language),
        "comparison": label("estimator.comparison", language),
        "chosen": label("estimator.chosen", language),
        "replacement": label("estimator.replacement", language),
        "replacement_cost": label("estimator.replacement_cost", language),
        "days_one": label("estimator.days_one", language),
        "days_other": label("estimator.days_other", language),
        "days_never": label("estimator.days_never", language),
        "days_under": days_text(0, language, locale),
        "tier_used": label("estimator.tier_used", language),
        "load_failed": label("estimator.load_failed", language),
    }
    bundle = script_json(script_text)
    return "".join(
        [
            # A form with no form inside: Material's search can leave it out of the index
            # (its data-search-exclude ends at the first closing tag of the same name).
            f'<form class="{PREFIX}" id="{PREFIX}" action="#{PREFIX}" data-search-exclude '
            f'data-locale="{html.escape(locale.replace("_", "-"))}" '
            f'data-money="{html.escape(usd_pattern("{}", locale))}" '
            f'data-days-per-month="{DAYS_PER_MONTH}">',
            f'<p class="{PREFIX}__needs-js">{text("needs_js")}</p>',
            f'<div class="{PREFIX}__body" hidden>',
            f'<fieldset class="{PREFIX}__fields"><legend>{text("legend")}</legend>',
            *fields,
            "</fieldset>",
            f'<div class="{PREFIX}__results">',
            f'<div class="{PREFIX}__summary" aria-live="polite" aria-atomic="true">',
            f'<dl class="{PREFIX}__figures">{rows}</dl>',
            f'<p class="{PREFIX}__tier" data-estimator-out="tier"></p>',
            f'<p class="{PREFIX}__replacement" data-estimator-out="replacement" hidden></p>',
            f'<p class="{PREFIX}__status" data-estimator-out="status" hidden>',
            text("check_fields"),
            "</p>",
            "</div>",
            f'<p class="{PREFIX}__note">{text("assumptions", days=str(DAYS_PER_MONTH))}'
            f"{_cache_writes(listed, language, locale)}</p>",
            f'<div class="{PREFIX}__comparison" data-estimator-out="comparison"></div>',
            "</div>",
            "</div>",
            f'<script type="application/json" class="{PREFIX}__text">{bundle}</script>',
            "</form>",
        ]
    )


def _cache_writes(listed: Sequence[Choice], language: str, locale: str) -> str:
    """The cache-write prices the estimator uses (the price tables show them too)."""
    prices = [
        f"{choice.model.name} {money(choice.model.pricing.cache_write, locale)}"
        for choice in listed
        if choice.model.pricing.cache_write is not None
        and choice.model.pricing.cached_input is not None
    ]
    if not prices:
        return ""
    return " " + html.escape(say("estimator.cache_writes", language, prices=", ".join(prices)))


def _field(name: str, term: str, hint: str, control: str, error: str | None = None) -> str:
    parts = [
        f'<div class="{PREFIX}__field {PREFIX}__field--{name}">',
        f'<label for="{PREFIX}-{name}">{term}</label>',
        control,
        f'<p class="{PREFIX}__hint" id="{PREFIX}-{name}-hint">{hint}</p>',
    ]
    if error:
        parts.append(f'<p class="{PREFIX}__error" id="{PREFIX}-{name}-error" hidden>{error}</p>')
    parts.append("</div>")
    return "".join(parts)
