"""The build's labels, one gettext PO file per language (data/labels/<code>.po): read as
translation tools write them, checked with one line naming the file, the key and the language,
and a language added by files and configuration alone."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from helpcenter.site.labels import label, labels_for, missing_labels, say, stale_labels
from support import LANGUAGES, PRIMARY, assert_clean_failure, copy_project, run_build

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
SPANISH = (
    HEADER
    + 'msgctxt "a.one"\nmsgid "Uno"\nmsgstr "Uno"\n\n'
    + '#, python-brace-format\nmsgctxt "a.two"\nmsgid "Dos {n}"\nmsgstr "Dos {n}"\n'
)


def _files(folder: Path, **texts: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "es.po").write_text(SPANISH, "utf-8")
    for code, text in texts.items():
        (folder / f"{code}.po").write_text(HEADER + text, "utf-8")
    return folder


def test_a_complete_translation_has_no_problem(tmp_path):
    folder = _files(
        tmp_path / "labels",
        xx='msgctxt "a.one"\nmsgid "Uno"\nmsgstr "One"\n\n'
        'msgctxt "a.two"\nmsgid "Dos {n}"\nmsgstr "Two {n}"\n',
    )
    assert missing_labels("es", folder) == []
    assert missing_labels("xx", folder) == []
    assert stale_labels("xx", folder) == []


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            'msgctxt "a.one"\nmsgid "Uno"\nmsgstr "One"\n',
            "data/labels/xx.po: label 'a.two' is missing (xx)",
        ),
        (
            'msgctxt "a.one"\nmsgid "Uno"\nmsgstr ""\n\n'
            'msgctxt "a.two"\nmsgid "Dos {n}"\nmsgstr "Two {n}"\n',
            "data/labels/xx.po: label 'a.one' has no text (xx)",
        ),
        (
            'msgctxt "a.one"\nmsgid "Uno"\nmsgstr "One"\n\n'
            'msgctxt "a.two"\nmsgid "Dos {n}"\nmsgstr "Two {n}"\n\n'
            'msgctxt "a.three"\nmsgid "Tres"\nmsgstr "Three"\n',
            "data/labels/xx.po: label 'a.three' is not in data/labels/es.po (xx): "
            "remove it or add it there",
        ),
        (
            'msgctxt "a.one"\nmsgid "Uno"\nmsgstr "One"\n\n'
            'msgctxt "a.two"\nmsgid "Dos {n}"\nmsgstr "Two {number}"\n',
            "data/labels/xx.po: label 'a.two' (xx) has the fields ['number']; "
            "the Spanish text has ['n']",
        ),
        (
            'msgctxt "a.one"\nmsgid "Uno"\nmsgstr "One"\n\n'
            'msgctxt "a.one"\nmsgid "Uno"\nmsgstr "Once"\n\n'
            'msgctxt "a.two"\nmsgid "Dos {n}"\nmsgstr "Two {n}"\n',
            'data/labels/xx.po:9: label "a.one" (xx) is written twice',
        ),
    ],
    ids=["missing", "empty", "extra", "fields", "twice"],
)
def test_each_problem_is_one_line_naming_file_key_and_language(tmp_path, text, problem):
    assert missing_labels("xx", _files(tmp_path / "labels", xx=text)) == [problem]


def test_bad_po_syntax_names_the_file_and_the_language(tmp_path):
    folder = _files(tmp_path / "labels", xx='msgctxt "a.one"\nmsgid "Uno\nmsgstr "One"\n')
    [problem] = missing_labels("xx", folder)
    assert problem == "data/labels/xx.po:6: not a valid PO line (xx): 'msgid \"Uno'"


def test_a_translation_of_an_older_spanish_text_is_stale(tmp_path):
    folder = _files(
        tmp_path / "labels",
        xx='msgctxt "a.one"\nmsgid "Un"\nmsgstr "One"\n\n'
        '#, fuzzy, python-brace-format\nmsgctxt "a.two"\nmsgid "Dos {n}"\nmsgstr "Two {n}"\n',
    )
    assert missing_labels("xx", folder) == []
    assert stale_labels("xx", folder) == [
        ("a.one", "the Spanish text changed since it was translated"),
        ("a.two", "marked fuzzy"),
    ]


def test_the_label_functions_read_the_files():
    assert label("admonition.tip", "es") == "Consejo"
    assert label("admonition.tip", "en") == "Tip"
    assert label("admonition.tip", "pt") == "Dica"
    assert labels_for("en", "not_found.")["home"] == "Go to the home page"
    assert say("redirect.text", "pt", link="X") == "Agora ela está em X."


def test_every_label_file_is_one_babel_reads_with_the_spanish_texts_as_msgid():
    root = Path(__file__).resolve().parent.parent / "data" / "labels"
    with (root / f"{PRIMARY}.po").open("rb") as handle:
        spanish = {m.context: m.id for m in read_po(handle) if m.id}
    assert spanish["admonition.tip"] == "Consejo"
    for code in LANGUAGES:
        with (root / f"{code}.po").open("rb") as handle:
            catalog = read_po(handle)
        assert catalog.locale is not None and str(catalog.locale).startswith(code)
        assert {m.context: m.id for m in catalog if m.id} == spanish, code


def test_a_label_file_missing_a_key_fails_the_build_naming_it(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "labels" / "en.po"
    text = path.read_text("utf-8")
    entry = (
        'msgctxt "copy.button"\nmsgid "Copiar la página para un asistente de IA"\n'
        'msgstr "Copy page for an AI assistant"\n\n'
    )
    assert entry in text
    path.write_text(text.replace(entry, ""), "utf-8")
    result = run_build(project, tmp_path / "site")
    assert_clean_failure(result, "data/labels/en.po: label 'copy.button' is missing (en)")


def _with_french(text: str) -> str:
    """Every ``en:`` text of a YAML file (block or flow style) copied as ``fr:``."""
    lines, out, index = text.splitlines(), [], 0
    while index < len(lines):
        line = lines[index]
        out.append(line)
        match = re.match(r"^(\s*)en:(.*)$", line)
        index += 1
        if match:
            indent, block = match.group(1), [f"{match.group(1)}fr:{match.group(2)}"]
            while index < len(lines) and lines[index].startswith(indent + " "):
                block.append(lines[index])
                out.append(lines[index])
                index += 1
            out.extend(block)
    flow = re.compile(r"(\ben: ([^,{}]+)),")
    return (
        "\n".join(flow.sub(r"\1, fr: \2,", line) if "{ es:" in line else line for line in out)
        + "\n"
    )


def test_a_fourth_language_is_built_from_files_and_configuration_alone(tmp_path):
    """French, known only to this test: its entry in extra.alternate, its mkdocs.fr.yml, its
    pages, its label file and its texts in the data; no Python file changes."""
    project = copy_project(tmp_path / "project")
    python_before = {p: p.read_bytes() for p in project.rglob("*.py")}
    config = (project / "mkdocs.yml").read_text("utf-8")
    entry = "    - name: Português (Brasil)\n"
    assert entry in config
    config = config.replace(
        "  # The product, as pages show it",
        "    - name: Français\n      lang: fr\n      link: /fr/\n      locale: fr_FR\n"
        "  # The product, as pages show it",
    )
    (project / "mkdocs.yml").write_text(_with_french(config), "utf-8")
    english = (project / "mkdocs.en.yml").read_text("utf-8")
    french = (
        english.replace("docs/en", "docs/fr")
        .replace("site/en", "site/fr")
        .replace("language: en", "language: fr")
        .replace("lang: en", "lang: fr")
    )
    (project / "mkdocs.fr.yml").write_text(french, "utf-8")
    shutil.copytree(project / "docs" / "en", project / "docs" / "fr")
    for name in ("models.yml", "errors.yml"):
        path = project / "data" / name
        path.write_text(_with_french(path.read_text("utf-8")), "utf-8")
    labels = (project / "data" / "labels" / "en.po").read_text("utf-8")
    (project / "data" / "labels" / "fr.po").write_text(
        labels.replace('"Language: en\\n"', '"Language: fr\\n"'), "utf-8"
    )
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert {p: p.read_bytes() for p in project.rglob("*.py")} == python_before
    # A copy without git history: no notice of out-of-date translations, said once.
    said = "No git history here: pages carry no notice of out-of-date translations"
    assert (result.stdout + result.stderr).count(said) == 1
    home = (tmp_path / "site" / "fr" / "index.html").read_text("utf-8")
    assert '<html lang="fr"' in home
    assert 'hreflang="fr" href="https://help.acme-chat.example/fr/"' in home
