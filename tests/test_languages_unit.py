"""helpcenter.site.languages: the twins, the alternates and the URLs between them."""

import re

import pytest

from helpcenter.problems import ContentError
from helpcenter.site import languages

SITE = languages.languages_from_config(
    [
        {"name": "Español", "lang": "es", "link": "/"},
        {"name": "English", "lang": "en", "link": "/en/"},
        {"name": "Português (Brasil)", "lang": "pt-BR", "code": "pt", "link": "/pt/"},
    ]
)
ES, EN, PT = SITE
ROOT = "https://help.example/"


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("/models/", "/en/models/", "../en/models/"),
        ("/en/models/", "/models/", "../../models/"),
        ("/", "/en/", "en/"),
        ("/en/", "/", "../"),
        ("/errors/slow-down/", "/en/errors/slow-down/", "../../en/errors/slow-down/"),
        ("/models/", "/models/", "./"),
    ],
)
def test_relative_url(source, target, expected):
    assert languages.relative_url(source, target) == expected


def test_alternates_point_at_the_same_page_in_every_language():
    found = languages.alternates("errors/timeout/", EN, SITE, ROOT)
    assert [(a.language.tag, a.href, a.absolute, a.current) for a in found] == [
        ("es", "../../../errors/timeout/", ROOT + "errors/timeout/", False),
        ("en", "./", ROOT + "en/errors/timeout/", True),
        ("pt-BR", "../../../pt/errors/timeout/", ROOT + "pt/errors/timeout/", False),
    ]


def test_a_language_s_code_names_its_folder_and_texts_and_its_tag_its_theme_language():
    assert (PT.code, PT.tag, PT.root, PT.locale) == ("pt", "pt-BR", "/pt/", "pt")
    assert (EN.code, EN.tag) == ("en", "en")
    assert languages.find_language(SITE, "pt-BR") == PT
    with pytest.raises(ContentError, match=r"theme.language 'pt' is not one of extra\.alternate"):
        languages.find_language(SITE, "pt")


class _Config:
    def __init__(self, theme_language):
        self.extra = {
            "alternate": [
                {"name": "A", "lang": "es", "link": "/"},
                {"name": "B", "lang": "pt-BR", "code": "pt", "link": "/pt/"},
            ]
        }
        self.theme = {"language": theme_language}


def test_every_hook_reads_its_build_s_languages_the_same_way():
    site, current = languages.of_build(_Config("pt-BR"))
    assert [language.code for language in site] == ["es", "pt"]
    assert current.code == "pt"


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        (
            [
                {"name": "A", "lang": "es", "link": "/"},
                {"name": "B", "lang": "pt-BR", "link": "/pt/"},
            ],
            "entry 2, field code: 'pt-BR' must be two or three lowercase letters",
        ),
        (
            [{"name": "A", "lang": "es", "link": "/"}, {"name": "B", "lang": "es", "link": "/b/"}],
            "entry 2, field code: 'es' is already A's",
        ),
        (
            [{"name": "A", "lang": "es", "link": "/"}, {"name": "B", "lang": "en", "link": "/"}],
            "entry 2, field link: '/' is already A's",
        ),
        (["es"], "entry 1 must be a mapping with name, lang and link"),
    ],
)
def test_a_wrong_language_list_is_one_line_naming_entry_and_field(entries, message):
    with pytest.raises(ContentError, match=re.escape("mkdocs.yml: extra.alternate " + message)):
        languages.languages_from_config(entries)


@pytest.mark.parametrize(
    ("site_url", "language", "root"),
    [
        (ROOT, ES, ROOT),
        (ROOT + "en/", EN, ROOT),
        (ROOT, EN, ROOT),
        ("http://127.0.0.1:8000/", ES, "http://127.0.0.1:8000/"),
    ],
)
def test_site_root_url(site_url, language, root):
    assert languages.site_root_url(site_url, language) == root


def test_missing_twins_names_each_page_and_where_it_is_missing(tmp_path):
    for path in ["es/a.md", "en/a.md", "es/only-es.md", "en/errors/only-en.md"]:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("# x\n")
    problems = languages.missing_twins(tmp_path, [ES, EN])
    assert len(problems) == 2
    assert problems[0].startswith(
        "docs/en/errors/only-en.md has no twin: add docs/es/errors/only-en.md"
    )
    assert problems[1].startswith("docs/es/only-es.md has no twin: add docs/en/only-es.md")


def test_nav_differences_compare_pages_not_titles():
    es = [{"Inicio": "index.md"}, {"Guías": ["a.md", "b.md"]}, "c.md"]
    same = [{"Home": "index.md"}, {"Guides": ["a.md", "b.md"]}, "c.md"]
    other = [{"Home": "index.md"}, {"Guides": ["b.md", "a.md"]}, "c.md"]
    assert languages.nav_differences(es, same, "mkdocs.en.yml") == []
    assert (
        "same pages in the same order" in languages.nav_differences(es, other, "mkdocs.en.yml")[0]
    )


def test_languages_need_name_lang_and_link():
    with pytest.raises(ContentError, match="entry 2 lacks link"):
        languages.languages_from_config(
            [{"name": "Español", "lang": "es", "link": "/"}, {"name": "English", "lang": "en"}]
        )
    with pytest.raises(ContentError, match=r"not one of extra\.alternate"):
        languages.find_language(SITE, "fr")


def test_a_language_config_s_own_nav_is_read_without_loading_mkdocs(tmp_path):
    own = tmp_path / "mkdocs.en.yml"
    own.write_text(
        "INHERIT: mkdocs.yml\nsite_url: !ENV [SITE_URL, 'x']\nnav:\n  - Home: index.md\n  - help.md\n",
        "utf-8",
    )
    assert languages.configured_nav(own) == [{"Home": "index.md"}, "help.md"]
    inherited = tmp_path / "mkdocs.pt.yml"
    inherited.write_text("INHERIT: mkdocs.yml\ndocs_dir: docs/pt\n", "utf-8")
    assert languages.configured_nav(inherited) is None


@pytest.mark.parametrize("link", ["javascript:alert(1)//", "https://evil.example/", "/en", "/../"])
def test_a_language_link_that_is_not_a_folder_of_the_site_is_one_line(link):
    with pytest.raises(ContentError) as caught:
        languages.languages_from_config(
            [{"name": "A", "lang": "es", "link": "/"}, {"name": "B", "lang": "en", "link": link}]
        )
    assert str(caught.value) == (
        f"mkdocs.yml: extra.alternate entry 2, field link is {link!r}; expected the language's "
        "folder on this site, such as / or /en/ (lowercase letters, digits and -, between slashes)"
    )


def test_a_configuration_problem_names_the_language_s_own_file():
    config = _Config("fr")
    config.config_file_path = "/project/mkdocs.pt.yml"
    with pytest.raises(ContentError) as caught:
        languages.of_build(config)
    assert str(caught.value) == (
        "mkdocs.pt.yml: theme.language 'fr' is not one of extra.alternate (their lang)"
    )


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)//", "help.example.com", "https://h.example/a b/"]
)
def test_a_site_url_that_is_not_a_web_address_is_one_line(url):
    with pytest.raises(ContentError) as caught:
        languages.check_site_url(url, "mkdocs.en.yml")
    assert str(caught.value) == (
        f"mkdocs.en.yml: site_url is {url!r}; expected the site's address, such as "
        "https://help.example.com/ (set it in mkdocs.yml or with SITE_URL)"
    )
    languages.check_site_url("http://127.0.0.1:8000/", "mkdocs.yml")
    languages.check_site_url("http://[::1]:8000/", "mkdocs.yml")
    languages.check_site_url("https://help.acme-chat.example/en/", "mkdocs.yml")
