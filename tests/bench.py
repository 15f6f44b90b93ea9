"""Build benchmark of the bilingual help center (not a test: pytest does not collect it).

    .venv/bin/python tests/bench.py [--runs N] [--quick] [--timeout S] [--budget S]

Everything runs on copies of the project (mkdocs.yml, mkdocs.en.yml, docs, data, hooks,
overrides, helpcenter) in a temporary folder that is removed at the end; the project's own
files and site/ are never touched. The hooks are used as they are.

What it measures:

1. Full build: ``python -m mkdocs build --strict`` (every language: the other languages in
   processes of their own, in parallel) in a subprocess, wall time, median and spread
   (min-max) of N runs; then each language built alone (the primary one with
   ``HELPCENTER_OTHER_LANGUAGES=none``, the others from their own ``mkdocs.<lang>.yml``) and
   all of them one after the other (``HELPCENTER_OTHER_LANGUAGES=sequential``). The full
   build should take at most 1.25 x the slowest language alone.
2. Share of the build spent in our hooks: each language built once in-process
   (``build(load_config(...))``, the primary one alone) under cProfile. Hooks time is the
   sum of the cumulative times of every event function (``on_*``) defined in hooks/*.py;
   helpers they call are already inside those times, so they are not added again.
   Reported as hooks time / profiled build time, all languages together. It runs after
   the builds of figure 1, so it finds the catalogs validated already in the project's
   ``.cache/helpcenter/``, as every serve rebuild and every language's process does.
3. ``mkdocs serve`` rebuild: the server runs on a free port; after the first build is
   served, each edit (a blank line appended to docs/es/help.md, or a comment line appended
   to data/models.yml) is timed from the edit to the primary build's "Documentation built
   in" line on the server's stderr (the other languages' lines, relayed before it, start
   with ``[<lang>]``). MkDocs drops a log message it has already logged once in the
   process (its DuplicateFilter), so a rebuild whose duration repeats an earlier one to the
   hundredth logs no such line; the server's "Reloading browsers" line, logged as soon as
   the build returns, then ends the rebuild instead. Median over several edits.
4. The build and the serve rebuild after a catalog edit again with synthetic catalogs 10x
   and 100x larger (models and errors copied with unique ids, slugs and (status, code)
   pairs), and whether the build time per page at 10x and 100x stays within 1.5 x the time
   per page at 1x (linear growth: a page costs the same however many there are).
5. Transfer size of the heaviest page: gzip size (level 6) of each built HTML page plus
   the gzip sizes of the local stylesheets and scripts it references (what a static host
   that compresses sends), the size of the largest search index, and of each language's
   llms-full.txt.
6. Lighthouse (npm package pinned in tests/lighthouse/package.json, installed there with
   ``npm install`` from its lock on first use) in its mobile configuration, with Debian's Chromium, on each
   page template (home, guide, models with the estimator, error page, 404) of every
   language, served by a local server that compresses like a static host (gzip): the
   median of 3 runs of each category score, and the spread of the performance score.
   Skipped, and said so, where Chromium or Node.js is missing.

The load average is sampled every second during the whole run and reported as median and
range: figures from a busy machine say so.

A build or rebuild that takes longer than --timeout is stopped and reported as such;
repeated runs of one figure stop early once they have used --budget seconds (at least
one run). --quick: 2 runs and only the 10x catalog.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import functools
import gzip
import http.server
import io
import json
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

from support import CHROMIUM, CHROMIUM_FLAGS

ROOT = Path(__file__).resolve().parent.parent
OTHERS = "HELPCENTER_OTHER_LANGUAGES"
"""helpcenter.site.builds.OTHERS; not imported, so that the profiled build imports the copy's package."""
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides", "helpcenter")
PAGE_EDITED = "docs/es/help.md"
CATALOG_EDITED = "data/models.yml"
BUILT_IN = "Documentation built in"
RELOADED = "Reloading browsers"
DETECTED = "Detected file changes"
SERVING = "Serving on"
HOOKS_SHARE_TARGET = 2.0  # percent
REBUILD_TARGET = 1.0  # seconds
PARALLEL_TARGET = 1.25  # full build / slowest language alone
PER_PAGE_TARGET = 1.5  # time per page at 10x or 100x / time per page at 1x
LIGHTHOUSE_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
LIGHTHOUSE_RUNS = 3
TEMPLATES = {
    "home": "",
    "guide": "create-api-key/",
    "models": "models/",
    "error page": "errors/insufficient-quota/",
    "404": "404.html",  # Lighthouse refuses a page served with status 404
}
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
    for part in [*PROJECT_PARTS, *(path.name for path in language_configs(ROOT))]:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=ignore)
        else:
            shutil.copy2(source, dest / part)
    return dest


def language_configs(project: Path) -> list[Path]:
    """``mkdocs.<lang>.yml`` of every language but the primary one."""
    return sorted(project.glob("mkdocs.*.yml"))


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


def timed_build(
    project: Path,
    site_dir: Path,
    tmp: Path,
    timeout: float,
    config: str = "mkdocs.yml",
    others: str = "parallel",
) -> float:
    """Wall time of ``mkdocs build --strict -f config`` of ``project`` into ``site_dir``."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config]
    command += ["--site-dir", str(site_dir)]
    start = time.monotonic()
    try:
        result = subprocess.run(
            command,
            cwd=project,
            env={**mkdocs_env(tmp), OTHERS: others},
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
    """Every language built once in-process under cProfile (``project``'s helpcenter, not ours)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    configs = [project / "mkdocs.yml", *language_configs(project)]
    sys.path.insert(0, str(project))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    os.environ[OTHERS] = "none"
    stats = None
    try:
        for number, config_file in enumerate(configs):
            config = load_config(
                config_file=str(config_file), site_dir=str(site_dir / str(number)), strict=True
            )
            profiler = cProfile.Profile()
            profiler.runcall(build, config)
            stats = pstats.Stats(profiler) if stats is None else stats.add(profiler)
    finally:
        sys.path.remove(str(project))
        os.environ.pop(OTHERS)
    helpcenter = sys.modules.get("helpcenter")
    if helpcenter is None or project.resolve() not in Path(helpcenter.__file__).resolve().parents:
        sys.exit(f"the profiled build did not use {project}/helpcenter")
    return stats


def hooks_share(stats: pstats.Stats, hooks_dir: Path) -> HooksShare:
    """Sum the cumulative time of the hook event functions (see the module docstring)."""
    hooks_dir = hooks_dir.resolve()
    hooks, calls, by_event = 0.0, 0, {}
    for (filename, _line, name), (_cc, ncalls, _tt, cumulative, _callers) in stats.stats.items():
        path = Path(filename)
        if path.parent.resolve() != hooks_dir or not name.startswith("on_"):
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
        while True:
            got = self.next_line(deadline - time.monotonic())
            if got is None:
                raise TimedOut("rebuild", self.timeout)
            arrived, line = got
            if BUILT_IN in line and not line.startswith("["):
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


# ---------------------------------------------------------------- 6. Lighthouse


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a static host does: gzip when the browser accepts it,
    directory addresses as their index.html, and the language's 404 page for a miss."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        status = 200
        if not path.is_file():
            if path.is_dir():
                return super().send_head()  # the redirect to the address with a slash
            language = self.path.strip("/").split("/")[0]
            root = Path(self.directory)
            path = root / language / "404.html"
            if not path.is_file() or language == "":
                path = root / "404.html"
            status = 404
        data = path.read_bytes()
        compressed = "gzip" in self.headers.get("Accept-Encoding", "")
        if compressed:
            data = gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if compressed:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(data)


def lighthouse_command() -> list[str] | str:
    """The pinned Lighthouse, installed on first use; or why it cannot run here."""
    if not CHROMIUM:
        return "Chromium not found (sudo apt-get install chromium)"
    if not shutil.which("node") or not shutil.which("npm"):
        return "Node.js not found (sudo apt-get install nodejs npm)"
    folder = ROOT / "tests" / "lighthouse"
    binary = folder / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        # npm install, not npm ci: npm 11 finds this lock (all versions pinned) out of sync
        # over an optional package that Lighthouse 12.8.2 declares and never resolves.
        print("  installing Lighthouse (npm install, from the lock)", file=sys.stderr)
        result = subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund"],
            cwd=folder,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            return "npm install failed: " + (result.stderr.strip().splitlines() or ["?"])[-1]
    return [str(binary)]


def lighthouse_scores(command: list[str], url: str, tmp: Path) -> dict[str, float]:
    report = tmp / "lighthouse.json"
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    result = subprocess.run(
        [
            *command,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--form-factor=mobile",
            "--only-categories=" + ",".join(LIGHTHOUSE_TARGETS),
            f"--chrome-flags={flags}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=240,
    )
    if result.returncode != 0 or not report.exists():
        raise RuntimeError(f"lighthouse failed on {url}: {result.stderr.strip()[-300:]}")
    categories = json.loads(report.read_text("utf-8"))["categories"]
    report.unlink()
    return {name: 100 * (category["score"] or 0) for name, category in categories.items()}


def lighthouse_rows(site: Path | None, tmp: Path) -> list[Row]:
    figure = "Lighthouse mobile (median of 3: performance / accessibility / best practices / SEO)"
    command = lighthouse_command()
    if site is None:
        return [Row(figure, "not measured (no site)")]
    if isinstance(command, str):
        return [Row(figure, f"not measured: {command}")]
    handler = functools.partial(CompressingHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    target = " / ".join(f"{value}" for value in LIGHTHOUSE_TARGETS.values())
    rows = []
    try:
        folders = [""] + [f"{path.stem.split('.')[1]}/" for path in language_configs(ROOT)]
        for folder in folders:
            for template, url in TEMPLATES.items():
                print(f"  Lighthouse: /{folder}{url}", file=sys.stderr)
                try:
                    runs = [
                        lighthouse_scores(command, base + folder + url, tmp)
                        for _ in range(LIGHTHOUSE_RUNS)
                    ]
                except (RuntimeError, subprocess.TimeoutExpired) as error:
                    figure = f"Lighthouse mobile, {template} (/{folder}{url})"
                    rows.append(Row(figure, f"not measured: {error}"[:200], target, "NO"))
                    continue
                medians = {
                    name: statistics.median(run[name] for run in runs)
                    for name in LIGHTHOUSE_TARGETS
                }
                performance = [run["performance"] for run in runs]
                value = " / ".join(f"{medians[name]:.0f}" for name in LIGHTHOUSE_TARGETS)
                value += f" (performance {min(performance):.0f}-{max(performance):.0f})"
                met = all(medians[name] >= low for name, low in LIGHTHOUSE_TARGETS.items())
                rows.append(
                    Row(
                        f"Lighthouse mobile, {template} (/{folder}{url})",
                        value,
                        target,
                        yes_no(met),
                    )
                )
    finally:
        httpd.shutdown()
    return rows


class LoadSampler:
    """The 1-minute load average, sampled every second while the benchmark runs."""

    def __init__(self):
        self.samples = [os.getloadavg()[0]]
        self._stop = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        while not self._stop.wait(1.0):
            self.samples.append(os.getloadavg()[0])

    def summary(self) -> str:
        self._stop.set()
        samples = self.samples
        return (
            f"load average during the run: median {statistics.median(samples):.1f} "
            f"({min(samples):.1f}-{max(samples):.1f}, {len(samples)} samples)"
        )


def llms_rows(site: Path) -> list[Row]:
    """The size of each language's llms-full.txt, the whole help center for an assistant."""
    rows = []
    for path in sorted(site.rglob("llms-full.txt")):
        data = path.read_bytes()
        rows.append(
            Row(
                f"Whole help center as Markdown ({path.relative_to(site)})",
                f"{kilobytes(len(data))}, {kilobytes(gzip_size(data))} gzip",
            )
        )
    return rows


def search_index_row(site: Path, label: str) -> Row:
    indexes = sorted(site.rglob("search/search_index.json"), key=lambda path: path.stat().st_size)
    largest = indexes[-1]
    size = largest.stat().st_size
    return Row(
        f"Largest search index{label} (loaded only when searching)",
        f"{kilobytes(size)}, {kilobytes(gzip_size(largest.read_bytes()))} gzip: "
        f"{largest.relative_to(site)}",
    )


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
    pages: int = 0
    """HTML pages built, every language."""


def rebuild_row(figure: str, times: list[float] | str, target: float | None = None) -> Row:
    goal = f"<= {target} s" if target else "-"
    if isinstance(times, str):
        return Row(figure, f"not measured ({times})", goal, "NO" if target else "-")
    median = statistics.median(times)
    return Row(figure, summary(times), goal, yes_no(median <= target) if target else "-")


def build_row(result: SizeResult) -> Row:
    what = f"{result.models} models, {result.errors} errors"
    value = summary(result.build) if result.build else f"> {result.build_limit:.0f} s (stopped)"
    return Row(f"Full build, {result.factor}x catalog ({what})", value)


def growth_row(small: SizeResult, large: SizeResult) -> Row:
    """Build time per page at a larger catalog over the time per page at 1x."""
    figure = f"Build time per page, {large.factor}x / {small.factor}x catalog"
    target = f"<= {PER_PAGE_TARGET:g}"
    if not small.build or not small.pages:
        return Row(figure, "not measured", target, "-")
    small_time = statistics.median(small.build) / small.pages
    if not large.build:
        return Row(
            figure, f"not measured (a build takes > {large.build_limit:.0f} s)", target, "NO"
        )
    large_time = statistics.median(large.build) / large.pages
    ratio = large_time / small_time
    value = (
        f"{ratio:.2f} ({1000 * large_time:.1f} ms/page for {large.pages} pages, "
        f"{1000 * small_time:.1f} ms/page for {small.pages})"
    )
    return Row(figure, value, target, yes_no(ratio <= PER_PAGE_TARGET))


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


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
        count_pages(site),
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
    return [growth_row(sizes[0], large) for large in sizes[1:]]


def language_rows(project: Path, tmp: Path, full: list[float], args) -> list[Row]:
    """Each language alone, all of them one after the other, and the full parallel build."""
    site = tmp / "site-languages"
    alone = {"mkdocs.yml": "none"} | {path.name: "none" for path in language_configs(project)}
    rows, slowest = [], 0.0
    for config, others in alone.items():
        print(f"  1x: building {config} alone", file=sys.stderr)
        times = repeat(
            lambda config=config, others=others: timed_build(
                project, site, tmp, args.timeout, config, others
            ),
            args.runs,
            args.budget,
        )
        slowest = max(slowest, statistics.median(times))
        rows.append(Row(f"One language alone, 1x ({config})", summary(times)))
    print("  1x: building the languages one after the other", file=sys.stderr)
    sequential = repeat(
        lambda: timed_build(project, site, tmp, args.timeout, others="sequential"),
        args.runs,
        args.budget,
    )
    rows.append(Row("Every language one after the other, 1x", summary(sequential)))
    ratio = statistics.median(full) / slowest
    rows.append(
        Row(
            "Full build (parallel) / slowest language alone",
            f"{ratio:.2f}",
            f"<= {PARALLEL_TARGET:g}",
            yes_no(ratio <= PARALLEL_TARGET),
        )
    )
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
            *language_rows(base, tmp, base_result.build, args),
            hooks_row,
            rebuild_row(
                "Serve rebuild after a page edit, 1x", base_result.page_rebuild, REBUILD_TARGET
            ),
            rebuild_row("Serve rebuild after a catalog edit, 1x", base_result.rebuild),
        ]
        for result in sizes[1:]:
            rows.append(build_row(result))
            figure = f"Serve rebuild after a catalog edit, {result.factor}x"
            rows.append(rebuild_row(figure, result.rebuild))
        rows += growth_rows(sizes)
        if base_site is not None:
            rows += [*weight_rows(base_site, ""), search_index_row(base_site, "")]
            rows += llms_rows(base_site)
        for result, site in measured[1:]:
            if site is not None:
                label = f", {result.factor}x"
                rows += [weight_rows(site, label)[0], search_index_row(site, label)]
        if args.lighthouse:
            rows += lighthouse_rows(base_site, tmp)
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
    parser.add_argument(
        "--no-lighthouse", dest="lighthouse", action="store_false", help="skip Lighthouse"
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
    load = LoadSampler()
    rows, notes = run(args)
    print_table(rows)
    print()
    for note in notes:
        print(note)
    print_environment(load_at_start)
    print(load.summary())
    print(f"Benchmark ran in {time.monotonic() - start:.0f} s")


if __name__ == "__main__":
    main()
