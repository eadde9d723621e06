"""Wagtail admin: the "Văn bản" menu with documents, types, issuers and areas."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from congdoan.core.dates import format_date_vn

from .models import Area, DocumentType, Issuer, LegalDocument


class VietnameseDateColumn(Column):
    """A date as dd/mm/yyyy: an issue date reads as a date, not as "7 years ago"."""

    def get_value(self, instance):
        return format_date_vn(super().get_value(instance))


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
    ]
    list_filter = [
        "document_type",
        "issuer",
        "areas",
        "is_replaced",
        "extraction_status",
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


class LegalLibraryViewSetGroup(SnippetViewSetGroup):
    items = (LegalDocumentViewSet, DocumentTypeViewSet, IssuerViewSet, AreaViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Documents library")
    menu_name = "legal-documents"
    menu_order = 250
