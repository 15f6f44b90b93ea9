"""Bad catalog input, family by family: each case is one exact line naming file, entry and field.

Syntax (anchors, duplicate keys), types, ranges, sizes, encodings, cross-field rules,
cross-entry rules and collisions with other pages, for both catalogs. The catalogs are
small valid ones from the catalog tests, broken in one place per case.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import test_errors_catalog as error_tests
import test_models_catalog as model_tests

from helpcenter.catalog.errors import load_errors
from helpcenter.catalog.models import load_catalog
from helpcenter.problems import ContentError
from support import dump_yaml

LANGUAGES = ["es", "en"]


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture
def docs(tmp_path) -> Path:
    root = tmp_path / "docs"
    for language in LANGUAGES:
        (root / language / "errors").mkdir(parents=True)
        (root / language / "billing.md").write_text("# Billing\n", encoding="utf-8")
        (root / language / "errors" / "index.md").write_text("# Errors\n", encoding="utf-8")
    (root / "es" / "errors" / "lookup.md").write_text("# Busca\n", encoding="utf-8")
    (root / "en" / "errors" / "lookup.md").write_text("# Look up\n", encoding="utf-8")
    return root


def models_message(data_dir: Path, text: str) -> str:
    (data_dir / "models.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_catalog(data_dir)
    return str(caught.value)


def errors_message(data_dir: Path, docs: Path, text: str) -> str:
    (data_dir / "errors.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_errors(data_dir, docs, LANGUAGES)
    return str(caught.value)


def models_text() -> str:
    return dump_yaml(model_tests.valid_catalog())


def errors_text() -> str:
    return dump_yaml(error_tests.valid_catalog())


def changed_line(before: str, after: str) -> str:
    """The number of the first line ``after`` changes, as a message gives it."""
    pairs = zip(before.splitlines(), after.splitlines(), strict=False)
    return str(next(number for number, (a, b) in enumerate(pairs, 1) if a != b))


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# ------------------------------------------------- ranges and types (misleading before)

M = "data/models.yml"
E = "data/errors.yml"

INVISIBLE = "expected text without bidirectional controls, zero-width or other invisible characters"

MODEL_CASES = [
    (
        "right-to-left-override-in-a-name",
        lambda t: edit(t, "name: Sol 1\n", "name: Sol \u202e1-tpg\n"),
        f"{M}:LINE: model 'sol-1', field name holds the invisible character U+202E "
        f"(RIGHT-TO-LEFT OVERRIDE); {INVISIBLE}",
    ),
    (
        "zero-width-space-in-a-name",
        lambda t: edit(t, "name: Sol 1\n", "name: Sol\u200b 1\n"),
        f"{M}:LINE: model 'sol-1', field name holds the invisible character U+200B "
        f"(ZERO WIDTH SPACE); {INVISIBLE}",
    ),
    (
        "price-too-large-for-a-table",
        lambda t: edit(t, "input: 2.0\n", "input: 1.0e+309\n"),
        f"{M}:LINE: model 'sol-1', field pricing.input is 1.0E+309; expected a number of at most 10000",
    ),
    (
        "negative-cached-price-is-not-told-as-null",
        lambda t: edit(t, "cached_input: 0.1\n", "cached_input: -0.01\n"),
        f"{M}:LINE: model 'sol-1', field pricing.cached_input is -0.01; "
        "expected a number of at least 0 (or null)",
    ),
    (
        "cached-price-as-text",
        lambda t: edit(t, "cached_input: 0.1\n", "cached_input: free\n"),
        f"{M}:LINE: model 'sol-1', field pricing.cached_input is \"free\"; expected a number (or null)",
    ),
    (
        "too-many-decimals",
        lambda t: edit(t, "cached_input: 0.025\n", "cached_input: 0.0250001\n"),
        f"{M}:LINE: model 'luna-1', field pricing.cached_input is 0.0250001; "
        "expected at most 6 decimal places",
    ),
    (
        "cache-write-price-as-text",
        lambda t: edit(t, "cached_input: 0.1\n", "cached_input: 0.1\n    cache_write: free\n"),
        f"{M}:LINE: model 'sol-1', field pricing.cache_write is \"free\"; expected a number (or null)",
    ),
    (
        "cache-write-price-with-too-many-decimals",
        lambda t: edit(
            t, "cached_input: 0.025\n", "cached_input: 0.025\n    cache_write: 0.3125001\n"
        ),
        f"{M}:LINE: model 'luna-1', field pricing.cache_write is 0.3125001; "
        "expected at most 6 decimal places",
    ),
    (
        "minimum-top-up-with-too-many-decimals",
        lambda t: edit(t, "minimum_top_up: 5\n", "minimum_top_up: 5.0000001\n"),
        f"{M}:LINE: billing, field minimum_top_up is 5.0000001; expected at most 6 decimal places",
    ),
    (
        "unknown-provider",
        lambda t: edit(t, "provider: OpenAI\n", "provider: OpenIA\n"),
        f"{M}:LINE: model 'sol-1', field provider is \"OpenIA\"; expected one of OpenAI",
    ),
    (
        "cached-input-dearer-than-input",
        lambda t: edit(t, "cached_input: 0.1\n", "cached_input: 3.5\n"),
        f"{M}:LINE: model 'sol-1', field pricing.cached_input is 3.5, above pricing.input 2.0; "
        "expected a cached price no higher than the input price",
    ),
    (
        "more-output-than-context",
        lambda t: edit(t, "max_output_tokens: 32768\n", "max_output_tokens: 500000\n"),
        f"{M}:LINE: model 'luna-1', field max_output_tokens is 500000, above context_window 400000; "
        "expected at most the context window",
    ),
    (
        "announced-after-shutdown",
        lambda t: edit(
            edit(t, "shutdown: 2025-06-06\n", "shutdown: 2025-06-06\n    announced: 2025-07-01\n"),
            "      shutdown: https://example.com/deprecations\n",
            "      shutdown: https://example.com/deprecations\n"
            "      announced: https://example.com/deprecations\n",
        ),
        f"{M}:LINE: model 'old-1', field lifecycle.announced is 2025-07-01, after its shutdown "
        "2025-06-06; expected an announcement before the shutdown",
    ),
    (
        "two-quality-picks",
        lambda t: edit(t, "recommended: economy\n", "recommended: quality\n"),
        f"{M}:LINE: model 'luna-1', field recommended is quality, already given to model 'sol-1'; "
        "expected one model per role",
    ),
    (
        "name-with-a-control-character",
        lambda t: edit(t, "name: Sol 1\n", 'name: "Sol\\e1"\n'),
        f"{M}:LINE: model 'sol-1', field name holds the control character U+001B; expected plain text",
    ),
    (
        "five-megabyte-description",
        lambda t: edit(t, "es: Casos complejos.", "es: " + "x" * 5_000_000),
        f"{M}:LINE: model 'sol-1', field good_for.es has 5,000,000 characters; expected at most 1,000",
    ),
    (
        "long-name",
        lambda t: edit(t, "name: Sol 1\n", f"name: {'S' * 101}\n"),
        f"{M}:LINE: model 'sol-1', field name has 101 characters; expected at most 100",
    ),
    (
        "duplicate-key-in-a-mapping",
        lambda t: edit(t, "    input: 0.25\n", "    input: 0.25\n    input: 0.15\n"),
        None,  # the line number depends on the dump; checked below
    ),
    (
        "anchor-and-alias",
        lambda t: edit(
            edit(t, "good_for:\n    es: Casos", "good_for: &same\n    es: Casos"),
            "good_for:\n    es: Preguntas frecuentes.\n    en: Frequent questions.\n",
            "good_for: *same\n",
        ),
        None,
    ),
]


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [case[1:] for case in MODEL_CASES if case[2]],
    ids=[case[0] for case in MODEL_CASES if case[2]],
)
def test_a_broken_model_catalog_gives_its_one_exact_line(data_dir, breakage, expected):
    text = breakage(models_text())
    line = changed_line(models_text(), text)
    assert models_message(data_dir, text) == expected.replace("LINE", line)


def test_a_duplicate_key_is_refused_with_its_line(data_dir):
    text = edit(models_text(), "    input: 0.25\n", "    input: 0.25\n    input: 0.15\n")
    line = text.splitlines().index("    input: 0.15") + 1
    assert models_message(data_dir, text) == (
        f'{M}:{line}:5: key "input" is given twice in the same mapping (first on line '
        f"{line - 1}); expected each key once"
    )


def test_an_anchor_is_refused_with_its_line(data_dir):
    text = edit(models_text(), "good_for:\n    es: Casos", "good_for: &same\n    es: Casos")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "&same" in row)
    assert models_message(data_dir, text) == (
        f"{M}:{line}:13: YAML anchor &same is not allowed in a catalog; write the value out in full"
    )


def test_a_yaml_alias_bomb_is_refused_at_once(data_dir):
    levels = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        levels.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 8) + "]")
    text = models_text() + "\n".join(levels) + "\n"
    started = time.monotonic()
    message = models_message(data_dir, text)
    assert time.monotonic() - started < 2
    assert message.startswith(f"{M}:") and "YAML anchor &a0 is not allowed in a catalog" in message


def test_a_file_over_the_size_limit_is_refused_before_it_is_parsed(data_dir):
    text = models_text() + "# " + "x" * 10_000_000 + "\n"
    size = len(text.encode("utf-8"))
    assert models_message(data_dir, text) == (
        f"{M} is {size:,} bytes; expected at most 10,000,000 (shorten its texts)"
    )


def test_a_long_value_is_quoted_short_in_a_message(data_dir):
    text = edit(models_text(), "name: Sol 1\n", f"name: [{'y' * 9000}]\n")
    line = changed_line(models_text(), text)
    assert models_message(data_dir, text) == (
        f"{M}:{line}: model 'sol-1', field name is list; expected a text"
    )
    message = models_message(
        data_dir, edit(models_text(), "provider: OpenAI\n", f"provider: {'z' * 9000}\n")
    )
    assert len(message) < 200 and message.endswith("…; expected one of OpenAI")


# ------------------------------------------------------------------- error catalog

ERROR_CASES = [
    (
        "zero-width-joiner-in-a-code",
        lambda t: edit(t, "code: rate_limit_exceeded\n", "code: rate_limit\u200d_exceeded\n"),
        f"{E}:LINE: error 'rate-limit', field code holds the invisible character U+200D "
        f"(ZERO WIDTH JOINER); {INVISIBLE}",
    ),
    (
        "code-outside-its-alphabet",
        lambda t: edit(t, "code: rate_limit_exceeded\n", "code: Rate limit!\n"),
        f"{E}:LINE: error 'rate-limit', field code is \"Rate limit!\"; expected it as the API's "
        "response gives it: lowercase letters, digits, _, . and - (or null)",
    ),
    (
        "isolate-in-a-title",
        lambda t: edit(t, "es: Título rate-limit\n", "es: Título \u2067rate-limit\n"),
        f"{E}:LINE: error 'rate-limit', field title.es holds the invisible character U+2067 "
        f"(RIGHT-TO-LEFT ISOLATE); {INVISIBLE}",
    ),
    (
        "status-out-of-range-is-not-told-as-null",
        lambda t: edit(t, "status: 429\n", "status: 999\n"),
        f"{E}:LINE: error 'rate-limit', field status is 999; expected a number of at most 599 (or null)",
    ),
    (
        "status-as-text",
        lambda t: edit(t, "status: 429\n", "status: many\n"),
        f"{E}:LINE: error 'rate-limit', field status is \"many\"; expected a whole number (or null)",
    ),
    (
        "slug-that-is-the-errors-index",
        lambda t: edit(t, "slug: connection-error\n", "slug: index\n").replace(
            "- connection-error", "- index"
        ),
        f"{E}:LINE: error 'index', field slug would replace docs/es/errors/index.md "
        "(its address errors/index/ is taken); expected another slug",
    ),
    (
        "slug-that-is-another-page-of-the-errors-folder",
        lambda t: edit(t, "slug: connection-error\n", "slug: lookup\n"),
        f"{E}:LINE: error 'lookup', field slug would replace docs/es/errors/lookup.md "
        "(its address errors/lookup/ is taken); expected another slug",
    ),
    (
        "javascript-link-in-a-step",
        lambda t: edit(t, "[estado](https://status.openai.com)", "[estado](javascript:alert(1))"),
        f"{E}:LINE: error 'connection-error', field steps.es item 1 links javascript:alert(1: "
        "expected an https:, mailto: or relative link",
    ),
    (
        "http-link-in-a-step",
        lambda t: edit(
            t, "[status](https://status.openai.com)", "[status](http://status.openai.com)"
        ),
        f"{E}:LINE: error 'connection-error', field steps.en item 1 links http://status.openai.com: "
        "expected an https:, mailto: or relative link",
    ),
    (
        "source-that-is-not-https",
        lambda t: edit(t, "source: https://example.com/errors\n", "source: javascript:alert(1)\n"),
        f"{E}:LINE: error 'rate-limit', field source is \"javascript:alert(1)\"; "
        "expected an https:// address",
    ),
    (
        "message-over-its-limit",
        lambda t: edit(t, "current: You exceeded your quota.", "current: " + "q" * 2001),
        f"{E}:LINE: error 'insufficient-quota', field messages.current has 2,001 characters; "
        "expected at most 2,000",
    ),
    (
        "older-message-over-its-limit",
        lambda t: edit(t, "- Old wording.", "- " + "o" * 2001),
        f"{E}:LINE: error 'insufficient-quota', field messages.older item 1 has 2,001 characters; "
        "expected at most 2,000",
    ),
    (
        "duplicate-slug-key",
        lambda t: edit(t, "- slug: rate-limit\n", "- slug: rate-limit\n  slug: other\n"),
        None,
    ),
]


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [case[1:] for case in ERROR_CASES if case[2]],
    ids=[case[0] for case in ERROR_CASES if case[2]],
)
def test_a_broken_error_catalog_gives_its_one_exact_line(data_dir, docs, breakage, expected):
    text = breakage(errors_text())
    line = changed_line(errors_text(), text)
    assert errors_message(data_dir, docs, text) == expected.replace("LINE", line)


def test_a_duplicate_key_in_the_error_catalog_is_refused_with_its_line(data_dir, docs):
    text = edit(errors_text(), "- slug: rate-limit\n", "- slug: rate-limit\n  slug: other\n")
    line = text.splitlines().index("  slug: other") + 1
    assert errors_message(data_dir, docs, text) == (
        f'{E}:{line}:3: key "slug" is given twice in the same mapping (first on line '
        f"{line - 1}); expected each key once"
    )


def test_a_catalog_with_every_field_at_its_limit_loads(data_dir, docs):
    text = edit(models_text(), "name: Sol 1\n", f"name: {'S' * 100}\n")
    text = edit(text, "es: Casos complejos.", "es: " + "x" * 1000)
    (data_dir / "models.yml").write_text(text, encoding="utf-8")
    assert load_catalog(data_dir).get("sol-1").name == "S" * 100
    text = edit(errors_text(), "current: You exceeded your quota.", "current: " + "q" * 2000)
    (data_dir / "errors.yml").write_text(text, encoding="utf-8")
    assert len(load_errors(data_dir, docs, LANGUAGES).errors[1].current_message) == 2000


@pytest.mark.parametrize(("raw", "code"), [("\x00", "0000"), ("\x07", "0007"), ("\ufffe", "FFFE")])
def test_a_character_yaml_cannot_hold_is_one_line_with_its_line(data_dir, raw, code):
    text = edit(models_text(), "name: Luna 1\n", f"name: Luna{raw}1\n")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("  name: Luna"))
    assert models_message(data_dir, text) == (
        f"{M}:{line}: the character U+{code} cannot be written in YAML; remove it"
    )


def test_a_byte_order_mark_is_accepted(data_dir):
    (data_dir / "models.yml").write_bytes(b"\xef\xbb\xbf" + models_text().encode("utf-8"))
    assert load_catalog(data_dir).get("sol-1").name == "Sol 1"


# ------------------------------------------------------------ the site's languages


def test_a_text_missing_in_a_language_of_the_site_is_one_line_naming_it(data_dir, docs):
    (docs / "pt" / "errors").mkdir(parents=True)
    for page in ("billing.md", "errors/index.md", "errors/lookup.md"):
        (docs / "pt" / page).write_text("# Página\n", encoding="utf-8")
    catalog = error_tests.valid_catalog()
    for entry in catalog["errors"]:
        for field in ("title", "product_message", "meaning"):
            entry[field]["pt"] = "Texto."
        entry["steps"]["pt"] = ["Um passo."] * len(entry["steps"]["es"])
    del catalog["errors"][0]["title"]["pt"]
    text = dump_yaml(catalog)
    (data_dir / "errors.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_errors(data_dir, docs, ["es", "en", "pt"])
    line = text.splitlines().index("  title:") + 1
    assert str(caught.value) == (
        f"{E}:{line}: error 'rate-limit', field title.pt is missing; expected a text in each of the "
        "site's languages (es, en, pt)"
    )


def test_a_text_in_a_language_the_site_lacks_is_one_line_naming_it(data_dir, docs):
    text = edit(errors_text(), "  meaning:\n", "  meaning:\n    fr: Quelque chose.\n")
    line = text.splitlines().index("    fr: Quelque chose.") + 1
    assert errors_message(data_dir, docs, text) == (
        f"{E}:{line}: error 'rate-limit', field meaning.fr is in a language the site is not built in; "
        "expected one of es, en"
    )


def test_without_the_site_languages_a_model_text_needs_every_language_the_catalog_uses(
    data_dir,
):
    text = edit(
        models_text(), "    en: Complex cases.\n", "    en: Complex cases.\n    pt: Casos.\n"
    )
    lines = [number for number, row in enumerate(text.splitlines(), 1) if row == "  good_for:"]
    assert models_message(data_dir, text) == "\n".join(
        f"{M}:{line}: model '{model}', field good_for.pt is missing; expected a text in each "
        "of the catalog's languages (es, en, pt)"
        for line, model in zip(lines[1:], ("luna-1", "old-1"), strict=True)
    )


def test_a_new_language_needs_no_new_schema(data_dir):
    text = models_text()
    for english in ("Complex cases.", "Frequent questions.", "No longer available."):
        text = edit(text, f"    en: {english}\n", f"    en: {english}\n    pt: Texto.\n")
    (data_dir / "models.yml").write_text(text, encoding="utf-8")
    catalog = load_catalog(data_dir, languages=["es", "en", "pt"])
    assert catalog.get("sol-1").good_for == {
        "es": "Casos complejos.",
        "en": "Complex cases.",
        "pt": "Texto.",
    }


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Acme Chat", None),
        ("Configuración › Integraciones", None),
        ("a\u202eb", "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        ("a\u2066b\u2069", "U+2066 (LEFT-TO-RIGHT ISOLATE)"),
        ("\ufeffStart", "U+FEFF (ZERO WIDTH NO-BREAK SPACE)"),
        ("soft\u00adhyphen", "U+00AD (SOFT HYPHEN)"),
        ("gpt\u200d4o", "U+200D (ZERO WIDTH JOINER)"),
        ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", None),  # Persian: می‌خواهم
        ("\u0915\u094d\u200d\u0937", None),  # Devanagari: a half form
        ("\u200c\u0645", "U+200C (ZERO WIDTH NON-JOINER)"),  # not between two letters
    ],
)
def test_one_rule_tells_an_invisible_character_from_one_a_script_needs(text, found):
    from helpcenter.catalog.fields import invisible_character

    assert invisible_character(text) == found


def test_a_phrase_given_to_two_errors_or_pages_of_a_language_is_refused(data_dir, docs):
    from helpcenter.pages.errorpages import phrase_problems

    data = error_tests.valid_catalog()
    data["errors"][0]["phrases"] = {"es": ["mi clave no funciona"], "en": ["slow"]}
    data["errors"][1]["phrases"] = {"es": ["Mi  CLAVE no funcióna"], "en": ["quota"]}
    (data_dir / "errors.yml").write_text(dump_yaml(data), encoding="utf-8")
    catalog = load_errors(data_dir, docs, LANGUAGES)
    first, second = (error.slug for error in catalog.errors[:2])
    guides = {"billing.md": ("quota",), "help.md": ("slow", "ayuda")}
    assert phrase_problems(catalog, guides, "es", "docs/es") == [
        f"data/errors.yml: error '{second}', field phrases.es: 'Mi  CLAVE no funcióna' is also "
        f"a phrase of error '{first}'; a phrase leads to one page, so give it to one of them"
    ]
    assert phrase_problems(catalog, guides, "en", "docs/en") == [
        "docs/en/billing.md: front matter field phrases: 'quota' is also a phrase of error "
        f"'{second}'; a phrase leads to one page, so give it to one of them",
        "docs/en/help.md: front matter field phrases: 'slow' is also a phrase of error "
        f"'{first}'; a phrase leads to one page, so give it to one of them",
    ]


def test_phrases_are_bounded_in_length_and_count(data_dir, docs):
    from helpcenter.catalog.frontmatter import front_matter_phrases

    data = error_tests.valid_catalog()
    data["errors"][0]["phrases"] = {"es": ["p" * 101], "en": [f"p{n}" for n in range(11)]}
    (data_dir / "errors.yml").write_text(dump_yaml(data), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_errors(data_dir, docs, LANGUAGES)
    slug = data["errors"][0]["slug"]
    lines = [line.split(": ", 1)[1] for line in str(caught.value).splitlines()]
    assert lines == [
        f"error '{slug}', field phrases.es item 1 has 101 characters; expected at most 100",
        f"error '{slug}', field phrases.en has 11 items; expected at most 10",
    ]
    with pytest.raises(ContentError) as caught:
        front_matter_phrases("---\nphrases: [" + "x" * 250_000 + "]\n---\n", "docs/es/a.md")
    assert str(caught.value) == (
        "docs/es/a.md: front matter field phrases has a phrase of 250,000 characters; "
        "expected at most 100"
    )
    with pytest.raises(ContentError) as caught:
        front_matter_phrases("---\nphrases: [" + ", ".join("abcdefghijk") + "]\n---\n", "x.md")
    assert (
        str(caught.value) == "x.md: front matter field phrases has 11 phrases; expected at most 10"
    )
