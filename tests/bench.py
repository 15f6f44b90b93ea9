"""Build benchmark of the multilingual help center (not a test: pytest does not collect it).

    .venv/bin/python tests/bench.py [--runs N] [--quick] [--only PARTS] [--factors 10,100]
                                    [--templates T,...] [--lighthouse-runs N] [--no-lighthouse]
                                    [--timeout S] [--budget S]

Everything runs on copies of the project (mkdocs.yml, every language's mkdocs.<code>.yml,
docs, data, hooks, overrides, helpcenter) in a temporary folder that is removed at the end;
the project's own files and site/ are never touched. The hooks are used as they are. The
languages are the ones mkdocs.yml lists in ``extra.alternate`` (the first is the primary
build), however many there are.

Times are given as wall time and CPU time (user and system, of every process a figure
involves). The machine may be shared: other work inflates wall time much more than CPU
time, so the figures that measure our own cost (hooks share, growth) are judged on CPU
time; the serve rebuild, which is what an editor waits for, on wall time.

What it measures (``--only`` picks parts: builds, hooks, serve, growth, large, lighthouse; the 1x
build is always measured, since the other figures start from it):

1. builds. Full build: ``python -m mkdocs build --strict`` (every language: the other
   languages in processes of their own, in parallel) in a subprocess, median and spread
   (min-max) of N runs; then each language built alone (the primary one with
   ``HELPCENTER_OTHER_LANGUAGES=none``, the others from their own ``mkdocs.<lang>.yml``) and
   all of them one after the other (``HELPCENTER_OTHER_LANGUAGES=sequential``). The full
   build, what an editor runs, is parallel: its efficiency, CPU time / (cores x wall time),
   says how well it uses the machine's cores (1.0: every core busy the whole time) and should
   be at least 0.8; how much faster than one language alone it can be depends on the number
   of languages and cores, so that ratio is reported without a target. Also the page weights
   of figure 6.
2. hooks. Share of the build's CPU time spent in our hooks: every language built in this
   process (``build(load_config(...))``, the primary one alone), with each event function
   defined in hooks/*.py wrapped in a CPU timer (``time.process_time``; no profiler, which
   inflates small calls); hooks time / the CPU time of the whole builds, all languages
   together. The first round is a first build in a process, the next ones rebuilds in the
   same process, as ``mkdocs serve`` runs them. It runs after the builds of figure 1, so
   it finds the catalogs validated already in the project's ``.cache/helpcenter/``, as
   every serve rebuild and every language's process does.
3. serve. ``mkdocs serve`` rebuild: the server runs on a free port; after the first build
   is served, each edit (a blank line appended to docs/<code>/help.md, for each language in
   turn, or a comment line appended to data/models.yml) is timed from the edit to the
   primary build's "Documentation built in" line on the server's stderr (the other
   languages' lines, relayed before it, start with ``[<lang>]``). MkDocs drops a log
   message it has already logged once in the process (its DuplicateFilter), so a rebuild
   whose duration repeats an earlier one to the hundredth logs no such line; the server's
   "Reloading browsers" line, logged as soon as the build returns, then ends the rebuild
   instead. Median over several edits. CPU time: the server's own and its language
   processes' (from /proc), from the edit until the server has been idle for a second.
4. growth. The build (and, with serve, the rebuild after a catalog edit) again with
   synthetic catalogs 10x and 100x larger (models and errors copied with unique ids, slugs
   and (status, code) pairs), and whether the build CPU time per page at 10x and 100x stays
   within 1.5 x the time per page at 1x (linear growth: a page costs the same however many
   there are).
5. large. The build of a catalog of 5,000 models (the models copied with unique ids, never
   recommended): its wall and CPU time, and whether every language's models page lists the
   last copy (a build of that size must succeed and show everything).
6. Transfer size of the heaviest page: gzip size (level 6) of each built HTML page plus
   the gzip sizes of the local stylesheets and scripts it references (what a static host
   that compresses sends), the size of the largest search index, and of each language's
   llms-full.txt.
7. lighthouse. Lighthouse (npm package pinned in tests/lighthouse/package.json, installed
   there with ``npm install`` from its lock on first use) in its mobile configuration,
   with Debian's Chromium, on each page template (home, guide, models with the estimator,
   error page, 404; ``--templates`` picks some) of every language, served by a local server
   that compresses like a static host (gzip): the median of 3 runs (``--lighthouse-runs``)
   of each category score, and the spread of the performance score. Skipped, and said so,
   where Chromium or Node.js is missing.

The load average is sampled every second during the whole run and reported as median and
range: figures from a busy machine say so.

A build or rebuild that takes longer than --timeout is stopped and reported as such;
repeated runs of one figure stop early once they have used --budget seconds (at least
one run). --quick: 2 runs and only the 10x catalog.
"""

from __future__ import annotations

import argparse
import copy
import functools
import gzip
import http.server
import inspect
import io
import json
import logging
import os
import platform
import queue
import resource
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
PAGE_EDITED = "help.md"
"""The page edited in each language's folder (``docs/<code>/help.md``)."""
CATALOG_EDITED = "data/models.yml"
BUILT_IN = "Documentation built in"
RELOADED = "Reloading browsers"
DETECTED = "Detected file changes"
SERVING = "Serving on"
HOOKS_SHARE_TARGET = 2.0  # percent
HOOKS_ROUNDS = 4  # one first build, then rebuilds
REBUILD_TARGET = 1.0  # seconds
EFFICIENCY_TARGET = 0.8  # the full build's CPU time / (cores x its wall time)
PER_PAGE_TARGET = 1.5  # time per page at 10x or 100x / time per page at 1x
LARGE_CATALOG = 5000  # models in the catalog of the large part
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


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float | None
    """CPU seconds, user and system, of every process involved; None where unknown."""


def spread(values: list[float]) -> str:
    """'2.13 s (2.10-2.20)': the median and the range."""
    if len(values) == 1:
        return f"{values[0]:.2f} s"
    return f"{statistics.median(values):.2f} s ({min(values):.2f}-{max(values):.2f})"


def summary(times: list[Timing]) -> str:
    """'wall 2.13 s (2.10-2.20), CPU 3.05 s (3.01-3.10), 5 runs'."""
    runs = f"{len(times)} run{'s' if len(times) != 1 else ''}"
    cpu = [each.cpu for each in times if each.cpu is not None]
    cpu_text = f", CPU {spread(cpu)}" if len(cpu) == len(times) else ""
    return f"wall {spread([each.wall for each in times])}{cpu_text}, {runs}"


def wall(times: list[Timing]) -> float:
    return statistics.median(each.wall for each in times)


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


@dataclass(frozen=True)
class Language:
    code: str
    folder: str
    """Where its pages are in the built site: ``""`` for the primary one, ``en/``…"""
    config: str
    """The configuration that builds it alone: ``mkdocs.yml``, ``mkdocs.<code>.yml``."""


def site_languages(project: Path) -> list[Language]:
    """The site's languages as mkdocs.yml lists them (``extra.alternate``), primary first."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    alternates = (config.get("extra") or {}).get("alternate") or []
    if not alternates:
        sys.exit("mkdocs.yml: extra.alternate lists no languages")
    # As helpcenter.site.languages reads them (not imported here: the in-process builds must
    # import the copy's package): the folder code is ``code`` when ``lang`` is a tag (pt-BR).
    codes = [str(entry.get("code") or entry["lang"]) for entry in alternates]
    return [
        Language(
            code=code,
            folder=str(entry["link"]).strip("/") + "/" if str(entry["link"]).strip("/") else "",
            config="mkdocs.yml" if number == 0 else f"mkdocs.{code}.yml",
        )
        for number, (code, entry) in enumerate(zip(codes, alternates, strict=True))
    ]


def language_configs(project: Path) -> list[Path]:
    """``mkdocs.<lang>.yml`` of every language but the primary one."""
    return [project / language.config for language in site_languages(project)[1:]]


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
    """Copy ``number`` of an error: its own slug, code and phrases, related to the same copy's
    errors."""
    twin = copy.deepcopy(error)
    twin["slug"] = f"{error['slug']}-x{number}"
    if error["code"] is not None:
        twin["code"] = f"{error['code']}_x{number}"
    twin["title"] = {lang: f"{title} (x{number})" for lang, title in error["title"].items()}
    twin["related"] = [f"{slug}-x{number}" for slug in error["related"]]
    # A reader's phrase belongs to one error: each copy has its own.
    twin["phrases"] = {
        lang: [f"{phrase} x{number}" for phrase in phrases]
        for lang, phrases in error.get("phrases", {}).items()
    }
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


def grow_models(project: Path, count: int) -> str:
    """Make data/models.yml hold ``count`` models (copies of its own, with unique ids, never
    recommended); the id of the last one."""
    path = project / "data/models.yml"
    data = read_catalog(path)
    originals = list(data["models"])
    while len(data["models"]) < count:
        number = len(data["models"])
        data["models"].append(model_copy(originals[number % len(originals)], number))
    write_catalog(path, data)
    return data["models"][-1]["id"]


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
) -> Timing:
    """Wall and CPU time of ``mkdocs build --strict -f config`` of ``project`` into
    ``site_dir`` (CPU: the build's process and the language processes it awaited)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config]
    command += ["--site-dir", str(site_dir)]
    start, cpu = time.monotonic(), children_cpu()
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
    elapsed = Timing(time.monotonic() - start, children_cpu() - cpu)
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed in {project}:\n{result.stdout}{result.stderr}")
    return elapsed


def children_cpu() -> float:
    """CPU seconds (user and system) of every child process this one has waited for, and of
    the processes they waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# ---------------------------------------------------------------- 2. hooks share


@dataclass
class HooksShare:
    hooks: float
    """CPU seconds spent in our hooks' event functions."""
    total: float
    """CPU seconds of the whole builds (``build()``, hooks included)."""
    calls: int
    by_event: dict[str, float]

    @property
    def percent(self) -> float:
        return 100 * self.hooks / self.total


def hooks_cpu(project: Path, site_dir: Path, rounds: int) -> list[HooksShare]:
    """Each round builds every language once, in this process (``project``'s helpcenter, not
    ours), the primary one alone: the CPU time of each call of an event function defined
    in hooks/*.py (``time.process_time`` before and after it; no profiler, which would
    inflate small calls) against the CPU time of the whole ``build()``. The first round
    is a first build in a process; the next ones are rebuilds in the same process, as
    ``mkdocs serve`` does them."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    configs = [project / "mkdocs.yml", *language_configs(project)]
    hooks_dir = (project / "hooks").resolve()
    sys.path.insert(0, str(project))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    os.environ[OTHERS] = "none"
    shares = []
    try:
        for _ in range(rounds):
            share = HooksShare(0.0, 0.0, 0, {})
            for number, config_file in enumerate(configs):
                config = load_config(
                    config_file=str(config_file), site_dir=str(site_dir / str(number)), strict=True
                )
                time_hook_events(config, hooks_dir, share)
                start = time.process_time()
                build(config)
                share.total += time.process_time() - start
            share.hooks = sum(share.by_event.values())
            shares.append(share)
    finally:
        sys.path.remove(str(project))
        os.environ.pop(OTHERS)
    helpcenter = sys.modules.get("helpcenter")
    if helpcenter is None or project.resolve() not in Path(helpcenter.__file__).resolve().parents:
        sys.exit(f"the measured build did not use {project}/helpcenter")
    return shares


def time_hook_events(config, hooks_dir: Path, share: HooksShare) -> None:
    """Wrap every event function of our hooks registered in ``config`` with a CPU timer
    that adds to ``share.by_event`` (``hooks/_reporting.py`` keeps the function it wraps as
    ``__wrapped__``)."""
    for event, methods in config.plugins.events.items():
        for index, method in enumerate(methods):
            code = getattr(inspect.unwrap(method), "__code__", None)
            if code is None or Path(code.co_filename).resolve().parent != hooks_dir:
                continue
            name = f"{Path(code.co_filename).stem}.on_{event}"

            def timed(*args, _method=method, _name=name, **kwargs):
                start = time.process_time()
                try:
                    return _method(*args, **kwargs)
                finally:
                    share.by_event[_name] = (
                        share.by_event.get(_name, 0.0) + time.process_time() - start
                    )
                    share.calls += 1

            methods[index] = timed


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

    def cpu(self) -> float | None:
        """CPU seconds of the server and of the processes it has waited for (the other
        languages' builds), from /proc; None where there is none."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")

    def rebuild_time(self, edit) -> Timing:
        """Time from ``edit()`` to the end of the rebuild it causes (module docstring)."""
        self.settle(0.3)
        cpu = self.cpu()
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
        after = self.cpu()
        # The CPU figure includes the settling second, in which the server is idle.
        return Timing(arrived - start, after - cpu if None not in (cpu, after) else None)

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
    times: dict[str, list[Timing] | str]
    """For each named edit, the rebuild times, or why they could not be measured."""
    count: int = 0
    ended_by_reload: int = 0
    """Rebuilds whose end was the "Reloading browsers" line (see the module docstring)."""


def serve_rebuilds(project, tmp, edits, runs, budget, timeout) -> Rebuilds:
    """Serve ``project`` and time the rebuilds after each named edit, ``runs`` times."""
    results: dict[str, list[Timing] | str] = {}
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


def lighthouse_rows(site: Path | None, tmp: Path, args) -> list[Row]:
    runs = args.lighthouse_runs
    figure = (
        f"Lighthouse mobile (median of {runs}: performance / accessibility / best practices / SEO)"
    )
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
        for folder in [language.folder for language in site_languages(ROOT)]:
            for template in args.templates:
                url = TEMPLATES[template]
                print(f"  Lighthouse: /{folder}{url}", file=sys.stderr)
                try:
                    scores = [
                        lighthouse_scores(command, base + folder + url, tmp) for _ in range(runs)
                    ]
                except (RuntimeError, subprocess.TimeoutExpired) as error:
                    figure = f"Lighthouse mobile, {template} (/{folder}{url})"
                    rows.append(Row(figure, f"not measured: {error}"[:200], target, "NO"))
                    continue
                medians = {
                    name: statistics.median(run[name] for run in scores)
                    for name in LIGHTHOUSE_TARGETS
                }
                performance = [run["performance"] for run in scores]
                value = " / ".join(f"{medians[name]:.0f}" for name in LIGHTHOUSE_TARGETS)
                value += f" (performance {min(performance):.0f}-{max(performance):.0f}"
                value += f", {runs} run{'s' if runs != 1 else ''})"
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
    build: list[Timing]
    """Build times; empty if a build took longer than ``build_limit``."""
    build_limit: float | None
    rebuilds: dict[str, list[Timing] | str]
    """Serve rebuild times after each edit (``catalog``, ``page <code>``), or why there are
    none; empty when serve was not measured."""
    serve: Rebuilds | None = None
    pages: int = 0
    """HTML pages built, every language."""


def rebuild_row(figure: str, times: list[Timing] | str, target: float | None = None) -> Row:
    goal = f"<= {target} s wall" if target else "-"
    if isinstance(times, str):
        return Row(figure, f"not measured ({times})", goal, "NO" if target else "-")
    return Row(figure, summary(times), goal, yes_no(wall(times) <= target) if target else "-")


def build_row(result: SizeResult) -> Row:
    what = f"{result.models:,} models, {result.errors:,} errors"
    value = summary(result.build) if result.build else f"> {result.build_limit:.0f} s (stopped)"
    return Row(f"Full build, {result.factor}x catalog ({what})", value)


def growth_row(small: SizeResult, large: SizeResult) -> Row:
    """Build time per page at a larger catalog over the time per page at 1x: CPU time (the
    target's measure, as other work on the machine inflates wall time), wall time beside."""
    figure = f"Build time per page, {large.factor}x / {small.factor}x catalog"
    target = f"<= {PER_PAGE_TARGET:g} (CPU)"
    if not small.build or not small.pages:
        return Row(figure, "not measured", target, "-")
    if not large.build:
        return Row(
            figure, f"not measured (a build takes > {large.build_limit:.0f} s)", target, "NO"
        )

    def per_page(result: SizeResult, of) -> float:
        return statistics.median(of(each) for each in result.build) / result.pages

    cpu = per_page(large, lambda t: t.cpu) / per_page(small, lambda t: t.cpu)
    walls = per_page(large, lambda t: t.wall) / per_page(small, lambda t: t.wall)
    value = (
        f"CPU {cpu:.2f} ({1000 * per_page(large, lambda t: t.cpu):.1f} ms/page for "
        f"{large.pages:,} pages, {1000 * per_page(small, lambda t: t.cpu):.1f} ms/page for "
        f"{small.pages}); wall {walls:.2f}"
    )
    return Row(figure, value, target, yes_no(cpu <= PER_PAGE_TARGET))


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def measure_size(project, tmp, factor, args, serve: bool) -> tuple[SizeResult, Path | None]:
    """Build times of one catalog size and, with ``serve``, its rebuild times after a
    catalog edit (and at 1x after a page edit in each language); the built site."""
    models, errors = catalog_sizes(project)
    site = tmp / f"site-{factor}x"
    print(f"  {factor}x: building ({models} models, {errors} errors)", file=sys.stderr)
    try:
        builds = repeat(
            lambda: timed_build(project, site, tmp, args.timeout), args.runs, args.budget
        )
    except TimedOut as error:
        skipped = f"skipped: a build takes > {error.limit:.0f} s"
        return SizeResult(factor, models, errors, [], error.limit, {"catalog": skipped}), None
    result = SizeResult(factor, models, errors, builds, None, {}, pages=count_pages(site))
    if serve:
        edits = {}
        if factor == 1:
            for language in site_languages(project):
                page = project / "docs" / language.code / PAGE_EDITED
                edits[f"page {language.code}"] = lambda page=page: append_blank_line(page)
        edits["catalog"] = lambda: append_comment(project / CATALOG_EDITED)
        print(f"  {factor}x: serve rebuilds", file=sys.stderr)
        result.serve = serve_rebuilds(project, tmp, edits, args.runs, args.budget, args.timeout)
        result.rebuilds = result.serve.times
    return result, site


def hooks_rows(project: Path, tmp: Path) -> tuple[list[Row], list[HooksShare]]:
    print("  1x: timing the hooks in in-process builds", file=sys.stderr)
    first, *rebuilds = hooks_cpu(project, tmp / "site-in-process", HOOKS_ROUNDS)
    target = f"< {HOOKS_SHARE_TARGET:g} %"
    rows = [
        Row(
            "Hooks share of build CPU time, first build in a process",
            f"{first.percent:.1f} % ({first.hooks:.3f} s of {first.total:.2f} s CPU)",
            target,
            yes_no(first.percent < HOOKS_SHARE_TARGET),
        )
    ]
    percents = [share.percent for share in rebuilds]
    middle = sorted(rebuilds, key=lambda share: share.percent)[len(rebuilds) // 2]
    rows.append(
        Row(
            f"Hooks share of build CPU time, rebuild in the same process ({len(rebuilds)} runs)",
            f"{statistics.median(percents):.1f} % ({min(percents):.1f}-{max(percents):.1f}; "
            f"{middle.hooks:.3f} s of {middle.total:.2f} s CPU)",
            target,
            yes_no(statistics.median(percents) < HOOKS_SHARE_TARGET),
        )
    )
    return rows, [first, middle]


def language_rows(project: Path, tmp: Path, full: list[Timing], args) -> list[Row]:
    """Each language alone, all of them one after the other, and the full parallel build."""
    site = tmp / "site-languages"
    rows, slowest = [], 0.0
    for language in site_languages(project):
        print(f"  1x: building {language.config} alone", file=sys.stderr)
        times = repeat(
            lambda config=language.config: timed_build(
                project, site, tmp, args.timeout, config, "none"
            ),
            args.runs,
            args.budget,
        )
        slowest = max(slowest, wall(times))
        rows.append(Row(f"One language alone, 1x ({language.config})", summary(times)))
    print("  1x: building the languages one after the other", file=sys.stderr)
    sequential = repeat(
        lambda: timed_build(project, site, tmp, args.timeout, others="sequential"),
        args.runs,
        args.budget,
    )
    rows.append(Row("Every language one after the other, 1x", summary(sequential)))
    rows.append(
        Row("Full build (parallel) / slowest language alone, wall", f"{wall(full) / slowest:.2f}")
    )
    rows.append(efficiency_row(full))
    return rows


def efficiency_row(full: list[Timing]) -> Row:
    """How well the parallel build uses the cores: CPU / (cores x wall), medians."""
    figure = f"Full build's parallel efficiency, CPU / ({os.cpu_count()} cores x wall)"
    target = f">= {EFFICIENCY_TARGET:g}"
    cpu = [each.cpu for each in full if each.cpu is not None]
    if len(cpu) != len(full):
        return Row(figure, "not measured (CPU time unknown)", target, "-")
    efficiency = statistics.median(cpu) / (os.cpu_count() * wall(full))
    return Row(figure, f"{efficiency:.2f}", target, yes_no(efficiency >= EFFICIENCY_TARGET))


def large_rows(tmp: Path, args) -> list[Row]:
    """A build of a catalog of LARGE_CATALOG models: its time, and whether every language's
    models page lists the last model."""
    project = copy_project(tmp / "project-large")
    last = grow_models(project, LARGE_CATALOG)
    site = tmp / "site-large"
    print(f"  large: building {LARGE_CATALOG:,} models", file=sys.stderr)
    figure = f"Full build, a catalog of {LARGE_CATALOG:,} models"
    try:
        timing = timed_build(project, site, tmp, args.timeout)
    except TimedOut as error:
        return [Row(figure, f"> {error.limit:.0f} s (stopped)", "builds", "NO")]
    listed = all(
        last in (site / language.folder / "models" / "index.html").read_text("utf-8")
        for language in site_languages(project)
    )
    return [
        Row(figure, summary([timing])),
        Row(
            f"Every language's models page lists model {LARGE_CATALOG:,}",
            yes_no(listed),
            "yes",
            yes_no(listed),
        ),
    ]


def hooks_note(share: HooksShare, which: str) -> str:
    top = sorted(share.by_event.items(), key=lambda item: -item[1])[:6]
    return f"Hooks CPU time by event, {which} ({share.calls} calls, every language): " + ", ".join(
        f"{event} {1000 * seconds:.0f} ms" for event, seconds in top
    )


def rebuilds_note(sizes: list[SizeResult]) -> str:
    served = [result.serve for result in sizes if result.serve]
    count = sum(serve.count for serve in served)
    by_reload = sum(serve.ended_by_reload for serve in served)
    return (
        f'Serve rebuilds timed: {count}; {by_reload} of them ended by "{RELOADED}" because '
        f'MkDocs dropped a repeated "{BUILT_IN} ..." line. A rebuild\'s CPU time is the '
        "server's and its language processes', including the idle second after it"
    )


def run(args) -> tuple[list[Row], list[str]]:
    """Measure the figures of ``args.only`` on copies in a temporary folder; the table's rows
    and notes."""
    parts = args.only
    with tempfile.TemporaryDirectory(prefix="helpcenter-bench-") as name:
        tmp = Path(name)
        base = copy_project(tmp / "project-1x")
        rows, notes = [], []
        measured = [measure_size(base, tmp, 1, args, serve="serve" in parts)]
        (base_result, base_site) = measured[0]
        rows.append(build_row(base_result))
        if "builds" in parts:
            rows += language_rows(base, tmp, base_result.build, args)
        if "hooks" in parts:
            hooks, (first, rebuild) = hooks_rows(base, tmp)
            rows += hooks
            notes += [hooks_note(first, "first build"), hooks_note(rebuild, "median rebuild")]
        if "serve" in parts:
            for language in site_languages(base):
                key = f"page {language.code}"
                figure = f"Serve rebuild after a page edit, 1x (docs/{language.code}/{PAGE_EDITED})"
                rows.append(rebuild_row(figure, base_result.rebuilds[key], REBUILD_TARGET))
            rows.append(
                rebuild_row(
                    "Serve rebuild after a catalog edit, 1x", base_result.rebuilds["catalog"]
                )
            )
        if "growth" in parts:
            for factor in args.factors:
                project = copy_project(tmp / f"project-{factor}x")
                multiply_catalogs(project, factor)
                measured.append(measure_size(project, tmp, factor, args, serve="serve" in parts))
            for result, _site in measured[1:]:
                rows.append(build_row(result))
                if "catalog" in result.rebuilds:
                    figure = f"Serve rebuild after a catalog edit, {result.factor}x"
                    rows.append(rebuild_row(figure, result.rebuilds["catalog"]))
            rows += [growth_row(base_result, result) for result, _site in measured[1:]]
        if "builds" in parts and base_site is not None:
            rows += [*weight_rows(base_site, ""), search_index_row(base_site, "")]
            rows += llms_rows(base_site)
            for result, site in measured[1:]:
                if site is not None:
                    label = f", {result.factor}x"
                    rows += [weight_rows(site, label)[0], search_index_row(site, label)]
        if "large" in parts:
            rows += large_rows(tmp, args)
        if "lighthouse" in parts:
            rows += lighthouse_rows(base_site, tmp, args)
        if "serve" in parts:
            notes.append(rebuilds_note([result for result, _site in measured]))
    return rows, notes


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


def processor() -> str:
    """The processor's model name (Linux), else what the platform module says."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def print_environment(load_at_start: float) -> None:
    print(
        f"Python {platform.python_version()}, MkDocs {version('mkdocs')}, "
        f"Material {version('mkdocs-material')}; {os.cpu_count()} cores ({processor()}, "
        f"{platform.system()} {platform.machine()}); "
        f"load average {load_at_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end"
    )


PARTS = ("builds", "hooks", "serve", "growth", "large", "lighthouse")


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
        "--only",
        default=",".join(PARTS),
        help="comma-separated parts to measure, of: " + ", ".join(PARTS) + " (all); the 1x "
        "build is always measured, as every other figure starts from it",
    )
    parser.add_argument(
        "--factors",
        default=None,
        help="catalog sizes of the growth part, comma-separated (10,100; --quick: 10)",
    )
    parser.add_argument(
        "--templates",
        default=",".join(TEMPLATES),
        help="Lighthouse: comma-separated templates, of: " + ", ".join(TEMPLATES) + " (all)",
    )
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=LIGHTHOUSE_RUNS,
        help=f"Lighthouse runs per page ({LIGHTHOUSE_RUNS})",
    )
    parser.add_argument(
        "--no-lighthouse", dest="lighthouse", action="store_false", help="skip Lighthouse"
    )
    args = parser.parse_args()
    if args.quick:
        args.runs = 2
    args.runs = max(1, args.runs)
    args.only = {part.strip() for part in args.only.split(",") if part.strip()}
    if unknown := args.only - set(PARTS):
        parser.error(f"--only: unknown part {', '.join(sorted(unknown))}")
    if not args.lighthouse:
        args.only.discard("lighthouse")
    factors = args.factors or ("10" if args.quick else "10,100")
    args.factors = [int(factor) for factor in factors.split(",")]
    args.templates = [name.strip() for name in args.templates.split(",") if name.strip()]
    if unknown := set(args.templates) - set(TEMPLATES):
        parser.error(f"--templates: unknown template {', '.join(sorted(unknown))}")
    return args


def main() -> None:
    args = parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    start, load_at_start = time.monotonic(), os.getloadavg()[0]
    print(
        f"{os.cpu_count()} cores ({processor()}), load average {load_at_start:.1f} at the start",
        file=sys.stderr,
    )
    load = LoadSampler()
    rows, notes = run(args)
    print_table(rows)
    print()
    for note in notes:
        print(note)
    print_environment(load_at_start)
    print(load.summary())
    if load_at_start > (os.cpu_count() or 1) / 2:
        print(
            "The machine was busy with other work when the benchmark started: its wall times "
            "(and the parallel efficiency) are not comparable with a quiet run's."
        )
    print(f"Benchmark ran in {time.monotonic() - start:.0f} s")


if __name__ == "__main__":
    main()
