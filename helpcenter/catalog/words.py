"""The words readers use (``data/words.yml``): loaded, validated and given to the search box.

Readers do not type the words the pages use: they "borrar" a key the page "quita", ask for
the "factura" of a "recibo", "how much it costs" rather than the price. Each group of
``data/words.yml`` lists, per language, words and phrases that mean the same thing to a
reader; the search box reads every one of them as the group's ``word``, in the reader's
query and in every text it matches against (errors' messages, titles and phrases, guides'
titles, phrases and headings); a language's own terms first, then the other languages' terms
it does not have. :class:`WordsFile` is the one definition of the file; its
JSON Schema, ``data/words.schema.json``, is generated from it
(:mod:`helpcenter.catalog.schemas`). Beyond the shape: in each language a word or phrase belongs to
one group only, as the search box compares words (accents, case, a plural's "s" and letters
after the sixth aside: "changelog" would read as "change"), and group words are unique.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

from pydantic import Field
from pydantic.dataclasses import dataclass as shape

from helpcenter.catalog.datafile import entry_namer, language_problems, load_valid, placer
from helpcenter.catalog.fields import SHAPE, text, texts
from helpcenter.problems import ContentError
from helpcenter.wordmatch import IGNORED, PRODUCT, SETTINGS, normalized, stem

CATALOG = "words.yml"
_ENTRY = entry_namer("words", "word", "word group")
_Word = text(
    40,
    pattern=r"^[a-z]+$",
    expected="expected one lowercase word without accents (a-z), such as delete",
)
_SPLIT = re.compile(r"[^a-z0-9]+")
_Terms = Annotated[tuple[text(100), ...], Field(min_length=1)]


@shape(frozen=True, config=SHAPE)
class WordGroup:
    word: _Word
    """The one word the search box reads for every term of the group, in any language; the
    group's name."""
    terms: texts(_Terms, every=False)
    """Per language, the words and phrases readers type that mean the group's word ("borrar",
    "cuánto cuesta"). Accents and case do not matter."""


@shape(frozen=True, config=SHAPE)
class WordsFile:
    """Words and phrases readers type that mean the same thing, for the search box. The
    source of data/words.yml."""

    words: Annotated[tuple[WordGroup, ...], Field(min_length=1)]
    ignored: texts(_Terms, every=False) = Field(default_factory=dict)
    """Per language, words that say nothing about what a reader looks for ("how", "my", "de",
    "onde"): the search box leaves them out of questions and of the texts it matches. One
    word each, no phrases."""


def _stems(term: str) -> str:
    """The term as the search box compares it: the stems of its words, joined by one space."""
    size = int(SETTINGS["stem"])
    return " ".join(stem(part, size) for part in _SPLIT.split(normalized(term)) if part)


def load_words(data_dir: Path, languages: Sequence[str]) -> WordsFile:
    """``data/words.yml``, validated; every problem told on one line naming file, entry and field."""
    data, parsed = load_valid(data_dir, CATALOG, WordsFile, _ENTRY)
    where = placer(data_dir / CATALOG, f"data/{CATALOG}")
    problems = language_problems(parsed, data, where, _ENTRY, languages)
    words = {_stems(group.word): group.word for group in parsed.words}
    every: dict[str, dict[str, str]] = {}
    for index, group in enumerate(parsed.words):
        for code, terms in group.terms.items():
            owners = every.setdefault(code, dict(words))
            for number, term in enumerate(terms):
                key = _stems(term)
                owner = owners.setdefault(key, group.word)
                if owner != group.word or terms.index(term) != number:
                    problems.append(
                        f"{where(('words', index, 'terms', code, number))}: word group "
                        f"'{group.word}', field terms.{code} item {number + 1} '{term}' is "
                        f"already a term of word group '{owner}' in {code}; give each term once"
                    )
    for code, ignored in parsed.ignored.items():
        owners = every.get(code, words)
        for number, term in enumerate(ignored):
            key = _stems(term)
            if " " in key or key in owners:
                told = "is a phrase" if " " in key else f"is a term of word group '{owners[key]}'"
                problems.append(
                    f"{where(('ignored', code, number))}: ignored, field ignored.{code} item "
                    f"{number + 1} '{term}' {told}; expected one word no group has"
                )
    seen: set[str] = set()
    for index, group in enumerate(parsed.words):
        if group.word in (*IGNORED, PRODUCT):
            problems.append(
                f"{where(('words', index, 'word'))}: word group '{group.word}', field word is a "
                "word the search box leaves out of every query (helpcenter/wordmatch.py IGNORED, PRODUCT), "
                "so the group would be read as nothing; choose another word"
            )
        if group.word in seen:
            problems.append(
                f"{where(('words', index, 'word'))}: word group '{group.word}', field word is "
                "used twice; each group needs its own word"
            )
        seen.add(group.word)
    if problems:
        raise ContentError("\n".join(problems))
    return parsed


def synonyms(words: WordsFile, language: str) -> dict[str, str]:
    """What ``errors/messages.json`` carries for ``language``: each term (normalized words
    joined by one space) and its group's word. The language's own terms win: a term of
    another language is left out where it reads as one of ``language`` (the search box
    compares words by their stems, :func:`helpcenter.wordmatch.stem`), so "apagar"
    is "retire" in Spanish and "delete" in Portuguese, and one of the language's ``ignored``
    words stays a word it leaves out ("no" is "in the" in Portuguese)."""
    size = int(SETTINGS["stem"])

    def plain(term: str) -> str:
        return " ".join(part for part in _SPLIT.split(normalized(term)) if part)

    def stems(term: str) -> tuple[str, ...]:
        return tuple(stem(part, size) for part in plain(term).split())

    own: dict[str, str] = {}
    other: dict[str, str] = {}
    for group in words.words:
        for code in sorted(group.terms):
            for term in (group.word, *group.terms[code]):
                (own if code == language else other)[plain(term)] = group.word
    taken = {stems(term) for term in own}
    # A word the language leaves out is not read as another language's term either: in
    # Portuguese "no" says "in the", not the Spanish "no".
    taken |= {stems(term) for term in words.ignored.get(language, ())}
    table = {term: word for term, word in other.items() if stems(term) not in taken}
    return dict(sorted({**table, **own}.items()))


def ignored(words: WordsFile, language: str) -> list[str]:
    """The words of ``language`` the search box leaves out, normalized, once each."""
    return list(dict.fromkeys(normalized(term) for term in words.ignored.get(language, ())))
