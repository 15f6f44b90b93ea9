"""What ``make bench`` builds: every configured language, each from its own configuration."""

from bench import grow_models, read_catalog, site_languages

from support import LANGUAGES, ROOT, copy_project


def test_the_bench_builds_every_configured_language_from_its_own_configuration():
    languages = site_languages(ROOT)
    assert [language.code for language in languages] == list(LANGUAGES)
    assert [language.folder for language in languages] == list(LANGUAGES.values())
    for language in languages:
        assert (ROOT / language.config).is_file(), language.config


def test_the_bench_grows_the_catalog_to_as_many_distinct_models_as_asked(tmp_path):
    project = copy_project(tmp_path / "project")
    last = grow_models(project, 40)
    models = read_catalog(project / "data" / "models.yml")["models"]
    assert len(models) == 40
    assert len({model["id"] for model in models}) == 40
    assert last == models[-1]["id"]
    originals = len(read_catalog(ROOT / "data" / "models.yml")["models"])
    assert [model for model in models[originals:] if model.get("recommended")] == []
