"""Each page says when it last changed, in its language (helpcenter.catalog.history).

on_config         read git history once per build (nothing when there is none)
on_page_markdown  set the page's revision_date, which Material shows under the page
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from _reporting import reported
from _state import PerBuild
from helpcenter.catalog.history import last_changes
from helpcenter.localized import long_date
from helpcenter.site import languages
from helpcenter.site.labels import label

ERRORS_CATALOG = "data/errors.yml"


@dataclass
class HistoryBuild:
    language: languages.Language
    folder: str
    """The language's docs folder, relative to the project (``docs/es``)."""
    changes: dict[str, date]
    """Each source file's last change, from git (empty without history)."""


_builds: PerBuild[HistoryBuild] = PerBuild("hooks/history.py")


@reported
def on_config(config):
    _, language = languages.of_build(config)
    root = Path(config.config_file_path).resolve().parent
    folder = Path(config.docs_dir).relative_to(root).as_posix()
    _builds.start(
        config, HistoryBuild(language, folder, last_changes(root, [folder, ERRORS_CATALOG]))
    )
    return config


@reported
def on_page_markdown(markdown, page, config, files):
    build = _builds.of(config)
    source = ERRORS_CATALOG if page.file.generated_by else f"{build.folder}/{page.file.src_uri}"
    day = build.changes.get(source)
    if day:
        language = build.language
        page.meta["revision_date"] = label("history.updated", language.code).format(
            date=long_date(day, language.locale)
        )
    return markdown
