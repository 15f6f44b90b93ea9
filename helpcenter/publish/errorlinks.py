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

from helpcenter.catalog.errors import FOLDER, ErrorCatalog

SCHEMA = "errors.json.schema.json"
"""In ``data/``: the schema of what ``errors_json`` writes; ``helpcenter.publish.api`` publishes it,
with the ``version`` field, as ``errors.schema.json`` beside ``errors.json``."""

_VARIABLE = re.compile(
    r"https?://\S+|\S*\*\*\S*|\b[A-Za-z]+-[\w.-]*[0-9][\w.-]*|\b(?:req_)?[0-9a-f]{16,}\b"
    r"|[0-9]+(?:\.[0-9]+)?"
)
_SPECIAL = re.compile(r"[.^$*+?()\[\]{}|\\/]")
_WORD = re.compile(r"\s+|\S+")


def message_pattern(message: str) -> str:
    """A regular expression matching ``message`` with other URLs, ids, keys, model names, numbers.

    Written for both Python's ``re`` and JavaScript's ``RegExp`` (without the ``u`` flag).
    Safe by construction, as the product runs it on whatever text it is given: a word
    (a run of characters between spaces) that holds a variable becomes ``\\S+`` as a whole,
    and every other character stays literal, so each ``\\S+`` is followed by a space or the
    end and no two parts can match the same text. Matching takes time in proportion to the
    text, never the backtracking that ``\\S+-\\S+-\\S+`` would take on a long run of dashes.
    """
    variables = [match.span() for match in _VARIABLE.finditer(message)]
    parts = []
    for word in _WORD.finditer(message):
        variable = not word[0].isspace() and any(
            start < word.end() and word.start() < end for start, end in variables
        )
        parts.append(r"\S+" if variable else _SPECIAL.sub(r"\\\g<0>", word[0]))
    return "^" + "".join(parts) + "$"


def errors_json(catalog: ErrorCatalog, roots: Mapping[str, str]) -> str:
    """``errors.json`` before ``helpcenter.publish.api`` adds its version; ``roots`` maps each language
    to its absolute home URL."""
    data = {
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
                "variants": [
                    {
                        "message": variant.message,
                        "status": variant.status,
                        "type": variant.type,
                        "code": variant.code,
                        "param": variant.param,
                    }
                    for variant in error.variants
                ],
                "patterns": list(dict.fromkeys(message_pattern(m) for m in error.messages)),
                "url": {code: f"{root}{FOLDER}/{error.slug}/" for code, root in roots.items()},
            }
            for error in catalog.errors
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
