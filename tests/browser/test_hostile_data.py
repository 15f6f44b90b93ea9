"""The proof that data is text: a site built from catalogs and a product block whose every
text field is hostile, read page by page in Chromium.

No dialog opens, no element or attribute the data tried to inject exists, no link runs
script, and the strings show literally where they belong (title, headings, navigation,
code blocks, tables, ``<meta>``, the header's brand, the diagrams' SVG text), also in the
files assistants and the product read (``llms.txt``, the Markdown twins, rendered as Markdown)
and in the message patterns of ``errors.json``, which the product runs on what it is given.
Invisible characters and codes outside their alphabet are refused before any of this (the
catalog and rendering tests), so the data here holds none.
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
    "<b class=pwn>b</b> <!-- md:pricing reasoning --> #1 [beta] | ++ctrl++ "
    'x{: onclick="alert(1)" } :smile:'
)
"""What catalog prose (meaning, steps) may hold: links only to https (none here), known
placeholders; ``**bold**`` and ``*emphasis*`` are prose's own Markdown, so they are left out."""
CORE = (
    PROSE_CORE + " *em* __strong__ [x](javascript:alert(1)) {{ product }} {{ nope }} {{ error:x }}"
)
SHORT = "<img src=x onerror=alert(1) class=pwn>\"'></title>|*ya* [b] #1{{ product }}"
BRAND = "Acme | {{ product }} *Chat's* [beta] #1 javascript:alert(1) !!! tip"
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


def letters(number: int) -> str:
    """A word of letters only, one per error, so that patterns differ: 12 is "bc"."""
    return "".join(chr(ord("a") + int(digit)) for digit in str(number))


def fill_errors(data: dict) -> None:
    for number, error in enumerate(data["errors"]):
        tag = f"E{number}"
        error["title"] = {lang: hostile(f"{tag}-title-{lang}")[:200] for lang in LANGUAGES}
        error["messages"]["current"] = hostile(f"{tag}-message")
        error["messages"]["older"] = [
            hostile(f"{tag}-older"),
            f"Key sk-a-b-c-{number} of {letters(number)} at 2026-12-06 10:20:30:40 for org-x-y-{number}",
        ]
        error["product_message"] = {lang: hostile(f"{tag}-product-{lang}") for lang in LANGUAGES}
        error["meaning"] = {
            lang: hostile(f"{tag}-meaning-{lang}", PROSE_CORE + " {{ product }}")
            for lang in LANGUAGES
        }
        error["steps"] = {
            lang: [hostile(f"{tag}-step-{lang}-{n}", PROSE_CORE) for n in range(len(steps))]
            for lang, steps in error["steps"].items()
        }
        if error["code"] is not None:
            error["code"] = f"{tag.lower()}_code.x-y"
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
    assert [block.strip() for block in blocks[1:3]] == error["messages"]["older"]
    assert blocks[3].strip() == error["product_message"][language]
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


def show_markdown(tab, text: str) -> str:
    """``text`` rendered as Markdown (raw HTML passes, as in most Markdown viewers) in the tab;
    the text the reader sees."""
    import markdown

    html = markdown.markdown(text, extensions=["tables", "fenced_code"])
    tab.set_content(f"<!doctype html><meta charset='utf-8'><body>{html}</body>")
    return literal(tab.locator("body").inner_text())


@pytest.mark.parametrize("language", LANGUAGES)
def test_llms_txt_and_twins_are_text_when_rendered(hostile_site, tab, language):
    folder = hostile_site["site"] / LANGUAGES[language]
    error = hostile_site["errors"][0]
    product = hostile_site["product"]
    shown = show_markdown(tab, (folder / "llms.txt").read_text("utf-8"))
    assert literal(hostile(f"guide-{language}")) in shown
    assert literal(f"G {SHORT}") in shown
    assert shown.startswith(literal(BRAND))
    assert injected(tab) == [] and tab.dialogs == []
    twin = (folder / "errors" / error["slug"] / "index.md").read_text("utf-8")
    shown = show_markdown(tab, twin)
    assert literal(error["messages"]["current"]) in shown
    assert literal(error["product_message"][language]) in shown
    assert injected(tab) == [] and tab.dialogs == []
    shown = show_markdown(tab, (folder / "help" / "index.md").read_text("utf-8"))
    assert literal(product["support"]["chat"][language]) in shown
    assert injected(tab) == [] and tab.dialogs == []
    shown = show_markdown(tab, (folder / "connect-key" / "index.md").read_text("utf-8"))
    assert literal(product["menu"]["save"][language]) in shown
    assert injected(tab) == [] and tab.dialogs == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_diagrams_show_menu_labels_and_the_brand_as_typed(hostile_site, tab, language):
    product = hostile_site["product"]
    tab.goto(f"{hostile_site['url']}{LANGUAGES[language]}connect-key/")
    buttons = tab.locator("svg text[font-size='14'][text-anchor]").evaluate_all(
        "(texts) => texts.map((text) => text.textContent)"
    )
    assert buttons == [product["menu"]["save"][language], product["menu"]["test"][language]]
    assert injected(tab) == [] and tab.dialogs == []
    tab.goto(f"{hostile_site['url']}{LANGUAGES[language]}")
    description = tab.locator("svg desc").text_content()
    assert product["name"] in description and "\\" not in description
    assert injected(tab) == [] and tab.dialogs == []


def test_every_published_pattern_runs_fast_in_the_browser_on_hostile_50_kb_texts(hostile_site, tab):
    tab.goto(hostile_site["url"])
    found = tab.evaluate(
        """async () => {
            const data = await (await fetch("errors.json")).json();
            const result = { patterns: 0, unmatched: [], worst: 0 };
            for (const error of data.errors) {
                const patterns = error.patterns.map((pattern) => new RegExp(pattern));
                result.patterns += patterns.length;
                for (const message of error.messages) {
                    if (!patterns.some((pattern) => pattern.test(message))) {
                        result.unmatched.push(message.slice(0, 80));
                    }
                    // Each prefix of the message, then a long run the pattern's parts could
                    // split in countless ways, then a character where nothing goes on.
                    const spaces = [...message.matchAll(/ /g)].map((match) => match.index);
                    for (const at of spaces) {
                        for (const run of ["a1-", "a1:"]) {
                            const text = message.slice(0, at + 1) + run.repeat(16667) + "\\u0000";
                            for (const pattern of patterns) {
                                const start = performance.now();
                                pattern.test(text);
                                result.worst = Math.max(result.worst, performance.now() - start);
                            }
                        }
                    }
                }
            }
            return result;
        }"""
    )
    assert found["patterns"] >= len(hostile_site["errors"]) * 2
    assert found["unmatched"] == []
    assert found["worst"] < 250, f"slowest match took {found['worst']:.0f} ms"
