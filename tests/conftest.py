"""One build of the whole bilingual site per test session."""

from __future__ import annotations

import shutil

import pytest
import yaml

from support import PROJECT_FILES, ROOT, Site, run_build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    target = tmp_path_factory.mktemp("site")
    result = run_build(ROOT, target)
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(root=target, log=result.stdout + result.stderr)


@pytest.fixture(scope="session")
def config() -> dict:
    """mkdocs.yml, read as plain YAML (its !ENV and !!python tags taken as text)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=Loader)


@pytest.fixture
def project(tmp_path):
    """A copy of the project's sources (no git history), for builds of edited versions."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    return copy
