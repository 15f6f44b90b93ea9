"""Spelling of every page and catalog text, in its own language, with Hunspell.

Spanish pages (``docs/es/``) and the catalogs' ``es`` texts are checked with the Spanish
dictionary, English ones with ``en_US``, both from Debian's packages. What is checked is
the prose a reader sees: front matter keys, code, URLs, placeholders, markers, HTML tags,
link targets and attribute lists are left out (see ``helpcenter.checks.markdown``).

Pages quote one language in the other: Spanish pages name OpenAI's interface in English,
in bold (**Create new secret key**), give OpenAI's English terms in parentheses ("Entrada
(input)") and quote its English messages («Please try again»); English pages quote
Spanish buttons ("Suscríbete"). So a word in bold or in parentheses on a Spanish page, or
in quotes on any page, passes when either dictionary knows it.

Hunspell's Spanish dictionary lacks many imperatives with pronouns (cópialo, pégala,
desconéctala), and its English one some possessives (dialog's): such a word passes when
its stem does (copia, pega, desconecta; dialog), and only when the accent that the
pronoun requires is there (copialo does not pass).

Product, brand and model names and technical terms are listed in ``data/wordlist.txt``,
one per line. A word in lowercase there is accepted in any case (``tokens``, ``Tokens``);
one with capitals only as written (``OpenAI``, and ``OpenAI's``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from helpcenter.checks import yamlnodes
from helpcenter.checks.markdown import APOSTROPHES, inline_prose, parse, read, words
from helpcenter.checks.problem import Problem, wanted

INSTALL = "sudo apt-get install hunspell hunspell-es hunspell-en-us"
WORDLIST = "data/wordlist.txt"
LANGUAGES = ("es", "en")
OTHER = {"es": "en", "en": "es"}
"""The language quoted on pages of each language."""
_QUOTED = re.compile(r"«(?P<a>[^»]*)»|“(?P<b>[^”]*)”|\"(?P<c>[^\"]*)\"")
_PARENTHESES = re.compile(r"\((?P<a>[^()]*)\)")
_ACCENTED = str.maketrans("áéíóú", "aeiou")
_SINGLE_PRONOUNS = ("me", "te", "se", "nos", "os", "lo", "la", "le", "los", "las", "les")
_ENCLITICS = sorted(
    {*_SINGLE_PRONOUNS}
    | {
        first + second
        for first in ("me", "te", "se", "nos", "os")
        for second in _SINGLE_PRONOUNS[5:]
    },
    key=len,
    reverse=True,
)
DICTIONARIES = {"es": ("es_MX", "es_AR", "es_ES"), "en": ("en_US",)}
"""Hunspell dictionaries for each language, the first one found is used.

Debian's hunspell-es installs one Spanish dictionary under every country's name; Mexican
Spanish is the closest to the site's Latin American Spanish (``es_419``).
"""
DICTIONARY_FOLDERS = (
    "/usr/share/hunspell",
    "/usr/share/myspell",
    "/usr/share/myspell/dicts",
    "/usr/local/share/hunspell",
    "/opt/homebrew/share/hunspell",
    "~/Library/Spelling",
)
CATALOG_FIELDS = {
    "data/models.yml": ("models", ("good_for",)),
    "data/errors.yml": ("errors", ("title", "meaning", "steps", "product_message")),
}
"""For each catalog: its list of entries and their fields with ``es`` and ``en`` texts."""
SUGGESTIONS = 3
POSSESSIVES = ("'s", "\u2019s")
_ENVIRONMENT = {"LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}


@dataclass(frozen=True)
class Text:
    """Prose to check: where it is, in which language, and which other language may do."""

    file: str
    line: int
    text: str
    language: str
    also: str | None = None


def check_spelling(
    root: Path, files: Iterable[str] | None = None, hunspell: str | None = None
) -> list[Problem]:
    """Every unknown word of the pages and catalogs under ``root``, one problem per place.

    ``files`` limits the check to those project-relative paths; ``hunspell`` is the
    program to run (found on ``PATH`` when not given).
    """
    hunspell = hunspell or shutil.which("hunspell")
    if not hunspell:
        return [Problem("spelling", None, f"hunspell is not installed: {INSTALL}")]
    dictionaries = {}
    for language in LANGUAGES:
        dictionary = find_dictionary(language)
        if dictionary is None:
            names = ", ".join(DICTIONARIES[language])
            return [
                Problem(
                    "spelling",
                    None,
                    f"no hunspell dictionary for '{language}' ({names}): {INSTALL}",
                )
            ]
        dictionaries[language] = dictionary

    only = None if files is None else frozenset(files)
    texts, problems = page_texts(root, only)
    catalog, unreadable = catalog_texts(root, only)
    texts += catalog
    problems += unreadable
    accepted = read_wordlist(root / WORDLIST)

    wanted_words: dict[str, set[str]] = {language: set() for language in LANGUAGES}
    for text in texts:
        for word in words(text.text):
            wanted_words[text.language].add(word)
            if text.also:
                wanted_words[text.also].add(word)
    unknown = {}
    for language in LANGUAGES:
        try:
            unknown[language] = unknown_words(
                wanted_words[language], dictionaries[language], hunspell
            )
            stems = {word: stem(word, language) for word in unknown[language]}
            stems = {word: form for word, form in stems.items() if form}
            unknown_stems = unknown_words(stems.values(), dictionaries[language], hunspell)
        except RuntimeError as error:
            return [*problems, Problem("spelling", None, str(error))]
        unknown[language] -= {word for word, form in stems.items() if form not in unknown_stems}

    found: dict[tuple[str, int, str], tuple[str, ...]] = {}
    for text in texts:
        for word in words(text.text):
            if word not in unknown[text.language] or is_listed(word, accepted):
                continue
            if text.also and word not in unknown[text.also]:
                continue
            languages = (text.language, text.also) if text.also else (text.language,)
            found.setdefault((text.file, text.line, word), languages)

    hints = {}
    for language in LANGUAGES:
        asked = {word for (_, _, word), languages in found.items() if language in languages}
        hints[language] = suggestions(sorted(asked), dictionaries[language], hunspell)
    for (file, line, word), languages in sorted(found.items(), key=_place):
        offered = []
        for language in reversed(languages):  # the quoted language's suggestions first
            offered += [hint for hint in hints[language].get(word, []) if hint not in offered]
        message = f"unknown word '{word}' ({'/'.join(languages)})"
        if offered:
            message += f"; did you mean {', '.join(offered[:SUGGESTIONS])}?"
        message += f" (if it is a name or a technical term, add it to {WORDLIST})"
        problems.append(Problem(file, line, message))
    return problems


def _place(entry):
    (file, line, word), _ = entry
    return (file, line, word)


def page_texts(root: Path, files: frozenset[str] | None = None) -> tuple[list[Text], list[Problem]]:
    """The prose of every page of every language, line by line."""
    texts, problems = [], []
    for language in LANGUAGES:
        folder = root / "docs" / language
        for path in sorted(folder.rglob("*.md")):
            shown = path.relative_to(root).as_posix()
            if not wanted(shown, files):
                continue
            markdown, unreadable = read(path, shown)
            problems += unreadable
            if markdown is None:
                continue
            for prose in parse(markdown, shown).prose:
                texts += split_languages(shown, prose.line, prose.text, language, prose.strong)
    return texts, problems


def split_languages(file: str, line: int, text: str, language: str, strong: bool) -> list[Text]:
    """Prose of one line, with the parts that may be in the other language set apart.

    Bold text and text in parentheses on a Spanish page, and quoted text on any page, may
    be in either language (see the module's description).
    """
    other = OTHER[language]
    if strong:
        return [Text(file, line, text, language, other if language == "es" else None)]
    quoted = []

    def set_apart(match: re.Match) -> str:
        quoted.append(next(part for part in match.groups() if part is not None))
        return " "

    text = _QUOTED.sub(set_apart, text)
    if language == "es":
        text = _PARENTHESES.sub(set_apart, text)
    return [
        Text(file, line, text, language),
        *(Text(file, line, part, language, other) for part in quoted),
    ]


def stem(word: str, language: str) -> str | None:
    """The form to look up when the dictionary does not know ``word`` itself, if any.

    ``dialog's`` → ``dialog``; ``cópiala`` → ``copia``, ``Reconócela`` → ``Reconoce``
    (the stem must carry the accent the pronoun calls for, which the stem drops).
    """
    if language == "en":
        for suffix in POSSESSIVES:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                return word[: -len(suffix)]
        return None
    word = unicodedata.normalize("NFC", word)
    for pronouns in _ENCLITICS:
        rest = word[: -len(pronouns)]
        if word.lower().endswith(pronouns) and len(rest) >= 2:
            plain = rest.translate(_ACCENTED)
            if plain != rest:
                return plain
    return None


def catalog_texts(
    root: Path, files: frozenset[str] | None = None
) -> tuple[list[Text], list[Problem]]:
    """The readers' texts of the catalogs (``es`` and ``en`` of each field), with their lines."""
    texts, problems = [], []
    for shown, (list_key, fields) in CATALOG_FIELDS.items():
        if not wanted(shown, files) or not (root / shown).exists():
            continue
        document, unreadable = yamlnodes.compose(root / shown, shown)
        problems += unreadable
        for entry in yamlnodes.items(yamlnodes.get(document, list_key)):
            for field in fields:
                by_language = yamlnodes.get(entry, field)
                for language in LANGUAGES:
                    value = yamlnodes.get(by_language, language)
                    for node in yamlnodes.items(value) or ([value] if value is not None else []):
                        content = yamlnodes.text(node)
                        if content is None:
                            continue
                        plain, strong = inline_prose(content)
                        line = yamlnodes.line(node)
                        texts += split_languages(shown, line, plain, language, strong=False)
                        for bold in strong:
                            texts += split_languages(shown, line, bold, language, strong=True)
    return texts, problems


def find_dictionary(language: str) -> Path | None:
    """The dictionary (its path without ``.dic``) Hunspell should use for ``language``."""
    folders = [folder for folder in os.environ.get("DICPATH", "").split(os.pathsep) if folder]
    folders += DICTIONARY_FOLDERS
    for name in DICTIONARIES[language]:
        for folder in folders:
            base = Path(folder).expanduser() / name
            if base.with_suffix(".dic").is_file() and base.with_suffix(".aff").is_file():
                return base
    return None


def unknown_words(candidates: Iterable[str], dictionary: Path, hunspell: str) -> set[str]:
    """Those of ``candidates`` that the dictionary does not know (``hunspell -l``)."""
    candidates = sorted(set(candidates))
    if not candidates:
        return set()
    output = _run(hunspell, ["-i", "utf-8", "-l", "-d", str(dictionary)], candidates)
    reported = {line.strip() for line in output.splitlines() if line.strip()}
    unknown = reported & set(candidates)
    parts = reported - unknown  # Hunspell split a word at its apostrophe (OpenAI's)
    if parts:
        unknown |= {
            word for word in candidates if parts.intersection(re.split(f"[{APOSTROPHES}]", word))
        }
    return unknown


def suggestions(unknown: Iterable[str], dictionary: Path, hunspell: str) -> dict[str, list[str]]:
    """Hunspell's suggestions for each unknown word (``hunspell -a``)."""
    unknown = list(unknown)
    if not unknown:
        return {}
    output = _run(
        hunspell, ["-i", "utf-8", "-a", "-d", str(dictionary)], [f"^{w}" for w in unknown]
    )
    found = {}
    for line in output.splitlines():
        if line.startswith("& "):
            head, _, offered = line.partition(": ")
            found[head.split(" ")[1]] = [word.strip() for word in offered.split(",")][:SUGGESTIONS]
    return found


def _run(hunspell: str, arguments: list[str], lines: list[str]) -> str:
    try:
        result = subprocess.run(
            [hunspell, *arguments],
            input="\n".join(lines) + "\n",
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={**os.environ, **_ENVIRONMENT},
            timeout=120,
            check=False,
        )
    except OSError as error:
        raise RuntimeError(f"cannot run {hunspell} ({error}): {INSTALL}") from None
    if result.returncode != 0:
        raise RuntimeError(f"{hunspell} {' '.join(arguments)} failed: {result.stderr.strip()}")
    return result.stdout


def read_wordlist(path: Path) -> frozenset[str]:
    """The project's own words (``#`` starts a comment); none when the file is missing."""
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return frozenset()
    return frozenset(
        word for line in content.splitlines() if (word := line.split("#", 1)[0].strip())
    )


def is_listed(word: str, wordlist: frozenset[str]) -> bool:
    """Whether the word list accepts ``word`` (lowercase entries in any case; possessives)."""
    for form in (word, *(word.removesuffix(suffix) for suffix in POSSESSIVES)):
        if form in wordlist or form.lower() in wordlist:
            return True
    return False
