"""The API error catalog (``data/errors.yml``): loaded, validated and queried.

Beyond the schema: slugs and (status, code) pairs are unique, related errors
exist, both languages give the same number of steps, and every guide an error
points to, or links from its steps, exists in every language.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from helpcenter.catalog.catalog_rules import error_problems
from helpcenter.catalog.datafile import entry_namer, load_valid
from helpcenter.problems import ContentError

CATALOG = "errors.yml"
SCHEMA = "errors.schema.json"
_ENTRY = entry_namer("errors", "slug", "error")
FOLDER = "errors"
"""Where error pages live below each language's docs folder."""
VERDICTS = (
    "retry-later",
    "add-credit",
    "fix-key",
    "change-model",
    "contact-support",
    "ask-openai",
    "check-network",
)
"""What each page and the index tell the reader to do, in the order the index's legend lists them."""

_LINK = re.compile(r"\]\((?P<target>[^)\s]+)\)")
_SCHEME = re.compile(r"\s*([A-Za-z][\w+.-]*):")


@dataclass(frozen=True)
class ApiError:
    slug: str
    status: int | None
    type: str | None
    code: str | None
    title: dict[str, str]
    current_message: str
    older_messages: tuple[str, ...]
    verbatim: bool
    """False when ``current_message`` is the name OpenAI's guide gives the error, not a seen response."""
    legacy: bool
    """True when OpenAI no longer sends this error: its page speaks of it in the past."""
    sdk_exception: str
    product_message: dict[str, str]
    meaning: dict[str, str]
    verdict: str
    steps: dict[str, tuple[str, ...]]
    guides: tuple[str, ...]
    related: tuple[str, ...]
    source: str
    verified: date
    param: str | None = None
    """The error's ``param`` in the API's response, when it always names the same one."""
    phrases: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    """Per language, what a reader types looking for this error ("my key doesn't work")."""
    low_level_messages: tuple[str, ...] = ()
    """Lines of the HTTP library or the system that come with this error (no response, no message)."""

    @property
    def path(self) -> str:
        """The page's path below a language's docs folder."""
        return f"{FOLDER}/{self.slug}.md"

    @property
    def messages(self) -> tuple[str, ...]:
        return (self.current_message, *self.older_messages)


@dataclass(frozen=True)
class ErrorCatalog:
    errors: tuple[ApiError, ...]

    def get(self, slug: str) -> ApiError | None:
        return next((error for error in self.errors if error.slug == slug), None)


def load_errors(data_dir: Path, docs_root: Path, languages: Sequence[str]) -> ErrorCatalog:
    """Load ``data/errors.yml``; ``docs_root`` holds one folder per language, to check links."""
    shown_as = f"data/{CATALOG}"
    data = load_valid(data_dir, CATALOG, SCHEMA, _ENTRY)
    problems = _consistency_problems(data["errors"], shown_as, docs_root, languages)
    problems += error_problems(data["errors"], shown_as, docs_root, languages, FOLDER)
    if problems:
        raise ContentError("\n".join(problems))
    return ErrorCatalog(errors=tuple(_error(entry) for entry in data["errors"]))


def _consistency_problems(
    entries: list[dict], shown_as: str, docs_root: Path, languages: Sequence[str]
) -> list[str]:
    problems = []
    slugs: set[str] = set()
    pairs: dict[tuple, str] = {}
    for entry in entries:
        slug = entry["slug"]
        where = f"{shown_as}: error '{slug}'"
        if slug in slugs:
            problems.append(f"{where}, field slug is used twice; slugs must be unique")
        slugs.add(slug)
        if entry["status"] is not None and entry["code"] is not None:
            pair = (entry["status"], entry["code"])
            if pair in pairs:
                problems.append(
                    f"{where}, field code: status {pair[0]} with code '{pair[1]}' is already "
                    f"error '{pairs[pair]}'; each status and code pair must be unique"
                )
            pairs.setdefault(pair, slug)
        counts = {code: len(entry["steps"].get(code, ())) for code in languages}
        if len(set(counts.values())) > 1:
            told = ", ".join(f"{count} in {code}" for code, count in counts.items())
            problems.append(f"{where}, field steps has {told}; every language needs the same steps")
        for guide in entry["guides"]:
            problems += _missing_page(guide, f"{where}, field guides", docs_root, languages)
        for code in languages:
            for number, step in enumerate(entry["steps"].get(code, ()), start=1):
                for link in _LINK.finditer(step):
                    target = link["target"].split("#")[0]
                    field = f"{where}, field steps.{code} item {number} links {target}"
                    scheme = _SCHEME.match(link["target"])
                    if scheme and scheme.group(1).lower() not in ("https", "mailto"):
                        problems.append(f"{field}: expected an https:, mailto: or relative link")
                        continue
                    if scheme or not target:
                        continue
                    if target.startswith("/"):
                        problems.append(f"{field}: expected a link relative to the error page")
                        continue
                    page = posixpath.normpath(posixpath.join(FOLDER, target))
                    problems += _missing_page(page, field, docs_root, [code])
    for entry in entries:
        for related in entry["related"]:
            if related not in slugs or related == entry["slug"]:
                problems.append(
                    f"{shown_as}: error '{entry['slug']}', field related names '{related}'; "
                    "expected the slug of another error in the catalog"
                )
    return problems


def _missing_page(page: str, where: str, docs_root: Path, languages: Sequence[str]) -> list[str]:
    missing = [code for code in languages if not (docs_root / code / page).is_file()]
    if not missing:
        return []
    return [f"{where}: {page} does not exist in docs/{' or docs/'.join(missing)}; expected a guide"]


def _error(entry: dict) -> ApiError:
    return ApiError(
        slug=entry["slug"],
        status=entry["status"],
        type=entry["type"],
        code=entry["code"],
        title=dict(entry["title"]),
        current_message=entry["messages"]["current"],
        older_messages=tuple(entry["messages"]["older"]),
        verbatim=entry["messages"].get("verbatim", True),
        legacy=entry["messages"].get("legacy", False),
        sdk_exception=entry["sdk_exception"],
        product_message=dict(entry["product_message"]),
        meaning=dict(entry["meaning"]),
        verdict=entry["verdict"],
        steps={code: tuple(steps) for code, steps in entry["steps"].items()},
        guides=tuple(entry["guides"]),
        related=tuple(entry["related"]),
        source=entry["source"],
        verified=date.fromisoformat(entry["verified"]),
        param=entry.get("param"),
        phrases={code: tuple(phrases) for code, phrases in entry.get("phrases", {}).items()},
        low_level_messages=tuple(entry.get("low_level_messages", ())),
    )
