"""Opening a page in an AI assistant and "Was this page helpful?", in Chromium: plain links
that ask nothing of another host until followed, usable with the keyboard alone."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from support import LANGUAGES, SITE_URL

WORDS = {
    "es": ("Abrir en ChatGPT", "Abrir en Claude", "Sí", "¡Gracias!", "No: escribir a soporte"),
    "en": ("Open in ChatGPT", "Open in Claude", "Yes", "Thank you!", "No: write to support"),
    "pt": (
        "Abrir no ChatGPT",
        "Abrir no Claude",
        "Sim",
        "Obrigado!",
        "Não: escrever para o suporte",
    ),
}
EMAIL = {
    "es": "ayuda@acme-chat.example",
    "en": "help@acme-chat.example",
    "pt": "ajuda@acme-chat.example",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_actions_and_feedback_work_from_the_keyboard_with_no_request_elsewhere(
    reader, server, language
):
    chatgpt, claude, yes, thanks, no = WORDS[language]
    page = reader.page
    url = "not-answering/"
    page.goto(server + LANGUAGES[language] + url)
    page.wait_for_load_state("networkidle")
    twin = SITE_URL + LANGUAGES[language] + url + "index.md"
    for name, host in ((chatgpt, "chatgpt.com"), (claude, "claude.ai")):
        link = page.get_by_role("link", name=name)
        href = link.get_attribute("href")
        assert urlsplit(href).netloc == host
        assert twin in parse_qs(urlsplit(href).query)["q"][0]
    # The "yes" is a disclosure: reached and opened with the keyboard, its thanks then shown.
    answer = page.locator(".hc-feedback summary")
    assert answer.inner_text().strip() == yes
    answer.focus()
    assert page.get_by_text(thanks).is_hidden()
    page.keyboard.press("Enter")
    page.get_by_text(thanks).wait_for(state="visible", timeout=5_000)
    assert page.locator(".hc-feedback details").get_attribute("open") is not None
    # Tab goes on to the "no", a link to support carrying the page and its language.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == no
    href = page.get_by_role("link", name=no).get_attribute("href")
    assert href.startswith(f"mailto:{EMAIL[language]}?")
    body = parse_qs(urlsplit(href).query)["body"][0]
    assert SITE_URL + LANGUAGES[language] + url in body.split()
    # Nothing above asked another host for anything: no tracker, no cookie.
    assert reader.problems == []
    assert page.context.cookies() == []
