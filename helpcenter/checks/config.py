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


def languages(root: Path) -> tuple[dict[str, str], list[Problem]]:
    """Each language of the site, primary first, with its locale (``es_419``; the code
    when the entry names none), or the problem that hides them."""
    document, problems = yamlnodes.compose(root / CONFIG, CONFIG)
    codes = {}
    for entry in yamlnodes.items(yamlnodes.get(yamlnodes.get(document, "extra"), "alternate")):
        # ``code`` when the tag is not the folder's name (pt-BR in docs/pt/), as the build reads it
        code = yamlnodes.text(yamlnodes.get(entry, "code")) or yamlnodes.text(
            yamlnodes.get(entry, "lang")
        )
        if code:
            codes[code] = yamlnodes.text(yamlnodes.get(entry, "locale")) or code
    if not codes and not problems:
        problems = [Problem(CONFIG, None, "extra.alternate lists no language (lang: …)")]
    return codes, problems
