"""One build of the whole bilingual site per test session."""

from __future__ import annotations

import pytest
import yaml

from support import ROOT, Site, copy_project, run_build


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
    return copy_project(tmp_path / "project")
