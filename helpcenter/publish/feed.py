"""Atom feeds (RFC 4287), written with ElementTree so that every text and attribute from
data is escaped for XML; characters XML cannot carry at all become U+FFFD."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit
from xml.etree import ElementTree

ATOM = "http://www.w3.org/2005/Atom"
TAG_YEAR = "2026"
"""The date in every ``tag:`` id (RFC 4151): fixed, so that ids never change."""
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class Entry:
    key: str
    """Identifies the entry for good (``es/gpt-5-mini/shutdown/2026-12-11``)."""
    title: str
    link: str
    day: date
    summary: str


@dataclass(frozen=True)
class Feed:
    key: str
    title: str
    subtitle: str
    language: str
    """The ``xml:lang`` of its texts (``es-419``)."""
    self_url: str
    page_url: str
    author: str
    day: date
    """When the feed is dated if it has no entries (the build day)."""


def tag_id(site_url: str, key: str) -> str:
    """A ``tag:`` URI: stable across rebuilds because made of the site's host and ``key``."""
    host = urlsplit(site_url).hostname or "localhost"
    return f"tag:{host},{TAG_YEAR}:{key}"


def atom(feed: Feed, entries: Sequence[Entry]) -> str:
    """The feed as Atom XML, entries in the given order; ``updated`` is the newest entry's day."""
    ElementTree.register_namespace("", ATOM)
    root = ElementTree.Element(
        _q("feed"), {"{http://www.w3.org/XML/1998/namespace}lang": feed.language}
    )
    _text(root, "id", tag_id(feed.self_url, feed.key))
    _text(root, "title", feed.title)
    _text(root, "subtitle", feed.subtitle)
    _link(root, "self", feed.self_url, "application/atom+xml")
    _link(root, "alternate", feed.page_url, "text/html")
    newest = max((entry.day for entry in entries), default=feed.day)
    _text(root, "updated", _stamp(newest))
    author = ElementTree.SubElement(root, _q("author"))
    _text(author, "name", feed.author)
    for entry in entries:
        element = ElementTree.SubElement(root, _q("entry"))
        _text(element, "id", tag_id(feed.self_url, entry.key))
        _text(element, "title", entry.title)
        _link(element, "alternate", entry.link, "text/html")
        _text(element, "published", _stamp(entry.day))
        _text(element, "updated", _stamp(entry.day))
        _text(element, "summary", entry.summary).set("type", "text")
    ElementTree.indent(root)
    body = ElementTree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'


def _q(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def _text(parent: ElementTree.Element, name: str, text: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, _q(name))
    element.text = _NOT_XML.sub("\ufffd", text)
    return element


def _link(parent: ElementTree.Element, rel: str, href: str, kind: str) -> None:
    ElementTree.SubElement(
        parent, _q("link"), {"rel": rel, "type": kind, "href": _NOT_XML.sub("", href)}
    )


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
