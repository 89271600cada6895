from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from minutes import wording

register = template.Library()


def _bullet(line: str) -> tuple[int, str] | None:
    """(depth, text) for a bullet line: «- » at depth 1, indented «- » at depth 2."""
    stripped = line.lstrip()
    if not stripped.startswith(("- ", "• ", "* ")):
        return None
    depth = 2 if len(line) - len(stripped) >= 2 else 1
    return depth, stripped[2:].strip()


@register.filter
def rich_text(value: str) -> SafeString:
    """Plain text to paragraphs and bullet lists (two levels), every piece escaped.

    Secretariats type bullets as «- » lines, sub-bullets indented; nothing typed is ever
    treated as HTML.
    """
    html: list[str] = []
    paragraph: list[str] = []
    depth = 0

    def close_paragraph() -> None:
        if paragraph:
            html.append("<p>" + "<br>".join(escape(p) for p in paragraph) + "</p>")
            paragraph.clear()

    def set_depth(wanted: int) -> None:
        nonlocal depth
        while depth < wanted:
            html.append("<ul>" if depth == 0 else "<ul>")
            depth += 1
        while depth > wanted:
            html.append("</li></ul>")
            depth -= 1

    for raw in (value or "").replace("\r\n", "\n").split("\n"):
        bullet = _bullet(raw)
        if bullet:
            close_paragraph()
            level, text = bullet
            level = min(level, depth + 1)
            if level > depth:
                set_depth(level)
            else:
                set_depth(level)
                html.append("</li>")
            html.append("<li>" + escape(text))
        elif raw.strip():
            if depth:
                set_depth(0)
            paragraph.append(raw.strip())
        else:
            if depth:
                set_depth(0)
            close_paragraph()
    set_depth(0)
    close_paragraph()
    return mark_safe("".join(html))


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, or an empty list when there is none."""
    return (mapping or {}).get(key, [])


@register.simple_tag
def item_url(document, item) -> str:
    """The public address of an item of a minutes document (its series decides)."""
    return document.item_url(item)


@register.simple_tag
def council_words(of_council, key: str, **values) -> str:
    """A phrase in the council's words (minutes/wording.py): «Referatet …» or
    «Protokollen …» as the council calls its minutes."""
    text = wording.phrase(getattr(of_council, "document_name", wording.MINUTES), key)
    return text % values if values else text
