"""What every page offers besides its text: open it in an AI assistant, and "Was this page
helpful?" at its end.

Both are plain links written into the page at build time, so nothing is requested from
another host, and nothing runs, until the reader follows one:

- each assistant's link carries a prompt, in the page's language, holding the absolute
  address of the page's Markdown twin (the assistant reads the page from there);
- the "no" answer is a ``mailto:`` link to the product's support address, whose subject and
  body carry the page's title, its address and its language, so support knows where the
  reader got stuck.
"""

from __future__ import annotations

from urllib.parse import quote

from helpcenter.site.labels import say

ASSISTANTS = (
    ("chatgpt", "https://chatgpt.com/?q="),
    ("claude", "https://claude.ai/new?q="),
)
"""Each assistant the pages link to, and the address that opens a new chat with a prompt."""


def assistant_links(twin_address: str, language: str) -> list[dict[str, str]]:
    """One link per assistant: its name (``"Abrir en ChatGPT"``) and the address that opens
    a chat whose prompt holds ``twin_address``."""
    prompt = say("actions.prompt", language, url=twin_address)
    return [
        {"label": say(f"actions.{name}", language), "href": start + quote(prompt, safe="")}
        for name, start in ASSISTANTS
    ]


def feedback(page_address: str, title: str, language: str, tag: str, email: str) -> dict[str, str]:
    """The words of "Was this page helpful?" in ``language`` and the ``mailto:`` address of
    its "no", naming the page's language by its tag (``pt-BR``)."""
    subject = say("feedback.subject", language, title=title)
    body = say("feedback.body", language, url=page_address, tag=tag)
    href = f"mailto:{quote(email, safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    return {
        "question": say("feedback.question", language),
        "yes": say("feedback.yes", language),
        "thanks": say("feedback.thanks", language),
        "no": say("feedback.no", language),
        "href": href,
    }
