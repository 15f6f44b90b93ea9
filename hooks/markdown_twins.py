"""Every page as Markdown too: its twin at ``<page>/index.md``, and llms.txt per language.

on_config         start this build's record, a ``TwinsBuild`` (each language's build has its
                  own, kept by hooks/_state.py: hook modules are shared by the builds of one
                  process)
on_nav            keep the navigation, for the order of llms.txt (read once titles are known)
on_page_markdown  the page's twin from its expanded Markdown (helpcenter.publish.twins); runs after
                  hooks/content.py, whose on_page_markdown (first by its priority) expands
                  placeholders and markers
on_page_context   the twin's address, the copy button's words and the links that open the
                  page in an AI assistant, for the templates
on_post_build     write the twins, llms.txt and llms-full.txt (helpcenter.publish.llms)
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from _reporting import reported
from _state import PerBuild
from helpcenter.pages import pageactions
from helpcenter.publish import llms, twins
from helpcenter.site import languages
from helpcenter.site.labels import labels_for, say


@dataclass
class TwinPage:
    markdown: str
    """The page's twin, its expanded Markdown for readers and assistants."""
    title: str | None = None
    description: str = ""


@dataclass
class TwinsBuild:
    """What one language's build gathers for its twins and llms.txt."""

    language: str
    root_url: str
    """The language's site URL, ending in ``/``."""
    nav: Navigation | None = None
    pages: dict[str, TwinPage] = field(default_factory=dict)
    """Each page's twin, by its source path (``billing.md``), in build order."""


_builds: PerBuild[TwinsBuild] = PerBuild("hooks/markdown_twins.py")


@reported
def on_config(config):
    _, language = languages.of_build(config)
    root_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    _builds.start(config, TwinsBuild(language=language.code, root_url=root_url))
    return config


@reported
def on_nav(nav, config, files):
    _builds.of(config).nav = nav
    return nav


def _plain(item):
    if isinstance(item, Section):
        children = [child for child in map(_plain, item.children) if child]
        return ("section", item.title, children) if children else None
    if isinstance(item, Page):
        return ("page", html.unescape(item.title), item.file.src_uri)
    return None


@reported
def on_page_markdown(markdown, page, config, files):
    build = _builds.of(config)
    place = twins.Place(build.language, page.file.src_uri, build.root_url)
    build.pages[page.file.src_uri] = TwinPage(twins.to_markdown(markdown, place))
    return markdown


@reported
def on_page_context(context, page, config, nav):
    build = _builds.of(config)
    entry = build.pages.get(page.file.src_uri)
    if entry is not None:
        # A page's title is HTML (the theme writes it as it is); llms.txt wants the text.
        entry.title = html.unescape(page.title)
        entry.description = str(page.meta.get("description") or "")
        context["markdown_twin"] = twins.TWIN
        context["copy_markdown"] = labels_for(build.language, "copy.")
        twin_address = build.root_url + twins.twin_url(page.file.src_uri)
        context["assistant_links"] = pageactions.assistant_links(twin_address, build.language)
        context["assistant_new_tab"] = say("actions.new_tab", build.language)
    return context


@reported
def on_post_build(config):
    build = _builds.end(config)
    site = Path(config.site_dir)
    pages = build.pages
    for path, entry in pages.items():
        target = site / twins.twin_url(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(entry.markdown, encoding="utf-8")
    sections = [
        llms.Section(
            title=title,
            entries=tuple(
                llms.Entry(
                    title=pages[path].title or path,
                    url=build.root_url + twins.twin_url(path),
                    description=pages[path].description,
                    markdown=pages[path].markdown,
                )
                for path in paths
            ),
        )
        for title, paths in llms.group(
            [item for item in map(_plain, build.nav.items) if item], list(pages)
        )
    ]
    name, summary = config.site_name, config.site_description or ""
    (site / "llms.txt").write_text(llms.index(name, summary, sections), encoding="utf-8")
    (site / "llms-full.txt").write_text(llms.full(name, summary, sections), encoding="utf-8")
