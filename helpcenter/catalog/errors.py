"""The API error catalog (``data/errors.yml``): loaded, validated and queried.

:class:`ErrorsFile` and the classes it holds are the one definition of the file: they
validate it, and ``data/errors.schema.json`` is generated from them
(:mod:`helpcenter.catalog.schemas`). Every text is given in each language of the site.
Beyond the shape: slugs and (status, code, param) triples are unique, related errors exist, every
language gives the same number of steps, and every guide an error points to, or links from
its steps, exists in every language.
"""

import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field, Strict
from pydantic.dataclasses import dataclass as shape

from helpcenter.catalog.catalog_rules import error_problems
from helpcenter.catalog.datafile import entry_namer, language_problems, load_valid, placer
from helpcenter.catalog.fields import SHAPE, Day, Phrases, Text, Url, one_of, text, texts
from helpcenter.problems import ContentError

CATALOG = "errors.yml"
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
_Slug = text(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", expected="expected lowercase-words-with-hyphens")
_Message = text(2000)
_Texts = Annotated[tuple[Text, ...], Field(min_length=1)]
_Guide = text(
    pattern=r"^[a-z0-9/-]+\.md$",
    expected="expected a guide's path below docs/<language>/, such as billing.md",
)
_InResponse = text(
    100,
    pattern=r"^[a-z0-9_.-]+$",
    expected="expected it as the API's response gives it: lowercase letters, digits, _, . and -",
    description="As the API's response gives it: lowercase letters, digits, _, . and -.",
)


@shape(frozen=True, config=SHAPE)
class Variant:
    """The same error as another endpoint or request returns it, with its own response
    fields (the Responses API's wording of an error first seen in Chat Completions)."""

    message: _Message
    """The message, verbatim."""
    status: Annotated[int, Strict(), Field(ge=100, le=599)]
    """HTTP status of this response."""
    type: _InResponse | None
    """The error's "type" in this response."""
    code: _InResponse | None
    """The error's "code" in this response."""
    param: _InResponse | None = None
    """The error's "param" in this response. Optional."""


@shape(frozen=True, config=SHAPE)
class Messages:
    current: _Message
    """The message as the API returns it today, verbatim."""
    older: tuple[_Message, ...]
    """Earlier wordings customers still paste."""
    verbatim: Annotated[bool, Strict()] = True
    """false when no response with this error has been seen: current is then the name OpenAI's
    error guide gives the error, and the page says so. Defaults to true."""
    legacy: Annotated[bool, Strict()] = False
    """true when OpenAI no longer sends this error (it now answers with other codes): the page
    introduces the message as what the API used to return. Defaults to false."""
    variants: tuple[Variant, ...] = ()
    """Current wordings of the same error that another endpoint or request returns with other
    response fields (another status, code or param). Optional."""


@shape(frozen=True, config=SHAPE)
class ApiError:
    """An error a customer may see when the product calls the OpenAI API; it becomes a page
    in every language."""

    slug: _Slug
    status: Annotated[int, Strict(), Field(ge=100, le=599)] | None
    """HTTP status, or null when no response comes back."""
    type: _InResponse | None
    """The error's "type" in the API's response."""
    code: _InResponse | None
    """The error's "code" in the API's response."""
    title: texts(text(200))
    """The page's title, in every language of the site, by language code (es, en…)."""
    wording: Annotated[Messages, Field(alias="messages")]
    sdk_exception: text(
        pattern=r"^[A-Z][A-Za-z]+$",
        expected="expected the name of an openai-python exception class, such as RateLimitError",
    )
    """The openai-python exception class."""
    product_message: texts()
    """What the product shows the customer, in every language of the site."""
    meaning: texts()
    """What the error means for the customer, in every language of the site."""
    verdict: one_of(*VERDICTS)
    steps: texts(_Texts)
    """How to fix it, one list per language of the site, each as long as the others."""
    guides: tuple[_Guide, ...]
    """Guides of the help center this error relates to."""
    related: tuple[_Slug, ...]
    source: Url
    verified: Day
    notes: text(4000, blank=True) = ""
    param: _InResponse | None = None
    """The error's "param" in the API's response, when it always names the same parameter
    (service_tier). Optional."""
    phrases: texts(Phrases, every=False) = Field(default_factory=dict)
    """Per language, what a reader would type in the search box looking for this error ("my key
    doesn't work", "timeout"), at most 10 of at most 100 characters, each given to no other
    error or page. Optional; the search box puts this error's page first for them."""
    low_level_messages: tuple[Text, ...] = ()
    """Lines printed by the HTTP library or the operating system with this error, when no
    response came back ("[Errno 111] Connection refused"). Optional; the search box recognises
    them."""

    @property
    def current_message(self) -> str:
        return self.wording.current

    @property
    def older_messages(self) -> tuple[str, ...]:
        return self.wording.older

    @property
    def verbatim(self) -> bool:
        """False when ``current_message`` is the name OpenAI's guide gives the error, not a
        seen response."""
        return self.wording.verbatim

    @property
    def legacy(self) -> bool:
        """True when OpenAI no longer sends this error: its page speaks of it in the past."""
        return self.wording.legacy

    @property
    def variants(self) -> tuple[Variant, ...]:
        """The same error as other endpoints or requests return it, each with its own fields."""
        return self.wording.variants

    @property
    def path(self) -> str:
        """The page's path below a language's docs folder."""
        return f"{FOLDER}/{self.slug}.md"

    @property
    def messages(self) -> tuple[str, ...]:
        """Every wording: the current message, the older ones, then the variants'."""
        return (
            self.current_message,
            *self.older_messages,
            *(variant.message for variant in self.variants),
        )


@shape(frozen=True, config=SHAPE)
class ErrorsFile:
    """Errors a customer may see when the product calls the OpenAI API; each one becomes a page
    in every language. The source of data/errors.yml."""

    errors: Annotated[tuple[ApiError, ...], Field(min_length=1)]


@dataclass(frozen=True)
class ErrorCatalog:
    errors: tuple[ApiError, ...]

    def get(self, slug: str) -> ApiError | None:
        return next((error for error in self.errors if error.slug == slug), None)


def load_errors(data_dir: Path, docs_root: Path, languages: Sequence[str]) -> ErrorCatalog:
    """Load ``data/errors.yml``; ``docs_root`` holds one folder per language, to check links."""
    shown_as = f"data/{CATALOG}"
    data, catalog = load_valid(data_dir, CATALOG, ErrorsFile, _ENTRY)
    where = placer(data_dir / CATALOG, shown_as)
    problems = language_problems(catalog, data, where, _ENTRY, languages)
    problems += _consistency_problems(catalog.errors, where, docs_root, languages)
    problems += error_problems(catalog.errors, where, docs_root, languages, FOLDER)
    if problems:
        raise ContentError("\n".join(problems))
    return ErrorCatalog(errors=catalog.errors)


def _consistency_problems(
    entries: Sequence[ApiError],
    where: Callable[[Sequence], str],
    docs_root: Path,
    languages: Sequence[str],
) -> list[str]:
    """``where(path)``: the file and line of a path."""
    problems = []
    slugs: set[str] = set()
    pairs: dict[tuple, str] = {}
    for index, entry in enumerate(entries):
        slug = entry.slug
        field = lambda *path, index=index, slug=slug: (  # noqa: E731
            f"{where(('errors', index, *path))}: error '{slug}', field"
        )
        if slug in slugs:
            problems.append(f"{field('slug')} slug is used twice; slugs must be unique")
        slugs.add(slug)
        if entry.status is not None and entry.code is not None:
            pair = (entry.status, entry.code, entry.param)
            if pair in pairs:
                named = f" and param '{pair[2]}'" if pair[2] else ""
                problems.append(
                    f"{field('code')} code: status {pair[0]} with code '{pair[1]}'{named} is "
                    f"already error '{pairs[pair]}'; each status and code pair (with its "
                    "param, when the error names one) must be unique"
                )
            pairs.setdefault(pair, slug)
        counts = {code: len(entry.steps.get(code, ())) for code in languages}
        if len(set(counts.values())) > 1:
            told = ", ".join(f"{count} in {code}" for code, count in counts.items())
            problems.append(
                f"{field('steps')} steps has {told}; every language needs the same steps"
            )
        for number, guide in enumerate(entry.guides):
            problems += _missing_page(
                guide, f"{field('guides', number)} guides", docs_root, languages
            )
        for code in languages:
            for number, step in enumerate(entry.steps.get(code, ()), start=1):
                for link in _LINK.finditer(step):
                    target = link["target"].split("#")[0]
                    step_link = (
                        f"{field('steps', code, number - 1)} steps.{code} item {number} "
                        f"links {target}"
                    )
                    scheme = _SCHEME.match(link["target"])
                    if scheme and scheme.group(1).lower() not in ("https", "mailto"):
                        problems.append(
                            f"{step_link}: expected an https:, mailto: or relative link"
                        )
                        continue
                    if scheme or not target:
                        continue
                    if target.startswith("/"):
                        problems.append(f"{step_link}: expected a link relative to the error page")
                        continue
                    page = posixpath.normpath(posixpath.join(FOLDER, target))
                    problems += _missing_page(page, step_link, docs_root, [code])
    for index, entry in enumerate(entries):
        for number, related in enumerate(entry.related):
            if related not in slugs or related == entry.slug:
                problems.append(
                    f"{where(('errors', index, 'related', number))}: error '{entry.slug}', "
                    f"field related names '{related}'; "
                    "expected the slug of another error in the catalog"
                )
    return problems


def _missing_page(page: str, where: str, docs_root: Path, languages: Sequence[str]) -> list[str]:
    missing = [code for code in languages if not (docs_root / code / page).is_file()]
    if not missing:
        return []
    return [f"{where}: {page} does not exist in docs/{' or docs/'.join(missing)}; expected a guide"]
