"""What ``make bench`` builds: every configured language, each from its own configuration."""

from bench import site_languages

from support import LANGUAGES, ROOT


def test_the_bench_builds_every_configured_language_from_its_own_configuration():
    languages = site_languages(ROOT)
    assert [language.code for language in languages] == list(LANGUAGES)
    assert [language.folder for language in languages] == list(LANGUAGES.values())
    for language in languages:
        assert (ROOT / language.config).is_file(), language.config
