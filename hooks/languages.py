"""One MkDocs build per language, linked page to page.

on_config            check that every page has its twin; give the build its own site_url;
                     the primary build (mkdocs.yml) also loads every other language's config
on_page_context      the language switcher and hreflang links of the page
on_template_context  the same for the 404 page, which has no page of its own, and the sitemap
on_post_build        the primary build builds every other language into its folder of site/
"""

from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config

from _reporting import reported
from _state import PerBuild
from helpcenter import languages
from helpcenter.labels import labels_for
from helpcenter.problems import ContentError

_builds = PerBuild("hooks/languages.py")


@reported
def on_config(config):
    site = languages.languages_from_config(config.extra.get("alternate"))
    current = languages.find_language(site, config.theme["language"])
    docs_dir = Path(config.docs_dir)
    if docs_dir.name != current.code:
        raise ContentError(f"{config.config_file_path}: docs_dir must be docs/{current.code}")
    if problems := languages.missing_twins(docs_dir.parent, site):
        raise ContentError("; ".join(problems))

    root = languages.site_root_url(config.site_url or "/", current)
    config.site_url = urljoin(root, current.root.lstrip("/"))
    others = []
    if current == site[0]:
        for language in site[1:]:
            others.append(_load_language(config, language, root))
    _builds.start(config, site=site, current=current, root=root, others=others)
    return config


def _load_language(config, language, root):
    path = Path(config.config_file_path).with_name(f"mkdocs.{language.code}.yml")
    if not path.is_file():
        raise ContentError(f"{path.name} is missing: it configures the '{language.code}' site")
    other = load_config(
        config_file=str(path),
        site_dir=str(Path(config.site_dir) / language.root.strip("/")),
        site_url=urljoin(root, language.root.lstrip("/")),
        strict=config.strict,
    )
    if problems := languages.nav_differences(config.nav, other.nav, path.name):
        raise ContentError("; ".join(problems))
    return other


@reported
def on_page_context(context, page, config, nav):
    state = _builds.of(config)
    context["alternates"] = languages.alternates(
        page.url, state["current"], state["site"], state["root"]
    )
    return context


@reported
def on_template_context(context, template_name, config):
    state = _builds.of(config)
    if template_name == "404.html":
        context["alternates"] = [
            replace(alternate, href=urlsplit(alternate.absolute).path)
            for alternate in languages.alternates(
                "", state["current"], state["site"], state["root"]
            )
        ]
        context["not_found"] = labels_for(state["current"].code, "not_found.")
    elif template_name == "sitemap.xml":
        context["alternates_for"] = lambda url: languages.alternates(
            url, state["current"], state["site"], state["root"]
        )
    return context


@reported
def on_post_build(config):
    for other in _builds.of(config)["others"]:
        build(other)
