"""What the checks take from the site's configuration: its languages.

The languages are Material's ``extra.alternate`` list in ``mkdocs.yml`` (the same list the
build reads, ``helpcenter.site.languages``), the primary one first. The file is composed as
YAML nodes, so MkDocs' own tags (``!ENV``, ``!!python/name``) need no loader of their own.
"""

from __future__ import annotations

from pathlib import Path

from helpcenter.checks import yamlnodes
from helpcenter.checks.problem import Problem

CONFIG = "mkdocs.yml"


def languages(root: Path) -> tuple[tuple[str, ...], list[Problem]]:
    """The codes of the site's languages, primary first, or the problem that hides them."""
    document, problems = yamlnodes.compose(root / CONFIG, CONFIG)
    entries = yamlnodes.items(yamlnodes.get(yamlnodes.get(document, "extra"), "alternate"))
    codes = tuple(
        code for entry in entries if (code := yamlnodes.text(yamlnodes.get(entry, "lang")))
    )
    if not codes and not problems:
        problems = [Problem(CONFIG, None, "extra.alternate lists no language (lang: …)")]
    return codes, problems
