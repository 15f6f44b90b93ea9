"""Whole builds of an edited copy of the project: what an editor sees after a change."""

from __future__ import annotations

import json
from decimal import Decimal

import yaml

from support import LANGUAGES, assert_clean_failure, run_build


def build(project):
    result = run_build(project, project / "site")
    return result.returncode, result.stdout + result.stderr


def edit(path, old, new):
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def assert_fails_with(project, *expected):
    assert_clean_failure(run_build(project, project / "site"), *expected)


# The new price as each language writes it.
NEW_PRICE = {"es": "US$0.13", "en": "US$0.13", "pt": "US$\u00a00,13"}


def test_changing_one_price_changes_it_everywhere(project):
    catalog = project / "data" / "models.yml"
    edit(catalog, "\n      input: 0.10\n", "\n      input: 0.13\n")
    code, log = build(project)
    assert code == 0, log
    for language, root in LANGUAGES.items():
        folder = project / "site" / root
        page = (folder / "models" / "index.html").read_text("utf-8")
        assert NEW_PRICE[language] in page
        assert "md-source-file" not in page, "a copy without git history shows no dates"
        published = json.loads((folder / "models.json").read_text("utf-8"), parse_float=Decimal)
        assert Decimal("0.13") in [m["pricing"]["input"] for m in published["models"]]


def test_a_page_without_its_twin_fails_naming_the_page(project):
    (project / "docs" / "en" / "help.md").unlink()
    assert_fails_with(project, "docs/es/help.md has no twin", "docs/en/help.md")


def test_an_unknown_marker_fails_naming_the_page(project):
    edit(
        project / "docs" / "en" / "models.md",
        "<!-- md:pricing legacy -->",
        "<!-- md:prices legacy -->",
    )
    assert_fails_with(project, "docs/en/models.md", "md:prices legacy")


def test_an_unknown_placeholder_fails_naming_the_page(project):
    page = project / "docs" / "es" / "connect-key.md"
    page.write_text(page.read_text("utf-8") + "\nEscribe a {{ suport.email }}.\n", "utf-8")
    assert_fails_with(project, "docs/es/connect-key.md", "{{ suport.email }}")


def test_a_broken_model_entry_fails_naming_file_model_and_field(project):
    edit(project / "data" / "models.yml", "\n      output: 0.50\n", "\n      output: -0.50\n")
    assert_fails_with(project, "data/models.yml", "field pricing.output", "at least 0")


def test_a_yaml_syntax_error_fails_with_its_line(project):
    catalog = project / "data" / "errors.yml"
    lines = catalog.read_text("utf-8").splitlines()
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("- slug:"))
    lines[number] = lines[number].replace("- slug:", "- slug: [")
    catalog.write_text("\n".join(lines), "utf-8")
    assert_fails_with(project, "data/errors.yml:", "YAML syntax error")


def test_a_broken_link_or_anchor_on_a_page_fails_the_build_naming_page_and_link(project):
    # The build owns links between pages (mkdocs.yml, validation): no other check repeats it.
    with (project / "docs" / "en" / "billing.md").open("a", encoding="utf-8") as page:
        page.write("\nSee [the usage page](usgae.md) and [rotation](rotate-key.md#nowhere).\n")
    assert_fails_with(
        project,
        "[en] WARNING -  Doc file 'billing.md' contains a link 'usgae.md', but the target is "
        "not found among documentation files.",
        "[en] WARNING -  Doc file 'billing.md' contains a link 'rotate-key.md#nowhere', but "
        "the doc 'rotate-key.md' does not contain an anchor '#nowhere'.",
    )


def test_an_error_linking_a_missing_guide_fails_naming_the_entry(project):
    edit(project / "data" / "errors.yml", "guides: [", "guides: [nowhere.md, ")
    rows = (project / "data" / "errors.yml").read_text("utf-8").splitlines()
    line = next(n for n, row in enumerate(rows, 1) if "guides: [nowhere.md, " in row)
    assert_fails_with(project, f"data/errors.yml:{line}: error '", "field guides", "nowhere.md")


def test_adding_an_error_is_one_yaml_entry(project):
    catalog = project / "data" / "errors.yml"
    catalog.write_text(
        catalog.read_text("utf-8")
        + """
  - slug: bad-request-example
    status: 400
    type: invalid_request_error
    code: example_code_for_tests
    title: {es: Solicitud de prueba, en: Test request, pt: Solicitação de teste}
    messages: {current: "Example message for the test suite.", older: []}
    sdk_exception: BadRequestError
    product_message: {es: Mensaje de prueba., en: Test message., pt: Mensagem de teste.}
    meaning: {es: Significado de prueba., en: Test meaning., pt: Significado de teste.}
    verdict: contact-support
    steps: {es: [Paso de prueba.], en: [Test step.], pt: [Passo de teste.]}
    guides: [help.md]
    related: []
    source: https://platform.openai.com/docs/guides/error-codes
    verified: 2026-11-22
""",
        "utf-8",
    )
    code, log = build(project)
    assert code == 0, log
    for folder, title in (
        (project / "site", "Solicitud de prueba"),
        (project / "site" / "en", "Test request"),
        (project / "site" / "pt", "Solicitação de teste"),
    ):
        page = (folder / "errors" / "bad-request-example" / "index.html").read_text("utf-8")
        assert "Example message for the test suite." in page
        assert title in (folder / "errors" / "index.html").read_text("utf-8")
        assert title not in (folder / "index.html").read_text("utf-8")  # not in every page's nav
        assert "Example message" in (folder / "search" / "search_index.json").read_text("utf-8")


def test_quotes_and_markup_in_catalog_text_stay_text_in_the_page(project):
    catalog = project / "data" / "errors.yml"
    data = yaml.safe_load(catalog.read_text("utf-8"))
    first = data["errors"][0]
    first["meaning"]["es"] = 'Dice "no" <b>fuerte</b>.'
    catalog.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    code, log = build(project)
    assert code == 0, log
    page = (project / "site" / "errors" / first["slug"] / "index.html").read_text("utf-8")
    assert (
        '<meta name="description" content="Dice &#34;no&#34; &lt;b&gt;fuerte&lt;/b&gt;.">' in page
    )
    assert "<b>fuerte</b>" not in page
