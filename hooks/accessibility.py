"""Accessibility repairs to every page Material renders (helpcenter.markup).

on_post_page   name the search dialog
"""

from helpcenter.markup import name_search_dialog


def on_post_page(output, page, config):
    return name_search_dialog(output)
