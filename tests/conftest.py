"""One build of the whole site, in every language, per test session."""

from __future__ import annotations

from datetime import datetime

import pytest

from helpcenter.buildday import build_day
from helpcenter.catalog import errors
from support import LANGUAGES, ROOT, Site, copy_project, read_config, run_build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    target = tmp_path_factory.mktemp("site")
    day = build_day()
    result = run_build(ROOT, target)
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(root=target, log=result.stdout + result.stderr, day=day)


@pytest.fixture(scope="module")
def catalog():
    """The error catalog, for the modules that do not load their own."""
    return errors.load_errors(ROOT / "data", ROOT / "docs", list(LANGUAGES))


@pytest.fixture(scope="module", params=list(LANGUAGES))
def language(request):
    """Each language of the site, for the modules that do not choose their own."""
    return request.param


@pytest.fixture(scope="session")
def sequential_site(tmp_path_factory) -> Site:
    """A second build of the same sources, its languages built one after the other
    (``HELPCENTER_OTHER_LANGUAGES=sequential``): shared by the tests that compare two builds."""
    target = tmp_path_factory.mktemp("sequential") / "site"
    result = run_build(ROOT, target, HELPCENTER_OTHER_LANGUAGES="sequential")
    assert result.returncode == 0, result.stdout + result.stderr
    return Site(root=target, log=result.stdout + result.stderr)


@pytest.fixture(scope="session")
def config() -> dict:
    """mkdocs.yml, read as plain YAML (its !ENV and !!python tags taken as text)."""
    return read_config()


@pytest.fixture
def project(tmp_path):
    """A copy of the project's sources (no git history), for builds of edited versions."""
    return copy_project(tmp_path / "project")


GUIDE_MENTIONS = {
    "usage.md": {
        "es": "\nSi aún usas {{ model:gpt-5-mini }}, revisa su fecha de retiro.\n",
        "en": "\nIf you still use {{ model:gpt-5-mini }}, check its shutdown date.\n",
        "pt": "\nSe você ainda usa {{ model:gpt-5-mini }}, confira a data de desativação.\n",
    },
    "rotate-key.md": {
        "es": "\nLa clave nueva sirve también para {{ model:gpt-4o }}.\n",
        "en": "\nThe new key works for {{ model:gpt-4o }} too.\n",
        "pt": "\nA chave nova também funciona com o {{ model:gpt-4o }}.\n",
    },
}
"""Guides that name a model in their own text (edited copies only), for model notices."""


@pytest.fixture(scope="session")
def dated_site(tmp_path_factory):
    """``dated_site("2026-12-20")``: the site as built on that day (``SOURCE_DATE_EPOCH``),
    from a copy whose guides ``usage.md`` and ``rotate-key.md`` name GPT-5 mini and GPT-4o."""
    built: dict[str, Site] = {}

    def build(day: str) -> Site:
        if day not in built:
            project = copy_project(tmp_path_factory.mktemp("dated") / "project")
            for page, texts in GUIDE_MENTIONS.items():
                for language, text in texts.items():
                    path = project / "docs" / language / page
                    path.write_text(path.read_text("utf-8") + text, "utf-8")
            epoch = str(int(datetime.fromisoformat(f"{day}T00:00:00+00:00").timestamp()))
            target = project / "site"
            result = run_build(project, target, SOURCE_DATE_EPOCH=epoch)
            assert result.returncode == 0, result.stdout + result.stderr
            built[day] = Site(root=target, log=result.stdout + result.stderr)
        return built[day]

    return build
