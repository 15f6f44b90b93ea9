"""The API error catalog loader: a small valid catalog per test, then one thing broken."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from helpcenter.catalog.errors import ErrorCatalog, load_errors
from helpcenter.problems import ContentError
from support import content_error, write_yaml
from support import line_of as shared_line_of

SHOWN_AS = "data/errors.yml"
LANGUAGES = ["es", "en"]


def error(slug: str, status: int | None, code: str | None, **fields) -> dict:
    entry = {
        "slug": slug,
        "status": status,
        "type": None if status is None else "invalid_request_error",
        "code": code,
        "title": {"es": f"Título {slug}", "en": f"Title {slug}"},
        "messages": {"current": f"Message of {slug}.", "older": []},
        "sdk_exception": "APIError",
        "product_message": {"es": "OpenAI rechazó el pedido.", "en": "OpenAI refused it."},
        "meaning": {"es": "Algo pasó.", "en": "Something happened."},
        "verdict": "retry-later",
        "steps": {
            "es": ["Espera un minuto.", "Revisa tu [saldo](../billing.md#saldo)."],
            "en": ["Wait a minute.", "Check your [balance](../billing.md#balance)."],
        },
        "guides": ["billing.md"],
        "related": [],
        "source": "https://example.com/errors",
        "verified": date(2026, 11, 22),
    }
    entry.update(fields)
    return entry


def valid_catalog() -> dict:
    return {
        "errors": [
            error(
                "rate-limit",
                429,
                "rate_limit_exceeded",
                sdk_exception="RateLimitError",
                related=["insufficient-quota"],
            ),
            error(
                "insufficient-quota",
                429,
                "insufficient_quota",
                verdict="add-credit",
                related=["rate-limit"],
                messages={"current": "You exceeded your quota.", "older": ["Old wording."]},
            ),
            error(
                "connection-error",
                None,
                None,
                verdict="check-network",
                guides=[],
                related=["rate-limit"],
                steps={
                    "es": ["Revisa tu red ([estado](https://status.openai.com))."],
                    "en": ["Check your network ([status](https://status.openai.com))."],
                },
                notes="No response comes back.",
            ),
        ]
    }


@pytest.fixture
def docs(tmp_path) -> Path:
    """One folder per language, each with the guide the catalog points to."""
    root = tmp_path / "docs"
    for language in LANGUAGES:
        (root / language).mkdir(parents=True)
        (root / language / "billing.md").write_text("# Billing\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def shared_dir(tmp_path_factory) -> Path:
    """One folder for the module's tests, each writing its own errors.yml into it."""
    return tmp_path_factory.mktemp("data")


@pytest.fixture
def data_dir(shared_dir):
    yield shared_dir
    (shared_dir / "errors.yml").unlink(missing_ok=True)


def write(data_dir: Path, data: dict | None = None, *, text: str | None = None) -> Path:
    return write_yaml(data_dir, "errors.yml", data, text=text)


def entry(data: dict, slug: str) -> dict:
    return next(item for item in data["errors"] if item["slug"] == slug)


def line_of(data_dir: Path, words: str, occurrence: int = 1) -> int:
    return shared_line_of(data_dir / "errors.yml", words, occurrence)


def load_error(data_dir: Path, docs: Path) -> str:
    return content_error(lambda: load_errors(data_dir, docs, LANGUAGES), SHOWN_AS)


# --------------------------------------------------------------------- valid


def test_valid_catalog_loads(data_dir, docs):
    catalog = load_errors(write(data_dir, valid_catalog()), docs, LANGUAGES)

    assert isinstance(catalog, ErrorCatalog)
    assert [e.slug for e in catalog.errors] == [
        "rate-limit",
        "insufficient-quota",
        "connection-error",
    ]
    quota = catalog.get("insufficient-quota")
    assert (quota.status, quota.code, quota.verdict) == (429, "insufficient_quota", "add-credit")
    assert quota.messages == ("You exceeded your quota.", "Old wording.")
    assert quota.steps["en"] == ("Wait a minute.", "Check your [balance](../billing.md#balance).")
    assert quota.guides == ("billing.md",)
    assert quota.related == ("rate-limit",)
    assert quota.verified == date(2026, 11, 22)
    assert quota.path == "errors/insufficient-quota.md"
    network = catalog.get("connection-error")
    assert (network.status, network.type, network.code) == (None, None, None)
    assert catalog.get("nope") is None


def test_two_errors_without_status_and_code_are_fine(data_dir, docs):
    data = valid_catalog()
    data["errors"].append(
        error("timeout", None, None, verdict="check-network", guides=[], related=[])
    )

    catalog = load_errors(write(data_dir, data), docs, LANGUAGES)

    assert [e.slug for e in catalog.errors if e.status is None] == ["connection-error", "timeout"]


def test_same_status_is_fine_when_codes_differ_or_are_null(data_dir, docs):
    # rate-limit and insufficient-quota are both 429 with different codes; here two
    # 401s with code null are added: a null code never makes a pair.
    data = valid_catalog()
    entry(data, "connection-error").update(status=401, code=None)
    data["errors"].append(error("other-401", 401, None, related=[]))
    assert load_errors(write(data_dir, data), docs, LANGUAGES).get("other-401").status == 401


# ---------------------------------------------------------- broken catalogs


@pytest.mark.parametrize(
    ("slug", "changes", "field", "expected"),
    [
        ("rate-limit", {"title": {"en": "Rate limit"}}, "title.es", "is missing"),
        ("rate-limit", {"verdict": "panic"}, "verdict", '"panic"; expected one of retry-later'),
        ("rate-limit", {"status": "429"}, "status", '"429"'),
        ("rate-limit", {"status": 999}, "status", "999"),
        ("rate-limit", {"slug": "Rate_Limit"}, "slug", '"Rate_Limit"'),
        ("rate-limit", {"steps": {"es": [], "en": ["Wait."]}}, "steps.es", "at least 1"),
        ("rate-limit", {"source": "http://example.com"}, "source", "https://"),
        ("insufficient-quota", {"verified": "last week"}, "verified", "YYYY-MM-DD"),
    ],
    ids=[
        "title-without-es",
        "unknown-verdict",
        "status-as-text",
        "status-out-of-range",
        "slug-pattern",
        "no-steps",
        "http-source",
        "verified-words",
    ],
)
def test_schema_problem_names_file_entry_and_field(data_dir, docs, slug, changes, field, expected):
    data = valid_catalog()
    entry(data, slug).update(changes)
    shown_slug = changes.get("slug", slug)

    message = load_error(write(data_dir, data), docs)

    assert message.count("\n") == 0, message
    assert re.match(rf"{SHOWN_AS}:\d+: error '{shown_slug}', field {re.escape(field)} ", message)
    assert expected in message


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"guides": ["../billing"]}, "guides item 1"),
        ({"related": ["Bad_Slug"]}, "related item 1"),
        ({"steps": {"es": ["Espera.", " "], "en": ["Wait.", "Retry."]}}, "steps.es item 2"),
        ({"messages": {"current": "Slow down.", "older": [""]}}, "messages.older item 1"),
    ],
    ids=["guide-pattern", "related-pattern", "blank-step", "blank-older-message"],
)
def test_bad_list_item_names_its_field(data_dir, docs, changes, field):
    data = valid_catalog()
    entry(data, "rate-limit").update(changes)

    message = load_error(write(data_dir, data), docs)

    assert message.count("\n") == 0, message
    assert re.match(rf"{SHOWN_AS}:\d+: error 'rate-limit', field {field} is ", message)


def test_status_as_text_asks_for_a_number(data_dir, docs):
    data = valid_catalog()
    entry(data, "rate-limit")["status"] = "429"
    message = load_error(write(data_dir, data), docs)
    assert "expected a whole number" in message


def test_missing_required_field(data_dir, docs):
    data = valid_catalog()
    del entry(data, "rate-limit")["related"]
    message = load_error(write(data_dir, data), docs)
    lines = (data_dir / "errors.yml").read_text("utf-8").splitlines()
    line = lines.index("- slug: rate-limit") + 1
    assert message == f"{SHOWN_AS}:{line}: error 'rate-limit', field related is missing"


def test_duplicate_slug(data_dir, docs):
    data = valid_catalog()
    entry(data, "connection-error")["slug"] = "rate-limit"

    message = load_error(write(data_dir, data), docs)

    line = line_of(data_dir, "slug: rate-limit", occurrence=2)
    assert f"{SHOWN_AS}:{line}: error 'rate-limit', field slug is used twice" in message


def test_duplicate_status_and_code(data_dir, docs):
    data = valid_catalog()
    entry(data, "insufficient-quota")["code"] = "rate_limit_exceeded"

    message = load_error(write(data_dir, data), docs)

    assert message.count("\n") == 0, message
    line = line_of(data_dir, "code: rate_limit_exceeded", occurrence=2)
    assert message.startswith(
        f"{SHOWN_AS}:{line}: error 'insufficient-quota', field code: status 429 with code"
    )
    assert "'rate_limit_exceeded' is already error 'rate-limit'" in message


@pytest.mark.parametrize("related", ["no-such-error", "rate-limit"], ids=["unknown", "itself"])
def test_related_that_is_not_another_error(data_dir, docs, related):
    data = valid_catalog()
    entry(data, "rate-limit")["related"] = [related]

    message = load_error(write(data_dir, data), docs)

    assert message.count("\n") == 0, message
    line = line_of(data_dir, f"  - {related}")
    assert message.startswith(
        f"{SHOWN_AS}:{line}: error 'rate-limit', field related names '{related}'"
    )


def test_guide_that_does_not_exist(data_dir, docs):
    data = valid_catalog()
    entry(data, "insufficient-quota")["guides"] = ["billing.md", "nowhere.md"]

    message = load_error(write(data_dir, data), docs)

    assert message == (
        f"{SHOWN_AS}:{line_of(data_dir, '- nowhere.md')}: error 'insufficient-quota', field guides: "
        "nowhere.md does not exist in docs/es or docs/en; expected a guide"
    )


def test_guide_missing_in_one_language(data_dir, docs):
    (docs / "en" / "billing.md").unlink()
    (docs / "en" / "pricing.md").write_text("# Pricing\n", encoding="utf-8")
    data = valid_catalog()
    for item in data["errors"]:
        item["steps"] = {"es": ["Espera."], "en": ["Wait."]}

    message = load_error(write(data_dir, data), docs)

    lines = message.splitlines()
    assert len(lines) == 2  # rate-limit and insufficient-quota point to billing.md
    assert all("field guides: billing.md does not exist in docs/en;" in line for line in lines)
    assert "docs/es" not in message


def test_step_link_to_a_page_missing_in_that_language(data_dir, docs):
    data = valid_catalog()
    entry(data, "rate-limit")["steps"]["es"][1] = "Revisa [x](../nowhere.md)."

    message = load_error(write(data_dir, data), docs)

    line = line_of(data_dir, "Revisa [x](../nowhere.md).")
    assert message == (
        f"{SHOWN_AS}:{line}: error 'rate-limit', field steps.es item 2 links ../nowhere.md: "
        "nowhere.md does not exist in docs/es; expected a guide"
    )


def test_step_link_checked_in_its_own_language_only(data_dir, docs):
    (docs / "es" / "solo.md").write_text("# Solo\n", encoding="utf-8")
    data = valid_catalog()
    entry(data, "rate-limit")["steps"]["es"][1] = "Lee [esto](../solo.md)."
    assert load_errors(write(data_dir, data), docs, LANGUAGES).get("rate-limit")

    entry(data, "rate-limit")["steps"]["en"][1] = "Read [this](../solo.md)."
    message = load_error(write(data_dir, data), docs)
    assert "field steps.en item 2 links ../solo.md: solo.md does not exist in docs/en;" in message


def test_steps_differ_in_number(data_dir, docs):
    data = valid_catalog()
    entry(data, "insufficient-quota")["steps"]["en"].append("Try again.")

    message = load_error(write(data_dir, data), docs)

    assert message == (
        f"{SHOWN_AS}:{line_of(data_dir, 'steps:', occurrence=2)}: error 'insufficient-quota', "
        "field steps has 2 in es, 3 in en; "
        "every language needs the same steps"
    )


def test_every_problem_gets_its_own_line(data_dir, docs):
    data = valid_catalog()
    entry(data, "rate-limit")["related"] = ["ghost"]
    entry(data, "insufficient-quota")["guides"] = ["nowhere.md"]
    lines = load_error(write(data_dir, data), docs).splitlines()
    assert len(lines) == 2
    assert any("error 'rate-limit', field related" in line for line in lines)
    assert any("error 'insufficient-quota', field guides" in line for line in lines)


def test_yaml_syntax_error_gives_the_line(data_dir, docs):
    lines = yaml.safe_dump(valid_catalog(), sort_keys=False).splitlines()
    number = next(i for i, line in enumerate(lines, start=1) if "sdk_exception: RateLimit" in line)
    lines[number - 1] += ": oops"

    message = load_error(write(data_dir, text="\n".join(lines) + "\n"), docs)

    assert message.startswith(f"{SHOWN_AS}:{number}:")
    assert "YAML syntax error" in message


def test_empty_file(data_dir, docs):
    assert load_error(write(data_dir, text=""), docs) == f"{SHOWN_AS} is empty"


def test_empty_list(data_dir, docs):
    message = load_error(write(data_dir, {"errors": []}), docs)
    assert message == f"{SHOWN_AS}:1: catalog, field errors is list; expected at least 1 item(s)"


def test_a_step_with_an_absolute_link_is_refused(tmp_path):
    docs_root = tmp_path / "docs"
    for code in ("es", "en"):
        (docs_root / code).mkdir(parents=True)
        (docs_root / code / "billing.md").write_text("# x\n")
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    entry = {
        "slug": "quota",
        "status": 429,
        "type": None,
        "code": "quota",
        "title": {"es": "a", "en": "a"},
        "messages": {"current": "m", "older": []},
        "sdk_exception": "RateLimitError",
        "product_message": {"es": "p", "en": "p"},
        "meaning": {"es": "m", "en": "m"},
        "verdict": "add-credit",
        "steps": {"es": ["Ve a [x](/etc/hostname)."], "en": ["Go to [x](../billing.md)."]},
        "guides": [],
        "related": [],
        "source": "https://platform.openai.com/x",
        "verified": "2026-11-22",
    }
    (data_dir / "errors.yml").write_text(yaml.safe_dump({"errors": [entry]}), "utf-8")

    with pytest.raises(
        ContentError, match=r"field steps\.es item 1 links /etc/hostname: expected a link relative"
    ):
        load_errors(data_dir, docs_root, ["es", "en"])


# ------------------------------------------------------------------ variants


def responses_variant(**changes) -> dict:
    variant = {
        "message": "The requested model 'gpt-4' does not exist.",
        "status": 400,
        "type": "invalid_request_error",
        "code": "model_not_found",
        "param": "model",
    }
    variant.update(changes)
    return variant


def test_a_variant_keeps_its_own_status_code_and_param(data_dir, docs):
    data = valid_catalog()
    entry(data, "insufficient-quota")["messages"]["variants"] = [responses_variant()]

    quota = load_errors(write(data_dir, data), docs, LANGUAGES).get("insufficient-quota")

    (variant,) = quota.variants
    assert (variant.status, variant.type, variant.code, variant.param) == (
        400,
        "invalid_request_error",
        "model_not_found",
        "model",
    )
    assert (quota.status, quota.code) == (429, "insufficient_quota")
    assert quota.messages == (
        "You exceeded your quota.",
        "Old wording.",
        "The requested model 'gpt-4' does not exist.",
    )


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"status": 99}, "status", "99"),
        ({"status": None}, "status", "is null; expected a whole number"),
        ({"message": ""}, "message", 'is ""; expected a non-empty text'),
    ],
    ids=["status-out-of-range", "no-status", "empty-message"],
)
def test_a_broken_variant_names_its_field(data_dir, docs, changes, field, expected):
    data = valid_catalog()
    entry(data, "insufficient-quota")["messages"]["variants"] = [responses_variant(**changes)]

    message = load_error(write(data_dir, data), docs)

    assert "error 'insufficient-quota', field messages.variants item 1." + field in message, message
    assert expected in message, message


def test_one_status_and_code_with_different_params_is_two_errors(data_dir, docs):
    data = valid_catalog()
    entry(data, "rate-limit").update(status=400, code="unsupported_value", param="stream")
    data["errors"].append(
        error("effort", 400, "unsupported_value", param="reasoning_effort", related=[])
    )
    assert load_errors(write(data_dir, data), docs, LANGUAGES).get("effort").param == (
        "reasoning_effort"
    )

    entry(data, "effort")["param"] = "stream"
    message = load_error(write(data_dir, data), docs)

    assert (
        "error 'effort', field code: status 400 with code 'unsupported_value' and param "
        "'stream' is already error 'rate-limit'"
    ) in message, message
