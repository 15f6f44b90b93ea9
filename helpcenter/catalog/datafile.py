"""Reading a catalog file: YAML in, plain data out, or one line saying what is wrong.

Numbers with a decimal point become ``Decimal`` (prices stay exact) and dates stay
text (the schema checks them), so the data is what the editor typed.

A catalog is refused before any expensive work when it is larger than ``MAX_FILE_BYTES``,
uses YAML anchors or aliases (``&name``, ``*name``: one line of them can expand into
gigabytes), or repeats a key inside one mapping (YAML would keep the last one silently).
Every text is then held to its size limit (``TEXT_LIMITS``) and may not hold control
characters other than line breaks and tabs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

import jsonschema
import yaml

from helpcenter.catalog import validated
from helpcenter.problems import ContentError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


MAX_FILE_BYTES = 10_000_000
"""The largest catalog file read (a 5,000-model catalog is about 6 MB)."""
TEXT_LIMITS = {"name": 100, "title": 200, "current": 2000, "older": 2000, "notes": 4000}
"""The most characters a text may have, by its field's name; ``MAX_TEXT`` for the others."""
MAX_TEXT = 1000
_SHOWN_CHARS = 60
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


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
    data_dir: Path, name: str, schema: str, entry_name: Callable[[object, Sequence], str]
) -> object:
    """``data_dir/name`` once it meets ``data_dir/schema``, or every problem, one per line.

    Validated once per content of the two files and of the code that checks them
    (``helpcenter.catalog.validated``): every language's build, and every ``mkdocs serve`` rebuild
    that leaves them alone, gets the data validated the first time (which callers must
    therefore not change). ``entry_name(data, path)`` names the entry a problem is in, such
    as ``model 'gpt-5-mini'``.
    """
    path, schema_path = data_dir / name, data_dir / schema
    return validated.cached(
        name,
        [path, schema_path],
        sorted(Path(__file__).parent.glob("*.py")),
        data_dir.parent / validated.FOLDER,
        lambda: _load_valid(path, schema_path, f"data/{name}", entry_name),
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


def text_problems(data: object, shown_as: str, entry_name: Callable[[Sequence], str]) -> list[str]:
    """One line per text longer than its limit or holding a control character."""
    problems: list[str] = []

    def walk(node: object, path: tuple) -> None:
        if isinstance(node, dict):
            for key, child in node.items():
                walk(child, (*path, key))
        elif isinstance(node, list):
            for number, child in enumerate(node):
                walk(child, (*path, number))
        elif isinstance(node, str):
            name = next((str(part) for part in reversed(path) if isinstance(part, str)), "")
            name = "" if name in ("es", "en") and len(path) > 1 else name
            limit = TEXT_LIMITS.get(name or _parent_name(path), MAX_TEXT)
            if len(node) > limit:
                what = f"has {len(node):,} characters; expected at most {limit:,}"
            elif control := _CONTROL.search(node):
                what = (
                    f"holds the control character U+{ord(control.group()):04X}; expected plain text"
                )
            else:
                return
            problems.append(f"{shown_as}: {entry_name(list(path))}, field {_field(path)} {what}")

    walk(data, ())
    return problems


def _parent_name(path: tuple) -> str:
    names = [str(part) for part in path if isinstance(part, str)]
    return names[-2] if len(names) >= 2 else ""


def _field(path: Sequence) -> str:
    field = ".".join(str(part) for part in _field_path(list(path))).replace(".item", " item")
    return field or "(top level)"


def _load_valid(path, schema_path, shown_as, entry_name) -> object:
    data = load_yaml(path, shown_as)
    name = lambda place: entry_name(data, place)  # noqa: E731
    problems = schema_problems(data, schema_path, shown_as, name)
    if not problems and isinstance(data, dict):
        problems = text_problems(data, shown_as, name)
    if problems:
        raise ContentError("\n".join(problems))
    return data


@cache
def _validator(schema_path: Path) -> jsonschema.Validator:
    """The schema's validator; the schemas themselves are checked by the test suite."""
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def schema_problems(
    data: object,
    schema_path: Path,
    shown_as: str,
    entry_name: Callable[[Sequence], str],
) -> list[str]:
    """One line per place where ``data`` breaks the schema, in document order.

    ``entry_name`` turns the path of a problem into the words naming its entry,
    such as ``model 'gpt-5-mini'``.
    """
    errors = sorted(
        _validator(schema_path).iter_errors(data),
        key=lambda error: [str(part) for part in error.absolute_path],
    )
    problems, seen = [], set()
    for error in _leaves(errors):
        place = (*error.absolute_path, error.message if error.validator == "required" else "")
        if place not in seen:
            seen.add(place)
            problems.append(_describe(error, shown_as, entry_name))
    return problems


def _leaves(errors: Iterable[jsonschema.ValidationError]) -> Iterable[jsonschema.ValidationError]:
    """The most specific errors: a failed ``oneOf`` is told by its best alternative.

    A value that fails a "this or null" choice is not null, so the "null" alternative is
    never the one told: ``-0.01`` for a price that may be null is "at least 0 (or null)".
    """
    for error in errors:
        if error.context:
            yield jsonschema.exceptions.best_match(_without_null_alternative(error))
        else:
            yield error


def _without_null_alternative(error: jsonschema.ValidationError) -> list:
    alternatives = error.schema.get(error.validator, [])
    nulls = {
        index
        for index, alternative in enumerate(alternatives)
        if isinstance(alternative, dict) and alternative.get("type") == "null"
    }
    kept = [each for each in error.context if each.schema_path[0] not in nulls]
    if not kept:
        return list(error.context)
    for each in kept:
        each.or_null = bool(nulls)
    return kept


def _describe(error: jsonschema.ValidationError, shown_as: str, entry_name) -> str:
    path = list(error.absolute_path)
    if error.validator == "required":
        missing = error.message.split("'")[1]
        path = [*path, missing]
        what = "is missing"
    elif error.validator == "additionalProperties":
        extra = ", ".join(
            sorted(
                str(key) for key in set(error.instance) - set(error.schema.get("properties", {}))
            )
        )
        return f"{shown_as}: {entry_name(path)}: unknown field(s) {extra}"
    else:
        expected = _expected(error) + (" (or null)" if getattr(error, "or_null", False) else "")
        what = f"is {_shown(error.instance)}; {expected}"
    return f"{shown_as}: {entry_name(path)}, field {_field(path)} {what}"


def _field_path(path: Sequence) -> list:
    """The part of a path below its entry (the first list index), list items counted from 1."""
    first_index = next((i for i, part in enumerate(path) if isinstance(part, int)), -1)
    return [
        f"item {part + 1}" if isinstance(part, int) else part for part in path[first_index + 1 :]
    ]


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


def _expected(error: jsonschema.ValidationError) -> str:
    schema = error.schema
    kind = error.validator
    if kind == "type":
        expected = schema["type"]
        names = {
            "number": "a number",
            "integer": "a whole number",
            "string": "a text",
            "boolean": "true or false",
            "object": "a mapping of fields",
            "array": "a list",
            "null": "null",
        }
        if isinstance(expected, list):
            return "expected " + " or ".join(names.get(t, t) for t in expected)
        return f"expected {names.get(expected, expected)}"
    if kind == "minimum":
        return f"expected a number of at least {schema['minimum']}"
    if kind == "maximum":
        return f"expected a number of at most {schema['maximum']}"
    if kind == "maxLength":
        return f"expected at most {schema['maxLength']} characters"
    if kind == "enum":
        return "expected one of " + ", ".join(map(str, schema["enum"]))
    if kind == "const":
        return f"expected {schema['const']}"
    if kind in ("format", "pattern") and schema.get("format") == "date":
        return "expected a date written YYYY-MM-DD"
    if kind == "pattern" and schema.get("pattern", "").startswith("^https"):
        return "expected an https:// address"
    if kind in ("pattern", "minLength"):
        return schema.get("description") or "expected a non-empty text"
    if kind == "minItems":
        return f"expected at least {schema['minItems']} item(s)"
    return error.message
