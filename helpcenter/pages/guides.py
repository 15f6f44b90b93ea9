"""Guide titles as the one name of each page: home cards and links say what the page's H1 says.

``{{ title:billing.md }}`` is the title of a guide; ``{{ page:billing.md }}`` (or
``{{ page:billing.md#section }}``) a link to it, titled the same. Titles come from each
page's first heading, so a renamed page is renamed everywhere that names it.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping

from helpcenter.pages.errorpages import first_heading
from helpcenter.pages.markers import Markers, Page
from helpcenter.problems import ContentError


class GuideTitles:
    def __init__(self, titles: Mapping[str, str] | None = None):
        self.titles = dict(titles or {})

    def read(self, pages: Iterable[tuple[str, str]], markers: Markers, language: str) -> None:
        """Each page's title from its first heading, its placeholders filled."""
        self.titles = {}
        for path, markdown in pages:
            heading = first_heading(markdown)
            if heading is not None:
                where = Page(language=language, path=path, source=f"docs/{language}/{path}")
                self.titles[path] = markers.expand(heading, where)

    def title(self, target: str, where: str) -> str:
        path = target.split("#", 1)[0]
        if path not in self.titles:
            known = ", ".join(sorted(self.titles))
            raise ContentError(f"{where}: no guide '{path}' to name (known: {known})")
        return self.titles[path]

    def link(self, target: str, page_path: str, where: str) -> str:
        """A Markdown link from the page at ``page_path`` to ``target``, titled as the guide."""
        path, _, anchor = target.partition("#")
        relative = posixpath.relpath(path, posixpath.dirname(page_path) or ".")
        return f"[{self.title(path, where)}]({relative}{'#' + anchor if anchor else ''})"
