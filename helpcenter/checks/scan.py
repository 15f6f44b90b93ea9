"""Secrets and broken characters in the sources: API keys, and double-encoded text.

Every text file under ``docs/`` and ``data/`` is read line by line for:

* strings that look like an OpenAI secret key (``sk-``, ``sk-proj-``, ``sk-svcacct-``,
  ``sk-admin-`` followed by 20 or more key characters). Masked examples such as
  ``sk-proj-****abcd`` and organization IDs (``org-…``) are fine;
* UTF-8 text that was read as Latin-1, Windows-1252 or Mac Roman and saved again
  (``Ã³`` or ``√≥`` for ``ó``, ``Â¿`` for ``¿``, ``â€”`` for ``—``);
* files that are not UTF-8 at all.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from helpcenter.checks.problem import Problem, wanted

FOLDERS = ("docs", "data")
TEXT_SUFFIXES = {".md", ".yml", ".yaml", ".json", ".txt", ".html", ".css", ".js", ".svg", ".csv"}
KEY_LIKE = re.compile(r"(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")
_WRONG_CODECS = ("cp1252", "latin-1", "mac_roman")
_CODEC_NAMES = {"cp1252": "Latin-1 (Windows-1252)", "latin-1": "Latin-1", "mac_roman": "Mac Roman"}
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")


def check_scan(root: Path, files: Iterable[str] | None = None) -> list[Problem]:
    """Key-like strings, double-encoded text and non-UTF-8 files under ``docs/`` and ``data/``."""
    only = None if files is None else frozenset(files)
    problems = []
    for path in text_files(root):
        shown = path.relative_to(root).as_posix()
        if wanted(shown, only):
            problems += scan_file(path, shown)
    return problems


def text_files(root: Path) -> Iterator[Path]:
    for folder in FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix.lower() in TEXT_SUFFIXES:
                yield path


def scan_file(path: Path, shown: str) -> list[Problem]:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return [
            Problem(
                shown,
                line,
                f"is not UTF-8 (byte {data[error.start]:#04x}): "
                "reopen it in the right encoding and save it as UTF-8",
            )
        ]
    return scan_text(text, shown)


def scan_text(text: str, shown: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        for key in KEY_LIKE.finditer(line):
            problems.append(
                Problem(
                    shown,
                    number,
                    f"looks like an OpenAI secret key ({mask(key.group(0))}): remove it, revoke "
                    "the key at https://platform.openai.com/api-keys, and write a masked "
                    "example such as sk-proj-****abcd instead",
                )
            )
        for wrong, right, codec in double_encoded(line):
            problems.append(
                Problem(
                    shown,
                    number,
                    f"double-encoded text '{wrong}' (UTF-8 read as {_CODEC_NAMES[codec]}): "
                    f"write '{right}'",
                )
            )
    return problems


def mask(key: str) -> str:
    """Enough of a key to find it, not enough to use it."""
    prefix = re.match(r"sk-(?:proj-|svcacct-|admin-)?", key).group(0)
    return f"{prefix}{key[len(prefix) : len(prefix) + 3]}…{key[-3:]}"


def double_encoded(line: str) -> list[tuple[str, str, str]]:
    """Each stretch of ``line`` that is UTF-8 misread in another encoding.

    Returned as (the text as it is, what it should be, the encoding it was misread in).
    A stretch counts only when re-reading it gives letters or punctuation of the kind a
    page uses (``ó``, ``¿``, ``—``), so Spanish text such as ``«Él»`` is left alone.
    """
    found = []
    for run in _NON_ASCII_RUN.finditer(line):
        characters = run.group(0)
        start = 0
        while start < len(characters) - 1:
            hit = _misread_at(characters, start)
            if hit:
                found.append(hit)
                start += len(hit[0])
            else:
                start += 1
    return _merge(found)


def _misread_at(characters: str, start: int) -> tuple[str, str, str] | None:
    for length in (4, 3, 2):
        window = characters[start : start + length]
        if len(window) < length:
            continue
        for codec in _WRONG_CODECS:
            try:
                raw = window.encode(codec)
                right = raw.decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if len(right) == 1 and _plausible(right):
                return window, right, codec
    return None


def _plausible(character: str) -> bool:
    """Whether ``character`` is one a page could have meant (not a rare script or symbol)."""
    code = ord(character)
    if 0xA0 <= code <= 0x17F or 0x2010 <= code <= 0x205F or 0x2190 <= code <= 0x21FF:
        return True
    if code in (0x20AC, 0x2122):  # € ™
        return True
    return unicodedata.category(character) == "So" and code >= 0x1F000  # emoji


def _merge(found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """One entry per distinct misreading, in order."""
    seen, merged = set(), []
    for entry in found:
        if entry[:2] not in seen:
            seen.add(entry[:2])
            merged.append(entry)
    return merged
