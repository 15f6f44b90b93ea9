"""The checks of `make check`: each one catches its problem, naming the file and the line.

Every test works on a scratch copy (``tmp_path``) of the pages and catalogs, or on pages it
writes itself, and introduces one problem. Spelling tests need Hunspell and Debian's
dictionaries of the site's languages and are skipped, with the command to install them,
without (under CI=true they run, and fail).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from helpcenter.buildday import build_day
from helpcenter.checks import CHECKS, ERROR, WARNING, Problem, config, spelling
from helpcenter.checks.freshness import FAIL_AFTER_DAYS, WARN_AFTER_DAYS, check_freshness
from helpcenter.checks.parity import check_parity
from helpcenter.checks.scan import check_scan, double_encoded
from helpcenter.checks.spelling import INSTALL, check_spelling
from support import IN_CI, ROOT

LOCALES = {"es": "es_419", "en": "en_US", "pt": "pt_BR"}
"""Locales of the languages the tests' own configurations name (Hunspell: es_MX, en_US, pt_BR)."""
HUNSPELL_READY = bool(shutil.which("hunspell")) and set(
    spelling.dictionaries_of({**LOCALES, **config.languages(ROOT)[0]}).values()
) <= spelling.available(shutil.which("hunspell"))
needs_hunspell = pytest.mark.skipif(
    not HUNSPELL_READY and not IN_CI,
    reason=f"Hunspell or the dictionaries of the site's languages are missing: {INSTALL}",
)
FAKE_KEY = "sk-proj-" + "Ab3xY9" * 6
"""Key-shaped, built here so that no key-like string sits in the sources."""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy of the pages, catalogs and the configuration naming the languages."""
    for name in ("docs", "data"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def write_config(root: Path, languages) -> None:
    """A mkdocs.yml naming ``languages`` (the first is the primary one) in extra.alternate."""
    entries = "".join(
        f"    - {{name: {code}, lang: {code}, link: /{'' if number == 0 else code + '/'}, "
        f"locale: {LOCALES.get(code, code)}}}\n"
        for number, code in enumerate(languages)
    )
    (root / "mkdocs.yml").write_text(f"extra:\n  alternate:\n{entries}", encoding="utf-8")


@pytest.fixture
def pages(tmp_path: Path):
    """Writes a page in each language given (``es=…, en=…``, the first one primary), the
    configuration naming those languages, and an empty word list, into a project of their own."""

    def write(name: str = "page.md", wordlist: str = "", **texts: str) -> Path:
        for language, text in (texts or {"es": "", "en": ""}).items():
            path = tmp_path / "docs" / language / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        write_config(tmp_path, list(texts or ("es", "en")))
        (tmp_path / "data").mkdir(exist_ok=True)
        (tmp_path / "data" / "wordlist.txt").write_text(wordlist, encoding="utf-8")
        return tmp_path

    return write


def append(path: Path, text: str) -> int:
    """Add ``text`` (one line) at the end of ``path`` after a blank line; its line number."""
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(content + text + "\n", encoding="utf-8")
    return content.count("\n") + 1


def line_of(path: Path, pattern: str, after: int = 0) -> int:
    """The number of the first line at or after ``after`` matching the regular expression."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if number >= after and re.search(pattern, line):
            return number
    raise AssertionError(f"{pattern!r} not in {path}")


def named(problems: list[Problem], file: str, line: int, text: str) -> list[Problem]:
    """The problems on that file and line whose printed form contains ``text``."""
    return [p for p in problems if p.file == file and p.line == line and text in str(p)]


def run_cli(*arguments: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpcenter.checks", *arguments],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )


# ------------------------------------------------------------------------------ spelling


MISSPELT = {
    "es": ("Si el credto se acaba, la API deja de responder.", "credto"),
    "en": ("The new balanse may take a few minutes.", "balanse"),
    "pt": ("O novo saldu pode levar alguns minutos.", "saldu"),
}
"""A sentence with one misspelt word in each language a site may have."""


@needs_hunspell
def test_a_misspelt_word_is_named_with_its_page_and_line(project):
    """One page per language (the whole site's spelling is ``make check``'s, which CI runs)."""
    languages, _ = config.languages(project)
    expected = []
    for code in languages:
        sentence, word = MISSPELT[code]  # a new language needs its sentence here
        line = append(project / f"docs/{code}/billing.md", sentence)
        expected.append(
            f"docs/{code}/billing.md:{line}: unknown word '{word}' ({code}); if it is a name "
            "or a technical term, add it to data/wordlist.txt"
        )
    problems = check_spelling(project, files=[f"docs/{code}/billing.md" for code in languages])
    assert [str(problem) for problem in problems] == sorted(expected)
    assert {problem.severity for problem in problems} == {ERROR}


@needs_hunspell
def test_catalog_texts_are_checked_in_their_own_language(project):
    catalog = project / "data/models.yml"
    text = catalog.read_text(encoding="utf-8")
    good_for = line_of(catalog, r"^\s+good_for:")
    spanish = line_of(catalog, r'^\s+es: "', after=good_for)
    lines = text.splitlines()
    lines[spanish - 1] = lines[spanish - 1].replace('es: "', 'es: "Respuestas sencilas. ', 1)
    catalog.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = check_spelling(project, files=["data/models.yml"])
    assert named(problems, "data/models.yml", spanish, "unknown word 'sencilas' (es)"), problems


@needs_hunspell
def test_the_word_list_accepts_names_and_terms_but_not_their_misspellings(pages):
    root = pages(
        es="# Título\n\nOpenAI cobra por tokens. Los Tokens de OpenAI.\n",
        en="# Title\n\nOpenAI bills by tokens. OpenAI's Tokens.\n",
        wordlist="# names\nOpenAI\nOpenAI's\ntokens  # a term\n",
    )
    assert check_spelling(root) == []
    (root / "docs/en/page.md").write_text("# Title\n\nOpenIA bills by tokenz.\n", encoding="utf-8")
    problems = [str(problem) for problem in check_spelling(root)]
    assert any(p.startswith("docs/en/page.md:3: unknown word 'OpenIA' (en)") for p in problems)
    assert any(p.startswith("docs/en/page.md:3: unknown word 'tokenz' (en)") for p in problems)


@needs_hunspell
def test_spanish_pages_may_name_the_english_interface_in_bold_but_not_misspell_it(pages):
    root = pages(
        es="# Claves\n\nHaz clic en **Create new secret key** (crear clave) y **Guardar**.\n",
        en="# Keys\n\nClick **Create new secret key** and **Save**.\n",
    )
    assert check_spelling(root) == []
    page = root / "docs/es/page.md"
    page.write_text("# Claves\n\nHaz clic en **Create new secrett key**.\n", encoding="utf-8")
    problems = [str(problem) for problem in check_spelling(root)]
    assert any(p.startswith("docs/es/page.md:3: unknown word 'secrett' (es/en)") for p in problems)
    page.write_text("# Claves\n\nHaz clic en Create new secret key.\n", encoding="utf-8")
    assert any(p.message.startswith("unknown word 'secret'") for p in check_spelling(root))


@needs_hunspell
def test_what_readers_do_not_read_as_prose_is_not_spell_checked(pages):
    page = (
        "---\n"
        "credtokey: valor\n"
        "description: Una página de prueba.\n"
        "---\n\n"
        "# Título {{ credto.menu }}\n\n"
        "Usa `credto`, <https://credto.example/x>, https://credto.example/y y "
        "[la guía](credto.md){ .md-button .credto } con :material-credto-plus: y "
        "{{ model:credto }}.\n\n"
        "<!-- md:credto uno -->\n\n"
        '<div class="grid credto" markdown>\n\n'
        "Texto.\n\n"
        "</div>\n\n"
        "```sh\n"
        "credto --help\n"
        "```\n"
    )
    root = pages(es=page, en=page.replace("Título", "Title").replace("Usa", "Use"))
    problems = check_spelling(root)
    assert not [p for p in problems if "credto" in p.message], problems


@needs_hunspell
def test_a_word_listed_for_one_language_passes_only_in_that_language(pages):
    root = pages(es="# Clave\n\nCópiala y pégala.\n", en="# Key\n\nCopy it, pégala.\n")
    (root / "data" / "wordlist.es.txt").write_text("# imperatives\ncópiala\npégala\n", "utf-8")
    problems = [str(problem) for problem in check_spelling(root)]
    assert problems == [
        "docs/en/page.md:3: unknown word 'pégala' (en); if it is a name or a technical term, "
        "add it to data/wordlist.txt"
    ]
    (root / "docs/es/page.md").write_text("# Clave\n\nCopiala y pégala.\n", encoding="utf-8")
    problems = [str(problem) for problem in check_spelling(root)]
    assert any(p.startswith("docs/es/page.md:3: unknown word 'Copiala' (es)") for p in problems)


@needs_hunspell
def test_every_configured_language_is_checked_with_its_own_dictionary(pages):
    root = pages(
        es="# Clave\n\nGuarda la clave.\n",
        en="# Key\n\nSave the key.\n",
        pt="# Chave\n\nVocê salva a chave nova.\n",
    )
    assert check_spelling(root) == []
    (root / "docs/pt/page.md").write_text("# Chave\n\nVocê salva a chavve.\n", "utf-8")
    problems = [str(problem) for problem in check_spelling(root)]
    assert [p for p in problems if "chavve" in p] == [
        "docs/pt/page.md:3: unknown word 'chavve' (pt); if it is a name or a technical term, "
        "add it to data/wordlist.txt"
    ]


@needs_hunspell
def test_catalog_texts_of_every_language_mapping_are_checked(project):
    catalog = project / "data/errors.yml"
    spanish = line_of(catalog, r"^\s+es: ")
    lines = catalog.read_text(encoding="utf-8").splitlines()
    lines[spanish - 1] = lines[spanish - 1].replace("es: ", "es: Clavve ", 1)
    catalog.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = check_spelling(project, files=["data/errors.yml"])
    assert [str(p) for p in problems] == [
        f"data/errors.yml:{spanish}: unknown word 'Clavve' (es); if it is a name or a "
        "technical term, add it to data/wordlist.txt"
    ]


def test_without_hunspell_the_spelling_check_fails_saying_how_to_install_it(pages, monkeypatch):
    root = pages(es="# Hola\n", en="# Hello\n")
    monkeypatch.setattr(spelling.shutil, "which", lambda name: None)
    problems = check_spelling(root)
    assert len(problems) == 1 and problems[0].severity == ERROR
    assert "sudo apt-get install hunspell hunspell-es hunspell-en-us hunspell-pt-br" in str(
        problems[0]
    )


@needs_hunspell
def test_without_dictionaries_the_spelling_check_fails_saying_how_to_install_them(
    pages, monkeypatch
):
    root = pages(es="# Hola\n", en="# Hello\n")
    monkeypatch.setattr(spelling, "DICTIONARIES", {"es": "xx_NONE"})
    problems = check_spelling(root)
    assert [str(problem) for problem in problems] == [
        f"spelling: no hunspell dictionary xx_NONE: {INSTALL}"
    ]


def test_the_command_fails_when_hunspell_is_missing(tmp_path):
    result = run_cli("spelling", PATH=str(tmp_path))
    assert result.returncode == 1
    assert (
        "sudo apt-get install hunspell hunspell-es hunspell-en-us hunspell-pt-br" in result.stdout
    )


# -------------------------------------------------------------------------------- parity

ES_PAGE = """---
description: Paga.
---

# Pago

Intro con {{ product }}.

## Agrega un método de pago

1. Abre **Billing**.

!!! warning
    Cuidado con {{ error:insufficient-quota }}.

## Activa la recarga automática

1. Activa la recarga.

## Ten en cuenta

- Consulta [el consumo](usage.md#saldo).
"""
EN_PAGE = """---
description: Pay.
---

# Payment

Intro with {{ product }}.

## Add a payment method

1. Open **Billing**.

!!! warning
    Mind {{ error:insufficient-quota }}.

## Turn on auto recharge

1. Turn it on.

## Keep in mind

- See [your usage](usage.md#balance).
"""


def test_twins_with_the_same_shape_pass(pages):
    assert check_parity(pages(es=ES_PAGE, en=EN_PAGE)) == []


def test_a_page_whose_twin_lacks_a_section_names_the_section_and_where_it_goes(pages):
    start = EN_PAGE.index("## Turn on auto recharge")
    end = EN_PAGE.index("## Keep in mind")
    root = pages(es=ES_PAGE, en=EN_PAGE[:start] + EN_PAGE[end:])
    assert [str(problem) for problem in check_parity(root)] == [
        "docs/en/page.md:14: 2 headings at level 2, docs/es/page.md has 3 "
        '(missing after line 14: "## Activa la recarga automática")'
    ]


def test_a_section_missing_from_a_real_page_is_found(project):
    page = project / "docs/es/billing.md"
    line = append(page, "## Sección nueva")
    append(page, "Más texto con [un enlace](usage.md).")
    twin = project / "docs/en/billing.md"
    level_2 = [
        text for text in twin.read_text(encoding="utf-8").splitlines() if text.startswith("## ")
    ]
    last = len(twin.read_text(encoding="utf-8").rstrip("\n").splitlines())
    problems = check_parity(project)
    expected = (
        f"docs/en/billing.md:{last}: {len(level_2)} headings at level 2, docs/es/billing.md has "
        f'{len(level_2) + 1} (missing after line {last}: "## Sección nueva")'
    )
    assert expected in [str(problem) for problem in problems], problems
    assert line > last


def test_a_page_without_twin_is_left_to_the_build(pages):
    # The build names it (hooks/languages.py); parity compares only pages that have a twin.
    root = pages(es=ES_PAGE, en=EN_PAGE)
    (root / "docs/es/solo.md").write_text("# Solo\n\n## Parte\n", encoding="utf-8")
    assert check_parity(root) == []


def test_every_configured_language_is_compared_with_the_primary_one(pages):
    third = EN_PAGE.replace("!!! warning", "!!! tip")
    root = pages(es=ES_PAGE, en=EN_PAGE, xx=third)
    assert [str(problem) for problem in check_parity(root)] == [
        'docs/xx/page.md:13: admonition "!!! tip" where docs/es/page.md:13 has "!!! warning"'
    ]
    write_config(root, ["es", "en"])
    assert check_parity(root) == []


def test_admonitions_links_tables_code_markers_and_placeholders_are_compared(pages):
    english = (
        EN_PAGE.replace("!!! warning", "!!! note")
        .replace("(usage.md#balance)", "(models.md)")
        .replace("Intro with {{ product }}.", "Intro.\n\n<!-- md:estimator -->")
        .replace("1. Turn it on.", "1. Turn it on.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |")
        .replace("- See", "```sh\nls\n```\n\n- See")
    )
    problems = [str(problem) for problem in check_parity(pages(es=ES_PAGE, en=english))]
    assert problems == [
        'docs/en/page.md:5: "# Payment" lacks the placeholder "product" that docs/es/page.md:7 has',
        'docs/en/page.md:15: admonition "!!! note" where docs/es/page.md:13 has "!!! warning"',
        'docs/en/page.md:26: "## Keep in mind" lacks a link to "usage.md" that '
        "docs/es/page.md:22 has",
        'docs/es/page.md:5: "# Pago" lacks marker "<!-- md:estimator -->" that '
        "docs/en/page.md:9 has",
        'docs/es/page.md:16: 0 table(s) in "## Activa la recarga automática", '
        "docs/en/page.md has 1 there (line 22)",
        'docs/es/page.md:20: 0 code block(s) in "## Ten en cuenta", docs/en/page.md has 1 '
        "there (line 28)",
        'docs/es/page.md:20: "## Ten en cuenta" lacks a link to "models.md" that '
        "docs/en/page.md:32 has",
    ]


def test_a_heading_at_another_level_is_named(pages):
    root = pages(es=ES_PAGE, en=EN_PAGE.replace("## Keep in mind", "### Keep in mind"))
    assert [str(problem) for problem in check_parity(root)] == [
        'docs/en/page.md:20: heading "### Keep in mind" is at level 3, its twin '
        '"## Ten en cuenta" (docs/es/page.md:20) at level 2'
    ]


# ---------------------------------------------------------------------- keys and encoding


def test_a_key_like_string_is_named_without_being_printed_whole(project):
    line = append(project / "docs/en/help.md", f"Paste your key ({FAKE_KEY}) in the form.")
    problems = check_scan(project)
    found = named(problems, "docs/en/help.md", line, "looks like an OpenAI secret key")
    assert found, problems
    assert FAKE_KEY not in str(found[0])
    data_line = append(
        project / "data/models.yml", f"# test key: {FAKE_KEY.replace('proj', 'admin')}"
    )
    assert named(check_scan(project), "data/models.yml", data_line, "sk-admin-")


def test_masked_keys_and_organization_ids_are_fine(pages):
    root = pages(
        es="# Clave\n\nLa clave empieza con `sk-` (sk-proj-****abcd); "
        "tu ID es org-AbCdEfGhIjKlMnOpQrStUvWx.\n",
        en="# Key\n\nUse task-abcdefghijklmnopqrstuvwxyz and sk-svcacct-****wxyz.\n",
    )
    assert check_scan(root) == []


def test_double_encoded_text_is_named_with_what_it_should_be(project):
    latin_1 = append(
        project / "docs/es/billing.md",
        "La configuraci\u00c3\u00b3n \u00c2\u00bfest\u00c3\u00a1 lista?",
    )
    mac_roman = append(project / "data/errors.yml", "# Configuraci\u221a\u2265n")
    problems = [str(problem) for problem in check_scan(project)]
    assert (
        f"docs/es/billing.md:{latin_1}: double-encoded text '\u00c3\u00b3' "
        "(UTF-8 read as Latin-1 (Windows-1252)): write '\u00f3'"
    ) in problems
    assert any(p.startswith(f"docs/es/billing.md:{latin_1}:") and "'\u00bf'" in p for p in problems)
    assert (
        f"data/errors.yml:{mac_roman}: double-encoded text '\u221a\u2265' "
        "(UTF-8 read as Mac Roman): write '\u00f3'"
    ) in problems


def test_real_spanish_and_typography_are_not_double_encoded():
    line = (
        "\u00ab\u00c9l\u00bb dijo \u00bfqu\u00e9? \u00a1s\u00ed! \u2014 \u00f1and\u00fa "
        "\u201chola\u201d \u2192 fin"
    )
    assert double_encoded(line) == []


def test_a_file_that_is_not_utf8_is_named(project):
    (project / "docs/es/billing.md").write_bytes("# Pago\n\nCr\u00e9dito\n".encode("latin-1"))
    assert named(check_scan(project), "docs/es/billing.md", 3, "is not UTF-8")
    for check in (check_parity, check_spelling) if HUNSPELL_READY else (check_parity,):
        problems = check(project, files=["docs/es/billing.md"])
        assert "docs/es/billing.md: is not UTF-8 text: save it as UTF-8" in map(str, problems)


# ------------------------------------------------------------------------------ freshness


def set_verified(catalog: Path, entry_line_pattern: str, when: date) -> int:
    """Set the ``verified`` of the first entry matching the pattern; the field's line."""
    start = line_of(catalog, entry_line_pattern)
    line = line_of(catalog, r"^\s+verified: ", after=start)
    lines = catalog.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = re.sub(r"verified: .*", f"verified: {when.isoformat()}", lines[line - 1])
    catalog.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return line


def test_a_price_verified_200_days_ago_is_an_error_at_its_verified_line(project):
    on = build_day()
    catalog = project / "data/models.yml"
    model = re.search(r"^  - id: (\S+)", catalog.read_text(encoding="utf-8"), re.M).group(1)
    old = on - timedelta(days=200)
    line = set_verified(catalog, rf"^  - id: {re.escape(model)}$", old)
    problems = check_freshness(project, on=on)
    found = named(problems, "data/models.yml", line, f"model '{model}' verified {old.isoformat()}")
    assert found, problems
    assert found[0].severity == ERROR
    assert "200 days ago (more than 120)" in found[0].message
    assert str(found[0]).startswith(f"data/models.yml:{line}: model '{model}' verified")


def test_a_date_between_90_and_120_days_is_a_warning(project):
    on = build_day()
    billing = set_verified(project / "data/models.yml", r"^billing:", on - timedelta(days=100))
    error = set_verified(project / "data/errors.yml", r"^  - slug: ", on - timedelta(days=91))
    problems = check_freshness(project, on=on)
    for file, line, what in (
        ("data/models.yml", billing, "billing"),
        ("data/errors.yml", error, "error '"),
    ):
        found = named(problems, file, line, what)
        assert found and found[0].severity == WARNING, problems
        assert str(found[0]).startswith(f"{file}:{line}: warning: ")


def test_freshness_counts_from_source_date_epoch(monkeypatch, project):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2030, 1, 2, tzinfo=UTC).timestamp())))
    line = set_verified(project / "data/models.yml", r"^billing:", date(2029, 9, 3))
    found = named(check_freshness(project), "data/models.yml", line, "billing")
    assert found and found[0].severity == ERROR, found
    assert "121 days ago" in found[0].message


@pytest.mark.parametrize("zone", ["Etc/GMT-14", "Etc/GMT+12"])
def test_freshness_counts_days_in_utc_as_the_build_does(monkeypatch, project, zone):
    # Local dates in these two zones differ from each other at every moment; the UTC one
    # lies between them.
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        utc_today = datetime.now(tz=UTC).date()
        line = set_verified(
            project / "data/models.yml", r"^billing:", utc_today - timedelta(days=121)
        )
        found = named(check_freshness(project), "data/models.yml", line, "billing")
        assert found and "121 days ago" in found[0].message, found
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_command_passes_on_warnings_and_fails_on_errors(project):
    for catalog in ("data/models.yml", "data/errors.yml"):
        path = project / catalog
        text = re.sub(r"verified: \S+", "verified: 2030-01-01", path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
    day = datetime(2030, 1, 1, tzinfo=UTC)
    warned = run_cli(
        "freshness",
        "--root",
        str(project),
        SOURCE_DATE_EPOCH=str(int((day + timedelta(days=WARN_AFTER_DAYS + 10)).timestamp())),
    )
    assert warned.returncode == 0, warned.stdout + warned.stderr
    assert "data/models.yml:" in warned.stdout and ": warning: " in warned.stdout
    failed = run_cli(
        "freshness",
        "--root",
        str(project),
        SOURCE_DATE_EPOCH=str(int((day + timedelta(days=FAIL_AFTER_DAYS + 80)).timestamp())),
    )
    assert failed.returncode == 1
    assert re.search(
        r"^data/models\.yml:\d+: model '[^']+' verified 2030-01-01, 200 days ago",
        failed.stdout,
        re.M,
    )


def test_every_check_is_reachable_from_the_command_line():
    result = run_cli("--help")
    assert result.returncode == 0
    for name in CHECKS:
        assert name in result.stdout
    assert run_cli("no-such-check").returncode == 2


def test_a_problem_prints_as_file_line_message():
    assert str(Problem("docs/es/a.md", 3, "x")) == "docs/es/a.md:3: x"
    assert str(Problem("data/models.yml", 9, "y", WARNING)) == "data/models.yml:9: warning: y"
    assert str(Problem("spelling", None, "z")) == "spelling: z"
