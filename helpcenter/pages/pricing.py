"""Markdown the model catalog writes into pages: price tables, the recommendation, notices."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import date
from urllib.parse import urlsplit

from babel.numbers import format_decimal

from helpcenter.catalog.lifecycle import CURRENT, RETIRED
from helpcenter.catalog.models import KINDS, ROLES, Catalog, Model
from helpcenter.escapes import markdown_code, markdown_text, markdown_url
from helpcenter.localized import long_date, money, tokens
from helpcenter.problems import ContentError
from helpcenter.site.labels import say

TIERS = "tiers"
"""``md:pricing tiers``: the service tiers and what they multiply the standard prices by."""
_MODEL_MARKER = re.compile(r"\{\{\s*model:([^\s}]+)\s*\}\}")


class ModelText:
    """Renders catalog facts in one language and locale."""

    def __init__(self, catalog: Catalog, language: str, locale: str, today: date):
        self.catalog = catalog
        self.language = language
        self.locale = locale
        self.today = today

    def _(self, key: str, **values: str) -> str:
        return say(key, self.language, **values)

    def name(self, model_id: str, where: str) -> str:
        model = self.catalog.get(model_id)
        if model is None:
            raise ContentError(f"{where}: unknown model '{model_id}' (not in data/models.yml)")
        return markdown_text(model.name)

    def table(self, kind: str, where: str) -> str:
        if kind == TIERS:
            return self.tiers()
        if kind not in KINDS:
            raise ContentError(
                f"{where}: unknown table 'md:pricing {kind}' (known: {', '.join((*KINDS, TIERS))})"
            )
        models = self.catalog.of_kind(kind)
        if kind == "legacy":
            models = _going_first(models)
        if not models:
            return self._("pricing.empty_legacy" if kind == "legacy" else "pricing.empty")
        rows = self._legacy_rows(models) if kind == "legacy" else self._price_rows(models)
        return "\n".join(
            [
                f"*{self._('pricing.unit')}*",
                "",
                *rows,
                "",
                *self._disagreements(models),
                self._verified(models),
            ]
        )

    def _price_rows(self, models: list[Model]) -> list[str]:
        head = [
            "pricing.model",
            "pricing.input",
            "pricing.cached_input",
            "pricing.output",
            "pricing.cache_write",
            "pricing.context",
            "pricing.good_for",
        ]
        rows = [_row(self._(key) for key in head), "| :-- | --: | --: | --: | --: | --: | :-- |"]
        for model in models:
            rows.append(
                _row(
                    [
                        self._model_cell(model, anchor=True),
                        money(model.pricing.input, self.locale),
                        self._optional_money(model.pricing.cached_input),
                        money(model.pricing.output, self.locale),
                        self._cache_write_cell(model),
                        tokens(model.context_window, self.locale),
                        markdown_text(model.good_for[self.language]),
                    ]
                )
            )
        return rows

    def _legacy_rows(self, models: list[Model]) -> list[str]:
        head = [
            "pricing.model",
            "pricing.status",
            "pricing.shutdown",
            "pricing.replacement",
            "pricing.input",
            "pricing.cached_input",
            "pricing.output",
        ]
        # The estimator bills a model being retired at its cache-write price too, when it has
        # one: the column appears as soon as one of these models has such a price.
        writes = any(
            m.pricing.cached_input is not None and m.pricing.cache_write is not None for m in models
        )
        align = "| :-- | :-- | :-- | :-- | --: | --: | --: |"
        if writes:
            head.append("pricing.cache_write")
            align += " --: |"
        rows = [_row(self._(key) for key in head), align]
        for model in models:
            replacement = self.catalog.get(model.replacement)
            cells = [
                self._model_cell(model, anchor=True),
                self._(f"status.{model.status}"),
                self._shutdown_cell(model),
                self._replacement_cell(replacement),
                money(model.pricing.input, self.locale),
                self._optional_money(model.pricing.cached_input),
                money(model.pricing.output, self.locale),
            ]
            if writes:
                cells.append(self._cache_write_cell(model))
            rows.append(_row(cells))
        return rows

    def tiers(self) -> str:
        """The service tiers: each one's multipliers with their dates, the current models it
        applies to, and its note; the day's multiplier is what a reader multiplies the
        standard prices of the tables by."""
        tiers = self.catalog.billing.service_tiers
        if not tiers:
            return self._("pricing.tiers_empty")
        head = ["pricing.tier", "pricing.multiplier", "pricing.tier_models", "pricing.tier_note"]
        rows = [_row(self._(key) for key in head), "| :-- | :-- | :-- | :-- |"]
        for tier in tiers:
            name = f"**{markdown_text(tier.name)}**<br>{markdown_code(tier.id)}"
            if tier.formerly:
                name += "<br>" + self._("pricing.formerly", name=markdown_text(tier.formerly))
            models = [self.catalog.get(model_id) for model_id in tier.applies_to]
            shown = [m for m in models if m is not None and m.status == CURRENT]
            rows.append(
                _row(
                    [
                        name,
                        self._tier_rates(tier),
                        ", ".join(markdown_text(m.name) for m in shown) or self._("pricing.none"),
                        markdown_text(tier.note[self.language]),
                    ]
                )
            )
        verified = min(tier.verified for tier in tiers)
        links = _source_links(sorted({tier.source for tier in tiers}))
        told = self._(
            "pricing.tiers_verified", date=long_date(verified, self.locale), sources=links
        )
        return "\n".join([*rows, "", f"*{told}*"])

    def _tier_rates(self, tier) -> str:
        if not tier.rates:
            return self._("pricing.own_rates")
        parts = []
        for rate in tier.rates:
            times = self._(
                "pricing.times", times=format_decimal(rate.multiplier, locale=self.locale)
            )
            if rate.until is not None and rate.until < self.today:
                continue
            if rate.valid_from is not None and rate.valid_from > self.today:
                when = self._("pricing.from", date=long_date(rate.valid_from, self.locale))
                times = f"{times} {when}"
            elif rate.until is not None:
                times = (
                    f"{times} {self._('pricing.until', date=long_date(rate.until, self.locale))}"
                )
            parts.append(times)
        return "; ".join(parts) or self._("pricing.own_rates")

    def _disagreements(self, models: Iterable[Model]) -> list[str]:
        """One line (a paragraph) for each dated fact the sources disagree on."""
        lines = []
        for model in models:
            for disagreement in model.disagreements:
                other = disagreement.other_value
                url = disagreement.other_source
                line = self._(
                    "pricing.disagreement",
                    field=self._(f"disagreement.{disagreement.field}"),
                    name=markdown_text(model.name),
                    followed=long_date(disagreement.value_followed, self.locale),
                    source=f"[{short_url(url)}]({markdown_url(url)})",
                    other=self._("disagreement.none")
                    if other == "none"
                    else long_date(date.fromisoformat(other), self.locale),
                    reason=markdown_text(disagreement.reason[self.language]),
                )
                lines += [f"*{line}*", ""]
        return lines

    def _model_cell(self, model: Model, anchor: bool = False) -> str:
        """The model's name and id; ``anchor`` gives the row the id that links to it
        (``#model-gpt-5-mini``), on the one table row the page has for each model."""
        target = f'<span id="{html.escape(row_id(model.id))}"></span>' if anchor else ""
        return f"{target}**{markdown_text(model.name)}**<br>{markdown_code(model.id)}"

    def _replacement_cell(self, model: Model) -> str:
        """The replacement, linked to its row in a price table of the same page."""
        name = f"[**{markdown_text(model.name)}**](#{html.escape(row_id(model.id))})"
        return f"{name}<br>{markdown_code(model.id)}"

    def _shutdown_cell(self, model: Model) -> str:
        if model.shutdown is None:
            return self._("pricing.not_announced")
        key = "pricing.shut_down" if model.status == RETIRED else "pricing.shuts_down"
        return self._(key, date=long_date(model.shutdown, self.locale))

    def _cache_write_cell(self, model: Model) -> str:
        """What a cache miss costs, as the estimator bills it: the cache-write price, or the
        input price when OpenAI publishes none (nothing is written without a cached price)."""
        if model.pricing.cached_input is None:
            return self._("pricing.none")
        if model.pricing.cache_write is None:
            return self._("pricing.cache_write_as_input")
        return money(model.pricing.cache_write, self.locale)

    def _optional_money(self, amount) -> str:
        return self._("pricing.none") if amount is None else money(amount, self.locale)

    def _verified(self, models: Iterable[Model]) -> str:
        models = list(models)
        oldest = min(model.verified for model in models)
        sources = sorted({model.source for model in models})
        links = _source_links(sources)
        verified = self._("pricing.verified", date=long_date(oldest, self.locale), sources=links)
        built = self._("pricing.as_of", date=long_date(self.catalog.day, self.locale))
        return f"*{verified} {built}*"

    def recommendation(self, where: str) -> str:
        lines = [
            f'!!! tip "{self._("recommend.title")}"',
            "",
            f"    {self._('recommend.intro')}",
            "",
        ]
        for role in ROLES:
            model = self.catalog.pick(role, self.today)
            prices = self._(
                "recommend.prices",
                input=money(model.pricing.input, self.locale),
                output=money(model.pricing.output, self.locale),
            )
            lines.append(
                f"    - **{self._(f'recommend.{role}')}:** {markdown_text(model.name)} "
                f"({markdown_code(model.id)}). {markdown_text(model.good_for[self.language])} "
                f"{prices}"
            )
        lines += ["", f"    {self._verified(self.catalog.pick(r, self.today) for r in ROLES)}"]
        return "\n".join(lines)

    def mentions(self, markdown: str) -> list[str]:
        """Models a page is about: the ones its own text names with ``{{ model:… }}``.

        An API name inside quoted text (an error message naming ``gpt-4o`` as an example)
        does not make the page about that model, so it brings no notice."""
        return list(dict.fromkeys(_MODEL_MARKER.findall(markdown)))

    def with_notice(self, markdown: str, model_ids: Iterable[str]) -> str:
        """``markdown`` with the notice about ``model_ids`` (if any) right after its title."""
        notice = self.notice(model_ids)
        if not notice:
            return markdown
        title = re.search(r"^# .*$", markdown, re.M)
        at = title.end() if title else 0
        return f"{markdown[:at]}\n\n{notice}\n\n{markdown[at:]}"

    def notice(self, model_ids: Iterable[str]) -> str:
        """A warning about every named model that is deprecated or retired; empty if none is."""
        items = []
        statuses = set()
        for model_id in dict.fromkeys(model_ids):
            model = self.catalog.get(model_id)
            if model is None or model.status == CURRENT:
                continue
            statuses.add(model.status)
            values = {
                "name": markdown_text(model.name),
                "replacement": markdown_text(self.catalog.get(model.replacement).name),
                "date": long_date(model.shutdown, self.locale) if model.shutdown else "",
            }
            key = (
                "notice.retired"
                if model.status == "retired"
                else ("notice.deprecated" if model.shutdown else "notice.deprecated_undated")
            )
            items.append(f"    - {self._(key, **values)}")
        if not items:
            return ""
        title = self._("notice.title_retired" if statuses == {RETIRED} else "notice.title")
        return "\n".join([f'!!! warning "{title}"', "", *items])


def _going_first(models: list[Model]) -> list[Model]:
    """Deprecated models by the nearest shutdown, then retired ones, the latest shutdown first."""
    going = [m for m in models if m.status != RETIRED]
    gone = [m for m in models if m.status == RETIRED]
    far = date.max
    return sorted(going, key=lambda m: m.shutdown or far) + sorted(
        gone, key=lambda m: m.shutdown, reverse=True
    )


def row_id(model_id: str) -> str:
    """The id of a model's row on the models page."""
    return f"model-{model_id}"


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def short_url(url: str) -> str:
    """A URL without its scheme, as a link's text: ``developers.openai.com/api/docs/…``."""
    parts = urlsplit(url)
    return markdown_text(parts.netloc + parts.path.rstrip("/"))


def _source_links(urls: Iterable[str]) -> str:
    """Sources as one short line: each host once, then its pages by their last path segment
    (eight full addresses in a row were a wall of links, wider than a phone)."""
    by_host: dict[str, list[str]] = {}
    for url in urls:
        by_host.setdefault(urlsplit(url).netloc, []).append(url)
    return "; ".join(
        f"{markdown_text(host)}: "
        + ", ".join(f"[{markdown_text(_page_name(url))}]({markdown_url(url)})" for url in group)
        for host, group in by_host.items()
    )


def _page_name(url: str) -> str:
    parts = urlsplit(url)
    return parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.netloc
