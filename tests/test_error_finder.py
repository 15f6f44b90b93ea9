"""The search box's matcher (helpcenter.tools.errorfinder) on every form a customer pastes, and errors.json.

Pastes are generated from the catalog with the real openai SDK (tests/pastes.py); the
expected page of each is the error it was generated from. Questions and their pages are
this file's own table.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from helpcenter.catalog.frontmatter import front_matter_phrases
from helpcenter.problems import ContentError
from helpcenter.publish import errorlinks
from helpcenter.tools import errorfinder
from pastes import QUESTIONS, TEAPOT, pastes, varied
from questions import finder_data
from support import LANGUAGES, ROOT, SITE_URL


@pytest.fixture(scope="module")
def finder(catalog, language):
    return errorfinder.Finder(finder_data(catalog, language))


def test_every_form_of_every_error_finds_its_page(catalog, language, finder):
    generated = list(pastes(catalog, language))
    forms = {paste.form.split(" (")[0] for paste in generated}
    assert {
        "SDK str(exc)",
        "SDK 1.x traceback last line",
        "raw JSON body",
        "openai-node message",
    } <= forms
    assert "fields only, SDK 1.x str(exc)" in forms
    assert {slug for paste in generated for slug in paste.slugs} == {e.slug for e in catalog.errors}
    assert misses(finder, [paste for paste in generated if "(variant" not in paste.form]) == []


def test_every_form_of_every_variant_finds_its_page(catalog, language, finder):
    generated = [paste for paste in pastes(catalog, language) if "(variant" in paste.form]
    assert {slug for paste in generated for slug in paste.slugs} == {
        "model-not-found",
        "organization-not-verified",
        "context-length-exceeded",
    }
    assert misses(finder, generated) == []


def misses(finder, generated) -> list[str]:
    return [
        f"{sorted(paste.slugs)} {paste.form}: {paste.text[:90]!r} -> {result}"
        for paste in generated
        if (result := finder.find(paste.text)).match not in paste.slugs or result.kind != "error"
    ]


def test_noise_around_a_message_never_changes_its_result(catalog, language, finder):
    for error in catalog.errors:
        for message in error.messages:
            bare = finder.find(message).match
            for noisy in (
                f"{message} blorf snarkle quuxity frobble zintor vexxal plimbo drazzle",
                f"Error: {message}",
                f"'{message}' null null",
                f'{{"message": "{message}", "param": null}}',
            ):
                assert finder.find(noisy).match == bare, noisy


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_reader_questions_put_the_right_page_first(catalog, language):
    finder = errorfinder.Finder(finder_data(catalog, language))
    wrong = {
        question: finder.find(question)
        for question, page in QUESTIONS[language].items()
        if finder.find(question).match != page
    }
    assert wrong == {}
    assert len(QUESTIONS[language]) >= 16


def test_a_paste_that_matches_nothing_offers_the_errors_of_the_closest_statuses(catalog, finder):
    result = finder.find(TEAPOT)
    assert result.match is None
    assert len(result.candidates) == 3
    distances = sorted({abs(e.status - 418) for e in catalog.errors if e.status})
    statuses = {catalog.get(slug).status for slug in result.candidates}
    assert all(abs(status - 418) <= distances[1] for status in statuses)


def test_an_exception_name_alone_finds_its_error_or_its_errors(catalog, finder):
    assert finder.find("openai.APITimeoutError").match == "timeout"
    assert finder.find("openai.APIConnectionError").match == "connection-error"
    result = finder.find("openai.InternalServerError")
    assert set(result.candidates) == {"server-error", "model-overloaded"}


def test_an_unknown_error_of_a_known_status_is_offered_never_matched(catalog, finder):
    for pasted in (
        "Error code: 429 - zz_not_a_code",
        "Error code: 429 - {'error': {'message': 'Your organization is not allowed to use "
        "this feature', 'type': 'invalid_request_error', 'param': None, "
        "'code': 'feature_not_allowed'}}",
    ):
        result = finder.find(pasted)
        assert result.match is None, pasted
        assert len(result.candidates) == 3
        assert {catalog.get(slug).status for slug in result.candidates} == {429}


def test_a_status_alone_offers_its_errors(catalog, finder):
    result = finder.find("Error code: 429")
    assert result.match is None
    assert len(result.candidates) == 3
    assert {catalog.get(slug).status for slug in result.candidates} == {429}


def test_an_ordinary_question_names_no_error(finder):
    assert finder.find("qué es un token").kind != "error"
    assert finder.find("what is a token").kind != "error"


def test_material_gets_the_words_without_query_syntax():
    pasted = (
        'openai.NotFoundError: Error code: 404 - {"error": {"message": "The model `gpt-9` '
        'does not exist", "type": "invalid_request_error", "param": null, "code": '
        '"model_not_found", "request": "req_0123456789abcdef0123"}}'
    )
    query = errorfinder.search_query(pasted)
    assert not re.search(r"""["'`:{}+\-~^*]""", query)
    assert "null" not in query.split()
    assert {"model", "does", "not", "exist", "gpt", "9", "invalid_request_error"} <= set(
        query.split()
    )
    assert "req_0123456789abcdef0123" not in query
    assert errorfinder.search_query("OpenAI") == "OpenAI"
    assert errorfinder.search_query('"billing" "crédito"') == "billing crédito"


def test_words_ignore_ids_numbers_urls_and_masked_keys():
    assert errorfinder.words(
        "Incorrect API key provided: sk-proj-****WXyz. See https://x.example/a?b=1 org-Ab12 in 210ms"
    ) == {"incorrect", "api", "key", "provided", "see", "in"}
    assert errorfinder.words("Se acabó el CRÉDITO") == {"se", "acabo", "el", "credito"}


def test_lookup_resolves_every_code_and_unique_status_and_type(catalog):
    entries = finder_data(catalog, "en")["errors"]
    codes = [error.code for error in catalog.errors if error.code]
    for error in catalog.errors:
        if error.code and codes.count(error.code) == 1:
            assert errorfinder.lookup(entries, code=error.code) == error.slug
            assert errorfinder.lookup(entries, code=error.code, status=str(error.status)) == (
                error.slug
            )
    # One code, two errors told apart by their param (stream, reasoning_effort): the code
    # alone names neither, so the lookup sends the reader to the index's candidates.
    assert sorted(error.slug for error in catalog.errors if error.code == "unsupported_value") == [
        "organization-not-verified",
        "unsupported-reasoning-effort",
    ]
    assert errorfinder.lookup(entries, code="unsupported_value", status="400") is None
    pairs: dict[tuple, list[str]] = {}
    for error in catalog.errors:
        pairs.setdefault((error.status, error.type), []).append(error.slug)
    for (status, type_), slugs in pairs.items():
        if status and type_ and len(slugs) == 1:
            assert errorfinder.lookup(entries, status=str(status), type=type_) == slugs[0]
    assert (
        errorfinder.lookup(entries, status="429", type="insufficient_quota") == "insufficient-quota"
    )
    assert errorfinder.lookup(entries, code="no_such_code") is None
    assert errorfinder.lookup(entries) is None


def test_errors_json_follows_its_schema_and_links_every_error(catalog):
    roots = {"es": SITE_URL, "en": SITE_URL + "en/"}
    published = json.loads(errorlinks.errors_json(catalog, roots))
    schema = json.loads((ROOT / "data" / errorlinks.SCHEMA).read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(published)
    assert "version" not in published  # helpcenter.publish.api adds it when it publishes the file
    assert published["lookup"] == {
        "es": "https://help.acme-chat.example/errors/lookup/",
        "en": "https://help.acme-chat.example/en/errors/lookup/",
    }
    by_slug = {entry["slug"]: entry for entry in published["errors"]}
    assert by_slug["insufficient-quota"]["url"] == {
        "es": "https://help.acme-chat.example/errors/insufficient-quota/",
        "en": "https://help.acme-chat.example/en/errors/insufficient-quota/",
    }
    assert by_slug["invalid-service-tier"]["status"] == 400
    assert by_slug["invalid-service-tier"]["param"] == "service_tier"


def test_message_patterns_match_their_messages_with_other_ids_and_no_other_message(catalog):
    roots = {"en": SITE_URL + "en/"}
    published = json.loads(errorlinks.errors_json(catalog, roots))
    for entry in published["errors"]:
        error = catalog.get(entry["slug"])
        for message in error.messages:
            assert any(re.search(p, message) for p in entry["patterns"]), message
            assert any(re.search(p, varied(message)) for p in entry["patterns"]), varied(message)
        for other in catalog.errors:
            shared = set(other.messages) & set(error.messages)
            for message in set(other.messages) - shared:
                if other.slug != error.slug:
                    assert not any(re.search(p, message) for p in entry["patterns"]), (
                        entry["slug"],
                        message,
                    )


def test_bad_front_matter_phrases_are_one_clear_line():
    with pytest.raises(ContentError) as raised:
        front_matter_phrases("---\nphrases: [ok, 3]\n---\n# Page\n", "docs/en/page.md")
    assert str(raised.value) == (
        "docs/en/page.md: front matter field phrases must be a list of non-empty texts"
    )
    assert front_matter_phrases("# No front matter\n", "docs/en/page.md") == ()
    assert front_matter_phrases("---\nphrases:\n  - a b\n---\n", "x") == ("a b",)


def test_catalog_phrases_exist_in_both_languages_for_every_error(catalog):
    for error in catalog.errors:
        assert set(error.phrases) == set(LANGUAGES), error.slug
    assert Path(ROOT / "data" / errorlinks.SCHEMA).is_file()


NEW_QUESTIONS = {
    "es": {
        "la conversacion es demasiado larga para el modelo": "context-length-exceeded",
        "la conversación está muy larga": "context-length-exceeded",
        "organizacion no verificada": ("organization-not-verified", "../verify-organization/"),
        "el modelo no acepta herramientas": "function-tools-reasoning-effort",
        "nivel de razonamiento no admitido": "unsupported-reasoning-effort",
    },
    "en": {
        "the conversation is too long for the model": "context-length-exceeded",
        "conversation too long": "context-length-exceeded",
        "organization not verified": ("organization-not-verified", "../verify-organization/"),
        "the model doesnt accept tools": "function-tools-reasoning-effort",
        "reasoning effort not supported": "unsupported-reasoning-effort",
    },
    "pt": {
        "a conversa é longa demais para o modelo": "context-length-exceeded",
        "a conversa esta muito longa": "context-length-exceeded",
        "organizacao nao verificada": ("organization-not-verified", "../verify-organization/"),
        "o modelo não aceita ferramentas": "function-tools-reasoning-effort",
        "nível de raciocínio não suportado": "unsupported-reasoning-effort",
    },
}
"""Questions about the context length, verification and reasoning-effort errors, some
without accents, and the page each must put first (an error, or either of two pages: "not
verified" is answered by the error and by the guide to verifying, or any of its sections)."""


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_questions_about_the_newer_errors_find_their_pages(catalog, language):
    finder = errorfinder.Finder(finder_data(catalog, language))
    wrong = {}
    for question, expected in NEW_QUESTIONS[language].items():
        found = finder.find(question).match
        pages = expected if isinstance(expected, tuple) else (expected,)
        if found is None or not any(found == p or found.startswith(f"{p}#") for p in pages):
            wrong[question] = found
    assert wrong == {}
