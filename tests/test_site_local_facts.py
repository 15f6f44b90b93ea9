"""Local facts in the built pages of every language: support reached in the reader's
language and time zone, what a card issued in Brazil adds to OpenAI's dollar charges and
whether OpenAI issues a nota fiscal (with their sources), and money spaced as each locale's
CLDR currency pattern writes it."""

from __future__ import annotations

import pytest

from support import LANGUAGES

SUPPORT = {
    "es": (
        "ayuda@acme-chat.example",
        "de lunes a viernes, de 9:00 a 18:00 (hora de Ciudad de México, UTC−6)",
    ),
    "en": (
        "help@acme-chat.example",
        "Monday to Friday, 15:00 to 24:00 UTC (9:00 to 18:00 in Mexico City)",
    ),
    "pt": ("ajuda@acme-chat.example", "de segunda a sexta, das 12h às 21h (horário de Brasília)"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_support_is_reached_in_the_readers_language_and_time_zone(site, language):
    email, hours = SUPPORT[language]
    article = site.article(language, "help/")
    assert article.select_one(f'a[href="mailto:{email}"]').get_text(strip=True) == email
    assert hours in " ".join(article.get_text(" ").split())


BRAZIL = {
    "es": ("Si pagas desde Brasil", ["3.5 %", "3.38 %", "IOF", "NF-e", "CNPJ"]),
    "en": ("If you pay from Brazil", ["3.5%", "3.38%", "IOF", "NF-e", "CNPJ"]),
    "pt": ("Se você paga do Brasil", ["3,5%", "3,38%", "IOF", "NF-e", "CNPJ", "câmbio"]),
}
BRAZIL_SOURCES = [
    "https://borainvestir.b3.com.br/objetivos-financeiros/organizar-as-contas/"
    "como-funciona-a-cobranca-de-iof-nas-compras-de-cartao-de-credito",
    "https://www1.brasilemfolhas.com.br/2025/07/"
    "supremo-restabelece-aliquota-de-35-de-iof-para-compras-no-exterior",
    "https://noticias.r7.com/prisma/conta-em-dia/"
    "como-fica-o-uso-do-cartao-de-credito-com-a-derrubada-do-decreto-que-aumentava-o-iof-27062025/",
    "https://help.openai.com/en/articles/"
    "9038389-how-do-i-update-my-accounts-billing-information-eg-vat-id",
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_paying_from_brazil_names_iof_the_exchange_rate_and_the_nota_fiscal_with_sources(
    site, language
):
    heading, words = BRAZIL[language]
    article = site.article(language, "invoices/")
    section = next(
        h for h in article.find_all("h2") if h.get_text(strip=True).rstrip("¶") == heading
    )
    text = " ".join(
        " ".join(sibling.get_text(" ").split())
        for sibling in section.find_next_siblings()
        if sibling.find_previous("h2") is section and sibling.name != "h2"
    )
    for word in words:
        assert word in text, word
    assert "nota fiscal" in text.lower()
    sources = [a["href"] for a in article.select("table a[href]")]
    for source in BRAZIL_SOURCES:
        assert source in sources, source


MINIMUM = {"es": "US$5", "en": "US$5", "pt": "US$\u00a05"}
"""The minimum top-up (data/models.yml: billing.minimum_top_up, 5) as each locale writes it."""


@pytest.mark.parametrize("language", LANGUAGES)
def test_money_follows_the_locales_currency_spacing(site, language):
    home = site.article(language, "").get_text()
    assert MINIMUM[language] in home
    if language == "pt":
        assert "US$5" not in home and "US$1" not in site.article(language, "models/").get_text()
