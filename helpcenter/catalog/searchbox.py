"""The shape of ``errors/messages.json``: what the search box reads, once.

The build writes one file per language (:meth:`helpcenter.pages.errorpages.ErrorText.finder`)
and validates it against :class:`SearchBoxData` before writing; ``error-match.js`` and its
reference :class:`helpcenter.tools.errorfinder.Finder` read it. It is no published interface
(no version, no promise to other readers): the site's own script and the build change
together. Its JSON Schema, ``data/messages.json.schema.json``, is generated from these types
(``make schemas``) so the file's fields are written down in one place. Field names follow
``errors.json`` where they mean the same thing (``sdk_exception``).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field
from pydantic.dataclasses import dataclass as shape

from helpcenter.catalog.fields import SHAPE

_Text = Annotated[str, Field(description="Plain text, as the reader's language writes it.")]
_Words = Annotated[
    str, Field(description="Lower-case words without accents, one space apart, in order.")
]


@shape(frozen=True, config=SHAPE)
class ResponseFields:
    """One form of an error's response: what a paste of it may carry."""

    status: int | None
    type: str | None
    code: str | None
    param: str | None
    message: _Text


@shape(frozen=True, config=SHAPE)
class SearchError:
    """One error of the catalog, as the search box matches a paste or a question to it."""

    slug: str
    url: str
    """The error's page, relative to errors/."""
    title: _Text
    verdict: _Text
    """What to do, as the answer box says it."""
    status: int | None
    type: str | None
    code: str | None
    param: str | None
    variants: tuple[ResponseFields, ...]
    sdk_exception: str | None
    """The openai SDK's exception class for the error, as errors.json names it."""
    messages: tuple[_Text, ...]
    """The API's messages and the product's message in the page's language."""
    evidence: tuple[_Text, ...]
    """The texts that show a paste is this error: API, system and product messages."""
    texts: tuple[_Text, ...]
    """Every text a query is compared with: messages, titles, reader phrases, every language."""
    body: _Words
    """The words of the error's meaning."""


@shape(frozen=True, config=SHAPE)
class SearchGuide:
    """A guide or one of its sections, as the search box answers a question with it."""

    url: str
    """The page, or page#anchor for a section, relative to errors/."""
    title: _Text
    texts: tuple[_Text, ...]
    """The title or heading, the description and the front matter's phrases."""
    body: _Words
    """The words of the page's introduction or of the section."""
    boost: Annotated[float, Field(ge=0)]
    """The page's weight in search (front matter search.boost; 1 unless set)."""


@shape(frozen=True, config=SHAPE)
class SearchBoxData:
    """What the search box of one language reads: labels, the matcher's settings (written once
    in helpcenter/wordmatch.py), the readers' words, the errors and the guides."""

    label: _Text
    guide_label: _Text
    candidates_label: _Text
    settings: dict[str, float | int]
    """The matcher's thresholds and weights (helpcenter/wordmatch.py SETTINGS)."""
    ignored: tuple[str, ...]
    """Words left out of every query and text."""
    error_words: tuple[str, ...]
    """Words that make a three-digit number next to them a status ("error 429")."""
    search_ignored: tuple[str, ...]
    """Values of a pasted body left out of Material's query."""
    sdk_exceptions: tuple[str, ...]
    """The openai SDK's exception classes that name no particular error."""
    synonyms: dict[str, str]
    """A reader's term (its words, normalized) -> the word of its group."""
    errors: tuple[SearchError, ...]
    guides: tuple[SearchGuide, ...]
