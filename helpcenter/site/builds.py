"""Every other language's build, each in a process of its own, beside the primary build.

The primary build (``mkdocs.yml``) starts one process per other language as soon as it
knows its configuration and awaits them when its own pages are written, so a full build
takes about as long as the slowest language. Each process is a fresh interpreter: it reads
the current code of ``hooks/`` and ``helpcenter/`` (which the serving process keeps
imported) and shares no module state with any other language.

Under ``mkdocs serve``, each language's process for the next rebuild is started as soon
as a build is done and waits, its imports done (helpcenter.site.prestart), so a rebuild
does not wait for a fresh interpreter.

A process writes into a folder of its own beside the site (``site.en.partial``, for ``site/en``) that
replaces the language's folder only when it succeeded; a ``--dirty`` build writes in
place, since it needs the previous output.
"""

from __future__ import annotations

import json
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


def start(
    code: str,
    engine: str,
    config_file: Path,
    site_dir: Path,
    *,
    strict: bool,
    dirty: bool,
    verbosity: str | None,
    env: Mapping[str, str],
    prestarted: bool = False,
) -> LanguageBuild:
    """Start the build of one language; with ``prestarted`` (``mkdocs serve``), in the
    process waiting for it (``prestart``), if there is one."""
    site_root = site_dir.parent
    target = site_dir if dirty else site_root.with_name(f"{site_root.name}.{code}.partial")
    if not dirty:
        shutil.rmtree(target, ignore_errors=True)
    line = command(engine, config_file, target, strict=strict, dirty=dirty, verbosity=verbosity)
    waiting = _waiting.pop((code, engine, config_file), None) if prestarted else None
    if waiting is not None and waiting[0].poll() is None:
        process, log = waiting
        try:
            process.stdin.write(json.dumps({"args": line[3:], "env": dict(env)}) + "\n")
            process.stdin.close()
            return LanguageBuild(code, config_file, site_dir, target, process, log)
        except OSError:
            process.kill()
            process.wait()
            log.close()
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 (closed by finish)
    process = subprocess.Popen(
        line,
        cwd=config_file.parent,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, **env},
    )
    return LanguageBuild(code, config_file, site_dir, target, process, log)


_waiting: dict[tuple, tuple[subprocess.Popen, object]] = {}
"""Each language's process waiting for its next build (``prestart``), with its log."""


def prestart(code: str, engine: str, config_file: Path, env: Mapping[str, str]) -> None:
    """Start the process that will run the next build of a language (``start`` with
    ``prestarted``), unless one is waiting already."""
    key = (code, engine, config_file)
    waiting = _waiting.get(key)
    if waiting is not None and waiting[0].poll() is None:
        return
    log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 (closed by finish)
    process = subprocess.Popen(
        [sys.executable, "-m", "helpcenter.site.prestart", engine],
        cwd=config_file.parent,
        stdin=subprocess.PIPE,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, **env},
        text=True,
    )
    _waiting[key] = (process, log)


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
