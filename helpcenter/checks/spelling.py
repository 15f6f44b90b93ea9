"""Spelling of every page and catalog text, in its own language: pyspelling runs Hunspell.

This module only says what to check and prints what pyspelling finds; reading Markdown
(pyspelling's Markdown and HTML filters) and checking words (Hunspell) are theirs.

For each language of the site (``mkdocs.yml``, ``extra.alternate``) pyspelling checks
``docs/<lang>/`` and the catalogs' texts in that language: every mapping in ``data/*.yml``
whose keys are language codes (``title: {es: …, en: …}``), each text written out as a
paragraph of a Markdown file of its own, so that it goes through the same filters. The
Hunspell dictionary of a language is the ``locale`` of its ``extra.alternate`` entry
(``en_US``, ``pt_BR``), or the one ``DICTIONARIES`` names (Debian's hunspell-es installs
one Spanish dictionary under every country's name but none as ``es_419``: ``es_MX``, the
Spanish of Mexico, is the closest to the site's Latin American Spanish).

Readers do not read placeholders (``{{ product }}``), markers and other HTML comments,
code, keys (``++ctrl+c++``), URLs, e-mail addresses, emoji shortcodes, attribute lists,
link targets or front matter settings (``search:``); only ``title``, ``description`` and
``phrases`` of the front matter are prose.

Pages quote other languages: OpenAI's interface is in English, so pages in other languages
name it in bold (**Create new secret key**) and give its terms in parentheses ("Entrada
(input)"); any page may quote, in quotation marks, what a reader sees in another language
(«Please try again», "Suscríbete"). Those quoted parts are a second pyspelling task, whose
words pass when the dictionary of any of the site's languages knows them; the rest of the
page only with its own language's.

Product, brand and model names and technical terms are listed in ``data/wordlist.txt``,
for every language, and in ``data/wordlist.<lang>.txt`` for one language only (Spanish
imperatives with pronouns that Hunspell lacks, such as ``cópiala``), one per line, ``#``
starting a comment. Hunspell accepts a word listed in lowercase also capitalised or in
capitals (``tokens``, ``Tokens``), and one with capitals only as written (``OpenAI``).

pyspelling names the file of each unknown word; the line is every line of the file that
holds the word outside code.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

import bs4
import pyspelling
import yaml
from pyspelling.filters.html import HtmlFilter

from helpcenter.checks import config, yamlnodes
from helpcenter.checks.markdown import read
from helpcenter.checks.problem import Problem

INSTALL = "sudo apt-get install hunspell hunspell-es hunspell-en-us hunspell-pt-br"
WORDLIST = "data/wordlist.txt"
NOT_PROSE = ("words.yml",)
"""Catalogs no reader reads: ``words.yml`` lists what readers type, misspellings included."""
DICTIONARIES = {"es": "es_MX"}
"""The Hunspell dictionary of a language whose locale has none of its own."""
INTERFACE = "en"
"""The language of OpenAI's interface, which pages in other languages name in bold and
quote in parentheses."""
_MARKDOWN = [
    "markdown.extensions.abbr",
    "markdown.extensions.admonition",
    "markdown.extensions.attr_list",
    "markdown.extensions.def_list",
    "markdown.extensions.md_in_html",
    "markdown.extensions.tables",
    "pymdownx.details",
    "pymdownx.keys",
    "pymdownx.superfences",
    {"pymdownx.tabbed": {"alternate_style": True}},
]
"""The Markdown of the pages (mkdocs.yml's markdown_extensions, less what shows no text)."""
_HIDDEN = [
    {"open": r"\{\{", "close": r"\}\}"},
    {"open": r"(?<![\w:]):[a-z0-9_+-]+:(?![\w:])", "content": "", "close": ""},
    {"open": r"^(?:---|\.\.\.)$", "content": "", "close": ""},
    {"open": r"^(?:title|description|phrases):", "content": "", "close": ""},
    {
        "open": r"^[ \t]*(?!(?:title|description|phrases):)[\w-]+:(?=\s)",
        "content": ".*",
        "close": "",
    },
    {"open": r"\{:?[ \t]*(?:[.#]|[\w-]+=)[^{}\n]*\}", "content": "", "close": ""},
    {"open": r"(?<![\w.-])(?=[\w.-]*\d)[\w.-]+", "content": "", "close": ""},
    {
        "open": r"\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|ai|dev|app|co|example)\b(?:/[^\s)\]]*)?",
        "content": "",
        "close": "",
    },
]
"""What readers do not read, removed before the Markdown is read: placeholders, emoji
shortcodes, front matter delimiters and keys (and the values of settings), attribute lists
(``{ .md-button }``), anything with a digit (``gpt-5``, ``1.476s``: identifiers and numbers)
and host names (``platform.openai.com/usage``)."""
_QUOTED = [
    {"open": "«", "content": "[^»\n]*", "close": "»"},
    {"open": "“", "content": "[^”\n]*", "close": "”"},
    {"open": '(?<![=\\w])"', "content": '[^"\n]*', "close": '"'},
]
_INTERFACE_QUOTED = [
    {"open": r"\*\*", "content": r"[^*\n]+?", "close": r"\*\*"},
    {"open": r"(?<![\]\w])\(", "content": r"[^()\n]*", "close": r"\)"},
]
"""Bold and parentheses (not a link's target): OpenAI's interface on other languages' pages."""
_IGNORED_ELEMENTS = ["code", "pre", "kbd", ".admonition-title"]
"""Code, keys, and admonition titles: a title of its own is in quotes (the quoted task), and
the type alone (``!!! tip``) is translated by the build."""


def check_spelling(
    root: Path, files: Iterable[str] | None = None, hunspell: str | None = None
) -> list[Problem]:
    """Every unknown word of the pages and catalogs under ``root``, one problem per line.

    ``files`` limits the check to those project-relative paths; ``hunspell`` is the
    program to run (found on ``PATH`` when not given).
    """
    hunspell = hunspell or shutil.which("hunspell")
    if not hunspell:
        return [Problem("spelling", None, f"hunspell is not installed: {INSTALL}")]
    languages, problems = config.languages(root)
    if not languages:
        return problems
    dictionaries = dictionaries_of(languages)
    if missing := [name for name in dictionaries.values() if name not in available(hunspell)]:
        return [
            Problem("spelling", None, f"no hunspell dictionary {', '.join(missing)}: {INSTALL}")
        ]
    only = None if files is None else frozenset(files)
    with tempfile.TemporaryDirectory(prefix="spelling-") as scratch:
        work = Path(scratch)
        sources, unreadable = _sources(root, work, list(languages), only)
        problems += unreadable
        matrix = []
        every_list = _wordlist(root, work, list(languages))
        for code in languages:
            if not sources[code]:
                continue
            quoted = _QUOTED + (_INTERFACE_QUOTED if code != INTERFACE else [])
            words = _wordlist(root, work, [code])
            everyone = ",".join(dict.fromkeys([dictionaries[code], *dictionaries.values()]))
            matrix.append(_task(code, sources[code], dictionaries[code], words, _HIDDEN + quoted))
            matrix.append(
                _task(f"{code}/quoted", sources[code], everyone, every_list, quoted, True)
            )
        problems += _run(matrix, work, hunspell, sources)
    return problems


def _task(name, sources, dictionary, wordlist, delimiters, only_inside=False) -> dict:
    """One pyspelling task: ``delimiters`` are hidden, or (``only_inside``) all that is read."""
    hidden = {"context_visible_first": True, "delimiters": _HIDDEN}
    contexts = [{"pyspelling.filters.context": hidden}] if only_inside else []
    return {
        "name": name,
        "sources": [str(path) for path in sources],
        "hunspell": {"d": dictionary},
        "dictionary": {"wordlists": [str(wordlist)], "output": f"{wordlist}.dic"},
        "pipeline": [
            *contexts,
            {
                "pyspelling.filters.context": {
                    "context_visible_first": not only_inside,
                    "delimiters": delimiters,
                }
            },
            {"pyspelling.filters.markdown": {"markdown_extensions": _MARKDOWN}},
            {__name__: {"comments": False, "ignores": _IGNORED_ELEMENTS}},
            "pyspelling.filters.url",
        ],
    }


def get_plugin():
    """pyspelling's HTML filter, handing Hunspell each page whole (see ``_WholePages``)."""

    class _WholePages(HtmlFilter):
        """pyspelling's HtmlFilter starts a Hunspell process for every paragraph, heading and
        list item; one per page reads the same words (the filter puts a space between
        pieces of text) some fifty times faster. The one block is kept under a stand-in
        element: the filter looks its block up by element for every piece of text, and an
        element hashes as its whole HTML."""

        break_tags = frozenset()

        def set_block(self, node, force=False):
            super().set_block(bs4.Tag(name="page") if force else node, force)

    return _WholePages


def _run(matrix, work, hunspell, sources) -> list[Problem]:
    """Run the tasks; one problem per unknown word and line, naming the languages tried."""
    if not matrix:
        return []
    settings = work / "pyspelling.yml"
    settings.write_text(yaml.safe_dump({"spellchecker": "hunspell", "matrix": matrix}), "utf-8")
    shown = {str(path): place for code in sources for path, place in sources[code].items()}
    found: dict[tuple[str, int | None, str], str] = {}
    problems = []
    for task in matrix:
        language, _, quoted = task["name"].partition("/")
        languages = "/".join(dict.fromkeys([language, *(sources if quoted else ())]))
        # One process: a pool costs more than it saves on two shared cores.
        checked = pyspelling.spellcheck(
            str(settings), names=[task["name"]], binary=hunspell, jobs=1
        )
        for result in checked:
            path = result.context.split(": ", 1)[0]  # pyspelling adds the element
            file, lines = shown[path]
            if result.error:
                problems.append(Problem(file, None, f"pyspelling failed: {result.error}"))
            for word in result.words:
                for line in _lines_of(word, path, lines) or [None]:
                    found.setdefault((file, line, word), languages)
    for (file, line, word), languages in sorted(found.items(), key=_place):
        problems.append(
            Problem(
                file,
                line,
                f"unknown word '{word}' ({languages}); if it is a name or a technical term, "
                f"add it to {WORDLIST}",
            )
        )
    return problems


def _place(entry):
    (file, line, word), _ = entry
    return (file, line or 0, word)


def _lines_of(word: str, path: str, lines: dict[int, int] | None) -> list[int]:
    """The lines of the file ``path`` holding ``word`` outside code; with ``lines``, the
    catalog's lines those of a written-out catalog stand for."""
    pattern = re.compile(rf"(?<![\w'’]){re.escape(word)}(?![\w'’])")
    found, fence = [], None
    for number, text in enumerate(Path(path).read_text("utf-8").splitlines(), start=1):
        opening = re.match(r"^\s*(`{3,}|~{3,})", text)
        if fence is None and opening:
            fence = opening.group(1)
            continue
        if fence is not None:
            fence = None if text.strip().startswith(fence) else fence
            continue
        if pattern.search(re.sub(r"`[^`]*`", " ", text)):
            found.append(lines.get(number, number) if lines is not None else number)
    return list(dict.fromkeys(found))


def _sources(root, work, languages, only):
    """For each language, the files pyspelling reads: each as (file shown, line map)."""
    sources: dict[str, dict[Path, tuple[str, dict[int, int] | None]]] = {
        code: {} for code in languages
    }
    problems = []
    for code in languages:
        for path in sorted((root / "docs" / code).rglob("*.md")):
            shown = path.relative_to(root).as_posix()
            if only is None or shown in only:
                text, unreadable = read(path, shown)
                problems += unreadable
                if text is not None:
                    sources[code][path] = (shown, None)
    for catalog in sorted((root / "data").glob("*.yml")):
        shown = catalog.relative_to(root).as_posix()
        if catalog.name in NOT_PROSE or (only is not None and shown not in only):
            continue
        document, unreadable = yamlnodes.compose(catalog, shown)
        problems += unreadable
        texts = {code: [] for code in languages}
        _language_texts(document, set(languages), texts)
        for code, found in texts.items():
            if not found:
                continue
            written, lines = work / f"{catalog.stem}.{code}.md", {}
            paragraphs = []
            for line, text in found:
                lines[2 * len(paragraphs) + 1] = line
                paragraphs.append(" ".join(text.split()))
            written.write_text("\n\n".join(paragraphs) + "\n", "utf-8")
            sources[code][written] = (shown, lines)
    return sources, problems


def _language_texts(node, languages: set[str], texts: dict[str, list]) -> None:
    """Each text of a mapping keyed by language codes, under its language, with its line."""
    if isinstance(node, yaml.MappingNode):
        keys = [yamlnodes.text(key) for key, _ in node.value]
        if keys and set(keys) <= languages:
            for code, value in zip(keys, (value for _, value in node.value), strict=True):
                for item in yamlnodes.items(value) or [value]:
                    if (text := yamlnodes.text(item)) is not None:
                        texts[code].append((yamlnodes.line(item), text))
            return
        for _, value in node.value:
            _language_texts(value, languages, texts)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _language_texts(item, languages, texts)


def _wordlist(root: Path, work: Path, codes: list[str]) -> Path:
    """The words of ``data/wordlist.txt`` and of ``data/wordlist.<code>.txt`` for each of
    ``codes``, without comments, as one file for pyspelling."""
    words = []
    for path in (root / WORDLIST, *(root / f"data/wordlist.{code}.txt" for code in codes)):
        if path.is_file():
            for line in path.read_text("utf-8").splitlines():
                if word := line.split("#", 1)[0].strip():
                    words.append(word)
    written = work / f"words.{'-'.join(codes)}.txt"
    written.write_text("\n".join(words) + "\n", "utf-8")
    return written


def dictionaries_of(languages: dict[str, str]) -> dict[str, str]:
    """The Hunspell dictionary of each language (code: locale, as ``config.languages``)."""
    return {code: DICTIONARIES.get(code, locale) for code, locale in languages.items()}


def available(hunspell: str) -> set[str]:
    """The dictionaries Hunspell finds (``hunspell -D``), by name."""
    try:
        result = subprocess.run(
            [hunspell, "-D"], input="", capture_output=True, text=True, timeout=30, check=False
        )
    except OSError:
        return set()
    listed = result.stderr.partition("AVAILABLE DICTIONARIES")[2].partition("LOADED")[0]
    return {Path(line.strip()).name for line in listed.splitlines()[1:] if line.strip()}
