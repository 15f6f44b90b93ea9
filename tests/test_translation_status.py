"""A translation's freshness, from git: a scratch repository (a copy of the project) whose
Spanish pages change after their twins, built and reported as an editor would."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpcenter.site import translations
from helpcenter.site.languages import configured_languages
from helpcenter.site.translation_report import report
from helpcenter.site.translations import Commit, Status, read_history
from support import ROOT, copy_project, run_build


def git(project: Path, *args: str, day: str = "2026-11-01") -> str:
    stamp = f"{day}T12:00:00+00:00"
    result = subprocess.run(
        ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.com", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp},
    )
    return result.stdout


def commit(project: Path, message: str, day: str) -> None:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", message, day=day)


def edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text("utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), "utf-8")


@pytest.fixture
def repository(tmp_path) -> Path:
    project = copy_project(tmp_path / "project")
    git(project, "init", "-q", "-b", "main")
    commit(project, "The help center", "2026-11-01")
    return project


def build_english(project: Path, site: Path) -> str:
    """The English build alone (mkdocs.en.yml), which is all these notices need."""
    result = run_build(project, site, "mkdocs.en.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def notice(site: Path, page: str):
    html = (site / page / "index.html").read_text("utf-8")
    return BeautifulSoup(html, "html.parser").select_one("aside.hc-translation-notice")


def test_history_tells_content_from_whitespace_and_honours_the_trailers(repository):
    project = repository
    edit(project, "docs/es/help.md", "\n", "   \n\n")  # whitespace and a blank line only
    commit(project, "Spacing of the help page", "2026-11-02")
    edit(project, "docs/es/usage.md", "# ", "# Tu ")
    commit(project, "A typo\n\nTranslation: not-needed", "2026-11-03")
    edit(project, "docs/es/billing.md", "# ", "# Tu ")
    edit(project, "docs/es/invoices.md", "# ", "# Tu ")
    commit(project, "Two pages\n\nTranslation: not-needed docs/es/invoices.md", "2026-11-04")
    edit(project, "docs/es/models.md", "# ", "# Los ")
    commit(project, "Models title", "2026-11-05")
    edit(project, "docs/es/changes.md", "# ", "# Los ")
    commit(project, "Changes title", "2026-11-06")
    excused = git(project, "rev-parse", "--short=9", "HEAD").strip()
    edit(project, "docs/es/rotate-key.md", "# ", "# Cómo ")
    commit(project, "Rotate title", "2026-11-07")
    edit(project, "docs/es/index.md", "# ", "# El ")
    commit(
        project,
        f"Index title\n\nTranslation: not-needed {excused}\nTranslation: checked docs/en/rotate-key.md",
        "2026-11-08",
    )
    history = read_history(project, ("docs", "data"))
    behind = {
        page: [c.subject for c in history.since_update(f"docs/es/{page}", f"docs/en/{page}")]
        for page in (
            "help.md",
            "usage.md",
            "billing.md",
            "invoices.md",
            "models.md",
            "changes.md",
            "rotate-key.md",
            "index.md",
        )
    }
    assert behind == {
        "help.md": [],
        "usage.md": [],
        "billing.md": ["Two pages"],
        "invoices.md": [],
        "models.md": ["Models title"],
        "changes.md": [],
        "rotate-key.md": [],
        "index.md": ["Index title"],
    }
    assert history.since_update("docs/es/models.md", "docs/en/models.md")[0].day == date(
        2026, 11, 5
    )


def test_a_source_archive_has_no_history(tmp_path):
    project = copy_project(tmp_path / "archive")
    assert read_history(project, ("docs", "data")) is None


def test_an_english_page_behind_its_spanish_source_shows_the_notice_until_updated(
    repository, tmp_path
):
    project = repository
    edit(project, "docs/es/help.md", "# ", "# Tu ")
    commit(project, "Help: a new title", "2026-11-20")
    edit(project, "docs/es/usage.md", "\n", "  \n\n")
    commit(project, "Usage: spacing", "2026-11-21")
    edit(project, "docs/es/billing.md", "# ", "# Tu ")
    commit(project, "Billing: a typo\n\nTranslation: not-needed", "2026-11-22")

    site = tmp_path / "site"
    build_english(project, site)
    shown = notice(site, "help")
    assert shown is not None
    assert shown.select_one(".hc-translation-notice__title").get_text() == (
        "This translation may be out of date"
    )
    assert " ".join(shown.get_text().split()) == (
        "This translation may be out of date The original of this page changed on "
        "November 20, 2026, after this translation was last updated. "
        "Read the original (Español)"
    )
    link = shown.select_one("a")
    assert link["href"] == "../../help/"
    assert link["hreflang"] == "es"
    assert notice(site, "usage") is None
    assert notice(site, "billing") is None
    assert notice(site, "") is None
    listed = report(project)
    assert (
        "  out of date: docs/en/help.md (docs/es/help.md changed since, 1 commit(s)):\n      "
    ) in listed
    assert " 2026-11-20 Help: a new title\n" in listed
    assert "docs/en/usage.md" not in listed
    assert "docs/en/billing.md" not in listed
    pages = len(list((project / "docs" / "es").rglob("*.md")))
    assert f"pages {pages - 1}/{pages}," in listed.split("English (en): ")[1].splitlines()[0]

    edit(project, "docs/en/help.md", "# ", "# Your ")
    commit(project, "Help: the English title follows", "2026-11-23")
    build_english(project, tmp_path / "site2")
    assert notice(tmp_path / "site2", "help") is None
    listed = report(project)
    assert "docs/en/help.md" not in listed
    assert "out of date: docs/pt/help.md" in listed
    assert re.search(r"^English \(en\): (\d+) of \1 current \(100 %\)", listed, re.M)


def test_a_branch_that_changes_a_spanish_page_without_its_twins_is_reported(repository):
    project = repository
    base = git(project, "rev-parse", "HEAD").strip()
    edit(project, "docs/es/help.md", "# ", "# Tu ")
    edit(project, "docs/pt/help.md", "# ", "# Sua ")
    commit(project, "Help: a new title, in Portuguese too", "2026-11-20")
    edit(project, "docs/es/usage.md", "\n", "  \n\n")
    commit(project, "Usage: spacing", "2026-11-21")
    listed = report(project, base=base)
    assert listed.endswith(
        f"This branch against {base}:\n"
        f"  docs/es/help.md changed since {base}, but not docs/en/help.md"
    )


MEANING = {
    "es": "tu cuenta se quedó sin crédito para la API o llegó a un límite de gasto o de uso.",
    "en": "your account ran out of API credit or reached a spend or usage limit.",
}


def test_a_catalog_text_whose_spanish_changed_after_its_translation_is_reported(
    repository, tmp_path
):
    project = repository
    edit(
        project, "data/errors.yml", MEANING["es"], MEANING["es"].replace("tu cuenta", "tu  cuenta")
    )
    commit(project, "Errors: spacing inside a text", "2026-11-20")
    assert "data/errors.yml" not in report(project)
    edit(project, "data/errors.yml", "tu  cuenta se quedó", "tu organización se quedó")
    commit(project, "Errors: organización, not cuenta", "2026-11-21")
    listed = report(project)
    for code in ("en", "pt"):
        assert (
            f"  out of date: data/errors.yml: error 'insufficient-quota', field meaning ({code}):\n"
        ) in listed
    assert " 2026-11-21 Errors: organización, not cuenta" in listed
    assert listed.count("out of date: data/errors.yml") == 2
    # The error's page tells its reader too; the other errors' pages do not.
    build_english(project, tmp_path / "site")
    shown = notice(tmp_path / "site", "errors/insufficient-quota")
    assert "changed on November 21, 2026" in shown.get_text()
    assert shown.select_one("a")["href"] == "../../../errors/insufficient-quota/"
    assert notice(tmp_path / "site", "errors/rate-limit-reached") is None
    edit(
        project, "data/errors.yml", MEANING["en"], MEANING["en"].replace("account", "organization")
    )
    commit(project, "Errors: organization, in English", "2026-11-22")
    listed = report(project)
    assert "field meaning (en)" not in listed
    assert "field meaning (pt)" in listed
    edit(project, "data/errors.yml", "tu organización se quedó", "tu organización ya se quedó")
    commit(project, "Errors: a preposition\n\nTranslation: not-needed", "2026-11-23")
    assert "field meaning (en)" not in report(project)


def test_a_missing_label_is_reported_in_its_language(repository):
    project = repository
    edit(
        project,
        "data/labels/pt.po",
        'msgctxt "copy.button"\nmsgid "Copiar la página para un asistente de IA"\n'
        'msgstr "Copiar a página para um assistente de IA"\n',
        "",
    )
    listed = report(project)
    assert "  missing label: data/labels/pt.po: label 'copy.button' is missing (pt)" in listed
    assert "missing label: data/labels/en.po" not in listed


def test_the_notice_speaks_the_reader_s_language_and_names_the_day_of_the_change():
    spanish, english, portuguese = configured_languages(ROOT / "mkdocs.yml")[:3]
    older = Commit("a" * 40, date(2026, 11, 2), "Older", frozenset(), frozenset())
    newer = Commit("b" * 40, date(2026, 11, 20), "Newer", frozenset(), frozenset())
    status = Status("docs/es/a.md", "docs/pt/a.md", (newer, older))
    shown = translations.notice(status, portuguese, spanish, "../../a/")
    assert shown.title == "Esta tradução pode estar desatualizada"
    assert shown.text == (
        "O original desta página mudou em 20 de novembro de 2026, depois da última "
        "atualização desta tradução."
    )
    assert shown.link == "Leia o original (Español)"
    assert (shown.href, shown.hreflang) == ("../../a/", "es")
    assert translations.notice(status, english, spanish, "../../a/").text == (
        "The original of this page changed on November 20, 2026, after this translation "
        "was last updated."
    )
    current = Status("docs/es/a.md", "docs/pt/a.md")
    assert translations.notice(current, portuguese, spanish, "x") is None


def test_readers_words_of_the_spanish_page_or_error_ask_nothing_of_translators(repository):
    """Front matter phrases and sections, and an error's phrases, are each language's own words
    for the search box: changing them alone leaves the translations current."""
    project = repository
    edit(project, "docs/es/billing.md", "phrases:\n", 'phrases:\n  - "meter plata en openai"\n')
    commit(project, "Billing: a reader's phrase", "2026-11-20")
    edit(
        project,
        "docs/es/usage.md",
        "sections:\n",
        'sections:\n  siguiente-paso:\n    - "y ahora qué"\n',
    )
    commit(project, "Usage: a section's phrase", "2026-11-21")
    edit(
        project,
        "data/errors.yml",
        '    phrases:\n      es:\n        - "',
        '    phrases:\n      es:\n        - "sin plata en openai"\n        - "',
    )
    commit(project, "Errors: a reader's phrase", "2026-11-22")
    history = read_history(project, ("docs", "data"))
    for page in ("billing.md", "usage.md"):
        assert history.since_update(f"docs/es/{page}", f"docs/en/{page}") == [], page
    assert "out of date" not in report(project)
    edit(project, "docs/es/billing.md", "description: ", "description: Hoy: ")
    commit(project, "Billing: a new description", "2026-11-23")
    history = read_history(project, ("docs", "data"))
    behind = history.since_update("docs/es/billing.md", "docs/en/billing.md")
    assert [commit.subject for commit in behind] == ["Billing: a new description"]
