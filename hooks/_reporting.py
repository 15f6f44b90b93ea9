"""Turns the help center's ContentError into the error MkDocs reports without a traceback."""

import functools

from mkdocs.exceptions import PluginError

from helpcenter.problems import ContentError


def reported(event):
    @functools.wraps(event)
    def wrapper(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except ContentError as error:
            raise PluginError(str(error)) from None

    return wrapper
