"""Fails unless a pytest JUnit report shows browser tests that ran and passed.

``.ci/run`` calls it after the tests: a run where Chromium was missing, or where every
browser test was skipped or deselected, must not pass CI.

    python tests/ran_browser_tests.py report.xml
"""

from __future__ import annotations

import sys
from xml.etree import ElementTree


def passed_browser_tests(report: str) -> int:
    """How many test cases of ``tests/browser/`` passed (no failure, error or skip)."""
    passed = 0
    for case in ElementTree.parse(report).getroot().iter("testcase"):
        if ".browser." not in f".{case.get('classname', '')}":
            continue
        if not any(case.find(outcome) is not None for outcome in ("failure", "error", "skipped")):
            passed += 1
    return passed


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    count = passed_browser_tests(argv[1])
    if count == 0:
        print(f"{argv[1]}: no browser test passed; CI needs Chromium and tests/browser/")
        return 1
    print(f"browser tests passed: {count}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
