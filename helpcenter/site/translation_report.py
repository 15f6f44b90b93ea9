"""``make translations``: what each language's translators have to do, for editors.

    python -m helpcenter.site.translation_report [--base REF] [--root DIR]

Per language other than the primary one: the pages whose Spanish original changed after
them (with the commits since), the catalog texts likewise, the labels missing or translated
from an older Spanish text, and the share of each that is current. With ``--base`` (a pull
request's base, such as ``origin/main``), also the Spanish pages and catalog texts the
commits since that base changed without touching their translations. It informs and never
fails (exit status 0), except when it cannot run at all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from helpcenter.problems import ContentError
from helpcenter.site import labels, languages, translations
from helpcenter.site.translations import Commit, History

CATALOGS = ("data/errors.yml", "data/models.yml")


@dataclass(frozen=True)
class LanguageReport:
    language: languages.Language
    pages: dict[str, tuple[Commit, ...]]
    """Every page (``billing.md``) and the commits its translation lacks (empty: current)."""
    texts: list[translations.TextStatus]
    """The catalog texts behind their Spanish text."""
    text_count: int
    missing_labels: list[str]
    stale_labels: list[tuple[str, str]]
    label_count: int

    def share(self) -> tuple[int, int]:
        """Current items and all items: pages, catalog texts and labels."""
        behind = sum(1 for c in self.pages.values() if c) + len(self.texts)
        labels_behind = len(self.missing_labels) + len(self.stale_labels)
        total = len(self.pages) + self.text_count + self.label_count
        return total - behind - labels_behind, total


def _commit_line(commit: Commit) -> str:
    return f"      {commit.sha[:9]} {commit.day.isoformat()} {commit.subject}"


def language_report(
    root: Path,
    history: History | None,
    language: languages.Language,
    codes: Sequence[str],
    texts: Sequence[translations.TextStatus],
) -> LanguageReport:
    """One language's state; ``texts`` are the catalog texts behind, of every language."""
    primary = codes[0]
    pages = sorted(
        path.relative_to(root / "docs" / primary).as_posix()
        for path in (root / "docs" / primary).rglob("*.md")
    )
    behind = {
        page: tuple(
            history.since_update(f"docs/{primary}/{page}", f"docs/{language.code}/{page}")
            if history
            else ()
        )
        for page in pages
    }
    folder = root / "data" / "labels"
    return LanguageReport(
        language=language,
        pages=behind,
        texts=[text for text in texts if text.language == language.code],
        text_count=sum(_count_texts(root / path, codes, language.code) for path in CATALOGS),
        missing_labels=labels.missing_labels(language.code, folder),
        stale_labels=labels.stale_labels(language.code, folder),
        label_count=len(labels.label_keys(folder)),
    )


def _count_texts(path: Path, codes: Sequence[str], code: str) -> int:
    import yaml

    try:
        data = yaml.load(
            path.read_text("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        )
    except (OSError, yaml.YAMLError):
        return 0
    return sum(1 for texts in translations.catalog_texts(data, codes).values() if code in texts)


def pull_request_lines(root: Path, base: str, site: Sequence[languages.Language]) -> list[str]:
    """The Spanish pages and catalogs the commits since ``base`` changed in content while
    leaving a translation untouched."""
    history = translations.read_history(root, translations.TRACKED, base=f"{base}..HEAD")
    if history is None:
        return [f"  No history to compare with {base} (is it fetched?)."]
    primary, lines = site[0].code, []
    touched = set().union(*(commit.touched for commit in history.commits))
    changed = sorted(
        {
            name
            for commit in history.commits
            if not history.excused(commit)
            for name in commit.changed
            if commit.asks_translation_of(name)
        }
    )
    for name in changed:
        if name in CATALOGS:
            lines.append(
                f"  {name} changed since {base}: its texts in every language are compared "
                "above, entry by entry"
            )
        elif name.startswith(f"docs/{primary}/"):
            twins = [
                name.replace(f"docs/{primary}/", f"docs/{language.code}/", 1)
                for language in site[1:]
            ]
            if untouched := [twin for twin in twins if twin not in touched]:
                lines.append(f"  {name} changed since {base}, but not {' nor '.join(untouched)}")
    return lines or [f"  Since {base}, every change of a Spanish page came with its translations."]


def report(root: Path, base: str | None = None) -> str:
    site = languages.configured_languages(root / "mkdocs.yml")
    codes = [language.code for language in site]
    history = translations.read_history(root, translations.TRACKED)
    texts = [
        text
        for path in CATALOGS
        for text in (translations.catalog_statuses(root, history, path, codes) if history else [])
    ]
    out = [f"Translations, against the original in {site[0].name} ({site[0].code}):"]
    if history is None:
        out.append("No git history here: the freshness of pages and catalog texts is unknown.")
    for language in site[1:]:
        result = language_report(root, history, language, codes, texts)
        current, total = result.share()
        percent = 100 * current // total if total else 100
        stale_pages = {page: c for page, c in result.pages.items() if c}
        out.append("")
        out.append(
            f"{language.name} ({language.code}): {current} of {total} current ({percent} %): "
            f"pages {len(result.pages) - len(stale_pages)}/{len(result.pages)}, "
            f"catalog texts {result.text_count - len(result.texts)}/{result.text_count}, "
            f"labels {result.label_count - len(result.missing_labels) - len(result.stale_labels)}"
            f"/{result.label_count}"
        )
        for page, commits in stale_pages.items():
            out.append(
                f"  out of date: docs/{language.code}/{page} "
                f"(docs/{site[0].code}/{page} changed since, {len(commits)} commit(s)):"
            )
            out += [_commit_line(commit) for commit in commits]
        for text in result.texts:
            out.append(f"  out of date: {text.where} ({language.code}):")
            out += [_commit_line(commit) for commit in text.behind]
        out += [f"  missing label: {line}" for line in result.missing_labels]
        out += [
            f"  label out of date: data/labels/{language.code}.po '{key}': {why}"
            for key, why in result.stale_labels
        ]
    if base:
        out += ["", f"This branch against {base}:", *pull_request_lines(root, base, site)]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make translations", description=__doc__.split("\n")[0])
    parser.add_argument("--base", help="a pull request's base (origin/main): what it leaves behind")
    parser.add_argument("--root", default=".", help="the project (default: here)")
    options = parser.parse_args(argv)
    try:
        print(report(Path(options.root).resolve(), options.base or None))
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
