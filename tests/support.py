"""Building the site and reading what it built, shared by every test module."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from helpcenter.problems import ContentError

ROOT = Path(__file__).resolve().parent.parent


class _PlainLoader(yaml.SafeLoader):
    """mkdocs.yml as plain YAML: its ``!ENV`` and ``!!python`` tags read as nothing."""


_PlainLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_PlainLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(path: Path = ROOT / "mkdocs.yml") -> dict:
    return yaml.load(path.read_text("utf-8"), Loader=_PlainLoader)


@dataclass(frozen=True)
class SiteLanguage:
    """One language as ``extra.alternate`` in mkdocs.yml declares it, read by the tests
    themselves (not through helpcenter.site.languages, which they test)."""

    code: str
    """docs/<code>/, mkdocs.<code>.yml, the key of its texts."""
    folder: str
    """Its folder in the built site: ``""`` for the primary language, ``en/``…"""
    tag: str
    """Its hreflang."""
    locale: str
    """Babel's locale."""


def _site_languages() -> dict[str, SiteLanguage]:
    found = {}
    for entry in read_config()["extra"]["alternate"]:
        code = entry.get("code") or entry["lang"]
        folder = entry["link"].strip("/")
        found[code] = SiteLanguage(
            code, folder + "/" if folder else "", entry["lang"], entry["locale"]
        )
    return found


SITE_LANGUAGES = _site_languages()
"""Every configured language, the primary one first: each test about languages runs for
every one of them, so adding a language to mkdocs.yml adds it to the tests."""
LANGUAGES = {code: language.folder for code, language in SITE_LANGUAGES.items()}
"""Each language and its folder in the built site."""
PRIMARY = next(iter(LANGUAGES))
OTHERS = [code for code in LANGUAGES if code != PRIMARY]
LOCALES = {code: language.locale for code, language in SITE_LANGUAGES.items()}
"""Each language's Babel locale."""
HTML_LANG = {"es": "es", "en": "en", "pt": "pt"}
"""The ``<html lang>`` Material's interface texts declare for each language (its Brazilian
Portuguese ones, theme.language pt-BR, say ``pt``)."""
SITE_URL = "https://help.acme-chat.example/"
PROJECT_FILES = [
    "mkdocs.yml",
    *(f"mkdocs.{code}.yml" for code in OTHERS),
    "docs",
    "data",
    "hooks",
    "overrides",
    "helpcenter",
    "Makefile",
]
"""What a build of the site reads (and ``make build`` needs)."""


def other_language(code: str) -> str:
    """Some language other than ``code`` (the next one in the list)."""
    codes = list(LANGUAGES)
    return codes[(codes.index(code) + 1) % len(codes)]


IN_CI = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")
"""Under CI every test must run: what a laptop may skip (no Chromium, no Hunspell) fails."""
CHROMIUM = (
    os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)
"""Debian's Chromium (never a downloaded browser), for the browser tests and Lighthouse."""
CHROMIUM_FLAGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
"""Without the background-networking flags, Chromium keeps calling hosts this machine cannot
reach."""
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def copy_project(target: Path) -> Path:
    """A copy of the project's sources (no git history) in ``target``, for edited builds."""
    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    return target


def run_build(
    project: Path, site_dir: Path, config: str = "mkdocs.yml", **env: str
) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` of ``project`` into ``site_dir``, as an editor would run it
    (``config``: one language's ``mkdocs.<code>.yml`` alone)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, **env},
        timeout=300,
    )


@dataclass(frozen=True)
class Site:
    root: Path
    log: str
    day: date | None = None
    """The build day the site was built for (its statuses and ``as_of``)."""

    def folder(self, language: str) -> Path:
        return self.root / LANGUAGES[language]

    def pages(self, language: str) -> list[str]:
        """Page URLs of one language relative to its root (``""``, ``models/``), from its sitemap."""
        return sorted(self._page_urls(language))

    @cache
    def _page_urls(self, language: str) -> tuple[str, ...]:
        base = SITE_URL + LANGUAGES[language]
        return tuple(entry["loc"].removeprefix(base) for entry in self.sitemap(language))

    @cache
    def sitemap(self, language: str) -> tuple[dict[str, str], ...]:
        """Each sitemap entry as ``{"loc": url, "<hreflang>": url, ...}``."""
        tree = ElementTree.parse(self.folder(language) / "sitemap.xml")
        entries = []
        for url in tree.getroot().iter(f"{{{SITEMAP}}}url"):
            entry = {"loc": url.find(f"{{{SITEMAP}}}loc").text}
            for link in url.iter(f"{{{XHTML}}}link"):
                entry[link.get("hreflang")] = link.get("href")
            entries.append(entry)
        return tuple(entries)

    def html(self, language: str, url: str) -> str:
        return (self.folder(language) / url / "index.html").read_text("utf-8")

    @cache
    def soup(self, language: str, url: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(language, url), "html.parser")

    def article(self, language: str, url: str) -> BeautifulSoup:
        return self.soup(language, url).select_one("article.md-content__inner")

    @cache
    def search_index(self, language: str) -> dict:
        path = self.folder(language) / "search" / "search_index.json"
        return json.loads(path.read_text("utf-8"))


@contextlib.contextmanager
def phone_page(browser, viewport: dict):
    """A page in a phone's browser (touch, mobile viewport) of the given size."""
    context = browser.new_context(viewport=viewport, is_mobile=True, has_touch=True)
    try:
        yield context.new_page()
    finally:
        context.close()


def assert_clean_failure(result: subprocess.CompletedProcess, *expected: str) -> None:
    """The build failed with a message holding each of ``expected``, and no traceback."""
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "Traceback" not in log, log
    for words in expected:
        assert words in log, log


class _Dumper(yaml.SafeDumper):
    """Writes shared values out in full: catalogs refuse YAML anchors and aliases."""

    def ignore_aliases(self, data):
        return True


def dump_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True)


def write_yaml(folder: Path, name: str, data: object = None, *, text: str | None = None) -> Path:
    """``data`` (or raw ``text``) as ``folder/name``; the folder, for the loaders."""
    if text is None:
        text = dump_yaml(data)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def line_of(path: Path, words: str, occurrence: int = 1) -> int:
    """The number of the line of the file ``path`` holding ``words`` (its n-th such line)."""
    lines = path.read_text("utf-8").splitlines()
    return [number for number, line in enumerate(lines, 1) if words in line][occurrence - 1]


def content_error(load: Callable[[], object], shown_as: str) -> str:
    """The message of the ``ContentError`` that ``load()`` raises: no traceback, and it
    starts with the file as editors see it (``shown_as``)."""
    with pytest.raises(ContentError) as caught:
        load()
    message = str(caught.value)
    assert "Traceback" not in message
    assert message.startswith(shown_as)
    return message
