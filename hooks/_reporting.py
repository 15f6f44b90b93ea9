"""Every hook event reports a problem as one line, never a traceback.

A ``ContentError`` already names the file, the entry and the field. Anything else
raised by our code is a bug of the build, not of the content: it is told in one line
naming the hook, the event and the page being built, with the exception's own words.
MkDocs prints a ``PluginError`` without a traceback.
"""

import functools
from pathlib import Path

from mkdocs.exceptions import MkDocsException, PluginError

from helpcenter.problems import ContentError


def reported(event):
    hook = f"hooks/{Path(event.__code__.co_filename).name}"

    @functools.wraps(event)
    def wrapper(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except ContentError as error:
            raise PluginError(str(error)) from None
        except MkDocsException:
            raise
        except Exception as error:
            words = " ".join(str(error).split())[:300]
            raise PluginError(
                f"{hook} {event.__name__}, {_building(args, kwargs)}: "
                f"{type(error).__name__}: {words} (a fault in the build, not in the content)"
            ) from None

    return wrapper


def _building(args, kwargs) -> str:
    """What the event was working on, as an editor would look for it."""
    config = kwargs.get("config")
    if config is None:
        config = next((arg for arg in args if hasattr(arg, "docs_dir")), None)
    page = kwargs.get("page")
    if page is None:
        page = next((arg for arg in args if hasattr(arg, "file")), None)
    if page is not None and getattr(page, "file", None) is not None:
        if page.file.generated_by:
            return f"page {page.file.src_uri} (generated from data/errors.yml)"
        folder = Path(config.docs_dir).name if config is not None else "?"
        return f"page docs/{folder}/{page.file.src_uri}"
    if template := kwargs.get("template_name"):
        return f"template {template}"
    if config is not None:
        return f"the {config.theme['language']} site"
    return "the site"
