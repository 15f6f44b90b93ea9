"""The "Copy page for an AI assistant" button, in Chromium, reading back the real clipboard."""

from __future__ import annotations

import pytest

from support import LANGUAGES

WORDS = {
    "es": ("Copiar la página para un asistente de IA", "Copiado"),
    "en": ("Copy page for an AI assistant", "Copied"),
    "pt": ("Copiar a página para um assistente de IA", "Copiado"),
}


@pytest.fixture
def clipboard_reader(reader, server):
    reader.page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=server.rstrip("/")
    )
    return reader


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("url", ["", "models/", "errors/insufficient-quota/"])
def test_the_button_copies_the_twin_exactly(clipboard_reader, server, site, language, url):
    page = clipboard_reader.page
    label, done = WORDS[language]
    page.goto(server + LANGUAGES[language] + url)
    button = page.get_by_role("button", name=label)
    button.focus()
    page.keyboard.press("Enter")
    status = page.get_by_role("status")
    status.filter(has_text=done).wait_for(timeout=10_000)
    copied = page.evaluate("navigator.clipboard.readText()")
    twin = (site.folder(language) / url / "index.md").read_text("utf-8")
    assert copied == twin
    assert clipboard_reader.problems == []


def test_a_missing_twin_is_told_not_hidden(clipboard_reader, server):
    page = clipboard_reader.page
    page.route("**/index.md", lambda route: route.fulfill(status=404, body="gone"))
    page.goto(server + "en/billing/")
    page.get_by_role("button", name="Copy page for an AI assistant").click()
    status = page.get_by_role("status")
    status.filter(has_text="We couldn't copy the text").wait_for(timeout=10_000)
    assert server + "en/billing/index.md" in status.inner_text()
