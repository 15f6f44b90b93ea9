"""What every check returns: problems, each naming a file and a line."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor has to fix (``error``) or should look at (``warning``).

    ``file`` is relative to the project (``docs/es/billing.md``) and ``line`` counts from 1;
    it is ``None`` only when the problem is about the file as a whole.
    """

    file: str
    line: int | None
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        label = "warning: " if self.severity == WARNING else ""
        return f"{where}: {label}{self.message}"


def wanted(path: str, files: frozenset[str] | None) -> bool:
    """Whether ``path`` is one of the files a run is limited to (all of them when ``None``)."""
    return files is None or path in files
