"""What pages say: catalog facts and product names, in the page's language.

on_config        check the brand, site_url and extra.product (a release build, HELPCENTER_RELEASE=1,
                 refuses their example values; other builds say once that they are examples);
                 load data/models.yml (for the build day), data/errors.yml and data/words.yml
                 (helpcenter.catalog.models, helpcenter.catalog.errors, helpcenter.catalog.words)
on_files         read every guide (UTF-8, size, admonition types); add one generated page per
                 error (helpcenter.pages.errorpages), reached from the errors index rather than listed
                 in every page's navigation (which would grow with pages x errors);
                 errors/messages.json, which the search box uses to recognise pasted errors and
                 reader questions (helpcenter.tools.errorfinder; the guides' phrases and sections,
                 helpcenter.pages.searchtexts; the readers' words), each phrase given to one
                 error or page of the language; and
                 changes.xml, the Atom feed of the catalog's changes (helpcenter.publish.feed)
on_page_markdown fill {{ placeholders }} and <!-- md:markers --> (helpcenter.pages.markers), among them
                 the cost estimator's form (helpcenter.pages.estimator_form), the "What changed"
                 list (helpcenter.pages.changes), the diagrams (helpcenter.pages.diagrams) and guide titles
                 (helpcenter.pages.guides); warn on pages that name a model going away with
                 {{ model:… }} (helpcenter.pages.pricing); pages with price tables or that list link
                 the Atom feed in their <head>. Error pages are written final by
                 helpcenter.pages.errorpages: nothing from data is expanded here
on_page_content  admonition titles in the page's language (helpcenter.pages.admonitions); refuse a
                 page whose HTML would run script or link outside https/mailto (helpcenter.pages.safety)
on_page_context  "Was this page helpful?": its words and the mailto: link of its "no", carrying the
                 page's title, address and language (helpcenter.pages.pageactions)
on_post_build    publish models.json and errors.json with their schemas (helpcenter.publish.api,
                 helpcenter.publish.errorlinks)

Each language's build keeps its own state (hooks/_state.py).
"""

import html
import logging
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from _reporting import reported
from _state import PerBuild
from helpcenter.buildday import build_day
from helpcenter.catalog import errors, models, words
from helpcenter.catalog.datafile import read_text
from helpcenter.catalog.frontmatter import check_front_matter, check_meta
from helpcenter.catalog.product import (
    RELEASE,
    check_brand,
    example_values,
    markdown_values,
    product_texts,
)
from helpcenter.localized import money
from helpcenter.pages import (
    admonitions,
    changes,
    diagrams,
    estimator_form,
    markers,
    pageactions,
    safety,
)
from helpcenter.pages.errorpages import ErrorText, phrase_problems
from helpcenter.pages.guides import GuideTitles
from helpcenter.pages.markers import Markers
from helpcenter.pages.pricing import ModelText
from helpcenter.pages.searchtexts import search_texts
from helpcenter.problems import ContentError
from helpcenter.publish import api, errorlinks
from helpcenter.site import languages

log = logging.getLogger("mkdocs.hooks.content")

MAX_PAGE_BYTES = 1_000_000
"""The largest guide read."""


@dataclass
class ContentBuild:
    """What one language's build needs to fill its pages: its catalogs for the build day,
    the product's values and the renderers made from them. ``markers`` maps each placeholder
    and marker name to the method that writes it."""

    root: Path
    docs: str
    """The docs folder, relative to the project (``docs/es``): how problems name a page."""
    language: str
    locale: str
    day: date
    tag: str
    texts: dict[str, str]
    """``extra.product`` in this language, flattened (``product``, ``support.email`` …)."""
    catalog: models.Catalog
    error_catalog: errors.ErrorCatalog
    reader_words: words.WordsFile
    roots: dict[str, str]
    """Each language's absolute root URL, for the addresses errors.json publishes."""
    model_text: ModelText
    change_text: changes.ChangeText
    error_text: ErrorText
    guides: GuideTitles
    values: dict[str, str]
    markers: Markers = field(init=False)

    def __post_init__(self):
        self.markers = Markers(
            values=self.values,
            inline={
                "model": self._model_name,
                "error": self._error_link,
                "title": self._guide_title,
                "page": self._guide_link,
            },
            blocks={
                "pricing": self._pricing,
                "recommendation": self._recommendation,
                "errors-index": self._errors_index,
                "errors-legend": self._errors_legend,
                "changes": self._changes,
                "diagram": self._diagram,
                "estimator": self._estimator,
            },
        )

    def source(self, src_uri: str) -> str:
        return f"{self.docs}/{src_uri}"

    def _model_name(self, arg, page):
        return self.model_text.name(arg, page.source)

    def _error_link(self, arg, page):
        return self.error_text.link(arg, page.path, page.source)

    def _guide_title(self, arg, page):
        return self.guides.title(arg, page.source)

    def _guide_link(self, arg, page):
        return self.guides.link(arg, page.path, page.source)

    def _pricing(self, args, page):
        return self.model_text.table(" ".join(args), page.source)

    def _recommendation(self, args, page):
        return self.model_text.recommendation(page.source)

    def _errors_index(self, args, page):
        return self.error_text.index(page.path)

    def _errors_legend(self, args, page):
        return self.error_text.legend(page.path)

    def _changes(self, args, page):
        return self.change_text.table(page.path, page.source, args)

    def _diagram(self, args, page):
        return diagrams.render(args, self.language, self.texts, page.source)

    def _estimator(self, args, page):
        return estimator_form.render(
            self.catalog, self.language, self.locale, self.day, page.source, args
        )


_builds: PerBuild[ContentBuild] = PerBuild("hooks/content.py")


@reported
def on_config(config):
    check_brand(config.site_name)
    root = Path(config.config_file_path).resolve().parent
    site, current = languages.of_build(config)
    languages.check_site_url(config.site_url, Path(config.config_file_path).name)
    language, locale, codes = current.code, current.locale, [each.code for each in site]
    day = build_day()
    catalog = models.load_catalog(root / "data", day, codes)
    error_catalog = errors.load_errors(root / "data", Path(config.docs_dir).parent, codes)
    reader_words = words.load_words(root / "data", codes)
    model_text = ModelText(catalog, language, locale, day)
    change_text = changes.ChangeText(catalog, language, locale)

    site_root = languages.site_root_url(config.site_url or "/", current)
    roots = {each.code: site_root + each.root.lstrip("/") for each in site}

    texts = product_texts(config.extra.get("product"), language, codes)
    if examples := example_values(texts, config.site_name, config.site_url):
        if os.environ.get(RELEASE) == "1":
            raise ContentError("\n".join(examples))
        if current == site[0]:
            log.info(
                f"mkdocs.yml holds {len(examples)} example values (placeholder brand, "
                "documentation IPs, .example addresses): fine for a preview; a release build "
                "(make release) refuses them"
            )
    texts["billing.minimum_top_up"] = money(catalog.minimum_top_up, locale, least=0)
    values = markdown_values(texts)
    error_text = ErrorText(
        error_catalog, language, locale, guide_titles={}, values=values, texts=texts
    )
    _builds.start(
        config,
        ContentBuild(
            root=root,
            docs=Path(config.docs_dir).relative_to(root).as_posix(),
            language=language,
            locale=locale,
            day=day,
            tag=current.tag,
            texts=texts,
            catalog=catalog,
            error_catalog=error_catalog,
            reader_words=reader_words,
            roots=roots,
            model_text=model_text,
            change_text=change_text,
            error_text=error_text,
            guides=GuideTitles(),
            values=values,
        ),
    )
    return config


@reported
def on_files(files, config):
    build = _builds.of(config)
    error_text = build.error_text
    guides, phrases = [], {}
    for file in files.documentation_pages():
        source = build.source(file.src_uri)
        file.content_string = read_text(Path(file.abs_src_path), source, MAX_PAGE_BYTES)
        admonitions.check_types(file.content_string, source)
        guides.append((file.src_uri, file.content_string))
        phrases[file.src_uri] = search_texts(file.content_string, source, error_text.texts)
    page_phrases = {path: texts.phrases for path, texts in phrases.items()}
    language, docs = build.language, build.docs
    if problems := phrase_problems(error_text.catalog, page_phrases, language, docs):
        raise ContentError("\n".join(problems))
    build.guides.read(guides, build.markers, build.language)
    error_text.guide_titles = build.guides.titles
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
        File.generated(
            config,
            f"{errors.FOLDER}/messages.json",
            content=error_text.finder(
                phrases,
                words.synonyms(build.reader_words, build.language),
                words.ignored(build.reader_words, build.language),
            ),
        )
    )
    feed = build.change_text.feed(config.site_url, build.texts["product"])
    files.append(File.generated(config, changes.FEED, content=feed))
    return files


@event_priority(100)  # first: every other hook reads the page with its values expanded
@reported
def on_page_markdown(markdown, page, config, files):
    build = _builds.of(config)
    language = build.language
    model_text = build.model_text
    if page.file.generated_by:
        return markdown
    where = markers.Page(
        language=language,
        path=page.file.src_uri,
        source=build.source(page.file.src_uri),
    )
    check_front_matter(markdown, where.source)
    check_meta(page.meta, where.source)
    if "title" in page.meta:
        # Front matter is data, shown as typed; the theme writes page titles unescaped.
        page.meta["title"] = html.escape(" ".join(page.meta["title"].split()))
    expanded = build.markers.expand(markdown, where)
    if changes.wants_feed(markdown):
        page.meta["hc_feed"] = {
            "href": changes.FEED,
            "title": build.change_text.feed_title(build.texts["product"]),
        }
    return model_text.with_notice(expanded, model_text.mentions(markdown))


@reported
def on_page_content(html, page, config, files):
    build = _builds.of(config)
    if problem := safety.unsafe_html(html):
        where = (
            f"data/errors.yml: error '{page.file.src_uri.removeprefix('errors/')[:-3]}'"
            if page.file.generated_by
            else build.source(page.file.src_uri)
        )
        raise ContentError(
            f"{where}: the page would hold {problem}; expected text and https: or mailto: links"
        )
    return admonitions.translate_default_titles(html, build.language)


@reported
def on_page_context(context, page, config, nav):
    build = _builds.of(config)
    # The page's own H1 (a page's navigation title, such as the home's, may be shorter).
    heading = page.toc.items[0] if page.toc.items and page.toc.items[0].level == 1 else None
    title = html.unescape(heading.title if heading else page.title or config.site_name)
    context["page_feedback"] = pageactions.feedback(
        page.canonical_url, title, build.language, build.tag, build.texts["support.email"]
    )
    return context


@reported
def on_post_build(config):
    build = _builds.of(config)
    site = Path(config.site_dir)
    data = build.root / "data"
    api.publish(site, data, "models.json", models.catalog_json(build.catalog))
    api.publish(site, data, "errors.json", errorlinks.errors_json(build.error_catalog, build.roots))
