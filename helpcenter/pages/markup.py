"""Small repairs to the theme's HTML that pages cannot make themselves."""

from __future__ import annotations

import re

from helpcenter.problems import ContentError

_SEARCH = 'data-md-component="search"'
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_INPUT_LABEL = re.compile(r'<input [^>]*class="md-search__input"[^>]*aria-label="([^"]*)"')


def name_search_dialog(html: str) -> str:
    """Give Material's search dialog the accessible name of its own search box.

    Screen readers announce a dialog by its name; Material leaves this one unnamed. The
    repair finds the dialog by Material's exact HTML (partials/search.html, recorded in
    tests/test_theme.py): a page with Material's search that it no longer recognises fails
    the build rather than keep an unnamed dialog unnoticed.
    """
    if _SEARCH not in html:
        return html
    label = _SEARCH_INPUT_LABEL.search(html)
    if _SEARCH_DIALOG not in html or not label:
        raise ContentError(
            "Material's search dialog is no longer written as helpcenter/pages/markup.py "
            f"expects ({_SEARCH_DIALOG} with a labelled md-search__input): adapt the repair "
            "to the theme's new partials/search.html"
        )
    named = _SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{label.group(1)}"')
    return html.replace(_SEARCH_DIALOG, named, 1)
