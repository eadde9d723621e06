"""Public pages of the library: the filtered list, a document, and counted downloads."""

from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_safe
from wagtail.models import Page

from congdoan.core.page_cache import cache_public_page
from congdoan.visitors.counted_items import item_key

from .apps import VIEW_COUNTER_KIND
from .forms import DocumentFilterForm
from .models import LegalDocument, LegalDocumentFile

DOCUMENTS_PER_PAGE = 20
CITING_ARTICLES_SHOWN = 20


@require_GET
@cache_public_page
def document_list(request):
    form = DocumentFilterForm(request.GET or None)
    documents = LegalDocument.objects.listing()
    if form.is_bound:
        documents = form.filter(documents)
    paginator = Paginator(documents, DOCUMENTS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query_prefix = f"{query.urlencode()}&" if query else ""
    return render(
        request,
        "legal/document_list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "documents": page_obj.object_list,
            "query_prefix": query_prefix,
            "is_filtered": form.is_filtered(),
            "page_title": _("Legal documents"),
        },
    )


@require_GET
@cache_public_page
def document_detail(request, pk, slug):
    linked = LegalDocument.objects.listing()
    document = get_object_or_404(
        LegalDocument.objects.select_related("document_type", "issuer").prefetch_related(
            "areas__parent",
            "files",
            Prefetch("replaces", queryset=linked),
            Prefetch("replaced_by", queryset=linked),
            Prefetch("related_documents", queryset=linked),
            Prefetch("related_from", queryset=linked),
        ),
        pk=pk,
    )
    if slug != document.slug:
        return redirect(document, permanent=True)
    citing = list(
        Page.objects.live()
        .public()
        .filter(legal_citations__document=document)
        .order_by("-first_published_at")[:CITING_ARTICLES_SHOWN]
        .specific()
    )
    return render(
        request,
        "legal/document_detail.html",
        {
            "document": document,
            "files": document.files.all(),
            "pdf_file": document.pdf_file(),
            "citing_articles": citing,
            "related": sorted(
                {*document.related_documents.all(), *document.related_from.all()},
                key=lambda related: (related.issued_on, related.pk),
                reverse=True,
            ),
            "page_title": document.title,
            # Views are counted by the visitor beacon, deduplicated per visitor: a GET writes
            # nothing.
            "visitors_item": item_key(VIEW_COUNTER_KIND, document.pk),
        },
    )


@require_safe
def download(request, pk):
    """Count the download, then send the reader to the file (local media or object storage).

    HEAD (link checkers) gets the same redirect and counts nothing.
    """
    item = get_object_or_404(LegalDocumentFile.objects.only("id", "file", "document_id"), pk=pk)
    if not item.file:
        raise Http404
    if request.method == "GET":
        LegalDocumentFile.objects.filter(pk=item.pk).update(download_count=F("download_count") + 1)
        LegalDocument.objects.filter(pk=item.document_id).update(
            download_count=F("download_count") + 1
        )
    response = redirect(item.file.url)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
