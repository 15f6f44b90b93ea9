"""The redirect map (``data/redirects.yml``): pages that moved, each old page path with the
page that replaced it, in every language; its shape (``data/redirects.schema.json``) and its
rules across entries (an old page listed once, never redirected to itself or to a page that
is itself redirected). ``helpcenter.publish.redirects`` writes the pages it asks for."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field
from pydantic.dataclasses import dataclass as shape

from helpcenter.catalog.datafile import entry_namer, load_valid, placer
from helpcenter.catalog.fields import SHAPE, text
from helpcenter.problems import ContentError

CATALOG = "redirects.yml"
_ENTRY = entry_namer("redirects", "from", "redirect")
_PAGE = r"^(?!.*(^|/)\.\.?(/|$))[a-z0-9][a-z0-9_/-]*\.md$"
_Page = text(
    pattern=_PAGE,
    expected="expected a page path such as keys/rotate.md: lowercase letters, digits, -, _ "
    "and /, ending in .md",
)


@shape(frozen=True, config=SHAPE)
class Redirect:
    old: Annotated[_Page, Field(alias="from")]
    """The old page, as its path was below docs/<language>/."""
    new: Annotated[_Page, Field(alias="to")]
    """The page it moved to, below docs/<language>/."""


@shape(frozen=True, config=SHAPE)
class RedirectMap:
    """Pages that moved: each old page path leads to its new one, in every language. The
    source of the redirect pages the build writes."""

    redirects: tuple[Redirect, ...]


def load_redirects(data_dir: Path) -> tuple[Redirect, ...]:
    _, redirect_map = load_valid(data_dir, CATALOG, RedirectMap, _ENTRY)
    where = placer(data_dir / CATALOG, f"data/{CATALOG}")
    redirects, problems, seen = redirect_map.redirects, [], set()
    old = {redirect.old: redirect.new for redirect in redirects}
    for number, redirect in enumerate(redirects):
        field = lambda name, number=number, redirect=redirect: (  # noqa: E731
            f"{where(('redirects', number, name))}: redirect '{redirect.old}', field {name}"
        )
        if redirect.old in seen:
            problems.append(f"{field('from')} is listed twice; each old page needs one entry")
        seen.add(redirect.old)
        if redirect.old == redirect.new:
            problems.append(f"{field('to')}: a page cannot redirect to itself")
        elif redirect.new in old:
            problems.append(
                f"{field('to')}: {redirect.new} is itself redirected; point it at "
                f"{old[redirect.new]}"
            )
    if problems:
        raise ContentError("\n".join(problems))
    return redirects
