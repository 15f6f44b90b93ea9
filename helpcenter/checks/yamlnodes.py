"""The catalogs as YAML nodes, so that each value knows the line it is written on."""

from __future__ import annotations

from pathlib import Path

import yaml

from helpcenter.checks.problem import Problem


def compose(path: Path, shown_as: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The document's root node, or the problem that stops it from being read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(shown_as, None, "is missing")]
    except UnicodeDecodeError as error:
        line = error.object[: error.start].count(b"\n") + 1
        return None, [Problem(shown_as, line, "is not UTF-8 text: save it as UTF-8")]
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader), []
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        return None, [
            Problem(shown_as, line, f"YAML syntax error: {error.problem or error.context}")
        ]


def get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """The value of ``key`` in a mapping node, or ``None``."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return value
    return None


def items(node: yaml.Node | None) -> list[yaml.Node]:
    """The items of a sequence node (none for anything else)."""
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def text(node: yaml.Node | None) -> str | None:
    """A scalar's text as written (dates and numbers stay text), or ``None``."""
    return node.value if isinstance(node, yaml.ScalarNode) else None


def line(node: yaml.Node) -> int:
    """The line a value's text starts on (the line after ``|`` or ``>`` for a block)."""
    block = isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")
    return node.start_mark.line + 1 + (1 if block else 0)
