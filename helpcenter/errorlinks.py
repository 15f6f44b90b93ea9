"""``errors.json``: what the product needs to link an API error to its page in any language.

Like Stripe's ``doc_url``, the product can look an error up by its response fields and
show "How to fix this" next to it. Each error gives its status, type, code, message
patterns and the absolute URL of its page per language; ``lookup`` gives the address that
needs no slug (``…/errors/lookup/?code=insufficient_quota``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from helpcenter.errors import FOLDER, ErrorCatalog
from helpcenter.problems import ContentError

VERSION = 1
"""The format's version: it changes only when a field is removed or changes meaning."""
SCHEMA = "errors.json.schema.json"
SLUGS = "published-error-slugs.txt"
"""In ``data/``: every slug ever published. Pages are never renamed away from these."""

_VARIABLE = re.compile(
    r"https?://\S+|\S*\*\*\S*|\b[A-Za-z]+-[\w.-]*[0-9][\w.-]*|\b(?:req_)?[0-9a-f]{16,}\b"
    r"|[0-9]+(?:\.[0-9]+)?"
)
_SPECIAL = re.compile(r"[.^$*+?()\[\]{}|\\/]")


def message_pattern(message: str) -> str:
    """A regular expression matching ``message`` with other URLs, ids, keys, model names, numbers.

    Written for both Python's ``re`` and JavaScript's ``RegExp`` (without the ``u`` flag).
    """
    parts, last = [], 0
    for variable in _VARIABLE.finditer(message):
        parts.append(_SPECIAL.sub(r"\\\g<0>", message[last : variable.start()]))
        parts.append(r"\S+")
        last = variable.end()
    parts.append(_SPECIAL.sub(r"\\\g<0>", message[last:]))
    return "^" + "".join(parts) + "$"


def errors_json(catalog: ErrorCatalog, roots: Mapping[str, str]) -> str:
    """The published ``errors.json``; ``roots`` maps each language to its absolute home URL."""
    data = {
        "version": VERSION,
        "lookup": {code: f"{root}{FOLDER}/lookup/" for code, root in roots.items()},
        "errors": [
            {
                "slug": error.slug,
                "status": error.status,
                "type": error.type,
                "code": error.code,
                "param": error.param,
                "sdk_exception": error.sdk_exception,
                "verdict": error.verdict,
                "title": {code: error.title[code] for code in roots},
                "messages": list(error.messages),
                "patterns": list(dict.fromkeys(message_pattern(m) for m in error.messages)),
                "url": {code: f"{root}{FOLDER}/{error.slug}/" for code, root in roots.items()},
            }
            for error in catalog.errors
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def recorded_slugs(text: str) -> list[str]:
    """The slugs listed in ``data/published-error-slugs.txt`` (one a line, ``#`` comments)."""
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


def check_recorded_slugs(catalog: ErrorCatalog, data_dir: Path) -> None:
    """Stop the build when an error published before no longer has its page."""
    try:
        recorded = (data_dir / SLUGS).read_text("utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        raise ContentError(
            f"data/{SLUGS} is missing or not UTF-8 text: it lists every published error slug"
        ) from None
    known = {error.slug for error in catalog.errors}
    gone = [slug for slug in recorded_slugs(recorded) if slug not in known]
    if gone:
        raise ContentError(
            f"data/errors.yml: published error page(s) {', '.join(gone)} would disappear "
            f"(listed in data/{SLUGS}); keep the slug, links to it are in the product"
        )
