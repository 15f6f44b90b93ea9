"""The JSON the site publishes for the product: each file, its schema and its version.

Every interface is published in each language's folder (``/models.json``,
``/en/models.json``) with its JSON Schema beside it (``models.schema.json``). The published
schema is the catalog's own schema (``data/``) plus the ``version`` field, whose value is
fixed by the schema, so a reader can check both the data and the version it expects.

When the published format changes, ``version`` changes, as semantic versioning says:
MAJOR when a field is removed or renamed or changes type, unit or meaning (a reader written
for the old format could misread the new one); MINOR when a field or an allowed value is
added; PATCH when only the schema's descriptions or constraints are corrected. New data
(a price, a model) changes no version.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path

import jsonschema

from helpcenter.catalog.validated import key
from helpcenter.problems import ContentError

SEMVER = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$"


@dataclass(frozen=True)
class Interface:
    name: str
    """The published file, in each language's folder."""
    schema: str
    """The JSON Schema in ``data/`` that the file (``version`` aside) meets."""
    version: str


INTERFACES = (
    Interface(name="models.json", schema="models.schema.json", version="1.3.1"),
    Interface(name="errors.json", schema="errors.json.schema.json", version="1.1.0"),
)
"""What the product may read. Adding a file is one entry here, and ``publish`` in its hook.
Other JSON the site writes serves its own scripts (Material's search index, the error
finder's ``errors/messages.json``): no interface, no version, free to change."""


def interface(name: str) -> Interface:
    for each in INTERFACES:
        if each.name == name:
            return each
    known = ", ".join(each.name for each in INTERFACES)
    raise ContentError(
        f"helpcenter/publish/api.py: {name} is not a published interface (known: {known})"
    )


def schema_name(name: str) -> str:
    """``models.json`` → ``models.schema.json``: where a file's schema is published."""
    return name.removesuffix(".json") + ".schema.json"


def published_schema(spec: Interface, data_schema: dict) -> dict:
    schema = copy.deepcopy(data_schema)
    schema["$id"] = schema_name(spec.name)
    schema["properties"] = {
        "version": {
            "type": "string",
            "const": spec.version,
            "pattern": SEMVER,
            "description": "Version of this format (semantic versioning): the major number "
            "changes when a field is removed, renamed or changes type, unit or meaning.",
        },
        **schema.get("properties", {}),
    }
    schema["required"] = ["version", *schema.get("required", [])]
    return schema


def published_data(spec: Interface, data: dict) -> dict:
    return {"version": spec.version, **data}


def publish(site_dir: Path, data_dir: Path, name: str, text: str) -> None:
    """Write the interface ``name`` (its data as JSON ``text``) and its schema into ``site_dir``.

    The file is checked against the schema it is published with; a mismatch stops the
    build, since the product would read it.
    """
    spec = interface(name)
    schema_bytes = (data_dir / spec.schema).read_bytes()
    for path, content in zip(
        (name, schema_name(name)), _checked(spec, schema_bytes, text), strict=True
    ):
        (site_dir / path).write_text(content, encoding="utf-8")


_checked_files: dict[str, tuple[str, str]] = {}
"""The files ``_checked`` wrote, by a key of everything they come from. Each ``mkdocs
serve`` rebuild publishes the same JSON as the one before unless the catalog changed,
and checking it against its schema is most of the cost of publishing it."""
_KEEP = 8


def _checked(spec: Interface, schema_bytes: bytes, text: str) -> tuple[str, str]:
    """The published file and its schema, as text, once the file is checked."""
    entry = key([spec.name.encode(), spec.version.encode(), schema_bytes, text.encode()])
    if entry in _checked_files:
        return _checked_files[entry]
    schema = published_schema(spec, json.loads(schema_bytes))
    data = published_data(spec, json.loads(text))
    validator = jsonschema.validators.validator_for(schema)(schema)
    problems = [
        f"{spec.name}: {'/'.join(map(str, error.absolute_path)) or '(top level)'}: {error.message}"
        for error in validator.iter_errors(data)
    ]
    if problems:  # one line: a single wrong value (a site address) can break every entry
        more = f" (and {len(problems) - 1:,} more)" if len(problems) > 1 else ""
        raise ContentError(problems[0] + more)
    files = tuple(json.dumps(each, indent=2, ensure_ascii=False) + "\n" for each in (data, schema))
    _checked_files[entry] = files
    while len(_checked_files) > _KEEP:
        _checked_files.pop(next(iter(_checked_files)))
    return files
