"""What changed in the model catalog, newest first: the "What changed" page and its feed.

Every entry comes from a dated record of ``data/models.yml`` and names that record's
source: a model's release (``lifecycle.released``), a deprecation's announcement
(``lifecycle.announced``), a shutdown (``lifecycle.shutdown``) and a price change (each
``price_history`` record after the first). Only what happened on or before the build day
is listed; a shutdown still to come is told by its announcement.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from helpcenter.catalog.models import Catalog, Model, Pricing
from helpcenter.escapes import markdown_text, markdown_url
from helpcenter.localized import long_date, money
from helpcenter.pages.pricing import row_id, short_url
from helpcenter.problems import ContentError
from helpcenter.publish.feed import Entry, Feed, atom
from helpcenter.site.labels import say

KINDS = ("shutdown", "announced", "price", "released")
"""Entry kinds, in the order entries of one day are listed."""
MODELS_PAGE = "models.md"
FEED = "changes.xml"


@dataclass(frozen=True)
class Change:
    day: date
    kind: str
    model: Model
    source: str
    before: Pricing | None = None
    after: Pricing | None = None

    @property
    def key(self) -> str:
        """What identifies the entry across rebuilds: model, kind and day."""
        return f"{self.model.id}/{self.kind}/{self.day.isoformat()}"


def changes(catalog: Catalog) -> list[Change]:
    """Every dated record up to the catalog's day, newest first (same day: shutdowns,
    announcements, prices, releases; then catalog order)."""
    found: list[tuple[date, int, int, Change]] = []
    for position, model in enumerate(catalog.models):
        lifecycle = model.lifecycle
        for kind in ("released", "announced", "shutdown"):
            day = getattr(lifecycle, kind)
            if day is not None:
                change = Change(day, kind, model, lifecycle.sources[kind])
                found.append((day, KINDS.index(kind), position, change))
        history = model.price_history
        for before, after in itertools.pairwise(history):
            change = Change(
                after.valid_from, "price", model, after.source, before.pricing, after.pricing
            )
            found.append((after.valid_from, KINDS.index("price"), position, change))
    listed = [item for item in found if item[0] <= catalog.day]
    listed.sort(key=lambda item: (-item[0].toordinal(), item[1], item[2]))
    return [item[3] for item in listed]


CHANGES_CLASS = "hc-changes"
"""The class of the block that holds the "What changed" table."""


class ChangeText:
    """The changes in one language: sentences, the page's table, the feed's entries."""

    def __init__(self, catalog: Catalog, language: str, locale: str):
        self.catalog = catalog
        self.language = language
        self.locale = locale

    def _(self, key: str, **values: str) -> str:
        return say(key, self.language, **values)

    def kind(self, change: Change) -> str:
        return self._(f"changes.kind.{change.kind}")

    def sentence(self, change: Change) -> str:
        """What happened, as plain text (escape it for where it goes)."""
        model = change.model
        replacement = self.catalog.get(model.replacement) if model.replacement else None
        values = {
            "name": model.name,
            "replacement": replacement.name if replacement else "",
            "date": long_date(model.shutdown, self.locale) if model.shutdown else "",
        }
        if change.kind == "price":
            return self._("changes.price", name=model.name, prices=self._prices(change))
        if change.kind == "announced" and not model.shutdown:
            return f"{self._('changes.announced_undated', **values)} {self._replacements(model)}"
        if change.kind == "released":
            return self._("changes.released", **values)
        return f"{self._(f'changes.{change.kind}', **values)} {self._replacements(model)}"

    def _replacements(self, model) -> str:
        """The replacement OpenAI named when it announced the deprecation (a fact of that
        day), and the one the site recommends today, which may be another, later model."""
        today = self.catalog.get(model.replacement).name if model.replacement else ""
        named = model.lifecycle.named_replacement
        if named is None:
            return self._("changes.recommended_only", replacement=today)
        if named == model.replacement:
            return self._("changes.named_same", replacement=today)
        return self._("changes.named_then_now", named=named, replacement=today)

    def _prices(self, change: Change) -> str:
        parts = []
        for field in ("input", "cached_input", "output"):
            old, new = getattr(change.before, field), getattr(change.after, field)
            if old != new:
                parts.append(
                    self._(
                        "changes.price_part",
                        what=self._(f"pricing.{field}").lower(),
                        old=self._money(old),
                        new=self._money(new),
                    )
                )
        return "; ".join(parts)

    def _money(self, amount) -> str:
        return self._("pricing.none") if amount is None else money(amount, self.locale)

    def table(self, page_path: str, where: str = "", args: Sequence[str] = ()) -> str:
        """Markdown for the "What changed" page at ``page_path`` (``changes.md``); ``where``
        names the page's file in messages."""
        if args:
            raise ContentError(f"{where}: 'md:changes' takes no arguments, got {' '.join(args)!r}")
        listed = changes(self.catalog)
        here = posixpath.dirname(page_path) or "."
        subscribe = self._("changes.subscribe", feed=posixpath.relpath(FEED, here))
        if not listed:
            return f"{self._('changes.empty')}\n\n{subscribe}"
        models_page = posixpath.relpath(MODELS_PAGE, here)
        head = ["changes.date", "changes.model", "changes.what", "changes.source"]
        rows = [_row(self._(key) for key in head), "| :-- | :-- | :-- | :-- |"]
        for change in listed:
            link = f"[{markdown_text(change.model.name)}]({models_page}#{row_id(change.model.id)})"
            rows.append(
                _row(
                    [
                        long_date(change.day, self.locale),
                        link,
                        f"**{markdown_text(self.kind(change))}.** "
                        + markdown_text(self.sentence(change)),
                        self._source_cell(change.source),
                    ]
                )
            )
        # The wrapper (md_in_html) lets phones show each row as a card (helpcenter.css);
        # the Markdown twin drops it and keeps the table.
        return "\n".join(
            [subscribe, "", f'<div class="{CHANGES_CLASS}" markdown>', "", *rows, "", "</div>"]
        )

    def _source_cell(self, source: str) -> str:
        """The addresses a source names, as links; its remarks (for editors, in English)
        stay in the catalog. A source without an address is shown as written."""
        addresses = source_urls(source)
        if not addresses:
            return markdown_text(source)
        return ", ".join(f"[{short_url(url)}]({markdown_url(url)})" for url in addresses)

    def feed_title(self, product: str) -> str:
        return self._("changes.feed_title", product=product)

    def feed(self, site_url: str, product: str) -> str:
        """The Atom feed of this language's site at ``site_url`` (its root, absolute)."""
        about = Feed(
            key=f"{self.language}/changes",
            title=self.feed_title(product),
            subtitle=self._("changes.feed_subtitle"),
            language=self.locale.replace("_", "-"),
            self_url=urljoin(site_url, FEED),
            page_url=urljoin(site_url, "changes/"),
            author=product,
            day=self.catalog.day,
        )
        return atom(about, self.entries(urljoin(site_url, "models/")))

    def entries(self, models_url: str) -> list[Entry]:
        """The feed's entries; ``models_url`` is the models page's absolute address."""
        return [
            Entry(
                key=f"{self.language}/{change.key}",
                title=f"{change.model.name}: {_lower_first(self.kind(change))}",
                link=f"{models_url}#{row_id(change.model.id)}",
                day=change.day,
                summary=" ".join(
                    [
                        self.sentence(change),
                        self._(
                            "changes.source_is",
                            source=", ".join(source_urls(change.source)) or change.source,
                        ),
                    ]
                ),
            )
            for change in changes(self.catalog)
        ]


_URL = re.compile(r"https://[^\s()<>\"']+[^\s()<>\"'.,;:]")


def source_urls(source: str) -> list[str]:
    """The ``https://`` addresses in a source text, each once, in order."""
    return list(dict.fromkeys(_URL.findall(source)))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


_FEED_PAGES = re.compile(r"^[ \t]*<!--\s*md:(?:pricing|changes)\b", re.M)


def wants_feed(markdown: str) -> bool:
    """Whether a page links the feed in its ``<head>``: the pages with price tables or the
    list of changes."""
    return _FEED_PAGES.search(markdown) is not None


def _row(cells) -> str:
    return "| " + " | ".join(cells) + " |"
