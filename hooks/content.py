"""What pages say: catalog facts and product names, in the page's language.

on_config        load data/models.yml and data/errors.yml (helpcenter.models, helpcenter.errors)
on_files         add one generated page per error (helpcenter.errorpages), listed in the nav,
                 and errors/messages.json, which the search box uses to recognise pasted
                 errors and reader phrases (helpcenter.errorfinder; guides' front matter phrases)
on_page_markdown fill {{ placeholders }} and <!-- md:markers --> (helpcenter.markers), among them
                 the cost estimator's form (helpcenter.estimator_form); warn on pages that name
                 a model that is going away (helpcenter.pricing)
on_page_content  admonition titles in the page's language (helpcenter.admonitions)
on_post_build    publish models.json and errors.json (helpcenter.errorlinks) with their schemas
"""

import html
import shutil
from pathlib import Path

from mkdocs.structure.files import File

from _reporting import reported
from helpcenter import (
    admonitions,
    errorlinks,
    errors,
    estimator_form,
    languages,
    markers,
    models,
)
from helpcenter.errorpages import ErrorText, first_heading
from helpcenter.formatting import build_day, whole_money
from helpcenter.frontmatter import check_front_matter, front_matter_phrases
from helpcenter.pricing import ModelText
from helpcenter.product import product_values

_build = {}


@reported
def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    site = languages.languages_from_config(config.extra.get("alternate"))
    current = languages.find_language(site, config.theme["language"])
    language, locale, codes = current.code, current.locale, [each.code for each in site]
    catalog = models.load_catalog(root / "data")
    error_catalog = errors.load_errors(root / "data", Path(config.docs_dir).parent, codes)
    day = build_day()
    model_text = ModelText(catalog, language, locale, day)
    error_text = ErrorText(error_catalog, language, locale, guide_titles={})

    errorlinks.check_recorded_slugs(error_catalog, root / "data")
    site_root = languages.site_root_url(config.site_url or "/", current)
    roots = {each.code: site_root + each.root.lstrip("/") for each in site}

    values = product_values(config.extra.get("product"), language, codes)
    values["billing.minimum_top_up"] = whole_money(catalog.minimum_top_up, locale)
    _build.update(
        root=root,
        language=language,
        catalog=catalog,
        model_text=model_text,
        error_text=error_text,
        error_catalog=error_catalog,
        roots=roots,
        markers=markers.Markers(
            values=values,
            inline={
                "model": lambda arg, page: model_text.name(arg, page.source),
                "error": lambda arg, page: error_text.link(arg, page.path, page.source),
            },
            blocks={
                "pricing": lambda args, page: model_text.table(" ".join(args), page.source),
                "recommendation": lambda args, page: model_text.recommendation(page.source),
                "errors-index": lambda args, page: error_text.index(page.path),
                "estimator": lambda args, page: estimator_form.render(
                    catalog, language, locale, day, page.source, args
                ),
            },
        ),
    )
    errors.list_in_nav(config.nav, error_catalog)
    return config


@reported
def on_files(files, config):
    error_text = _build["error_text"]
    error_text.guide_titles = {
        file.src_uri: first_heading(file.content_string) for file in files.documentation_pages()
    }
    language = _build["language"]
    phrases = {
        file.src_uri: front_matter_phrases(file.content_string, f"docs/{language}/{file.src_uri}")
        for file in files.documentation_pages()
    }
    for error in error_text.catalog.errors:
        files.append(File.generated(config, error.path, content=error_text.page(error)))
    files.append(
        File.generated(config, f"{errors.FOLDER}/messages.json", content=error_text.finder(phrases))
    )
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
    model_text = _build["model_text"]
    return model_text.with_notice(expanded, model_text.mentions(markdown))


def on_page_content(html, page, config, files):
    return admonitions.translate_default_titles(html, _build["language"])


@reported
def on_post_build(config):
    site = Path(config.site_dir)
    (site / "models.json").write_text(models.catalog_json(_build["catalog"]), encoding="utf-8")
    shutil.copyfile(_build["root"] / "data" / models.SCHEMA, site / models.SCHEMA)
    published = errorlinks.errors_json(_build["error_catalog"], _build["roots"])
    (site / "errors.json").write_text(published, encoding="utf-8")
    shutil.copyfile(_build["root"] / "data" / errorlinks.SCHEMA, site / errorlinks.SCHEMA)
