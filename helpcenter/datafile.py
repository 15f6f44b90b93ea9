"""Reading a catalog file: YAML in, plain data out, or one line saying what is wrong.

Numbers with a decimal point become ``Decimal`` (prices stay exact) and dates stay
text (the schema checks them), so the data is what the editor typed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

import jsonschema
import yaml

from helpcenter import validated
from helpcenter.problems import ContentError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    pass


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


def load_yaml(path: Path, shown_as: str) -> object:
    """The document in ``path``; ``shown_as`` is the name messages give the file."""
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ContentError(f"{shown_as} is missing") from None
    except UnicodeDecodeError as error:
        raise ContentError(
            f"{shown_as} is not UTF-8 text (byte {error.object[error.start]:#04x} "
            f"at offset {error.start}): save it as UTF-8"
        ) from None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{shown_as}:{mark.line + 1}:{mark.column + 1}" if mark else shown_as
        raise ContentError(
            f"{where}: YAML syntax error: {error.problem or error.context}"
        ) from None
    except yaml.YAMLError as error:
        raise ContentError(f"{shown_as}: YAML error: {error}") from None
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
    (``helpcenter.validated``): every language's build, and every ``mkdocs serve`` rebuild
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


def _load_valid(path, schema_path, shown_as, entry_name) -> object:
    data = load_yaml(path, shown_as)
    problems = schema_problems(data, schema_path, shown_as, lambda place: entry_name(data, place))
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
    """The most specific errors: a failed ``oneOf`` is told by its best alternative."""
    for error in errors:
        if error.context:
            yield jsonschema.exceptions.best_match(error.context)
        else:
            yield error


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
        what = f"is {_shown(error.instance)}; {_expected(error)}"
    entry = entry_name(path)
    field = ".".join(str(part) for part in _field_path(path)).replace(".item", " item")
    return f"{shown_as}: {entry}, field {field or '(top level)'} {what}"


def _field_path(path: Sequence) -> list:
    """The part of a path below its entry (the first list index), list items counted from 1."""
    first_index = next((i for i, part in enumerate(path) if isinstance(part, int)), -1)
    return [
        f"item {part + 1}" if isinstance(part, int) else part for part in path[first_index + 1 :]
    ]


def _shown(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str | int | float | bool) or value is None:
        return json.dumps(value, ensure_ascii=False)
    return type(value).__name__


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
