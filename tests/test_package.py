"""The helpcenter package as a wheel: every module in it, every import of the build declared."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
import zipfile
from email.parser import Parser
from importlib.metadata import distribution, packages_distributions
from pathlib import Path

from packaging.requirements import Requirement

from support import ROOT

PACKAGE = ROOT / "helpcenter"
BUILD_SOURCES = [PACKAGE, ROOT / "hooks"]
"""What ``mkdocs build`` imports: the package and the hooks (``make check``'s own modules,
helpcenter/checks/, need the ``lint`` extra besides)."""
CHECKS = PACKAGE / "checks"


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))


def _names(requirements: list[str]) -> set[str]:
    return {Requirement(text).name.lower().replace("_", "-") for text in requirements}


def _package_files() -> list[str]:
    """Every file of helpcenter/ that git tracks (modules and anything else), as in a wheel."""
    listed = subprocess.run(
        ["git", "ls-files", "helpcenter"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    if not listed:  # a copy without git history
        listed = [
            path.relative_to(ROOT).as_posix()
            for path in PACKAGE.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        ]
    return sorted(listed)


def test_the_wheel_holds_every_file_of_the_package_and_declares_the_build_s_dependencies(
    tmp_path,
):
    source = tmp_path / "source"
    source.mkdir()
    shutil.copy(ROOT / "pyproject.toml", source)
    shutil.copytree(PACKAGE, source / "helpcenter", ignore=shutil.ignore_patterns("__pycache__"))
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
    command += ["--no-build-isolation", "--wheel-dir", str(tmp_path / "dist"), str(source)]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = (tmp_path / "dist").glob("helpcenter-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata,) = [name for name in names if name.endswith(".dist-info/METADATA")]
        declared = Parser().parsestr(archive.read(metadata).decode("utf-8"))
    files = _package_files()
    assert "helpcenter/catalog/models.py" in files
    assert "helpcenter/site/languages.py" in files
    assert [name for name in files if name not in names] == []
    runtime = {
        Requirement(text).name.lower()
        for text in declared.get_all("Requires-Dist")
        if "extra ==" not in text
    }
    assert runtime == {
        "mkdocs",
        "mkdocs-material",
        "pymdown-extensions",
        "pyyaml",
        "pydantic",
        "babel",
        "jsonschema",
    }


def _imported_top_levels(paths: list[Path]) -> set[str]:
    found = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def _with_requirements(names: set[str]) -> set[str]:
    """``names`` and every distribution they require, as installed."""
    closure, todo = set(), list(names)
    while todo:
        name = todo.pop()
        if name in closure:
            continue
        closure.add(name)
        for text in distribution(name).requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name.lower().replace("_", "-"))
    return closure


def _third_party(modules: set[str]) -> dict[str, set[str]]:
    """Each imported module that an installed distribution provides, with its distributions."""
    providers = packages_distributions()
    return {
        module: {name.lower().replace("_", "-") for name in providers[module]}
        for module in modules
        if module in providers and module not in sys.stdlib_module_names | {"helpcenter"}
    }


def test_every_module_the_build_imports_comes_from_a_declared_dependency():
    project = _pyproject()["project"]
    runtime = _with_requirements(_names(project["dependencies"]))
    sources = [
        path
        for folder in BUILD_SOURCES
        for path in folder.rglob("*.py")
        if CHECKS not in path.parents
    ]
    imported = _third_party(_imported_top_levels(sources))
    assert "pydantic" in imported and "yaml" in imported
    assert {module: dists for module, dists in imported.items() if not dists & runtime} == {}


def test_the_checks_import_only_what_the_build_and_the_lint_extra_declare():
    project = _pyproject()["project"]
    allowed = _with_requirements(
        _names(project["dependencies"]) | _names(project["optional-dependencies"]["lint"])
    )
    imported = _third_party(_imported_top_levels(list(CHECKS.rglob("*.py"))))
    assert "pyspelling" in imported
    assert {module: dists for module, dists in imported.items() if not dists & allowed} == {}
