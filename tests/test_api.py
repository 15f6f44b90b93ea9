"""The JSON the product reads: every published file meets its published schema, has a
version, and the version changes when the format does; the maintainers' page documents it."""

from __future__ import annotations

import hashlib
import json
import re

import jsonschema
import pytest

from helpcenter.problems import ContentError
from helpcenter.publish import api
from support import LANGUAGES, ROOT

FORMATS = {
    "models.json": ("2.0.0", "0f1813ebf9dc72204aef6a53d757ac6c26639463515ca65f2ebb9c9be3777230"),
    "errors.json": ("1.1.1", "fbfa16132e6ce7d9b12dd7238d0d233628dad6a406f7ab727eef631eb4fb7848"),
}
"""Each interface's version and the fingerprint of the data schema it was published with.
When the schema changes, bump the version in helpcenter/publish/api.py (the rule is there and in
docs/*/maintainers/api.md) and record both here."""
OWN_SCRIPTS = {"search/search_index.json", "errors/messages.json"}


def fingerprint(schema_file: str) -> str:
    schema = json.loads((ROOT / "data" / schema_file).read_text("utf-8"))
    canonical = json.dumps(schema, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def published_json(site, language):
    folder = site.folder(language)
    inner = {site.folder(code) for code in LANGUAGES if folder in site.folder(code).parents}
    for path in sorted(folder.rglob("*.json")):
        if not any(parent in inner for parent in path.parents):
            yield path.relative_to(folder).as_posix(), path


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_published_json_meets_the_schema_beside_it(site, language):
    interfaces = set()
    for name, path in published_json(site, language):
        if name in OWN_SCRIPTS or name.endswith(".schema.json"):
            continue
        interfaces.add(name)
        schema_path = path.with_name(name.removesuffix(".json") + ".schema.json")
        assert schema_path.is_file(), f"{language}: {name} has no schema beside it"
        schema = json.loads(schema_path.read_text("utf-8"))
        validator = jsonschema.validators.validator_for(schema)
        validator.check_schema(schema)
        data = json.loads(path.read_text("utf-8"))
        errors = [error.message for error in validator(schema).iter_errors(data)]
        assert errors == [], f"{language}: {name}: {errors[:3]}"
        assert re.fullmatch(r"\d+\.\d+\.\d+", data["version"]), name
        assert data["version"] == schema["properties"]["version"]["const"]
    assert interfaces == {spec.name for spec in api.INTERFACES}


@pytest.mark.parametrize("spec", api.INTERFACES, ids=lambda spec: spec.name)
def test_the_version_changes_with_the_format(spec):
    assert spec.name in FORMATS, f"record {spec.name} in FORMATS"
    version, recorded = FORMATS[spec.name]
    now = fingerprint(spec.schema)
    if now != recorded:
        assert spec.version != version, (
            f"data/{spec.schema} changed but {spec.name} is still version {version}: bump it "
            "in helpcenter/publish/api.py (MAJOR when a field goes, is renamed or changes type, unit or "
            "meaning; MINOR when one is added; PATCH otherwise), then record the version and "
            f"fingerprint {now} in tests/test_api.py"
        )
    assert spec.version == version, f"record version {spec.version} of {spec.name} here"


def field_names(schema: dict, defs: dict, seen=()) -> set[str]:
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        return set() if name in seen else field_names(defs[name], defs, (*seen, name))
    names = set()
    for key, value in schema.get("properties", {}).items():
        names.add(key)
        names |= field_names(value, defs, seen)
    for key in ("items", "then", "else"):
        if isinstance(schema.get(key), dict):
            names |= field_names(schema[key], defs, seen)
    for key in ("oneOf", "anyOf", "allOf"):
        for option in schema.get(key, []):
            names |= field_names(option, defs, seen)
    return names


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("spec", api.INTERFACES, ids=lambda spec: spec.name)
def test_the_maintainers_page_names_every_field(site, language, spec):
    schema = json.loads((site.folder(language) / api.schema_name(spec.name)).read_text("utf-8"))
    page = (ROOT / "docs" / language / "maintainers" / "api.md").read_text("utf-8")
    documented = {part for name in re.findall(r"`([\w.]+)`", page) for part in name.split(".")}
    missing = field_names(schema, schema.get("$defs", {})) - documented
    assert not missing, f"docs/{language}/maintainers/api.md does not describe {sorted(missing)}"
    assert f"`{spec.name}`" in page


def test_publishing_data_that_breaks_its_schema_fails_in_one_line(tmp_path):
    (tmp_path / "models.json.schema.json").write_text(
        json.dumps({"type": "object", "properties": {"models": {"type": "array"}}}), "utf-8"
    )
    with pytest.raises(ContentError) as failure:
        api.publish(tmp_path, tmp_path, "models.json", '{"models": 3}')
    assert str(failure.value) == "models.json: models: 3 is not of type 'array'"
    assert not (tmp_path / "models.json").exists()


def test_only_interfaces_are_published(tmp_path):
    with pytest.raises(
        ContentError, match=r"helpcenter/publish/api.py: other.json is not a published"
    ):
        api.publish(tmp_path, tmp_path, "other.json", "{}")


def test_the_published_schema_requires_the_version():
    spec = api.Interface("x.json", "x.schema.json", "2.1.0")
    schema = api.published_schema(spec, {"type": "object", "required": ["a"], "properties": {}})
    validator = jsonschema.Draft202012Validator(schema)
    assert validator.is_valid({"version": "2.1.0", "a": 1})
    assert not validator.is_valid({"a": 1})
    assert not validator.is_valid({"version": "2.0.0", "a": 1})
    assert schema["$id"] == "x.schema.json"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_box_data_meets_its_schema_and_names_fields_as_errors_json(site, language):
    """errors/messages.json is the site's own (no version), but typed: the file each build
    writes meets data/messages.json.schema.json, generated from its shape, and names the
    openai SDK's exception ``sdk_exception`` as errors.json does."""
    schema = json.loads((ROOT / "data" / "messages.json.schema.json").read_text("utf-8"))
    folder = site.folder(language)
    data = json.loads((folder / "errors" / "messages.json").read_text("utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    assert [error.message for error in validator(schema).iter_errors(data)] == []
    published = json.loads((folder / "errors.json").read_text("utf-8"))
    exceptions = {entry["slug"]: entry["sdk_exception"] for entry in published["errors"]}
    assert {entry["slug"]: entry["sdk_exception"] for entry in data["errors"]} == exceptions
    assert exceptions["incorrect-api-key"] == "AuthenticationError"
    assert exceptions["rate-limit-reached"] == "RateLimitError"
    assert not any("exception" in entry for entry in data["errors"])
