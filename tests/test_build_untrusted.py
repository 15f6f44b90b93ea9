"""Whole builds fed untrusted input: one line and no site, or a site showing the text literally.

Also: each language's build sees its own state in every hook event, and every hook
event reports an unexpected exception in one line.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from support import (
    LANGUAGES,
    OTHERS,
    SITE_LANGUAGES,
    SITE_URL,
    assert_clean_failure,
    dump_yaml,
    run_build,
)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def error_lines(result) -> list[str]:
    """The build's error lines, without the one MkDocs adds naming the page it was reading."""
    return [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if "ERROR" in line and "Error reading page" not in line
    ]


def fails_with_one_line(project: Path, expected: str) -> str:
    result = run_build(project, project / "site")
    assert_clean_failure(result, expected)
    lines = error_lines(result)
    assert len(lines) == 1, lines
    return lines[0]


def build_with_first_error(project: Path, change) -> dict:
    """Build after ``change(entry)`` edits the first entry of data/errors.yml; the entry."""
    catalog = project / "data" / "errors.yml"
    data = yaml.safe_load(catalog.read_text("utf-8"))
    entry = data["errors"][0]
    change(entry)
    catalog.write_text(dump_yaml(data), "utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return entry


def soup(project: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((project / "site" / page).read_text("utf-8"), "html.parser")


def test_a_guide_that_is_not_utf8_is_named_without_a_traceback(project):
    page = project / "docs" / "es" / "help.md"
    text = page.read_text("utf-8")
    page.write_bytes(text.encode("latin-1"))
    offset = len(text[: next(i for i, c in enumerate(text) if ord(c) > 127)].encode("latin-1"))
    fails_with_one_line(
        project,
        f"docs/es/help.md is not UTF-8 text (byte {text.encode('latin-1')[offset]:#04x} "
        f"at offset {offset}): save it as UTF-8",
    )


def test_an_unknown_admonition_type_in_a_guide_is_named_with_its_line(project):
    page = project / "docs" / "en" / "help.md"
    text = page.read_text("utf-8") + "\n!!! warnign\n\n    Typo.\n"
    page.write_text(text, "utf-8")
    line = text.splitlines().index("!!! warnign") + 1
    fails_with_one_line(
        project, f"docs/en/help.md:{line}: admonition type 'warnign' does not exist"
    )


def test_a_javascript_link_in_a_guide_is_refused_naming_the_page(project):
    page = project / "docs" / "es" / "help.md"
    page.write_text(page.read_text("utf-8") + "\n[Haz clic](javascript:alert(1))\n", "utf-8")
    fails_with_one_line(
        project,
        "docs/es/help.md: the page would hold a link to 'javascript:alert(1)'; "
        "expected text and https: or mailto: links",
    )


def test_a_brand_with_markup_is_refused_in_one_line(project):
    edit(project / "mkdocs.yml", "site_name: &brand Acme Chat", 'site_name: &brand "<b>Acme</b>"')
    fails_with_one_line(
        project, "mkdocs.yml: site_name is '<b>Acme</b>'; expected the product's name"
    )


def test_an_error_slug_that_takes_the_address_of_the_errors_index_is_refused(project):
    edit(project / "data" / "errors.yml", "- slug: server-error\n", "- slug: index\n")
    catalog = project / "data" / "errors.yml"
    catalog.write_text(catalog.read_text("utf-8").replace(", server-error]", "]"), "utf-8")
    catalog.write_text(catalog.read_text("utf-8").replace("[server-error, ", "["), "utf-8")
    catalog.write_text(catalog.read_text("utf-8").replace("[server-error]", "[]"), "utf-8")
    rows = catalog.read_text("utf-8").splitlines()
    line = next(n for n, row in enumerate(rows, 1) if row.endswith("- slug: index"))
    fails_with_one_line(
        project,
        f"data/errors.yml:{line}: error 'index', field slug would replace docs/es/errors/index.md",
    )


def test_a_bar_in_the_brand_stays_in_its_table_cell(project):
    edit(project / "mkdocs.yml", "site_name: &brand Acme Chat", "site_name: &brand Acme | Chat")
    for language in LANGUAGES:
        page = project / "docs" / language / "help.md"
        page.write_text(
            page.read_text("utf-8") + "\n| a | b |\n| --- | --- |\n| {{ product }} | z |\n", "utf-8"
        )
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for folder in LANGUAGES.values():
        page = soup(project, f"{folder}help/index.html")
        cells = [cell.get_text() for cell in page.select("article table td")][-2:]
        assert cells == ["Acme | Chat", "z"]
        assert page.title.get_text().endswith(" - Acme | Chat")


def test_placeholders_and_markers_in_an_error_message_are_shown_verbatim(project):
    message = "Bad {{ product }} and {{ nope }}\n<!-- md:pricing reasoning -->\n{{ error:x }} end"

    def change(entry):
        entry["messages"]["current"] = message
        entry["product_message"]["es"] = "Falla {{ menu.save }} <!-- md:estimator -->"

    entry = build_with_first_error(project, change)
    page = soup(project, f"errors/{entry['slug']}/index.html")
    blocks = [block.get_text().strip() for block in page.select("article pre code")]
    assert blocks[0] == message
    assert "Falla {{ menu.save }} <!-- md:estimator -->" in blocks
    assert not page.select("article table td:-soup-contains('US$')")
    assert not page.select("form#hc-estimator")


def test_a_hostile_front_matter_title_is_text_in_nav_and_title(project):
    page = project / "docs" / "es" / "help.md"
    hostile = "</title><img src=x onerror=alert(1)>"
    page.write_text(f"---\ntitle: '{hostile}'\n---\n" + page.read_text("utf-8"), "utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    home = soup(project, "index.html")
    assert not home.select("img[onerror]")
    assert hostile in [link.get_text().strip() for link in home.select("nav a")]
    help_page = soup(project, "help/index.html")
    assert help_page.title.get_text() == f"{hostile} - Acme Chat"
    assert not help_page.select("img[onerror]")


def test_a_hostile_error_title_is_text_in_title_heading_and_nav(project):
    hostile = "</title><img src=x onerror=alert(1)> & {{ product }}"
    entry = build_with_first_error(project, lambda entry: entry["title"].update(es=hostile))
    page = soup(project, f"errors/{entry['slug']}/index.html")
    shown = f"{entry['status']} · {hostile}"
    assert page.title.get_text() == f"{shown} - Acme Chat"
    assert page.select_one("article h1").get_text().removesuffix("¶") == shown
    index = soup(project, "errors/index.html")
    assert shown.split(" · ", 1)[1] in [
        link.get_text().strip() for link in index.select("article a")
    ]
    assert not page.select("img[onerror]") and not index.select("img[onerror]")


def test_a_bad_price_fails_in_one_line_naming_model_and_field(project):
    edit(project / "data" / "models.yml", "\n      output: 0.50\n", "\n      output: 1.0e+309\n")
    line = fails_with_one_line(project, "field pricing.output is 1.0E+309; expected a number of at")
    rows = (project / "data" / "models.yml").read_text("utf-8").splitlines()
    number = next(n for n, row in enumerate(rows, 1) if row.endswith("output: 1.0e+309"))
    assert f"data/models.yml:{number}: model '" in line


# ------------------------------------------------------------- per-build state


CODE_OF_TAG = {language.tag: code for code, language in SITE_LANGUAGES.items()}


def test_every_hook_event_of_each_build_sees_its_own_language(project, monkeypatch, tmp_path):
    """Every language's build runs in this one process, one after the other (``mkdocs build``
    runs the other languages in processes of their own, but a process may run several builds:
    ``mkdocs serve`` rebuilds, the tests); every lookup of a hook's state is recorded with the
    language of the build asking and of the state found."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.chdir(project)
    monkeypatch.setenv("SITE_URL", SITE_URL)
    monkeypatch.setenv("HELPCENTER_OTHER_LANGUAGES", "none")
    monkeypatch.setattr(sys, "path", [str(project / "hooks"), *sys.path])
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    per_build = type(next(iter(config.hooks.values()))._builds)
    seen = []
    original = per_build.of

    def recorded(self, asking):
        state = original(self, asking)
        event = sys._getframe(1).f_code.co_name
        found = getattr(state, "current", getattr(state, "language", None))
        asking_code = CODE_OF_TAG[asking.theme["language"]]
        seen.append((self.hook, event, asking_code, getattr(found, "code", found)))
        return state

    monkeypatch.setattr(per_build, "of", recorded)
    build(config)
    for code in OTHERS:
        other = project / f"mkdocs.{code}.yml"
        folder = tmp_path / "site" / LANGUAGES[code]
        build(load_config(config_file=str(other), site_dir=str(folder)))
        assert (folder / "index.html").is_file()
    wrong = [entry for entry in seen if entry[2] != entry[3]]
    assert not wrong, wrong[:5]
    events = {(hook, event, language) for hook, event, language, _ in seen}
    for language in LANGUAGES:
        for hook, event in [
            ("hooks/content.py", "on_files"),
            ("hooks/content.py", "on_page_markdown"),
            ("hooks/content.py", "on_page_content"),
            ("hooks/content.py", "on_post_build"),
            ("hooks/languages.py", "on_page_context"),
            ("hooks/languages.py", "on_template_context"),
            ("hooks/languages.py", "on_post_build"),
            ("hooks/history.py", "on_page_markdown"),
        ]:
            assert (hook, event, language) in events


# ------------------------------------------------------------ one-line reporting


def test_an_unexpected_exception_in_any_hook_event_is_one_line_naming_hook_and_page(
    project, monkeypatch
):
    from mkdocs.exceptions import PluginError

    monkeypatch.setattr(sys, "path", [str(project / "hooks"), *sys.path])
    from _reporting import reported

    def on_page_content(html, page, config, files):
        raise KeyError("language")

    class File:
        src_uri, generated_by = "billing.md", None

    class Page:
        file = File()

    class Config(dict):
        docs_dir = str(project / "docs" / "en")

    with pytest.raises(PluginError) as caught:
        reported(on_page_content)("<p></p>", page=Page(), config=Config(), files=[])
    assert str(caught.value) == (
        f"hooks/{Path(__file__).name} on_page_content, page docs/en/billing.md: KeyError: "
        "'language' (a fault in the build, not in the content)"
    )


def test_a_content_error_in_a_hook_event_keeps_its_own_line(project, monkeypatch):
    from mkdocs.exceptions import PluginError

    from helpcenter.problems import ContentError

    monkeypatch.setattr(sys, "path", [str(project / "hooks"), *sys.path])
    from _reporting import reported

    def on_post_build(config):
        raise ContentError("data/models.yml: model 'x', field name is bad")

    with pytest.raises(PluginError, match=r"^data/models\.yml: model 'x', field name is bad$"):
        reported(on_post_build)(config={})


def test_hostile_descriptions_and_menu_labels_are_text_in_llms_txt_twins_and_diagrams(project):
    description = "Paga [aquí](javascript:alert(1)) <img src=x onerror=alert(1)>"
    page = project / "docs" / "es" / "billing.md"
    text = page.read_text("utf-8")
    assert text.startswith("---\n")
    page.write_text(
        re.sub(r"(?m)^description: .*$", f"description: '{description}'", text), "utf-8"
    )
    label = "Guardar *ya* [beta] #1"
    edit(project / "mkdocs.yml", "save: { es: Guardar,", f"save: {{ es: '{label}',")
    edit(
        project / "mkdocs.yml", "site_name: &brand Acme Chat", 'site_name: &brand "Acme *Chat* #1"'
    )
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    llms_txt = (project / "site" / "llms.txt").read_text("utf-8")
    assert "Paga \\[aquí\\](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;" in llms_txt
    assert llms_txt.startswith("# Acme \\*Chat\\* \\#1\n")
    connect = soup(project, "connect-key/index.html")
    buttons = [text.get_text() for text in connect.select("svg text[font-size='14'][text-anchor]")]
    assert buttons[0] == label
    home = soup(project, "index.html")
    assert "Acme *Chat* #1" in home.select_one("svg desc").get_text()
    assert "\\" not in str(home.select_one("svg")) + str(connect.select_one("svg"))
    twin = (project / "site" / "connect-key" / "index.md").read_text("utf-8")
    assert "Guardar \\*ya\\* \\[beta\\] \\#1" in twin


def test_a_phrase_given_to_two_errors_fails_in_one_line(project):
    catalog = project / "data" / "errors.yml"
    data = yaml.safe_load(catalog.read_text("utf-8"))
    first, second = data["errors"][:2]
    phrase = first["phrases"]["es"][0]
    second["phrases"]["es"][0] = phrase  # in place: a list may already hold its most
    catalog.write_text(dump_yaml(data), "utf-8")
    fails_with_one_line(
        project,
        f"data/errors.yml: error '{second['slug']}', field phrases.es: {phrase!r} is also a "
        f"phrase of error '{first['slug']}'; a phrase leads to one page, so give it to one of them",
    )


def test_an_unsafe_language_link_is_one_line_naming_mkdocs_yml_and_the_key(project):
    edit(project / "mkdocs.yml", "      link: /en/", '      link: "javascript:alert(1)//"')
    fails_with_one_line(
        project,
        "mkdocs.yml: extra.alternate entry 2, field link is 'javascript:alert(1)//'; expected "
        "the language's folder on this site",
    )


def test_a_preview_says_once_that_it_holds_example_values(project):
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    said = [
        line for line in (result.stdout + result.stderr).splitlines() if "example values" in line
    ]
    assert len(said) == 1, said
    assert said[0].endswith(
        "mkdocs.yml holds 6 example values (placeholder brand, documentation IPs, .example "
        "addresses): fine for a preview; a release build (make release) refuses them"
    )


def test_a_release_build_refuses_example_values_one_line_each(project):
    result = run_build(project, project / "site", HELPCENTER_RELEASE="1")
    assert_clean_failure(result)
    log = result.stdout + result.stderr
    for expected in [
        "mkdocs.yml: site_name is 'Acme Chat', a placeholder brand; expected the product's real name",
        "mkdocs.yml: extra.product.network.outgoing_ips item 1 is 203.0.113.10, a documentation "
        "address (RFC 5737); expected the product's real address",
        "mkdocs.yml: extra.product.network.outgoing_ips item 3 is 203.0.113.12, a documentation "
        "address (RFC 5737); expected the product's real address",
        "mkdocs.yml: extra.product.support.email is ayuda@acme-chat.example, on a domain "
        "reserved for examples; expected the product's real address",
        f"mkdocs.yml: site_url is {SITE_URL}, on a domain reserved for examples; expected the "
        "site's real address (set SITE_URL)",
    ]:
        assert log.count(expected) == 1, (expected, log)
    assert not (project / "site" / "index.html").exists()
    config = project / "mkdocs.yml"
    edit(config, "site_name: &brand Acme Chat", "site_name: &brand Brisa")
    for number in (10, 11, 12):
        edit(config, f"- 203.0.113.{number}\n", f"- 52.1.2.{number}\n")
    for local in ("ayuda", "help", "ajuda"):
        edit(config, f"{local}@acme-chat.example", f"{local}@brisa.io")
    result = run_build(
        project, project / "site", HELPCENTER_RELEASE="1", SITE_URL="https://help.brisa.io/"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "example values" not in result.stdout + result.stderr
