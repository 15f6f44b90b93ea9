"""What a catalog editor would never mean, although each field alone is valid.

These rules compare fields of one entry (cached input dearer than input, an
announcement after the shutdown) or entries of one catalog (two picks for one role,
an error page that would replace another page). Each broken rule is one line naming
the file, the entry and the field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

RESERVED_ERROR_SLUGS = ("index",)
"""Slugs whose page would replace a page of the errors folder that is not an error."""


def model_problems(entries: Sequence, where: Callable[[Sequence], str]) -> list[str]:
    """Cached input dearer than input, more output than context, a disagreement whose
    followed value is not the catalog's, two picks for one role (``entries``: the catalog's
    model entries; ``where(path)``: the file and line of a path)."""
    problems: list[str] = []
    picks: dict[str, str] = {}
    for number, entry in enumerate(entries):
        field = lambda *path, number=number, entry=entry: (  # noqa: E731
            f"{where(('models', number, *path))}: model '{entry.id}', field {'.'.join(path)}"
        )
        cached, full = entry.pricing.cached_input, entry.pricing.input
        if cached is not None and cached > full:
            problems.append(
                f"{field('pricing', 'cached_input')} is {cached}, above pricing.input {full}; "
                "expected a cached price no higher than the input price"
            )
        if entry.max_output_tokens > entry.context_window:
            problems.append(
                f"{field('max_output_tokens')} is {entry.max_output_tokens}, above "
                f"context_window {entry.context_window}; expected at most the context window"
            )
        for index, disagreement in enumerate(entry.disagreements):
            ours = getattr(entry.lifecycle, disagreement.field)
            if ours != disagreement.value_followed:
                shown = ours.isoformat() if ours else "none"
                place = where(("models", number, "disagreements", index, "value_followed"))
                problems.append(
                    f"{place}: model '{entry.id}', field disagreements item {index + 1}.value_followed is "
                    f"{disagreement.value_followed.isoformat()}, but lifecycle."
                    f"{disagreement.field} is {shown}; expected the value the site follows"
                )
        role = entry.recommended
        if role in picks:
            problems.append(
                f"{field('recommended')} is {role}, already given to model '{picks[role]}'; "
                "expected one model per role"
            )
        elif role:
            picks[role] = entry.id
    return problems


def error_problems(
    entries: Sequence,
    where: Callable[[Sequence], str],
    docs_root: Path,
    languages: Sequence[str],
    folder: str,
) -> list[str]:
    """Error slugs whose page would take the address of another page of ``folder``."""
    problems = []
    for number, entry in enumerate(entries):
        slug = entry.slug
        taken = [
            code
            for code in languages
            if (docs_root / code / folder / f"{slug}.md").exists()
            or (docs_root / code / folder / slug).exists()
        ]
        if slug in RESERVED_ERROR_SLUGS or taken:
            page = f"docs/{taken[0] if taken else languages[0]}/{folder}/{slug}.md"
            problems.append(
                f"{where(('errors', number, 'slug'))}: error '{slug}', field slug would replace {page} "
                f"(its address {folder}/{slug}/ is taken); expected another slug"
            )
    return problems
