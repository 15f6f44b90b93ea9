"""Each language is built by a process of its own, in parallel with the primary build."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from helpcenter.site import builds
from support import LANGUAGES, OTHERS, SITE_URL, assert_clean_failure, run_build


def _files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_parallel_and_sequential_builds_write_the_same_bytes(site, sequential_site):
    # ``site`` is the session's build (in parallel), ``sequential_site`` the same sources with
    # the other languages built one after the other.
    ours, theirs = _files(site.root), _files(sequential_site.root)
    assert all(f"{folder}index.html" in ours for folder in LANGUAGES.values())
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if ours[name] != theirs[name]] == []
    for built in (site.root, sequential_site.root):
        assert not list(built.parent.glob("*.partial")), "a language's partial folder is left"


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("mode", ["parallel", "sequential"])
def test_a_failing_language_fails_the_whole_build_with_its_one_line(project, mode, language):
    page = project / "docs" / language / "help.md"
    page.write_text(page.read_text("utf-8") + "\n<!-- md:no-such-marker -->\n", "utf-8")
    result = run_build(project, project / "site", HELPCENTER_OTHER_LANGUAGES=mode)
    assert_clean_failure(result, f"docs/{language}/help.md: unknown marker")
    log = result.stdout + result.stderr
    assert log.count("unknown marker") == 1, log
    built = project / "site" / LANGUAGES[language]
    assert not built.exists() or not any(built.iterdir())
    assert not list(project.glob("*.partial"))


def test_a_failing_primary_build_stops_the_other_languages(project):
    page = project / "docs" / "es" / "help.md"
    page.write_text(page.read_text("utf-8") + "\n{{ no.such.value }}\n", "utf-8")
    result = run_build(project, project / "site")
    assert_clean_failure(result, "docs/es/help.md: unknown placeholder")
    assert not list(project.glob("*.partial"))


def test_a_verbose_build_is_verbose_in_every_language(project):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--verbose", "-d", "site"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "[en] DEBUG" in result.stderr


def test_the_command_passes_on_how_the_build_was_asked_for(tmp_path):
    config = tmp_path / "mkdocs.en.yml"
    line = builds.command(
        "mkdocs", config, tmp_path / "out", strict=True, dirty=True, verbosity="quiet"
    )
    assert line[1:] == [
        "-m", "mkdocs", "build", "-f", str(config), "-d", str(tmp_path / "out"),
        "--strict", "--dirty", "--quiet",
    ]  # fmt: skip
    assert "--verbose" in builds.command(
        "properdocs", config, tmp_path, strict=False, dirty=False, verbosity="verbose"
    )
    assert (
        builds.command("properdocs", config, tmp_path, strict=False, dirty=False, verbosity=None)[2]
        == "properdocs"
    )


def test_a_finished_build_takes_its_place_and_a_failed_one_reports_its_error_lines(tmp_path):
    def fake(code: str, script: str) -> builds.LanguageBuild:
        site_dir = tmp_path / "site" / code
        site_dir.mkdir(parents=True)
        (site_dir / "old.html").write_text("old")
        target = tmp_path / f"site.{code}.partial"
        target.mkdir()
        (target / "new.html").write_text("new")
        log = open(tmp_path / f"{code}.log", "w+", encoding="utf-8")  # noqa: SIM115
        process = subprocess.Popen(
            [sys.executable, "-c", script], stdout=log, stderr=subprocess.STDOUT
        )
        return builds.LanguageBuild(
            code, tmp_path / f"mkdocs.{code}.yml", site_dir, target, process, log
        )

    good = builds.finish(fake("en", "print('INFO    -  Documentation built')"))
    assert good.problem is None and good.lines == ["INFO    -  Documentation built"]
    assert [p.name for p in (tmp_path / "site" / "en").iterdir()] == ["new.html"]

    bad = builds.finish(
        fake("pt", "print('WARNING -  a warning'); print('ERROR    -  docs/pt/x.md: bad'); exit(1)")
    )
    assert bad.problem == "docs/pt/x.md: bad"
    assert bad.lines == ["WARNING -  a warning"]
    assert [p.name for p in (tmp_path / "site" / "pt").iterdir()] == ["old.html"]
    assert not (tmp_path / "site.pt.partial").exists()

    silent = builds.finish(fake("fr", "print('Aborted with 2 warnings in strict mode!'); exit(1)"))
    assert silent.problem == "mkdocs.fr.yml: Aborted with 2 warnings in strict mode!"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


# The 404 page's link home in each other language, before and after an edit to its label.
HOME_LINK = {
    "en": ("Go to the home page", "Back to the home page"),
    "pt": ("Ir para o início", "Voltar para o início"),
}


def test_serve_runs_edited_code_on_the_next_rebuild_in_every_language(project):
    assert set(HOME_LINK) == set(OTHERS)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)},
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(lambda: "Ir al inicio" in _get(base + "404.html"), 90)
        for code, (before, _) in HOME_LINK.items():
            page = base + LANGUAGES[code] + "404.html"
            assert _wait_for(lambda page=page, before=before: before in _get(page), 30)
        # The label files (data/labels/), and the code that reads them.
        for code in LANGUAGES:
            labels = project / "data" / "labels" / f"{code}.po"
            text = labels.read_text("utf-8").replace('"Ir al inicio"', '"Volver al inicio"')
            for before, after in HOME_LINK.values():
                text = text.replace(f'msgstr "{before}"', f'msgstr "{after}"')
            labels.write_text(text, "utf-8")
        code_file = project / "helpcenter" / "site" / "labels.py"
        code_file.write_text(code_file.read_text("utf-8") + "\n", "utf-8")
        assert _wait_for(lambda: "Volver al inicio" in _get(base + "404.html"), 90)
        for code, (_, after) in HOME_LINK.items():
            page = base + LANGUAGES[code] + "404.html"
            assert _wait_for(lambda page=page, after=after: after in _get(page), 90)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_rebuilds_every_language_and_serves_an_edit_to_any_of_them(project, tmp_path):
    """An edit to one language's page is served after the rebuild, which builds every
    language again as `mkdocs build` does; the other languages' pages are served unchanged."""
    port, log = _free_port(), tmp_path / "serve.log"
    base = f"http://127.0.0.1:{port}/"
    primary, *others = LANGUAGES
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=output,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"},
        )
    try:
        for folder in LANGUAGES.values():
            assert _wait_for(lambda folder=folder: _get(base + folder + "help/"), 90)

        def served(code):  # less the server's live-reload call, which names the build
            return re.sub(r"livereload\(\d+, \d+\)", "", _get(base + LANGUAGES[code] + "help/"))

        before = {code: served(code) for code in others}
        for code in [primary, *others]:
            start = len(log.read_text("utf-8"))
            word = f"Zqxmarker{code}"
            with (project / "docs" / code / "help.md").open("a", encoding="utf-8") as page:
                page.write(f"\n{word}\n")
            assert _wait_for(
                lambda code=code, word=word: word in _get(base + LANGUAGES[code] + "help/"), 60
            )
            assert _wait_for(
                lambda start=start: "Reloading browsers" in log.read_text("utf-8")[start:], 30
            )
            rebuilt = log.read_text("utf-8")[start:]
            for other in others:
                assert f"[{other}] " in rebuilt, rebuilt
            for other in others:
                if other != code and other in before:
                    assert served(other) == before[other]
            before.pop(code, None)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_preview_of_the_primary_language_alone_builds_no_other(project):
    result = run_build(project, project / "site", HELPCENTER_OTHER_LANGUAGES="none")
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "index.html").is_file()
    for language in OTHERS:
        assert not (project / "site" / LANGUAGES[language]).exists()
    wrong = run_build(project, project / "site", HELPCENTER_OTHER_LANGUAGES="both")
    assert_clean_failure(wrong, "HELPCENTER_OTHER_LANGUAGES='both': expected one of parallel")


def test_another_language_listing_other_pages_fails_naming_its_config(project):
    config = project / "mkdocs.en.yml"
    text = config.read_text("utf-8")
    assert "      - rotate-key.md\n      - usage.md\n" in text
    config.write_text(
        text.replace(
            "      - rotate-key.md\n      - usage.md\n", "      - usage.md\n      - rotate-key.md\n"
        ),
        "utf-8",
    )
    assert_clean_failure(run_build(project, project / "site"), "mkdocs.en.yml: nav lists")


def test_a_page_s_navigation_does_not_grow_with_the_error_catalog(site, project, tmp_path):
    from bench import multiply_catalogs

    def navigation(site: Path, language: str) -> str:
        folder = site / LANGUAGES[language]
        html = (folder / "billing" / "index.html").read_text("utf-8")
        start = html.index('<nav class="md-nav md-nav--primary"')
        return html[start : html.index("</nav>", start)]

    before = site.root  # the session's build of the same sources, before the catalog grows
    multiply_catalogs(project, 3)
    after = tmp_path / "after"
    result = run_build(project, after)
    assert result.returncode == 0, result.stderr
    assert len(list((after / "errors").iterdir())) > len(list((before / "errors").iterdir()))
    for language in LANGUAGES:
        assert navigation(after, language) == navigation(before, language)


def test_an_error_of_several_lines_is_reported_whole(tmp_path):
    log = open(tmp_path / "en.log", "w+", encoding="utf-8")  # noqa: SIM115
    script = (
        "print('INFO    -  Building');"
        "print('ERROR   -  data/x.yml: first problem');"
        "print('data/x.yml: second problem');"
        "print(); print('Aborted with a BuildError!'); exit(1)"
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=log, stderr=subprocess.STDOUT)
    site = tmp_path / "site" / "en"
    outcome = builds.finish(
        builds.LanguageBuild("en", tmp_path / "mkdocs.en.yml", site, site, process, log)
    )
    assert outcome.problem == "data/x.yml: first problem\ndata/x.yml: second problem"
    assert outcome.lines == ["INFO    -  Building", "", "Aborted with a BuildError!"]


def test_stopped_languages_end_their_processes_and_leave_nothing_behind(project):
    code = OTHERS[0]
    site = project / "site"
    others = builds.OtherLanguages(
        "parallel",
        [builds.OtherLanguage(code, project / f"mkdocs.{code}.yml", site / LANGUAGES[code])],
        builds.Request("mkdocs", True, None, {"SITE_URL": SITE_URL}),
    )
    others.start()
    (running,) = others._running
    others.stop()
    assert running.process.poll() is not None
    assert others.wait() == []
    assert not list(project.glob("*.partial"))
    assert not (site / LANGUAGES[code]).exists()
