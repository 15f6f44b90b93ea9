"""The message patterns errors.json publishes, which the product runs in Python and JavaScript
on whatever text it is given: safe by construction, and timed on hostile 50 KB inputs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from helpcenter.catalog import errors
from helpcenter.publish import errorlinks
from support import LANGUAGES, ROOT

NODE = Path("/usr/bin/node")
SIZE = 50_000
LIMIT = 0.25
"""Seconds one pattern may take on one 50 KB input; linear matching takes a few ms."""
HOSTILE_MESSAGES = (
    "Key sk-a-b-c-d-e-f-1 rejected at 2026-12-06 10:20:30:40 for org-a-b-c-9 on x-1-y-2-z-3",
    "Bad gpt-4o-mini-2024-07-18:ft-acme:v-1:x-2 id req_0123456789abcdef0123 at a:1:b:2:c:3",
)
"""Messages full of dashes and colons, as an editor could add to data/errors.yml."""


def parts(pattern: str) -> list[str]:
    """A published pattern's parts: ``\\S+``, an escaped character or a literal one."""
    return re.findall(r"\\S\+|\\.|.", pattern.strip("^$"), re.S)


def adversarial(pattern: str) -> list[str]:
    """50 KB texts that almost match: for each ``\\S+``, the text before it as the pattern
    reads it, then a run of a letter, a digit and the character the pattern wants next
    (``a1-a1-…``, which ``\\S+-\\S+-\\S+`` could split in countless ways), then a
    character where no pattern goes on."""
    pieces = parts(pattern)
    texts = ["-" * SIZE + "\x00", "a1-:" * (SIZE // 4) + "\x00"]
    for at, piece in enumerate(pieces):
        if piece != r"\S+":
            continue
        before = "".join("a" if p == r"\S+" else p[-1] for p in pieces[:at])
        following = pieces[at + 1][-1] if at + 1 < len(pieces) else ":"
        run = ("a1" + following) * (SIZE // 3)
        texts.append((before + run)[:SIZE] + "\x00")
    return texts


def published_patterns() -> list[str]:
    catalog = errors.load_errors(ROOT / "data", ROOT / "docs", list(LANGUAGES))
    data = json.loads(errorlinks.errors_json(catalog, {"en": "https://h.example/en/"}))
    patterns = [pattern for entry in data["errors"] for pattern in entry["patterns"]]
    return patterns + [errorlinks.message_pattern(message) for message in HOSTILE_MESSAGES]


def test_a_word_holding_a_variable_becomes_one_part_followed_by_a_space_or_the_end():
    assert errorlinks.message_pattern("Key sk-a-1-b at 10:20:30 for org-x-9-y-2.") == (
        r"^Key \S+ at \S+ for \S+$"
    )
    assert errorlinks.message_pattern("Limit 30000, see (TPM): https://x.example/a-b.") == (
        r"^Limit \S+ see \(TPM\): \S+$"
    )


def test_no_two_adjacent_parts_of_a_published_pattern_can_match_the_same_text():
    for pattern in published_patterns():
        pieces = parts(pattern)
        for before, after in pairwise(pieces):
            if before == r"\S+":
                assert after.isspace(), (pattern, before, after)


PYTHON_RUNNER = """
import json, re, sys, time
worst = 0.0
for pattern, texts in json.load(sys.stdin):
    compiled = re.compile(pattern)
    for text in texts:
        start = time.perf_counter()
        compiled.search(text)
        worst = max(worst, time.perf_counter() - start)
print(worst)
"""

NODE_RUNNER = """
const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
let worst = 0;
for (const [pattern, texts] of cases) {
  const compiled = new RegExp(pattern);
  for (const text of texts) {
    const start = process.hrtime.bigint();
    compiled.test(text);
    worst = Math.max(worst, Number(process.hrtime.bigint() - start) / 1e9);
  }
}
console.log(worst);
"""


@pytest.mark.parametrize("engine", ["python", "node"])
def test_every_published_pattern_runs_in_linear_time_on_hostile_50_kb_texts(engine):
    if engine == "node" and not NODE.is_file():
        pytest.skip("node is not installed")
    cases = [(pattern, adversarial(pattern)) for pattern in published_patterns()]
    command = [sys.executable, "-c", PYTHON_RUNNER] if engine == "python" else [str(NODE)]
    stdin = json.dumps(cases)
    if engine == "node":
        command += ["-e", NODE_RUNNER]
    try:
        result = subprocess.run(
            command, input=stdin, capture_output=True, text=True, timeout=30, check=True
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{engine}: a published pattern ran for more than 30 s on a 50 KB text")
    assert float(result.stdout) < LIMIT, f"{engine}: slowest match took {result.stdout.strip()} s"
