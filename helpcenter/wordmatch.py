"""How the search box compares a reader's words, and its thresholds, written once.

The finder (helpcenter.tools.errorfinder and its browser twin, error-match.js, which reads
these settings from ``errors/messages.json``) and the catalog of readers' words
(helpcenter.catalog.words, which checks that no two groups' terms compare as one word) both
compare words this way, so it lives below both.
"""

import unicodedata

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
"""Words every pasted error carries, whichever error it is: the search box leaves them out of
every query and text, so no group of readers' words may be read as one of them."""

PRODUCT = "productname"
"""The word the search box reads the product's name as (``extra.product.name``, all its words
as one term), and leaves out like the ``ignored`` words; no group of readers' words may use it."""

SETTINGS: dict[str, float | int] = {
    "match": 0.6,
    "narrowed_match": 0.3,
    "candidate": 0.2,
    "coverage": 0.5,
    "match_words": 2,
    "candidates": 3,
    "answer": 0.2,
    "error_answer": 0.85,
    "body": 0.35,
    "section": 0.5,
    "stem": 6,
    "typo": 6,
    "round": 9,
}
"""The matcher's thresholds, written once: ``errors/messages.json`` carries them and both this
module and ``error-match.js`` read them from there.

- ``match``: word score above which an error is the match when the paste has no structure;
- ``narrowed_match``: the same when the response's fields already narrowed the catalog;
- ``candidate``: lowest word score of an error offered as a possible match;
- ``coverage``: share of one of its texts (by weight) a paste must contain for an error to be
  the match, so a few common words shared with a long message never decide;
- ``match_words``: words a paste of several known words must share with one text of an error
  for it to be the match ("what is a token" and "token limit" share one);
- ``candidates``: how many possible errors are offered;
- ``answer``: lowest score of the guide, section or error page given as the answer to a
  question (a query with no error evidence);
- ``error_answer``: what an error page's score counts for when it answers a question, so a
  guide or section that answers as well comes first;
- ``body``: what the share of a question's words found in a guide section's own text (its
  paragraphs, steps and tables, rarer words weighing more) adds to that section's score, so
  a question in words no phrase lists still finds the section that says them;
- ``section``: when the answer is a whole guide, its best section is shown instead if that
  section scores at least this share of the guide's score (a reader asking "my key leaked"
  lands on "If your key leaked", not on the top of the page);
- ``stem``: words are compared by their first this many letters, without a plural's final
  "s" ("descarga" and "descargo", "verificación" and "verificar", "tokens" and "token");
- ``typo``: a question's word of at least this many letters that no page, reader's word or
  ignored word knows is read as the known word one letter away (added, dropped, changed or
  swapped with its neighbour, same first letter): "factrua" is "factura";
- ``round``: scores are compared rounded to this many decimals, so both implementations agree.
"""


def normalized(text: str) -> str:
    """Lower case without accents, so "crédito" and "credito" are the same word."""
    plain = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in plain if not unicodedata.combining(char))


def stem(word: str, size: int) -> str:
    """The part of ``word`` compared: its first ``size`` letters, without a plural's final "s"."""
    if len(word) > 3 and word.endswith("s"):
        word = word[:-1]
    return word[:size] if size else word
