"""A translated page whose primary-language source changed after it says so to its reader
(helpcenter.site.translations).

on_config        read the git history once per build (one `git log` of docs/ and data/); without
                 history, no notices, which the primary build says once
on_page_context  the notice of an out-of-date page (overrides/partials/translation-notice.html);
                 an error's page (generated from data/errors.yml) has it when one of the error's
                 texts in this language is behind its Spanish text
"""

import logging
from dataclasses import dataclass, field
from pathlib import Path

from _reporting import reported
from _state import PerBuild
from helpcenter.site import languages, translations

log = logging.getLogger("mkdocs.hooks.translations")


@dataclass
class TranslationsBuild:
    """One language's build: its language and the primary's, and what git says of them."""

    primary: languages.Language
    current: languages.Language
    docs: str
    """The folder of every language's docs, relative to the project (``docs``)."""
    history: translations.History | None
    """The git history of docs/ and data/; None in the primary build and without git."""
    errors: dict = field(default_factory=dict)
    """Per language, per error slug, the Spanish changes its texts are behind."""


_builds: PerBuild[TranslationsBuild] = PerBuild("hooks/translations.py")


@reported
def on_config(config):
    site, current = languages.of_build(config)
    root = Path(config.config_file_path).resolve().parent
    docs = Path(config.docs_dir).resolve().parent.relative_to(root).as_posix()
    primary, history, errors = site[0], None, {}
    if current != primary:
        history = translations.read_history(root, translations.TRACKED)
        if history is not None:
            errors = translations.behind_by_error(root, history, [each.code for each in site])
    elif not translations.has_history(root):
        log.info("No git history here: pages carry no notice of out-of-date translations")
    _builds.start(config, TranslationsBuild(primary, current, docs, history, errors))
    return config


@reported
def on_page_context(context, page, config, nav):
    build = _builds.of(config)
    history = build.history
    if history is None:
        return context
    primary, current, docs = build.primary, build.current, build.docs
    source = f"{docs}/{primary.code}/{page.file.src_uri}"
    translation = f"{docs}/{current.code}/{page.file.src_uri}"
    if page.file.generated_by:
        slug = page.url.removeprefix("errors/").strip("/")
        behind = build.errors.get(current.code, {}).get(slug, ())
    else:
        behind = tuple(history.since_update(source, translation))
    status = translations.Status(source, translation, behind)
    href = languages.relative_url(current.root + page.url, primary.root + page.url)
    context["translation_notice"] = translations.notice(status, current, primary, href)
    return context
