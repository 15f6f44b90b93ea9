"""Words the build itself writes into pages, in every language of the site.

They live in one gettext PO file per language, ``data/labels/<code>.po``, which translation
tools (Weblate, Crowdin, Poedit, Lokalize) open as they are. In every file an entry's
``msgctxt`` is the label's key, its ``msgid`` the Spanish text and its ``msgstr`` the text
in that file's language; the Spanish file, ``data/labels/es.po`` (the primary language's), is
the source: its ``msgid`` and ``msgstr`` are the same text. A translation whose ``msgid`` is no
longer the Spanish text was made from an older Spanish text (``make translations`` lists it).

Files are read with Babel when first asked for after they change (the key is the file's size
and modification time), so an edit under ``mkdocs serve`` is seen by the next rebuild.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import PoFileError, read_po

from helpcenter.problems import ContentError

FOLDER = Path(__file__).resolve().parents[2] / "data" / "labels"
"""``data/labels/`` of the project this package belongs to."""
PRIMARY = "es"
"""The language whose file is the source of every other."""


@dataclass(frozen=True)
class LabelFile:
    code: str
    texts: dict[str, str]
    """Key -> the text in this language (empty when the file leaves it empty)."""
    sources: dict[str, str]
    """Key -> the Spanish text the translation was made from (its msgid)."""
    fuzzy: frozenset[str]
    problems: tuple[str, ...]
    """One line per syntax problem or key written twice."""


def _where(code: str) -> str:
    return f"data/labels/{code}.po"


def _read(code: str, folder: Path = FOLDER) -> LabelFile:
    path = folder / f"{code}.po"
    try:
        status = path.stat()
    except OSError:
        return LabelFile(code, {}, {}, frozenset(), (f"{_where(code)}: no such file ({code})",))
    return _parse(path, code, status.st_mtime_ns, status.st_size)


_LINE = re.compile(
    r"^(?:\s*|#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"
    r'(?:"(?:[^"\\]|\\.)*"\s*)?$'
)
"""A line of a PO file: blank, a comment, or a keyword and/or one quoted string."""


@lru_cache(maxsize=32)
def _parse(path: Path, code: str, mtime: int, size: int) -> LabelFile:
    where = _where(code)
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, abort_invalid=True, charset="utf-8")
    except PoFileError as error:
        return LabelFile(
            code, {}, {}, frozenset(), (f"{where}: not a valid PO file ({code}): {error}",)
        )
    except (OSError, UnicodeDecodeError) as error:
        return LabelFile(code, {}, {}, frozenset(), (f"{where}: cannot be read ({code}): {error}",))
    texts: dict[str, str] = {}
    sources: dict[str, str] = {}
    fuzzy: set[str] = set()
    problems: list[str] = []
    # Babel forgives a string without its closing quote and keeps one of two entries with
    # the same key: the file's lines tell.
    seen: set[str] = set()
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not _LINE.match(line):
            bad = f"{where}:{number}: not a valid PO line ({code}): {line[:60]!r}"
            return LabelFile(code, {}, {}, frozenset(), (bad,))
        if line.startswith('msgctxt "'):
            if line in seen:
                problems.append(f"{where}:{number}: label {line[8:]} ({code}) is written twice")
            seen.add(line)
    for message in catalog:
        if not message.id:
            continue
        key = message.context
        line = f"{where}:{message.lineno}"
        if not key or not isinstance(message.id, str) or not isinstance(message.string, str):
            problems.append(
                f"{line}: entry '{message.id}' ({code}) needs a msgctxt (the label's key) and no plural"
            )
            continue
        texts[key], sources[key] = message.string, message.id
        if message.fuzzy:
            fuzzy.add(key)
    return LabelFile(code, texts, sources, frozenset(fuzzy), tuple(problems))


def _fields(text: str) -> set[str]:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"(unbalanced braces)"}


def missing_labels(language: str, folder: Path = FOLDER) -> list[str]:
    """One line per problem of ``language``'s label file, each naming the file, the key and the
    language: a label missing, extra or empty, fields other than the Spanish text's, bad PO."""
    source = _read(PRIMARY, folder)
    mine = source if language == PRIMARY else _read(language, folder)
    problems = list(mine.problems)
    if language != PRIMARY:
        problems += [
            line.replace(f" ({PRIMARY})", f" ({PRIMARY}, the source of {language})")
            for line in source.problems
        ]
    where = _where(language)
    if mine.problems and not mine.texts:
        return problems
    for key, spanish in source.texts.items():
        text = mine.texts.get(key)
        if text is None:
            problems.append(f"{where}: label '{key}' is missing ({language})")
        elif not text.strip():
            problems.append(f"{where}: label '{key}' has no text ({language})")
        elif language == PRIMARY and mine.sources[key] != text:
            problems.append(
                f"{where}: label '{key}' ({language}) has a msgid other than its msgstr; "
                "in the source file both are the Spanish text"
            )
        elif _fields(text) != _fields(spanish):
            problems.append(
                f"{where}: label '{key}' ({language}) has the fields "
                f"{sorted(_fields(text))}; the Spanish text has {sorted(_fields(spanish))}"
            )
    problems += [
        f"{where}: label '{key}' is not in {_where(PRIMARY)} ({language}): remove it or add it there"
        for key in mine.texts
        if key not in source.texts
    ]
    return problems


def label(key: str, language: str) -> str:
    text = _read(language).texts.get(key)
    if not text:
        raise ContentError(f"{_where(language)}: label '{key}' has no text ({language})")
    return text


def say(key: str, language: str, **values: str) -> str:
    """A label in ``language`` with its ``{fields}`` filled from ``values``."""
    text = label(key, language)
    return text.format(**values) if values else text


def labels_for(language: str, prefix: str = "") -> dict[str, str]:
    """Every label under ``prefix`` in one language, keyed without the prefix."""
    return {
        key[len(prefix) :]: label(key, language)
        for key in _read(PRIMARY).texts
        if key.startswith(prefix)
    }


def label_keys(folder: Path = FOLDER) -> list[str]:
    """Every label's key, as the Spanish file lists them."""
    return list(_read(PRIMARY, folder).texts)


def label_languages(folder: Path = FOLDER) -> list[str]:
    """The languages that have a label file."""
    return sorted(path.stem for path in folder.glob("*.po"))


def stale_labels(language: str, folder: Path = FOLDER) -> list[tuple[str, str]]:
    """Labels of ``language`` translated from a Spanish text that has changed since (their
    msgid is not the Spanish text), or marked fuzzy by a tool: (key, why)."""
    source, mine = _read(PRIMARY, folder), _read(language, folder)
    stale = []
    for key, spanish in source.texts.items():
        if key not in mine.texts:
            continue
        if mine.sources[key] != spanish:
            stale.append((key, "the Spanish text changed since it was translated"))
        elif key in mine.fuzzy:
            stale.append((key, "marked fuzzy"))
    return stale


class _Labels(Mapping[str, dict[str, str]]):
    """Every label as ``{key: {language: text}}``, read from the files when asked (a view,
    not a copy: it holds nothing)."""

    def _languages(self) -> list[str]:
        return [PRIMARY, *(code for code in label_languages() if code != PRIMARY)]

    def __getitem__(self, key: str) -> dict[str, str]:
        texts = {
            code: text
            for code in self._languages()
            if (text := _read(code).texts.get(key)) is not None
        }
        if not texts:
            raise KeyError(key)
        return texts

    def __iter__(self) -> Iterator[str]:
        return iter(_read(PRIMARY).texts)

    def __len__(self) -> int:
        return len(_read(PRIMARY).texts)


LABELS: Mapping[str, dict[str, str]] = _Labels()
"""The labels of every language, read from ``data/labels/`` (``LABELS[key][language]``)."""
