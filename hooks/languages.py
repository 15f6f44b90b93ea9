"""One MkDocs build per language, each in its own process, linked page to page.

on_startup           remember how the build was asked for (command, --dirty) and the code's version
on_config            check that every page has its twin and every label a text in the build's
                     language; give the build its own site_url; the primary build (mkdocs.yml)
                     checks every other language's nav and watches its mkdocs.<code>.yml; under
                     `mkdocs serve`, an edit to hooks/ or helpcenter/ restarts the server so that
                     it runs the new code
on_pre_build         the primary build starts every other language's build in a process of its
                     own (helpcenter.site.builds); under `mkdocs serve`, a language whose sources
                     did not change since its last build keeps its pages (helpcenter.site.unchanged)
on_files             a language other than the primary one does not copy the theme's files: its
                     pages use the primary build's copy (helpcenter.site.shared_assets)
on_post_page         (and on_post_template) point those pages at that copy
on_page_context      the language switcher and hreflang links of the page
on_template_context  the same for the 404 page, which has no page of its own, and the sitemap
on_post_build        the primary build awaits the other languages (and puts back the pages kept);
                     any failure fails the build; under `mkdocs serve`, it starts each other
                     language's process for the next rebuild (helpcenter.site.prestart)
on_build_error       the primary build failed: stop the other languages' processes
"""

import logging
import os
import shutil
import sys
from dataclasses import replace
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from _reporting import reported
from _state import PerBuild
from helpcenter.problems import ContentError
from helpcenter.site import builds, languages, shared_assets, unchanged
from helpcenter.site.labels import labels_for, missing_labels

CODE = ("hooks", "helpcenter")
FIRST = 100
"""The priority of on_config and on_post_build (MkDocs runs higher first): every other hook
reads the site_url and language on_config sets, and checks the site only once every
language's pages are in it."""

_builds = PerBuild("hooks/languages.py")
_process = {}
"""How this process was started (command, --dirty, the code's version): facts of the
process, the same for every build it runs, set once by on_startup."""
_served = {}
"""Under `mkdocs serve`: each other language's fingerprint (helpcenter.site.unchanged) at
its last successful build in this process, whose pages are in the served site."""


def on_startup(command, dirty):
    root = Path.cwd()
    _process.update(
        command=command, dirty=dirty, code=builds.code_version([root / f for f in CODE])
    )


@event_priority(FIRST)
@reported
def on_config(config):
    site, current = languages.of_build(config)
    docs_dir = Path(config.docs_dir)
    if docs_dir.name != current.code:
        raise ContentError(f"{config.config_file_path}: docs_dir must be docs/{current.code}")
    if problems := languages.missing_twins(docs_dir.parent, site):
        raise ContentError("; ".join(problems))
    if problems := missing_labels(current.code):
        raise ContentError("\n".join(problems))

    root = languages.site_root_url(config.site_url or "/", current)
    config.site_url = urljoin(root, current.root.lstrip("/"))
    state = _builds.start(
        config, site=site, current=current, root=root, others=[], to_build=[], mode=None
    )
    if current == site[0]:
        _restart_if_code_changed(config)
        mode = builds.mode()
        state["mode"] = mode
        if mode != "none":
            state["to_build"] = [
                (language, _other_config(config, language)) for language in site[1:]
            ]
            # `mkdocs serve` rebuilds when one of them changes, as for mkdocs.yml.
            config.watch.extend(
                str(path) for _, path in state["to_build"] if str(path) not in config.watch
            )
    return config


@reported
def on_pre_build(config):
    """After every hook's on_config, so that the catalogs are validated (and cached for the
    other languages' processes) once, by this one."""
    state = _builds.of(config)
    state["kept"], state["fingerprints"] = [], {}
    if state["mode"] != "parallel":
        return
    for language, path in state["to_build"]:
        if _process.get("command") == "serve" and not _process.get("dirty"):
            fingerprint = _fingerprint(config, language, path)
            language_dir = Path(config.site_dir) / language.root.strip("/")
            if _served.get(language.code) == fingerprint:
                kept = unchanged.set_aside(Path(config.site_dir), language_dir)
                if kept is not None:
                    state["kept"].append((kept, language_dir))
                    continue
            _served.pop(language.code, None)
            state["fingerprints"][language.code] = fingerprint
        state["others"].append(_start(config, language, path))


def _fingerprint(config, language, path):
    docs = Path(config.docs_dir).parent
    read = [Path(config.config_file_path), path, *map(Path, config.watch), docs / language.code]
    git_index = Path(config.config_file_path).parent / ".git" / "index"
    others = [docs / each.code for each in _builds.of(config)["site"] if each != language]
    return unchanged.fingerprint(
        [*read, git_index], others, _command(config, language, path), _env(config)
    )


def _other_config(config, language):
    path = Path(config.config_file_path).with_name(f"mkdocs.{language.code}.yml")
    if not path.is_file():
        raise ContentError(f"{path.name} is missing: it configures the '{language.code}' site")
    nav = languages.configured_nav(path)
    if nav is not None and (problems := languages.nav_differences(config.nav, nav, path.name)):
        raise ContentError("; ".join(problems))
    return path


def _start(config, language, path):
    return builds.start(
        language.code,
        _engine(config),
        path,
        Path(config.site_dir) / language.root.strip("/"),
        **_options(config),
        env=_env(config),
        prestarted=_process.get("command") == "serve",
    )


def _engine(config):
    return type(config).__module__.split(".")[0]


def _options(config):
    level = logging.getLogger(_engine(config)).getEffectiveLevel()
    return {
        "strict": bool(config.strict),
        "dirty": bool(_process.get("dirty")),
        "verbosity": "verbose"
        if level <= logging.DEBUG
        else "quiet"
        if level >= logging.ERROR
        else None,
    }


def _command(config, language, path):
    target = Path(config.site_dir) / language.root.strip("/")
    return builds.command(_engine(config), path, target, **_options(config))


def _env(config):
    return {"SITE_URL": _builds.of(config)["root"]}


def _restart_if_code_changed(config):
    """MkDocs keeps hooks and their imports loaded for the life of `mkdocs serve`: after an
    edit to them, the only way to run the new code in this process is a new process."""
    if _process.get("command") != "serve" or "code" not in _process:
        return
    root = Path(config.config_file_path).resolve().parent
    if builds.code_version([root / folder for folder in CODE]) == _process["code"]:
        return
    logging.getLogger("mkdocs").info("Code in hooks/ or helpcenter/ changed: restarting the server")
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
    shutil.rmtree(config.site_dir, ignore_errors=True)  # the server's own temporary folder
    engine = type(config).__module__.split(".")[0]
    os.execv(sys.executable, [sys.executable, "-m", engine, *sys.argv[1:]])


@reported
def on_files(files, config):
    state = _builds.of(config)
    state["point"] = lambda html: html
    if state["current"] == state["site"][0]:
        codes = [language.code for language in state["site"]]
        urls = [file.url for file in files if file.src_dir in config.theme.dirs]
        for url in shared_assets.unused_search_files(urls, codes):
            files.remove(files.get_file_from_path(url))
        return files
    theme = [file for file in files if file.src_dir in config.theme.dirs]
    for file in theme:
        files.remove(file)
    site_path = urlsplit(state["root"]).path or "/"
    state["point"] = shared_assets.pointer(
        [file.url for file in theme], state["current"].root, site_path
    )
    return files


@reported
def on_post_page(output, page, config):
    return _builds.of(config)["point"](output)


@reported
def on_post_template(output_content, template_name, config):
    return _builds.of(config)["point"](output_content)


@reported
def on_page_context(context, page, config, nav):
    state = _builds.of(config)
    context["alternates"] = languages.alternates(
        page.url, state["current"], state["site"], state["root"]
    )
    return context


@reported
def on_template_context(context, template_name, config):
    state = _builds.of(config)
    if template_name == "404.html":
        context["alternates"] = [
            replace(alternate, href=urlsplit(alternate.absolute).path)
            for alternate in languages.alternates(
                "", state["current"], state["site"], state["root"]
            )
        ]
        context["not_found"] = labels_for(state["current"].code, "not_found.")
    elif template_name == "sitemap.xml":
        context["alternates_for"] = lambda url: languages.alternates(
            url, state["current"], state["site"], state["root"]
        )
    return context


@event_priority(FIRST)
@reported
def on_post_build(config):
    state = _builds.of(config)
    if state["mode"] == "sequential":
        outcomes = [builds.finish(_start(config, *other)) for other in state["to_build"]]
    else:
        outcomes = [builds.finish(build) for build in state["others"]]
    state["others"] = []
    for kept, language_dir in state["kept"]:
        unchanged.put_back(kept, language_dir)
    state["kept"] = []
    for outcome in outcomes:
        if outcome.problem is None and outcome.code in state["fingerprints"]:
            _served[outcome.code] = state["fingerprints"][outcome.code]
    if _process.get("command") == "serve" and state["mode"] == "parallel":
        for language, path in state["to_build"]:
            builds.prestart(language.code, _engine(config), path, _env(config))
    for outcome in outcomes:
        for line in outcome.lines:
            print(f"[{outcome.code}] {line}", file=sys.stderr)
    problems = [outcome.problem for outcome in outcomes if outcome.problem]
    if problems:
        raise PluginError("\n".join(problems))


def on_build_error(error):
    _served.clear()  # the site may have lost the kept pages: build every language next time
    for state in _builds.states():
        builds.stop(state.get("others", []))
        state["others"] = []
        for kept, _language_dir in state.get("kept", []):
            shutil.rmtree(kept, ignore_errors=True)
        state["kept"] = []
