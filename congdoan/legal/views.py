"""Public pages of the library: the filtered list, a document, and counted downloads."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST, require_safe
from wagtail.models import Page

from congdoan.core.client_ip import client_ip
from congdoan.core.form_limits import SubmissionLimitReached, address_hash, create_within_limit
from congdoan.core.page_cache import cache_public_page
from congdoan.visitors.counted_items import item_key

from .apps import VIEW_COUNTER_KIND
from .forms import DocumentFilterForm, DraftCommentForm
from .models import DraftComment, LegalDocument, LegalDocumentFile

DOCUMENTS_PER_PAGE = 20
CITING_ARTICLES_SHOWN = 20
DRAFT_COMMENT_PURPOSE = "draft-comment"


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


def _document(pk):
    linked = LegalDocument.objects.listing()
    return get_object_or_404(
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


@require_GET
@cache_public_page
def document_detail(request, pk, slug):
    document = _document(pk)
    if slug != document.slug:
        return redirect(document, permanent=True)
    return _detail_response(request, document)


def _detail_response(request, document, comment_form=None, status=200):
    """The document's page; a draft in its comment window carries the comment form (with a
    CSRF token, so the page cache does not keep it while comments are open)."""
    window = document.comment_window_state()
    if window == "open" and comment_form is None:
        comment_form = DraftCommentForm()
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
            "comment_window": window,
            "comment_form": comment_form if window == "open" else None,
            "approved_comments": (
                list(document.draft_comments.approved().only("name", "organization", "comment"))
                if window
                else []
            ),
        },
        status=status,
    )


@require_POST
def comment_on_draft(request, pk):
    """*Góp ý dự thảo*: store a comment for moderation; nothing is published automatically."""
    document = _document(pk)
    if not document.accepts_comments():
        messages.error(request, _("This draft is not open for comments now."))
        return redirect(document)
    form = DraftCommentForm(request.POST)
    if not form.is_valid():
        return _detail_response(request, document, form)
    if not form.is_bot():
        try:
            create_within_limit(
                DraftComment,
                limit=settings.DRAFT_COMMENTS_PER_IP_PER_HOUR,
                address_hash=address_hash(client_ip(request), DRAFT_COMMENT_PURPOSE),
                document=document,
                name=form.cleaned_data["name"].strip(),
                email=form.cleaned_data["email"],
                organization=form.cleaned_data["organization"].strip(),
                comment=form.cleaned_data["comment"].strip(),
            )
        except SubmissionLimitReached:
            form.add_error(
                None, _("You have sent many comments in the last hour. Please try again later.")
            )
            return _detail_response(request, document, form, status=429)
    messages.success(
        request,
        _("Thank you. Your comment has been received and will be read by the drafting team."),
    )
    return redirect(document.get_absolute_url() + "#draft-comments")


@require_GET
@cache_public_page
def open_drafts(request):
    """`/van-ban/du-thao/`: drafts whose comment window is open today."""
    drafts = LegalDocument.objects.listing().open_for_comments()
    page_obj = Paginator(drafts, DOCUMENTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "legal/open_drafts.html",
        {
            "page_obj": page_obj,
            "documents": page_obj.object_list,
            "query_prefix": "",
            "page_title": _("Drafts open for comments"),
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
