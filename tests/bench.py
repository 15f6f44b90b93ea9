"""Build benchmark of the bilingual help center (not a test: pytest does not collect it).

    .venv/bin/python tests/bench.py [--runs N] [--quick] [--timeout S] [--budget S]

Everything runs on copies of the project (mkdocs.yml, mkdocs.en.yml, docs, data, hooks,
overrides, helpcenter) in a temporary folder that is removed at the end; the project's own
files and site/ are never touched. The hooks are used as they are.

What it measures:

1. Full build: ``python -m mkdocs build --strict`` (both languages) in a subprocess,
   wall time, median and spread (min-max) of N runs.
2. Share of the build spent in our hooks: one in-process build
   (``build(load_config(...))``) under cProfile. Hooks time is the sum of the cumulative
   times of every event function (``on_*``) defined in hooks/*.py; helpers they call are
   already inside those times, so they are not added again. The ``on_post_build`` of
   hooks/languages.py is left out, because its cumulative time is the whole English build
   it runs; the English build's own hook calls are counted instead (cProfile sees them as
   further calls of the same functions). Reported as hooks time / profiled build time.
3. ``mkdocs serve`` rebuild: the server runs on a free port; after the first build is
   served, each edit (a blank line appended to docs/es/help.md, or a comment line appended
   to data/models.yml) is timed from the edit to the second "Documentation built in" line
   of the rebuild on the server's stderr (the English build, nested, logs first; the
   Spanish one, which contains it, ends the rebuild). MkDocs drops a log message it has
   already logged once in the process (its DuplicateFilter), so a rebuild whose duration
   repeats an earlier one to the hundredth logs fewer lines; the server's "Reloading
   browsers" line, logged as soon as the build returns, then ends the rebuild instead.
   Median over several edits.
4. The build and the serve rebuild after a catalog edit again with synthetic catalogs 10x
   and 100x larger (models and errors copied with unique ids, slugs and (status, code)
   pairs), and whether build time grows no faster than the catalog: the ratio of the time
   increase to the size increase must be at most 1.
5. Transfer size of the heaviest page: gzip size (level 6) of each built HTML page plus
   the gzip sizes of the local stylesheets and scripts it references.

A build or rebuild that takes longer than --timeout is stopped and reported as such;
repeated runs of one figure stop early once they have used --budget seconds (at least
one run). --quick: 2 runs and only the 10x catalog.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import gzip
import itertools
import logging
import os
import platform
import pstats
import queue
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "mkdocs.en.yml", "docs", "data", "hooks", "overrides", "helpcenter")
PAGE_EDITED = "docs/es/help.md"
CATALOG_EDITED = "data/models.yml"
BUILT_IN = "Documentation built in"
RELOADED = "Reloading browsers"
DETECTED = "Detected file changes"
SERVING = "Serving on"
HOOKS_SHARE_TARGET = 2.0  # percent
REBUILD_TARGET = 1.5  # seconds
GZIP_LEVEL = 6


# ---------------------------------------------------------------- small helpers


class TimedOut(Exception):
    """A build or rebuild took longer than ``limit`` seconds."""

    def __init__(self, what: str, limit: float):
        super().__init__(f"{what} > {limit:.0f} s")
        self.limit = limit


@dataclass
class Row:
    figure: str
    value: str
    target: str = "-"
    met: str = "-"


def yes_no(condition: bool) -> str:
    return "yes" if condition else "NO"


def summary(times: list[float]) -> str:
    """'2.13 s (2.10-2.20, 5 runs)'."""
    runs = f"{len(times)} run{'s' if len(times) != 1 else ''}"
    if len(times) == 1:
        return f"{times[0]:.2f} s ({runs})"
    return f"{statistics.median(times):.2f} s ({min(times):.2f}-{max(times):.2f}, {runs})"


def repeat(measure, runs: int, budget: float) -> list[float]:
    """Up to ``runs`` results of ``measure()``, stopping once ``budget`` seconds are spent."""
    results, start = [], time.monotonic()
    for _ in range(runs):
        results.append(measure())
        if time.monotonic() - start > budget:
            break
    return results


def mkdocs_env(tmp: Path) -> dict[str, str]:
    """The environment of every MkDocs subprocess; its temporary files go under ``tmp``."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1", "TMPDIR": str(tmp)}


def kilobytes(size: int) -> str:
    return f"{size / 1024:.1f} KB"


# ---------------------------------------------------------------- project copies


def copy_project(dest: Path) -> Path:
    """Copy the parts of the project a build reads into ``dest``."""
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=ignore)
        else:
            shutil.copy2(source, dest / part)
    return dest


def read_catalog(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def write_catalog(path: Path, data: dict) -> None:
    header = f"# yaml-language-server: $schema={path.stem}.schema.json\n"
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    path.write_text(header + body, encoding="utf-8")


def model_copy(model: dict, number: int) -> dict:
    """Copy ``number`` of a model: its own id, the same replacement, never recommended."""
    twin = copy.deepcopy(model)
    twin["id"] = f"{model['id']}-x{number}"
    twin["name"] = f"{model['name']} x{number}"
    twin.pop("recommended", None)
    return twin


def error_copy(error: dict, number: int) -> dict:
    """Copy ``number`` of an error: its own slug and code, related to the same copy's errors."""
    twin = copy.deepcopy(error)
    twin["slug"] = f"{error['slug']}-x{number}"
    if error["code"] is not None:
        twin["code"] = f"{error['code']}_x{number}"
    twin["title"] = {lang: f"{title} (x{number})" for lang, title in error["title"].items()}
    twin["related"] = [f"{slug}-x{number}" for slug in error["related"]]
    return twin


def multiply_catalogs(project: Path, factor: int) -> tuple[int, int]:
    """Make data/models.yml and data/errors.yml ``factor`` times larger; their new sizes."""
    models_path, errors_path = project / "data/models.yml", project / "data/errors.yml"
    models, errors = read_catalog(models_path), read_catalog(errors_path)
    originals = list(models["models"]), list(errors["errors"])
    for number in range(1, factor):
        models["models"] += [model_copy(model, number) for model in originals[0]]
        errors["errors"] += [error_copy(error, number) for error in originals[1]]
    write_catalog(models_path, models)
    write_catalog(errors_path, errors)
    return len(models["models"]), len(errors["errors"])


def catalog_sizes(project: Path) -> tuple[int, int]:
    return (
        len(read_catalog(project / "data/models.yml")["models"]),
        len(read_catalog(project / "data/errors.yml")["errors"]),
    )


# ---------------------------------------------------------------- 1. full build


def timed_build(project: Path, site_dir: Path, tmp: Path, timeout: float) -> float:
    """Wall time of ``mkdocs build --strict`` of ``project`` into ``site_dir``."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    start = time.monotonic()
    try:
        result = subprocess.run(
            command,
            cwd=project,
            env=mkdocs_env(tmp),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        raise TimedOut("build", timeout) from None
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed in {project}:\n{result.stdout}{result.stderr}")
    return elapsed


# ---------------------------------------------------------------- 2. hooks share


@dataclass
class HooksShare:
    hooks: float
    total: float
    calls: int
    by_event: dict[str, float]

    @property
    def percent(self) -> float:
        return 100 * self.hooks / self.total


def profiled_build(project: Path, site_dir: Path) -> pstats.Stats:
    """One in-process build of ``project`` under cProfile (its helpcenter package, not ours)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    sys.path.insert(0, str(project))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        config = load_config(
            config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True
        )
        profiler = cProfile.Profile()
        profiler.runcall(build, config)
    finally:
        sys.path.remove(str(project))
    helpcenter = sys.modules.get("helpcenter")
    if helpcenter is None or project.resolve() not in Path(helpcenter.__file__).resolve().parents:
        sys.exit(f"the profiled build did not use {project}/helpcenter")
    return pstats.Stats(profiler)


def hooks_share(stats: pstats.Stats, hooks_dir: Path) -> HooksShare:
    """Sum the cumulative time of the hook event functions (see the module docstring)."""
    hooks_dir = hooks_dir.resolve()
    hooks, calls, by_event = 0.0, 0, {}
    for (filename, _line, name), (_cc, ncalls, _tt, cumulative, _callers) in stats.stats.items():
        path = Path(filename)
        if path.parent.resolve() != hooks_dir or not name.startswith("on_"):
            continue
        if (path.name, name) == ("languages.py", "on_post_build"):
            continue
        hooks += cumulative
        calls += ncalls
        event = f"{path.stem}.{name}"
        by_event[event] = by_event.get(event, 0.0) + cumulative
    return HooksShare(hooks=hooks, total=stats.total_tt, calls=calls, by_event=by_event)


# ---------------------------------------------------------------- 3. serve rebuild


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def append_blank_line(path: Path) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write("\n")


def append_comment(path: Path) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(f"# bench edit {time.time_ns()}\n")


class Server:
    """``mkdocs serve`` of a project, its stderr read line by line, with arrival times.

    The log also says whether a rebuild is under way: from "Detected file changes" to
    "Reloading browsers". Edits are only made while the server is idle, so every rebuild
    timed is the one the edit caused, not one still running or started by an earlier edit.
    """

    def __init__(self, project: Path, tmp: Path, timeout: float):
        self.project, self.timeout = project, timeout
        self.port = free_port()
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.log: list[str] = []
        self.busy = True  # the first build
        self.rebuilds = self.ended_by_reload = 0
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=project,
            env=mkdocs_env(tmp),
            text=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stderr:
            self.log.append(line)
            self.lines.put((time.monotonic(), line))

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def next_line(self, timeout: float) -> tuple[float, str] | None:
        """The next log line and its arrival time (None after ``timeout`` s); tracks ``busy``."""
        try:
            arrived, line = self.lines.get(timeout=max(0.05, timeout))
        except queue.Empty:
            return None
        if "error happened during the rebuild" in line:
            sys.exit("mkdocs serve failed to rebuild:\n" + "".join(self.log[-30:]))
        if DETECTED in line:
            self.busy = True
        elif RELOADED in line or SERVING in line:
            self.busy = False
        return arrived, line

    def wait_until_served(self) -> None:
        """Poll the home page until the first build is served."""
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit("mkdocs serve stopped:\n" + "".join(self.log[-30:]))
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=5) as reply:
                    if reply.status == 200:
                        self.settle()
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise TimedOut("first serve build", self.timeout)

    def settle(self, quiet: float = 1.0) -> None:
        """Return once no rebuild is under way and the log has been quiet for ``quiet`` s."""
        deadline = time.monotonic() + self.timeout
        while self.next_line(quiet) is not None or self.busy:
            if time.monotonic() > deadline:
                raise TimedOut("rebuild", self.timeout)

    def rebuild_time(self, edit) -> float:
        """Seconds from ``edit()`` to the end of the rebuild it causes (module docstring)."""
        self.settle(0.3)
        start = time.monotonic()
        edit()
        deadline = start + self.timeout
        built = 0
        while True:
            got = self.next_line(deadline - time.monotonic())
            if got is None:
                raise TimedOut("rebuild", self.timeout)
            arrived, line = got
            if BUILT_IN in line:
                built += 1
                if built == 2:
                    break
            elif RELOADED in line:
                self.ended_by_reload += 1
                break
        self.rebuilds += 1
        self.settle()
        return arrived - start

    def stop(self) -> None:
        """Ctrl-C, so that serve removes its temporary site; killed if it does not stop."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@dataclass
class Rebuilds:
    times: dict[str, list[float] | str]
    """For each named edit, the rebuild times, or why they could not be measured."""
    count: int = 0
    ended_by_reload: int = 0
    """Rebuilds whose end was the "Reloading browsers" line (see the module docstring)."""


def serve_rebuilds(project, tmp, edits, runs, budget, timeout) -> Rebuilds:
    """Serve ``project`` and time the rebuilds after each named edit, ``runs`` times."""
    results: dict[str, list[float] | str] = {}
    with Server(project, tmp, timeout) as server:
        try:
            server.wait_until_served()
        except TimedOut as error:
            return Rebuilds({name: str(error) for name in edits})
        for name, edit in edits.items():
            try:
                results[name] = repeat(lambda edit=edit: server.rebuild_time(edit), runs, budget)
            except TimedOut as error:
                results[name] = str(error)
                print(f"  {name} edit: {error}; serve's log ends with:", file=sys.stderr)
                print("".join(server.log[-12:]), file=sys.stderr)
    return Rebuilds(results, server.rebuilds, server.ended_by_reload)


# ---------------------------------------------------------------- 5. page weight


class AssetLinks(HTMLParser):
    """The stylesheets (<link rel=stylesheet href>) and scripts (<script src>) of a page."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def local_file(url: str, page: Path, site: Path) -> Path | None:
    """The built file a page's URL points to; None for other hosts."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    base = site if parts.path.startswith("/") else page.parent
    return (base / parts.path.lstrip("/")).resolve()


@dataclass
class PageWeight:
    page: str
    html: int
    total: int


def page_weights(site: Path) -> list[PageWeight]:
    """Every built HTML page: gzip size of its HTML, and of its HTML plus local CSS and JS."""
    asset_sizes: dict[Path, int] = {}
    weights = []
    for page in sorted(site.rglob("*.html")):
        data = page.read_bytes()
        links = AssetLinks()
        links.feed(data.decode("utf-8"))
        total = html = gzip_size(data)
        for url in dict.fromkeys(links.urls):
            asset = local_file(url, page, site)
            if asset is None:
                continue
            if asset not in asset_sizes:
                if not asset.is_file():
                    sys.exit(f"{page.relative_to(site)} references {url}, which was not built")
                asset_sizes[asset] = gzip_size(asset.read_bytes())
            total += asset_sizes[asset]
        weights.append(PageWeight(str(page.relative_to(site)), html, total))
    return weights


def weight_rows(site: Path, label: str) -> list[Row]:
    weights = page_weights(site)
    heaviest = max(weights, key=lambda weight: weight.total)
    largest = max(weights, key=lambda weight: weight.html)
    return [
        Row(
            f"Heaviest page{label}, gzip HTML+CSS+JS ({len(weights)} pages)",
            f"{kilobytes(heaviest.total)}: {heaviest.page}",
        ),
        Row(f"Largest HTML{label}, gzip", f"{kilobytes(largest.html)}: {largest.page}"),
    ]


# ---------------------------------------------------------------- the figures


@dataclass
class SizeResult:
    factor: int
    models: int
    errors: int
    build: list[float]
    """Build times; empty if a build took longer than ``build_limit``."""
    build_limit: float | None
    rebuild: list[float] | str
    """Serve rebuild times after a catalog edit, or why there are none."""
    page_rebuild: list[float] | str | None = None
    """The same after a page edit (1x only)."""
    serve: Rebuilds | None = None


def rebuild_row(figure: str, times: list[float] | str) -> Row:
    if isinstance(times, str):
        return Row(figure, f"not measured ({times})", f"< {REBUILD_TARGET} s", "NO")
    median = statistics.median(times)
    return Row(figure, summary(times), f"< {REBUILD_TARGET} s", yes_no(median < REBUILD_TARGET))


def build_row(result: SizeResult) -> Row:
    what = f"{result.models} models, {result.errors} errors"
    value = summary(result.build) if result.build else f"> {result.build_limit:.0f} s (stopped)"
    return Row(f"Full build, {result.factor}x catalog ({what})", value)


def growth_row(small: SizeResult, large: SizeResult) -> Row:
    """Time increase over size increase between two catalog sizes: at most 1 is linear."""
    size_ratio = large.factor / small.factor
    figure = f"Build time growth {small.factor}x -> {large.factor}x catalog"
    target = "time ratio / size ratio <= 1"
    if not small.build:
        return Row(figure, "not measured", target, "-")
    small_time = statistics.median(small.build)
    if not large.build:
        bound = large.build_limit / small_time
        if bound > size_ratio:
            return Row(figure, f"time x>{bound:.1f} for size x{size_ratio:.0f}", target, "NO")
        value = f"time x>{bound:.1f} for size x{size_ratio:.0f} (stopped too early to tell)"
        return Row(figure, value, target, "?")
    time_ratio = statistics.median(large.build) / small_time
    value = f"time x{time_ratio:.1f} for size x{size_ratio:.0f} ({time_ratio / size_ratio:.2f})"
    return Row(figure, value, target, yes_no(time_ratio <= size_ratio))


def measure_size(project, tmp, factor, args) -> tuple[SizeResult, Path | None]:
    """Build times and catalog-edit rebuild times of one catalog size; the built site."""
    models, errors = catalog_sizes(project)
    site = tmp / f"site-{factor}x"
    print(f"  {factor}x: building ({models} models, {errors} errors)", file=sys.stderr)
    try:
        builds = repeat(
            lambda: timed_build(project, site, tmp, args.timeout), args.runs, args.budget
        )
    except TimedOut as error:
        skipped = f"skipped: a build takes > {error.limit:.0f} s"
        return SizeResult(factor, models, errors, [], error.limit, skipped, skipped), None
    edits = {"catalog": lambda: append_comment(project / CATALOG_EDITED)}
    if factor == 1:
        edits = {"page": lambda: append_blank_line(project / PAGE_EDITED), **edits}
    print(f"  {factor}x: serve rebuilds", file=sys.stderr)
    rebuilds = serve_rebuilds(project, tmp, edits, args.runs, args.budget, args.timeout)
    result = SizeResult(
        factor,
        models,
        errors,
        builds,
        None,
        rebuilds.times["catalog"],
        rebuilds.times.get("page"),
        rebuilds,
    )
    return result, site


def measure_hooks(project: Path, tmp: Path) -> tuple[Row, HooksShare]:
    print("  1x: profiling one in-process build", file=sys.stderr)
    share = hooks_share(profiled_build(project, tmp / "site-profiled"), project / "hooks")
    value = f"{share.percent:.1f} % ({share.hooks:.2f} s of {share.total:.2f} s profiled)"
    row = Row(
        "Hooks share of build time (cProfile)",
        value,
        f"< {HOOKS_SHARE_TARGET:g} %",
        yes_no(share.percent < HOOKS_SHARE_TARGET),
    )
    return row, share


def growth_rows(sizes: list[SizeResult]) -> list[Row]:
    """1x -> 10x, then 1x -> 100x and 10x -> 100x."""
    rows = []
    for small, large in itertools.pairwise(sizes):
        if small.factor > 1:
            rows.append(growth_row(sizes[0], large))
        rows.append(growth_row(small, large))
    return rows


def hooks_note(share: HooksShare) -> str:
    top = sorted(share.by_event.items(), key=lambda item: -item[1])[:4]
    return f"Hooks time by event ({share.calls} calls, both languages): " + ", ".join(
        f"{event} {seconds:.2f} s" for event, seconds in top
    )


def rebuilds_note(sizes: list[SizeResult]) -> str:
    served = [result.serve for result in sizes if result.serve]
    count = sum(serve.count for serve in served)
    by_reload = sum(serve.ended_by_reload for serve in served)
    return (
        f'Serve rebuilds timed: {count}; {by_reload} of them ended by "{RELOADED}" because '
        f'MkDocs dropped a repeated "{BUILT_IN} ..." line'
    )


def run(args) -> tuple[list[Row], list[str]]:
    """Measure every figure on copies in a temporary folder; the table's rows and notes."""
    with tempfile.TemporaryDirectory(prefix="helpcenter-bench-") as name:
        tmp = Path(name)
        base = copy_project(tmp / "project-1x")
        measured = [measure_size(base, tmp, 1, args)]
        hooks_row, share = measure_hooks(base, tmp)
        for factor in args.factors:
            project = copy_project(tmp / f"project-{factor}x")
            multiply_catalogs(project, factor)
            measured.append(measure_size(project, tmp, factor, args))

        (base_result, base_site), sizes = measured[0], [result for result, _site in measured]
        rows = [
            build_row(base_result),
            hooks_row,
            rebuild_row("Serve rebuild after a page edit, 1x", base_result.page_rebuild),
            rebuild_row("Serve rebuild after a catalog edit, 1x", base_result.rebuild),
        ]
        for result in sizes[1:]:
            rows.append(build_row(result))
            figure = f"Serve rebuild after a catalog edit, {result.factor}x"
            rows.append(rebuild_row(figure, result.rebuild))
        rows += growth_rows(sizes)
        if base_site is not None:
            rows += weight_rows(base_site, "")
        for result, site in measured[1:]:
            if site is not None:
                rows += weight_rows(site, f", {result.factor}x")[:1]
    return rows, [hooks_note(share), rebuilds_note(sizes)]


# ---------------------------------------------------------------- report


def print_table(rows: list[Row]) -> None:
    header = Row("figure", "value", "target", "met?")
    table = [header, *rows]
    fields = ("figure", "value", "target")
    widths = [max(len(getattr(row, field)) for row in table) for field in fields]

    def line(row: Row) -> str:
        cells = [
            getattr(row, field).ljust(width) for field, width in zip(fields, widths, strict=False)
        ]
        return " | ".join([*cells, row.met])

    print(line(header))
    print("-+-".join("-" * width for width in [*widths, 4]))
    for row in rows:
        print(line(row))


def print_environment(load_at_start: float) -> None:
    print(
        f"Python {platform.python_version()}, MkDocs {version('mkdocs')}, "
        f"Material {version('mkdocs-material')}, {os.cpu_count()} cores ({platform.machine()}); "
        f"load average {load_at_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="builds and edits per figure (5)")
    parser.add_argument("--quick", action="store_true", help="2 runs, only the 10x catalog")
    parser.add_argument(
        "--timeout",
        type=float,
        default=240,
        help="longest allowed build or rebuild, in seconds (240)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=90,
        help="stop repeating a figure after this many seconds (90)",
    )
    args = parser.parse_args()
    if args.quick:
        args.runs = 2
    args.runs = max(1, args.runs)
    args.factors = [10] if args.quick else [10, 100]
    return args


def main() -> None:
    args = parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    start, load_at_start = time.monotonic(), os.getloadavg()[0]
    rows, notes = run(args)
    print_table(rows)
    print()
    for note in notes:
        print(note)
    print_environment(load_at_start)
    print(f"Benchmark ran in {time.monotonic() - start:.0f} s")


if __name__ == "__main__":
    main()
