"""Accessibility repairs to every page Material renders (helpcenter.pages.markup).

on_post_page      name the search dialog (the build fails if Material changed it: see
                  helpcenter.pages.markup)
on_post_template  the same on the 404 page, which is a template rather than a page
"""

from _reporting import reported
from helpcenter.pages.markup import name_search_dialog


@reported
def on_post_page(output, page, config):
    return name_search_dialog(output)


@reported
def on_post_template(output_content, template_name, config):
    return name_search_dialog(output_content) if template_name.endswith(".html") else output_content
