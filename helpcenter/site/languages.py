"""The site's languages: where each one lives and how a page finds its twin.

Each language is a separate MkDocs build with its own ``docs/<code>/`` folder,
its own search index and its own 404 page. Both keep the same paths, so a page's
twin is the same path under the other language's root (``/`` or ``/en/``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import yaml

from helpcenter.problems import ContentError


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    root: str
    """Path of the language's home below the site root, such as ``/`` or ``/en/``."""
    locale: str
    """How numbers and dates are written (a Babel locale such as ``es_419``)."""


@dataclass(frozen=True)
class Alternate:
    """A link from one page to the same page in some language."""

    language: Language
    href: str
    """Relative to the current page, so it works on any host and under ``mkdocs serve``."""
    absolute: str
    """Absolute URL, for ``hreflang`` and the sitemap."""
    current: bool


def languages_from_config(alternates: Sequence[Mapping[str, str]] | None) -> list[Language]:
    """Read the language list (Material's ``extra.alternate``); the first one is the primary build."""
    if not alternates:
        raise ContentError("mkdocs.yml: extra.alternate must list the site's languages")
    languages = []
    for number, entry in enumerate(alternates, start=1):
        missing = [key for key in ("name", "lang", "link") if not entry.get(key)]
        if missing:
            raise ContentError(
                f"mkdocs.yml: extra.alternate entry {number} lacks {', '.join(missing)}"
            )
        root = "/" + str(entry["link"]).strip("/") + "/"
        languages.append(
            Language(
                code=entry["lang"],
                name=entry["name"],
                root=root.replace("//", "/"),
                locale=entry.get("locale", entry["lang"]),
            )
        )
    return languages


def find_language(languages: Iterable[Language], code: str) -> Language:
    for language in languages:
        if language.code == code:
            return language
    raise ContentError(f"mkdocs.yml: theme.language '{code}' is not one of extra.alternate")


def site_root_url(site_url: str, language: Language) -> str:
    """The root of the whole site, given a language build's own ``site_url``."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    if language.root != "/" and base.endswith(language.root):
        return base[: -len(language.root)] + "/"
    return base


def relative_url(from_path: str, to_path: str) -> str:
    """URL of ``to_path`` relative to the page at ``from_path`` (both absolute, directory-style)."""
    from_dir = from_path if from_path.endswith("/") else posixpath.dirname(from_path) + "/"
    relative = posixpath.relpath(to_path, from_dir)
    if to_path.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return "./" if relative == "./" else relative


def alternates(
    page_url: str, current: Language, languages: Sequence[Language], root_url: str
) -> list[Alternate]:
    """The same page in every language, ``page_url`` being MkDocs' ``page.url`` (``models/``)."""
    here = current.root + page_url
    return [
        Alternate(
            language=language,
            href=relative_url(here, language.root + page_url),
            absolute=urljoin(root_url, (language.root + page_url).lstrip("/")),
            current=language == current,
        )
        for language in languages
    ]


def missing_twins(docs_root: Path, languages: Sequence[Language]) -> list[str]:
    """Every page that exists in one language folder but not in another, as a readable line."""
    pages = {
        language.code: {
            path.relative_to(docs_root / language.code).as_posix()
            for path in (docs_root / language.code).rglob("*.md")
        }
        for language in languages
    }
    everywhere = set().union(*pages.values())
    problems = []
    for page in sorted(everywhere):
        present = [code for code in pages if page in pages[code]]
        absent = [code for code in pages if page not in pages[code]]
        if absent:
            problems.append(
                f"docs/{present[0]}/{page} has no twin: add "
                + " and ".join(f"docs/{code}/{page}" for code in absent)
                + " (every page must exist in every language)"
            )
    return problems


def nav_pages(nav: Sequence | None) -> list[str]:
    """The page paths of a MkDocs ``nav`` setting, in order, ignoring titles and external links."""
    found: list[str] = []

    def walk(item):
        if isinstance(item, str):
            if "://" not in item:
                found.append(item)
        elif isinstance(item, Mapping):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav or [])
    return found


def configured_nav(config_file: Path) -> list | None:
    """The ``nav`` a MkDocs configuration file sets itself (None: it inherits its parent's),
    read as plain YAML, without MkDocs' tags or a whole configuration load."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ContentError(f"{config_file.name} cannot be read: {error}") from None
    return data.get("nav") if isinstance(data, dict) else None


def nav_differences(primary: Sequence | None, other: Sequence | None, other_file: str) -> list[str]:
    """How another language's ``nav`` departs from the primary one (same pages, same order)."""
    mine, theirs = nav_pages(primary), nav_pages(other)
    if mine == theirs:
        return []
    return [
        f"{other_file}: nav lists {theirs} but mkdocs.yml lists {mine}; "
        "both languages must list the same pages in the same order"
    ]
