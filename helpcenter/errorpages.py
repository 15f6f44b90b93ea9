"""Markdown the error catalog writes: one page per error, the index table, links to errors."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Mapping

from helpcenter.errors import FOLDER, ApiError, ErrorCatalog
from helpcenter.formatting import (
    filled_text,
    long_date,
    markdown_code,
    markdown_prose,
    markdown_text,
    markdown_url,
)
from helpcenter.labels import label
from helpcenter.problems import ContentError

SEARCH_BOOST = 3
"""Error pages rank above guides that merely mention the same words."""


class ErrorText:
    """Renders the error catalog in one language and locale.

    The catalog's prose (``meaning``, ``steps``) may use the product's placeholders, filled
    here, once, from ``values`` (Markdown) and ``texts`` (plain); messages are shown
    verbatim, whatever they hold. The pages written are final: nothing in them is read
    again for placeholders or markers.
    """

    def __init__(
        self,
        catalog: ErrorCatalog,
        language: str,
        locale: str,
        guide_titles: Mapping[str, str],
        values: Mapping[str, str] | None = None,
        texts: Mapping[str, str] | None = None,
    ):
        self.catalog = catalog
        self.language = language
        self.locale = locale
        self.guide_titles = guide_titles
        self.values = dict(values or {})
        self.texts = dict(texts or {})

    def _where(self, error: ApiError, field: str) -> str:
        return f"data/errors.yml: error '{error.slug}', field {field}"

    def _(self, key: str, **values: str) -> str:
        text = label(key, self.language)
        text = text.format(**values) if values else text
        return markdown_prose(text, self.values, f"helpcenter/labels.py: {key}")

    def title(self, error: ApiError) -> str:
        """The page title as Markdown (text from data escaped)."""
        return markdown_text(self.plain_title(error))

    def plain_title(self, error: ApiError) -> str:
        text = error.title[self.language]
        return f"{error.status} · {text}" if error.status else text

    def link(self, slug: str, page_path: str, where: str) -> str:
        """A Markdown link to the error's page from the page at ``page_path``."""
        error = self.catalog.get(slug)
        if error is None:
            known = ", ".join(e.slug for e in self.catalog.errors)
            raise ContentError(f"{where}: unknown error '{slug}' (known: {known})")
        target = posixpath.relpath(error.path, posixpath.dirname(page_path) or ".")
        return f"[{self.title(error)}]({target})"

    def page(self, error: ApiError) -> str:
        """The whole Markdown page of one error."""
        language = self.language
        meaning = error.meaning[language]
        description = json.dumps(
            filled_text(meaning, self.texts, self._where(error, f"meaning.{language}")),
            ensure_ascii=False,
        )
        lines = [
            "---",
            f"description: {description}",
            "search:",
            f"  boost: {SEARCH_BOOST}",
            "---",
            "",
            f"# {self.title(error)}",
            "",
            f"**{self._('verdict.label')}:** {self._(f'verdict.{error.verdict}')}",
            "",
            f"## {self._('errorpage.message')}",
            "",
            self._("errorpage.current" if error.verbatim else "errorpage.current_named"),
            "",
            *_code(error.current_message),
        ]
        if error.older_messages:
            lines += [self._("errorpage.older"), ""]
            for message in error.older_messages:
                lines += _code(message)
        lines += [self._("errorpage.product"), "", *_code(error.product_message[language])]
        lines += [
            f"## {self._('errorpage.meaning')}",
            "",
            markdown_prose(meaning, self.values, self._where(error, f"meaning.{language}")),
            "",
            f"## {self._('errorpage.steps')}",
            "",
            *(
                f"{n}. "
                + markdown_prose(
                    step, self.values, self._where(error, f"steps.{language} item {n}")
                )
                for n, step in enumerate(error.steps[language], 1)
            ),
            "",
            f"## {self._('errorpage.details')}",
            "",
            *self._details(error),
            "",
        ]
        see_also = self._see_also(error)
        if see_also:
            lines += [f"## {self._('errorpage.see_also')}", "", *see_also, ""]
        return "\n".join(lines)

    def _details(self, error: ApiError) -> list[str]:
        none = self._("errorpage.none")
        verified = self._("errorpage.verified", date=long_date(error.verified, self.locale))
        rows = [
            (
                "errorpage.status",
                str(error.status) if error.status else self._("errorpage.no_status"),
            ),
            ("errorpage.type", markdown_code(error.type) if error.type else none),
            ("errorpage.code", markdown_code(error.code) if error.code else none),
            ("errorpage.sdk", markdown_code(f"openai.{error.sdk_exception}")),
            (
                "errorpage.source",
                f"[{markdown_text(error.source)}]({markdown_url(error.source)}) ({verified})",
            ),
        ]
        return [
            f"| {self._('errorpage.field')} | {self._('errorpage.value')} |",
            "| :-- | :-- |",
            *(f"| {self._(key)} | {value} |" for key, value in rows),
        ]

    def _see_also(self, error: ApiError) -> list[str]:
        items = [f"- {self.link(slug, error.path, error.slug)}" for slug in error.related]
        for guide in error.guides:
            title = markdown_text(self.guide_titles.get(guide, guide))
            items.append(f"- [{title}]({posixpath.relpath(guide, FOLDER)})")
        return items

    def finder(self) -> str:
        """``errors/messages.json``: what the search box recognises as a pasted error message.

        Each error lists its API messages and how the product shows it in this language;
        ``url`` is relative to the file itself.
        """
        data = {
            "label": self._("finder.label"),
            "errors": [
                {
                    "url": f"{error.slug}/",
                    "title": self.plain_title(error),
                    "verdict": f"{self._('verdict.label')}: {self._(f'verdict.{error.verdict}')}",
                    "messages": [*error.messages, error.product_message[self.language]],
                }
                for error in self.catalog.errors
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    def index(self, page_path: str) -> str:
        """The table of every error, by status, for the errors index page."""
        head = ["errorindex.status", "errorindex.error", "errorindex.code", "errorindex.verdict"]
        rows = [
            "| " + " | ".join(self._(key) for key in head) + " |",
            "| :-- | :-- | :-- | :-- |",
        ]
        ordered = sorted(self.catalog.errors, key=lambda e: (e.status is None, e.status or 0))
        for error in ordered:
            status = str(error.status) if error.status else self._("errorindex.no_status")
            code = markdown_code(error.code) if error.code else ""
            rows.append(
                f"| {status} | {self.link(error.slug, page_path, page_path)} | {code} "
                f"| {self._(f'verdict.{error.verdict}')} |"
            )
        return "\n".join(rows)


def _link(url: str) -> str:
    return f"[{markdown_text(url)}]({markdown_url(url)})"


def _code(text: str) -> list[str]:
    """A copyable block holding ``text`` verbatim, fenced so nothing in it can close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence} {{ .text .error-message }}", text, fence, ""]


def first_heading(markdown: str) -> str | None:
    """The text of a page's ``# H1``, which MkDocs also uses as its title."""
    match = re.search(r"^# +(.+?)\s*#*\s*$", markdown, re.M)
    return match.group(1) if match else None
