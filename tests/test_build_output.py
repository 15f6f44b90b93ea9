"""The build as a whole: the same bytes twice, sizes within budget, bad input never half-built."""

from __future__ import annotations

import filecmp
import shutil
import subprocess

import pytest

from support import LANGUAGES, ROOT, assert_clean_failure, run_build

PAGE_BUDGET = 120_000
"""Bytes of HTML any one page may weigh (the models page, the largest, is about half that)."""
SEARCH_INDEX_BUDGET = 400_000
"""Bytes of each language's search index."""
OWN_ASSET_BUDGET = 20_000
"""Bytes of each JavaScript or CSS file of our own (Material's are not counted); the largest, the
search box's matcher (error-match.js), is about 18 KB, 5.4 KB compressed."""


def differing(left, right):
    """Relative paths of files that differ or exist on one side only."""
    comparison = filecmp.dircmp(left, right)
    found = [*comparison.left_only, *comparison.right_only, *comparison.diff_files]
    for name, sub in comparison.subdirs.items():
        found += [f"{name}/{path}" for path in differing(sub.left, sub.right)]
    return found


def test_two_builds_of_the_same_sources_are_byte_identical(site, sequential_site):
    # The second build is the one tests/test_language_builds.py compares too (its languages
    # one after the other): one build fewer for the suite.
    assert differing(site.root, sequential_site.root) == []
    filecmp.clear_cache()


def test_no_page_is_over_its_size_budget(site):
    for page in site.root.rglob("*.html"):
        assert page.stat().st_size <= PAGE_BUDGET, page


def test_each_search_index_is_within_budget(site):
    for language in LANGUAGES:
        index = site.folder(language) / "search" / "search_index.json"
        assert index.stat().st_size <= SEARCH_INDEX_BUDGET, index


def test_our_own_scripts_and_styles_are_within_budget():
    own = [
        *(ROOT / "overrides" / "assets").rglob("*.js"),
        *(ROOT / "overrides" / "assets").rglob("*.css"),
    ]
    assert own
    for asset in own:
        assert asset.stat().st_size <= OWN_ASSET_BUDGET, asset


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty", b"", "data/models.yml is empty"),
        ("latin-1", "billing:\n  currency: USD # añadido\n".encode("latin-1"), "is not UTF-8"),
        (
            "huge",
            b"# " + b"x" * 10_000_000 + b"\n",
            "is 10,000,003 bytes; expected at most 10,000,000",
        ),
    ],
)
def test_a_broken_catalog_file_fails_in_one_clear_line(project, name, content, expected):
    (project / "data" / "models.yml").write_bytes(content)
    assert_clean_failure(run_build(project, project / "site"), expected)


def test_malformed_front_matter_fails_naming_the_page(project):
    page = project / "docs" / "es" / "help.md"
    page.write_text("---\ndescription: [sin cerrar\n---\n" + page.read_text("utf-8"), "utf-8")
    result = run_build(project, project / "site")
    message = "docs/es/help.md:3: the front matter is not valid YAML"
    assert_clean_failure(result, message)
    log = (result.stdout + result.stderr).splitlines()
    # An error that stops the build, not a warning that only --strict turns into a failure.
    assert any(line.startswith("ERROR") and message in line for line in log), log
    assert not [line for line in log if line.startswith("WARNING")], log


def test_a_failed_make_build_leaves_the_previous_site_untouched(project):
    make = shutil.which("make")
    if make is None:
        pytest.skip("make is not installed")
    env_venv = ROOT / ".venv"
    (project / ".venv").symlink_to(env_venv)
    (project / "requirements").mkdir()
    (project / "requirements" / "dev.txt").write_text("")
    (project / "pyproject.toml").write_text("")
    (project / ".venv" / ".installed").exists() or pytest.skip(
        "the virtual environment is not set up"
    )
    previous = project / "site"
    previous.mkdir()
    (previous / "index.html").write_text("previous site")
    (project / "docs" / "en" / "help.md").unlink()
    result = subprocess.run(
        [make, "-s", "build", "STAMP="], cwd=project, capture_output=True, text=True, timeout=300
    )
    assert result.returncode != 0
    assert "docs/es/help.md has no twin" in result.stdout + result.stderr
    assert (previous / "index.html").read_text() == "previous site"
    assert sorted(p.name for p in previous.iterdir()) == ["index.html"]
