"""Whether each translated page is as new as its primary-language source, from git history.

A translation (``docs/en/billing.md``) is *out of date* when its source (``docs/es/billing.md``)
changed in content in a commit newer than the last commit that touched the translation.
"Changed in content" means a line differs when whitespace and blank lines are ignored (git's
``-w --ignore-blank-lines``): indentation, trailing spaces or blank lines ask nothing of
translators. Front matter holds no dates; a change of its ``title``, ``description``, ``search``
or ``hide`` is content, while its ``phrases`` and ``sections`` (and an error's ``phrases``) are
each language's own words for the search box, never translations: changing them alone asks
nothing (:data:`SEARCH_ONLY`).

Editors say in git, never by editing a date, what needs no translation (a typo fix), with a
trailer in the commit message:

- ``Translation: not-needed``: none of the commit's changes;
- ``Translation: not-needed docs/es/a.md``: its changes to those files;
- ``Translation: not-needed 1a2b3c4``: an earlier commit's changes (said afterwards);
- ``Translation: checked docs/en/a.md``: the translation was read against the new source
  and needs nothing, as if the commit had touched it.

Every commit that touches the translation counts as its update. The trailers are read from
commits that change something under ``docs/`` or ``data/`` (an empty commit is not seen).
Lunaria reads directives from commit messages in the same spirit; FastAPI's scripts compare
the files' last commits.

The history is read by one ``git log`` per build (``--raw`` lists every file a commit touched,
``--numstat -w`` the ones whose content changed). Without git history (a source archive, git
missing) there is nothing to compare: ``read_history`` returns None and the build says so once.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path

from helpcenter.catalog.frontmatter import FRONT_MATTER
from helpcenter.catalog.validated import FOLDER as CACHE
from helpcenter.catalog.validated import cached_value
from helpcenter.localized import long_date
from helpcenter.site.labels import label, say
from helpcenter.site.languages import Language

TRAILER = "Translation"
PRIMARY = "es"
"""The language every other is translated from (the first of ``extra.alternate``)."""
NOT_NEEDED = "not-needed"
CHECKED = "checked"
TRACKED = ("docs", "data")
"""What the history is read for: pages, catalogs, label files."""


@dataclass(frozen=True)
class Commit:
    sha: str
    day: date
    subject: str
    touched: frozenset[str]
    """Every file the commit changed in any way, and those its ``Translation: checked`` names."""
    changed: frozenset[str]
    """The files whose content it changed (not only whitespace or blank lines)."""
    not_needed: frozenset[str] | bool = False
    """``Translation: not-needed``: True for the whole commit, or the files it names."""
    excuses: frozenset[str] = frozenset()
    """Earlier commits (abbreviated hashes) its ``Translation: not-needed <hash>`` excuses."""

    def asks_translation_of(self, path: str) -> bool:
        """Whether this commit, by itself, asks the translations of ``path`` to follow."""
        if path not in self.changed or self.not_needed is True:
            return False
        return not (self.not_needed and path in self.not_needed)


@dataclass(frozen=True)
class History:
    commits: tuple[Commit, ...]
    """Newest first, as ``git log`` lists them."""
    root: Path | None = None
    """The repository, to read a page's versions (:meth:`searched_only`); None: never read."""

    @cached_property
    def _excuses(self) -> frozenset[str]:
        return frozenset(prefix for commit in self.commits for prefix in commit.excuses)

    def excused(self, commit: Commit) -> bool:
        """Whether a later commit said ``Translation: not-needed <hash>`` of ``commit``."""
        return any(commit.sha.startswith(prefix) for prefix in self._excuses)

    def since_update(self, source: str, translation: str) -> list[Commit]:
        """The commits that changed ``source``'s content after ``translation`` was last touched,
        newest first (empty: the translation is current, or was never committed)."""
        found = []
        for commit in self.commits:
            if translation in commit.touched:
                return [each for each in found if not self.searched_only(source, each)]
            if commit.asks_translation_of(source) and not self.excused(commit):
                found.append(commit)
        return []

    def searched_only(self, source: str, commit: Commit) -> bool:
        """Whether ``commit`` changed only the readers' words of page ``source``: its front
        matter's ``phrases`` and ``sections``, which each language writes in its own words
        for the search box, so they ask nothing of translators."""
        if self.root is None or not source.endswith(".md"):
            return False
        touching = [each for each in self.commits if source in each.touched]
        index = touching.index(commit)
        if index + 1 >= len(touching):
            return False
        after, before = _blobs(self.root, source, [commit, touching[index + 1]])
        if after is None or before is None:
            return False
        return _translatable(after) == _translatable(before)


@dataclass(frozen=True)
class Status:
    """One translated file against its source."""

    source: str
    translation: str
    behind: tuple[Commit, ...] = field(default=())

    @property
    def current(self) -> bool:
        return not self.behind

    @property
    def source_changed(self) -> date | None:
        """The day of the newest change of the source the translation lacks."""
        return self.behind[0].day if self.behind else None


_HASH = re.compile(r"^[0-9a-f]{7,40}$")


def _trailers(
    values: Iterable[str],
) -> tuple[frozenset[str] | bool, frozenset[str], frozenset[str]]:
    """``Translation:`` trailers: what is not needed (True: the whole commit), the earlier
    commits excused, the translations checked."""
    paths: set[str] = set()
    whole, excuses, checked = False, set(), set()
    for value in values:
        word, *rest = value.replace(",", " ").split() or [""]
        if word.lower() == NOT_NEEDED:
            hashes = {each for each in rest if _HASH.match(each)}
            excuses |= hashes
            paths.update(each for each in rest if each not in hashes)
            whole = whole or not rest
        elif word.lower() == CHECKED:
            checked.update(rest)
    not_needed = True if whole else (frozenset(paths) or False)
    return not_needed, frozenset(excuses), frozenset(checked)


def parse_log(text: str) -> tuple[Commit, ...]:
    """The output of ``git log`` as :func:`read_history` asks for it."""
    commits = []
    for record in text.split("\x00\x01")[1:]:
        head, _, body = record.partition("\x00\x02")
        sha, stamp, subject, *trailers = head.split("\x00")
        touched, changed = set(), set()
        for line in body.splitlines():
            if line.startswith(":"):
                touched.add(line.split("\t", 1)[1])
            elif "\t" in line:
                added, deleted, name = line.split("\t", 2)
                if added == "-" or int(added) + int(deleted) > 0:
                    changed.add(name)
        not_needed, excuses, checked = _trailers(t for t in trailers if t.strip())
        commits.append(
            Commit(
                sha=sha,
                day=datetime.fromtimestamp(int(stamp), tz=UTC).date(),
                subject=subject,
                touched=frozenset(touched | checked),
                changed=frozenset(changed),
                not_needed=not_needed,
                excuses=excuses,
            )
        )
    return tuple(commits)


def read_history(root: Path, paths: Sequence[str], base: str | None = None) -> History | None:
    """Every commit touching ``paths`` (relative to ``root``), newest first, in one ``git log``;
    up to ``base`` only when given (a pull request's base). None without git history."""
    fmt = f"%x00%x01%H%x00%ct%x00%s%x00%(trailers:key={TRAILER},valueonly,separator=%x00)%x00%x02"
    command = [
        "git",
        "-c",
        "core.quotepath=off",
        "log",
        f"--format={fmt}",
        "--raw",
        "--numstat",
        "-w",
        "--ignore-blank-lines",
        "--no-renames",
        "--no-merges",
        *([base] if base else []),
        "--",
        *paths,
    ]
    try:
        log = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if log.returncode != 0:
        return None
    return History(parse_log(log.stdout), root)


def page_statuses(
    history: History, docs: str, primary: str, language: str, pages: Iterable[str]
) -> dict[str, Status]:
    """Each page (``billing.md``) of ``language`` against the primary language's."""
    statuses = {}
    for page in pages:
        source, translation = f"{docs}/{primary}/{page}", f"{docs}/{language}/{page}"
        statuses[page] = Status(
            source, translation, tuple(history.since_update(source, translation))
        )
    return statuses


def has_history(root: Path) -> bool:
    """Whether ``root`` is in a git repository with at least one commit."""
    try:
        found = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "HEAD"],
            cwd=root,
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return found.returncode == 0


@dataclass(frozen=True)
class Notice:
    """What an out-of-date page tells its reader, in the page's language (plain text: the
    template escapes it)."""

    title: str
    text: str
    link: str
    href: str
    """The primary language's version of the page, relative to this page."""
    hreflang: str


def notice(status: Status, language: Language, primary: Language, href: str) -> Notice | None:
    """The notice of a translation behind its source (None when it is current)."""
    if status.current:
        return None
    day = long_date(status.source_changed, language.locale)
    return Notice(
        title=label("translation.outdated_title", language.code),
        text=say("translation.outdated", language.code, date=day),
        link=say("translation.read_original", language.code, original=primary.name),
        href=href,
        hreflang=primary.tag,
    )


@dataclass(frozen=True)
class TextStatus:
    """One catalog text (an entry's field) in one language against its Spanish text."""

    where: str
    """``data/errors.yml: error 'insufficient-quota', field meaning``."""
    language: str
    behind: tuple[Commit, ...]


def _blobs(root: Path, path: str, commits: Sequence[Commit]) -> list[str | None]:
    """The text of ``path`` at each commit, by one ``git cat-file --batch``."""
    request = "".join(f"{commit.sha}:{path}\n" for commit in commits).encode()
    try:
        output = subprocess.run(
            ["git", "cat-file", "--batch"],
            input=request,
            cwd=root,
            capture_output=True,
            timeout=120,
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return [None] * len(commits)
    texts, position = [], 0
    for _ in commits:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) != 3:
            texts.append(None)
            continue
        size = int(header[2])
        texts.append(output[position : position + size].decode("utf-8", "replace"))
        position += size + 1
    return texts


SEARCH_ONLY = frozenset(("phrases", "sections"))
"""Fields each language writes in its own words for the search box (a page's front matter, an
error's ``phrases``): not translations, so changing them asks nothing of translators."""


def _translatable(page: str) -> tuple[str, str]:
    """A page's text as translators follow it: its front matter without :data:`SEARCH_ONLY`
    fields, and its body, whitespace made single spaces."""
    import yaml

    block = FRONT_MATTER.match(page)
    if not block:
        return "", " ".join(page.split())
    try:
        meta = yaml.load(block["yaml"], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        meta = block["yaml"]
    if isinstance(meta, dict):
        meta = {key: value for key, value in meta.items() if key not in SEARCH_ONLY}
    return repr(meta), " ".join(page[block.end() :].split())


def catalog_texts(data: object, codes: Sequence[str], where: str = "") -> dict[str, dict[str, str]]:
    """Every text of a catalog that exists per language (a mapping whose keys are language
    codes, Spanish among them), by where it is: ``error 'slug', field meaning`` → language → text
    (whitespace made single spaces: a re-wrapped text is the same text)."""
    found: dict[str, dict[str, str]] = {}
    if isinstance(data, dict):
        if PRIMARY in data and set(data) <= set(codes):
            found[where] = {code: _normal(value) for code, value in data.items()}
            return found
        for key, value in data.items():
            if key in SEARCH_ONLY:
                continue
            inner = (
                f"{where}, field {key}"
                if where and " field " not in where
                else (f"{where}.{key}" if where else f"field {key}")
            )
            found.update(catalog_texts(value, codes, inner))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            if isinstance(item, dict) and ("slug" in item or "id" in item):
                kind = "error" if "slug" in item else "model"
                name = f"{kind} '{item.get('slug') or item.get('id')}'"
            else:
                name = f"{where}[{index}]"
            found.update(catalog_texts(item, codes, name))
    return found


def _normal(value: object) -> str:
    if isinstance(value, list):
        return "\n".join(_normal(each) for each in value)
    return " ".join(str(value).split())


def catalog_statuses(
    root: Path, history: History, path: str, codes: Sequence[str]
) -> list[TextStatus]:
    """Each translated text of the catalog ``path`` whose Spanish text changed, in a commit
    that asks translation, after that language's text last changed. The file's versions are
    read once each (one ``git cat-file``) and compared field by field."""
    import yaml

    commits = [c for c in reversed(history.commits) if path in c.touched]
    spanish_changes: dict[str, list[tuple[int, Commit]]] = {}
    updated: dict[tuple[str, str], int] = {}
    previous: dict[str, dict[str, str]] = {}
    for index, (commit, text) in enumerate(zip(commits, _blobs(root, path, commits), strict=True)):
        if text is None:
            continue
        try:
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError:
            continue
        texts = catalog_texts(data, codes)
        asks = commit.asks_translation_of(path) and not history.excused(commit)
        for where, by_language in texts.items():
            before = previous.get(where, {})
            for code, value in by_language.items():
                if before.get(code) == value:
                    continue
                if code == PRIMARY:
                    if asks and before:
                        spanish_changes.setdefault(where, []).append((index, commit))
                else:
                    updated[where, code] = index
        previous = texts
    statuses = []
    for where, changes in spanish_changes.items():
        if where not in previous:
            continue
        for code in codes:
            if code == PRIMARY or code not in previous[where]:
                continue
            last = updated.get((where, code), -1)
            behind = tuple(commit for index, commit in reversed(changes) if index > last)
            if behind:
                statuses.append(TextStatus(f"{path}: {where}", code, behind))
    return statuses


ERRORS = "data/errors.yml"
_ERROR = re.compile(r"^data/errors\.yml: error '(?P<slug>[^']+)'")


def behind_by_error(
    root: Path, history: History, codes: Sequence[str]
) -> dict[str, dict[str, tuple[Commit, ...]]]:
    """Per language, per error slug: the commits its texts in that language lack, newest first.
    Computed once per history of ``data/errors.yml`` and shared by every language's build
    (helpcenter.catalog.validated keeps it)."""
    commits = [c.sha for c in history.commits if ERRORS in c.touched]
    parts = [" ".join([*commits, *codes]).encode(), Path(__file__).read_bytes()]

    def compute() -> dict[str, dict[str, tuple[Commit, ...]]]:
        found: dict[str, dict[str, tuple[Commit, ...]]] = {}
        for status in catalog_statuses(root, history, ERRORS, codes):
            if match := _ERROR.match(status.where):
                errors = found.setdefault(status.language, {})
                merged = {c.sha: c for c in (*errors.get(match["slug"], ()), *status.behind)}
                errors[match["slug"]] = tuple(
                    sorted(merged.values(), key=lambda c: (c.day, c.sha), reverse=True)
                )
        return found

    return cached_value("translations", parts, root / CACHE, compute)
