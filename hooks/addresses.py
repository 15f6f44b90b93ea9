"""Addresses that never break: redirect pages, and no recorded address lost.

on_config        read data/redirects.yml (helpcenter.catalog.redirects) and data/published.txt,
                 which must exist (but in `make published`, which writes it); start this
                 build's record, an ``AddressesBuild`` kept by hooks/_state.py (hook modules
                 are shared by the language builds)
on_files         every redirect leaves a page that is gone, at an address nothing else
                 publishes, for one that exists
on_page_context  note each page's title, for the redirect pages' links
on_post_build    last of every hook's (its priority): write the redirect pages; the primary
                 build, whose hooks/languages.py has awaited every other language by then,
                 checks that every address in data/published.txt is still published
                 (helpcenter.publish.published): a lost one is a warning, so --strict fails
"""

from __future__ import annotations

import html
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.plugins import event_priority

from _reporting import reported
from _state import PerBuild
from helpcenter.catalog.redirects import Redirect, load_redirects
from helpcenter.problems import ContentError
from helpcenter.publish import published, redirects
from helpcenter.site import builds, languages

log = logging.getLogger("mkdocs.hooks.addresses")

LAST = -100
"""The priority of on_post_build: after every other hook's (MkDocs runs higher first)."""


@dataclass
class AddressesBuild:
    """What one language's build needs for its redirects and the published record."""

    root: Path
    """The project's folder (mkdocs.yml's)."""
    language: str
    root_path: str
    """This language's folder in the site (``/``, ``/en/``)."""
    primary: bool
    other_roots: tuple[str, ...]
    """The other languages' folders in the site (``/en/``…)."""
    recorded: list[str]
    """data/published.txt's addresses (none in ``make published``, which writes it)."""
    redirects: tuple[Redirect, ...]
    """data/redirects.yml."""
    titles: dict[str, str] = field(default_factory=dict)
    """Each page's title, by its source path."""


_builds: PerBuild[AddressesBuild] = PerBuild("hooks/addresses.py")


@reported
def on_config(config):
    site, current = languages.of_build(config)
    root = Path(config.config_file_path).resolve().parent
    recording = os.environ.get(published.RECORDING) == "1"
    _builds.start(
        config,
        AddressesBuild(
            root=root,
            language=current.code,
            root_path=current.root,
            primary=current == site[0],
            other_roots=tuple(language.root for language in site if language != current),
            recorded=[] if recording else published.read_record(root / published.RECORD),
            redirects=load_redirects(root / "data"),
        ),
    )
    return config


@reported
def on_files(files, config):
    build = _builds.of(config)
    pages = {file.src_uri for file in files.documentation_pages()}
    folder = f"docs/{build.language}"
    here = build.root_path
    if problems := redirects.problems(
        build.redirects,
        pages,
        folder,
        other_roots=[r[len(here) :] for r in build.other_roots if r.startswith(here)],
        files=published.files_under(build.recorded, here),
    ):
        raise ContentError("\n".join(problems))
    return files


@reported
def on_page_context(context, page, config, nav):
    # A page's title is HTML (the theme writes it as it is); the redirect pages want the text.
    _builds.of(config).titles[page.file.src_uri] = html.unescape(page.title)
    return context


@event_priority(LAST)
@reported
def on_post_build(config):
    build = _builds.end(config)
    site = Path(config.site_dir)
    root_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    redirects.write(site, build.redirects, build.language, root_url, build.titles, config.site_name)
    if build.primary:
        recorded = build.recorded
        if builds.mode() == "none":  # a preview of this language alone
            recorded = [a for a in recorded if not a.startswith(build.other_roots)]
        for address in published.lost(recorded, published.addresses(site)):
            log.warning(published.lost_message(address))
