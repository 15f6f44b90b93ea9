"""Old addresses that keep working: the redirect map (``data/redirects.yml``) and its pages.

Each entry sends an old page path to the page that replaced it, in every language. The
build writes, at the old address, an HTML page that sends browsers on (a meta refresh,
``rel="canonical"`` for search engines, ``noindex``, and a link for whoever stays) and a
Markdown file with the new twin's address for assistants. Neither is a page of the site,
so neither is in the search index or the sitemap.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from helpcenter.catalog.datafile import entry_namer, load_valid
from helpcenter.problems import ContentError
from helpcenter.publish.twins import TWIN, page_url
from helpcenter.site.labels import label
from helpcenter.site.languages import relative_url

CATALOG = "redirects.yml"
SCHEMA = "redirects.schema.json"
_ENTRY = entry_namer("redirects", "from", "redirect")


@dataclass(frozen=True)
class Redirect:
    old: str
    new: str


def load_redirects(data_dir: Path) -> tuple[Redirect, ...]:
    data = load_valid(data_dir, CATALOG, SCHEMA, _ENTRY)
    redirects, problems, seen = [], [], set()
    for entry in data["redirects"]:
        where = f"data/{CATALOG}: redirect '{entry['from']}'"
        if entry["from"] in seen:
            problems.append(f"{where}, field from is listed twice; each old page needs one entry")
        seen.add(entry["from"])
        if entry["from"] == entry["to"]:
            problems.append(f"{where}, field to: a page cannot redirect to itself")
        redirects.append(Redirect(old=entry["from"], new=entry["to"]))
    old = {redirect.old: redirect.new for redirect in redirects}
    for redirect in redirects:
        if redirect.new in old and redirect.new != redirect.old:
            problems.append(
                f"data/{CATALOG}: redirect '{redirect.old}', field to: {redirect.new} is itself "
                f"redirected; point it at {old[redirect.new]}"
            )
    if problems:
        raise ContentError("\n".join(problems))
    return tuple(redirects)


def problems(redirects: Collection[Redirect], pages: Collection[str], folder: str) -> list[str]:
    """What is wrong with the map for one language whose pages (``src_uri``) are ``pages``."""
    found = []
    for redirect in redirects:
        where = f"data/{CATALOG}: redirect '{redirect.old}'"
        if redirect.old in pages:
            found.append(
                f"{where}, field from: {folder}/{redirect.old} is still a page; remove the "
                "redirect or the page"
            )
        if redirect.new not in pages:
            found.append(
                f"{where}, field to: {redirect.new} is not a page of {folder}; expected the "
                "page that replaced it, in every language"
            )
    return found


def html_page(redirect: Redirect, language: str, root_url: str, title: str, site_name: str) -> str:
    """The HTML at the old address; ``root_url`` is the language's absolute home URL."""
    here = "/" + page_url(redirect.old)
    target = "/" + page_url(redirect.new)
    relative = html.escape(relative_url(here, target))
    absolute = html.escape(urljoin(root_url, page_url(redirect.new)))
    heading = html.escape(label("redirect.title", language))
    link = f'<a href="{relative}">{html.escape(title)}</a>'
    text = html.escape(label("redirect.text", language)).replace("{link}", link)
    return "\n".join(
        [
            "<!doctype html>",
            f'<html lang="{html.escape(language)}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{heading} · {html.escape(site_name)}</title>",
            '<meta name="robots" content="noindex">',
            f'<link rel="canonical" href="{absolute}">',
            f'<meta http-equiv="refresh" content="0; url={relative}">',
            "</head>",
            "<body>",
            f"<h1>{heading}</h1>",
            f"<p>{text}</p>",
            "</body>",
            "</html>",
            "",
        ]
    )


def markdown_page(redirect: Redirect, language: str, root_url: str, title: str) -> str:
    """The Markdown at the old twin's address, pointing at the new twin."""
    url = urljoin(root_url, page_url(redirect.new) + TWIN)
    link = "[" + re.sub(r"([\\\[\]])", r"\\\1", " ".join(title.split())) + f"]({url})"
    text = label("redirect.text", language).replace("{link}", link)
    return f"# {label('redirect.title', language)}\n\n{text}\n"


def write(
    site_dir: Path,
    redirects: Collection[Redirect],
    language: str,
    root_url: str,
    titles: Mapping[str, str],
    site_name: str,
) -> None:
    for redirect in redirects:
        folder = site_dir / page_url(redirect.old)
        folder.mkdir(parents=True, exist_ok=True)
        title = titles.get(redirect.new) or redirect.new
        (folder / "index.html").write_text(
            html_page(redirect, language, root_url, title, site_name), encoding="utf-8"
        )
        (folder / TWIN).write_text(
            markdown_page(redirect, language, root_url, title), encoding="utf-8"
        )
