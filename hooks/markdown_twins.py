"""Every page as Markdown too: its twin at ``<page>/index.md``, and llms.txt per language.

on_config         start this build's record (each language's build has its own, keyed by
                  its config: hook modules are shared by the builds of one process)
on_nav            keep the navigation, for the order of llms.txt (read once titles are known)
on_page_markdown  the page's twin from its expanded Markdown (helpcenter.publish.twins); runs after
                  hooks/content.py, which expands placeholders and markers
on_page_context   the twin's address, the copy button's words and the links that open the
                  page in an AI assistant, for the templates
on_post_build     write the twins, llms.txt and llms-full.txt (helpcenter.publish.llms)
"""

from pathlib import Path

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from _reporting import reported
from helpcenter.pages import pageactions
from helpcenter.publish import llms, twins
from helpcenter.site import languages
from helpcenter.site.labels import labels_for, say

_builds = {}


def _record(config):
    return _builds[id(config)]


@reported
def on_config(config):
    _, language = languages.of_build(config)
    root_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    _builds[id(config)] = {
        "language": language.code,
        "root_url": root_url,
        "nav": None,
        "pages": {},
    }
    return config


def on_nav(nav, config, files):
    _record(config)["nav"] = nav
    return nav


def _plain(item):
    if isinstance(item, Section):
        children = [child for child in map(_plain, item.children) if child]
        return ("section", item.title, children) if children else None
    if isinstance(item, Page):
        return ("page", item.title, item.file.src_uri)
    return None


@reported
def on_page_markdown(markdown, page, config, files):
    record = _record(config)
    place = twins.Place(record["language"], page.file.src_uri, record["root_url"])
    record["pages"][page.file.src_uri] = {"markdown": twins.to_markdown(markdown, place)}
    return markdown


def on_page_context(context, page, config, nav):
    record = _record(config)
    entry = record["pages"].get(page.file.src_uri)
    if entry is not None:
        entry.update(title=page.title, description=str(page.meta.get("description") or ""))
        context["markdown_twin"] = twins.TWIN
        context["copy_markdown"] = labels_for(record["language"], "copy.")
        twin_address = record["root_url"] + twins.twin_url(page.file.src_uri)
        context["assistant_links"] = pageactions.assistant_links(twin_address, record["language"])
        context["assistant_new_tab"] = say("actions.new_tab", record["language"])
    return context


@reported
def on_post_build(config):
    record = _builds.pop(id(config))
    site = Path(config.site_dir)
    pages = record["pages"]
    for path, entry in pages.items():
        target = site / twins.twin_url(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(entry["markdown"], encoding="utf-8")
    sections = [
        llms.Section(
            title=title,
            entries=tuple(
                llms.Entry(
                    title=pages[path].get("title") or path,
                    url=record["root_url"] + twins.twin_url(path),
                    description=pages[path].get("description", ""),
                    markdown=pages[path]["markdown"],
                )
                for path in paths
            ),
        )
        for title, paths in llms.group(
            [item for item in map(_plain, record["nav"].items) if item], list(pages)
        )
    ]
    name, summary = config.site_name, config.site_description or ""
    (site / "llms.txt").write_text(llms.index(name, summary, sections), encoding="utf-8")
    (site / "llms-full.txt").write_text(llms.full(name, summary, sections), encoding="utf-8")
