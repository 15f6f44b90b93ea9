"""Translation parity: each page and its twin in another language have the same shape.

For every language of the site (``mkdocs.yml``, ``extra.alternate``; the first is the
primary one, in which pages are written), ``docs/<lang>/X.md`` must have the same headings
as ``docs/<primary>/X.md`` (number and levels), the same admonitions in the same order,
and, section by section, the same number of tables and code blocks, the same link targets
(link text and ``#anchors`` are translated, so they are ignored), the same markers in the
same order and the same placeholders (how often ``{{ product }}`` appears is up to the
translation).

This check owns the shape of twins, and runs only in ``make check`` (and pre-commit): that
every page exists in every language is the build's to check (``hooks/languages.py``, with
``helpcenter.site.languages.missing_twins``), so a page without its twin is left to it here.

Sections are paired by level and content (links, admonitions, placeholders…), not by
their translated titles, so a missing section is named even when others look alike.
Something one page has and its twin lacks is reported on the page that lacks it, with
the line where it is in the other one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from helpcenter.checks import config
from helpcenter.checks.markdown import Heading, Item, Page, parse, read
from helpcenter.checks.problem import Problem

_OTHER_LEVEL = 0.25
"""What pairing two sections of different levels is worth (one of the same level: 1)."""


@dataclass
class Section:
    heading: Heading | None
    """``None`` for the lines above the first heading."""
    first_line: int
    end_line: int
    """The line of the next heading, or one past the last line."""
    items: list[Item] = field(default_factory=list)

    def kind(self, kind: str) -> list[Item]:
        return [item for item in self.items if item.kind == kind]

    def title(self) -> str:
        return f'"{self.heading}"' if self.heading else "the top of the page"


def check_parity(root: Path, files: Iterable[str] | None = None) -> list[Problem]:
    """Every difference between a page and its twins, for all pages (or those in ``files``)."""
    languages, problems = config.languages(root)
    if not languages:
        return problems
    primary, *others = languages
    only = None if files is None else frozenset(files)
    folder = root / "docs" / primary
    for relative in sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md")):
        for other in others:
            names = [f"docs/{language}/{relative}" for language in (primary, other)]
            if not (root / names[1]).is_file():
                continue  # the build names the missing twin
            if only is not None and not only & set(names):
                continue
            texts = []
            for name in names:
                text, unreadable = read(root / name, name)
                problems += unreadable
                texts.append(text)
            if None not in texts:
                problems += compare_pages(parse(texts[0], names[0]), parse(texts[1], names[1]))
    return problems


def compare_pages(first: Page, second: Page) -> list[Problem]:
    """What differs between a page (``first``, the primary language) and its twin."""
    sections = {page.source: sections_of(page) for page in (first, second)}
    mine, theirs = sections[first.source], sections[second.source]
    pairs = align(mine[1:], theirs[1:], _similarity)
    pairs = [(0, 0)] + [
        (None if i is None else i + 1, None if j is None else j + 1) for i, j in pairs
    ]
    problems = []
    for index, (i, j) in enumerate(pairs):
        if i is None or j is None:
            problems.append(_missing_section(first, second, mine, theirs, pairs, index))
        else:
            problems += _compare_sections(first, mine[i], second, theirs[j])
    return sorted(problems, key=lambda problem: (problem.file, problem.line or 0))


def sections_of(page: Page) -> list[Section]:
    """The page's lines above the first heading, then one section per heading."""
    starts = [1] + [heading.line for heading in page.headings]
    ends = [*starts[1:], len(page.lines) + 1]
    sections = [
        Section(heading, start, end)
        for heading, start, end in zip([None, *page.headings], starts, ends, strict=True)
    ]
    for item in page.items:
        for section in reversed(sections):
            if item.line >= section.first_line:
                section.items.append(item)
                break
    return sections


def align(
    left: list, right: list, score: Callable[[object, object], float]
) -> list[tuple[int | None, int | None]]:
    """Pair items of two lists in order, maximising the summed ``score`` of the pairs.

    Unpaired items come out as ``(i, None)`` or ``(None, j)``; pairs scoring nothing are
    not made.
    """
    rows, columns = len(left), len(right)
    best = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    scores = [[score(a, b) for b in right] for a in left]
    for i in range(rows - 1, -1, -1):
        for j in range(columns - 1, -1, -1):
            paired = scores[i][j] + best[i + 1][j + 1] if scores[i][j] > 0 else -1.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    pairs: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < rows and j < columns:
        if scores[i][j] > 0 and math.isclose(best[i][j], scores[i][j] + best[i + 1][j + 1]):
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif math.isclose(best[i][j], best[i + 1][j]):
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs += [(row, None) for row in range(i, rows)]
    pairs += [(None, column) for column in range(j, columns)]
    return pairs


def _similarity(a: Section, b: Section) -> float:
    worth = 1.0 if a.heading.level == b.heading.level else _OTHER_LEVEL
    mine, theirs = Counter(map(_feature, a.items)), Counter(map(_feature, b.items))
    union = sum((mine | theirs).values())
    shared = sum((mine & theirs).values()) / union if union else 0.5
    return worth + shared


def _feature(item: Item) -> str:
    return f"{item.kind}:{normal_target(item.value) if item.kind == 'link' else item.value}"


def normal_target(target: str) -> str:
    """A link target as both languages should write it: without its translated ``#anchor``."""
    address = target.partition("#")[0]
    return address or "#"


def _missing_section(first, second, mine, theirs, pairs, index) -> Problem:
    i, j = pairs[index]
    has, lacks, ours, own, side = (
        (first, second, mine[i], theirs, 1) if j is None else (second, first, theirs[j], mine, 0)
    )
    level = ours.heading.level
    count_has = sum(heading.level == level for heading in has.headings)
    count_lacks = sum(heading.level == level for heading in lacks.headings)
    previous = next((pair[side] for pair in reversed(pairs[:index]) if pair[side] is not None), 0)
    after = lacks.last_written_line(own[previous].end_line)
    where = f"missing after line {after}" if after else "missing at the top"
    plural = "" if count_lacks == 1 else "s"
    return Problem(
        lacks.source,
        max(after, 1),
        f"{count_lacks} heading{plural} at level {level}, {has.source} has {count_has} "
        f'({where}: "{ours.heading}")',
    )


def _compare_sections(first: Page, a: Section, second: Page, b: Section) -> list[Problem]:
    problems = []
    if a.heading and b.heading and a.heading.level != b.heading.level:
        problems.append(
            Problem(
                second.source,
                b.heading.line,
                f'heading "{b.heading}" is at level {b.heading.level}, its twin "{a.heading}" '
                f"({first.source}:{a.heading.line}) at level {a.heading.level}",
            )
        )
    problems += _compare_sequence(first, a, second, b, "admonition", lambda v: f'"!!! {v}"')
    problems += _compare_sequence(first, a, second, b, "marker", lambda v: f'"<!-- md:{v} -->"')
    for kind, name in (("table", "table"), ("code", "code block")):
        problems += _compare_count(first, a, second, b, kind, name)
    problems += _compare_set(first, a, second, b, "link", normal_target, "a link to")
    problems += _compare_set(first, a, second, b, "placeholder", str, "the placeholder")
    return problems


def _where(section: Section) -> int:
    return section.heading.line if section.heading else 1


def _compare_sequence(first, a, second, b, kind, shown) -> list[Problem]:
    """Items whose order matters (admonitions, markers): what is missing or changed."""
    mine, theirs = a.kind(kind), b.kind(kind)
    matcher = SequenceMatcher(a=[item.value for item in mine], b=[item.value for item in theirs])
    problems = []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            continue
        if operation == "replace" and i2 - i1 == j2 - j1:
            for ours, twin in zip(mine[i1:i2], theirs[j1:j2], strict=True):
                problems.append(
                    Problem(
                        second.source,
                        twin.line,
                        f"{kind} {shown(twin.value)} where {first.source}:{ours.line} has "
                        f"{shown(ours.value)}",
                    )
                )
            continue
        for ours in mine[i1:i2]:
            problems.append(_lacks(second, b, f"{kind} {shown(ours.value)}", first, ours))
        for twin in theirs[j1:j2]:
            problems.append(_lacks(first, a, f"{kind} {shown(twin.value)}", second, twin))
    return problems


def _compare_count(first, a, second, b, kind, name) -> list[Problem]:
    mine, theirs = a.kind(kind), b.kind(kind)
    if len(mine) == len(theirs):
        return []
    if len(mine) > len(theirs):
        more, more_items, fewer, fewer_section, fewer_items = first, mine, second, b, theirs
    else:
        more, more_items, fewer, fewer_section, fewer_items = second, theirs, first, a, mine
    lines = ", ".join(str(item.line) for item in more_items)
    return [
        Problem(
            fewer.source,
            _where(fewer_section),
            f"{len(fewer_items)} {name}(s) in {fewer_section.title()}, {more.source} has "
            f"{len(more_items)} there (line {lines})",
        )
    ]


def _compare_set(first, a, second, b, kind, normal, what) -> list[Problem]:
    mine, theirs = {}, {}
    for items, found in ((a.kind(kind), mine), (b.kind(kind), theirs)):
        for item in items:
            found.setdefault(normal(item.value), item)
    problems = []
    for value, item in mine.items():
        if value not in theirs:
            problems.append(_lacks(second, b, f'{what} "{value}"', first, item))
    for value, item in theirs.items():
        if value not in mine:
            problems.append(_lacks(first, a, f'{what} "{value}"', second, item))
    return problems


def _lacks(page: Page, section: Section, what: str, twin: Page, item: Item) -> Problem:
    return Problem(
        page.source,
        _where(section),
        f"{section.title()} lacks {what} that {twin.source}:{item.line} has",
    )
