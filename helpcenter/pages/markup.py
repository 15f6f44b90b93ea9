"""Small repairs to the theme's HTML that pages cannot make themselves."""

from __future__ import annotations

import re

_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_INPUT_LABEL = re.compile(r'<input [^>]*class="md-search__input"[^>]*aria-label="([^"]*)"')


def name_search_dialog(html: str) -> str:
    """Give Material's search dialog the accessible name of its own search box.

    Screen readers announce a dialog by its name; Material leaves this one unnamed.
    """
    label = _SEARCH_INPUT_LABEL.search(html)
    if _SEARCH_DIALOG not in html or not label:
        return html
    named = _SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{label.group(1)}"')
    return html.replace(_SEARCH_DIALOG, named, 1)
