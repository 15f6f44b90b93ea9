"""What pages say: catalog facts and product names, in the page's language.

on_config        load data/models.yml and data/errors.yml (helpcenter.models, helpcenter.errors)
on_files         add one generated page per error (helpcenter.errorpages), reached from the
                 errors index rather than listed in every page's navigation (which would grow
                 with pages x errors), and errors/messages.json, which the search box uses
                 to recognise pasted messages; and changes.xml, the Atom feed of the
                 catalog's changes (helpcenter.feed);
                 the finder also reads the reader phrases of the catalog and of the guides'
                 front matter (helpcenter.errorfinder)
on_page_markdown fill {{ placeholders }} and <!-- md:markers --> (helpcenter.markers), among them
                 the cost estimator's form (helpcenter.estimator_form), the "What changed"
                 list (helpcenter.changes), the diagrams (helpcenter.diagrams) and guide titles
                 (helpcenter.guides); warn on pages that name a model going away with
                 {{ model:… }} (helpcenter.pricing); pages with price tables or that list link
                 the Atom feed in their <head>
on_page_content  admonition titles in the page's language (helpcenter.admonitions)
on_post_build    publish models.json and errors.json with their schemas (helpcenter.api,
                 helpcenter.errorlinks)
"""

import html
from pathlib import Path

from mkdocs.structure.files import File, InclusionLevel

from _reporting import reported
from helpcenter import (
    admonitions,
    api,
    changes,
    diagrams,
    errorlinks,
    errors,
    estimator_form,
    languages,
    markers,
    models,
)
from helpcenter.errorpages import ErrorText
from helpcenter.formatting import build_day, whole_money
from helpcenter.frontmatter import check_front_matter, front_matter_phrases
from helpcenter.guides import GuideTitles
from helpcenter.pricing import ModelText
from helpcenter.product import product_values

_build = {}


@reported
def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    site = languages.languages_from_config(config.extra.get("alternate"))
    current = languages.find_language(site, config.theme["language"])
    language, locale, codes = current.code, current.locale, [each.code for each in site]
    day = build_day()
    catalog = models.load_catalog(root / "data", day)
    error_catalog = errors.load_errors(root / "data", Path(config.docs_dir).parent, codes)
    model_text = ModelText(catalog, language, locale, day)
    change_text = changes.ChangeText(catalog, language, locale)
    error_text = ErrorText(error_catalog, language, locale, guide_titles={})

    site_root = languages.site_root_url(config.site_url or "/", current)
    roots = {each.code: site_root + each.root.lstrip("/") for each in site}

    values = product_values(config.extra.get("product"), language, codes)
    values["billing.minimum_top_up"] = whole_money(catalog.minimum_top_up, locale)
    guides = GuideTitles()
    _build.update(
        guides=guides,
        root=root,
        language=language,
        product=html.unescape(values["product"]),
        catalog=catalog,
        change_text=change_text,
        model_text=model_text,
        error_text=error_text,
        error_catalog=error_catalog,
        roots=roots,
        markers=markers.Markers(
            values=values,
            inline={
                "model": lambda arg, page: model_text.name(arg, page.source),
                "error": lambda arg, page: error_text.link(arg, page.path, page.source),
                "title": lambda arg, page: guides.title(arg, page.source),
                "page": lambda arg, page: guides.link(arg, page.path, page.source),
            },
            blocks={
                "pricing": lambda args, page: model_text.table(" ".join(args), page.source),
                "recommendation": lambda args, page: model_text.recommendation(page.source),
                "errors-index": lambda args, page: error_text.index(page.path),
                "changes": lambda args, page: change_text.table(page.path, page.source, args),
                "errors-legend": lambda args, page: error_text.legend(page.path),
                "diagram": lambda args, page: diagrams.render(args, language, values, page.source),
                "estimator": lambda args, page: estimator_form.render(
                    catalog, language, locale, day, page.source, args
                ),
            },
        ),
    )
    return config


@reported
def on_files(files, config):
    error_text = _build["error_text"]
    guides = _build["guides"]
    guides.read(
        ((file.src_uri, file.content_string) for file in files.documentation_pages()),
        _build["markers"],
        _build["language"],
    )
    error_text.guide_titles = guides.titles
    language = _build["language"]
    phrases = {
        file.src_uri: front_matter_phrases(file.content_string, f"docs/{language}/{file.src_uri}")
        for file in files.documentation_pages()
    }
    for error in error_text.catalog.errors:
        files.append(
            File.generated(
                config,
                error.path,
                content=error_text.page(error),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )
        )
    files.append(
        File.generated(config, f"{errors.FOLDER}/messages.json", content=error_text.finder(phrases))
    )
    feed = _build["change_text"].feed(config.site_url, _build["product"])
    files.append(File.generated(config, changes.FEED, content=feed))
    return files


@reported
def on_page_markdown(markdown, page, config, files):
    language = _build["language"]
    where = markers.Page(
        language=language,
        path=page.file.src_uri,
        source=f"docs/{language}/{page.file.src_uri}",
    )
    check_front_matter(markdown, where.source)
    if "description" in page.meta:
        # Placeholder values are escaped for Markdown; the template escapes the attribute.
        description = _build["markers"].expand(str(page.meta["description"]), where)
        page.meta["description"] = html.unescape(description)
    expanded = _build["markers"].expand(markdown, where)
    if changes.wants_feed(markdown):
        page.meta["hc_feed"] = {
            "href": changes.FEED,
            "title": _build["change_text"].feed_title(_build["product"]),
        }
    model_text = _build["model_text"]
    return model_text.with_notice(expanded, model_text.mentions(markdown))


def on_page_content(html, page, config, files):
    return admonitions.translate_default_titles(html, _build["language"])


@reported
def on_post_build(config):
    site = Path(config.site_dir)
    api.publish(
        site, _build["root"] / "data", "models.json", models.catalog_json(_build["catalog"])
    )
    api.publish(
        site,
        _build["root"] / "data",
        "errors.json",
        errorlinks.errors_json(_build["error_catalog"], _build["roots"]),
    )
