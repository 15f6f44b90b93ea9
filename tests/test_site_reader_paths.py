"""What a reader whose assistant stopped answering meets in the built pages of every
language: the troubleshooter, what the product does on failures, the go-live checklist,
the connect-key guide's model step."""

from __future__ import annotations

import copy
from urllib.parse import urljoin

import pytest

from support import LANGUAGES, SITE_URL

TROUBLESHOOTER = "not-answering/"
TITLES = {
    "es": "Mi asistente dejó de responder",
    "en": "My assistant stopped answering",
    "pt": "Meu assistente parou de responder",
}
PATH_ERRORS = {
    "credit-balance-exhausted",
    "organization-spend-limit",
    "project-spend-limit",
    "rate-limit-reached",
    "slow-down",
    "incorrect-api-key",
    "invalid-authentication",
    "model-not-found",
    "organization-not-verified",
    "context-length-exceeded",
    "ip-not-authorized",
    "server-error",
    "model-overloaded",
}
"""Every cause the troubleshooter leads to, by the error page that names its fix."""
PATH_GUIDES = {
    "billing/",
    "usage/",
    "rate-limits/",
    "rotate-key/",
    "models/",
    "outgoing-ips/",
    "connect-key/",
    "help/",
    "errors/",
}
FIX_HEADING = {"es": "como-resolverlo", "en": "how-to-fix-it", "pt": "como-resolver"}


def _target(language: str, page: str, href: str) -> str:
    """A relative link of ``page`` as a page address below the language's root."""
    base = SITE_URL + LANGUAGES[language]
    return urljoin(base + page, href).removeprefix(base)


def _path_sections(article):
    """Each path of the troubleshooter: an h3 with what follows it up to the next heading,
    and an h2 that has no h3 of its own."""
    sections = []
    for heading in article.find_all(["h2", "h3"]):
        following = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h2", "h3"):
                break
            following.append(sibling)
        nested = heading.name == "h2" and any(
            sibling.name == "h3" for sibling in heading.find_next_siblings()[:1]
        )
        if not nested:
            sections.append((heading.get_text(" ", strip=True), following))
    return sections


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_troubleshooter_is_in_the_navigation_and_on_the_home_page(site, language):
    home = site.soup(language, "")
    nav_links = {a.get("href") for a in home.select("nav.md-nav--primary a")}
    assert "not-answering/" in nav_links
    cards = home.select_one("article .grid.cards")
    titles = [strong.get_text(strip=True) for strong in cards.select("li > p > strong")]
    assert TITLES[language] in titles
    assert cards.select_one('a[href="not-answering/"]')
    assert (
        site.article(language, TROUBLESHOOTER).h1.get_text(strip=True).rstrip("¶")
        == (TITLES[language])
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_path_of_the_troubleshooter_ends_on_a_page_that_names_a_fix(site, language):
    article = site.article(language, TROUBLESHOOTER)
    sections = _path_sections(article)
    assert len(sections) == 10, [title for title, _ in sections]
    errors_seen, guides_seen = set(), set()
    for title, content in sections:
        links = [
            _target(language, TROUBLESHOOTER, a["href"])
            for block in content
            for a in block.find_all("a", href=True)
            if not a["href"].startswith(("#", "https:", "mailto:"))
        ]
        assert links, f"the path {title!r} leads nowhere"
        for target in links:
            assert (site.folder(language) / target / "index.html").is_file(), target
            if target.startswith("errors/") and target != "errors/":
                slug = target.removeprefix("errors/").strip("/")
                errors_seen.add(slug)
                fix = site.article(language, target).find(id=FIX_HEADING[language])
                steps = fix.find_next_sibling("ol")
                assert steps and steps.find_all("li"), f"{target} names no fix"
            else:
                guides_seen.add(target.split("#")[0])
    assert errors_seen == PATH_ERRORS
    assert guides_seen == PATH_GUIDES


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_troubleshooter_starts_from_openai_status_and_reads_without_javascript(site, language):
    article = copy.copy(site.article(language, TROUBLESHOOTER))
    first = article.find("h2").find_next_sibling("ol")
    assert first.select_one('a[href="https://status.openai.com"]')
    # Everything is in the page's HTML, shown: no script, nothing hidden or folded away
    # (the page's own text: "Was this page helpful?" folds its thanks).
    for feedback in article.select(".hc-feedback"):
        feedback.decompose()
    assert not article.find(["script", "noscript", "details", "template"])
    assert not article.find(attrs={"hidden": True})


FAILURES = {
    "es": (
        "3 veces durante 2 minutos",
        "«Dame un momento, enseguida te responde una persona del equipo.»",
        "la conversación pasa a la bandeja de tus agentes humanos, sin respuesta de IA",
    ),
    "en": (
        "3 times over 2 minutes",
        '"One moment, please. Someone from our team will answer you shortly."',
        "the conversation moves to your human agents' inbox, without an AI reply",
    ),
    "pt": (
        "3 vezes durante 2 minutos",
        "“Um momento, por favor. Alguém da nossa equipe vai responder em breve.”",
        "a conversa passa para a caixa de entrada dos seus atendentes humanos, sem resposta de IA",
    ),
}
"""extra.product.failures of mkdocs.yml, as the pages say them."""


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_say_what_the_product_does_when_openai_fails(site, language):
    retries, message, handoff = FAILURES[language]
    page = " ".join(site.article(language, TROUBLESHOOTER).get_text(" ").split())
    assert retries in page and message in page and handoff in page
    key_problems = " ".join(site.article(language, "key-problems/").get_text(" ").split())
    assert message in key_problems and handoff in key_problems
    rate_limits = " ".join(site.article(language, "rate-limits/").get_text(" ").split())
    assert retries in rate_limits


RATE_LIMIT_TITLES = {
    "es": "429 · Límite de velocidad alcanzado (por minuto o por día)",
    "en": "429 · Rate limit reached (per minute or per day)",
    "pt": "429 · Limite de taxa atingido (por minuto ou por dia)",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_rate_limit_page_is_true_to_the_limits_and_to_the_products_message(site, language):
    article = site.article(language, "errors/rate-limit-reached/")
    assert article.h1.get_text(strip=True).rstrip("¶") == RATE_LIMIT_TITLES[language]
    steps = article.find(id=FIX_HEADING[language]).find_next_sibling("ol")
    text = " ".join(steps.get_text(" ").split())
    retries, _, handoff = FAILURES[language]
    # The product's own message gives no time to wait: the steps do not send the reader to it.
    assert "try again in" not in text
    assert retries in text and handoff in text
    assert "RPM" in text and "RPD" in text
    assert steps.select_one('a[href="https://platform.openai.com/settings/organization/limits"]')


GO_LIVE = {
    "es": [
        "billing/#activa-la-recarga-automatica-opcional",
        "usage/#configura-limites-y-alertas-de-gasto",
        "dedicated-project/",
        "outgoing-ips/",
        "models/#modelos-en-desuso-y-retirados",
        "connect-key/#comprueba-que-funciona",
    ],
    "en": [
        "billing/#turn-on-auto-recharge-optional",
        "usage/#set-spend-limits-and-alerts",
        "dedicated-project/",
        "outgoing-ips/",
        "models/#deprecated-and-retired-models",
        "connect-key/#check-that-it-works",
    ],
    "pt": [
        "billing/#ative-a-recarga-automatica-opcional",
        "usage/#defina-limites-e-alertas-de-gastos",
        "dedicated-project/",
        "outgoing-ips/",
        "models/#modelos-descontinuados-e-desativados",
        "connect-key/#confira-se-funciona",
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_of_the_go_live_checklist_links_to_where_it_is_done(site, language):
    article = site.article(language, "go-live/")
    items = article.find("ol").find_all("li", recursive=False)
    targets = [_target(language, "go-live/", item.find("a")["href"]) for item in items]
    assert targets == GO_LIVE[language]
    for target in targets:
        page, _, anchor = target.partition("#")
        assert (site.folder(language) / page / "index.html").is_file(), target
        if anchor:
            assert site.soup(language, page).find(id=anchor), target
    nav_links = {a.get("href") for a in site.soup(language, "").select("nav.md-nav--primary a")}
    assert "go-live/" in nav_links


MODEL_FIELD = {"es": "Modelo", "en": "Model", "pt": "Modelo"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_connecting_the_key_includes_choosing_the_model_with_a_link_to_the_prices(site, language):
    steps = site.article(language, "connect-key/").find("h2").find_next_sibling("ol")
    step = next(
        item
        for item in steps.find_all("li", recursive=False)
        if item.find("strong", string=MODEL_FIELD[language])
    )
    assert step.select_one('a[href="../models/"]')
