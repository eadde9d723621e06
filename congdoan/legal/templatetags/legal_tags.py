from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe

from congdoan.legal.linking import link_codes

register = template.Library()

LATEST_DOCUMENTS_CACHE_KEY = "legal:latest-documents"
LATEST_DOCUMENTS_COUNT = 5


@register.filter(is_safe=True)
def link_legal_codes(html):
    """Link mentions of document numbers that exist in the library to their pages."""
    return mark_safe(link_codes(str(html)))  # noqa: S308 - input is already-safe rich text


def latest_documents() -> list[dict]:
    """The five newest documents by issue date: one query, cached until a document changes."""
    rows = cache.get(LATEST_DOCUMENTS_CACHE_KEY)
    if rows is None:
        from congdoan.legal.models import LegalDocument

        rows = [
            {
                "url": document.get_absolute_url(),
                "title": document.title,
                "summary": document.summary,
                "issued_on": document.issued_on,
            }
            for document in LegalDocument.objects.listing()[:LATEST_DOCUMENTS_COUNT]
        ]
        cache.set(LATEST_DOCUMENTS_CACHE_KEY, rows, 3600)
    return rows


@register.inclusion_tag("legal/includes/latest_documents_widget.html")
def latest_documents_widget(heading_level=2):
    return {"documents": latest_documents(), "heading_level": heading_level}
