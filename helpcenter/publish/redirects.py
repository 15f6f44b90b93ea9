"""Old addresses that keep working: the redirect map (``data/redirects.yml``) and its pages.

Each entry sends an old page path to the page that replaced it, in every language. The
build writes, at the old address, an HTML page that sends browsers on (a meta refresh,
``rel="canonical"`` for search engines, ``noindex``, and a link for whoever stays) and a
Markdown file with the new twin's address for assistants. Neither is a page of the site,
so neither is in the search index or the sitemap.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping
from pathlib import Path
from urllib.parse import urljoin

from helpcenter.catalog.redirects import CATALOG, Redirect
from helpcenter.escapes import markdown_text
from helpcenter.publish.twins import TWIN, page_url
from helpcenter.site.labels import label
from helpcenter.site.languages import relative_url


def problems(
    redirects: Collection[Redirect],
    pages: Collection[str],
    folder: str,
    *,
    other_roots: Collection[str] = (),
    files: Collection[str] = (),
) -> list[str]:
    """What is wrong with the map for one language whose pages (``src_uri``) are ``pages``.

    A redirect writes a page and its twin at its old address, so that address may not be one
    the site publishes: a page (``billing.md`` and ``billing/index.md`` share ``/billing/``),
    another language's home and everything below it (``other_roots``, relative to this
    language's root, such as ``en/``), or a file (``files``, relative addresses such as
    ``llms.txt`` or ``billing/index.md``, a twin)."""
    found = []
    at_address = {page_url(page): page for page in pages}
    for redirect in redirects:
        where = f"data/{CATALOG}: redirect '{redirect.old}'"
        address = page_url(redirect.old)
        if redirect.old in pages:
            found.append(
                f"{where}, field from: {folder}/{redirect.old} is still a page; remove the "
                "redirect or the page"
            )
        elif address in at_address:
            found.append(
                f"{where}, field from: its address /{address} is the page "
                f"{folder}/{at_address[address]}; expected the path of a page that no longer "
                "exists"
            )
        elif root := next((r for r in other_roots if address.startswith(r)), None):
            found.append(
                f"{where}, field from: its address /{address} is inside another language's "
                f"site (/{root}); expected the path of a page that no longer exists"
            )
        elif address.rstrip("/") in files:
            found.append(
                f"{where}, field from: its address /{address} is the published file "
                f"/{address.rstrip('/')}; expected the path of a page that no longer exists"
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
    link = f"[{markdown_text(title)}]({url})"
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
