"""Catalogs validated once per content, for every language's build and every rebuild.

Each language is built by a process of its own, and `mkdocs serve` rebuilds after every
edit, so without a cache each of them would parse and validate the same catalog again.
A catalog's validated data is kept under a key made of the bytes of everything its
validation reads (the catalog and the code that defines and checks its shape): in memory for
the life of a process, and in ``.cache/helpcenter/`` beside ``data/`` so that the other
languages' processes, started a moment later, find it too. Any change to any of those
bytes is a new key, so a stale entry is never used; a catalog that fails validation is
never stored, so its error is reported by every build.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
FOLDER = Path(".cache") / "helpcenter"
_KEEP = 8
_memory: dict[str, object] = {}
"""Validated data by key. Its values are immutable facts of files' content, never state
of one build, so sharing them between builds in one process is safe."""


def key(parts: Sequence[bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def cached(
    name: str, inputs: Sequence[Path], code: Sequence[Path], folder: Path, compute: Callable[[], T]
) -> T:
    """``compute()``, or what it returned before for the same bytes of ``inputs`` and ``code``.

    ``folder`` holds the on-disk copies (``<project>/.cache/helpcenter``); ``name`` names
    the entry's files there. A missing input is left to ``compute`` to report.
    """
    try:
        parts = [path.read_bytes() for path in (*inputs, *code)]
    except OSError:
        return compute()
    return cached_value(name, parts, folder, compute)


def cached_value(name: str, parts: Sequence[bytes], folder: Path, compute: Callable[[], T]) -> T:
    """``compute()``, or what it returned before for the same ``parts`` (the bytes of
    everything it reads), kept as :func:`cached` keeps it."""
    entry = f"{name}-{key(parts)}"
    if entry in _memory:
        return _memory[entry]
    stored = folder / f"{entry}.pickle"
    value = _read(stored)
    if value is _MISSING:
        value = compute()
        _store(folder, name, stored, value)
    _memory[entry] = value
    while len(_memory) > _KEEP:
        _memory.pop(next(iter(_memory)))
    return value


_MISSING = object()


def _read(stored: Path) -> object:
    try:
        return pickle.loads(stored.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return _MISSING


def _store(folder: Path, name: str, stored: Path, value: object) -> None:
    """Write atomically (another language's process may be reading) and drop older entries."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{name}-*.pickle"):
            if old != stored:
                old.unlink(missing_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, stored)
    except OSError:
        pass  # a read-only project still builds, only without the shared copy
