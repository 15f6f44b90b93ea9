"""The search box answers readers' questions and pastes; Python and the browser's script agree.

Questions are tests/search_questions.yml (written as customers write: typos, no accents);
pastes come from tests/pastes.py (the real openai SDK). The JavaScript matcher
(overrides/assets/javascripts/error-match.js) runs under node on the same data, with no browser.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from helpcenter import wordmatch
from helpcenter.catalog import words
from helpcenter.pages.searchtexts import search_texts
from helpcenter.problems import ContentError
from helpcenter.tools import errorfinder
from pastes import QUESTIONS as PHRASES
from pastes import TEAPOT, pastes
from questions import QUESTIONS, RATE, UNSEEN, accepted, finder_data, first_page, unseen
from support import LANGUAGES, ROOT, assert_clean_failure, run_build, write_yaml

SCRIPT = ROOT / "overrides" / "assets" / "javascripts" / "error-match.js"
NODE = shutil.which("node") or "/usr/bin/node"
RUN = """
const match = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const finder = new match.Finder(input.data);
process.stdout.write(JSON.stringify(input.texts.map((text) => finder.find(text))));
"""


@pytest.fixture(scope="module")
def data(catalog, language):
    return finder_data(catalog, language)


@pytest.fixture(scope="module")
def finder(data):
    return errorfinder.Finder(data)


def in_node(data: dict, texts: list[str]) -> list[dict]:
    done = subprocess.run(
        [NODE, "-e", RUN, str(SCRIPT)],
        input=json.dumps({"data": data, "texts": texts}),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


def test_python_and_javascript_agree_on_every_paste_and_question(catalog, language, data, finder):
    texts = [paste.text for paste in pastes(catalog, language)]
    texts += [item["q"] for item in QUESTIONS[language]]
    texts += [item["q"] for name in UNSEEN for item in unseen(name)[language]]
    texts += [
        *PHRASES[language],
        TEAPOT,
        "429",
        "error 429",
        "erro 500",
        "Error code: 503 - Slow Down",
        "error 500 de openai",
        "openai 500",
        *TYPOS[language],
    ]
    script = in_node(data, texts)
    differ = []
    for text, result in zip(texts, script, strict=True):
        python = finder.find(text)
        if (python.match, python.kind, list(python.candidates), python.question) != (
            result["match"],
            result["kind"],
            result["candidates"],
            result["question"],
        ):
            differ.append(f"{text[:70]!r}: python {python}, javascript {result}")
    assert differ == []
    assert len(texts) > 300


def test_the_thresholds_are_written_once(data):
    assert data["settings"] == wordmatch.SETTINGS
    script = SCRIPT.read_text("utf-8")
    # The script reads every threshold from errors/messages.json and writes none of its own.
    assert not re.search(r"\b(?:MATCH|COVERAGE|CANDIDATES?|ROUND)\s*=", script)
    assert not re.search(r"(?<![\w.])0\.\d", script)
    for name in wordmatch.SETTINGS:
        assert f"settings.{name}" in script or f'settings["{name}"]' in script, name


def missed(catalog, finder, asked: list[dict]) -> list[str]:
    """The questions of ``asked`` whose first page is none of their acceptable ones."""
    statuses = {error.slug: error.status for error in catalog.errors}
    wrong = []
    for item in asked:
        result = finder.find(item["q"])
        page = first_page((result.match, result.kind, result.candidates))
        if not accepted(page, item["a"], statuses):
            wrong.append(f"{item['q']!r} -> {page}, expected {item['a']}")
    return wrong


def test_at_least_nine_in_ten_questions_put_an_answer_first(catalog, language, finder):
    asked = QUESTIONS[language]
    wrong = missed(catalog, finder, asked)
    assert len(asked) >= 40
    assert 1 - len(wrong) / len(asked) >= RATE, wrong


@pytest.mark.parametrize("name", list(UNSEEN))
def test_questions_written_without_the_readers_words_reach_their_rate(
    catalog, language, finder, name
):
    asked = unseen(name)[language]
    wrong = missed(catalog, finder, asked)
    assert len(asked) >= 30
    assert 1 - len(wrong) / len(asked) >= UNSEEN[name][language], wrong
    for item in asked:
        if not any(target.startswith("status:") for target in item["a"]):
            assert finder.find(item["q"]).candidates == (), item["q"]


def test_the_questions_cover_every_guide_and_every_error_family(catalog, language):
    docs = ROOT / "docs" / language
    guides = {
        f"{path.relative_to(docs).with_suffix('').as_posix()}/"
        for path in docs.glob("*.md")
        if path.name != "index.md"
    }
    targets = {target for item in QUESTIONS[language] for target in item["a"]}
    pages = {target.split("#")[0] for target in targets}
    assert guides <= pages, sorted(guides - pages)
    families = {error.status for error in catalog.errors}
    covered = {int(t[7:]) for t in targets if t.startswith("status:")}
    covered |= {catalog.get(t[7:].strip("/")).status for t in targets if t.startswith("errors/")}
    assert families <= covered, families - covered


def test_a_question_is_answered_and_never_offered_errors(catalog, language, finder):
    for item in QUESTIONS[language]:
        if any(target.startswith("status:") for target in item["a"]):
            continue
        # Some questions are an error's own words ("invalid service tier"): they may be read
        # as a paste, but no question is ever given the "maybe one of these" errors.
        assert finder.find(item["q"]).candidates == (), item["q"]
    for question in ("how do I delete my key", "qué es un token", "quanto custa"):
        result = finder.find(question)
        assert result.question
        assert result.candidates == ()


@pytest.mark.parametrize(
    ("language", "question", "page"),
    [
        ("en", "how do I delete my key", "../rotate-key/"),
        ("es", "borrar la api key", "../rotate-key/"),
        ("pt", "apagar a chave de api", "../rotate-key/"),
        ("es", "donde descargo la factura de openai", "../invoices/"),
        ("en", "price per token", "../models/"),
        ("en", "what usage tier am i on", "../rate-limits/"),
        ("en", "how much does it cost", "../models/"),
        ("pt", "quanto custa", "../models/"),
        ("es", "cuánto cuesta", "../models/"),
        ("pt", "onde baixo a nota fiscal", "../invoices/"),
    ],
)
def test_the_issue_questions_land_on_their_guide(catalog, language, question, page):
    result = errorfinder.Finder(finder_data(catalog, language)).find(question)
    assert (result.kind, result.match.split("#")[0], result.question) == ("guide", page, True)


@pytest.mark.parametrize(
    ("language", "query", "status"),
    [
        ("en", "error 429", 429),
        ("pt", "erro 429", 429),
        ("pt", "erro 500", 500),
        ("es", "429", 429),
        ("es", "error 500 de openai", 500),
        ("es", "error 429 ayuda", 429),
        ("en", "openai 500", 500),
        ("pt", "erro 401 openai", 401),
        ("en", "getting a 503 error from openai", 503),
    ],
)
def test_a_bare_status_leads_to_its_own_errors(catalog, language, query, status):
    result = errorfinder.Finder(finder_data(catalog, language)).find(query)
    shown = [result.match] if result.match else list(result.candidates)
    assert shown
    assert {catalog.get(slug).status for slug in shown} == {status}
    assert not result.question


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("es", "me cobraron 500 dolares"),
        ("en", "is 100 requests per minute a lot"),
        ("pt", "gastei 200 reais esse mes"),
    ],
)
def test_a_number_among_a_questions_words_is_no_status(catalog, language, query):
    result = errorfinder.Finder(finder_data(catalog, language)).find(query)
    assert result.question
    assert result.candidates == ()


TYPOS = {
    "es": {
        "factrua": "invoices/",
        "verifcacion": "verify-organization/",
        "tarjeat de credito": "billing/#agrega-un-metodo-de-pago",
        "no encuentro el id de orgnizacion": "connect-key/",
    },
    "en": {
        "invocie": "invoices/",
        "verfication": "verify-organization/",
        "seperate project for the chatbot": "dedicated-project/",
        "ip adresses to allowlist": "outgoing-ips/",
    },
    "pt": {
        "fatrua": "invoices/",
        "cartoa de credito": "billing/#adicione-uma-forma-de-pagamento",
        "chave restirta": "dedicated-project/#crie-a-chave-restrita",
        "onde baixo o comprovnate de pagamento": "invoices/",
    },
}
"""Questions with a misspelled word, each with the guide that answers it."""


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_a_misspelled_word_is_read_as_the_word_one_letter_away(catalog, language):
    finder = errorfinder.Finder(finder_data(catalog, language))
    wrong = {}
    for question, guide in TYPOS[language].items():
        result = finder.find(question)
        page = first_page((result.match, result.kind, result.candidates))
        if not accepted(page, [guide], {}):
            wrong[question] = page
    assert wrong == {}


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        ("factrua", "factura", True),
        ("orgnizacion", "organizacion", True),
        ("seperate", "separate", True),
        ("invoices", "invoice", True),
        ("factura", "factura", False),
        ("factrua", "fractura", False),
        ("abcdef", "badcef", False),
        ("cuenta", "cuentas", True),
    ],
)
def test_one_letter_apart(first, second, apart):
    assert errorfinder.one_letter_apart(first, second) is apart
    assert errorfinder.one_letter_apart(second, first) is apart


def test_a_known_word_is_never_corrected(catalog):
    finder = errorfinder.Finder(finder_data(catalog, "es"))
    assert finder.corrected("descargo mi factura") == "descargo mi factura"
    assert finder.corrected("facturas") == "facturas"
    assert finder.corrected("factrua") == "factura"


@pytest.mark.parametrize(
    ("pasted", "slug"),
    [
        (
            "openai.RateLimitError: Error code: 429 - {'error': {'message': 'The engine is "
            "currently overloaded, please try again later', 'type': 'server_error', 'param': "
            "None, 'code': None}}",
            "model-overloaded",
        ),
        (
            '{"error": {"message": "The engine is currently overloaded, please try again '
            'later", "type": "server_error", "param": null, "code": null, "status": 429}}',
            "model-overloaded",
        ),
        ("Error code: 503 - Slow Down", "slow-down"),
        (
            '{\n  "error": {\n    "message": "The server had an error while processing your '
            'request. Sorry about that!",\n    "type": "server_error",\n    "param": null,\n'
            '    "code": null\n  }\n}',
            "server-error",
        ),
        (
            "Error code: 500 - {'error': {'message': 'The server had an error while processing "
            "your request. Sorry about that!', 'type': 'server_error', 'param': None, 'code': None}}",
            "server-error",
        ),
    ],
)
def test_a_message_that_names_an_error_wins_over_a_status_that_contradicts_it(
    catalog, pasted, slug
):
    for language in LANGUAGES:
        result = errorfinder.Finder(finder_data(catalog, language)).find(pasted)
        assert (result.match, result.kind) == (slug, "error"), language


def test_the_responses_api_model_not_found_sent_as_400_finds_a_model_not_found_page(catalog):
    finder = errorfinder.Finder(finder_data(catalog, "en"))
    for pasted in (
        "openai.BadRequestError: Error code: 400 - {'error': {'message': \"The requested model "
        "'gpt-9' does not exist.\", 'type': 'invalid_request_error', 'param': 'model', "
        "'code': 'model_not_found'}}",
        "The requested model 'gpt-9' does not exist.",
    ):
        result = finder.find(pasted)
        assert result.kind == "error"
        assert catalog.get(result.match).code == "model_not_found"


def test_a_null_code_alone_is_no_evidence():
    found = errorfinder.fields('{"code": null}', ["invalid_api_key"], [])
    assert found.code_is_null
    assert not found.any


def test_the_readers_words_are_read_as_their_group(data):
    table = errorfinder.synonym_table(data["synonyms"], data["settings"]["stem"])
    seen = errorfinder.tokens("Cómo BORRO la factura", table, data["settings"]["stem"])
    assert seen == ["como", "delete", "la", "invoice"]


def test_each_language_reads_its_own_meaning_of_a_shared_word(catalog):
    spanish = finder_data(catalog, "es")["synonyms"]
    portuguese = finder_data(catalog, "pt")["synonyms"]
    assert spanish["apagar"] == "retire"
    assert portuguese["apagar"] == "delete"


@pytest.mark.parametrize(
    ("language", "groups", "told"),
    [
        (
            "es",
            "  - word: delete\n    terms:\n      es: [borrar, Quitar]\n"
            "  - word: change\n    terms:\n      es: [cambiar, quitár]\n",
            "data/words.yml:7: word group 'change', field terms.es item 2 'quitár' is already a "
            "term of word group 'delete' in es; give each term once",
        ),
        (
            # Words compare by their first six letters: "changelog" would read as "change".
            "en",
            "  - word: change\n    terms:\n      en: [replace]\n"
            "  - word: news\n    terms:\n      en: [changelog]\n",
            "data/words.yml:7: word group 'news', field terms.en item 1 'changelog' is already a "
            "term of word group 'change' in en; give each term once",
        ),
    ],
)
def test_a_term_two_groups_share_is_one_clear_line(tmp_path, language, groups, told):
    write_yaml(tmp_path, "words.yml", text="words:\n" + groups)
    with pytest.raises(ContentError) as raised:
        words.load_words(tmp_path, [language])
    assert str(raised.value) == told


def test_a_group_word_must_be_one_plain_word(tmp_path):
    write_yaml(tmp_path, "words.yml", text="words:\n  - word: Borrar\n    terms:\n      es: [x]\n")
    with pytest.raises(ContentError) as raised:
        words.load_words(tmp_path, ["es"])
    assert (
        str(raised.value)
        .splitlines()[0]
        .startswith("data/words.yml:2: word group 'Borrar', field word")
    )


@pytest.mark.parametrize("word", ["raise", "status", "error", "productname"])
def test_a_group_word_the_search_box_drops_from_pastes_is_one_line(tmp_path, word):
    write_yaml(
        tmp_path, "words.yml", text=f"words:\n  - word: {word}\n    terms:\n      es: [subir]\n"
    )
    with pytest.raises(ContentError) as raised:
        words.load_words(tmp_path, ["es"])
    assert str(raised.value) == (
        f"data/words.yml:2: word group '{word}', field word is a word the search box leaves out "
        "of every query (helpcenter/wordmatch.py IGNORED, PRODUCT), so the group would be read "
        "as nothing; choose another word"
    )


def test_raising_a_limit_is_read_as_one_word(catalog):
    finder = errorfinder.Finder(finder_data(catalog, "es"))
    assert finder._words("subir el limite") == finder._words("aumentar el limite")
    assert len(finder._words("subir el limite")) == 2


def test_every_section_the_search_box_links_is_an_anchor_of_its_built_page(site, catalog):
    for language in LANGUAGES:
        built = json.loads((site.folder(language) / "errors" / "messages.json").read_text("utf-8"))
        assert built["settings"] == wordmatch.SETTINGS
        assert built["synonyms"] == finder_data(catalog, language)["synonyms"]
        sections = [guide["url"] for guide in built["guides"] if "#" in guide["url"]]
        assert len(sections) > 40
        for url in sections:
            page, anchor = url.removeprefix("../").split("#")
            assert site.soup(language, page).find(id=anchor) is not None, (language, url)


def test_the_spanish_search_box_says_buscar_a_verb_like_the_other_languages(site):
    placeholders = {
        language: site.soup(language, "").select_one("input.md-search__input")["placeholder"]
        for language in LANGUAGES
    }
    assert placeholders == {"es": "Buscar", "en": "Search", "pt": "Buscar"}


READERS_WORDS = {
    "es": {
        "delete": ["borrar", "eliminar", "quitar"],
        "invoice": ["factura", "recibo"],
        "cost": ["precio", "cuánto cuesta", "costo"],
        "retire": ["apagar"],
    },
    "en": {
        "delete": ["delete", "remove", "revoke"],
        "invoice": ["invoice", "receipt"],
        "cost": ["cost", "price", "how much does it cost"],
    },
    "pt": {
        "delete": ["apagar", "excluir", "remover"],
        "invoice": ["nota fiscal", "fatura", "recibo"],
        "cost": ["preço", "quanto custa", "custo"],
    },
}
"""What readers type, per language, and the group each must be read as (from the issue)."""


def test_the_readers_words_of_each_language_are_read_as_their_group(catalog, language):
    data = finder_data(catalog, language)
    size = data["settings"]["stem"]
    table = errorfinder.synonym_table(data["synonyms"], size)
    for word, terms in READERS_WORDS[language].items():
        for term in terms:
            assert errorfinder.tokens(term, table, size) == [word], term


def test_a_term_given_twice_stops_the_build_with_one_line(project):
    words_file = project / "data" / "words.yml"
    text = words_file.read_text("utf-8")
    words_file.write_text(text.replace("es: [borrar, borro,", "es: [precio, borro,", 1), "utf-8")
    assert_clean_failure(
        run_build(project, project / "site"),
        "data/words.yml:",
        "word group 'cost', field terms.es item 1 'precio' is already a term of word group "
        "'delete' in es; give each term once",
    )


def test_section_phrases_for_a_heading_the_page_lacks_stop_the_build(project):
    page = project / "docs" / "en" / "invoices.md"
    text = page.read_text("utf-8")
    page.write_text(text.replace("  add-your-companys-details:", "  add-your-company:", 1), "utf-8")
    assert_clean_failure(
        run_build(project, project / "site"),
        "docs/en/invoices.md: front matter field sections names 'add-your-company', which is "
        "no heading's anchor of the page",
    )


def test_a_word_the_language_leaves_out_is_not_read_as_another_languages_term(catalog):
    assert finder_data(catalog, "es")["synonyms"]["no"] == "not"
    assert "no" not in finder_data(catalog, "pt")["synonyms"]


def test_a_sections_own_text_is_carried_as_its_plain_words():
    markdown = (
        "---\ndescription: x\n---\n\n# Título\n\nIntro de **{{ product }}**.\n\n"
        "## Descarga tus comprobantes\n\n1. Abre [la página](https://example.com/a) y "
        "[otra](usage.md){ .md-button }.\n<!-- md:pricing tiers -->\n"
        "!!! warning\n    Cada `PDF` cuesta 0 dólares.\n\n## Fuentes\n\nNada.\n"
    )
    found = search_texts(markdown, "docs/es/x.md", {"product": "Acme Chat"})
    assert found.body == "titulo intro de"
    assert [section.body for section in found.sections] == [
        "abre la pagina otra cada pdf cuesta dolares",
        "nada",
    ]


def test_a_question_in_a_sections_own_words_finds_that_section(catalog):
    finder = errorfinder.Finder(finder_data(catalog, "en"))
    # No title, heading or phrase says "abuse monitoring logs"; the section's text does.
    result = finder.find("abuse monitoring logs")
    assert (result.match, result.kind) == (
        "../data-privacy/#what-openai-does-with-that-data",
        "guide",
    )


def test_a_hub_pages_text_weighs_less_than_a_topic_pages(catalog):
    data = finder_data(catalog, "en")
    hub = [doc for doc in data["guides"] if doc["url"].startswith("../not-answering/")]
    assert hub and all(doc["boost"] == 0.5 for doc in hub)
    question = "which ip addresses do i whitelist"
    assert errorfinder.Finder(data).find(question).match == "../outgoing-ips/"
    for doc in hub:
        doc["boost"] = 1
    found = errorfinder.Finder(data).find(question).match
    assert found == "../not-answering/#your-organization-has-an-ip-allowlist"


def test_each_language_leaves_out_only_its_own_ignored_words(catalog):
    """Portuguese "no" (in the) says nothing; Spanish "no" is a word of its own."""
    spanish = finder_data(catalog, "es")["ignored"]
    portuguese = finder_data(catalog, "pt")["ignored"]
    assert "no" in portuguese
    assert "no" not in spanish
    assert "onde" in portuguese
    assert "onde" not in spanish
    assert "donde" in spanish


def test_the_products_name_tells_no_page_apart(catalog):
    """Every page is about the product: naming it in a question changes no answer."""
    for language, question in (
        ("es", "ips de acme chat para la lista blanca"),
        ("en", "remove my key from acme chat"),
        ("pt", "onde coloco a chave no acme chat"),
    ):
        finder = errorfinder.Finder(finder_data(catalog, language))
        bare = question.replace("acme chat", "").replace(" de  ", " ").strip()
        assert finder._words(question) == finder._words(bare), question
        assert finder.find(question) == finder.find(bare), question
    data = finder_data(catalog, "es")
    assert data["synonyms"]["Acme Chat"] == "productname"
    assert "productname" in data["ignored"]


def test_a_heading_with_a_placeholder_is_keyed_without_it_so_a_new_brand_keeps_its_phrases():
    markdown = (
        '---\nsections:\n  que-envia-en-cada-respuesta:\n    - "qué datos mando"\n---\n\n'
        "# Datos\n\n## Qué envía {{ product }} en cada respuesta\n\nEl mensaje.\n"
    )
    for brand, anchor in (
        ("Acme Chat", "que-envia-acme-chat-en-cada-respuesta"),
        ("Zeta", "que-envia-zeta-en-cada-respuesta"),
    ):
        (section,) = search_texts(markdown, "docs/es/x.md", {"product": brand}).sections
        assert (section.anchor, section.phrases) == (anchor, ("qué datos mando",))
    filled = markdown.replace(
        "que-envia-en-cada-respuesta:", "que-envia-acme-chat-en-cada-respuesta:"
    )
    (section,) = search_texts(filled, "docs/es/x.md", {"product": "Acme Chat"}).sections
    assert section.phrases == ("qué datos mando",)
    with pytest.raises(ContentError) as raised:
        search_texts(filled, "docs/es/x.md", {"product": "Zeta"})
    assert "anchors: que-envia-en-cada-respuesta" in str(raised.value)
