"""The cross-check of data/models.yml against the genai-prices package's bundled data."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal

import pytest

from helpcenter.catalog.models import load_catalog
from helpcenter.checks.crosscheck import Reference, check_crosscheck, compare
from helpcenter.checks.problem import ERROR, WARNING
from support import ROOT

SOURCE = "genai-prices 0.2.5"


@pytest.fixture(autouse=True)
def on_december_first(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01


@pytest.fixture
def root(tmp_path):
    """A project folder holding a copy of the real catalog, to plant differences in."""
    (tmp_path / "data").mkdir()
    for name in ("models.yml", "models.catalog.schema.json"):
        shutil.copy(ROOT / "data" / name, tmp_path / "data" / name)
    return tmp_path


def edit(root, old, new):
    path = root / "data" / "models.yml"
    text = path.read_text("utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), "utf-8")


def errors(problems):
    return [problem.message for problem in problems if problem.severity == ERROR]


def warnings(problems):
    return [problem.message for problem in problems if problem.severity == WARNING]


def test_the_real_catalog_passes_with_nothing_unexplained():
    # genai-prices 0.2.5 lists GPT-6.2 Sol and GPT-6.2 Astra, which 0.2.3 lacked
    problems = check_crosscheck(ROOT)
    assert errors(problems) == []
    assert warnings(problems) == []


def test_a_planted_price_difference_is_one_line_with_model_field_ours_and_theirs(root):
    edit(
        root,
        "      input: 0.10\n      cached_input: 0.01\n",
        "      input: 0.13\n      cached_input: 0.01\n",
    )
    problems = check_crosscheck(root)
    assert errors(problems) == [f"gpt-6-luna: pricing.input: ours 0.13, theirs 0.1 ({SOURCE})"]
    planted = next(problem for problem in problems if problem.severity == ERROR)
    lines = (root / "data" / "models.yml").read_text("utf-8").splitlines()
    assert lines[planted.line - 1] == "  - id: gpt-6-luna"
    assert str(planted).startswith(f"data/models.yml:{planted.line}: gpt-6-luna: pricing.input")


def test_a_planted_shutdown_date_is_reported(root):
    edit(
        root,
        "    lifecycle:\n      released: 2026-09-29\n",
        "    lifecycle:\n      announced: 2026-12-15\n      shutdown: 2027-03-01\n"
        "      replacement: gpt-6.2-sol\n      released: 2026-09-29\n",
    )
    edit(
        root,
        '        released: "https://developers.openai.com/api/docs/models/gpt-6.1-sol',
        '        announced: "planted"\n        shutdown: "planted"\n'
        '        released: "https://developers.openai.com/api/docs/models/gpt-6.1-sol',
    )
    assert errors(check_crosscheck(root)) == [
        f"gpt-6.1-sol: shutdown: ours 2027-03-01, theirs none ({SOURCE})"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "      output: 0.50\n",
            "      output: 50.00\n",
            f"gpt-6-luna: pricing.output: ours 50, theirs 0.5 ({SOURCE}): OVER 10X APART, "
            "check this first",
        ),
        (
            "      output: 0.50\n",
            "      output: 0\n",
            f"gpt-6-luna: pricing.output: ours 0, theirs 0.5 ({SOURCE}): A PRICE CROSSES ZERO, "
            "check this first",
        ),
        (
            "      output: 0.50\n    context_window: 1050000\n",
            "      output: 0.50\n    context_window: 2000000\n",
            f"gpt-6-luna: context_window: ours 2000000, theirs 1050000 ({SOURCE}): THEIR LIMIT "
            "IS SMALLER THAN OURS, check this first",
        ),
    ],
    ids=["over-10x", "crosses-zero", "shrinking-limit"],
)
def test_alarming_differences_are_flagged_louder(root, old, new, expected):
    edit(root, old, new)
    assert errors(check_crosscheck(root)) == [expected]


def test_a_small_difference_is_not_loud(root):
    edit(root, "      output: 0.50\n", "      output: 0.55\n")
    assert errors(check_crosscheck(root)) == [
        f"gpt-6-luna: pricing.output: ours 0.55, theirs 0.5 ({SOURCE})"
    ]


def test_a_known_difference_passes_only_while_the_package_says_exactly_that(root):
    edit(
        root,
        "      - field: context_window\n        theirs: 32000\n",
        "      - field: context_window\n        theirs: 32001\n",
    )
    assert errors(check_crosscheck(root)) == [
        f"gpt-4-32k: context_window: ours 32768, theirs 32000 ({SOURCE}): THEIR LIMIT IS "
        "SMALLER THAN OURS, check this first"
    ]
    assert (
        f"gpt-4-32k: known_differences records context_window (theirs 32001), but {SOURCE} no "
        "longer differs that way; remove or update the record"
    ) in warnings(check_crosscheck(root))


def test_compare_reads_no_cached_price_on_both_sides_as_agreement():
    catalog = load_catalog(ROOT / "data", date(2026, 12, 1))
    gpt4 = catalog.get("gpt-4")
    same = Reference("gpt-4", Decimal(30), None, Decimal(60), 8192, deprecated=True)
    assert compare(gpt4, same) == []
    flagged_current = Reference(
        "gpt-6-luna",
        Decimal("0.1"),
        Decimal("0.01"),
        Decimal("0.5"),
        1050000,
        True,
        cache_write=Decimal("0.125"),
        released=date(2026, 9, 22),
    )
    [difference] = compare(catalog.get("gpt-6-luna"), flagged_current)
    assert (difference.field, difference.ours, difference.theirs) == (
        "shutdown",
        "none",
        "deprecated",
    )


def test_the_site_build_never_imports_the_package():
    import subprocess
    import sys

    probe = (
        "import sys, helpcenter.checks.crosscheck, helpcenter.catalog.models, helpcenter.pages.pricing; "
        "sys.exit('genai_prices' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", probe], check=False).returncode == 0
    checks = ROOT / "helpcenter" / "checks"
    build_code = [p for p in (ROOT / "helpcenter").rglob("*.py") if checks not in p.parents]
    for path in [*(ROOT / "hooks").glob("*.py"), *build_code]:
        text = path.read_text("utf-8")
        assert "genai_prices" not in text and "helpcenter.checks" not in text, path


def test_make_check_runs_the_cross_check_and_fails_on_a_planted_difference(root):
    import os
    import subprocess
    import sys

    def run(folder):
        return subprocess.run(
            [sys.executable, "-m", "helpcenter.checks", "crosscheck", "--root", str(folder)],
            capture_output=True,
            text=True,
            env={**os.environ, "SOURCE_DATE_EPOCH": "1796083200"},
            check=False,
        )

    real = run(ROOT)
    assert real.returncode == 0, real.stdout
    assert real.stdout.startswith("crosscheck: ok")
    edit(root, "      output: 0.50\n", "      output: 0.55\n")
    planted = run(root)
    assert planted.returncode == 1
    assert f"gpt-6-luna: pricing.output: ours 0.55, theirs 0.5 ({SOURCE})" in planted.stdout
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "$(BIN)/python -m helpcenter.checks;" in makefile  # every check, the cross-check too


def test_a_cache_write_price_the_package_has_and_the_catalog_lacks_is_reported(root):
    # GPT-6.1 Sol writes to the cache at 2.50 in genai-prices 0.2.5 (and LiteLLM 1.110.2)
    sol = "      cached_input: 0.10\n      cache_write: 2.50\n      output: 10.00\n"
    text = (root / "data" / "models.yml").read_text("utf-8")
    at = text.index(sol, text.index("  - id: gpt-6.1-sol\n"))
    without = sol.replace("      cache_write: 2.50\n", "")
    (root / "data" / "models.yml").write_text(text[:at] + without + text[at + len(sol) :], "utf-8")
    assert errors(check_crosscheck(root)) == [
        f"gpt-6.1-sol: pricing.cache_write: ours none, theirs 2.5 ({SOURCE})"
    ]


def test_a_different_cache_write_price_is_reported(root):
    # GPT-6.2 Astra writes at 10 per 1M in genai-prices 0.2.5
    edit(root, "      cache_write: 10.00\n", "      cache_write: 12.50\n")
    assert errors(check_crosscheck(root)) == [
        f"gpt-6.2-astra: pricing.cache_write: ours 12.5, theirs 10 ({SOURCE})"
    ]


def test_a_release_date_that_differs_from_the_packages_notes_is_reported(root):
    # genai-prices 0.2.5's notes on GPT-6.1 Sol say 'Released 2026-09-29'
    edit(root, "      released: 2026-09-29\n", "      released: 2026-09-30\n")
    assert errors(check_crosscheck(root)) == [
        f"gpt-6.1-sol: released: ours 2026-09-30, theirs 2026-09-29 ({SOURCE})"
    ]


def test_a_release_date_the_package_lacks_needs_its_known_difference(root):
    text = (root / "data" / "models.yml").read_text("utf-8")
    start = text.index("  - id: gpt-6-luna\n")
    record = text.index("      - field: released\n", start)
    end = text.index('lifecycle.sources.released)."\n', record) + len(
        'lifecycle.sources.released)."\n'
    )
    (root / "data" / "models.yml").write_text(
        text[:start] + text[start:record].replace("    known_differences:\n", "") + text[end:],
        "utf-8",
    )
    assert errors(check_crosscheck(root)) == [
        f"gpt-6-luna: released: ours 2026-09-22, theirs none ({SOURCE})"
    ]
