"""Every address the site publishes, recorded in ``data/published.txt`` so none is lost.

An address is a page (``/models/``, generated error pages and redirect pages included) or
a file a reader or a program fetches by name: Markdown twins, ``llms.txt``, JSON, feeds and
sitemaps (``.md``, ``.txt``, ``.json``, ``.xml``). The theme's assets and search index,
whose names change with each theme release, are not addresses anyone keeps.

Update the record with ``make published`` after adding a page; the build fails when a
recorded address is no longer published (a renamed page needs an entry in
``data/redirects.yml``), and when the record itself is missing: without it no address would
be guarded. ``make published`` builds with ``HELPCENTER_RECORDING=1``, the one build that
may run without the record, since it writes it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from helpcenter.problems import ContentError

RECORD = "data/published.txt"
RECORDING = "HELPCENTER_RECORDING"
"""Set to ``1`` by ``make published``: the build that writes the record may run without it."""
FILES = (".md", ".txt", ".json", ".xml")
_SKIPPED = {"assets", "search"}
_HEADER = (
    "# Every address the site publishes (pages, twins, JSON, feeds, llms files).\n"
    "# Written by `make published`; the build fails when one of them disappears.\n"
    "# A renamed page needs an entry in data/redirects.yml.\n"
)


def addresses(site_dir: Path) -> list[str]:
    """The addresses in a built site, sorted. Each language's folder (where its
    ``sitemap.xml`` is) holds theme folders that are skipped."""
    skipped = {
        (sitemap.parent / name).relative_to(site_dir).as_posix()
        for sitemap in site_dir.rglob("sitemap.xml")
        for name in _SKIPPED
    }
    found = set()
    for path in site_dir.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(site_dir)
        if any(parent.as_posix() in skipped for parent in relative.parents):
            continue
        if path.name == "index.html":
            folder = relative.parent.as_posix()
            found.add("/" if folder == "." else f"/{folder}/")
        elif path.suffix in FILES:
            found.add("/" + relative.as_posix())
    return sorted(found)


def read_record(path: Path) -> list[str]:
    if not path.is_file():
        raise ContentError(
            f"{RECORD} is missing: it records every address the site publishes so that none "
            "is lost; create it with 'make published'"
        )
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def files_under(recorded: Iterable[str], root: str) -> set[str]:
    """The recorded files (not pages) below the language root ``root`` (``/``, ``/en/``),
    relative to it: ``llms.txt``, ``billing/index.md``."""
    return {
        address[len(root) :]
        for address in recorded
        if address.startswith(root) and not address.endswith("/")
    }


def lost(recorded: Iterable[str], published: Iterable[str]) -> list[str]:
    """The recorded addresses that are not published any more, in the record's order."""
    present = set(published)
    return [address for address in recorded if address not in present]


def record_text(published: Iterable[str]) -> str:
    return _HEADER + "".join(f"{address}\n" for address in sorted(published))


def lost_message(address: str) -> str:
    return (
        f"{RECORD}: {address} is no longer published. If its page was renamed or moved, add "
        "an entry to data/redirects.yml (from: the old path, to: the new one); if it is "
        "gone on purpose, run 'make published'"
    )


def main(arguments: list[str]) -> int:
    """``python -m helpcenter.publish.published SITE_DIR RECORD``: record what SITE_DIR publishes."""
    if len(arguments) != 2:
        print(main.__doc__, file=sys.stderr)
        return 2
    site, record = Path(arguments[0]), Path(arguments[1])
    record.write_text(record_text(addresses(site)), encoding="utf-8")
    print(f"{record}: {len(read_record(record))} addresses")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
