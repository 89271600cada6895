from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString

from public.search import mark_html

register = template.Library()


@register.filter
def highlight(value, terms: list[str] | None) -> SafeString:
    """Mark the search terms in a text or in HTML we rendered; escapes plain text."""
    html = conditional_escape(value)
    return mark_html(html, terms) if terms else html
