"""When each file last changed, from git history.

A build from a source archive has no history: it gets no dates and still builds.
Dates come from commits, never from the clock, so two builds of a commit match.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path


def last_changes(root: Path, paths: Sequence[str]) -> dict[str, date]:
    """The day of the last commit touching each file under ``paths`` (relative to ``root``)."""
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%ct", "--name-only", "--no-renames", "--", *paths],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if log.returncode != 0:
        return {}
    changes: dict[str, date] = {}
    for commit in log.stdout.split("\0")[1:]:
        stamp, *names = commit.strip().splitlines()
        day = datetime.fromtimestamp(int(stamp), tz=UTC).date()
        for name in filter(None, names):
            changes.setdefault(name, day)
    return changes
