"""Every other language's build, each in a process of its own, beside the primary build.

One object, ``OtherLanguages``, per primary build (``mkdocs.yml``): ``start`` starts one
process per other language as soon as the primary build knows its configuration, ``wait``
awaits them when its own pages are written (or, ``sequential``, builds them one after the
other then), ``stop`` ends them when the primary build fails. A full build takes about as
long as the slowest language. Each process is a fresh interpreter: it reads the current code
of ``hooks/`` and ``helpcenter/`` and shares no module state with any other language. Under
``mkdocs serve`` every rebuild builds every language again, as ``mkdocs build`` does.

A process writes into a folder of its own beside the site (``site.en.partial``, for
``site/en``) that replaces the language's folder only when it succeeded.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from helpcenter.problems import ContentError

OTHERS = "HELPCENTER_OTHER_LANGUAGES"
"""How the primary build builds the other languages: ``parallel`` (the default), each in
its own process beside the primary build; ``sequential``, one after the other once the
primary build is done; ``none``, not at all (a quick preview of the primary language)."""
MODES = ("parallel", "sequential", "none")
_RECORD = re.compile(r"^(?P<level>DEBUG|INFO|WARNING|ERROR)\s+-\s+")
"""The start of a line MkDocs logs (``WARNING -  …``); other lines continue the previous one."""


def mode() -> str:
    """The mode ``HELPCENTER_OTHER_LANGUAGES`` asks for."""
    chosen = os.environ.get(OTHERS) or "parallel"
    if chosen not in MODES:
        raise ContentError(f"{OTHERS}={chosen!r}: expected one of {', '.join(MODES)}")
    return chosen


@dataclass
class LanguageBuild:
    code: str
    config_file: Path
    site_dir: Path
    """Where the language's pages belong (``site/en``)."""
    target: Path
    """Where the process writes them."""
    process: subprocess.Popen
    log: object
    """The process's output, a temporary file (a pipe could fill up and stall it)."""


@dataclass(frozen=True)
class Outcome:
    code: str
    lines: list[str]
    """What the build printed, less its error lines."""
    problem: str | None
    """The build's error, one line per error it reported; None when it succeeded."""


def command(
    engine: str,
    config_file: Path,
    target: Path,
    *,
    strict: bool,
    dirty: bool,
    verbosity: str | None,
) -> list[str]:
    """The command line that builds one language as the primary build was asked to."""
    line = [sys.executable, "-m", engine, "build", "-f", str(config_file), "-d", str(target)]
    if strict:
        line.append("--strict")
    if dirty:
        line.append("--dirty")
    if verbosity == "verbose":
        line.append("--verbose")
    elif verbosity == "quiet":
        line.append("--quiet")
    return line


@dataclass(frozen=True)
class Request:
    """How the primary build was asked for, passed on to every other language's build."""

    engine: str
    """``mkdocs`` (or a fork of it, ``properdocs``): the module that runs the builds."""
    strict: bool
    verbosity: str | None
    """``verbose``, ``quiet`` or None."""
    env: Mapping[str, str]
    """Variables the language's process gets besides this process's own."""


@dataclass(frozen=True)
class OtherLanguage:
    code: str
    config_file: Path
    """``mkdocs.<code>.yml``."""
    site_dir: Path
    """Where its pages belong (``site/en``)."""


def start(language: OtherLanguage, request: Request) -> LanguageBuild:
    """Start the build of one language in a process of its own."""
    site_root = language.site_dir.parent
    target = site_root.with_name(f"{site_root.name}.{language.code}.partial")
    shutil.rmtree(target, ignore_errors=True)
    line = command(
        request.engine,
        language.config_file,
        target,
        strict=request.strict,
        dirty=False,
        verbosity=request.verbosity,
    )
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 (closed by finish)
    process = subprocess.Popen(
        line,
        cwd=language.config_file.parent,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, **request.env},
    )
    return LanguageBuild(
        language.code, language.config_file, language.site_dir, target, process, log
    )


class OtherLanguages:
    """The other languages' builds of one primary build, as ``mode`` says: ``start`` them,
    ``wait`` for their outcomes, or ``stop`` them."""

    def __init__(self, mode: str, languages: Sequence[OtherLanguage], request: Request):
        self.mode = mode
        self.languages = tuple(languages) if mode != "none" else ()
        self.request = request
        self._running: list[LanguageBuild] = []

    def start(self) -> None:
        """In parallel mode, start every language's process (sequential mode starts them in
        ``wait``)."""
        if self.mode == "parallel":
            self._running = [start(language, self.request) for language in self.languages]

    def wait(self) -> list[Outcome]:
        """Every language's outcome, once its build is over: its pages then take their place
        in the site."""
        if self.mode == "sequential":
            return [finish(start(language, self.request)) for language in self.languages]
        running, self._running = self._running, []
        return [finish(build) for build in running]

    def stop(self) -> None:
        """End the builds still running and drop their output (the primary build failed)."""
        running, self._running = self._running, []
        stop(running)


def finish(build: LanguageBuild) -> Outcome:
    """Wait for the build; on success its pages take the language's place in the site."""
    returncode = build.process.wait()
    build.log.seek(0)
    lines = build.log.read().splitlines()
    build.log.close()
    errors, kept = _errors(lines)
    if returncode != 0:
        if build.target != build.site_dir:
            shutil.rmtree(build.target, ignore_errors=True)
        if errors:
            return Outcome(build.code, kept, "\n".join(errors))
        last = next((line for line in reversed(lines) if line.strip()), f"exit status {returncode}")
        return Outcome(build.code, kept, f"{build.config_file.name}: {last.strip()}")
    if build.target != build.site_dir:
        shutil.rmtree(build.site_dir, ignore_errors=True)
        build.target.replace(build.site_dir)
    return Outcome(build.code, lines, None)


def _errors(lines: list[str]) -> tuple[list[str], list[str]]:
    """The build's error messages (a message may go on over several lines) and the rest."""
    errors: list[str] = []
    kept: list[str] = []
    in_error = False
    for line in lines:
        record = _RECORD.match(line)
        if record:
            in_error = record["level"] == "ERROR"
        elif line.startswith("Aborted with") or not line.strip():
            in_error = False
        if in_error:
            errors.append(line[record.end() :].strip() if record else line.strip())
        else:
            kept.append(line)
    return errors, kept


def stop(builds: Sequence[LanguageBuild]) -> None:
    """End builds that are no longer wanted (the primary build failed) and drop their output."""
    for build in builds:
        if build.process.poll() is None:
            build.process.kill()
            build.process.wait()
        build.log.close()
        if build.target != build.site_dir:
            shutil.rmtree(build.target, ignore_errors=True)


def code_version(folders: Sequence[Path]) -> tuple:
    """What changes when any Python file under ``folders`` changes, is added or removed."""
    version = []
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            try:
                status = path.stat()
            except OSError:
                continue
            version.append((str(path), status.st_mtime_ns, status.st_size))
    return tuple(version)
