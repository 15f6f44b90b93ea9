"""A real Chromium (Debian's, never a downloaded one) reading the built site from 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from support import CHROMIUM, CHROMIUM_FLAGS, IN_CI


def pytest_collection_modifyitems(config, items):
    # A conftest's hook sees every item of the session: only this folder's are browser tests.
    here = Path(__file__).parent
    browser_items = [item for item in items if here in Path(item.path).parents]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
    if not CHROMIUM and IN_CI and browser_items:
        raise pytest.UsageError(
            "CI=true but Chromium is not found: the browser tests must run in CI "
            "(install it with 'apt-get install chromium' or set CHROMIUM to its path)"
        )
    if not CHROMIUM:
        skip = pytest.mark.skip(
            reason="Chromium not found: install it with 'sudo apt-get install chromium' "
            "(or set CHROMIUM to its path) to run the browser tests"
        )
        for item in browser_items:
            item.add_marker(skip)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_QuietHandler, directory=str(site.root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=list(CHROMIUM_FLAGS),
        )
        yield chromium
        chromium.close()


class Watched:
    """A page whose console errors, failed requests and requests to other hosts are recorded."""

    def __init__(self, page, origin: str):
        self.page = page
        self.problems: list[str] = []
        host = urlsplit(origin).netloc
        page.on(
            "console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}")
        )
        page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        page.on("requestfailed", self._failed)
        page.on(
            "response",
            lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"),
        )
        page.on(
            "request",
            lambda r: (
                urlsplit(r.url).scheme in ("http", "https")
                and urlsplit(r.url).netloc != host
                and self.problems.append(f"other host: {r.url}")
            ),
        )

    def _failed(self, request):
        # A request still in flight when the test moves to the next page is aborted by the
        # browser itself; that says nothing about the site.
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"failed: {request.url} ({request.failure})")


@pytest.fixture
def reader(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield Watched(page, server)
    context.close()
