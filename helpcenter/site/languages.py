"""The site's languages: where each one lives and how a page finds its twin.

Each language is a separate MkDocs build with its own ``docs/<code>/`` folder,
its own search index and its own 404 page. All keep the same paths, so a page's
twin is the same path under another language's root (``/``, ``/en/``, ``/pt/``).

The languages are the entries of ``extra.alternate`` in ``mkdocs.yml``, and nothing else
lists them: adding one is its entry there, its ``mkdocs.<code>.yml``, its ``docs/<code>/``
and its texts (CONTRIBUTING.md, "Adding a language").
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import yaml

from helpcenter.problems import ContentError


@dataclass(frozen=True)
class Language:
    code: str
    """The language's short name: its folder ``docs/<code>/``, its ``mkdocs.<code>.yml`` and
    the key of its texts in the catalogs and labels (``es``, ``en``, ``pt``)."""
    name: str
    root: str
    """Path of the language's home below the site root, such as ``/`` or ``/en/``."""
    locale: str
    """How numbers and dates are written (a Babel locale such as ``es_419``)."""
    tag: str
    """Its BCP 47 tag (``pt-BR``): ``hreflang``, and the ``theme.language`` of its build,
    which must be a language Material knows."""


@dataclass(frozen=True)
class Alternate:
    """A link from one page to the same page in some language."""

    language: Language
    href: str
    """Relative to the current page, so it works on any host and under ``mkdocs serve``."""
    absolute: str
    """Absolute URL, for ``hreflang`` and the sitemap."""
    current: bool


_CODE = re.compile(r"^[a-z]{2,3}$")
_LINK = re.compile(r"^/(?:[a-z0-9][a-z0-9-]*/)*$")
"""A language's root on this site: ``/``, ``/en/``."""


def languages_from_config(alternates: Sequence[Mapping[str, str]] | None) -> list[Language]:
    """Read the language list (Material's ``extra.alternate``); the first one is the primary build.

    Each entry has ``name`` (as the switcher shows it), ``lang`` (the BCP 47 tag, also the
    ``theme.language`` of its build), ``link`` (its root), ``locale`` (Babel's) and, when the
    tag is not the short code of its folder and texts, ``code`` (``pt`` for ``pt-BR``).
    """
    if not alternates:
        raise ContentError("mkdocs.yml: extra.alternate must list the site's languages")
    languages: list[Language] = []
    for number, entry in enumerate(alternates, start=1):
        where = f"mkdocs.yml: extra.alternate entry {number}"
        if not isinstance(entry, Mapping):
            raise ContentError(f"{where} must be a mapping with name, lang and link")
        missing = [key for key in ("name", "lang", "link") if not entry.get(key)]
        if missing:
            raise ContentError(f"{where} lacks {', '.join(missing)}")
        link = str(entry["link"])
        if not _LINK.match(link):
            raise ContentError(
                f"{where}, field link is {link[:100]!r}; expected the language's folder on this "
                "site, such as / or /en/ (lowercase letters, digits and -, between slashes)"
            )
        code = str(entry.get("code") or entry["lang"])
        if not _CODE.match(code):
            raise ContentError(
                f"{where}, field code: '{code}' must be two or three lowercase letters "
                "(the folder docs/<code>/ and the key of the language's texts); "
                "give it when lang is a tag such as pt-BR"
            )
        root = link
        language = Language(
            code=code,
            name=str(entry["name"]),
            root=root,
            locale=str(entry.get("locale", code)),
            tag=str(entry["lang"]),
        )
        for other in languages:
            for field, attribute in (("code", "code"), ("lang", "tag"), ("link", "root")):
                if getattr(other, attribute) == getattr(language, attribute):
                    raise ContentError(
                        f"{where}, field {field}: '{getattr(language, attribute)}' "
                        f"is already {other.name}'s"
                    )
        languages.append(language)
    return languages


def find_language(
    languages: Iterable[Language], tag: str, config_file: str = "mkdocs.yml"
) -> Language:
    """The language whose build has ``theme.language: <tag>``; ``config_file`` names the
    build's configuration (``mkdocs.en.yml``) in the error."""
    for language in languages:
        if language.tag == tag:
            return language
    raise ContentError(
        f"{config_file}: theme.language '{tag}' is not one of extra.alternate (their lang)"
    )


def of_build(config) -> tuple[list[Language], Language]:
    """The site's languages and the one a MkDocs configuration builds, as every hook reads them."""
    site = languages_from_config(config.extra.get("alternate"))
    config_file = posixpath.basename(str(getattr(config, "config_file_path", None) or "mkdocs.yml"))
    return site, find_language(site, config.theme["language"], config_file)


_SITE_URL = re.compile(
    r"^https?://(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]+)?(?:/[A-Za-z0-9._~%/-]*)?$"
)


def check_site_url(site_url: object, config_file: str = "mkdocs.yml") -> None:
    """``site_url`` (from ``SITE_URL`` or the configuration) is the address every absolute
    link, feed and JSON file is built on: a web address of a host and a plain path."""
    if not isinstance(site_url, str) or not _SITE_URL.match(site_url):
        raise ContentError(
            f"{config_file}: site_url is {str(site_url)[:100]!r}; expected the site's address, "
            "such as https://help.example.com/ (set it in mkdocs.yml or with SITE_URL)"
        )


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


def _plain_config(config_file: Path) -> dict:
    """A MkDocs configuration file as plain YAML, without MkDocs' tags or a whole load."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ContentError(f"{config_file.name} cannot be read: {error}") from None
    return data if isinstance(data, dict) else {}


def configured_nav(config_file: Path) -> list | None:
    """The ``nav`` a MkDocs configuration file sets itself (None: it inherits its parent's),
    read as plain YAML, without MkDocs' tags or a whole configuration load."""
    return _plain_config(config_file).get("nav")


def configured_languages(config_file: Path) -> list[Language]:
    """The site's languages as ``mkdocs.yml`` lists them, read without building (the tools
    editors run beside the build)."""
    extra = _plain_config(config_file).get("extra") or {}
    return languages_from_config(extra.get("alternate") if isinstance(extra, dict) else None)


def nav_differences(primary: Sequence | None, other: Sequence | None, other_file: str) -> list[str]:
    """How another language's ``nav`` departs from the primary one (same pages, same order)."""
    mine, theirs = nav_pages(primary), nav_pages(other)
    if mine == theirs:
        return []
    return [
        f"{other_file}: nav lists {theirs} but mkdocs.yml lists {mine}; "
        "both languages must list the same pages in the same order"
    ]
