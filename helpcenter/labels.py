"""Words the build itself writes into pages, in every language of the site."""

from __future__ import annotations

from helpcenter.problems import ContentError

LABELS: dict[str, dict[str, str]] = {
    # Default admonition titles (Python-Markdown writes the type in English).
    "admonition.note": {"es": "Nota", "en": "Note"},
    "admonition.abstract": {"es": "Resumen", "en": "Abstract"},
    "admonition.info": {"es": "Información", "en": "Info"},
    "admonition.tip": {"es": "Consejo", "en": "Tip"},
    "admonition.success": {"es": "Listo", "en": "Success"},
    "admonition.question": {"es": "Pregunta", "en": "Question"},
    "admonition.warning": {"es": "Advertencia", "en": "Warning"},
    "admonition.caution": {"es": "Precaución", "en": "Caution"},
    "admonition.failure": {"es": "Error", "en": "Failure"},
    "admonition.danger": {"es": "Peligro", "en": "Danger"},
    "admonition.bug": {"es": "Falla conocida", "en": "Bug"},
    "admonition.example": {"es": "Ejemplo", "en": "Example"},
    "admonition.quote": {"es": "Cita", "en": "Quote"},
    "admonition.important": {"es": "Importante", "en": "Important"},
    # Pricing tables.
    "pricing.model": {"es": "Modelo", "en": "Model"},
    "pricing.input": {"es": "Entrada", "en": "Input"},
    "pricing.cached_input": {"es": "Entrada en caché", "en": "Cached input"},
    "pricing.output": {"es": "Salida", "en": "Output"},
    "pricing.context": {"es": "Contexto (tokens)", "en": "Context (tokens)"},
    "pricing.good_for": {"es": "Ideal para", "en": "Good for"},
    "pricing.status": {"es": "Estado", "en": "Status"},
    "pricing.shutdown": {"es": "Fecha de retiro", "en": "Shutdown date"},
    "pricing.replacement": {"es": "Reemplazo", "en": "Replacement"},
    "pricing.unit": {
        "es": "Precios en dólares estadounidenses (US$) por 1 millón de tokens, nivel estándar.",
        "en": "Prices in US dollars (US$) per 1 million tokens, standard tier.",
    },
    "pricing.verified": {
        "es": "Precios verificados el {date} en {sources}.",
        "en": "Prices verified on {date} at {sources}.",
    },
    "pricing.shuts_down": {"es": "Se retira el {date}", "en": "Shuts down on {date}"},
    "pricing.not_announced": {"es": "Sin anunciar", "en": "Not announced"},
    "pricing.none": {"es": "No aplica", "en": "Not available"},
    "status.current": {"es": "Vigente", "en": "Current"},
    "status.deprecated": {"es": "En desuso", "en": "Deprecated"},
    "status.retired": {"es": "Retirado", "en": "Retired"},
    # The "which model should I choose" tip.
    "recommend.title": {"es": "¿Qué modelo elijo?", "en": "Which model should I choose?"},
    "recommend.intro": {
        "es": "Para conversaciones de atención al cliente te recomendamos:",
        "en": "For customer-service conversations we recommend:",
    },
    "recommend.quality": {"es": "Mejor calidad", "en": "Best quality"},
    "recommend.economy": {"es": "Menor costo", "en": "Lowest cost"},
    "recommend.prices": {
        "es": "{input} por 1 M de tokens de entrada y {output} por 1 M de tokens de salida.",
        "en": "{input} per 1M input tokens and {output} per 1M output tokens.",
    },
    # Notices on pages that name a model that is going away.
    "notice.title": {"es": "Modelo en desuso", "en": "Model going away"},
    "notice.deprecated": {
        "es": "OpenAI retirará {name} el {date}. Cambia a {replacement} antes de esa fecha.",
        "en": "OpenAI will shut down {name} on {date}. Move to {replacement} before then.",
    },
    "notice.deprecated_undated": {
        "es": "OpenAI marcó {name} como en desuso. Cambia a {replacement}.",
        "en": "OpenAI has deprecated {name}. Move to {replacement}.",
    },
    "notice.retired": {
        "es": "OpenAI ya retiró {name}: las solicitudes a ese modelo fallan. Usa {replacement}.",
        "en": "OpenAI has retired {name}: requests to it fail. Use {replacement}.",
    },
    # Error pages and their index.
    "verdict.label": {"es": "Qué hacer", "en": "What to do"},
    "verdict.retry-later": {"es": "Espera y vuelve a intentar", "en": "Wait and try again"},
    "verdict.add-credit": {
        "es": "Agrega crédito o sube un límite",
        "en": "Add credit or raise a limit",
    },
    "verdict.fix-key": {
        "es": "Corrige la clave o los permisos",
        "en": "Fix the key or its permissions",
    },
    "verdict.change-model": {"es": "Cambia de modelo", "en": "Change the model"},
    "verdict.contact-support": {"es": "Contacta a soporte", "en": "Contact support"},
    "verdict.check-network": {"es": "Revisa la conexión", "en": "Check the connection"},
    "errorpage.message": {"es": "El mensaje", "en": "The message"},
    "errorpage.current": {
        "es": "Esto responde hoy la API de OpenAI (en inglés):",
        "en": "This is what OpenAI's API returns today:",
    },
    "errorpage.current_named": {
        "es": "Así nombra OpenAI este error en su guía de errores; el texto exacto de la "
        "respuesta puede variar:",
        "en": "This is the name OpenAI's error guide gives this error; the exact text of the "
        "response may differ:",
    },
    "errorpage.older": {
        "es": "Versiones anteriores del mismo mensaje, que quizá todavía veas:",
        "en": "Earlier wordings of the same message, which you may still see:",
    },
    "errorpage.product": {
        "es": "Así lo muestra {{ product }}:",
        "en": "This is how {{ product }} shows it:",
    },
    "errorpage.meaning": {"es": "Qué significa", "en": "What it means"},
    "errorpage.steps": {"es": "Cómo resolverlo", "en": "How to fix it"},
    "errorpage.details": {"es": "Detalles técnicos", "en": "Technical details"},
    "errorpage.field": {"es": "Dato", "en": "Field"},
    "errorpage.value": {"es": "Valor", "en": "Value"},
    "errorpage.status": {"es": "Estado HTTP", "en": "HTTP status"},
    "errorpage.no_status": {
        "es": "Ninguno: no llegó respuesta",
        "en": "None: no response came back",
    },
    "errorpage.type": {"es": "Tipo (`type`)", "en": "Type (`type`)"},
    "errorpage.code": {"es": "Código (`code`)", "en": "Code (`code`)"},
    "errorpage.none": {"es": "Ninguno", "en": "None"},
    "errorpage.sdk": {"es": "Excepción en el SDK de Python", "en": "Python SDK exception"},
    "errorpage.source": {"es": "Fuente", "en": "Source"},
    "errorpage.verified": {"es": "verificado el {date}", "en": "verified on {date}"},
    "errorpage.see_also": {"es": "Ver también", "en": "See also"},
    "finder.label": {"es": "Error reconocido", "en": "Matching error"},
    "finder.guide_label": {"es": "Página sugerida", "en": "Suggested page"},
    "finder.candidates_label": {
        "es": "No lo reconocimos con seguridad. Quizá sea uno de estos errores:",
        "en": "We couldn't recognize it for sure. It may be one of these errors:",
    },
    "errorindex.status": {"es": "Estado", "en": "Status"},
    "errorindex.error": {"es": "Error", "en": "Error"},
    "errorindex.code": {"es": "Código", "en": "Code"},
    "errorindex.verdict": {"es": "Qué hacer", "en": "What to do"},
    "errorindex.no_status": {"es": "Sin respuesta", "en": "No response"},
    # Page dates.
    "history.updated": {"es": "Actualizado el {date}", "en": "Updated on {date}"},
    # The 404 page.
    "not_found.title": {"es": "No encontramos esta página", "en": "We can't find this page"},
    "not_found.text": {
        "es": "Puede que el enlace esté roto o que la página haya cambiado de lugar. "
        "Usa la búsqueda o vuelve al inicio.",
        "en": "The link may be broken or the page may have moved. "
        "Use the search or go back to the home page.",
    },
    "not_found.home": {"es": "Ir al inicio", "en": "Go to the home page"},
    #
    # Cost estimator.
    # The form on the models page (<!-- md:estimator -->, helpcenter/estimator_form.py) and
    # what its script writes (overrides/assets/javascripts/estimator.js, through the page).
    "estimator.needs_js": {
        "es": "El estimador necesita JavaScript. Actívalo en tu navegador o calcula con los "
        "precios de las tablas de esta página.",
        "en": "The estimator needs JavaScript. Turn it on in your browser, or work it out with "
        "the prices in the tables on this page.",
    },
    "estimator.load_failed": {
        "es": "No pudimos cargar los precios para el estimador. Recarga la página o usa las "
        "tablas de esta página.",
        "en": "We couldn't load the prices for the estimator. Reload the page, or use the "
        "tables on this page.",
    },
    "estimator.legend": {"es": "Tu volumen de conversaciones", "en": "Your conversation volume"},
    "estimator.model": {"es": "Modelo", "en": "Model"},
    "estimator.model_hint": {
        "es": "Primero los recomendados; después, los demás modelos vigentes, del menor al "
        "mayor precio de entrada.",
        "en": "Recommended models first, then the other current models from the lowest to the "
        "highest input price.",
    },
    "estimator.pick.quality": {
        "es": "recomendado: mejor calidad",
        "en": "recommended: best quality",
    },
    "estimator.pick.economy": {"es": "recomendado: menor costo", "en": "recommended: lowest cost"},
    "estimator.conversations": {"es": "Conversaciones al mes", "en": "Conversations per month"},
    "estimator.conversations_hint": {
        "es": "Cuántas conversaciones con clientes responde el modelo en un mes.",
        "en": "How many customer conversations the model answers in a month.",
    },
    "estimator.messages": {"es": "Mensajes por conversación", "en": "Messages per conversation"},
    "estimator.messages_hint": {
        "es": "Cada mensaje del cliente que el modelo responde es una solicitud a la API.",
        "en": "Each customer message the model answers is one request to the API.",
    },
    "estimator.input": {"es": "Tokens de entrada por mensaje", "en": "Input tokens per message"},
    "estimator.input_hint": {
        "es": "Todo lo que se envía en cada solicitud: las instrucciones, el historial de la "
        "conversación y el mensaje nuevo, así que crece a medida que avanza la conversación.",
        "en": "Everything sent with each request: the instructions, the conversation history "
        "and the new message, so it grows as the conversation goes on.",
    },
    "estimator.output": {"es": "Tokens de salida por mensaje", "en": "Output tokens per message"},
    "estimator.output_hint": {
        "es": "La respuesta que escribe el modelo, más sus tokens de razonamiento, que se "
        "cobran como salida.",
        "en": "The reply the model writes, plus its reasoning tokens, which are billed as output.",
    },
    "estimator.cached": {"es": "Entrada en caché (%)", "en": "Cached input (%)"},
    "estimator.cached_hint": {
        "es": "La parte de la entrada que se repite de una solicitud reciente, como las "
        "instrucciones y el historial. Un modelo sin precio de entrada en caché la cobra como "
        "entrada normal.",
        "en": "The share of the input that repeats from a recent request, such as the "
        "instructions and the history. A model without a cached-input price bills it as "
        "regular input.",
    },
    "estimator.invalid": {
        "es": "Escribe un número entero entre {minimum} y {maximum}, solo con cifras.",
        "en": "Enter a whole number from {minimum} to {maximum}, digits only.",
    },
    "estimator.check_fields": {
        "es": "Corrige el campo marcado para ver el cálculo.",
        "en": "Fix the marked field to see the estimate.",
    },
    "estimator.monthly": {"es": "Costo mensual", "en": "Monthly cost"},
    "estimator.per_conversation": {"es": "Costo por conversación", "en": "Cost per conversation"},
    "estimator.top_up": {
        "es": "El crédito mínimo de {amount} alcanza para",
        "en": "The minimum credit of {amount} lasts",
    },
    "estimator.days_one": {"es": "{days} día", "en": "{days} day"},
    "estimator.days_other": {"es": "{days} días", "en": "{days} days"},
    "estimator.days_under": {"es": "Menos de {days} días", "en": "Less than {days} days"},
    "estimator.days_never": {
        "es": "No se agota: el costo es cero",
        "en": "It never runs out: the cost is zero",
    },
    "estimator.assumptions": {
        "es": "Con los precios de lista de las tablas de esta página. Los días suponen un mes "
        "de {days} días con el mismo volumen cada día.",
        "en": "At the list prices in the tables on this page. Days assume a {days}-day month "
        "with the same volume every day.",
    },
    "estimator.comparison": {
        "es": "El mismo volumen en cada modelo vigente, del más barato al más caro",
        "en": "The same volume on every current model, cheapest first",
    },
    "estimator.chosen": {"es": "tu elección", "en": "your choice"},
}


def label(key: str, language: str) -> str:
    try:
        return LABELS[key][language]
    except KeyError:
        raise ContentError(
            f"helpcenter/labels.py: no '{language}' text for label '{key}'"
        ) from None


def labels_for(language: str, prefix: str = "") -> dict[str, str]:
    """Every label under ``prefix`` in one language, keyed without the prefix."""
    return {key[len(prefix) :]: label(key, language) for key in LABELS if key.startswith(prefix)}
