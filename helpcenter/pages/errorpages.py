"""Markdown the error catalog writes: one page per error, the index table, links to errors."""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Mapping, Sequence

from pydantic import TypeAdapter

from helpcenter import wordmatch
from helpcenter.catalog.errors import FOLDER, VERDICTS, ApiError, ErrorCatalog, Variant
from helpcenter.catalog.searchbox import SearchBoxData
from helpcenter.escapes import (
    filled_text,
    markdown_code,
    markdown_prose,
    markdown_text,
    markdown_url,
)
from helpcenter.localized import long_date
from helpcenter.pages.searchtexts import SearchTexts, body_words
from helpcenter.problems import ContentError
from helpcenter.publish.twins import page_url
from helpcenter.site.labels import say
from helpcenter.tools import errorfinder

_SEARCH_BOX = TypeAdapter(SearchBoxData)
"""``errors/messages.json``'s shape: the file is validated against it, then written."""

SEARCH_BOOST = 3
"""Error pages rank above guides that merely mention the same words."""

VERDICT_GUIDES: dict[str, tuple[str, ...]] = {
    "retry-later": ("rate-limits.md",),
    "add-credit": ("billing.md", "usage.md"),
    "fix-key": ("connect-key.md", "create-api-key.md"),
    "change-model": ("models.md",),
    "contact-support": ("help.md",),
    "ask-openai": ("help.md",),
    "check-network": ("outgoing-ips.md", "key-problems.md"),
}
"""The guides the index's legend points to for each verdict (paths below a language folder)."""


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
        text = say(key, self.language, **values)
        return markdown_prose(text, self.values, f"data/labels/{self.language}.po: {key}")

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
            self._(_introduction(error)),
            "",
            *_code(error.current_message),
        ]
        if error.older_messages:
            lines += [self._("errorpage.older"), ""]
            for message in error.older_messages:
                lines += _code(message)
        for variant in error.variants:
            lines += [self._("errorpage.variant", status=str(variant.status)), ""]
            lines += _code(variant.message)
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
            *([("errorpage.param", markdown_code(error.param))] if error.param else []),
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

    def finder(
        self,
        guides: Mapping[str, SearchTexts] | None = None,
        synonyms: Mapping[str, str] | None = None,
        ignored: Sequence[str] = (),
    ) -> str:
        """``errors/messages.json``: what the search box recognises (``helpcenter.tools.errorfinder``).

        The matcher's settings, written once (``wordmatch.SETTINGS``). Each error gives its
        response fields, the texts that prove a paste is this error (``evidence``: API and
        system messages, product messages in every language), and every text that names it
        (those, and titles and reader phrases in every language: a Spanish product message
        pasted on the English site finds the English page). ``guides`` maps a guide's path to
        its search texts: the guide is found by its title, description and phrases, each of
        its sections by its heading and phrases. ``synonyms`` are the reader's words
        (``helpcenter.catalog.words.synonyms``), ``ignored`` the words they use that say
        nothing (``helpcenter.catalog.words.ignored``). URLs are relative to the file itself.
        """
        documents = []
        for path, found in sorted((guides or {}).items()):
            if found.excluded or path.startswith(f"{FOLDER}/"):
                continue
            url = posixpath.relpath(page_url(path) or ".", FOLDER) + "/"
            title = self.guide_titles.get(path, path)
            documents.append(
                {
                    "url": url,
                    "title": title,
                    "texts": [title, *filter(None, [found.description]), *found.phrases],
                    "body": found.body,
                    "boost": found.boost,
                }
            )
            for section in found.sections:
                documents.append(
                    {
                        "url": f"{url}#{section.anchor}",
                        "title": f"{title} › {section.heading}",
                        "texts": [section.heading, *section.phrases],
                        "body": f"{body_words(title)} {section.body}".strip(),
                        "boost": found.boost,
                    }
                )
        data = {
            "label": self._("finder.label"),
            "guide_label": self._("finder.guide_label"),
            "candidates_label": self._("finder.candidates_label"),
            "settings": dict(wordmatch.SETTINGS),
            "ignored": list(dict.fromkeys([*wordmatch.IGNORED, *ignored, wordmatch.PRODUCT])),
            "error_words": list(errorfinder.ERROR_WORDS),
            "search_ignored": list(errorfinder.SEARCH_IGNORED),
            "sdk_exceptions": list(errorfinder.SDK_EXCEPTIONS),
            "synonyms": {**(synonyms or {}), **self._product_name()},
            "errors": [
                {
                    "slug": error.slug,
                    "url": f"{error.slug}/",
                    "title": self.plain_title(error),
                    "verdict": f"{self._('verdict.label')}: {self._(f'verdict.{error.verdict}')}",
                    "status": error.status,
                    "type": error.type,
                    "code": error.code,
                    "param": error.param,
                    "variants": [_fields(variant) for variant in error.variants],
                    "sdk_exception": error.sdk_exception,
                    "messages": [*error.messages, error.product_message[self.language]],
                    "evidence": _evidence(error),
                    "texts": _identifying_texts(error),
                    "body": body_words(error.meaning[self.language]),
                }
                for error in self.catalog.errors
            ],
            "guides": documents,
        }
        shaped = _SEARCH_BOX.dump_python(_SEARCH_BOX.validate_python(data), mode="json")
        return json.dumps(shaped, ensure_ascii=False, indent=1) + "\n"

    def _product_name(self) -> dict[str, str]:
        """The product's name read as one word the search box leaves out (``wordmatch.PRODUCT``):
        every page is about the product, so its name tells none apart, and a question that
        names it ("remove my key from Acme Chat") must not land on a heading that does."""
        name = self.texts.get("product", "")
        return {name: wordmatch.PRODUCT} if name.strip() else {}

    def verdicts(self) -> list[str]:
        """The verdicts the catalog uses, in the order of ``VERDICTS``."""
        used = {error.verdict for error in self.catalog.errors}
        return [verdict for verdict in VERDICTS if verdict in used]

    def legend(self, page_path: str) -> str:
        """What each verdict of the index means, with the same words as the table."""
        items = []
        for verdict in self.verdicts():
            links = [
                f"[{markdown_text(self.guide_titles.get(guide, guide))}]"
                f"({posixpath.relpath(guide, posixpath.dirname(page_path) or '.')})"
                for guide in VERDICT_GUIDES[verdict]
            ]
            # The word between two links, spaced here: label texts are read stripped.
            see = self._("legend.see", links=f" {self._('legend.and')} ".join(links))
            items.append(
                f"- **{self._(f'verdict.{verdict}')}.** {self._(f'legend.{verdict}')} {see}"
            )
        return "\n".join(items)

    def index(self, page_path: str) -> str:
        """The table of every error, by status, for the errors index page.

        An HTML table whose cells carry their column's name (``data-label``), so that a
        narrow screen can show each row as a card without losing what each value is; the
        cells are Markdown (``md_in_html``, which needs ``markdown`` on every enclosing
        element), so links are checked and rewritten as usual.
        """
        keys = ["errorindex.status", "errorindex.error", "errorindex.code", "errorindex.verdict"]
        names = [html.escape(self._(key)) for key in keys]
        rows = [
            '<div class="hc-error-index" markdown>',
            "<table markdown>",
            "<thead><tr>" + "".join(f"<th>{name}</th>" for name in names) + "</tr></thead>",
            "<tbody markdown>",
        ]
        ordered = sorted(self.catalog.errors, key=lambda e: (e.status is None, e.status or 0))
        for error in ordered:
            status = str(error.status) if error.status else self._("errorindex.no_status")
            target = posixpath.relpath(error.path, posixpath.dirname(page_path) or ".")
            cells = [
                html.escape(status),
                f"[{markdown_text(error.title[self.language])}]({target})",
                _breakable_code(error.code) if error.code else "",
                html.escape(self._(f"verdict.{error.verdict}")),
            ]
            rows.append(
                "<tr markdown>"
                + "".join(
                    f'<td data-label="{name}" markdown="span">{cell}</td>'
                    for name, cell in zip(names, cells, strict=True)
                )
                + "</tr>"
            )
        rows += ["</tbody>", "</table>", "</div>"]
        return "\n".join(rows)


def _fields(variant: Variant) -> dict:
    """A variant's response fields, as ``messages.json`` and ``errors.json`` give them."""
    return {
        "status": variant.status,
        "type": variant.type,
        "code": variant.code,
        "param": variant.param,
        "message": variant.message,
    }


def _introduction(error: ApiError) -> str:
    """The label that introduces an error's current message."""
    if error.legacy:
        return "errorpage.legacy"
    return "errorpage.current" if error.verbatim else "errorpage.current_named"


def _breakable_code(code: str) -> str:
    """An error code as inline HTML code that may wrap after its underscores, never mid-word."""
    return markdown_code(code).replace("&#95;", "&#95;<wbr>")


def _evidence(error: ApiError) -> list[str]:
    """The texts that show a paste is this error: what the API, the system or the product says."""
    texts = [*error.messages, *error.low_level_messages]
    texts += [error.product_message[language] for language in sorted(error.product_message)]
    return list(dict.fromkeys(texts))


def _identifying_texts(error: ApiError) -> list[str]:
    texts = [*error.messages, *error.low_level_messages]
    for language in sorted(error.title):
        texts += [
            error.title[language],
            error.product_message[language],
            *error.phrases.get(language, ()),
        ]
    if error.code:
        texts.append(error.code)
    return list(dict.fromkeys(texts))


def _code(text: str) -> list[str]:
    """A copyable block holding ``text`` verbatim, fenced so nothing in it can close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [f"{fence} {{ .text .error-message }}", text, fence, ""]


def first_heading(markdown: str) -> str | None:
    """The text of a page's ``# H1``, which MkDocs also uses as its title."""
    match = re.search(r"^# +(.+?)\s*#*\s*$", markdown, re.M)
    return match.group(1) if match else None


def phrase_problems(
    catalog: ErrorCatalog,
    guide_phrases: Mapping[str, Sequence[str]],
    language: str,
    docs: str,
) -> list[str]:
    """Reader phrases given to two errors or pages in ``language`` (whose guides are below
    ``docs``), one line each: the search box puts a phrase's page first, so a phrase belongs to
    one error or one page. Phrases are compared as the search box reads them (case, accents
    and spacing aside)."""
    owners: dict[str, str] = {}
    problems = []

    def take(phrase: str, owner: str, where: str) -> None:
        key = " ".join(wordmatch.normalized(phrase).split())
        if owners.setdefault(key, owner) != owner:
            problems.append(
                f"{where}: {phrase!r} is also a phrase of {owners[key]}; a phrase leads to one "
                "page, so give it to one of them"
            )

    for error in catalog.errors:
        field = f"data/errors.yml: error '{error.slug}', field phrases.{language}"
        for phrase in error.phrases.get(language, ()):
            take(phrase, f"error '{error.slug}'", field)
    for path, phrases in sorted(guide_phrases.items()):
        for phrase in phrases:
            take(phrase, f"{docs}/{path}", f"{docs}/{path}: front matter field phrases")
    return problems
