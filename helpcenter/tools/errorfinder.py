"""What a reader pastes or types in the search box, matched to the page that answers it.

The browser runs exactly these steps in ``overrides/assets/javascripts/error-match.js``
over ``errors/messages.json`` (``finder_data``); this module is their reference, so every
form a customer pastes can be tested here quickly and compared with the browser's result.

A paste is read twice:

1. **Structure.** The fields of an API response wherever they show up (raw JSON, the
   Python dict the 1.x SDK prints, the ``Error code: 429`` prefix, an exception name such
   as ``RateLimitError``, a bare code such as ``insufficient_quota``) narrow the catalog.
   A field that would leave no error is ignored, so a code the catalog does not know
   never hides the message.
2. **Words.** The remaining text is compared with each error's messages, titles, product
   messages and reader phrases (every language), and with guides' phrases. Numbers, ids,
   URLs, masked keys and model names are dropped; so are the words every paste carries
   (JSON keys, ``null``, ``Error code``); a word no page knows is ignored instead of
   counted against the match. Noise therefore cannot make a result worse than the bare
   message. Rarer words weigh more (``ln(1 + documents / documents with the word)``).

The result is one confident match (the paste must hold at least half of one of the page's
texts, so a few common words never decide), or the few most likely errors, or nothing.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

MATCH = 0.6
"""Word score above which a page is shown as the match when the paste has no structure."""
NARROWED_MATCH = 0.3
"""The same when the response's fields already narrowed the catalog to a few errors."""
CANDIDATE = 0.2
COVERAGE = 0.5
"""Share of one of its texts (by weight) a paste must contain for a page to be the match;
a few common words shared with a long message make it a candidate, never the answer."""
"""Lowest word score of an error offered as a possible match."""
MATCH_WORDS = 2
"""Words a paste of several known words must share with one text of a page for it to be the
match: one word in common ("what is a token" and "token limit") makes it a candidate only,
however the weights of the other words move as texts are added."""
CANDIDATES = 3
ROUND = 9
"""Scores are compared rounded to this many decimals, so both implementations agree."""

IGNORED = (
    "error",
    "errors",
    "code",
    "message",
    "type",
    "param",
    "null",
    "none",
    "true",
    "false",
    "openai",
    "httpx",
    "httpcore",
    "errno",
    "traceback",
    "most",
    "recent",
    "call",
    "last",
    "file",
    "line",
    "raise",
    "exception",
    "status",
    "http",
)
"""Words every pasted error carries, whichever error it is."""
SEARCH_IGNORED = ("null", "none", "true", "false")
"""Values of a pasted JSON body that no page is about; left out of Material's query."""
SDK_EXCEPTIONS = (
    "OpenAIError",
    "APIError",
    "APIStatusError",
    "APIResponseValidationError",
    "ConflictError",
    "UnprocessableEntityError",
)
"""openai-python's exception classes that name no particular error (the others come from the catalog)."""

_URL = re.compile(r"https?://\S+|www\.\S+", re.A)
_MASKED = re.compile(r"\S*\*\*\S*", re.A)
_ID = re.compile(r"\b[a-z]+-[a-z0-9.-]*[0-9][a-z0-9.-]*", re.A)
_SPLIT = re.compile(r"[^a-z0-9]+", re.A)
_DIGIT = re.compile(r"[0-9]", re.A)
_CODE = re.compile(r"""["']code["']\s*:\s*(?:["']([^"']*)["']|(null|none)\b)""", re.A | re.I)
_TYPE = re.compile(r"""["']type["']\s*:\s*["']([^"']*)["']""", re.A | re.I)
_PARAM = re.compile(r"""["']param["']\s*:\s*["']([^"']*)["']""", re.A | re.I)
_STATUS = (
    re.compile(r"\berror code:?\s*([1-5][0-9][0-9])\b", re.A | re.I),
    re.compile(r"""["']status(?:_code)?["']\s*:\s*([1-5][0-9][0-9])\b""", re.A | re.I),
    re.compile(r"\b(?:http|status(?: code)?)\s*:?\s*([1-5][0-9][0-9])\b", re.A | re.I),
    re.compile(r"^\s*([1-5][0-9][0-9])\s*[-:]\s", re.A),
)
_WORD = re.compile(r"[a-z0-9_]+", re.A)
_NAME = re.compile(r"[A-Za-z]+", re.A)
_SEARCH_SYNTAX = re.compile(r"""[\s"'`:+\-~^*{}\[\](),;=<>|\\]+""")
_SEARCH_DROPPED = re.compile(r"^[0-9]{4,}$|^[0-9a-f]{16,}$|^[a-z]+_[0-9a-z]{12,}$")


def normalized(text: str) -> str:
    """Lower case without accents, so "crédito" and "credito" are the same word."""
    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in plain if not unicodedata.combining(char))


def words(text: str, ignored: Iterable[str] = IGNORED) -> frozenset[str]:
    """The words that tell errors apart: no numbers, ids, URLs, masked keys or paste noise."""
    text = normalized(text)
    text = _URL.sub(" ", text)
    text = _MASKED.sub(" ", text)
    text = _ID.sub(" ", text)
    skip = set(ignored)
    return frozenset(
        word for word in _SPLIT.split(text) if word and not _DIGIT.search(word) and word not in skip
    )


def search_query(text: str) -> str:
    """What Material's search receives for ``text``: plain words, none of its query syntax.

    Material makes a quoted word required and reads ``word:`` as a field, so one quoted
    token the index lacks (``"param"``) or a ``"message":`` key would empty its results.
    Spaces replace the syntax; JSON's ``null``, long numbers and request ids are dropped.
    The reader's own words all stay (a search for "OpenAI" is a search for "OpenAI").
    """
    skip = set(SEARCH_IGNORED)
    kept = [
        word
        for word in _SEARCH_SYNTAX.split(text)
        if word
        and normalized(word) not in skip
        and not _SEARCH_DROPPED.search(normalized(word))
        and word != "."
    ]
    return " ".join(kept)


@dataclass(frozen=True)
class Fields:
    """What a paste says about the response, beyond its words."""

    code: str | None = None
    code_is_null: bool = False
    param: str | None = None
    type: str | None = None
    status: int | None = None
    exceptions: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        return bool(
            self.code or self.code_is_null or self.param or self.type or self.status
        ) or bool(self.exceptions)


def fields(text: str, codes: Iterable[str], exceptions: Iterable[str]) -> Fields:
    """The response fields found in ``text``; ``codes`` and ``exceptions`` are the catalog's."""
    code = _CODE.search(text)
    found_code = code.group(1) if code and code.group(1) is not None else None
    if found_code is None and not code:
        known = set(codes)
        found_code = next((w for w in _WORD.findall(text.lower()) if w in known), None)
    type_ = _TYPE.search(text)
    param = _PARAM.search(text)
    status = next((int(m.group(1)) for p in _STATUS if (m := p.search(text))), None)
    names = set(exceptions)
    seen = []
    for name in _NAME.findall(text):
        if name in names and name not in seen:
            seen.append(name)
    return Fields(
        code=found_code or None,
        code_is_null=bool(code) and code.group(1) is None,
        param=param.group(1) if param else None,
        type=type_.group(1) if type_ else None,
        status=status,
        exceptions=tuple(seen),
    )


@dataclass(frozen=True)
class Result:
    match: str | None
    """The slug (``errors``) or URL (``guides``) of the page shown first, or None."""
    kind: str | None
    """``error`` or ``guide``."""
    candidates: tuple[str, ...]
    """Slugs of the most likely errors when there is no confident match."""


class Finder:
    """The matcher over ``errors/messages.json`` as the build writes it."""

    def __init__(self, data: Mapping):
        self.errors = list(data["errors"])
        self.guides = list(data.get("guides", ()))
        self.ignored = tuple(data["ignored"])
        documents = [*self.errors, *self.guides]
        self.texts = [[words(text, self.ignored) for text in doc["texts"]] for doc in documents]
        frequency: dict[str, int] = {}
        for texts in self.texts:
            for word in set().union(*texts):
                frequency[word] = frequency.get(word, 0) + 1
        total = len(documents)
        self.weight = {word: math.log(1 + total / count) for word, count in frequency.items()}
        self.codes = [e["code"] for e in self.errors if e.get("code")]
        self.exceptions = sorted(
            {e["exception"] for e in self.errors if e.get("exception")}
            | set(data["sdk_exceptions"])
        )

    def _score(self, query: frozenset[str], index: int, coverage_at_least: float) -> float:
        known = sorted(word for word in query if word in self.weight)
        if not known:
            return 0.0
        total = sum(self.weight[word] for word in known)
        best = 0.0
        for text in self.texts[index]:
            if not text:
                continue
            common = [word for word in known if word in text]
            shared = sum(self.weight[word] for word in common)
            if not shared:
                continue
            coverage = shared / sum(self.weight[word] for word in sorted(text))
            if coverage < coverage_at_least:
                continue
            if coverage_at_least and len(common) < min(MATCH_WORDS, len(known)):
                continue
            precision = shared / total
            best = max(best, 2 * coverage * precision / (coverage + precision))
        return round(best, ROUND)

    def narrowed(self, found: Fields) -> list[int]:
        """Indexes of the errors the response's fields allow, each field applied if it leaves any."""
        chosen = list(range(len(self.errors)))
        steps = []
        if found.code:
            steps.append(lambda e: e.get("code") == found.code)
        elif found.code_is_null:
            steps.append(lambda e: e.get("code") is None)
        if found.param:
            steps.append(lambda e: e.get("param") == found.param)
        if found.exceptions:
            steps.append(lambda e: e.get("exception") in found.exceptions)
        if found.status:
            steps.append(lambda e: e.get("status") == found.status)
        if found.type:
            steps.append(lambda e: e.get("type") == found.type)
        for step in steps:
            kept = [i for i in chosen if step(self.errors[i])]
            if kept:
                chosen = kept
        return chosen

    def find(self, text: str) -> Result:
        query = words(text, self.ignored)
        found = fields(text, self.codes, self.exceptions)
        chosen = self.narrowed(found) if found.any else []
        if 0 < len(chosen) < len(self.errors):
            if len(chosen) == 1:
                return Result(self.errors[chosen[0]]["slug"], "error", ())
            best, score = self._ranked(query, chosen, COVERAGE)[0]
            if score >= NARROWED_MATCH:
                return Result(self.errors[best]["slug"], "error", ())
            likely = self._ranked(query, chosen, 0.0)[:CANDIDATES]
            return Result(None, None, tuple(self.errors[i]["slug"] for i, _ in likely))
        everything = range(len(self.errors) + len(self.guides))
        best, score = self._ranked(query, everything, COVERAGE)[0]
        if score >= MATCH:
            if best < len(self.errors):
                return Result(self.errors[best]["slug"], "error", ())
            return Result(self.guides[best - len(self.errors)]["url"], "guide", ())
        if found.status:
            return Result(None, None, self._nearest(found.status))
        likely = [
            self.errors[i]["slug"]
            for i, score in self._ranked(query, everything, 0.0)
            if i < len(self.errors) and score >= CANDIDATE
        ]
        return Result(None, None, tuple(likely[:CANDIDATES]))

    def _nearest(self, status: int) -> tuple[str, ...]:
        """For a status no error has: the errors of the closest statuses."""
        with_status = [i for i, e in enumerate(self.errors) if e.get("status")]
        ordered = sorted(with_status, key=lambda i: (abs(self.errors[i]["status"] - status), i))
        return tuple(self.errors[i]["slug"] for i in ordered[:CANDIDATES])

    def _ranked(
        self, query: frozenset[str], indexes: Iterable[int], coverage_at_least: float
    ) -> list[tuple[int, float]]:
        scored = [(i, self._score(query, i, coverage_at_least)) for i in indexes]
        return sorted(scored, key=lambda pair: (-pair[1], pair[0]))


def lookup(
    errors: Sequence[Mapping], code: str = "", status: str = "", type: str = ""
) -> str | None:
    """The slug ``/errors/lookup/?code=…&status=…&type=…`` sends the reader to, or None.

    Each given field narrows the catalog (a field that would leave nothing is ignored);
    when several errors remain, the one whose code is the given type wins (the general
    ``insufficient_quota`` among the billing errors of that type).
    """
    chosen = list(errors)
    tests = []
    if code:
        tests.append(lambda e: e.get("code") == code)
    if status.isdigit():
        tests.append(lambda e: e.get("status") == int(status))
    if type:
        tests.append(lambda e: e.get("type") == type)
    matched = False
    for test in tests:
        kept = [e for e in chosen if test(e)]
        if kept:
            chosen, matched = kept, True
    if not matched:
        return None
    if len(chosen) == 1:
        return chosen[0]["slug"]
    general = [e for e in chosen if type and e.get("code") == type]
    return general[0]["slug"] if len(general) == 1 else None
