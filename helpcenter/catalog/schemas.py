"""The JSON Schemas of the catalogs in ``data/``, generated from their shapes.

The shapes (:class:`helpcenter.catalog.models.CatalogFile`,
:class:`helpcenter.catalog.errors.ErrorsFile`, :class:`helpcenter.catalog.redirects.RedirectMap`)
are the one definition of each catalog; the schemas beside the YAML files let editors'
tools check and complete them (``# yaml-language-server: $schema=...``).
:class:`helpcenter.catalog.models.ModelsJson` and :class:`helpcenter.catalog.errors.ErrorsJson`
are the shapes of the published ``models.json`` and ``errors.json``; their schemas are the ones
published beside them. Write them after changing a shape::

    python -m helpcenter.catalog.schemas          # or: make schemas
    python -m helpcenter.catalog.schemas --check  # fails naming each schema that is stale
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema

from helpcenter.catalog.errors import ErrorsFile, ErrorsJson
from helpcenter.catalog.models import CatalogFile, ModelsJson
from helpcenter.catalog.redirects import RedirectMap
from helpcenter.catalog.searchbox import SearchBoxData
from helpcenter.catalog.words import WordsFile

DATA = Path(__file__).resolve().parents[2] / "data"
SHAPES = {
    "models.catalog.schema.json": ("OpenAI model catalog", CatalogFile),
    "errors.catalog.schema.json": ("OpenAI API error catalog", ErrorsFile),
    "models.json.schema.json": ("Published OpenAI models (models.json)", ModelsJson),
    "errors.json.schema.json": ("Published API error links (errors.json)", ErrorsJson),
    "redirects.schema.json": ("Redirect map", RedirectMap),
    "words.schema.json": ("Words readers use in the search box", WordsFile),
    "messages.json.schema.json": (
        "What the search box reads (errors/messages.json)",
        SearchBoxData,
    ),
}
"""Each schema file of ``data/``, its title and the shape it is generated from. A catalog's
schema is named ``<catalog>.catalog.schema.json`` (or ``<catalog>.schema.json`` for those never
published); the schema of a published file, ``<file>.json.schema.json``: helpcenter.publish.api
publishes it, with the ``version`` field, as ``<file>.schema.json`` beside the file."""


class _Generator(GenerateJsonSchema):
    """Titles only where a schema names a catalog; descriptions come from the shapes."""

    def field_title_should_be_set(self, schema) -> bool:
        return False

    def dataclass_schema(self, schema):
        generated = super().dataclass_schema(schema)
        generated.pop("title", None)
        return generated

    def generate(self, schema, mode="validation"):
        return _one_line_descriptions(super().generate(schema, mode))


def _one_line_descriptions(node):
    """Descriptions written as docstrings, on one line as editors show them."""
    if isinstance(node, dict):
        return {
            key: " ".join(value.split())
            if key == "description" and isinstance(value, str)
            else _one_line_descriptions(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_one_line_descriptions(each) for each in node]
    return node


def schema(name: str) -> dict:
    """The JSON Schema ``name`` of ``data/``, as its shape defines it."""
    title, shape = SHAPES[name]
    generated = TypeAdapter(shape).json_schema(schema_generator=_Generator)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": name,
        "title": title,
        **generated,
    }


def text(name: str) -> str:
    return json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n"


def stale(folder: Path = DATA) -> list[str]:
    """The schemas of ``folder`` that differ from what the shapes generate, one line each."""
    return [
        f"data/{name} differs from its shape; run: make schemas"
        for name in SHAPES
        if not (folder / name).is_file() or (folder / name).read_text("utf-8") != text(name)
    ]


def main(arguments: list[str]) -> int:
    if arguments == ["--check"]:
        problems = stale()
        print("\n".join(problems) or "The schemas in data/ match their shapes.")
        return 1 if problems else 0
    if arguments:
        print("usage: python -m helpcenter.catalog.schemas [--check]", file=sys.stderr)
        return 2
    for name in SHAPES:
        (DATA / name).write_text(text(name), encoding="utf-8")
        print(f"wrote data/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
