"""Links between pages that point at no page.

``mkdocs build --strict`` fails on them too; this check names the line, and runs in
a fraction of a second on the files a commit touches. Error pages are generated at
build time, so a link to ``errors/<slug>.md`` is good when ``data/errors.yml`` has
that slug.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from helpcenter.checks.problem import Problem, wanted

_LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_FENCE = re.compile(r"^\s*(```|~~~)")


def check_links(root: Path, files: Iterable[str] | None = None) -> list[Problem]:
    limited = frozenset(files) if files is not None else None
    generated = _generated_pages(root)
    problems = []
    for page in sorted((root / "docs").glob("*/**/*.md")):
        shown = page.relative_to(root).as_posix()
        if not wanted(shown, limited):
            continue
        language_root = root / "docs" / page.relative_to(root / "docs").parts[0]
        here = page.parent.relative_to(language_root).as_posix()
        in_code = False
        for number, line in enumerate(page.read_text("utf-8").splitlines(), start=1):
            if _FENCE.match(line):
                in_code = not in_code
            if in_code:
                continue
            for link in _LINK.finditer(line):
                target = link["target"].split("#")[0]
                if not target or "://" in target or target.startswith(("mailto:", "{{")):
                    continue
                path = posixpath.normpath(posixpath.join(here, target))
                if path.startswith("..") or not (
                    (language_root / path).is_file() or path in generated
                ):
                    problems.append(
                        Problem(
                            shown,
                            number,
                            f"link to '{link['target']}' points at no page "
                            f"({language_root.relative_to(root).as_posix()}/{path} does not exist)",
                        )
                    )
    return problems


def _generated_pages(root: Path) -> set[str]:
    try:
        catalog = yaml.safe_load((root / "data" / "errors.yml").read_text("utf-8"))
        return {f"errors/{entry['slug']}.md" for entry in catalog["errors"]}
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return set()
