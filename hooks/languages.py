"""One MkDocs build per language, each in its own process, linked page to page.

on_config            check that every page has its twin and every label a text in the build's
                     language; give the build its own site_url; the primary build (mkdocs.yml)
                     checks every other language's nav, watches its mkdocs.<code>.yml and
                     prepares their builds (helpcenter.site.builds.OtherLanguages)
on_pre_build         the primary build starts every other language's build in a process of
                     its own
on_files             a language other than the primary one does not copy the theme's files: its
                     pages use the primary build's copy (helpcenter.site.shared_assets)
on_post_page         (and on_post_template) point those pages at that copy
on_page_context      the language switcher and hreflang links of the page
on_template_context  the same for the 404 page, which has no page of its own, and the sitemap
on_post_build        the primary build awaits the other languages; any failure fails the build
on_build_error       the primary build failed: stop the other languages' processes
on_serve             under `mkdocs serve`, an edit to hooks/ or helpcenter/ restarts the server
                     before the next rebuild, so that it runs the new code
"""

import logging
import os
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _reporting import reported
from _state import PerBuild
from helpcenter.problems import ContentError
from helpcenter.site import builds, languages, shared_assets
from helpcenter.site.labels import labels_for, missing_labels

CODE = ("hooks", "helpcenter")
FIRST = 100
"""The priority of on_config and on_post_build (MkDocs runs higher first): every other hook
reads the site_url and language on_config sets, and checks the site only once every
language's pages are in it."""


@dataclass
class LanguagesBuild:
    """One language's build: its languages, its site's root URL, and (the primary build)
    the other languages' builds."""

    site: list
    """Every language of the site (helpcenter.site.languages.Language), the primary first."""
    current: languages.Language
    root: str
    """The site's root URL (the primary language's)."""
    others: builds.OtherLanguages | None = None
    """The other languages' builds, started and awaited by the primary build only."""
    point: object = None
    """Rewrites a page of a language other than the primary one to use the primary build's
    theme files (helpcenter.site.shared_assets.pointer); None: the page as it is."""


_builds: PerBuild[LanguagesBuild] = PerBuild("hooks/languages.py")


@event_priority(FIRST)
@reported
def on_config(config):
    site, current = languages.of_build(config)
    docs_dir = Path(config.docs_dir)
    if docs_dir.name != current.code:
        raise ContentError(f"{config.config_file_path}: docs_dir must be docs/{current.code}")
    if problems := languages.missing_twins(docs_dir.parent, site):
        raise ContentError("; ".join(problems))
    if problems := missing_labels(current.code):
        raise ContentError("\n".join(problems))

    root = languages.site_root_url(config.site_url or "/", current)
    config.site_url = urljoin(root, current.root.lstrip("/"))
    build = _builds.start(config, LanguagesBuild(site=site, current=current, root=root))
    if current == site[0]:
        others = [
            builds.OtherLanguage(
                language.code,
                _other_config(config, language),
                Path(config.site_dir) / language.root.strip("/"),
            )
            for language in site[1:]
        ]
        build.others = builds.OtherLanguages(builds.mode(), others, _request(config, root))
        # `mkdocs serve` rebuilds when one of them changes, as for mkdocs.yml.
        config.watch.extend(
            str(other.config_file)
            for other in build.others.languages
            if str(other.config_file) not in config.watch
        )
    return config


@reported
def on_pre_build(config):
    """After every hook's on_config, so that the catalogs are validated (and cached for the
    other languages' processes) once, by this one."""
    build = _builds.of(config)
    if build.others is not None:
        build.others.start()


def _other_config(config, language):
    path = Path(config.config_file_path).with_name(f"mkdocs.{language.code}.yml")
    if not path.is_file():
        raise ContentError(f"{path.name} is missing: it configures the '{language.code}' site")
    nav = languages.configured_nav(path)
    if nav is not None and (problems := languages.nav_differences(config.nav, nav, path.name)):
        raise ContentError("; ".join(problems))
    return path


def _request(config, root):
    """The other languages' builds as this one was asked for: the same engine, --strict and
    verbosity, and the site's root URL."""
    engine = type(config).__module__.split(".")[0]
    level = logging.getLogger(engine).getEffectiveLevel()
    verbosity = "verbose" if level <= logging.DEBUG else "quiet" if level >= logging.ERROR else None
    return builds.Request(
        engine=engine,
        strict=bool(config.strict),
        verbosity=verbosity,
        env={"SITE_URL": root},
    )


@reported
def on_serve(server, config, builder):
    """MkDocs keeps hooks and their imports loaded for the life of `mkdocs serve`: after an
    edit to them, the only way to run the new code is a new process. The server's rebuild
    checks the code first, and starts the server again when it changed."""
    root = Path(config.config_file_path).resolve().parent
    folders = [root / folder for folder in CODE]
    started_with = builds.code_version(folders)
    site_dir, engine = config.site_dir, type(config).__module__.split(".")[0]

    def rebuild(config=None):
        if builds.code_version(folders) != started_with:
            _restart(site_dir, engine)
        builder(config)

    server.builder = rebuild
    return server


def _restart(site_dir, engine):
    logging.getLogger("mkdocs").info("Code in hooks/ or helpcenter/ changed: restarting the server")
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
    shutil.rmtree(site_dir, ignore_errors=True)  # the server's own temporary folder
    os.execv(sys.executable, [sys.executable, "-m", engine, *sys.argv[1:]])


@reported
def on_files(files, config):
    build = _builds.of(config)
    build.point = None
    if build.current == build.site[0]:
        codes = [language.code for language in build.site]
        urls = [file.url for file in files if file.src_dir in config.theme.dirs]
        for url in shared_assets.unused_search_files(urls, codes):
            files.remove(files.get_file_from_path(url))
        return files
    theme = [file for file in files if file.src_dir in config.theme.dirs]
    for file in theme:
        files.remove(file)
    site_path = urlsplit(build.root).path or "/"
    build.point = shared_assets.pointer([file.url for file in theme], build.current.root, site_path)
    return files


@reported
def on_post_page(output, page, config):
    return _pointed(config, output)


@reported
def on_post_template(output_content, template_name, config):
    return _pointed(config, output_content)


def _pointed(config, html):
    point = _builds.of(config).point
    return html if point is None else point(html)


@reported
def on_page_context(context, page, config, nav):
    build = _builds.of(config)
    context["alternates"] = languages.alternates(page.url, build.current, build.site, build.root)
    return context


@reported
def on_template_context(context, template_name, config):
    build = _builds.of(config)
    if template_name == "404.html":
        context["alternates"] = [
            replace(alternate, href=urlsplit(alternate.absolute).path)
            for alternate in languages.alternates("", build.current, build.site, build.root)
        ]
        context["not_found"] = labels_for(build.current.code, "not_found.")
    elif template_name == "sitemap.xml":
        context["alternates_for"] = lambda url: languages.alternates(
            url, build.current, build.site, build.root
        )
    return context


@event_priority(FIRST)
@reported
def on_post_build(config):
    build = _builds.of(config)
    if build.others is None:
        return
    outcomes = build.others.wait()
    for outcome in outcomes:
        for line in outcome.lines:
            print(f"[{outcome.code}] {line}", file=sys.stderr)
    problems = [outcome.problem for outcome in outcomes if outcome.problem]
    if problems:
        raise PluginError("\n".join(problems))


def on_build_error(error):
    for build in _builds.states():
        if build.others is not None:
            build.others.stop()
