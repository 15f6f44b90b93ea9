"""What a reader in a hurry meets in the built guides: no contradiction, no dead end, one name
per page, the theme speaking as the pages do, and the pictures they are promised."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from helpcenter.catalog import errors, models
from helpcenter.site.labels import label
from support import LANGUAGES, ROOT, read_config


@pytest.fixture(scope="module")
def error_catalog():
    return errors.load_errors(ROOT / "data", ROOT / "docs", list(LANGUAGES))


def index_table(site, language):
    return site.article(language, "errors/").select_one(".hc-error-index table")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_legend_explains_exactly_the_hints_the_table_uses_with_the_same_words(site, language):
    article = site.article(language, "errors/")
    table = index_table(site, language)
    in_table = {row.select("td")[-1].get_text(strip=True) for row in table.select("tbody tr")}
    legend_list = article.find(
        lambda tag: tag.name == "ul" and tag.find("strong") and tag.find_previous("h2")
    )
    legend = {
        item.find("strong").get_text(strip=True).removesuffix(".")
        for item in legend_list.find_all("li", recursive=False)
    }
    assert len(in_table) >= 6
    assert legend == in_table


LEGEND_AND = {"es": " y ", "en": " and ", "pt": " e "}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_legends_links_are_spaced_from_the_words_between_them(site, language):
    article = site.article(language, "errors/")
    pairs = 0
    for item in article.select("li"):
        links = item.find_all("a", href=True)
        if len(links) == 2 and links[0].next_sibling is not links[1]:
            assert links[0].next_sibling == LEGEND_AND[language], item
            pairs += 1
    assert pairs >= 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_errors_index_names_each_error_once_without_repeating_its_status(site, language):
    for row in index_table(site, language).select("tbody tr"):
        status, title = (cell.get_text(strip=True) for cell in row.select("td")[:2])
        assert not re.match(r"\d{3}\b", title), (status, title)
        labels = [cell.get("data-label") for cell in row.select("td")]
        assert all(labels), row


def test_contact_support_is_the_hint_only_where_our_support_can_help(error_catalog):
    elsewhere = ("help.openai.com", "propietario", "owner")
    for error in error_catalog.errors:
        if error.verdict != "contact-support":
            continue
        for language in LANGUAGES:
            steps = " ".join(error.steps[language])
            assert "../help.md" in steps, error.slug
            for words in elsewhere:
                assert words not in steps.lower(), (error.slug, words)


def test_errors_whose_steps_send_the_reader_to_openai_or_the_owner_say_so(error_catalog):
    for slug in ("not-organization-member", "organization-usage-limit"):
        assert error_catalog.get(slug).verdict == "ask-openai"


@pytest.mark.parametrize(
    ("language", "today", "older"),
    [
        ("es", "Esto responde hoy la API", "mensaje anterior"),
        ("en", "This is what OpenAI's API returns today", "older message"),
    ],
)
def test_no_error_page_calls_the_same_message_current_and_older(site, language, today, older):
    checked = 0
    for url in site.pages(language):
        if not url.startswith("errors/") or url == "errors/":
            continue
        text = site.article(language, url).get_text(" ", strip=True)
        # The page's own words, not the titles of related errors it lists at the end.
        text = text.split(label("errorpage.see_also", language))[0]
        if older in text:
            checked += 1
            assert today not in text, url
    assert checked >= 1


def section_text(soup, anchor: str) -> str:
    """The text of the section a heading's id opens, up to the next heading of its level."""
    heading = soup.find(id=anchor)
    assert heading is not None and re.fullmatch(r"h[1-6]", heading.name), anchor
    parts = []
    for sibling in heading.find_next_siblings():
        if re.fullmatch(r"h[1-6]", sibling.name or "") and sibling.name <= heading.name:
            break
        parts.append(sibling.get_text(" ", strip=True))
    return " ".join(parts)


def outgoing_ips():
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    block = text.split("outgoing_ips:", 1)[1]
    return re.findall(r"^\s+- (\S+)$", block.split("\n\n", 1)[0], re.M)


LINKS = [
    ("es", "errors/slow-down/", "rate-limits/#sube-el-trafico-de-a-poco", ["50 %", "15 minutos"]),
    ("en", "errors/slow-down/", "rate-limits/#raise-traffic-gradually", ["50%", "15 minutes"]),
    (
        "es",
        "errors/rate-limit-reached/",
        "rate-limits/#como-sube-de-nivel-tu-organizacion",
        ["automáticamente", "pagaste", "primer pago"],
    ),
    (
        "en",
        "errors/rate-limit-reached/",
        "rate-limits/#how-your-organization-moves-up",
        ["automatically", "paid", "first"],
    ),
    (
        "es",
        "errors/rate-limit-reached/",
        "rate-limits/#los-limites-son-de-toda-la-organizacion",
        ["comparten"],
    ),
    (
        "en",
        "errors/rate-limit-reached/",
        "rate-limits/#limits-apply-to-the-whole-organization",
        ["share"],
    ),
    ("es", "errors/model-not-found/", "rate-limits/#que-es-un-nivel-de-uso", ["Tier 1", "modelos"]),
    ("en", "errors/model-not-found/", "rate-limits/#what-a-usage-tier-is", ["Tier 1", "models"]),
    ("es", "errors/ip-not-authorized/", "outgoing-ips/#las-direcciones", "ips"),
    ("en", "errors/ip-not-authorized/", "outgoing-ips/#the-addresses", "ips"),
]


@pytest.mark.parametrize(("language", "page", "target", "promised"), LINKS)
def test_a_link_to_a_guide_section_lands_on_a_section_that_says_what_it_promises(
    site, language, page, target, promised
):
    if promised == "ips":
        promised = outgoing_ips()
        assert promised
    hrefs = [a["href"] for a in site.article(language, page).select("a[href*='#']")]
    base = "https://x/" + page
    resolved = {urljoin(base, href).removeprefix("https://x/") for href in hrefs}
    assert target in resolved, (page, sorted(resolved))
    url, anchor = target.split("#")
    text = section_text(site.article(language, url), anchor)
    for words in promised:
        assert words in text, (target, words)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_cards_and_quick_steps_name_each_page_by_its_title(site, language):
    article = site.article(language, "")
    cards = article.select(".grid.cards > ul > li")
    assert len(cards) >= 16
    for card in cards:
        name = card.find("strong").get_text(strip=True)
        href = card.select("a")[-1]["href"]
        h1 = site.article(language, href).find("h1").get_text(strip=True).removesuffix("¶")
        assert name == h1, href
    steps = article.find("ol").find_all("a")
    for step in steps:
        h1 = site.article(language, step["href"]).find("h1").get_text(strip=True)
        assert step.get_text(strip=True) == h1.removesuffix("¶")


@pytest.mark.parametrize("language", LANGUAGES)
def test_nav_labels_are_the_page_titles(site, language):
    nav = site.soup(language, "").select("nav.md-nav--primary a.md-nav__link[href]")
    checked = 0
    for link in nav:
        href = link["href"]
        if "#" in href or urlsplit(href).scheme or href.startswith("errors/"):
            continue
        h1 = site.article(language, href.removeprefix("./")).find("h1")
        if href in ("./", ".", ""):
            continue
        assert link.get_text(strip=True) == h1.get_text(strip=True).removesuffix("¶"), href
        checked += 1
    assert checked >= 15


def test_openai_keys_page_has_one_address_everywhere(site):
    addresses = set()
    for language in LANGUAGES:
        for url in site.pages(language):
            for link in site.article(language, url).select("a[href*='api-keys']"):
                addresses.add(link["href"])
    assert addresses == {"https://platform.openai.com/api-keys"}


@pytest.mark.parametrize(
    ("language", "words", "shunned"),
    [("es", ["obligatorio", "prepago"], ["prepagad"]), ("en", ["required", "prepaid"], [])],
)
def test_the_home_page_says_prepaid_credit_is_mandatory_before_the_quick_steps(
    site, language, words, shunned
):
    minimum = yaml.safe_load((ROOT / "data" / "models.yml").read_text("utf-8"))["billing"][
        "minimum_top_up"
    ]
    article = site.article(language, "")
    before_steps = article.find("ol").find_all_previous(string=True)
    text = " ".join(before_steps)
    for word in words:
        assert word in text.lower()
    assert f"US${minimum}" in text
    steps = article.find("ol").get_text(" ", strip=True)
    assert f"US${minimum}" in steps
    for url in site.pages(language):
        page = site.article(language, url).get_text(" ")
        for word in shunned:
            assert word not in page, url
        assert "auto-recharge" not in page, url


@pytest.mark.parametrize(
    ("language", "term", "shunned"),
    [("es", "en desuso", "obsolet"), ("pt", "descontinuado", "obsolet")],
)
def test_deprecated_has_one_word_on_every_page(site, language, term, shunned):
    assert label("status.deprecated", language).lower() == term
    assert term in site.article(language, "models/").get_text(" ").lower()
    for url in site.pages(language):
        assert shunned not in site.html(language, url).lower(), url


USTED = ["Teclee", "Seleccione", "Haga clic", "Escriba", "Ingrese", "usted"]


def test_material_interface_text_speaks_to_the_reader_as_tu_in_spanish(site):
    for url in site.pages("es"):
        html = site.html("es", url)
        for word in USTED:
            assert not re.search(rf"\b{word}\b", html), (url, word)
    assert "Escribe para empezar a buscar" in site.html("es", "")


# Brazilian Portuguese addresses the reader as "você": never "tu" or "o senhor".
TU_OR_SENHOR = ["tu", "teu", "tua", "teus", "tuas", "contigo", "senhor", "senhora"]


def test_portuguese_pages_and_interface_speak_to_the_reader_as_voce(site):
    for url in site.pages("pt"):
        text = site.soup("pt", url).get_text(" ")
        for word in TU_OR_SENHOR:
            assert not re.search(rf"\b{word}\b", text, re.I), (url, word)
    assert "Digite para iniciar a busca" in site.html("pt", "")
    assert re.search(r"\bvocê\b", site.article("pt", "").get_text(" "), re.I)


def product_menu(language):
    menu = read_config()["extra"]["product"]["menu"]
    return {key: texts[language] for key, texts in menu.items()}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("url", "expected"),
    [("", ["OpenAI"]), ("connect-key/", ["settings", "api_key", "organization_id", "test"])],
)
def test_diagrams_are_accessible_images_in_the_page_language(site, language, url, expected):
    svg = site.article(language, url).select_one("figure.hc-diagram svg")
    assert svg is not None
    assert svg["role"] == "img"
    title, desc = svg.find("title"), svg.find("desc")
    assert title.get_text(strip=True) and desc.get_text(strip=True)
    assert set(svg["aria-labelledby"].split()) == {title["id"], desc["id"]}
    menu = product_menu(language)
    drawn = " ".join(t.get_text(" ") for t in svg.find_all("text"))
    for name in expected:
        assert menu.get(name, name) in drawn, name
    source = str(svg)
    assert "currentColor" in source
    assert not re.search(r"(href|src)=|url\(", source)
    settings = read_config()["extra"]["product"]["menu"]["settings"]
    for other in set(settings.values()) - {settings[language]}:
        assert other not in drawn, other


PRAISE = {
    "es": ["funcionan bien", "conversaciones simples", "recomend", "ideal"],
    "en": ["work well", "simple conversations", "recommend", "ideal"],
    "pt": ["funcionam bem", "conversas simples", "recomend", "ideal"],
}
"""What a section's text must not say of models its table shows shutting down."""


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_text_praises_the_models_of_a_table_that_are_all_going_away(site, language):
    catalog = models.load_catalog(ROOT / "data")
    article = site.article(language, "models/")
    checked = 0
    for heading in article.find_all("h2"):
        text, listed, has_table = [], [], False
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            if sibling.name == "form" or sibling.select_one("form"):
                continue
            tables = [sibling] if sibling.name == "table" else sibling.select("table")
            for table in tables:
                has_table = True
                for row in table.select("tbody tr"):
                    code = row.find(["th", "td"]).find("code")
                    listed.append(catalog.get(code.get_text(strip=True)))
            if not tables:
                text.append(sibling.get_text(" ", strip=True).lower())
        going = [model for model in listed if model is not None and model.status != "current"]
        if not has_table and label("pricing.empty", language).lower() not in " ".join(text):
            continue
        if listed and len(going) < len(listed):
            continue  # a table of current models may say what they are good for
        checked += 1
        for words in PRAISE[language]:
            assert words not in " ".join(text), (heading.get_text(strip=True), words)
    assert checked >= 2, "the table of models without reasoning (empty) and the legacy one"


# The guides that tell a reader without credit which error they meet, and the errors each links
# (OpenAI's current error guide: credit balance exhausted; organization and project spend limits).
QUOTA_ROUTES = {
    "billing.md": {"credit-balance-exhausted"},
    "connect-key.md": {"credit-balance-exhausted"},
    "key-problems.md": {
        "credit-balance-exhausted",
        "organization-spend-limit",
        "project-spend-limit",
    },
    "usage.md": {"credit-balance-exhausted", "organization-spend-limit", "project-spend-limit"},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_guides_send_a_reader_without_credit_to_the_current_quota_errors(site, language):
    for guide, slugs in QUOTA_ROUTES.items():
        article = site.article(language, guide.removesuffix(".md") + "/")
        linked = {
            href.rstrip("/").rsplit("/", 1)[-1]
            for link in article.select("a[href]")
            if "errors/" in (href := link["href"])
        }
        assert slugs <= linked, (language, guide, sorted(linked))
    for path in sorted((ROOT / "docs" / language).rglob("*.md")):
        assert "{{ error:insufficient-quota }}" not in path.read_text("utf-8"), path


@pytest.mark.parametrize(
    ("language", "older_wording", "today"),
    [
        ("es", "algunas cuentas, SDK y proxies todavía muestran", "Esto responde hoy la API"),
        ("en", "some accounts, SDKs and proxies still show", "This is what OpenAI's API returns"),
        (
            "pt",
            "algumas contas, SDKs e proxies ainda mostram",
            "É isto que a API da OpenAI responde",
        ),
    ],
)
def test_the_legacy_quota_page_points_at_the_current_errors(site, language, older_wording, today):
    article = site.article(language, "errors/insufficient-quota/")
    text = article.get_text(" ", strip=True)
    assert older_wording in text
    assert today not in text
    linked = {link["href"].rstrip("/").rsplit("/", 1)[-1] for link in article.select("a[href]")}
    assert {
        "credit-balance-exhausted",
        "organization-spend-limit",
        "project-spend-limit",
        "organization-usage-limit",
    } <= linked
    current = site.article(language, "errors/credit-balance-exhausted/").get_text(" ", strip=True)
    assert today in current


@pytest.mark.parametrize(
    ("language", "introduction"),
    [
        (
            "es",
            "Otra parte de la API de OpenAI devuelve el mismo error con este mensaje "
            "(estado HTTP 400, en inglés):",
        ),
        (
            "en",
            "Another part of OpenAI's API returns the same error with this message (HTTP status 400):",
        ),
        (
            "pt",
            "Outra parte da API da OpenAI retorna o mesmo erro com esta mensagem "
            "(status HTTP 400, em inglês):",
        ),
    ],
)
def test_an_error_page_shows_a_variant_with_its_own_status(site, language, introduction):
    for slug, message in (
        ("model-not-found", "The requested model 'gpt-4-1106-preview' does not exist."),
        (
            "context-length-exceeded",
            "Your input exceeds the context window of this model. Please adjust your input and "
            "try again.",
        ),
    ):
        text = site.article(language, f"errors/{slug}/").get_text(" ", strip=True)
        assert f"{introduction} {message}" in text, slug


@pytest.mark.parametrize("language", LANGUAGES)
def test_two_errors_with_one_status_and_code_show_the_param_that_tells_them_apart(site, language):
    name = label("errorpage.param", language).replace("`", "")
    for slug, param in (
        ("organization-not-verified", "stream"),
        ("unsupported-reasoning-effort", "reasoning_effort"),
    ):
        rows = {
            cells[0]: cells[1]
            for row in site.article(language, f"errors/{slug}/").select("table tr")
            if len(cells := [cell.get_text("", strip=True) for cell in row.select("td")]) == 2
        }
        assert rows[name] == param, (slug, rows)
        assert rows[label("errorpage.code", language).replace("`", "")] == "unsupported_value"
