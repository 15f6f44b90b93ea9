"""Everything a customer may paste for each catalog error, generated with the real openai SDK.

Each paste comes with the slug of the error it was generated from: that is the page the
search box must show first. The current SDK (pinned in requirements/dev.txt) produces the
``str(exc)`` and the traceback's last line through ``httpx2.MockTransport``; the 1.x
line's ``str(exc)`` is reproduced from its source (``openai/_base_client.py`` of 1.109.1:
``f"Error code: {response.status_code} - {body}"`` with ``body = json.loads(text)``), and
openai-node's ``err.message`` from its ``APIError.makeMessage`` (``${status} ${message}``). An
error's variants are pasted with their own status, type, code and param.
"""

from __future__ import annotations

import json
import re
import traceback
from collections.abc import Iterator
from dataclasses import dataclass

import httpx2
import openai

from helpcenter.catalog.errors import ApiError, ErrorCatalog, Variant


@dataclass(frozen=True)
class Paste:
    slugs: frozenset[str]
    """The errors whose page may come first: one, unless the catalog lists the same text for several."""
    form: str
    text: str


def _body(error: ApiError | Variant, message: str) -> dict:
    """The response body of ``error`` (an entry, or one of its variants) with ``message``."""
    return {
        "error": {
            "message": message,
            "type": error.type,
            "param": error.param,
            "code": error.code,
        }
    }


def _wordings(error: ApiError) -> Iterator[tuple[str, ApiError | Variant]]:
    """Each message of ``error`` with the response that carries it: the entry's own fields for
    the current and older messages, each variant's for its message."""
    for message in (error.current_message, *error.older_messages):
        yield message, error
    for variant in error.variants:
        yield variant.message, variant


def _raised(handler) -> Exception:
    client = openai.OpenAI(
        api_key="sk-test",
        base_url="http://api.invalid/v1",
        max_retries=0,
        http_client=httpx2.Client(transport=httpx2.MockTransport(handler)),
    )
    try:
        client.chat.completions.create(
            model="gpt-6-luna", messages=[{"role": "user", "content": "hola"}]
        )
    except openai.OpenAIError as exc:
        return exc
    raise AssertionError("the mock transport returned no error")


def _last_line(exc: BaseException) -> str:
    return traceback.format_exception_only(exc)[-1].strip()


def varied(message: str) -> str:
    """The same message with other URLs, ids, model names, keys and numbers."""
    text = re.sub(
        r"https?://\S+?(?=[.,)]?(\s|$))", "https://platform.openai.com/other/page", message
    )
    text = re.sub(r"sk-[\w-]*\*+\w*", "sk-proj-********************WXyz", text)
    text = re.sub(r"\borg-\w+", "org-Ab12Cd34Ef", text)
    text = re.sub(r"\bgpt-[\w.-]*\d[\w.-]*?(?=[.,]?(\s|`|$))", "gpt-9-nova-2027-01-15", text)
    text = re.sub(r"\breq_\w+", "req_9f8e7d6c5b4a39281706f5e4d3c2b1a0", text)
    return re.sub(r"\d+", lambda m: str(int(m.group()) * 7 + 3), text)


LOW_LEVEL = {
    "connection-error": [
        "httpx.ConnectError: [Errno -3] Temporary failure in name resolution",
        "httpx.ConnectError: [Errno 111] Connection refused",
        "[Errno 111] Connection refused",
        "openai.APIConnectionError: Connection error.",
    ],
    "timeout": [
        "openai.APITimeoutError: Request timed out.",
        "httpx.ReadTimeout: The read operation timed out",
        "httpx.ConnectTimeout: timed out",
    ],
}
"""Lines of the 1.x era (httpx rather than httpx2) that readers still paste, verbatim."""


def pastes(catalog: ErrorCatalog, language: str) -> Iterator[Paste]:
    other = "en" if language == "es" else "es"
    owners: dict[str, set[str]] = {}
    forms: dict[str, str] = {}
    for error in catalog.errors:
        for form, text in _forms(error, language, other, catalog):
            owners.setdefault(text, set()).add(error.slug)
            forms.setdefault(text, form)
    for text, slugs in owners.items():
        yield Paste(frozenset(slugs), forms[text], text)


def _fields(error: ApiError) -> tuple:
    return (error.status, error.type, error.code, error.param)


def _forms(
    error: ApiError, language: str, other: str, catalog: ErrorCatalog
) -> Iterator[tuple[str, str]]:
    if error.status is not None and [_fields(e) for e in catalog.errors].count(_fields(error)) == 1:
        # The response's fields alone name this error: they decide, whatever the message says.
        body = _body(error, "Something went wrong.")
        yield "fields only, SDK 1.x str(exc)", f"Error code: {error.status} - {body}"
    yield "product message", error.product_message[language]
    yield "product message of the other language", error.product_message[other]
    for number, (message, response) in enumerate(_wordings(error)):
        if response is not error:
            tag = f" (variant, HTTP {response.status})"
        else:
            tag = "" if number == 0 else f" (older {number})"
        yield "bare message" + tag, message
        yield "quoted message" + tag, f'"{message}"'
        if varied(message) != message:
            yield "other ids and numbers" + tag, varied(message)
        if response.status is None:
            continue
        status = response.status
        body = _body(response, message)
        text = json.dumps(body)
        exc = _raised(lambda request, text=text, status=status: httpx2.Response(status, text=text))
        if response is error:
            assert type(exc).__name__ == error.sdk_exception, (error.slug, type(exc).__name__)
        yield "SDK str(exc)" + tag, str(exc)
        yield "SDK traceback last line" + tag, _last_line(exc)
        yield "SDK 1.x str(exc)" + tag, f"Error code: {status} - {json.loads(text)}"
        yield (
            "SDK 1.x traceback last line" + tag,
            f"openai.{type(exc).__name__}: Error code: {status} - {json.loads(text)}",
        )
        # openai-node's APIError.makeMessage: `${status} ${error.message}`.
        yield "openai-node message" + tag, f"{status} {message}"
        yield "raw JSON body" + tag, json.dumps(body, indent=2)
        yield "raw JSON body, one line" + tag, text
        yield "JSON body with other ids" + tag, json.dumps(_body(response, varied(message)))
    if error.status is None:
        yield from _connection_forms(error)


def _connection_forms(error: ApiError) -> Iterator[tuple[str, str]]:
    if error.sdk_exception == "APITimeoutError":

        def failing(request):
            raise httpx2.ReadTimeout("The read operation timed out", request=request)
    else:

        def failing(request):
            raise httpx2.ConnectError("[Errno -3] Temporary failure in name resolution")

    exc = _raised(failing)
    assert type(exc).__name__ == error.sdk_exception, (error.slug, type(exc).__name__)
    yield "SDK str(exc)", str(exc)
    yield "SDK traceback last line", _last_line(exc)
    yield "httpx2 cause, last line", _last_line(exc.__cause__)
    for number, line in enumerate(LOW_LEVEL.get(error.slug, ())):
        yield f"1.x era line {number + 1}", line


QUESTIONS = {
    "es": {
        "timeout": "timeout",
        "se acabó el crédito": "credit-balance-exhausted",
        "se acabo el credito": "credit-balance-exhausted",
        "mi clave no funciona": "incorrect-api-key",
        "límite de tokens": "rate-limit-reached",
        "tiempo de espera agotado": "timeout",
        "no conecta con OpenAI": "connection-error",
        "superé mi cuota": "insufficient-quota",
        "el modelo no existe": "model-not-found",
        "modelo saturado": "model-overloaded",
        "mi IP no está autorizada": "ip-not-authorized",
        "OpenAI no funciona en mi país": "unsupported-country",
        "límite de gasto del proyecto": "project-spend-limit",
        "la facturación no está activa": "billing-not-active",
        "nivel de servicio no permitido": "invalid-service-tier",
        "el ID de organización no coincide": "organization-mismatch",
        "cómo agrego un método de pago": "../billing/#agrega-un-metodo-de-pago",
        "se filtró mi clave": "../rotate-key/#si-tu-clave-se-filtro",
    },
    "en": {
        "timeout": "timeout",
        "out of credits": "credit-balance-exhausted",
        "token limit": "rate-limit-reached",
        "my key doesn't work": "incorrect-api-key",
        "my key doesnt work": "incorrect-api-key",
        "timed out": "timeout",
        "can't connect to OpenAI": "connection-error",
        "exceeded my quota": "insufficient-quota",
        "the model doesn't exist": "model-not-found",
        "model overloaded": "model-overloaded",
        "my IP isn't allowed": "ip-not-authorized",
        "country not supported": "unsupported-country",
        "project spend limit": "project-spend-limit",
        "billing isn't active": "billing-not-active",
        "invalid service tier": "invalid-service-tier",
        "wrong organization ID": "organization-mismatch",
        "how do I add a payment method": "../billing/#add-a-payment-method",
        "my key leaked": "../rotate-key/#if-your-key-leaked",
    },
    "pt": {
        "timeout": "timeout",
        "acabou o crédito": "credit-balance-exhausted",
        "acabou o credito": "credit-balance-exhausted",
        "minha chave não funciona": "incorrect-api-key",
        "limite de tokens": "rate-limit-reached",
        "tempo esgotado": "timeout",
        "não conecta com a OpenAI": "connection-error",
        "excedi minha cota": "insufficient-quota",
        "o modelo não existe": "model-not-found",
        "modelo sobrecarregado": "model-overloaded",
        "meu IP não está autorizado": "ip-not-authorized",
        "OpenAI não funciona no meu país": "unsupported-country",
        "limite de gastos do projeto": "project-spend-limit",
        "o faturamento não está ativo": "billing-not-active",
        "nível de serviço não permitido": "invalid-service-tier",
        "o ID da organização não confere": "organization-mismatch",
        "como adiciono uma forma de pagamento": "../billing/#adicione-uma-forma-de-pagamento",
        "minha chave vazou": "../rotate-key/#se-a-sua-chave-vazou",
    },
}
"""A reader's question and the page it must put first (an error's slug or a guide's URL)."""

TEAPOT = (
    "Error code: 418 - {'error': {'message': 'I am a teapot and cannot brew', "
    "'type': 'teapot_error', 'param': None, 'code': 'teapot_refused'}}"
)
