"""Every built page in every language: its actions (copy it for an AI assistant, open it in
ChatGPT or Claude with its Markdown twin's address) and "Was this page helpful?", whose "no"
writes to support with the page's address and language."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from support import LANGUAGES, SITE_LANGUAGES, SITE_URL

ACTIONS = {
    "es": ("Copiar la página para un asistente de IA", "Abrir en ChatGPT", "Abrir en Claude"),
    "en": ("Copy page for an AI assistant", "Open in ChatGPT", "Open in Claude"),
    "pt": ("Copiar a página para um assistente de IA", "Abrir no ChatGPT", "Abrir no Claude"),
}
ASSISTANTS = {"chatgpt.com": "/", "claude.ai": "/new"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_can_be_opened_in_an_assistant_with_its_markdown_address(site, language):
    for url in site.pages(language):
        soup = site.soup(language, url)
        actions = soup.select_one(".hc-page-actions")
        copy_label, *open_labels = ACTIONS[language]
        assert actions.find("button").get_text(strip=True) == copy_label, url
        links = actions.find_all("a")
        assert [link.contents[0].strip() for link in links] == open_labels, url
        twin = SITE_URL + LANGUAGES[language] + url + "index.md"
        assert (site.folder(language) / url / "index.md").is_file()
        for link in links:
            parts = urlsplit(link["href"])
            assert parts.scheme == "https" and ASSISTANTS[parts.netloc] == parts.path, url
            (prompt,) = parse_qs(parts.query)["q"]
            assert twin in prompt.split(), (url, prompt)
            assert link["rel"] == ["noopener", "noreferrer"]


SUPPORT = {
    "es": ("ayuda@acme-chat.example", "¿Te ayudó esta página?"),
    "en": ("help@acme-chat.example", "Was this page helpful?"),
    "pt": ("ajuda@acme-chat.example", "Esta página ajudou você?"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_asks_whether_it_helped_and_no_writes_to_support_with_its_context(
    site, language
):
    email, question = SUPPORT[language]
    tag = SITE_LANGUAGES[language].tag
    for url in site.pages(language):
        soup = site.soup(language, url)
        box = soup.select_one("article .hc-feedback")
        assert box is not None, url
        assert box.get_text(" ", strip=True).startswith(question), url
        assert box.find("details").find("summary"), url
        assert not box.find("script") and not box.find("form"), url
        parts = urlsplit(box.find("a")["href"])
        assert parts.scheme == "mailto" and unquote(parts.path) == email, url
        query = parse_qs(parts.query)
        title = soup.find("h1").get_text(strip=True).rstrip("¶")
        assert title in query["subject"][0], url
        body = query["body"][0]
        assert SITE_URL + LANGUAGES[language] + url in body.split(), (url, body)
        assert tag in body.split(), (url, body)
