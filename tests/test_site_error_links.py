"""What the product can link to in the built site: errors.json, the lookup address, frozen slugs."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import jsonschema
import pytest

from helpcenter.catalog import errors
from support import LANGUAGES, ROOT, SITE_URL


@pytest.fixture(scope="module")
def error_catalog():
    return errors.load_errors(ROOT / "data", ROOT / "docs", list(LANGUAGES))


def built_page(site, url: str):
    """The file an absolute URL of the published site serves."""
    assert url.startswith(SITE_URL), url
    path = site.root / url.removeprefix(SITE_URL)
    return path / "index.html" if url.endswith("/") else path


def test_errors_json_validates_and_every_url_in_it_resolves(site, error_catalog):
    for language in LANGUAGES:
        folder = site.folder(language)
        published = json.loads((folder / "errors.json").read_text("utf-8"))
        schema = json.loads((folder / "errors.schema.json").read_text("utf-8"))
        assert published["version"] == schema["properties"]["version"]["const"]
        jsonschema.Draft202012Validator(schema).validate(published)
        assert [e["slug"] for e in published["errors"]] == [e.slug for e in error_catalog.errors]
        for entry in published["errors"]:
            assert set(entry["url"]) == set(LANGUAGES)
            for code, url in entry["url"].items():
                assert url == f"{SITE_URL}{LANGUAGES[code]}errors/{entry['slug']}/"
                page = built_page(site, url).read_text("utf-8")
                assert f'<html lang="{code}"' in page
        for code, url in published["lookup"].items():
            assert built_page(site, url).is_file(), url
            assert url == f"{SITE_URL}{LANGUAGES[code]}errors/lookup/"


def test_every_error_page_is_in_the_record_of_published_addresses(error_catalog):
    recorded = set((ROOT / "data" / "published.txt").read_text("utf-8").split())
    for error in error_catalog.errors:
        for folder in LANGUAGES.values():
            assert f"/{folder}errors/{error.slug}/" in recorded, error.slug


def test_the_lookup_page_links_to_the_index_without_javascript(site):
    for language in LANGUAGES:
        article = site.article(language, "errors/lookup/")
        link = article.select_one("a#hc-error-lookup")
        assert link is not None
        assert urljoin(f"{SITE_URL}{LANGUAGES[language]}errors/lookup/", link["href"]) == (
            f"{SITE_URL}{LANGUAGES[language]}errors/"
        )
        assert "errors/lookup/" not in json.dumps(site.search_index(language)["docs"][0])
        assert all(
            not doc["location"].startswith("errors/lookup/")
            for doc in site.search_index(language)["docs"]
        )


def test_guides_and_errors_the_search_box_knows_resolve(site):
    for language in LANGUAGES:
        base = site.folder(language) / "errors"
        data = json.loads((base / "messages.json").read_text("utf-8"))
        assert data["guides"], "guides list their reader phrases in their front matter"
        for entry in [*data["errors"], *data["guides"]]:
            page = entry["url"].split("#")[0]  # a section of a guide: its page
            assert (base / page / "index.html").resolve().is_file(), entry["url"]


def test_the_service_tier_error_has_its_page_in_both_languages(site, error_catalog):
    error = error_catalog.get("invalid-service-tier")
    for language in LANGUAGES:
        article = site.article(language, "errors/invalid-service-tier/")
        text = article.get_text()
        assert error.current_message in text
        assert error.product_message[language] in text
        assert "400" in article.select_one("h1").get_text()
        assert len(article.select("ol > li")) == len(error.steps[language])


def test_the_published_verdicts_are_the_catalog_s():
    from helpcenter.catalog.errors import VERDICTS

    def enums(node):
        if isinstance(node, dict):
            if "retry-later" in node.get("enum", []):
                yield node["enum"]
            for child in node.values():
                yield from enums(child)
        elif isinstance(node, list):
            for child in node:
                yield from enums(child)

    for schema in ("errors.json.schema.json", "errors.catalog.schema.json"):
        found = list(enums(json.loads((ROOT / "data" / schema).read_text("utf-8"))))
        assert found and all(sorted(enum) == sorted(VERDICTS) for enum in found), schema


def test_errors_json_gives_each_new_error_and_variant_its_own_fields(site):
    published = json.loads((site.folder("en") / "errors.json").read_text("utf-8"))
    assert published["version"] == "1.1.1"
    rows = {
        entry["slug"]: (
            entry["status"],
            entry["type"],
            entry["code"],
            entry["param"],
            entry["sdk_exception"],
            [(v["status"], v["code"], v["param"]) for v in entry["variants"]],
        )
        for entry in published["errors"]
    }
    assert rows["organization-not-verified"] == (
        400,
        "invalid_request_error",
        "unsupported_value",
        "stream",
        "BadRequestError",
        [(404, None, None)],
    )
    assert rows["context-length-exceeded"] == (
        400,
        "invalid_request_error",
        "context_length_exceeded",
        "messages",
        "BadRequestError",
        [(400, "context_length_exceeded", "input")],
    )
    assert rows["function-tools-reasoning-effort"] == (
        400,
        "invalid_request_error",
        None,
        "reasoning_effort",
        "BadRequestError",
        [],
    )
    assert rows["unsupported-reasoning-effort"] == (
        400,
        "invalid_request_error",
        "unsupported_value",
        "reasoning_effort",
        "BadRequestError",
        [],
    )
    assert rows["model-not-found"] == (
        404,
        "invalid_request_error",
        "model_not_found",
        None,
        "NotFoundError",
        [(400, "model_not_found", "model")],
    )
    assert rows["insufficient-quota"][:3] == (429, "insufficient_quota", "insufficient_quota")
    model = next(e for e in published["errors"] if e["slug"] == "model-not-found")
    assert "The requested model 'gpt-4-1106-preview' does not exist." in model["messages"]
