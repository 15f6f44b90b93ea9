"""What pages say: catalog facts and product names, in the page's language.

on_config        load data/models.yml and data/errors.yml (helpcenter.models, helpcenter.errors)
on_files         add one generated page per error (helpcenter.errorpages), listed in the nav,
                 and errors/messages.json, which the search box uses to recognise pasted messages
on_page_markdown fill {{ placeholders }} and <!-- md:markers --> (helpcenter.markers), among them
                 the cost estimator's form (helpcenter.estimator_form); warn on pages that name
                 a model that is going away (helpcenter.pricing). Error pages are written
                 final by helpcenter.errorpages: nothing from data is expanded here
on_page_content  admonition titles in the page's language (helpcenter.admonitions); refuse a
                 page whose HTML would run script or link outside https/mailto (helpcenter.safety)
on_post_build    publish models.json and its schema

Each language's build keeps its own state (hooks/_state.py).
"""

import html
import shutil
from pathlib import Path

from mkdocs.structure.files import File

from _reporting import reported
from _state import PerBuild
from helpcenter import admonitions, errors, estimator_form, languages, markers, models, safety
from helpcenter.datafile import read_text
from helpcenter.errorpages import ErrorText, first_heading
from helpcenter.formatting import build_day, whole_money
from helpcenter.frontmatter import check_front_matter, check_meta
from helpcenter.pricing import ModelText
from helpcenter.problems import ContentError
from helpcenter.product import check_brand, markdown_values, product_texts

MAX_PAGE_BYTES = 1_000_000
"""The largest guide read."""
_builds = PerBuild("hooks/content.py")


@reported
def on_config(config):
    check_brand(config.site_name)
    root = Path(config.config_file_path).resolve().parent
    site = languages.languages_from_config(config.extra.get("alternate"))
    current = languages.find_language(site, config.theme["language"])
    language, locale, codes = current.code, current.locale, [each.code for each in site]
    catalog = models.load_catalog(root / "data")
    error_catalog = errors.load_errors(root / "data", Path(config.docs_dir).parent, codes)
    day = build_day()
    model_text = ModelText(catalog, language, locale, day)
    texts = product_texts(config.extra.get("product"), language, codes)
    texts["billing.minimum_top_up"] = whole_money(catalog.minimum_top_up, locale)
    values = markdown_values(texts)
    error_text = ErrorText(
        error_catalog, language, locale, guide_titles={}, values=values, texts=texts
    )
    _builds.start(
        config,
        root=root,
        docs=Path(config.docs_dir).relative_to(root).as_posix(),
        language=language,
        catalog=catalog,
        model_text=model_text,
        error_text=error_text,
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
    build = _builds.of(config)
    error_text = build["error_text"]
    titles = {}
    for file in files.documentation_pages():
        source = f"{build['docs']}/{file.src_uri}"
        file.content_string = read_text(Path(file.abs_src_path), source, MAX_PAGE_BYTES)
        admonitions.check_types(file.content_string, source)
        titles[file.src_uri] = first_heading(file.content_string)
    error_text.guide_titles = titles
    for error in error_text.catalog.errors:
        files.append(File.generated(config, error.path, content=error_text.page(error)))
    files.append(
        File.generated(config, f"{errors.FOLDER}/messages.json", content=error_text.finder())
    )
    return files


@reported
def on_page_markdown(markdown, page, config, files):
    build = _builds.of(config)
    language = build["language"]
    if page.file.generated_by:
        model_text = build["model_text"]
        return model_text.with_notice(markdown, model_text.mentions(markdown))
    where = markers.Page(
        language=language,
        path=page.file.src_uri,
        source=f"{build['docs']}/{page.file.src_uri}",
    )
    check_front_matter(markdown, where.source)
    check_meta(page.meta, where.source)
    if "title" in page.meta:
        # Front matter is data, shown as typed; the theme writes page titles unescaped.
        page.meta["title"] = html.escape(" ".join(page.meta["title"].split()))
    expanded = build["markers"].expand(markdown, where)
    model_text = build["model_text"]
    return model_text.with_notice(expanded, model_text.mentions(markdown))


@reported
def on_page_content(html, page, config, files):
    build = _builds.of(config)
    if problem := safety.unsafe_html(html):
        where = (
            f"data/errors.yml: error '{page.file.src_uri.removeprefix('errors/')[:-3]}'"
            if page.file.generated_by
            else f"{build['docs']}/{page.file.src_uri}"
        )
        raise ContentError(
            f"{where}: the page would hold {problem}; expected text and https: or mailto: links"
        )
    return admonitions.translate_default_titles(html, build["language"])


@reported
def on_post_build(config):
    build = _builds.of(config)
    site = Path(config.site_dir)
    (site / "models.json").write_text(models.catalog_json(build["catalog"]), encoding="utf-8")
    shutil.copyfile(build["root"] / "data" / models.SCHEMA, site / models.SCHEMA)
