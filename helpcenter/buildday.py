"""The day a build stands for: one clock for every part of the project (pages, catalogs,
estimates, checks), in UTC, fixed by ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def build_day() -> date:
    """The day the build stands for: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return datetime.now(tz=UTC).date()
