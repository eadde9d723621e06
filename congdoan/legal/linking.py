"""Document numbers in article bodies: links to the library and the citation table.

Only numbers of documents that exist are linked, so deleting a document removes its links.
The set of numbers is one cached query, dropped whenever a document is saved or deleted.
"""

import re

from django.core.cache import cache
from django.urls import reverse
from django.utils.html import escape

from congdoan.core import registry
from congdoan.core.text import fold

CODE_LINKS_CACHE_KEY = "legal:code-links"
# A document number starts with digits and holds a slash or dash and letters:
# 02-NQ/TW, 45/2019/QH14, 12/2022/NĐ-CP, 1234/QĐ-TLĐ.
CANDIDATE = re.compile(r"(?<![\w/.-])\d+(?:[/-][\w.]*[^\W\d_][\w.]*|[/-]\d+)+(?:[/-][\w.]+)*", re.U)
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_ANCHOR_OPEN = re.compile(r"<a[\s>]", re.I)
_ANCHOR_CLOSE = re.compile(r"</a\s*>", re.I)


def lookup_key(code: str) -> str:
    return fold(code).strip(".,;:")


def code_links() -> dict[str, tuple[str, str]]:
    """{folded number: (document URL, title)} for every document in the library."""
    links = cache.get(CODE_LINKS_CACHE_KEY)
    if links is None:
        from .models import LegalDocument

        links = {}
        rows = LegalDocument.objects.order_by("issued_on", "pk").values_list(
            "pk", "slug", "code", "summary"
        )
        for pk, slug, code, summary in rows:
            # Several documents with one number: the newest wins.
            url = reverse("legal:detail", kwargs={"pk": pk, "slug": slug})
            links[lookup_key(code)] = (url, summary[:300])
        cache.set(CODE_LINKS_CACHE_KEY, links, 24 * 3600)
    return links


def forget_code_links() -> None:
    cache.delete(CODE_LINKS_CACHE_KEY)


def candidates(text: str):
    """(start, end, folded key) of every document-number-like token in plain text."""
    for match in CANDIDATE.finditer(text):
        raw = match.group(0).rstrip(".")
        yield match.start(), match.start() + len(raw), lookup_key(raw)


def cited_keys(html: str) -> set[str]:
    """Folded numbers of existing documents mentioned in some HTML."""
    links = code_links()
    return {key for _start, _end, key in candidates(html) if key in links}


def link_codes(html: str) -> str:
    """Wrap mentions of existing document numbers in links, never inside an existing link."""
    links = code_links()
    if not links or not html:
        return html
    parts = _TAG_OR_TEXT.split(str(html))
    inside_anchor = 0
    for index, part in enumerate(parts):
        if part.startswith("<"):
            if _ANCHOR_OPEN.match(part):
                inside_anchor += 1
            elif _ANCHOR_CLOSE.match(part):
                inside_anchor = max(0, inside_anchor - 1)
            continue
        if inside_anchor or not part:
            continue
        pieces, last = [], 0
        for start, end, key in candidates(part):
            if key not in links:
                continue
            url, title = links[key]
            pieces.append(part[last:start])
            pieces.append(
                f'<a class="legal-link" href="{escape(url)}" title="{escape(title)}">'
                f"{part[start:end]}</a>"
            )
            last = end
        if pieces:
            pieces.append(part[last:])
            parts[index] = "".join(pieces)
    return "".join(parts)


def update_page_citations(page, html: str) -> None:
    """Replace the page's citations with the documents its text (`html`) mentions now."""
    from .models import DocumentCitation, LegalDocument

    keys = cited_keys(html) if page.live else set()
    cited = {
        pk
        for pk, code in (LegalDocument.objects.values_list("pk", "code") if keys else [])
        if lookup_key(code) in keys
    }
    DocumentCitation.objects.filter(page_id=page.pk).exclude(document_id__in=cited).delete()
    DocumentCitation.objects.bulk_create(
        [DocumentCitation(document_id=pk, page_id=page.pk) for pk in cited],
        ignore_conflicts=True,
    )


def update_document_citations(document) -> None:
    """Find the live pages that mention this document's number (core.registry text sources)."""
    from .models import DocumentCitation

    key = lookup_key(document.code)
    ascii_runs = sorted(re.findall(r"[\x20-\x7e]+", document.code), key=len, reverse=True)
    citing = [
        page.pk
        for page, html in registry.live_page_texts(containing=ascii_runs[0] if ascii_runs else "")
        if key in {k for _s, _e, k in candidates(html)}
    ]
    DocumentCitation.objects.filter(document_id=document.pk).exclude(page_id__in=citing).delete()
    DocumentCitation.objects.bulk_create(
        [DocumentCitation(document_id=document.pk, page_id=pk) for pk in citing],
        ignore_conflicts=True,
    )


def rebuild_citations() -> int:
    """Recompute every citation from the live pages' text; returns how many there are."""
    from .models import DocumentCitation

    for page, html in registry.live_page_texts():
        update_page_citations(page, html)
    DocumentCitation.objects.exclude(page__live=True).delete()
    return DocumentCitation.objects.count()
