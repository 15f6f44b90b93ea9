"""Diagrams drawn as inline SVG (``<!-- md:diagram setup-path -->``), in the page's language.

Each diagram is an accessible image (``role="img"``, a ``<title>`` and a ``<desc>``) whose
text comes from ``helpcenter.site.labels`` and the product's menu labels, so it says what the
pages say. Lines and text use ``currentColor`` and fills use Material's colour variables,
so both colour schemes keep their contrast; nothing is fetched from anywhere.

Every text in a diagram, a label or a product value, is plain text escaped for XML
(``svg_text``), never Markdown-escaped: a menu label ``Guardar *ya* [beta]`` shows as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from helpcenter.escapes import svg_text
from helpcenter.problems import ContentError
from helpcenter.site.labels import label

WIDTH = 360
BOX_FILL = "var(--md-default-fg-color--lightest)"
FIELD_FILL = "var(--md-default-bg-color)"
ACCENT = "var(--md-accent-fg-color)"


def render(args: list[str], language: str, texts: Mapping[str, object], where: str) -> str:
    """The ``<figure>`` of the diagram named by the marker's one argument; ``texts`` are the
    product's values as plain text (``product``, ``menu.save``…)."""
    if len(args) != 1 or args[0] not in DIAGRAMS:
        known = ", ".join(sorted(DIAGRAMS))
        raise ContentError(f"{where}: md:diagram takes one of {known}, got {' '.join(args)!r}")
    name = args[0]
    values = {
        key.replace(".", "_"): svg_text(value)
        for key, value in texts.items()
        if isinstance(value, str)
    }
    body, height = DIAGRAMS[name](language, values)
    text = _Text(language)
    ids = f"hc-diagram-{name}"
    svg = (
        f'<svg class="hc-diagram__image" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'aria-labelledby="{ids}-title {ids}-desc" xmlns="http://www.w3.org/2000/svg" '
        'font-family="inherit" fill="currentColor">'
        f'<title id="{ids}-title">{text(f"diagram.{name}.title", **values)}</title>'
        f'<desc id="{ids}-desc">{text(f"diagram.{name}.desc", **values)}</desc>'
        f"{body}</svg>"
    )
    caption = text(f"diagram.{name}.title", **values)
    return f'<figure class="hc-diagram">{svg}<figcaption>{caption}</figcaption></figure>'


class _Text:
    """Labels escaped for SVG text; ``values`` are product values (already escaped for SVG),
    keyed with ``_`` for ``.`` so that labels can name them (``{menu_settings}``)."""

    def __init__(self, language: str):
        self.language = language

    def __call__(self, key: str, **values: str) -> str:
        text = svg_text(label(key, self.language))
        return text.format(**values) if values else text


def _lines(x: float, y: float, lines: list[str], size: float, weight: int = 400) -> str:
    spans = "".join(
        f'<tspan x="{x}" dy="{0 if n == 0 else size * 1.3:g}">{line}</tspan>'
        for n, line in enumerate(lines)
    )
    return f'<text x="{x}" y="{y}" font-size="{size}" font-weight="{weight}">{spans}</text>'


def _badge(x: float, y: float, number: int) -> str:
    return (
        f'<circle cx="{x}" cy="{y}" r="11" fill="{ACCENT}"/>'
        f'<text x="{x}" y="{y + 4.5}" font-size="13" font-weight="700" text-anchor="middle" '
        f'fill="var(--md-accent-bg-color)">{number}</text>'
    )


def _setup_path(language: str, values: Mapping[str, str]) -> tuple[str, int]:
    """OpenAI account, then payment and credit, then the key, then the product."""
    text = _Text(language)
    parts, y, box = [], 8, 78
    for step in range(1, 5):
        title = text(f"diagram.setup-path.step{step}", **values)
        detail = text(f"diagram.setup-path.step{step}.detail", **values).split("\n")
        parts.append(
            f'<rect x="8" y="{y}" width="{WIDTH - 16}" height="{box}" rx="8" '
            f'fill="{BOX_FILL}" stroke="currentColor" stroke-width="1.5"/>'
        )
        parts.append(_badge(32, y + 24, step))
        parts.append(_lines(52, y + 29, [title], 16, 700))
        parts.append(_lines(52, y + 50, detail, 13))
        y += box
        if step < 4:
            parts.append(
                f'<path d="M{WIDTH / 2:g} {y + 3} v16 m-6 -7 l6 7 l6 -7" fill="none" '
                'stroke="currentColor" stroke-width="2"/>'
            )
            y += 24
    return "".join(parts), y + 8


def _paste_where(language: str, values: Mapping[str, str]) -> tuple[str, int]:
    """The product's OpenAI integration screen: which value goes into which field."""
    text = _Text(language)
    path = " › ".join(values[f"menu_{name}"] for name in ("settings", "integrations", "openai"))
    parts = [
        f'<rect x="4" y="4" width="{WIDTH - 8}" height="420" rx="10" fill="{BOX_FILL}" '
        'stroke="currentColor" stroke-width="1.5"/>',
        f'<line x1="4" y1="40" x2="{WIDTH - 4}" y2="40" stroke="currentColor"/>',
        _lines(18, 27, [path], 14, 700),
    ]
    fields = [
        ("menu_api_key", "diagram.paste-where.key"),
        ("menu_organization_id", "diagram.paste-where.organization"),
        ("menu_model", "diagram.paste-where.model"),
    ]
    y = 58
    for number, (name, hint) in enumerate(fields, 1):
        parts.append(_lines(18, y + 10, [values[name]], 14, 700))
        parts.append(
            f'<rect x="18" y="{y + 18}" width="{WIDTH - 64}" height="32" rx="4" '
            f'fill="{FIELD_FILL}" stroke="currentColor"/>'
        )
        parts.append(_lines(28, y + 39, [text(hint)], 13))
        parts.append(_badge(WIDTH - 26, y + 34, number))
        y += 76
    buttons = [("menu_save", 18, 130), ("menu_test", 160, 170)]
    for number, (name, x, width) in enumerate(buttons, len(fields) + 1):
        parts.append(
            f'<rect x="{x}" y="{y}" width="{width}" height="34" rx="17" fill="none" '
            'stroke="currentColor" stroke-width="1.5"/>'
        )
        parts.append(
            f'<text x="{x + width / 2:g}" y="{y + 22}" font-size="14" font-weight="700" '
            f'text-anchor="middle">{values[name]}</text>'
        )
        parts.append(_badge(x + width - 4, y - 2, number))
    y += 62
    parts.append(_lines(18, y, [text("diagram.paste-where.status")], 13))
    parts.append(
        f'<rect x="18" y="{y + 12}" width="150" height="28" rx="14" fill="none" '
        'stroke="currentColor" stroke-dasharray="4 3"/>'
    )
    parts.append(
        f'<text x="93" y="{y + 31}" font-size="13" font-weight="700" '
        f'text-anchor="middle">✓ {values["menu_connected"]}</text>'
    )
    parts.append(_badge(180, y + 26, len(fields) + len(buttons) + 1))
    return "".join(parts), 430


DIAGRAMS: dict[str, Callable[[str, Mapping[str, str]], tuple[str, int]]] = {
    "setup-path": _setup_path,
    "paste-where": _paste_where,
}
