"""A language's build process started ahead of the build it will run, for ``mkdocs serve``.

A fresh interpreter spends a good part of a small language's build importing MkDocs, the
theme, Markdown's extensions and this package. Under ``mkdocs serve`` the primary build
starts the process for the next rebuild of each other language as soon as a build is
done (helpcenter.site.builds), while the editor is still writing: the process imports
everything, then waits. The next rebuild hands it the command line and environment that
``helpcenter.site.builds.command`` gives, and the process runs MkDocs' own command line
with them, so it logs and fails exactly as ``python -m mkdocs build …`` does.

It reads nothing of the project before it is handed its build: an edit to the pages or
the data made while it waits is in the build. An edit to the code restarts the server
(hooks/languages.py), which closes the pipe this process waits on: it then ends without
building.

    python -m helpcenter.site.prestart <engine>
    stdin: one line of JSON, {"args": [...], "env": {...}}; nothing (end of file): end
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import pkgutil
import sys

PRELOADED = (
    "markdown",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.emoji",
    "pymdownx.tabbed",
    "pymdownx.details",
    "pymdownx.keys",
    "pymdownx.inlinehilite",
    "material.extensions.emoji",
    "material.plugins.search.plugin",
    "jsonschema",
    "babel.dates",
    "babel.numbers",
    "yaml",
)
"""What a build imports besides MkDocs and this package (mkdocs.yml's extensions and
plugins, and what the hooks use); a module missing here is imported by the build."""
BUILD_PACKAGES = (
    "helpcenter.catalog",
    "helpcenter.pages",
    "helpcenter.publish",
    "helpcenter.site",
    "helpcenter.tools",
)
"""This package's parts that the hooks use (not the content checks of ``make check``)."""


def preload(engine: str) -> None:
    importlib.import_module(f"{engine}.__main__")
    importlib.import_module(f"{engine}.commands.build")
    for name in PRELOADED:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    for name in BUILD_PACKAGES:
        package = importlib.import_module(name)
        for module in pkgutil.iter_modules(package.__path__, f"{name}."):
            if module.name != __spec__.name:
                importlib.import_module(module.name)


def main(arguments: list[str]) -> None:
    engine = arguments[0]
    preload(engine)
    line = sys.stdin.readline()
    if not line.strip():
        return
    request = json.loads(line)
    os.environ.update(request["env"])
    cli = importlib.import_module(f"{engine}.__main__").cli
    cli.main(args=request["args"], prog_name=engine)


if __name__ == "__main__":
    main(sys.argv[1:])
