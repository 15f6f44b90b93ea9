"""``python -m helpcenter.checks [names…] [--files PATH…]``: run the content checks.

Prints one line per problem (``docs/es/billing.md:12: unknown word 'credto' (es)``) and
exits with 1 when any check found an error; warnings are printed but pass. Without names,
every check runs; ``--files`` limits them to those files (as pre-commit passes them).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from helpcenter.checks import CHECKS, ERROR, run_checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpcenter.checks",
        description="Content checks of the help center. Checks: "
        + "; ".join(f"{name}: {summary}" for name, (_, summary) in CHECKS.items()),
    )
    parser.add_argument("names", nargs="*", metavar="check", help="checks to run (default: all)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: .)")
    parser.add_argument(
        "--files",
        nargs="*",
        metavar="PATH",
        help="limit the checks to these files (project-relative)",
    )
    arguments = parser.parse_args(argv)
    unknown = [name for name in arguments.names if name not in CHECKS]
    if unknown:
        parser.error(f"unknown check(s) {', '.join(unknown)}; known: {', '.join(CHECKS)}")
    root = arguments.root.resolve()
    files = None
    if arguments.files is not None:
        files = [_relative(path, root) for path in arguments.files]

    failed = False
    for name in arguments.names or list(CHECKS):
        started = time.perf_counter()
        problems = run_checks([name], root, files)[name]
        errors = sum(problem.severity == ERROR for problem in problems)
        warnings = len(problems) - errors
        for problem in problems:
            print(problem)
        elapsed = time.perf_counter() - started
        verdict = "ok" if not problems else f"{errors} error(s), {warnings} warning(s)"
        print(f"{name}: {verdict} ({elapsed:.1f}s)")
        failed = failed or errors > 0
    return 1 if failed else 0


def _relative(path: str, root: Path) -> str:
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()


if __name__ == "__main__":
    sys.exit(main())
