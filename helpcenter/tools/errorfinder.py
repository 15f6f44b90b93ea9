"""What a reader pastes or types in the search box, matched to the page that answers it.

The browser runs exactly these steps in ``overrides/assets/javascripts/error-match.js``
over ``errors/messages.json`` (``finder_data``); this module is their reference, so every
form a customer pastes can be tested here quickly and compared with the browser's result.

A query is a paste or a question:

1. **Evidence.** The fields of an API response wherever they show up (raw JSON, the
   Python dict the 1.x SDK prints, the ``Error code: 429`` prefix, an exception name such
   as ``RateLimitError``, a bare code such as ``insufficient_quota``, a status alone or
   with an error word or with words that say nothing: "429", "erro 500 de openai"), or one
   of an error's own messages (API, system or product message, in any language). A null
   ``code`` is no evidence on its own.
2. **A paste** (with evidence): a code narrows the catalog; the other fields narrow it
   only where they keep an error the paste's message names, so a message that names an
   error wins over a status that contradicts it. A field that would leave no error is
   ignored, so a code the catalog does not know never hides the message. The result is
   one confident match (the paste must hold at least half of one of the page's texts, so
   a few common words never decide), or the few most likely errors of that status.
3. **A question** (without): the guide, section or error page that shares most with it is
   the answer (an error page counting for less; a whole guide gives way to its best
   section); it is never offered errors to choose. A misspelled word is first read as the
   known word one letter away (:meth:`Finder.corrected`).

**Words.** The text is compared with each error's messages, titles, product messages and
reader phrases (every language), and with guides' titles, descriptions, phrases and
sections. Numbers, ids, URLs, masked keys and model names are dropped; so are the words
every paste carries (JSON keys, ``null``, ``Error code``) and those that say nothing
(``data/words.yml``'s ``ignored``); a word no page knows is ignored instead of counted
against the match, so noise cannot make a result worse than the bare message. The readers'
words of ``data/words.yml`` are read as their group's word; words compare by their stem
(:func:`stem`). Rarer words weigh more (``ln(1 + documents / documents with the word)``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from helpcenter.wordmatch import IGNORED, normalized, stem

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

ERROR_WORDS = ("error", "errors", "erro", "erros", "errores", "status", "http", "code", "codigo")
"""Words that, next to a three-digit number, make it an HTTP status ("error 429", "erro 500")."""

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
_STATUS_NUMBER = re.compile(r"[1-5][0-9][0-9]", re.A)
"""A word of a query that reads as an HTTP status."""
_WORD = re.compile(r"[a-z0-9_]+", re.A)
_NAME = re.compile(r"[A-Za-z]+", re.A)
_SEARCH_SYNTAX = re.compile(r"""[\s"'`:+\-~^*{}\[\](),;=<>|\\]+""")
_SEARCH_DROPPED = re.compile(r"^[0-9]{4,}$|^[0-9a-f]{16,}$|^[a-z]+_[0-9a-z]{12,}$")


Synonyms = Mapping[tuple[str, ...], str]
"""A reader's word or phrase (normalized words) -> the one word that stands for its group."""


def synonym_table(terms: Mapping[str, str], size: int = 0) -> dict[tuple[str, ...], str]:
    """``{"term words": word}`` as ``errors/messages.json`` carries it, as a lookup table
    keyed by the stems (:func:`stem`) of each term's words."""
    table: dict[tuple[str, ...], str] = {}
    for term, word in terms.items():
        key = tuple(stem(part, size) for part in _SPLIT.split(normalized(term)) if part)
        if key:
            table[key] = word
    return table


def tokens(
    text: str,
    synonyms: Synonyms = {},  # noqa: B006 (never changed)
    size: int = 0,
) -> list[str]:
    """The words of ``text`` in order, without URLs, ids or masked keys; each phrase of
    ``synonyms`` (the longest first, from left to right, compared by the stems of ``size``
    letters of its words) replaced by its group's word."""
    text = normalized(text)
    text = _URL.sub(" ", text)
    text = _MASKED.sub(" ", text)
    text = _ID.sub(" ", text)
    parts = [word for word in _SPLIT.split(text) if word]
    if not synonyms:
        return parts
    longest = max(len(key) for key in synonyms)
    stems = [stem(part, size) for part in parts]
    result = []
    index = 0
    while index < len(parts):
        for length in range(min(longest, len(parts) - index), 0, -1):
            word = synonyms.get(tuple(stems[index : index + length]))
            if word is not None:
                result.append(word)
                index += length
                break
        else:
            result.append(parts[index])
            index += 1
    return result


def words(
    text: str,
    ignored: Iterable[str] = IGNORED,
    synonyms: Synonyms = {},  # noqa: B006 (never changed)
    size: int = 0,
) -> frozenset[str]:
    """The words that tell pages apart: no numbers, ids, URLs, masked keys or paste noise;
    each cut to its stem of ``size`` letters when ``size`` is given."""
    skip = set(ignored)
    return frozenset(
        stem(word, size)
        for word in tokens(text, synonyms, size)
        if not _DIGIT.search(word) and word not in skip
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
        """Whether the paste carries error evidence beyond its words (a null code is none)."""
        return bool(self.code or self.param or self.type or self.status) or bool(self.exceptions)


def status_of(
    text: str, error_words: Iterable[str] = ERROR_WORDS, ignored: Iterable[str] = ()
) -> int | None:
    """The HTTP status ``text`` gives: in a response's fields, or as a number of its own next
    to an error word ("error 500 de openai") or to words that say nothing (``ignored``:
    "429", "openai 500")."""
    found = next((int(m.group(1)) for p in _STATUS if (m := p.search(text))), None)
    if found is not None:
        return found
    parts = [part for part in _SPLIT.split(normalized(text)) if part]
    numbers = [part for part in parts if _STATUS_NUMBER.fullmatch(part)]
    if len(numbers) != 1:
        return None
    others = [part for part in parts if part != numbers[0]]
    errors, skip = set(error_words), set(ignored)
    if any(part in errors for part in others) or all(part in skip for part in others):
        return int(numbers[0])
    return None


def fields(
    text: str,
    codes: Iterable[str],
    exceptions: Iterable[str],
    error_words: Iterable[str] = ERROR_WORDS,
    ignored: Iterable[str] = (),
) -> Fields:
    """The response fields found in ``text``; ``codes`` and ``exceptions`` are the catalog's."""
    code = _CODE.search(text)
    found_code = code.group(1) if code and code.group(1) is not None else None
    if found_code is None and not code:
        known = set(codes)
        found_code = next((w for w in _WORD.findall(text.lower()) if w in known), None)
    type_ = _TYPE.search(text)
    param = _PARAM.search(text)
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
        status=status_of(text, error_words, ignored),
        exceptions=tuple(seen),
    )


@dataclass(frozen=True)
class Result:
    match: str | None
    """The slug (``errors``) or URL (``guides``, a page or one of its sections) shown first, or None."""
    kind: str | None
    """``error`` or ``guide``."""
    candidates: tuple[str, ...]
    """Slugs of the most likely errors when an error-looking query has no confident match."""
    question: bool = False
    """True when the query carried no error evidence: it is answered, never given candidates."""


class Finder:
    """The matcher over ``errors/messages.json`` as the build writes it.

    A query is read for error evidence first: a response's field (a code, a type, a
    param, an exception name, a status with an error word or alone), or one of an
    error's messages. With evidence it is a paste: the fields narrow the catalog where
    they agree with the message the paste holds (a message that names an error wins over a
    status that contradicts it); a confident match is shown, otherwise the few likely
    errors. Without evidence it is a question: the guide, section or error page whose
    texts it shares most with is the answer, and no error is offered as a candidate.
    """

    def __init__(self, data: Mapping):
        self.settings = dict(data["settings"])
        self.errors = list(data["errors"])
        self.guides = list(data.get("guides", ()))
        names = {e["sdk_exception"] for e in data["errors"] if e.get("sdk_exception")}
        # An exception's name is a field of the paste, not a word ("InternalServerError").
        names |= set(data["sdk_exceptions"])
        self.ignored = (*data["ignored"], *sorted(name.lower() for name in names))
        self.error_words = tuple(data["error_words"])
        self.synonyms = synonym_table(data.get("synonyms", {}), int(self.settings["stem"]))
        documents = [*self.errors, *self.guides]
        self.texts = [[self._words(text) for text in doc["texts"]] for doc in documents]
        self.evidence = [[self._words(text) for text in e["evidence"]] for e in self.errors]
        frequency: dict[str, int] = {}
        for texts in self.texts:
            for word in set().union(*texts):
                frequency[word] = frequency.get(word, 0) + 1
        total = len(documents)
        self.weight = {word: math.log(1 + total / count) for word, count in frequency.items()}
        self.bodies = [self._words(doc.get("body", "")) for doc in documents]
        self.boosts = [doc.get("boost", 1) for doc in documents]
        in_bodies: dict[str, int] = {}
        for body in self.bodies:
            for word in body:
                in_bodies[word] = in_bodies.get(word, 0) + 1
        bodies = sum(1 for body in self.bodies if body)
        self.body_weight = {word: math.log(1 + bodies / count) for word, count in in_bodies.items()}
        self._vocabulary(documents, data)
        self.codes = [e["code"] for e in self.errors if e.get("code")]
        self.exceptions = sorted(
            {e["sdk_exception"] for e in self.errors if e.get("sdk_exception")}
            | set(data["sdk_exceptions"])
        )

    def _vocabulary(self, documents: Sequence[Mapping], data: Mapping) -> None:
        """The words a misspelling may be read as (``self.spelled``: every word of at least
        ``typo`` - 1 letters of the pages' texts and bodies and of the readers' words, the
        ones whose stem more pages use first) and every known stem (``self.stems``, the
        ignored words' too)."""
        size = int(self.settings["stem"])
        pages: dict[str, int] = {}
        known: set[str] = set()
        for doc in documents:
            seen = set()
            for text in (*doc["texts"], doc.get("body", "")):
                for part in tokens(text):
                    if not _DIGIT.search(part):
                        seen.add(stem(part, size))
                        known.add(part)
            for key in seen:
                pages[key] = pages.get(key, 0) + 1
        for term in data.get("synonyms", {}):
            known.update(part for part in tokens(term) if not _DIGIT.search(part))
        self.stems = {stem(word, size) for word in (*known, *self.ignored)}
        shortest = int(self.settings["typo"]) - 1
        self.spelled = sorted(
            (word for word in known if len(word) >= shortest),
            key=lambda word: (-pages.get(stem(word, size), 0), word),
        )

    def corrected(self, text: str) -> str:
        """``text``'s words, each misspelled one read as the known word it is one letter away
        from: a word of at least ``typo`` letters whose stem no page, reader's word or
        ignored word has, and a known word (``self.spelled``) with the same first letter
        that one letter added, dropped, changed or swapped with its neighbour turns it into
        (the one whose stem more pages use)."""
        size = int(self.settings["stem"])
        result = []
        for part in tokens(text):
            if (
                len(part) >= self.settings["typo"]
                and not _DIGIT.search(part)
                and stem(part, size) not in self.stems
            ):
                part = next(
                    (
                        word
                        for word in self.spelled
                        if word[0] == part[0] and one_letter_apart(part, word)
                    ),
                    part,
                )
            result.append(part)
        return " ".join(result)

    def _words(self, text: str) -> frozenset[str]:
        return words(text, self.ignored, self.synonyms, int(self.settings["stem"]))

    def _score(
        self,
        query: frozenset[str],
        texts: Sequence[frozenset[str]],
        coverage_at_least: float,
        strict: bool = False,
    ) -> float:
        """How well ``query`` matches the best of ``texts``: the harmonic mean of the share of
        the text it covers and the share of the query it explains, by weight. ``strict``:
        a text shares at least ``match_words`` words with the query, or all of them."""
        known = sorted(word for word in query if word in self.weight)
        if not known:
            return 0.0
        total = sum(self.weight[word] for word in known)
        best = 0.0
        for text in texts:
            if not text:
                continue
            common = [word for word in known if word in text]
            shared = sum(self.weight[word] for word in common)
            if not shared:
                continue
            coverage = shared / sum(self.weight.get(word, 0.0) for word in sorted(text))
            if coverage < coverage_at_least:
                continue
            if coverage_at_least and len(common) < min(self.settings["match_words"], len(text)):
                continue
            precision = shared / total
            if strict and len(common) < self.settings["match_words"] and len(common) < len(known):
                continue
            best = max(best, 2 * coverage * precision / (coverage + precision))
        return round(best, int(self.settings["round"]))

    def named(self, query: frozenset[str]) -> list[int]:
        """The errors whose message the query holds (all those tied with the best), or none."""
        scored = [
            (i, self._score(query, self.evidence[i], self.settings["coverage"], strict=True))
            for i in range(len(self.errors))
        ]
        best = max((score for _, score in scored), default=0.0)
        if best < self.settings["match"]:
            return []
        return [i for i, score in scored if score == best]

    def narrowed(self, found: Fields, named: Sequence[int] = ()) -> list[int]:
        """Indexes of the errors the response's fields allow, each field applied if it leaves any.

        A code decides; the other fields, a null code among them, apply only where they keep
        an error the message names (``named``).
        """
        chosen = list(range(len(self.errors)))
        if found.code:
            kept = [i for i in chosen if self.errors[i].get("code") == found.code]
            chosen = kept or chosen
        steps = []
        if found.code_is_null and not found.code:
            steps.append(lambda e: e.get("code") is None)
        if found.param:
            steps.append(lambda e: e.get("param") == found.param)
        if found.exceptions:
            steps.append(lambda e: e.get("sdk_exception") in found.exceptions)
        if found.status:
            steps.append(lambda e: e.get("status") == found.status)
        if found.type:
            steps.append(lambda e: e.get("type") == found.type)
        for step in steps:
            kept = [i for i in chosen if step(self.errors[i])]
            if kept and (not named or any(i in kept for i in named)):
                chosen = kept
        return chosen

    def find(self, text: str) -> Result:
        settings = self.settings
        query = self._words(text)
        found = fields(text, self.codes, self.exceptions, self.error_words, self.ignored)
        named = self.named(query)
        count = int(settings["candidates"])
        if found.any:
            chosen = self.narrowed(found, named)
            agreed = [i for i in named if i in chosen]
            if agreed:
                return Result(self.errors[agreed[0]]["slug"], "error", ())
            if 0 < len(chosen) < len(self.errors):
                if len(chosen) == 1:
                    return Result(self.errors[chosen[0]]["slug"], "error", ())
                best, score = self._ranked(query, chosen, settings["coverage"])[0]
                if score >= settings["narrowed_match"]:
                    return Result(self.errors[best]["slug"], "error", ())
                likely = self._ranked(query, chosen, 0.0)[:count]
                return Result(None, None, tuple(self.errors[i]["slug"] for i, _ in likely))
        elif named:
            return Result(self.errors[named[0]]["slug"], "error", ())
        everything = range(len(self.errors) + len(self.guides))
        if not found.any:
            best, score = self._answer(self._words(self.corrected(text)))
            if score < settings["answer"]:
                return Result(None, None, (), question=True)
            return Result(*self._page(best), (), question=True)
        best, score = self._ranked(query, everything, settings["coverage"])[0]
        if score >= settings["match"]:
            return Result(*self._page(best), ())
        if found.status:
            return Result(None, None, self._nearest(found.status))
        likely = [
            self.errors[i]["slug"]
            for i, score in self._ranked(query, everything, 0.0)
            if i < len(self.errors) and score >= settings["candidate"]
        ]
        return Result(None, None, tuple(likely[:count]))

    def _answer(self, query: frozenset[str]) -> tuple[int, float]:
        """The page that best answers a question, and its score: what its texts share with the
        question (an error's counting less), plus ``body`` times the share of the question's
        words (by their weight among the pages' own texts) that its own text holds, times
        the page's ``boost`` (below 1 for a hub of links, whose text mentions many topics)."""
        weight = self.settings["error_answer"]
        size = int(self.settings["round"])
        scored = [
            (
                i,
                round(
                    score * (weight if i < len(self.errors) else 1)
                    + self.settings["body"] * self.boosts[i] * self._body_score(query, i),
                    size,
                ),
            )
            for i, score in self._ranked(query, range(len(self.texts)), 0.0)
        ]
        best, score = sorted(scored, key=lambda pair: (-pair[1], pair[0]))[0]
        within = self._sections_of(best)
        if not within:
            return best, score
        points = dict(scored)
        section = sorted(within, key=lambda i: (-points[i], i))[0]
        if points[section] > 0 and points[section] >= self.settings["section"] * score:
            return section, score
        return best, score

    def _sections_of(self, index: int) -> list[int]:
        """The sections of guide ``index`` when it is a whole page (its URL has no anchor)."""
        if index < len(self.errors):
            return []
        url = self.guides[index - len(self.errors)]["url"]
        if "#" in url:
            return []
        first = len(self.errors)
        return [first + i for i, g in enumerate(self.guides) if g["url"].startswith(url + "#")]

    def _body_score(self, query: frozenset[str], index: int) -> float:
        """The share of ``query``'s words (by weight among the bodies) in page ``index``'s body."""
        known = sorted(word for word in query if word in self.body_weight)
        total = sum(self.body_weight[word] for word in known)
        if not total:
            return 0.0
        body = self.bodies[index]
        shared = sum(self.body_weight[word] for word in known if word in body)
        return round(shared / total, int(self.settings["round"]))

    def _page(self, index: int) -> tuple[str, str]:
        if index < len(self.errors):
            return self.errors[index]["slug"], "error"
        return self.guides[index - len(self.errors)]["url"], "guide"

    def _nearest(self, status: int) -> tuple[str, ...]:
        """For a status no error has: the errors of the closest statuses."""
        with_status = [i for i, e in enumerate(self.errors) if e.get("status")]
        ordered = sorted(with_status, key=lambda i: (abs(self.errors[i]["status"] - status), i))
        return tuple(self.errors[i]["slug"] for i in ordered[: int(self.settings["candidates"])])

    def _ranked(
        self, query: frozenset[str], indexes: Iterable[int], coverage_at_least: float
    ) -> list[tuple[int, float]]:
        scored = [(i, self._score(query, self.texts[i], coverage_at_least)) for i in indexes]
        return sorted(scored, key=lambda pair: (-pair[1], pair[0]))


def one_letter_apart(first: str, second: str) -> bool:
    """Whether one letter added, dropped, changed, or swapped with its neighbour turns
    ``first`` into ``second`` (and they differ)."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    if len(first) == len(second):
        apart = [i for i in range(len(first)) if first[i] != second[i]]
        if len(apart) == 1:
            return True
        return (
            len(apart) == 2
            and apart[1] == apart[0] + 1
            and first[apart[0]] == second[apart[1]]
            and first[apart[1]] == second[apart[0]]
        )
    shorter, longer = sorted((first, second), key=len)
    index = next((i for i in range(len(shorter)) if shorter[i] != longer[i]), len(shorter))
    return shorter[index:] == longer[index + 1 :]


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
