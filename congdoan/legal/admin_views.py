"""Wagtail admin: the "Văn bản" menu with documents, types, issuers and areas."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from congdoan.core.dates import format_date_vn

from .export import comments_workbook
from .models import Area, DocumentType, DraftComment, Issuer, LegalDocument

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class VietnameseDateColumn(Column):
    """A date as dd/mm/yyyy: an issue date reads as a date, not as "7 years ago"."""

    def get_value(self, instance):
        return format_date_vn(super().get_value(instance))


class DraftCommentsColumn(Column):
    """For a draft: its comment window and a link to download its comments as XLSX."""

    def get_value(self, instance):
        if not instance.is_draft:
            return ""
        return format_html(
            '{}–{} · <a href="{}">{}</a>',
            format_date_vn(instance.comments_open_on),
            format_date_vn(instance.comments_close_on),
            reverse("legal_draft_comments_xlsx", args=[instance.pk]),
            _("Comments (XLSX)"),
        )


def export_draft_comments(request, pk):
    """Admin: every comment on one draft, as an XLSX file, for those who may see comments."""
    if not request.user.has_perm("legal.view_draftcomment"):
        raise PermissionDenied
    document = get_object_or_404(LegalDocument.objects.listing(), pk=pk)
    response = HttpResponse(comments_workbook(document), content_type=XLSX_TYPE)
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="gop-y-{document.slug}-{stamp}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    return response


class LegalDocumentIndexView(IndexView):
    def search_queryset(self, queryset):
        """The same search as the public list and the site search (numbers in any spelling)."""
        if not self.is_searching:
            return queryset
        return queryset.matching(self.search_query)


class LegalDocumentViewSet(SnippetViewSet):
    model = LegalDocument
    icon = "doc-full"
    menu_label = _("Document list")
    index_view_class = LegalDocumentIndexView
    list_per_page = 50
    list_display = [
        "code",
        Column("document_type", label=_("document type")),
        Column("summary", label=_("summary (trích yếu)")),
        VietnameseDateColumn("issued_on", label=_("issue date"), sort_key="issued_on"),
        Column("status_label", label=_("validity")),
        Column("extraction_report", label=_("full text")),
        "download_count",
        DraftCommentsColumn("is_draft", label=_("consultation")),
    ]
    list_filter = [
        "document_type",
        "issuer",
        "areas",
        "is_replaced",
        "extraction_status",
        "is_draft",
    ]
    ordering = ["-issued_on", "-pk"]

    def get_queryset(self, request):
        return LegalDocument.objects.listing()


class DocumentTypeViewSet(SnippetViewSet):
    model = DocumentType
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None


class IssuerViewSet(SnippetViewSet):
    model = Issuer
    icon = "group"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "folder-open-inverse"
    list_display = ["name", "parent", "slug", "sort_order"]
    list_filter = ["parent"]
    search_fields = ["name"]
    search_backend_name = None


class DraftCommentViewSet(SnippetViewSet):
    """Moderation of comments on drafts: approve one to show it on the document's page."""

    model = DraftComment
    icon = "comment"
    menu_label = _("Comments on drafts")
    list_display = [
        "name",
        Column("document", label=pgettext_lazy("legal document", "document")),
        "organization",
        Column("comment", label=pgettext_lazy("draft comment", "comment")),
        "created_at",
        "approved",
    ]
    list_filter = ["approved", "document"]
    search_fields = ["name", "organization", "comment", "email"]
    search_backend_name = None
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return DraftComment.objects.select_related("document__document_type")


class LegalLibraryViewSetGroup(SnippetViewSetGroup):
    items = (
        LegalDocumentViewSet,
        DraftCommentViewSet,
        DocumentTypeViewSet,
        IssuerViewSet,
        AreaViewSet,
    )
    menu_icon = "doc-full-inverse"
    menu_label = _("Documents library")
    menu_name = "legal-documents"
    menu_order = 250
