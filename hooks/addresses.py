"""Addresses that never break: redirect pages, and no recorded address lost.

on_config        read data/redirects.yml (helpcenter.publish.redirects) and data/published.txt,
                 which must exist (but in `make published`, which writes it); start this
                 build's record, keyed by its config (hook modules are shared by the language
                 builds)
on_files         every redirect leaves a page that is gone, at an address nothing else
                 publishes, for one that exists
on_page_context  note each page's title, for the redirect pages' links
on_post_build    write the redirect pages; the primary build, which ends last, then checks
                 that every address in data/published.txt is still published
                 (helpcenter.publish.published): a lost one is a warning, so --strict fails
"""

import html
import logging
import os
from pathlib import Path

from _reporting import reported
from helpcenter.problems import ContentError
from helpcenter.publish import published, redirects
from helpcenter.site import builds, languages

log = logging.getLogger("mkdocs.hooks.addresses")
_builds = {}


@reported
def on_config(config):
    site, current = languages.of_build(config)
    root = Path(config.config_file_path).resolve().parent
    recording = os.environ.get(published.RECORDING) == "1"
    _builds[id(config)] = {
        "root": root,
        "language": current.code,
        "root_path": current.root,
        "primary": current == site[0],
        "other_roots": tuple(language.root for language in site if language != current),
        "recorded": [] if recording else published.read_record(root / published.RECORD),
        "redirects": redirects.load_redirects(root / "data"),
        "titles": {},
    }
    return config


@reported
def on_files(files, config):
    record = _builds[id(config)]
    pages = {file.src_uri for file in files.documentation_pages()}
    folder = f"docs/{record['language']}"
    here = record["root_path"]
    if problems := redirects.problems(
        record["redirects"],
        pages,
        folder,
        other_roots=[r[len(here) :] for r in record["other_roots"] if r.startswith(here)],
        files=published.files_under(record["recorded"], here),
    ):
        raise ContentError("\n".join(problems))
    return files


def on_page_context(context, page, config, nav):
    # A page's title is HTML (the theme writes it as it is); the redirect pages want the text.
    _builds[id(config)]["titles"][page.file.src_uri] = html.unescape(page.title)
    return context


@reported
def on_post_build(config):
    record = _builds.pop(id(config))
    site = Path(config.site_dir)
    root_url = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    redirects.write(
        site, record["redirects"], record["language"], root_url, record["titles"], config.site_name
    )
    if record["primary"]:
        recorded = record["recorded"]
        if builds.mode() == "none":  # a preview of this language alone
            recorded = [a for a in recorded if not a.startswith(record["other_roots"])]
        for address in published.lost(recorded, published.addresses(site)):
            log.warning(published.lost_message(address))
