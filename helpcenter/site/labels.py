"""Words the build itself writes into pages, in every language of the site."""

from __future__ import annotations

from helpcenter.problems import ContentError

LABELS: dict[str, dict[str, str]] = {
    # Default admonition titles (Python-Markdown writes the type in English).
    "admonition.note": {
        "es": "Nota",
        "en": "Note",
        "pt": "Nota",
    },
    "admonition.abstract": {
        "es": "Resumen",
        "en": "Abstract",
        "pt": "Resumo",
    },
    "admonition.info": {
        "es": "Información",
        "en": "Info",
        "pt": "Informação",
    },
    "admonition.tip": {
        "es": "Consejo",
        "en": "Tip",
        "pt": "Dica",
    },
    "admonition.success": {
        "es": "Listo",
        "en": "Success",
        "pt": "Sucesso",
    },
    "admonition.question": {
        "es": "Pregunta",
        "en": "Question",
        "pt": "Pergunta",
    },
    "admonition.warning": {
        "es": "Advertencia",
        "en": "Warning",
        "pt": "Aviso",
    },
    "admonition.caution": {
        "es": "Precaución",
        "en": "Caution",
        "pt": "Cuidado",
    },
    "admonition.failure": {
        "es": "Error",
        "en": "Failure",
        "pt": "Falha",
    },
    "admonition.danger": {
        "es": "Peligro",
        "en": "Danger",
        "pt": "Perigo",
    },
    "admonition.bug": {
        "es": "Falla conocida",
        "en": "Bug",
        "pt": "Erro conhecido",
    },
    "admonition.example": {
        "es": "Ejemplo",
        "en": "Example",
        "pt": "Exemplo",
    },
    "admonition.quote": {
        "es": "Cita",
        "en": "Quote",
        "pt": "Citação",
    },
    "admonition.important": {
        "es": "Importante",
        "en": "Important",
        "pt": "Importante",
    },
    # Pricing tables.
    "pricing.model": {
        "es": "Modelo",
        "en": "Model",
        "pt": "Modelo",
    },
    "pricing.input": {
        "es": "Entrada",
        "en": "Input",
        "pt": "Entrada",
    },
    "pricing.cached_input": {
        "es": "Entrada en caché",
        "en": "Cached input",
        "pt": "Entrada em cache",
    },
    "pricing.output": {
        "es": "Salida",
        "en": "Output",
        "pt": "Saída",
    },
    "pricing.cache_write": {
        "es": "Escritura en caché",
        "en": "Cache write",
        "pt": "Gravação em cache",
    },
    "pricing.cache_write_as_input": {
        "es": "Como entrada",
        "en": "As input",
        "pt": "Como entrada",
    },
    "pricing.context": {
        "es": "Contexto (tokens)",
        "en": "Context (tokens)",
        "pt": "Contexto (tokens)",
    },
    "pricing.good_for": {
        "es": "Ideal para",
        "en": "Good for",
        "pt": "Indicado para",
    },
    "pricing.status": {
        "es": "Estado",
        "en": "Status",
        "pt": "Status",
    },
    "pricing.shutdown": {
        "es": "Fecha de retiro",
        "en": "Shutdown date",
        "pt": "Data de desativação",
    },
    "pricing.replacement": {
        "es": "Reemplazo",
        "en": "Replacement",
        "pt": "Substituto",
    },
    "pricing.unit": {
        "es": "Precios en dólares estadounidenses (US$) por 1 millón de tokens, nivel estándar.",
        "en": "Prices in US dollars (US$) per 1 million tokens, standard tier.",
        "pt": "Preços em dólares americanos (US$) por 1 milhão de tokens, nível padrão.",
    },
    "pricing.verified": {
        "es": "Precios verificados el {date} en {sources}.",
        "en": "Prices verified on {date} at {sources}.",
        "pt": "Preços verificados em {date} em {sources}.",
    },
    "pricing.shuts_down": {
        "es": "Se retira el {date}",
        "en": "Shuts down on {date}",
        "pt": "Será desativado em {date}",
    },
    "pricing.shut_down": {
        "es": "Se retiró el {date}",
        "en": "Shut down on {date}",
        "pt": "Desativado em {date}",
    },
    "pricing.as_of": {
        "es": "Estado de los modelos al {date}, día en que se generó esta página.",
        "en": "Model status as of {date}, the day this page was built.",
        "pt": "Status dos modelos em {date}, dia em que esta página foi gerada.",
    },
    "pricing.empty": {
        "es": "Hoy no hay modelos vigentes de este tipo. Los que quedan están en la tabla de "
        "modelos en desuso y retirados.",
        "en": "There are no current models of this kind today. The remaining ones are in the "
        "table of deprecated and retired models.",
        "pt": "Hoje não há modelos atuais deste tipo. Os que restam estão na tabela de modelos "
        "descontinuados e desativados.",
    },
    "pricing.empty_legacy": {
        "es": "Hoy no hay modelos en desuso ni retirados.",
        "en": "There are no deprecated or retired models today.",
        "pt": "Hoje não há modelos descontinuados nem desativados.",
    },
    "pricing.not_announced": {
        "es": "Sin anunciar",
        "en": "Not announced",
        "pt": "Não anunciada",
    },
    "pricing.none": {
        "es": "No aplica",
        "en": "Not available",
        "pt": "Não se aplica",
    },
    "pricing.tier": {
        "es": "Nivel de servicio",
        "en": "Service tier",
        "pt": "Nível de serviço",
    },
    "pricing.multiplier": {
        "es": "Precio",
        "en": "Price",
        "pt": "Preço",
    },
    "pricing.tier_models": {
        "es": "Modelos vigentes con ese precio",
        "en": "Current models at that price",
        "pt": "Modelos atuais com esse preço",
    },
    "pricing.tier_note": {
        "es": "Qué saber",
        "en": "What to know",
        "pt": "O que saber",
    },
    "pricing.times": {
        "es": "{times} × el precio estándar",
        "en": "{times} × the standard price",
        "pt": "{times} × o preço padrão",
    },
    "pricing.until": {
        "es": "hasta el {date}",
        "en": "until {date}",
        "pt": "até {date}",
    },
    "pricing.from": {
        "es": "desde el {date}",
        "en": "from {date}",
        "pt": "a partir de {date}",
    },
    "pricing.formerly": {
        "es": "antes {name}",
        "en": "formerly {name}",
        "pt": "antes {name}",
    },
    "pricing.own_rates": {
        "es": "Tarifas propias (no se muestran aquí)",
        "en": "Its own rates (not shown here)",
        "pt": "Tarifas próprias (não mostradas aqui)",
    },
    "pricing.tiers_empty": {
        "es": "No hay niveles de servicio registrados.",
        "en": "No service tiers are recorded.",
        "pt": "Não há níveis de serviço registrados.",
    },
    "pricing.tiers_verified": {
        "es": "Multiplicadores verificados el {date} en {sources}. Multiplica por ellos los "
        "precios de las tablas de arriba.",
        "en": "Multipliers verified on {date} at {sources}. Multiply the prices of the tables "
        "above by them.",
        "pt": "Multiplicadores verificados em {date} em {sources}. Multiplique por eles os preços "
        "das tabelas acima.",
    },
    "pricing.disagreement": {
        "es": "Las fuentes difieren sobre {field} de {name}: seguimos {followed}; {source} indica "
        "{other}. {reason}",
        "en": "Sources disagree on {field} of {name}: we follow {followed}; {source} gives "
        "{other}. {reason}",
        "pt": "As fontes divergem sobre {field} do {name}: seguimos {followed}; {source} informa "
        "{other}. {reason}",
    },
    "disagreement.released": {
        "es": "la fecha de lanzamiento",
        "en": "the release date",
        "pt": "a data de lançamento",
    },
    "disagreement.announced": {
        "es": "la fecha del aviso de retiro",
        "en": "the date of the deprecation notice",
        "pt": "a data do aviso de descontinuação",
    },
    "disagreement.shutdown": {
        "es": "la fecha de retiro",
        "en": "the shutdown date",
        "pt": "a data de desativação",
    },
    "disagreement.none": {
        "es": "que no tiene fecha",
        "en": "no date",
        "pt": "que não tem data",
    },
    "status.current": {
        "es": "Vigente",
        "en": "Current",
        "pt": "Atual",
    },
    "status.deprecated": {
        "es": "En desuso",
        "en": "Deprecated",
        "pt": "Descontinuado",
    },
    "status.retired": {
        "es": "Retirado",
        "en": "Retired",
        "pt": "Desativado",
    },
    # The "which model should I choose" tip.
    "recommend.title": {
        "es": "¿Qué modelo elijo?",
        "en": "Which model should I choose?",
        "pt": "Qual modelo escolher?",
    },
    "recommend.intro": {
        "es": "Para conversaciones de atención al cliente te recomendamos:",
        "en": "For customer-service conversations we recommend:",
        "pt": "Para conversas de atendimento ao cliente, recomendamos:",
    },
    # No superlatives: the tables list more capable and cheaper models than the picks.
    "recommend.quality": {
        "es": "Si priorizas la calidad",
        "en": "If quality comes first",
        "pt": "Se a qualidade vem primeiro",
    },
    "recommend.economy": {
        "es": "Si priorizas el costo",
        "en": "If cost comes first",
        "pt": "Se o custo vem primeiro",
    },
    "recommend.prices": {
        "es": "{input} por 1 M de tokens de entrada y {output} por 1 M de tokens de salida.",
        "en": "{input} per 1M input tokens and {output} per 1M output tokens.",
        "pt": "{input} por 1 milhão de tokens de entrada e {output} por 1 milhão de tokens de "
        "saída.",
    },
    # Notices on pages that name a model that is going away.
    "notice.title": {
        "es": "Modelo en desuso",
        "en": "Model going away",
        "pt": "Modelo descontinuado",
    },
    "notice.title_retired": {
        "es": "Modelo retirado",
        "en": "Retired model",
        "pt": "Modelo desativado",
    },
    "notice.deprecated": {
        "es": "OpenAI retirará {name} el {date}. Cambia a {replacement} antes de esa fecha.",
        "en": "OpenAI will shut down {name} on {date}. Move to {replacement} before then.",
        "pt": "A OpenAI vai desativar o {name} em {date}. Mude para o {replacement} antes "
        "dessa data.",
    },
    "notice.deprecated_undated": {
        "es": "OpenAI marcó {name} como en desuso. Cambia a {replacement}.",
        "en": "OpenAI has deprecated {name}. Move to {replacement}.",
        "pt": "A OpenAI marcou o {name} como descontinuado. Mude para o {replacement}.",
    },
    "notice.retired": {
        "es": "OpenAI retiró {name} el {date}: las solicitudes a ese modelo fallan. "
        "Usa {replacement}.",
        "en": "OpenAI shut down {name} on {date}: requests to it fail. Use {replacement}.",
        "pt": "A OpenAI desativou o {name} em {date}: as solicitações a esse modelo falham. "
        "Use o {replacement}.",
    },
    # The "What changed" page and its Atom feed (helpcenter/changes.py).
    "changes.kind.released": {
        "es": "Modelo nuevo",
        "en": "New model",
        "pt": "Modelo novo",
    },
    "changes.kind.announced": {
        "es": "Retiro anunciado",
        "en": "Shutdown announced",
        "pt": "Desativação anunciada",
    },
    "changes.kind.shutdown": {
        "es": "Modelo retirado",
        "en": "Model shut down",
        "pt": "Modelo desativado",
    },
    "changes.kind.price": {
        "es": "Cambio de precio",
        "en": "Price change",
        "pt": "Mudança de preço",
    },
    "changes.released": {
        "es": "OpenAI lanzó {name}.",
        "en": "OpenAI released {name}.",
        "pt": "A OpenAI lançou o {name}.",
    },
    "changes.announced": {
        "es": "OpenAI anunció el retiro de {name} para el {date}.",
        "en": "OpenAI announced the shutdown of {name} for {date}.",
        "pt": "A OpenAI anunciou a desativação do {name} para {date}.",
    },
    "changes.announced_undated": {
        "es": "OpenAI anunció el retiro de {name}, sin fecha de cierre.",
        "en": "OpenAI announced the deprecation of {name}, with no shutdown date.",
        "pt": "A OpenAI anunciou que o {name} foi descontinuado, sem data de desativação.",
    },
    "changes.shutdown": {
        "es": "OpenAI retiró {name}: las solicitudes a ese modelo fallan.",
        "en": "OpenAI shut down {name}: requests to it fail.",
        "pt": "A OpenAI desativou o {name}: as solicitações a esse modelo falham.",
    },
    "changes.named_same": {
        "es": "Reemplazo que indicó OpenAI: {replacement}.",
        "en": "Replacement OpenAI named: {replacement}.",
        "pt": "Substituto indicado pela OpenAI: {replacement}.",
    },
    "changes.named_then_now": {
        "es": "OpenAI indicó entonces {named} como reemplazo; hoy recomendamos {replacement}.",
        "en": "OpenAI named {named} as the replacement at the time; today we recommend "
        "{replacement}.",
        "pt": "Na época, a OpenAI indicou {named} como substituto; hoje recomendamos o "
        "{replacement}.",
    },
    "changes.recommended_only": {
        "es": "Hoy recomendamos {replacement}.",
        "en": "Today we recommend {replacement}.",
        "pt": "Hoje recomendamos o {replacement}.",
    },
    "changes.price": {
        "es": "Nuevo precio de {name} por 1 M de tokens: {prices}.",
        "en": "New price of {name} per 1M tokens: {prices}.",
        "pt": "Novo preço do {name} por 1 milhão de tokens: {prices}.",
    },
    "changes.price_part": {
        "es": "{what}, de {old} a {new}",
        "en": "{what}, from {old} to {new}",
        "pt": "{what}, de {old} para {new}",
    },
    "changes.date": {
        "es": "Fecha",
        "en": "Date",
        "pt": "Data",
    },
    "changes.model": {
        "es": "Modelo",
        "en": "Model",
        "pt": "Modelo",
    },
    "changes.what": {
        "es": "Qué cambió",
        "en": "What changed",
        "pt": "O que mudou",
    },
    "changes.source": {
        "es": "Fuente",
        "en": "Source",
        "pt": "Fonte",
    },
    "changes.source_is": {
        "es": "Fuente: {source}",
        "en": "Source: {source}",
        "pt": "Fonte: {source}",
    },
    "changes.empty": {
        "es": "Todavía no hay cambios registrados.",
        "en": "No changes have been recorded yet.",
        "pt": "Ainda não há mudanças registradas.",
    },
    "changes.subscribe": {
        "es": "Para enterarte de cada cambio sin volver a esta página, suscríbete al "
        "[feed Atom]({feed}) con tu lector de feeds.",
        "en": "To hear of each change without coming back to this page, subscribe to the "
        "[Atom feed]({feed}) in your feed reader.",
        "pt": "Para saber de cada mudança sem voltar a esta página, assine o [feed "
        "Atom]({feed}) no seu leitor de feeds.",
    },
    "changes.feed_title": {
        "es": "{product}: cambios en modelos y precios de OpenAI",
        "en": "{product}: OpenAI model and price changes",
        "pt": "{product}: mudanças nos modelos e preços da OpenAI",
    },
    "changes.feed_subtitle": {
        "es": "Modelos nuevos, cambios de precio, retiros anunciados y retiros, del más reciente "
        "al más antiguo.",
        "en": "New models, price changes, announced shutdowns and shutdowns, newest first.",
        "pt": "Modelos novos, mudanças de preço, desativações anunciadas e desativações, do "
        "mais recente ao mais antigo.",
    },
    # Error pages and their index.
    "verdict.label": {
        "es": "Qué hacer",
        "en": "What to do",
        "pt": "O que fazer",
    },
    "verdict.retry-later": {
        "es": "Espera y vuelve a intentar",
        "en": "Wait and try again",
        "pt": "Espere e tente de novo",
    },
    "verdict.add-credit": {
        "es": "Agrega crédito o sube un límite",
        "en": "Add credit or raise a limit",
        "pt": "Adicione crédito ou aumente um limite",
    },
    "verdict.fix-key": {
        "es": "Corrige la clave o los permisos",
        "en": "Fix the key or its permissions",
        "pt": "Corrija a chave ou as permissões",
    },
    "verdict.change-model": {
        "es": "Cambia de modelo",
        "en": "Change the model",
        "pt": "Troque de modelo",
    },
    "verdict.contact-support": {
        "es": "Contacta a soporte",
        "en": "Contact support",
        "pt": "Fale com o suporte",
    },
    "verdict.ask-openai": {
        "es": "Pídelo a OpenAI o al propietario de tu organización",
        "en": "Ask OpenAI or your organization's owner",
        "pt": "Peça à OpenAI ou ao proprietário da sua organização",
    },
    "verdict.check-network": {
        "es": "Revisa la conexión",
        "en": "Check the connection",
        "pt": "Verifique a conexão",
    },
    # What each of them means, in the legend of the errors index (helpcenter.errorpages).
    "legend.retry-later": {
        "es": "El problema es temporal y está del lado de OpenAI o de tu ritmo de uso. Espera "
        "un momento y vuelve a intentarlo.",
        "en": "The problem is temporary, on OpenAI's side or in your pace of use. Wait a moment "
        "and try again.",
        "pt": "O problema é temporário e está do lado da OpenAI ou no seu ritmo de uso. Espere "
        "um momento e tente de novo.",
    },
    "legend.add-credit": {
        "es": "Tu saldo prepago se acabó o llegaste a un límite de gasto. Esperar no lo "
        "resuelve: agrega crédito o sube el límite.",
        "en": "Your prepaid balance ran out or you reached a spend limit. Waiting won't fix it: "
        "add credit or raise the limit.",
        "pt": "Seu saldo pré-pago acabou ou você atingiu um limite de gastos. Esperar não "
        "resolve: adicione crédito ou aumente o limite.",
    },
    "legend.fix-key": {
        "es": "La clave está mal copiada, fue revocada, es de otra organización o no tiene los "
        "permisos necesarios.",
        "en": "The key was copied wrong, was revoked, belongs to another organization or lacks "
        "the permissions it needs.",
        "pt": "A chave foi copiada errado, foi revogada, é de outra organização ou não tem as "
        "permissões necessárias.",
    },
    "legend.change-model": {
        "es": "El modelo elegido no existe, fue retirado o tu organización todavía no tiene "
        "acceso a él.",
        "en": "The selected model doesn't exist, was retired, or your organization doesn't "
        "have access to it yet.",
        "pt": "O modelo escolhido não existe, foi desativado ou sua organização ainda não tem "
        "acesso a ele.",
    },
    "legend.contact-support": {
        "es": "El problema está en cómo {{ product }} se conecta con OpenAI, y nuestro equipo "
        "puede revisarlo.",
        "en": "The problem is in how {{ product }} connects to OpenAI, and our team can check it.",
        "pt": "O problema está na forma como o {{ product }} se conecta à OpenAI, e nossa "
        "equipe pode verificar isso.",
    },
    "legend.ask-openai": {
        "es": "Solo OpenAI o el propietario (**Owner**) de tu organización de OpenAI pueden "
        "resolverlo. Nuestro soporte no puede ver ni cambiar tu cuenta de OpenAI.",
        "en": "Only OpenAI or the owner (**Owner**) of your OpenAI organization can fix it. Our "
        "support can't see or change your OpenAI account.",
        "pt": "Só a OpenAI ou o proprietário (**Owner**) da sua organização na OpenAI podem "
        "resolver. Nosso suporte não pode ver nem alterar sua conta da OpenAI.",
    },
    "legend.check-network": {
        "es": "La solicitud no llegó a OpenAI o llegó desde una dirección que tu organización "
        "no permite.",
        "en": "The request didn't reach OpenAI, or it came from an address your organization "
        "doesn't allow.",
        "pt": "A solicitação não chegou à OpenAI ou veio de um endereço que sua organização "
        "não permite.",
    },
    "legend.see": {
        "es": "Consulta {links}.",
        "en": "See {links}.",
        "pt": "Consulte {links}.",
    },
    "legend.and": {
        "es": "y",
        "en": "and",
        "pt": "e",
    },
    "errorpage.message": {
        "es": "El mensaje",
        "en": "The message",
        "pt": "A mensagem",
    },
    "errorpage.current": {
        "es": "Esto responde hoy la API de OpenAI (en inglés):",
        "en": "This is what OpenAI's API returns today:",
        "pt": "É isto que a API da OpenAI responde hoje (em inglês):",
    },
    "errorpage.current_named": {
        "es": "Así nombra OpenAI este error en su guía de errores; el texto exacto de la "
        "respuesta puede variar:",
        "en": "This is the name OpenAI's error guide gives this error; the exact text of the "
        "response may differ:",
        "pt": "É assim que o guia de erros da OpenAI chama este erro; o texto exato da "
        "resposta pode variar:",
    },
    "errorpage.legacy": {
        "es": "Esto respondía antes la API de OpenAI (en inglés). Hoy responde con códigos "
        "más específicos, pero algunas cuentas, SDK y proxies todavía muestran este mensaje:",
        "en": "This is what OpenAI's API used to return. It now answers with more specific "
        "codes, but some accounts, SDKs and proxies still show this message:",
        "pt": "É isto que a API da OpenAI respondia antes (em inglês). Hoje ela responde com "
        "códigos mais específicos, mas algumas contas, SDKs e proxies ainda mostram esta "
        "mensagem:",
    },
    "errorpage.variant": {
        "es": "Otra parte de la API de OpenAI devuelve el mismo error con este mensaje (estado "
        "HTTP {status}, en inglés):",
        "en": "Another part of OpenAI's API returns the same error with this message (HTTP "
        "status {status}):",
        "pt": "Outra parte da API da OpenAI retorna o mesmo erro com esta mensagem (status "
        "HTTP {status}, em inglês):",
    },
    "errorpage.older": {
        "es": "Versiones anteriores del mismo mensaje, que quizá todavía veas:",
        "en": "Earlier wordings of the same message, which you may still see:",
        "pt": "Versões anteriores da mesma mensagem, que talvez você ainda veja:",
    },
    "errorpage.product": {
        "es": "Así lo muestra {{ product }}:",
        "en": "This is how {{ product }} shows it:",
        "pt": "É assim que o {{ product }} mostra o erro:",
    },
    "errorpage.meaning": {
        "es": "Qué significa",
        "en": "What it means",
        "pt": "O que significa",
    },
    "errorpage.steps": {
        "es": "Cómo resolverlo",
        "en": "How to fix it",
        "pt": "Como resolver",
    },
    "errorpage.details": {
        "es": "Detalles técnicos",
        "en": "Technical details",
        "pt": "Detalhes técnicos",
    },
    "errorpage.field": {
        "es": "Dato",
        "en": "Field",
        "pt": "Dado",
    },
    "errorpage.value": {
        "es": "Valor",
        "en": "Value",
        "pt": "Valor",
    },
    "errorpage.status": {
        "es": "Estado HTTP",
        "en": "HTTP status",
        "pt": "Status HTTP",
    },
    "errorpage.no_status": {
        "es": "Ninguno: no llegó respuesta",
        "en": "None: no response came back",
        "pt": "Nenhum: não chegou resposta",
    },
    "errorpage.type": {
        "es": "Tipo (`type`)",
        "en": "Type (`type`)",
        "pt": "Tipo (`type`)",
    },
    "errorpage.code": {
        "es": "Código (`code`)",
        "en": "Code (`code`)",
        "pt": "Código (`code`)",
    },
    "errorpage.param": {
        "es": "Parámetro (`param`)",
        "en": "Parameter (`param`)",
        "pt": "Parâmetro (`param`)",
    },
    "errorpage.none": {
        "es": "Ninguno",
        "en": "None",
        "pt": "Nenhum",
    },
    "errorpage.sdk": {
        "es": "Excepción en el SDK de Python",
        "en": "Python SDK exception",
        "pt": "Exceção no SDK para Python",
    },
    "errorpage.source": {
        "es": "Fuente",
        "en": "Source",
        "pt": "Fonte",
    },
    "errorpage.verified": {
        "es": "verificado el {date}",
        "en": "verified on {date}",
        "pt": "verificado em {date}",
    },
    "errorpage.see_also": {
        "es": "Ver también",
        "en": "See also",
        "pt": "Veja também",
    },
    "finder.label": {
        "es": "Error reconocido",
        "en": "Matching error",
        "pt": "Erro reconhecido",
    },
    "finder.guide_label": {
        "es": "Página sugerida",
        "en": "Suggested page",
        "pt": "Página sugerida",
    },
    "finder.candidates_label": {
        "es": "No lo reconocimos con seguridad. Quizá sea uno de estos errores:",
        "en": "We couldn't recognize it for sure. It may be one of these errors:",
        "pt": "Não conseguimos reconhecer o erro com certeza. Talvez seja um destes:",
    },
    "errorindex.status": {
        "es": "Estado",
        "en": "Status",
        "pt": "Status",
    },
    "errorindex.error": {
        "es": "Error",
        "en": "Error",
        "pt": "Erro",
    },
    "errorindex.code": {
        "es": "Código",
        "en": "Code",
        "pt": "Código",
    },
    "errorindex.verdict": {
        "es": "Qué hacer",
        "en": "What to do",
        "pt": "O que fazer",
    },
    "errorindex.no_status": {
        "es": "Sin respuesta",
        "en": "No response",
        "pt": "Sem resposta",
    },
    # Diagrams (helpcenter.diagrams). "\n" splits a line; {product} and {menu_…} are the
    # product's values.
    "diagram.setup-path.title": {
        "es": "De la cuenta de OpenAI a la clave funcionando en {product}",
        "en": "From an OpenAI account to a working key in {product}",
        "pt": "Da conta da OpenAI à chave funcionando no {product}",
    },
    "diagram.setup-path.desc": {
        "es": "Cuatro pasos, en este orden. 1: crea tu cuenta de OpenAI. 2: crea la clave de "
        "API y guárdala. 3: agrega un método de pago y compra crédito prepago, que es "
        "obligatorio. 4: pega la clave en {product} y prueba la conexión.",
        "en": "Four steps, in this order. 1: create your OpenAI account. 2: create the API key "
        "and save it. 3: add a payment method and buy prepaid credit, which is required. "
        "4: paste the key in {product} and test the connection.",
        "pt": "Quatro passos, nesta ordem. 1: crie sua conta da OpenAI. 2: crie a chave de API "
        "e guarde-a. 3: adicione um método de pagamento e compre crédito pré-pago, que é "
        "obrigatório. 4: cole a chave no {product} e teste a conexão.",
    },
    "diagram.setup-path.step1": {
        "es": "Cuenta de OpenAI",
        "en": "OpenAI account",
        "pt": "Conta da OpenAI",
    },
    "diagram.setup-path.step1.detail": {
        "es": "Regístrate en platform.openai.com\ny verifica tu correo.",
        "en": "Sign up at platform.openai.com\nand verify your e-mail.",
        "pt": "Cadastre-se em platform.openai.com\ne confirme seu e-mail.",
    },
    "diagram.setup-path.step3": {
        "es": "Pago y crédito prepago",
        "en": "Payment and prepaid credit",
        "pt": "Pagamento e crédito pré-pago",
    },
    "diagram.setup-path.step3.detail": {
        "es": "Agrega una tarjeta y compra crédito:\nsin crédito, la clave no funciona.",
        "en": "Add a card and buy credit:\nwithout credit, the key doesn't work.",
        "pt": "Adicione um cartão e compre crédito:\nsem crédito, a chave não funciona.",
    },
    "diagram.setup-path.step2": {
        "es": "Clave de API",
        "en": "API key",
        "pt": "Chave de API",
    },
    "diagram.setup-path.step2.detail": {
        "es": "Créala y guárdala de inmediato:\nOpenAI la muestra una sola vez.",
        "en": "Create it and save it right away:\nOpenAI shows it only once.",
        "pt": "Crie e guarde a chave na hora:\na OpenAI a mostra uma única vez.",
    },
    "diagram.setup-path.step4": {
        "es": "{product}",
        "en": "{product}",
        "pt": "{product}",
    },
    "diagram.setup-path.step4.detail": {
        "es": "Pega la clave en la integración\ncon OpenAI y prueba la conexión.",
        "en": "Paste the key in the OpenAI\nintegration and test the connection.",
        "pt": "Cole a chave na integração\ncom a OpenAI e teste a conexão.",
    },
    "diagram.paste-where.title": {
        "es": "Dónde pegas cada dato en {product}",
        "en": "Where each value goes in {product}",
        "pt": "Onde colar cada dado no {product}",
    },
    "diagram.paste-where.desc": {
        "es": "La pantalla {menu_settings} › {menu_integrations} › {menu_openai} de {product}. "
        "1: el campo {menu_api_key}, donde pegas la clave. 2: el campo {menu_organization_id}, "
        "opcional, donde va el ID que empieza con org-. 3: la lista {menu_model}. 4: el botón "
        "{menu_save}. 5: el botón {menu_test}. 6: el estado, que debe decir {menu_connected}.",
        "en": "The {menu_settings} › {menu_integrations} › {menu_openai} screen of {product}. "
        "1: the {menu_api_key} field, where you paste the key. 2: the {menu_organization_id} "
        "field, optional, for the ID that starts with org-. 3: the {menu_model} list. 4: the "
        "{menu_save} button. 5: the {menu_test} button. 6: the status, which should say "
        "{menu_connected}.",
        "pt": "A tela {menu_settings} › {menu_integrations} › {menu_openai} do {product}. 1: o "
        "campo {menu_api_key}, onde você cola a chave. 2: o campo "
        "{menu_organization_id}, opcional, para o ID que começa com org-. 3: a lista "
        "{menu_model}. 4: o botão {menu_save}. 5: o botão {menu_test}. 6: o status, que "
        "deve dizer {menu_connected}.",
    },
    "diagram.paste-where.key": {
        "es": "Pega aquí tu clave de API",
        "en": "Paste your API key here",
        "pt": "Cole aqui sua chave de API",
    },
    "diagram.paste-where.organization": {
        "es": "Opcional: tu ID, empieza con org-",
        "en": "Optional: your ID, starts with org-",
        "pt": "Opcional: seu ID, começa com org-",
    },
    "diagram.paste-where.model": {
        "es": "Elige un modelo de la lista",
        "en": "Pick a model",
        "pt": "Escolha um modelo da lista",
    },
    "diagram.paste-where.status": {
        "es": "Después de probar, el estado dice:",
        "en": "After the test, the status says:",
        "pt": "Depois do teste, o status diz:",
    },
    # Page dates.
    "history.updated": {
        "es": "Actualizado el {date}",
        "en": "Updated on {date}",
        "pt": "Atualizado em {date}",
    },
    # The 404 page.
    "not_found.title": {
        "es": "No encontramos esta página",
        "en": "We can't find this page",
        "pt": "Não encontramos esta página",
    },
    "not_found.text": {
        "es": "Puede que el enlace esté roto o que la página haya cambiado de lugar. "
        "Usa la búsqueda o vuelve al inicio.",
        "en": "The link may be broken or the page may have moved. "
        "Use the search or go back to the home page.",
        "pt": "Pode ser que o link esteja quebrado ou que a página tenha mudado de lugar. Use "
        "a busca ou volte ao início.",
    },
    "not_found.home": {
        "es": "Ir al inicio",
        "en": "Go to the home page",
        "pt": "Ir para o início",
    },
    #
    # Cost estimator.
    # The form on the models page (<!-- md:estimator -->, helpcenter/estimator_form.py) and
    # what its script writes (overrides/assets/javascripts/estimator.js, through the page).
    "estimator.needs_js": {
        "es": "El estimador necesita JavaScript. Actívalo en tu navegador o calcula con los "
        "precios de las tablas de esta página.",
        "en": "The estimator needs JavaScript. Turn it on in your browser, or work it out with "
        "the prices in the tables on this page.",
        "pt": "O estimador precisa de JavaScript. Ative-o no seu navegador ou calcule com os "
        "preços das tabelas desta página.",
    },
    "estimator.load_failed": {
        "es": "No pudimos cargar los precios para el estimador. Recarga la página o usa las "
        "tablas de esta página.",
        "en": "We couldn't load the prices for the estimator. Reload the page, or use the "
        "tables on this page.",
        "pt": "Não conseguimos carregar os preços para o estimador. Recarregue a página ou use "
        "as tabelas desta página.",
    },
    "estimator.legend": {
        "es": "Tu volumen de conversaciones",
        "en": "Your conversation volume",
        "pt": "Seu volume de conversas",
    },
    "estimator.model": {
        "es": "Modelo",
        "en": "Model",
        "pt": "Modelo",
    },
    "estimator.model_hint": {
        "es": "Primero los recomendados; después, los demás modelos vigentes, del menor al "
        "mayor precio de entrada. Al final, los que se retiran, para compararlos con su "
        "reemplazo.",
        "en": "Recommended models first, then the other current models from the lowest to the "
        "highest input price. Last, the models being retired, to compare each with its "
        "replacement.",
        "pt": "Primeiro os recomendados; depois, os outros modelos atuais, do menor para o "
        "maior preço de entrada. No fim, os que estão sendo desativados, para comparar "
        "cada um com o substituto.",
    },
    "estimator.pick.quality": {
        "es": "recomendado si priorizas la calidad",
        "en": "recommended if quality comes first",
        "pt": "recomendado se a qualidade vem primeiro",
    },
    "estimator.pick.economy": {
        "es": "recomendado si priorizas el costo",
        "en": "recommended if cost comes first",
        "pt": "recomendado se o custo vem primeiro",
    },
    "estimator.retiring": {
        "es": "Se retiran (para comparar con su reemplazo)",
        "en": "Being retired (to compare with their replacement)",
        "pt": "Sendo desativados (para comparar com o substituto)",
    },
    "estimator.retiring_option": {
        "es": "se retira el {date}; reemplazo: {replacement}",
        "en": "shuts down on {date}; replacement: {replacement}",
        "pt": "será desativado em {date}; substituto: {replacement}",
    },
    "estimator.retiring_undated": {
        "es": "en desuso; reemplazo: {replacement}",
        "en": "deprecated; replacement: {replacement}",
        "pt": "descontinuado; substituto: {replacement}",
    },
    "estimator.tier": {
        "es": "Nivel de servicio",
        "en": "Service tier",
        "pt": "Nível de serviço",
    },
    "estimator.tier_hint": {
        "es": "Cómo procesa OpenAI las solicitudes (Standard, o un nivel que multiplica los "
        "precios de lista, como indica la tabla de niveles de servicio). Los niveles que "
        "OpenAI no ofrece para el modelo elegido aparecen desactivados.",
        "en": "How OpenAI processes the requests (Standard, or a tier that multiplies the list "
        "prices, as the service tiers table shows). Tiers OpenAI does not offer for the chosen "
        "model cannot be picked.",
        "pt": "Como a OpenAI processa as solicitações (Standard, ou um nível que multiplica os "
        "preços de tabela, como mostra a tabela de níveis de serviço). Os níveis que a OpenAI "
        "não oferece para o modelo escolhido aparecem desativados.",
    },
    "estimator.tier_option": {
        "es": "{tier} (precios × {times})",
        "en": "{tier} (prices × {times})",
        "pt": "{tier} (preços × {times})",
    },
    "estimator.tier_used": {
        "es": "Nivel de servicio: {tier}, precios de lista × {times}.",
        "en": "Service tier: {tier}, list prices × {times}.",
        "pt": "Nível de serviço: {tier}, preços de tabela × {times}.",
    },
    "estimator.conversations": {
        "es": "Conversaciones al mes",
        "en": "Conversations per month",
        "pt": "Conversas por mês",
    },
    "estimator.conversations_hint": {
        "es": "Cuántas conversaciones con clientes responde el modelo en un mes. Si ya usas la "
        "integración, es el número de conversaciones con IA del mes pasado; si no, las "
        "conversaciones de un mes en los canales donde la activarás.",
        "en": "How many customer conversations the model answers in a month. If you already use "
        "the integration, it's last month's number of AI conversations; if not, a month's "
        "conversations on the channels where you'll turn it on.",
        "pt": "Quantas conversas com clientes o modelo responde em um mês. Se você já usa a "
        "integração, é o número de conversas com IA do mês passado; se não, as conversas "
        "de um mês nos canais onde você vai ativá-la.",
    },
    "estimator.messages": {
        "es": "Mensajes por conversación",
        "en": "Messages per conversation",
        "pt": "Mensagens por conversa",
    },
    "estimator.messages_hint": {
        "es": "Cada mensaje del cliente que el modelo responde es una solicitud a la API. Una "
        "conversación de atención al cliente suele tener entre cinco y diez. Tu cifra real: "
        "las solicitudes del mes en el panel de uso de OpenAI (platform.openai.com/usage), "
        "divididas entre tus conversaciones del mes.",
        "en": "Each customer message the model answers is one request to the API. A "
        "customer-service conversation often has five to ten. Your real figure: the month's "
        "requests in OpenAI's usage dashboard (platform.openai.com/usage), divided by your "
        "conversations that month.",
        "pt": "Cada mensagem do cliente que o modelo responde é uma solicitação à API. Uma "
        "conversa de atendimento ao cliente costuma ter de cinco a dez. Seu número real: "
        "as solicitações do mês no painel de uso da OpenAI (platform.openai.com/usage), "
        "divididas pelas suas conversas do mês.",
    },
    "estimator.input": {
        "es": "Tokens de entrada por mensaje",
        "en": "Input tokens per message",
        "pt": "Tokens de entrada por mensagem",
    },
    "estimator.input_hint": {
        "es": "Todo lo que se envía en cada solicitud: las instrucciones, el historial de la "
        "conversación y el mensaje nuevo, así que crece a medida que avanza la conversación. "
        "Con instrucciones breves, un promedio de entre mil y tres mil tokens es habitual. Tu "
        "promedio real: los tokens de entrada del mes en el panel de uso de OpenAI, divididos "
        "entre las solicitudes del mes.",
        "en": "Everything sent with each request: the instructions, the conversation history "
        "and the new message, so it grows as the conversation goes on. With short "
        "instructions, an average of one to three thousand tokens is usual. Your real average: "
        "the month's input tokens in OpenAI's usage dashboard, divided by the month's requests.",
        "pt": "Tudo o que é enviado em cada solicitação: as instruções, o histórico da "
        "conversa e a mensagem nova, por isso cresce à medida que a conversa avança. Com "
        "instruções curtas, uma média de mil a três mil tokens é comum. Sua média real: "
        "os tokens de entrada do mês no painel de uso da OpenAI, divididos pelas "
        "solicitações do mês.",
    },
    "estimator.output": {
        "es": "Tokens de salida por mensaje",
        "en": "Output tokens per message",
        "pt": "Tokens de saída por mensagem",
    },
    "estimator.output_hint": {
        "es": "La respuesta que escribe el modelo, sin sus tokens de razonamiento (van en el "
        "último campo). Una respuesta de atención al cliente tiene entre cien y doscientos "
        "tokens. Tu promedio real, con un modelo sin razonamiento: los tokens de salida del "
        "mes en el panel de uso de OpenAI, divididos entre las solicitudes del mes.",
        "en": "The reply the model writes, without its reasoning tokens (they go in the last "
        "field). A customer-service reply has one to two hundred tokens. Your real average, "
        "with a model without reasoning: the month's output tokens in OpenAI's usage "
        "dashboard, divided by the month's requests.",
        "pt": "A resposta que o modelo escreve, sem os tokens de raciocínio (eles vão no "
        "último campo). Uma resposta de atendimento ao cliente tem entre cem e duzentos "
        "tokens. Sua média real, com um modelo sem raciocínio: os tokens de saída do mês "
        "no painel de uso da OpenAI, divididos pelas solicitações do mês.",
    },
    "estimator.cached": {
        "es": "Entrada en caché (%)",
        "en": "Cached input (%)",
        "pt": "Entrada em cache (%)",
    },
    "estimator.cached_hint": {
        "es": "La parte de la entrada que se repite de una solicitud reciente, como las "
        "instrucciones y el historial; en una conversación suele ser la mitad o más. El resto "
        "se guarda en la caché para el mensaje siguiente: los modelos con precio de escritura "
        "en caché lo cobran a ese precio, y los demás, como entrada normal. Un modelo sin "
        "precio de entrada en caché cobra toda la entrada como entrada normal. Tu cifra real: "
        "los tokens de entrada en caché del mes en el panel de uso de OpenAI, divididos "
        "entre todos sus tokens de entrada.",
        "en": "The share of the input that repeats from a recent request, such as the "
        "instructions and the history; in a conversation it is often half or more. The rest "
        "is written to the cache for the next message: models with a cache-write price bill "
        "it at that price, the others as regular input. A model without a cached-input price "
        "bills all the input as regular input. Your real share: the month's cached input "
        "tokens in OpenAI's usage dashboard, divided by all its input tokens.",
        "pt": "A parte da entrada que se repete de uma solicitação recente, como as instruções "
        "e o histórico; numa conversa costuma ser a metade ou mais. O resto é gravado no "
        "cache para a mensagem seguinte: os modelos com preço de gravação em cache "
        "cobram esse preço, e os outros, como entrada normal. Um modelo sem preço de "
        "entrada em cache cobra toda a entrada como entrada normal. Seu número real: os "
        "tokens de entrada em cache do mês no painel de uso da OpenAI, divididos por "
        "todos os tokens de entrada.",
    },
    "estimator.reasoning": {
        "es": "Tokens de razonamiento por mensaje",
        "en": "Reasoning tokens per message",
        "pt": "Tokens de raciocínio por mensagem",
    },
    "estimator.reasoning_hint": {
        "es": "Lo que piensa un modelo de razonamiento antes de responder: no lo ves, pero se "
        "cobra como salida. Los modelos sin razonamiento no los usan, así que el cálculo no "
        "se los suma. Para una respuesta de atención al cliente suelen ser unos cientos; con "
        "un esfuerzo de razonamiento bajo, menos. Tu promedio real: los tokens de salida del "
        "mes en el panel de uso de OpenAI (platform.openai.com/usage), divididos entre las "
        "solicitudes del mes, menos la longitud de una respuesta.",
        "en": "What a reasoning model thinks before it answers: you don't see it, but it is "
        "billed as output. Models without reasoning don't use them, so the estimate doesn't "
        "add them for those. For a customer-service reply they are often a few hundred; with "
        "low reasoning effort, fewer. Your real average: the month's output tokens in "
        "OpenAI's usage dashboard (platform.openai.com/usage), divided by the month's "
        "requests, minus the length of a reply.",
        "pt": "O que um modelo de raciocínio pensa antes de responder: você não vê, mas é "
        "cobrado como saída. Os modelos sem raciocínio não usam esses tokens, então o "
        "cálculo não os soma. Numa resposta de atendimento ao cliente costumam ser "
        "algumas centenas; com um esforço de raciocínio baixo, menos. Sua média real: os "
        "tokens de saída do mês no painel de uso da OpenAI (platform.openai.com/usage), "
        "divididos pelas solicitações do mês, menos o tamanho de uma resposta.",
    },
    "estimator.invalid": {
        "es": "Escribe un número entero entre {minimum} y {maximum}, sin decimales: "
        "{plain} o {grouped}.",
        "en": "Enter a whole number from {minimum} to {maximum}, without decimals: "
        "{plain} or {grouped}.",
        "pt": "Digite um número inteiro de {minimum} a {maximum}, sem decimais: "
        "{plain} ou {grouped}.",
    },
    "estimator.check_fields": {
        "es": "Corrige el campo marcado para ver el cálculo.",
        "en": "Fix the marked field to see the estimate.",
        "pt": "Corrija o campo marcado para ver o cálculo.",
    },
    "estimator.monthly": {
        "es": "Costo mensual",
        "en": "Monthly cost",
        "pt": "Custo mensal",
    },
    "estimator.per_conversation": {
        "es": "Costo por conversación",
        "en": "Cost per conversation",
        "pt": "Custo por conversa",
    },
    "estimator.top_up": {
        "es": "El crédito mínimo de {amount} alcanza para",
        "en": "The minimum credit of {amount} lasts",
        "pt": "O crédito mínimo de {amount} dura",
    },
    "estimator.days_one": {
        "es": "{days} día",
        "en": "{days} day",
        "pt": "{days} dia",
    },
    "estimator.days_other": {
        "es": "{days} días",
        "en": "{days} days",
        "pt": "{days} dias",
    },
    "estimator.days_under": {
        "es": "Menos de {days} días",
        "en": "Less than {days} days",
        "pt": "Menos de {days} dias",
    },
    "estimator.days_never": {
        "es": "No se agota: el costo es cero",
        "en": "It never runs out: the cost is zero",
        "pt": "Não se esgota: o custo é zero",
    },
    "estimator.assumptions": {
        "es": "Con los precios de lista de las tablas de esta página, multiplicados por el "
        "multiplicador del nivel de servicio elegido (tabla de niveles de servicio). Los días "
        "suponen un mes de {days} días con el mismo volumen cada día.",
        "en": "At the list prices in the tables on this page, multiplied by the chosen service "
        "tier's multiplier (service tiers table). Days assume a {days}-day month with the same "
        "volume every day.",
        "pt": "Com os preços de tabela desta página, multiplicados pelo multiplicador do nível "
        "de serviço escolhido (tabela de níveis de serviço). Os dias consideram um mês de "
        "{days} dias com o mesmo volume todos os dias.",
    },
    "estimator.cache_writes": {
        "es": "Escritura en caché, por 1 M de tokens, donde OpenAI publica su precio: {prices}. "
        "Los demás modelos la cobran como entrada.",
        "en": "Cache writes, per 1M tokens, where OpenAI publishes their price: {prices}. The "
        "other models bill them as input.",
        "pt": "Gravação em cache, por 1 M de tokens, onde a OpenAI publica o preço: {prices}. "
        "Os outros modelos a cobram como entrada.",
    },
    "estimator.comparison": {
        "es": "El mismo volumen y nivel de servicio en cada modelo vigente que lo ofrece y en el "
        "que elegiste, del más barato al más caro",
        "en": "The same volume and service tier on every current model that offers it and on "
        "your choice, cheapest first",
        "pt": "O mesmo volume e nível de serviço em cada modelo atual que o oferece e no que "
        "você escolheu, do mais barato ao mais caro",
    },
    "estimator.chosen": {
        "es": "tu elección",
        "en": "your choice",
        "pt": "sua escolha",
    },
    "estimator.replacement": {
        "es": "su reemplazo",
        "en": "its replacement",
        "pt": "o substituto",
    },
    "estimator.replacement_cost": {
        "es": "El mismo volumen en su reemplazo, {name}, costaría {amount} al mes.",
        "en": "The same volume on its replacement, {name}, would cost {amount} a month.",
        "pt": "O mesmo volume no substituto, {name}, custaria {amount} por mês.",
    },
    #
    # Markdown twins (helpcenter/twins.py), their copy button (copy-markdown.js, through
    # the page) and redirect pages (helpcenter/redirects.py).
    "twin.estimator": {
        "es": "El estimador de costo mensual es un formulario interactivo: úsalo en la "
        "página web, en {url}.",
        "en": "The monthly cost estimator is an interactive form: use it on the web page, "
        "at {url}.",
        "pt": "O estimador de custo mensal é um formulário interativo: use-o na página web, em "
        "{url}.",
    },
    "copy.button": {
        "es": "Copiar la página para un asistente de IA",
        "en": "Copy page for an AI assistant",
        "pt": "Copiar a página para um assistente de IA",
    },
    "copy.done": {
        "es": "Copiado: el texto de la página en Markdown está en tu portapapeles.",
        "en": "Copied: the page's text in Markdown is on your clipboard.",
        "pt": "Copiado: o texto da página em Markdown está na sua área de transferência.",
    },
    "copy.failed": {
        "es": "No pudimos copiar el texto. Ábrelo en {url} y cópialo desde ahí.",
        "en": "We couldn't copy the text. Open it at {url} and copy it from there.",
        "pt": "Não conseguimos copiar o texto. Abra-o em {url} e copie de lá.",
    },
    # Page actions and "Was this page helpful?" (helpcenter/pages/pageactions.py).
    "actions.chatgpt": {
        "es": "Abrir en ChatGPT",
        "en": "Open in ChatGPT",
        "pt": "Abrir no ChatGPT",
    },
    "actions.claude": {
        "es": "Abrir en Claude",
        "en": "Open in Claude",
        "pt": "Abrir no Claude",
    },
    "actions.new_tab": {
        "es": "(se abre en otro sitio, en una pestaña nueva)",
        "en": "(opens another site in a new tab)",
        "pt": "(abre outro site em uma nova aba)",
    },
    "actions.prompt": {
        "es": "Lee esta página del centro de ayuda y ayúdame a resolver mi problema con lo "
        "que dice: {url}",
        "en": "Read this help center page and help me solve my problem with what it says: {url}",
        "pt": "Leia esta página da central de ajuda e me ajude a resolver meu problema com o "
        "que ela diz: {url}",
    },
    "feedback.question": {
        "es": "¿Te ayudó esta página?",
        "en": "Was this page helpful?",
        "pt": "Esta página ajudou você?",
    },
    "feedback.yes": {
        "es": "Sí",
        "en": "Yes",
        "pt": "Sim",
    },
    "feedback.thanks": {
        "es": "¡Gracias! Nos alegra que te haya servido.",
        "en": "Thank you! We're glad it helped.",
        "pt": "Obrigado! Que bom que ajudou.",
    },
    "feedback.no": {
        "es": "No: escribir a soporte",
        "en": "No: write to support",
        "pt": "Não: escrever para o suporte",
    },
    "feedback.subject": {
        "es": "Esta página no me ayudó: {title}",
        "en": "This page didn't help me: {title}",
        "pt": "Esta página não me ajudou: {title}",
    },
    "feedback.body": {
        "es": "Página: {url}\nIdioma: {tag}\n\nQué buscaba:\n",
        "en": "Page: {url}\nLanguage: {tag}\n\nWhat I was looking for:\n",
        "pt": "Página: {url}\nIdioma: {tag}\n\nO que eu procurava:\n",
    },
    "redirect.title": {
        "es": "Esta página cambió de lugar",
        "en": "This page has moved",
        "pt": "Esta página mudou de lugar",
    },
    "redirect.text": {
        "es": "Ahora está en {link}.",
        "en": "It is now at {link}.",
        "pt": "Agora ela está em {link}.",
    },
}


def label(key: str, language: str) -> str:
    try:
        return LABELS[key][language]
    except KeyError:
        raise ContentError(
            f"helpcenter/site/labels.py: label '{key}' has no '{language}' text"
        ) from None


def say(key: str, language: str, **values: str) -> str:
    """A label in ``language`` with its ``{fields}`` filled from ``values``."""
    text = label(key, language)
    return text.format(**values) if values else text


def missing_labels(language: str) -> list[str]:
    """One line per label with no text in ``language`` (a language being added)."""
    return [
        f"helpcenter/site/labels.py: label '{key}' has no '{language}' text"
        for key, texts in LABELS.items()
        if not texts.get(language)
    ]


def labels_for(language: str, prefix: str = "") -> dict[str, str]:
    """Every label under ``prefix`` in one language, keyed without the prefix."""
    return {key[len(prefix) :]: label(key, language) for key in LABELS if key.startswith(prefix)}
