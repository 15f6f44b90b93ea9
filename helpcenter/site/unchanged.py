"""Under ``mkdocs serve``, a language whose sources did not change keeps the pages it built.

``mkdocs serve`` rebuilds the whole site after every edit, and the primary build starts a
process for every other language each time (helpcenter.site.builds). An edit to one
language's page cannot change another language's pages: each language reads its own
``docs/<code>/`` folder, and of the other languages' folders only which pages exist. So
the primary build compares, for each other language, a fingerprint of everything that
language's build reads with the one of its last successful build in this server; when
they are the same, the language's folder is set aside before MkDocs empties the site
(MkDocs leaves hidden entries alone) and put back afterwards, and no process starts.

A fingerprint holds the size and modification time of every file the build can read
(the configuration files, the watched folders, the language's own pages, the Git index
that page dates come from), the names of the other languages' pages, the build day and
the command line and environment the process would get: when any of them changes, the
language is built again.
"""

from __future__ import annotations

import shutil
import stat
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from helpcenter.pages.formatting import build_day

KEPT_PREFIX = ".kept-"
"""The hidden folder of the site that holds a language's pages while MkDocs empties it."""


def fingerprint(
    read: Iterable[Path],
    other_docs: Sequence[Path],
    command: Sequence[str],
    env: Mapping[str, str],
) -> tuple:
    """What changes when anything a language's build reads changes.

    ``read``: files and folders the build reads; ``other_docs``: the other languages'
    page folders, of which only the names of the pages count.
    """
    others = [folder.resolve() for folder in other_docs]
    seen: list[tuple] = []
    for path in sorted({each.resolve() for each in read}):
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            if _ignored(file.relative_to(path).parts if file != path else ()):
                continue
            if any(folder == file or folder in file.parents for folder in others):
                seen.append((str(file),))
                continue
            try:
                status = file.stat()
            except OSError:
                seen.append((str(file), None))
                continue
            if not stat.S_ISDIR(status.st_mode):
                seen.append((str(file), status.st_mtime_ns, status.st_size))
    return (
        build_day().isoformat(),
        tuple(command),
        tuple(sorted(env.items())),
        tuple(seen),
    )


def _ignored(parts: Sequence[str]) -> bool:
    """Files no build reads: hidden ones (editors' swap files; MkDocs skips them) and
    Python's compiled copies, which the processes themselves write."""
    return any(part.startswith(".") or part == "__pycache__" for part in parts)


def set_aside(site_dir: Path, language_dir: Path) -> Path | None:
    """Move a language's built folder (``site/en``) to a hidden folder of the site, where
    MkDocs' cleaning leaves it; None when there is nothing to keep."""
    if not language_dir.is_dir() or language_dir.parent != site_dir:
        return None
    kept = site_dir / f"{KEPT_PREFIX}{language_dir.name}"
    shutil.rmtree(kept, ignore_errors=True)
    language_dir.replace(kept)
    return kept


def put_back(kept: Path, language_dir: Path) -> None:
    """The kept folder takes the language's place again."""
    shutil.rmtree(language_dir, ignore_errors=True)
    kept.replace(language_dir)
