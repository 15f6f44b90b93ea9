"""Reading a catalog file: YAML in, plain data out, or one line saying what is wrong.

Numbers with a decimal point become ``Decimal`` (prices stay exact) and dates stay
text, so the data is what the editor typed; the catalog's shape
(:mod:`helpcenter.catalog.fields`) then validates it, and each problem it finds is told
from its structured error (where, which kind, which limit) as one line.

A catalog is refused before any expensive work when it is larger than ``MAX_FILE_BYTES``,
uses YAML anchors or aliases (``&name``, ``*name``: one line of them can expand into
gigabytes), or repeats a key inside one mapping (YAML would keep the last one silently).
"""

from __future__ import annotations

import dataclasses
import inspect
import json
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from helpcenter.catalog import validated
from helpcenter.catalog.fields import INVISIBLE_EXPECTED, PerLanguage
from helpcenter.problems import ContentError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


MAX_FILE_BYTES = 10_000_000
"""The largest catalog file read (a 5,000-model catalog is about 6 MB)."""
_SHOWN_CHARS = 60


class _Loader(_BaseLoader):
    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[object, yaml.Node] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.setdefault(key, key_node)
                except TypeError:
                    continue
                if first is not key_node:
                    raise _DuplicateKey(key, first, key_node)
        return super().construct_mapping(node, deep=deep)


class _DuplicateKey(Exception):
    def __init__(self, key, first: yaml.Node, again: yaml.Node):
        super().__init__(key)
        self.key, self.first, self.again = key, first.start_mark, again.start_mark


def _decimal(loader, node):
    text = loader.construct_scalar(node)
    try:
        number = Decimal(text.replace("_", ""))
    except InvalidOperation:
        return text
    return number if number.is_finite() else text


_Loader.add_constructor("tag:yaml.org,2002:float", _decimal)
_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def read_text(path: Path, shown_as: str, max_bytes: int | None = None) -> str:
    """The UTF-8 text of ``path``, or one line saying why it cannot be read."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ContentError(f"{shown_as} is missing") from None
    if max_bytes is not None and size > max_bytes:
        raise ContentError(
            f"{shown_as} is {size:,} bytes; expected at most {max_bytes:,} (shorten its texts)"
        )
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            f"{shown_as} is not UTF-8 text (byte {error.object[error.start]:#04x} "
            f"at offset {error.start}): save it as UTF-8"
        ) from None


def load_yaml(path: Path, shown_as: str) -> object:
    """The document in ``path``; ``shown_as`` is the name messages give the file."""
    text = read_text(path, shown_as, MAX_FILE_BYTES)
    try:
        _refuse_anchors(text, shown_as)
        data = yaml.load(text, Loader=_Loader)
    except _DuplicateKey as error:
        raise ContentError(
            f"{shown_as}:{error.again.line + 1}:{error.again.column + 1}: key "
            f"{_shown(error.key)} is given twice in the same mapping (first on line "
            f"{error.first.line + 1}); expected each key once"
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{shown_as}:{mark.line + 1}:{mark.column + 1}" if mark else shown_as
        raise ContentError(
            f"{where}: YAML syntax error: {error.problem or error.context}"
        ) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        raise ContentError(
            f"{shown_as}:{line}: the character U+{error.character:04X} cannot be written in YAML; "
            "remove it"
        ) from None
    except yaml.YAMLError as error:
        words = " ".join(str(error).split())
        raise ContentError(f"{shown_as}: YAML error: {words}") from None
    except (ValueError, TypeError) as error:
        raise ContentError(f"{shown_as}: a value cannot be read ({error})") from None
    if data is None:
        raise ContentError(f"{shown_as} is empty")
    return data


def load_valid(
    data_dir: Path, name: str, shape: type, entry_name: Callable[[object, Sequence], str]
) -> tuple[Any, Any]:
    """``data_dir/name`` as loaded, and as a ``shape``; or every problem, one per line.

    Validated once per content of the file and of the code that defines and checks its shape
    (``helpcenter.catalog.validated``): every language's build, and every ``mkdocs serve``
    rebuild that leaves them alone, gets the data validated the first time (which callers
    must therefore not change). ``entry_name(data, path)`` names the entry a problem is in,
    such as ``model 'gpt-5-mini'``.
    """
    path = data_dir / name
    code = {*Path(__file__).parent.glob("*.py"), Path(inspect.getfile(shape))}
    return validated.cached(
        name,
        [path],
        sorted(code),
        data_dir.parent / validated.FOLDER,
        lambda: _load_valid(path, shape, f"data/{name}", entry_name),
    )


def entry_namer(collection: str, key: str, noun: str) -> Callable[[object, Sequence], str]:
    """Names the entry of ``data[collection]`` a problem's path is in, by its ``key``:
    ``model 'gpt-5-mini'`` (``model #3`` when it has none); other top-level sections by their
    own name (``billing``), and the file as a whole ``catalog``."""

    def name(data: object, path: Sequence) -> str:
        if len(path) >= 2 and path[0] == collection and isinstance(path[1], int):
            entry = data[collection][path[1]]
            if isinstance(entry, dict) and isinstance(entry.get(key), str):
                return f"{noun} '{entry[key]}'"
            return f"{noun} #{path[1] + 1}"
        return str(path[0]) if path and path[0] != collection else "catalog"

    return name


def _refuse_anchors(text: str, shown_as: str) -> None:
    """Stop at the first anchor or alias, before anything is built from them."""
    for event in yaml.parse(text, Loader=_BaseLoader):
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            mark = event.start_mark
            kind = "alias *" if isinstance(event, yaml.AliasEvent) else "anchor &"
            raise ContentError(
                f"{shown_as}:{mark.line + 1}:{mark.column + 1}: YAML {kind}{_clip(anchor)} "
                "is not allowed in a catalog; write the value out in full"
            )


def _field(path: Sequence) -> str:
    field = ".".join(str(part) for part in _field_path(list(path))).replace(".item", " item")
    return field or "(top level)"


def _load_valid(path: Path, shape: type, shown_as: str, entry_name) -> tuple[Any, Any]:
    data = load_yaml(path, shown_as)
    adapter = _adapter(shape)
    try:
        return data, adapter.validate_python(data)
    except ValidationError as error:
        name = lambda place: entry_name(data, place)  # noqa: E731
        problems = shape_problems(error, adapter.json_schema(), placer(path, shown_as), name)
        raise ContentError("\n".join(problems)) from None


def placer(path: Path, shown_as: str) -> Callable[[Sequence], str]:
    """``where(place)``: ``shown_as`` and the line of the data at ``place`` (a path of keys
    and list indexes), such as ``data/models.yml:57``; the line of the deepest part of the
    path the file has (a missing field's mapping). The file is read again, and only once,
    the first time a problem needs its line."""
    document: list[yaml.Node | None] = []

    def where(place: Sequence) -> str:
        if not document:
            text = read_text(path, shown_as, MAX_FILE_BYTES)
            document.append(yaml.compose(text, Loader=_BaseLoader))
        node, line = document[0], None
        for part in place:
            if isinstance(node, yaml.MappingNode):
                found = next((pair for pair in node.value if pair[0].value == str(part)), None)
                if found is None:
                    break
                line, node = found[0].start_mark.line + 1, found[1]
            elif isinstance(node, yaml.SequenceNode) and type(part) is int:
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                break
        return f"{shown_as}:{line}" if line else shown_as

    return where


@cache
def _adapter(shape: type) -> TypeAdapter:
    return TypeAdapter(shape)


def shape_problems(
    error: ValidationError,
    schema: dict,
    where: Callable[[Sequence], str],
    entry_name: Callable[[Sequence], str],
) -> list[str]:
    """One line per place where the data breaks its shape, in the shape's order.

    Each line is made from the error's data: where (``loc``), what kind (``type``) and the
    limit it broke (``ctx``); ``schema`` (the shape's JSON Schema) tells whether the place
    also takes null. ``where`` gives the file and line of a path (:func:`placer`),
    ``entry_name`` the words naming its entry, such as ``model 'gpt-5-mini'``.
    """
    problems: list[str] = []
    unknown: dict[tuple, list[str]] = {}
    lines: dict[tuple, str] = {}
    seen: set[tuple] = set()
    for each in error.errors(include_url=False):
        path, kind, context = list(each["loc"]), each["type"], each.get("ctx") or {}
        value = each["input"]
        key = path and path[-1] == "[key]"
        if key:  # a key of a mapping such as a text's languages: told at the mapping
            path = path[:-2]
        if (tuple(path), kind) in seen:
            continue
        if kind == "too_short" and len(value) >= context["min_length"]:
            continue  # told for an item that failed, which pydantic then leaves uncounted
        seen.add((tuple(path), kind))
        if kind in ("unexpected_keyword_argument", "extra_forbidden"):
            parent = tuple(path[:-1])
            if parent not in unknown:
                unknown[parent] = []
                problems.append(parent)  # its line is written below, once all are known
            unknown[parent].append(str(path[-1]))
            lines.setdefault(parent, where(path))
            continue
        if kind in ("missing", "missing_argument"):
            what = "is missing"
        elif kind == "too_long":
            what = f"has {len(value):,} items; expected at most {context['max_length']:,}"
        elif kind == "string_too_long":
            what = f"has {len(value):,} characters; expected at most {context['max_length']:,}"
        elif kind == "control_character":
            what = f"holds the control character {context['character']}; expected plain text"
        elif kind == "invisible_character":
            what = f"holds the invisible character {context['character']}; {INVISIBLE_EXPECTED}"
        elif key and kind in ("string_type", "string_pattern_mismatch"):
            what = (
                f"has the key {_shown(value)}; expected a language code such as es or pt-BR "
                "(in quotes when YAML reads it otherwise, as 'no' or 'on')"
            )
        elif key:
            what = f"has the key {_shown(value)}; {_expected(kind, context)}"
        else:
            # A value that is wrong in itself, not for its kind, is not told "(or null)".
            nullable = kind != "decimal_places" and _takes_null(schema, path)
            what = f"is {_shown(value)}; {_expected(kind, context)}" + (
                " (or null)" if nullable else ""
            )
        problems.append(f"{where(path)}: {entry_name(path)}, field {_field(path)} {what}")
    return [
        f"{lines[line]}: {entry_name(list(line))}: unknown field(s) "
        + ", ".join(sorted(unknown[line]))
        if isinstance(line, tuple)
        else line
        for line in problems
    ]


_EXPECTED = {
    "number_type": "expected a number",
    "int_type": "expected a whole number",
    "string_type": "expected a text",
    "bool_type": "expected true or false",
    "dataclass_type": "expected a mapping of fields",
    "dict_type": "expected a mapping of fields",
    "list_type": "expected a list",
    "tuple_type": "expected a list",
    "blank_text": "expected a non-empty text",
    "date_format": "expected a date written YYYY-MM-DD",
    "number_or_text": "expected a number, a text or null",
}


def _expected(kind: str, context: dict) -> str:
    if kind == "greater_than_equal":
        return f"expected a number of at least {context['ge']}"
    if kind == "less_than_equal":
        return f"expected a number of at most {context['le']}"
    if kind == "too_short":
        return f"expected at least {context['min_length']} item(s)"
    if kind == "one_of":
        return "expected one of " + ", ".join(context["values"])
    if kind == "text_pattern":
        return context["expected"]
    if kind == "decimal_places":
        return f"expected at most {context['places']} decimal places"
    return _EXPECTED.get(kind, f"not accepted ({kind})")


def _takes_null(schema: dict, path: Sequence) -> bool:
    """Whether the place ``path`` of a document meeting ``schema`` may hold null."""
    definitions = schema.get("$defs", {})

    def resolve(node: dict) -> dict:
        while "$ref" in node:
            node = definitions[node["$ref"].rsplit("/", 1)[-1]]
        alternatives = [each for each in node.get("anyOf", []) if each.get("type") != "null"]
        return resolve(alternatives[0]) if len(alternatives) == 1 else node

    node = schema
    for part in path:
        node = resolve(node)
        if isinstance(part, int):
            node = node.get("items", {})
        elif part in node.get("properties", {}):
            node = node["properties"][part]
        elif isinstance(node.get("additionalProperties"), dict):
            node = node["additionalProperties"]
        elif node.get("patternProperties"):
            node = next(iter(node["patternProperties"].values()))
        else:
            return False
        while "$ref" in node:
            node = definitions[node["$ref"].rsplit("/", 1)[-1]]
    return any(each.get("type") == "null" for each in node.get("anyOf", []))


def language_problems(
    parsed: object,
    data: object,
    where: Callable[[Sequence], str],
    entry_name: Callable[[object, Sequence], str],
    languages: Sequence[str] | None,
) -> list[str]:
    """One line per text missing in a language of the site, or given in one it does not have.

    A text in the site's languages is a field marked :class:`PerLanguage`. Without
    ``languages``, the site's are taken to be every language the catalog's texts use.
    """
    found = list(_per_language(parsed, ()))
    told = "the site's languages"
    if languages is None:
        languages = list(
            dict.fromkeys(code for _, marker, texts in found if marker.every for code in texts)
        )
        told = "the catalog's languages"
    problems = []
    for path, marker, texts in found:
        field = f"{entry_name(data, list(path))}, field {_field(path)}"
        if marker.every:
            for code in languages:
                if code not in texts:
                    problems.append(
                        f"{where(path)}: {field}.{code} is missing; expected a text in each of {told} "
                        f"({', '.join(languages)})"
                    )
        for code in texts:
            if code not in languages:
                problems.append(
                    f"{where((*path, code))}: {field}.{code} is in a language the site is not "
                    f"built in; expected one of {', '.join(languages)}"
                )
    return problems


def _per_language(value: object, path: tuple) -> Iterator[tuple[tuple, PerLanguage, dict]]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for name, info in type(value).__pydantic_fields__.items():
            child, place = getattr(value, name), (*path, info.alias or name)
            marker = next((m for m in info.metadata if isinstance(m, PerLanguage)), None)
            if marker and isinstance(child, dict):
                yield place, marker, child
            else:
                yield from _per_language(child, place)
    elif isinstance(value, list | tuple):
        for number, child in enumerate(value):
            yield from _per_language(child, (*path, number))


def _field_path(path: Sequence) -> list:
    """The part of a path below its entry (the first list index, or the top-level section
    that names it), list items counted from 1."""
    first_index = next((i for i, part in enumerate(path) if type(part) is int), -1)
    if first_index == -1 and len(path) > 1:
        first_index = 0
    return [f"item {part + 1}" if type(part) is int else part for part in path[first_index + 1 :]]


def _shown(value: object) -> str:
    """A value as a message quotes it: short, on one line, whatever the value holds."""
    if isinstance(value, Decimal | int | float | bool) or value is None:
        text = str(value) if isinstance(value, Decimal) else json.dumps(value)
        return _clip(text)
    if isinstance(value, str):
        return _clip(json.dumps(value, ensure_ascii=False))
    return type(value).__name__


def _clip(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"
