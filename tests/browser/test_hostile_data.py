"""The proof that data is text: a site built from catalogs and a product block whose every
text field is hostile, read page by page in Chromium.

No dialog opens, no element or attribute the data tried to inject exists, no link runs
script, and the strings show literally where they belong (title, headings, navigation,
code blocks, tables, ``<meta>``, the header's brand).
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading

import pytest
import yaml

from support import LANGUAGES, OTHERS, PRIMARY, copy_project, dump_yaml, run_build

OTHER_FOLDERS = {LANGUAGES[code] for code in OTHERS}

PROSE_CORE = (
    "<script>alert(1)</script> \"'><img src=x onerror=alert(1) class=pwn> </title></script>"
    "<b class=pwn>b</b> <!-- md:pricing reasoning --> \u202eevil\u202c | ++ctrl++ "
    'x{: onclick="alert(1)" } :smile:'
)
"""What catalog prose (meaning, steps) may hold: links only to https (none here), known
placeholders; ``**bold**`` and ``*emphasis*`` are prose's own Markdown, so they are left out."""
CORE = (
    PROSE_CORE + " *em* __strong__ [x](javascript:alert(1)) {{ product }} {{ nope }} {{ error:x }}"
)
SHORT = "<img src=x onerror=alert(1) class=pwn>\"'></title>|\u202e{{ product }}"
BRAND = "Acme | {{ product }} \u202eChat's javascript:alert(1) !!! tip"
"""site_name: the theme writes it unescaped, so it may not hold < > & or quotes; the rest stays."""
INJECTED = (
    ".pwn, [onerror], [onload], [onclick], img[src='x'], a[href^='javascript' i], "
    "a[href^='data:' i], kbd, details.note"
)


def hostile(tag: str, core: str = CORE) -> str:
    return f"{tag} {core}"


def fill_models(data: dict) -> None:
    data["billing"]["source"] = 'https://example.com/billing"><script>alert(1)</script>'
    for number, model in enumerate(data["models"]):
        model["name"] = f"M{number} {SHORT}"[:100]
        model["good_for"] = {lang: hostile(f"good-{lang}-{number}") for lang in LANGUAGES}
        model["notes"] = hostile(f"notes-{number}")
        model["source"] = f'https://example.com/m{number}"><img/src=x/onerror=alert(1)>'


def fill_errors(data: dict) -> None:
    for number, error in enumerate(data["errors"]):
        tag = f"E{number}"
        error["title"] = {lang: hostile(f"{tag}-title-{lang}")[:200] for lang in LANGUAGES}
        error["messages"]["current"] = hostile(f"{tag}-message")
        error["messages"]["older"] = [hostile(f"{tag}-older")]
        error["product_message"] = {lang: hostile(f"{tag}-product-{lang}") for lang in LANGUAGES}
        error["meaning"] = {
            lang: hostile(f"{tag}-meaning-{lang}", PROSE_CORE + " {{ product }}")
            for lang in LANGUAGES
        }
        error["steps"] = {
            lang: [hostile(f"{tag}-step-{lang}-{n}", PROSE_CORE) for n in range(len(steps))]
            for lang, steps in error["steps"].items()
        }
        if error["type"] is not None:
            error["type"] = hostile(f"{tag}-type")
        if error["code"] is not None:
            error["code"] = hostile(f"{tag}-code")
        error["source"] = f'https://example.com/{tag}"><script>alert(1)</script>'
        error["notes"] = hostile(f"{tag}-notes")


def fill_product(product: dict) -> None:
    product["name"] = hostile("product", SHORT)[:200]
    for key in product["menu"]:
        product["menu"][key] = {lang: hostile(f"menu-{key}-{lang}", SHORT) for lang in LANGUAGES}
    product["support"]["chat"] = {lang: hostile(f"chat-{lang}")[:200] for lang in LANGUAGES}
    product["support"]["hours"] = hostile("hours", SHORT)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    for name, fill in (("models.yml", fill_models), ("errors.yml", fill_errors)):
        path = project / "data" / name
        data = yaml.safe_load(path.read_text("utf-8"))
        fill(data)
        path.write_text(dump_yaml(data), "utf-8")

    config = (project / "mkdocs.yml").read_text("utf-8")
    product_start = config.index("  product:\n")
    product_end = config.index("\nextra_css:")
    product = yaml.safe_load(config[product_start:product_end].replace("*brand", "Acme"))
    fill_product(product["product"])
    block = yaml.safe_dump(product, allow_unicode=True, sort_keys=False, width=10_000)
    config = config[:product_start] + re.sub(r"(?m)^", "  ", block).rstrip() + config[product_end:]
    config = config.replace("site_name: &brand Acme Chat", f"site_name: {json.dumps(BRAND)}")
    (project / "mkdocs.yml").write_text(config, "utf-8")

    for language in LANGUAGES:
        guide = project / "docs" / language / "help.md"
        body = guide.read_text("utf-8").split("---\n", 2)[2]
        meta = {"title": f"G {SHORT}", "description": hostile(f"guide-{language}")}
        guide.write_text(f"---\n{dump_yaml(meta)}---\n{body}", "utf-8")

    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    errors = yaml.safe_load((project / "data" / "errors.yml").read_text("utf-8"))["errors"]
    models = yaml.safe_load((project / "data" / "models.yml").read_text("utf-8"))["models"]

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield {
        "url": f"http://127.0.0.1:{httpd.server_address[1]}/",
        "site": site,
        "errors": errors,
        "models": models,
        "product": product["product"],
    }
    httpd.shutdown()


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.dialogs = dialogs
    yield page
    context.close()


def injected(page) -> list[str]:
    """Elements or attributes the data tried to inject, and scripts that would alert."""
    return page.evaluate(
        """(selector) => [
            ...[...document.querySelectorAll(selector)].map((e) => e.outerHTML.slice(0, 120)),
            ...[...document.scripts]
                .filter((s) => s.type !== "application/json" && s.text.includes("alert("))
                .map((s) => "script: " + s.text.slice(0, 80)),
        ]""",
        INJECTED,
    )


def pages(site, language: str) -> list[str]:
    folder = site / LANGUAGES[language]
    found = []
    for index in sorted(folder.rglob("index.html")):
        relative = index.parent.relative_to(folder).as_posix()
        if language == PRIMARY and relative.split("/")[0] + "/" in OTHER_FOLDERS:
            continue
        found.append("" if relative == "." else relative + "/")
    return found


def literal(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_runs_or_injects_anything_from_data(hostile_site, tab, language):
    urls = [*pages(hostile_site["site"], language), "404.html"]
    assert len(urls) > 30
    problems = []
    for url in urls:
        tab.goto(hostile_site["url"] + LANGUAGES[language] + url, wait_until="load")
        tab.wait_for_timeout(50)
        problems += [f"{url}: {found}" for found in injected(tab)]
        brand = tab.locator(".md-header__topic:first-child .md-ellipsis").inner_text()
        if brand.strip() != BRAND:
            problems.append(f"{url}: header brand {brand!r}")
        if not tab.title().endswith(BRAND):
            problems.append(f"{url}: title {tab.title()!r}")
    assert tab.dialogs == []
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_error_texts_show_literally_where_they_belong(hostile_site, tab, language):
    error = hostile_site["errors"][0]
    product_name = hostile_site["product"]["name"]
    title = literal(error["title"][language])
    if error["status"]:
        title = f"{error['status']} · {title}"
    tab.goto(f"{hostile_site['url']}{LANGUAGES[language]}errors/{error['slug']}/")
    assert tab.locator("article h1").inner_text().strip().removesuffix("¶") == title
    assert tab.title() == f"{title} - {BRAND}"
    blocks = tab.locator("article pre code").all_inner_texts()
    assert blocks[0].strip() == error["messages"]["current"]
    assert blocks[1].strip() == error["messages"]["older"][0]
    assert blocks[2].strip() == error["product_message"][language]
    meaning = error["meaning"][language].replace("{{ product }}", product_name)
    assert tab.locator("meta[name=description]").get_attribute("content") == meaning
    paragraphs = [literal(text) for text in tab.locator("article p").all_inner_texts()]
    assert literal(meaning) in paragraphs
    steps = [literal(text) for text in tab.locator("article ol > li").all_inner_texts()]
    assert steps[: len(error["steps"][language])] == [
        literal(step) for step in error["steps"][language]
    ]
    cells = [literal(text) for text in tab.locator("article table td").all_inner_texts()]
    assert literal(error["code"] or "") in cells or error["code"] is None
    # Error pages are reached from the errors index (not listed in every page's navigation).
    tab.goto(f"{hostile_site['url']}{LANGUAGES[language]}errors/")
    links = [literal(text) for text in tab.locator("article table a").all_inner_texts()]
    assert literal(error["title"][language]) in links
    assert tab.locator(".pwn, img[onerror]").count() == 0
    assert injected(tab) == [] and tab.dialogs == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_model_and_product_texts_show_literally(hostile_site, tab, language):
    tab.goto(f"{hostile_site['url']}{LANGUAGES[language]}models/")
    cells = " ".join(literal(text) for text in tab.locator("article table td").all_inner_texts())
    for model in hostile_site["models"]:
        assert literal(model["name"]) in cells
    good_for = hostile_site["models"][0]["good_for"][language]
    assert literal(good_for) in cells
    tab.goto(f"{hostile_site['url']}{LANGUAGES[language]}help/")
    guide_title = literal(f"G {SHORT}")
    assert tab.title() == f"{guide_title} - {BRAND}"
    description = tab.locator("meta[name=description]").get_attribute("content")
    assert description == hostile(f"guide-{language}")
    nav = [literal(text) for text in tab.locator("nav.md-nav--primary a").all_inner_texts()]
    assert guide_title in nav
    text = literal(tab.locator("article").inner_text())
    product = hostile_site["product"]
    assert literal(product["support"]["chat"][language]) in text
    assert literal(product["support"]["hours"]) in text
    assert tab.locator("article a[href^='mailto:']").count() >= 1
    assert injected(tab) == [] and tab.dialogs == []


def test_searching_the_hostile_site_injects_nothing(hostile_site, tab):
    tab.goto(hostile_site["url"])
    box = tab.locator("input.md-search__input")
    # The first query waits for the search index; the others search the hostile texts.
    for query in ("ayuda", "alert", "onerror", "title", "message"):
        box.fill(query)
        box.press("End")
        tab.wait_for_function(
            """(q) => [...document.querySelectorAll(".md-search-result__item mark")]
                .some((mark) => mark.textContent.toLowerCase().includes(q))""",
            arg=query[:4],
            timeout=60_000 if query == "ayuda" else 20_000,
        )
        assert injected(tab) == []
    assert tab.dialogs == []
