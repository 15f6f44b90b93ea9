"""Accessibility repairs to every page Material renders (helpcenter.pages.markup).

on_post_page   name the search dialog (the build fails if Material changed it: see helpcenter.pages.markup)
"""

from _reporting import reported
from helpcenter.pages.markup import name_search_dialog


@reported
def on_post_page(output, page, config):
    return name_search_dialog(output)
