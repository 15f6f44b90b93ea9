"""The events whose order matters say so in the hooks, whatever order mkdocs.yml lists them in."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config

from support import ROOT, SITE_URL

ORDER = {
    # hooks/languages.py sets the build's site_url and language, which every other hook reads.
    "config": ("first", "languages.py"),
    # hooks/content.py expands placeholders and markers: the twins and the history read the
    # expanded page.
    "page_markdown": ("first", "content.py"),
    # hooks/languages.py awaits the other languages, then hooks/addresses.py checks the whole
    # site against data/published.txt.
    "post_build": ("first", "languages.py"),
}
LAST = {"post_build": "addresses.py"}


def _hook_files(config, event: str) -> list[str]:
    return [
        Path(inspect.unwrap(method).__code__.co_filename).name
        for method in config.plugins.events[event]
    ]


@pytest.mark.parametrize("order", ["as listed", "reversed"])
def test_the_events_that_must_come_first_or_last_do_whatever_the_list_s_order(
    project, monkeypatch, order
):
    monkeypatch.setenv("SITE_URL", SITE_URL)
    path = project / "mkdocs.yml"
    text = path.read_text("utf-8")
    listed = re.search(r"(?m)^hooks:\n((?:  (?:- .*|#.*)\n)+)", text)
    hooks = [line for line in listed.group(1).splitlines() if line.startswith("  - ")]
    assert len(hooks) >= 5, hooks
    if order == "reversed":
        text = text.replace(listed.group(1), "\n".join(reversed(hooks)) + "\n")
        path.write_text(text, "utf-8")
    config = load_config(str(path))
    try:
        for event, (_, first) in ORDER.items():
            assert _hook_files(config, event)[0] == first, (event, _hook_files(config, event))
        for event, last in LAST.items():
            assert _hook_files(config, event)[-1] == last, (event, _hook_files(config, event))
    finally:
        config.plugins.on_shutdown()


UNREPORTED = {("languages.py", "on_build_error")}
"""on_build_error runs once the build has already failed."""


def test_every_hook_event_reports_a_problem_in_one_line():
    unwrapped = []
    for path in sorted((ROOT / "hooks").glob("*.py")):
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("on_"):
                decorators = [ast.unparse(each) for each in node.decorator_list]
                if "reported" not in decorators:
                    unwrapped.append((path.name, node.name))
    assert sorted(unwrapped) == sorted(UNREPORTED)
